package extract

// StudyLineFeatures gives a dump's line feature names, rows (one flat slice)
// and gold cover per line, and whether each line is prose: a reading aid for
// the external study test (lineruns_study_test.go).
func StudyLineFeatures(body []byte, gold string) (names []string, x, cover []float64, prose []bool) {
	ls, _ := dumpLines(body, nil)
	x = lineFeatures(ls, nil)
	texts := make([]string, len(ls))
	prose = make([]bool, len(ls))
	for i := range ls {
		texts[i] = ls[i].text
		prose[i] = isProseBlock(&ls[i].block)
	}
	return lineFeatureNames, x, goldCover(texts, gold), prose
}

package eval

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"slices"
	"strings"

	"github.com/storyline-news/storyline/internal/compare"
	"github.com/storyline-news/storyline/internal/text"
)

// entityDoc is one document of a NER file (conllpp2020.ner.jsonl): its
// text and gold entities, offsets in characters as the file gives them.
type entityDoc struct {
	ID       string `json:"id"`
	Text     string `json:"text"`
	Entities []struct {
		Start int    `json:"start"`
		End   int    `json:"end"`
		Kind  string `json:"kind"`
		Text  string `json:"text"`
	} `json:"entities"`
}

// readEntityDocs reads a NER JSONL file.
func readEntityDocs(path string) ([]entityDoc, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var docs []entityDoc
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	for n := 1; sc.Scan(); n++ {
		var d entityDoc
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", path, n, err)
		}
		if d.Text == "" {
			return nil, fmt.Errorf("%s:%d: a document without text", path, n)
		}
		docs = append(docs, d)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	if len(docs) == 0 {
		return nil, fmt.Errorf("%s: no documents", path)
	}
	return docs, nil
}

// labelled converts a document's gold to byte offsets for fitting.
func (d entityDoc) labelled() compare.LabelledText {
	byteAt := runeToByte(d.Text)
	lt := compare.LabelledText{Text: d.Text}
	for _, e := range d.Entities {
		if e.Start < 0 || e.End >= len(byteAt) || e.Start >= e.End {
			continue
		}
		lt.Entities = append(lt.Entities, compare.LabelledSpan{Start: byteAt[e.Start], End: byteAt[e.End], Kind: e.Kind})
	}
	return lt
}

// runeToByte maps each character offset of s (and its end) to its byte
// offset.
func runeToByte(s string) []int {
	out := make([]int, 0, len(s)+1)
	for i := range s {
		out = append(out, i)
	}
	return append(out, len(s))
}

// KindScore is precision, recall and F1 with their counts: predictions
// that match a gold name (TP) or none (FP), gold names some prediction
// matches (Found) or none (FN).
type KindScore struct {
	TP, FP, Found, FN int
	PRF
}

// EntitiesReport is the document-level entity score of a NER file.
type EntitiesReport struct {
	File      string
	Docs      int
	Protocol  string // "embedded model" or "K-fold cross-validated by document"
	All       KindScore
	ByKind    map[string]KindScore
	Errors    []EntityError // the predictions and gold names that did not match, for reading
	Predicted map[string][]compare.Entity
	// Unseen scores, with folds, only the names none of whose words is a
	// word of a gold name of the fitting folds: how the model does on names
	// its fitting never labelled (its lexicon, gazetteer and word vectors
	// may still know them), as on news of another year or place (a
	// document's folds share the year's names, which the in-set score
	// rewards).
	Unseen *EntitiesReport `json:",omitempty"`
}

// EntityError is a name predicted without gold (FP) or gold not predicted
// (FN) in one document.
type EntityError struct {
	Doc, Name, Kind, What string
}

// RunEntities scores the entity recogniser on a NER file by the
// document-level measure: each document's unique (name, kind) pairs, a
// predicted name matching a gold one when the words of one are a run of the
// other's and the kinds agree. With folds > 1 the recogniser is fitted on
// the other folds of documents and scored on each fold in turn; otherwise
// the embedded model is scored (in-sample on the set it was fitted on).
func RunEntities(path string, folds int, seed int64) (EntitiesReport, error) {
	rep := EntitiesReport{File: path, Protocol: "embedded model", ByKind: map[string]KindScore{}, Predicted: map[string][]compare.Entity{}}
	docs, err := readEntityDocs(path)
	if err != nil {
		return rep, err
	}
	rep.Docs = len(docs)
	recognisers := make([]*compare.Recogniser, len(docs))
	known := make([]map[string]bool, len(docs)) // per document, the words of the fitting folds' gold names
	if folds > 1 {
		rep.Protocol = fmt.Sprintf("%d-fold cross-validated by document", folds)
		rep.Unseen = &EntitiesReport{File: path, Docs: len(docs), Protocol: rep.Protocol + ", names unseen in the fitting folds", ByKind: map[string]KindScore{}}
		for k := range folds {
			var train []compare.LabelledText
			words := map[string]bool{}
			for i, d := range docs {
				if i%folds != k {
					train = append(train, d.labelled())
					for _, e := range d.Entities {
						for _, w := range lowerWords(e.Text) {
							words[w] = true
						}
					}
				}
			}
			r := compare.FitRecogniser(train, seed)
			for i := range docs {
				if i%folds == k {
					recognisers[i], known[i] = r, words
				}
			}
		}
	} else {
		for i := range docs {
			recognisers[i] = compare.DefaultRecogniser()
		}
	}
	for i, d := range docs {
		pred := recognisers[i].Entities(d.Text)
		rep.Predicted[d.ID] = pred
		var predNames, goldNames []kindName
		// The names a document gives are its mentions' words: an entity
		// shown as "United States" is named "U.S." there.
		for _, e := range pred {
			for _, m := range e.Mentions {
				predNames = append(predNames, kindName{string(e.Kind), m.Text})
			}
		}
		for _, e := range d.Entities {
			if e.Kind == "person" || e.Kind == "place" || e.Kind == "org" {
				goldNames = append(goldNames, kindName{e.Kind, e.Text})
			}
		}
		scoreNames(d.ID, unique(predNames), unique(goldNames), &rep)
		if rep.Unseen != nil {
			scoreNames(d.ID, unseenNames(unique(predNames), known[i]), unseenNames(unique(goldNames), known[i]), rep.Unseen)
		}
	}
	rep.finish()
	if rep.Unseen != nil {
		rep.Unseen.finish()
	}
	return rep, nil
}

// finish works out the precision and recall of the counts.
func (rep *EntitiesReport) finish() {
	rep.All.PRF = prfOf(rep.All)
	for k, s := range rep.ByKind {
		s.PRF = prfOf(s)
		rep.ByKind[k] = s
	}
}

// unseenNames keeps the names none of whose words is known.
func unseenNames(xs []kindName, known map[string]bool) []kindName {
	var out []kindName
	for _, x := range xs {
		if !slices.ContainsFunc(lowerWords(x.name), func(w string) bool { return known[w] }) {
			out = append(out, x)
		}
	}
	return out
}

// FitEntities fits the recogniser on a whole NER file.
func FitEntities(path string, seed int64) (*compare.Recogniser, error) {
	docs, err := readEntityDocs(path)
	if err != nil {
		return nil, err
	}
	var train []compare.LabelledText
	for _, d := range docs {
		train = append(train, d.labelled())
	}
	return compare.FitRecogniser(train, seed), nil
}

type kindName struct{ kind, name string }

// unique keeps one of each (kind, name), names compared by their words.
func unique(xs []kindName) []kindName {
	seen := map[string]bool{}
	var out []kindName
	for _, x := range xs {
		k := x.kind + ":" + strings.Join(lowerWords(x.name), " ")
		if !seen[k] && len(lowerWords(x.name)) > 0 {
			seen[k] = true
			out = append(out, x)
		}
	}
	return out
}

func lowerWords(s string) []string {
	ws := text.Words(text.Fold(s))
	for i, w := range ws {
		ws[i] = strings.ToLower(w)
	}
	return ws
}

// isRun reports whether the words of a are a contiguous run of b's.
func isRun(a, b []string) bool {
	for i := 0; i+len(a) <= len(b); i++ {
		ok := true
		for j := range a {
			if a[j] != b[i+j] {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}

// entityNamesMatch reports whether one name is a run of the other's words.
func entityNamesMatch(a, b string) bool {
	wa, wb := lowerWords(a), lowerWords(b)
	return len(wa) > 0 && len(wb) > 0 && (isRun(wa, wb) || isRun(wb, wa))
}

// scoreNames counts a document's matches: a prediction is a true positive
// when it matches a gold name of its kind, a gold name is missed when no
// prediction of its kind matches it.
func scoreNames(doc string, pred, gold []kindName, rep *EntitiesReport) {
	for _, p := range pred {
		s := rep.ByKind[p.kind]
		if matchesAny(p, gold) {
			s.TP++
			rep.All.TP++
		} else {
			s.FP++
			rep.All.FP++
			rep.Errors = append(rep.Errors, EntityError{doc, p.name, p.kind, "FP"})
		}
		rep.ByKind[p.kind] = s
	}
	for _, g := range gold {
		s := rep.ByKind[g.kind]
		if matchesAny(g, pred) {
			s.Found++
			rep.All.Found++
		} else {
			s.FN++
			rep.All.FN++
			rep.Errors = append(rep.Errors, EntityError{doc, g.name, g.kind, "FN"})
		}
		rep.ByKind[g.kind] = s
	}
}

// matchesAny reports whether some name of others is of n's kind and matches
// it (entityNamesMatch is symmetric, so one helper serves both directions).
func matchesAny(n kindName, others []kindName) bool {
	for _, o := range others {
		if o.kind == n.kind && entityNamesMatch(n.name, o.name) {
			return true
		}
	}
	return false
}

// prfOf computes precision and recall from the counts: precision over the
// predictions, recall over the gold names.
func prfOf(s KindScore) PRF {
	var p, r float64
	if s.TP+s.FP > 0 {
		p = float64(s.TP) / float64(s.TP+s.FP)
	}
	if s.Found+s.FN > 0 {
		r = float64(s.Found) / float64(s.Found+s.FN)
	}
	return PRF{P: p, R: r, F1: F1(p, r)}
}

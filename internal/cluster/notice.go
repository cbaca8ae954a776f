package cluster

import (
	"regexp"
	"slices"
	"strings"

	"github.com/storyline-news/storyline/internal/text"
)

// maxNoticeWords bounds a standard notice: a helpline line, a correction
// note, an update line or a credit line runs to one or two sentences (the
// longest helpline notices, with two numbers and an address, about 50
// words); a longer paragraph is reporting even when it mentions one. A
// round bound, not tuned: the longest of the 62 notices read in session
// 39 (story files and three news extraction sets) ran to about 50 words.
const maxNoticeWords = 60

// isNotice reports whether a paragraph is a standard notice rather than
// the report's own account of the event: a line about the article itself
// (selfNote: "This story has been updated", "An earlier version of this
// article misstated ...", "The Wire Service contributed to this report"),
// a labelled note or credit ("Correction: ...", "Editor's note: ...",
// "Reporting by ...; Editing by ...", a copyright line), or a line that
// speaks to the reader and gives a number or address to call or visit (a
// helpline notice: "If you or someone you know is struggling, call ...").
// Outlets attach such lines, word for word, to many unrelated reports, so
// two reports sharing one show no copying, and an outlet's two reports
// sharing one are no versions of each other.
func isNotice(para string) bool {
	p := strings.ToLower(text.Fold(para))
	words := text.Words(p)
	if len(words) == 0 || len(words) > maxNoticeWords {
		return false
	}
	written := text.Words(para)
	lang := text.Language(para)
	english := lang == "en"
	return labelledNote(p, english) || creditLine(p, written) || agencyCredit(words, written) || selfNote(words) ||
		!english && otherSelfNote(words) || readerContact(p, para, words, !english, lang != "" && !english)
}

// noticeLabels open a note or credit line that is no part of the report.
// "Update:" is not one: on BASIL (session 39) 6 of the 8 paragraphs
// opening with it carried news added to the report (a statement, a new
// development), which another outlet may copy like any other.
var noticeLabels = []string{
	"correction:", "corrections:", "clarification:", "editor's note:", "editors' note:", "©", "(c) copyright",
}

// creditLabels open a credit line, which names who made the report.
var creditLabels = []string{"reporting by", "additional reporting by", "writing by", "editing by", "compiled by"}

// creditLine reports whether a lower-cased paragraph opens with a credit
// label followed by a name (words as written, capitals kept: "Reporting
// by Ana Lind; Editing by ..."). The same words open reporting when a
// common noun follows ("Compiled by the statistics office, the figures
// show ...", "Writing by candlelight, ...").
func creditLine(p string, written []string) bool {
	for _, l := range slices.Concat(creditLabels, otherCreditLabels) {
		n := len(strings.Fields(l))
		if strings.HasPrefix(p, l) && len(written) > n && text.IsUpperInitial(written[n]) {
			return true
		}
	}
	return false
}

// labelledNote reports whether a lower-cased paragraph opens with a
// notice's label, or is a rights line ("All rights reserved": rightsLine,
// told whether the paragraph is English).
func labelledNote(p string, english bool) bool {
	for _, l := range noticeLabels {
		if strings.HasPrefix(p, l) {
			return true
		}
	}
	closed := closeColons(p)
	for _, l := range otherNoticeLabels {
		if strings.HasPrefix(closed, l) {
			return true
		}
	}
	return rightsLine(p, english)
}

// rightsLine reports whether a lower-cased paragraph says "All rights
// reserved" outside quotation marks (a story about copyright quotes the
// words: review of s40-attr, session 40), in English or, where the
// paragraph is not told as English (english false), in one of the seven
// other languages: an English report may name the German words unquoted.
func rightsLine(p string, english bool) bool {
	own := unquoted(p)
	if strings.Contains(own, "all rights reserved") {
		return true
	}
	return !english && slices.ContainsFunc(otherRightsLines, func(l string) bool { return strings.Contains(own, l) })
}

// selfNouns name the article itself after "this" in a note about it.
var selfNouns = map[string]bool{"story": true, "article": true, "report": true, "post": true, "piece": true, "version": true}

// editStems are the words of a note about how the article was made or
// changed: updated, corrected, contributed, misstated, misidentified,
// clarified, amended, revised.
var editStems = []string{"updat", "correct", "contribut", "misstat", "misidentif", "misspel", "misquot", "clarif", "amend", "revis"}

// selfNote reports whether lower-cased words speak of the article itself
// ("this story", "this report") as updated, corrected or written with
// others' help, the word of editing within selfReach words of it ("this
// story has been updated", "contributed to this report"). Both are
// needed, and near each other: "this report" is as often an agency's
// report the news is about ("this report by the inspectors, updated in
// May").
func selfNote(words []string) bool {
	return noteOnThis(words, wordSet{"this": true}, selfNouns, speechWords, editStems)
}

// otherSelfNote is selfNote in German, French, Spanish, Italian,
// Portuguese, Dutch and Polish: "Dieser Artikel wurde aktualisiert", "Cet
// article a été mis à jour", "Una versión anterior de este artículo
// contenía un error", "Ten artykuł został zaktualizowany".
func otherSelfNote(words []string) bool {
	return slices.ContainsFunc(otherSelfPointers, func(l selfPointer) bool {
		return noteOnThis(words, l.this, l.nouns, otherSpeechWords, otherEditStems)
	})
}

// noteOnThis reports whether words hold a demonstrative of this, then a
// noun of nouns, with a word of one of stems within selfReach words of the
// noun, and no word of speech before them.
func noteOnThis(words []string, this, nouns, speech wordSet, stems []string) bool {
	for k, w := range words {
		if k == 0 || !this[words[k-1]] || !nouns[w] {
			continue
		}
		if slices.ContainsFunc(words[:k-1], speech.Has) {
			return false // someone else's document: "the auditor said this report was revised"
		}
		for _, near := range words[max(0, k-selfReach):min(len(words), k+selfReach+1)] {
			if hasStem(near, stems) {
				return true
			}
		}
	}
	return false
}

// speechWords attribute what follows to someone: a paragraph that has one
// before "this report" tells of a document someone spoke of ("the auditor
// said this report was revised"), not of the article itself, whose notes
// open with it ("This story has been updated", "An earlier version of
// this article misstated ...", "Ana Lind contributed to this report").
// Listed by hand on invented sentences (session 39 review).
var speechWords = wordSet{"said": true, "says": true, "told": true, "according": true, "stated": true, "added": true}

// wordSet is a set of lower-cased words.
type wordSet map[string]bool

// Has reports whether w is in the set.
func (s wordSet) Has(w string) bool { return s[w] }

// selfReach is how far from "this story" a note's word of editing lies:
// "this story has been updated" (3 after), "contributed to this report"
// (3 before, counting "this"). Set from these two forms, not tuned; the
// session 39 held-out read of three news extraction sets (56 paragraphs
// flagged, 52 notices) ran with it. One more would take "this report by
// the inspectors, updated in May" (4 after) as a note on the article.
const selfReach = 3

// hasStem reports whether a word opens with one of stems (editStems: a
// word of editing or credit).
func hasStem(w string, stems []string) bool {
	for _, s := range stems {
		if strings.HasPrefix(w, s) {
			return true
		}
	}
	return false
}

// contactNumber is a telephone number as notices give one: three groups
// of digits, the last of four or five ("1-800-555-0199", "0800 555 0199",
// "(555) 010-0199"). A shorter last group reads ratios, rules and version
// numbers as numbers to call ("the 50-30-20 rule", "v400.21.013": on the
// extraction benchmarks' text, session 39).
var contactNumber = regexp.MustCompile(`\(?\d{1,4}\)?[ .-]\d{2,4}[ .-]\d{4,5}\b`)

// emailAddress is an e-mail address; a handle ("@name") is none.
var emailAddress = regexp.MustCompile(`[\w.+-]+@[\w-]+\.[\w.]+`)

// readerContact reports whether a lower-cased paragraph speaks to the
// reader ("you", "your", outside quotation marks: a speaker's "you" is
// reported) and gives a telephone number, or asks to call, text, contact,
// reach or visit a web or e-mail address, or to call, text or dial a
// short number ("call 5050"; one "reaches 70" years or minutes).
// With otherLanguages (a paragraph not told as English: text.Language),
// the pronouns and imperatives of otherYou and otherDialVerbs also speak
// to the reader; in English text "ten", "tu" or "UW" are other words.
// A pronoun of surnamePronouns written with a capital counts only where
// the paragraph is told as one of the other languages (toldOther): in a
// short line of no told language it is a surname ("Vos said he would call
// ..."; review of s40-attr, session 40). para is the paragraph as
// written, p lower-cased.
// A web address alone is not enough: a consumer column tells its readers
// of sites to look at ("you are most likely to get a good price ... at
// www.example.com"), which is its reporting (duc2003, session 39).
func readerContact(p, para string, words []string, otherLanguages, toldOther bool) bool {
	if otherLanguages && otherDialsNumber(text.Words(unquoted(p))) {
		return true
	}
	you := false
	for _, written := range text.Words(unquoted(text.Fold(para))) {
		w := strings.ToLower(written)
		if w == "you" || w == "your" || otherLanguages && otherYou[w] && (written == w || toldOther || !surnamePronouns[w]) {
			you = true
			break
		}
	}
	if !you {
		return false
	}
	if contactNumber.MatchString(p) {
		return true
	}
	address := strings.Contains(p, "www.") || strings.Contains(p, "http") || emailAddress.MatchString(p)
	for k, w := range words {
		if contactVerbs[w] && address || dialVerbs[w] && k+1 < len(words) && isDigits(words[k+1]) {
			return true
		}
	}
	return false
}

// surnamePronouns are the pronouns of otherYou that are also common
// surnames (the Dutch "Vos", the Chinese "Tu"), listed by hand, not
// counted on any page.
var surnamePronouns = wordSet{"vos": true, "tu": true}

// contactVerbs ask the reader to get in touch at an address.
var contactVerbs = map[string]bool{"call": true, "text": true, "dial": true, "contact": true, "reach": true, "visit": true, "email": true, "write": true}

// dialVerbs ask the reader to call a number.
var dialVerbs = map[string]bool{"call": true, "text": true, "dial": true}

// isDigits reports whether w is made of ASCII digits alone.
func isDigits(w string) bool {
	for _, r := range w {
		if r < '0' || r > '9' {
			return false
		}
	}
	return w != ""
}

// unquoted is a paragraph without the words inside double quotation
// marks (splitQuotes, a quotation left open at the end taken as one).
func unquoted(p string) string {
	var b strings.Builder
	for _, piece := range splitQuotes(quoteMarks.Replace(p), true) {
		if !piece.quoted {
			b.WriteString(piece.text)
			b.WriteByte(' ')
		}
	}
	return b.String()
}

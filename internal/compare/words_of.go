package compare

import "strings"

// wordsOfCue is the cue of a quote credited by "in the words of" after it.
const wordsOfCue = "in the words of"

// wordsOfPhrase reports whether the words after a quote open with "in the
// words of": `"...," in the words of Tomas Brandt` credits the quote to
// the person named, as "according to" does, but never as a reporter of
// someone else's words (the phrase says whose words they are). Session 37
// (s37-quote2) found the phrase once in the seven story files (duc2003),
// where the quote had gone to the subject of the sentence around it.
func wordsOfPhrase(words []token) bool {
	if len(words) < 5 {
		return false
	}
	for i, w := range strings.Fields(wordsOfCue) {
		if !strings.EqualFold(words[i].word, w) {
			return false
		}
	}
	return true
}

// wordsOfSpeaker resolves the one named after "in the words of" in the
// words after a quote (trimmed, lead bytes after at, where the words after
// the quote start in the text), up to the clause's end (limit) or the
// first comma ("in the words of Tomas Brandt, the lawyer"): a name or a
// description, else no one.
func (a *attributor) wordsOfSpeaker(trimmed string, words []token, limit, at, lead int) string {
	from := words[3].end
	if from >= limit {
		return ""
	}
	subj := trimmed[from:limit]
	if c := strings.IndexByte(subj, ','); c > 0 {
		subj = subj[:c]
	}
	return orDescribed(a.resolveSubject(subj, at+lead+from, at), subj)
}

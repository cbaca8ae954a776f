package compare

import (
	"strings"
	"unicode"

	"github.com/storyline-news/storyline/internal/text"
)

// SameThreshold is the similarity at which two sentences state the same fact.
const SameThreshold = 0.45

// synonyms fold the verbs and nouns that news rewrites swap for one another to
// one form.
var synonyms = map[string]string{
	"says": "say", "said": "say", "told": "say", "stated": "say", "states": "say", "added": "say",
	"announced": "say", "declared": "say", "noted": "say", "claimed": "say", "explained": "say",
	"killed": "die", "dead": "die", "died": "die", "deaths": "die", "death": "die", "fatalities": "die", "lives": "die",
	"injured": "hurt", "wounded": "hurt", "injuries": "hurt", "hurt": "hurt",
	"arrested": "arrest", "detained": "arrest", "apprehended": "arrest", "custody": "arrest",
	"blaze": "fire", "fire": "fire", "flames": "fire", "inferno": "fire",
	"quake": "earthquake", "earthquake": "earthquake", "tremor": "earthquake",
	"leaving": "leave", "left": "leave", "departure": "leave", "departing": "leave", "returning": "return",
	"returned": "return", "heads": "return", "concluding": "end", "concluded": "end", "ends": "end", "ended": "end",
	"term": "term", "tenure": "term", "assignment": "term", "post": "term",
	"envoy": "ambassador", "ambassador": "ambassador", "representative": "ambassador",
	"appointed": "appoint", "named": "appoint", "nominated": "appoint",
	"purchase": "buy", "bought": "buy", "acquire": "buy", "acquired": "buy", "acquisition": "buy",
	"firm": "company", "company": "company", "corporation": "company",
	"percent": "%", "per cent": "%", "pct": "%",
	"us": "united states", "u.s": "united states", "usa": "united states", "america": "united states",
	"uk": "united kingdom", "britain": "united kingdom",
	"hostile": "tense", "tension": "tense", "tensions": "tense", "tense": "tense",
	"worst": "bad", "worse": "bad",
}

// features of a sentence for alignment: stemmed content words, with names and
// numbers marked.
type sentenceFeatures struct {
	words map[string]float64 // term -> weight
	total float64
}

// sentenceFeaturesOf weighs a sentence's words: a content word 1, a name
// (capitalised, not first) or a number 2; stop words are left out; words are
// folded by the synonym list and cut to a five-letter stem.
func sentenceFeaturesOf(s string) sentenceFeatures {
	f := sentenceFeatures{words: map[string]float64{}}
	for i, w := range text.Words(text.Fold(s)) {
		lw := strings.ToLower(w)
		if text.IsStopWord(lw) && lw != "us" {
			continue
		}
		weight := 1.0
		if unicode.IsDigit([]rune(w)[0]) || (i > 0 && text.IsUpperInitial(w)) {
			weight = 2
		}
		if syn, ok := synonyms[lw]; ok {
			lw = syn
		} else if r := []rune(lw); len(r) > 5 && !unicode.IsDigit(r[0]) {
			lw = string(r[:5])
		}
		if weight > f.words[lw] {
			f.total += weight - f.words[lw]
			f.words[lw] = weight
		}
	}
	return f
}

// Similarity scores how nearly two sentences state the same thing, in [0,1]:
// the weighted Dice overlap of their features,
//
//	2 x Σ weight(shared) / (Σ weight(a) + Σ weight(b))
//
// where names and numbers weigh 2 and other content words 1, after synonym
// folding and stemming.
func Similarity(a, b string) float64 {
	return similarity(sentenceFeaturesOf(a), sentenceFeaturesOf(b))
}

func similarity(a, b sentenceFeatures) float64 {
	if a.total == 0 || b.total == 0 {
		return 0
	}
	shared := 0.0
	for w, wa := range a.words {
		if wb, ok := b.words[w]; ok {
			shared += min(wa, wb)
		}
	}
	return 2 * shared / (a.total + b.total)
}

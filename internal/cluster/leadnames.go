package cluster

import (
	"strings"
	"unicode"

	"github.com/storyline-news/storyline/internal/placenames"
	"github.com/storyline-news/storyline/internal/text"
)

// The kinds of a lead's names: where (a place) and who (the people, teams
// and bodies it names). Read apart because they mean different things
// when two reports differ: two occasions of one kind (two fires of one
// chain, two quakes) happen in different towns, while two outlets'
// reports of one occasion often quote different people (session 51).
const (
	leadPlace = iota // a place: the town, the island, the country
	leadWho          // every other name: people, teams, companies, bodies
	nameKinds
)

// locatives are the prepositions that put the capitalised words after
// them in a place ("in Banstead", "near Qeshm", "outside Paris"): general
// English, not read from any bench text. "from" and "by" are left out:
// they precede people and outlets as often ("from Reuters", "by Smith").
var locatives = map[string]bool{"in": true, "at": true, "near": true, "outside": true, "off": true, "across": true}

// cityWords are the words of placenames.Cities lower-cased: a large city
// is a place even when no preposition precedes it ("Paris police said").
var cityWords = func() map[string]bool {
	m := map[string]bool{}
	for _, c := range placenames.Cities {
		for _, w := range text.Words(c) {
			m[strings.ToLower(w)] = true
		}
	}
	return m
}()

// personClasses are the name lexicon's classes of people's names: a word
// the lexicon lists as a place and as one of these ("Jackson",
// "Virginia", "Washington" as a surname) is no place on the lexicon's word
// alone.
var personClasses = []string{"first", "last", "person", "male", "female"}

// leadNameKind says whether a lead's lower-cased name lw names a place
// (leadPlace) or someone (leadWho): a place when its sentence puts it
// after a locative (places, see placesAfterLocatives), when it is a word
// of a large city's name, or when the name lexicon lists it as a city, a
// country or a region and never as a person's name.
func leadNameKind(lw string, places map[string]bool) int {
	if places[lw] || cityWords[lw] || lexiconPlace(lw) {
		return leadPlace
	}
	return leadWho
}

// lexiconPlace tells whether the name lexicon lists lw as a city, a
// country or a region ("Surrey", "Iran", "Wellington") and not as a
// person's name.
func lexiconPlace(lw string) bool {
	lex := text.Names()
	if !lex.Has(lw, "city") && !lex.Has(lw, "country") && !lex.Has(lw, "region") {
		return false
	}
	for _, c := range personClasses {
		if lex.Has(lw, c) {
			return false
		}
	}
	return true
}

// placesAfterLocatives returns the lower-cased words of the capitalised
// run that follows each locative of a sentence ("in Banstead", "near Qeshm
// Island"), the run ending at the first punctuation ("in Biloxi, Coroner
// Gary Hargrove said": Biloxi alone) or lower-case word.
func placesAfterLocatives(sentence string) map[string]bool {
	places := map[string]bool{}
	tokens := strings.Fields(sentence)
	for i := 0; i+1 < len(tokens); i++ {
		if !locatives[strings.ToLower(tokens[i])] {
			continue
		}
		for _, tok := range tokens[i+1:] {
			words := text.Words(tok)
			if len(words) == 0 || !text.IsUpperInitial(words[0]) {
				break
			}
			for _, w := range words {
				if text.IsUpperInitial(w) {
					places[strings.ToLower(w)] = true
				}
			}
			if r := []rune(tok); !unicode.IsLetter(r[len(r)-1]) && !unicode.IsDigit(r[len(r)-1]) {
				break
			}
		}
	}
	return places
}

// calendarName tells whether a capitalised word names a day of the week
// or a month: neither who nor where (the days a lead names are read apart,
// see daysClash). "May" is left a name: a surname as often.
func calendarName(w string) bool {
	_, day := weekdayNamed[strings.ToLower(w)]
	_, month := months[w]
	return day || month && w != "May"
}

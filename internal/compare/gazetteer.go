package compare

import (
	"slices"
	"strings"
	"sync"
	"unicode"

	"github.com/storyline-news/storyline/internal/placenames"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
	"golang.org/x/text/unicode/norm"
)

// placeAliases maps the short and informal names of countries to the names of
// golang.org/x/text's CLDR data.
var placeAliases = map[string]string{
	"us": "United States", "u.s": "United States", "usa": "United States", "u.s.a": "United States",
	"america": "United States", "united states of america": "United States",
	"uk": "United Kingdom", "u.k": "United Kingdom", "britain": "United Kingdom", "great britain": "United Kingdom",
	"russian federation": "Russia", "prc": "China", "uae": "United Arab Emirates", "drc": "DR Congo",
	"south korea": "South Korea", "north korea": "North Korea", "czech republic": "Czechia",
	// The one US state the name lexicon lists only as a person's first
	// name (the other 49 are its regions): "Mark Warner of Virginia".
	"virginia": "Virginia",
}

// regions are the continents, regions and former states that news names as
// places without a country ("Siberia", "Middle East", "Soviet Union"); the
// cities it names so are placenames.Cities, which lead titles read in
// datelines too.
var regions = []string{"Siberia", "Crimea", "Donbas", "Europe", "Asia", "Africa", "Middle East", "Latin America",
	"Scandinavia", "Balkans", "Caucasus", "Arctic", "Antarctica", "Gaza Strip", "West Bank", "Soviet Union", "USSR"}

type gazetteer struct {
	places map[string]string // lower-case name or alias -> canonical name
}

var (
	gazOnce sync.Once
	gaz     gazetteer
)

// places returns the place gazetteer: CLDR's country and region names in
// English (from golang.org/x/text), the aliases, placenames.Cities and the
// regions above. It is built once and only read afterwards. Names of
// countries in other languages are otherLanguageCountries'.
func places() gazetteer {
	gazOnce.Do(func() {
		g := gazetteer{places: map[string]string{}}
		english := display.English.Regions()
		for _, r := range countryRegions() {
			if name := english.Name(r); name != "" {
				g.places[strings.ToLower(name)] = newsName(name)
			}
		}
		for alias, name := range placeAliases {
			g.places[alias] = name
		}
		for _, c := range slices.Concat(placenames.Cities, regions) {
			g.places[strings.ToLower(c)] = c
		}
		g.places["kiev"] = "Kyiv"
		g.places["odessa"] = "Odesa"
		withStraightApostrophes(g.places)
		gaz = g
	})
	return gaz
}

// withStraightApostrophes adds, for every name written with a curly
// apostrophe (CLDR's "Côte d’Ivoire"), the same name typed with a straight
// one, as much news text is: "Côte d'Ivoire" was no known place (session
// 41).
// Both are also added without their accents ("Cote d'Ivoire", as the
// wires of the duc2003 story file write it).
func withStraightApostrophes(places map[string]string) {
	for name, canonical := range places {
		if !strings.Contains(name, "’") {
			continue
		}
		for _, form := range []string{strings.ReplaceAll(name, "’", "'"), withoutAccents(name), withoutAccents(strings.ReplaceAll(name, "’", "'"))} {
			if places[form] == "" {
				places[form] = canonical
			}
		}
	}
}

// withoutAccents drops the accents of s ("côte" -> "cote"): its letters
// decomposed, the combining marks left out.
func withoutAccents(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		if !unicode.Is(unicode.Mn, r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// cldrOnlyNames are CLDR's English names of countries that news never
// writes, with the name it does write: the two Congos, which CLDR tells
// apart by their capitals ("Congo - Kinshasa"). The other such names are
// made news names by rule (newsName).
var cldrOnlyNames = map[string]string{"Congo - Kinshasa": "DR Congo", "Congo - Brazzaville": "Republic of the Congo"}

// newsName returns the name news writes for a country whose English CLDR
// name is cldr, the name shown to users: CLDR's qualifiers cut ("Myanmar
// (Burma)" is Myanmar, "Hong Kong SAR China" Hong Kong) and its ampersand
// written out ("Bosnia & Herzegovina" is Bosnia and Herzegovina), so that
// "Myanmar" in a German text and "Myanmar" in an English one are one place
// under the name both write (s40-langrev: before, the German one was shown
// as "Myanmar (Burma)" and listed apart).
func newsName(cldr string) string {
	if n, ok := cldrOnlyNames[cldr]; ok {
		return n
	}
	n := strings.TrimSuffix(cldr, " SAR China")
	if i := strings.Index(n, " ("); i > 0 && strings.HasSuffix(n, ")") {
		n = n[:i]
	}
	return strings.ReplaceAll(n, " & ", " and ")
}

// countryRegions lists the regions CLDR counts as countries (two-letter
// codes).
func countryRegions() []language.Region {
	var out []language.Region
	for a := 'A'; a <= 'Z'; a++ {
		for b := 'A'; b <= 'Z'; b++ {
			if r, err := language.ParseRegion(string([]rune{a, b})); err == nil && r.IsCountry() {
				out = append(out, r)
			}
		}
	}
	return out
}

// otherPlaceLanguages are the languages whose names of countries the
// gazetteer reads besides English ("Frankreich", "Allemagne", "Alemania",
// "Niemcy"): the European languages the quote rules read
// (otherLanguageCues) and Russian. Built at start from golang.org/x/text's
// CLDR display names, not written by hand.
var otherPlaceLanguages = []string{"de", "fr", "es", "it", "pt", "nl", "pl", "cs", "sv", "da", "nb", "ru"}

// englishHomographs are other languages' names of countries that English
// writes as a word or a name of something else: German and Danish
// "Island" (Iceland), French "Argentine" (the English adjective), "Chili",
// "Grenade", "Ascension", "Salvador" and "Guadalupe" (given names), Dutch
// "Norfolk" (an English county). Found by listing the generated names that
// occur in English news text (s40-lang2: three English story files' words);
// a given name of the name lexicon is left out without being listed here
// (otherLanguageCountry).
var englishHomographs = toSet(`island argentine chili grenade ascension salvador guadalupe norfolk`)

// ambiguousCountryNames are other languages' CLDR names of one country
// that news of other languages writes for another too: Polish CLDR's
// "Kongo" is Congo - Brazzaville, but German, Dutch and Czech news write
// "Kongo" for either Congo, most often the larger (s40-langrev: a German
// "Kongo" was shown as Brazzaville's).
var ambiguousCountryNames = toSet(`kongo`)

var (
	otherCountriesOnce sync.Once
	otherCountries     map[string]string
)

// otherLanguageCountries maps the lower-case name of each country in the
// otherPlaceLanguages to its English name ("frankreich" and "allemagne" to
// France and Germany), so that one country named in two languages is one
// place. A name English already reads (as a country, an alias or a city)
// is left to places. It is read for text of other languages only
// (namesInLanguage): in English text such a name is more often something
// else ("Kenia", Spanish for Kenya, is a given name in English news). Built
// once, at first use, from CLDR's display names.
func otherLanguageCountries() map[string]string {
	otherCountriesOnce.Do(func() {
		m := map[string]string{}
		english, countries, known := display.English.Regions(), countryRegions(), places().places
		for _, tag := range otherPlaceLanguages {
			namer := display.Regions(language.MustParse(tag))
			for _, r := range countries {
				name, eng := namer.Name(r), english.Name(r)
				lw := strings.ToLower(name)
				if eng == "" || known[lw] != "" || m[lw] != "" || !otherLanguageCountry(lw) {
					continue
				}
				m[lw] = newsName(eng)
			}
		}
		otherCountries = m
	})
	return otherCountries
}

var (
	englishCountriesOnce sync.Once
	englishCountries     map[string]bool
)

// englishCountryNames is the set of CLDR's English names of countries,
// lower case ("iran", "china"), built once at first use.
func englishCountryNames() map[string]bool {
	englishCountriesOnce.Do(func() {
		englishCountries = map[string]bool{}
		english := display.English.Regions()
		for _, r := range countryRegions() {
			if name := english.Name(r); name != "" {
				englishCountries[strings.ToLower(name)] = true
			}
		}
	})
	return englishCountries
}

// placeName returns the gazetteer's name of a lower-case place name: the
// English gazetteer's, else, in text of another language, the English
// name of a country named in that language; "" when neither knows it.
func placeName(lw string, otherLanguage bool) string {
	if p := places().places[lw]; p != "" || !otherLanguage {
		return p
	}
	return otherLanguageCountries()[lw]
}

// otherLanguageCountry reports whether the lower-case name of a country in
// another language can be read as a place in any text: not a word or name
// English writes otherwise (englishHomographs, a place or organisation
// word such as "island", a given name of the name lexicon: French
// "Maurice" for Mauritius, "Dominique" for Dominica).
func otherLanguageCountry(lw string) bool {
	if englishHomographs[lw] || ambiguousCountryNames[lw] || placeWords[lw] || orgWords[lw] || isFirstName(lw) {
		return false
	}
	return lw != ""
}

// orgWords end or start the names of organisations.
var orgWords = toSet(`ministry agency institute university college school party council corp corporation inc ltd llc
company co bank committee commission association department office police army navy force forces court parliament
government administration union federation foundation fund group news times post journal press tribune herald
guardian telegraph reuters bloomberg network channel service services organization organisation authority board
systems timber athletic rovers fc grammar exchange industries holdings partners capital airlines motors energy
congress senate assembly house club league academy hospital centre center institution nations kremlin pentagon
ministerium partei regierung gericht universität ministère parti gouvernement université министерство партия`)

// placeWords end the names of places that no gazetteer lists ("Old Mill
// Road", "Marrow Valley", "Harbour Park"), or begin them ("Port of Calder").
var placeWords = toSet(`valley road street st avenue ave boulevard lane park coast bay river lake mountain mountains island
islands hill hills square bridge harbour harbor port county district province region forest beach canyon airport
station peninsula gulf sea ocean strait plaza heights quay creek falls field fields valley heath moor point cape ridge cove
springs wharf pier docks marina reservoir canal dam glacier desert plains inlet junction village township`)

// placeHeads begin the names of places: "Mount Kessel", "Lake Orrin", "Fort Ardley".
var placeHeads = toSet(`mount mt lake fort ft cape`)

// eventWords begin or end the names of events and things, which are neither
// people nor places: "Storm Eleanor", "Sable Cup", "Operation Sunrise".
var eventWords = toSet(`storm hurricane typhoon cyclone tropical operation cup championship championships festival olympics
games war summit conference election awards prize trophy tournament series act bill treaty accord`)

func toSet(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

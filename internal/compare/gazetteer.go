package compare

import (
	"slices"
	"strings"
	"sync"

	"github.com/storyline-news/storyline/internal/placenames"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
)

// placeAliases maps the short and informal names of countries to the names of
// golang.org/x/text's CLDR data.
var placeAliases = map[string]string{
	"us": "United States", "u.s": "United States", "usa": "United States", "u.s.a": "United States",
	"america": "United States", "united states of america": "United States",
	"uk": "United Kingdom", "u.k": "United Kingdom", "britain": "United Kingdom", "great britain": "United Kingdom",
	"russian federation": "Russia", "prc": "China", "uae": "United Arab Emirates", "drc": "Congo - Kinshasa",
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
// English (from golang.org/x/text), their aliases, placenames.Cities and
// the regions above. It is built once and only read afterwards.
func places() gazetteer {
	gazOnce.Do(func() {
		g := gazetteer{places: map[string]string{}}
		namer := display.English.Regions()
		for a := 'A'; a <= 'Z'; a++ {
			for b := 'A'; b <= 'Z'; b++ {
				r, err := language.ParseRegion(string([]rune{a, b}))
				if err != nil || !r.IsCountry() {
					continue
				}
				if name := namer.Name(r); name != "" {
					g.places[strings.ToLower(name)] = name
				}
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
		gaz = g
	})
	return gaz
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

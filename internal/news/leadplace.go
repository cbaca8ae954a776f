package news

import (
	"strings"
	"sync"
	"unicode"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
)

// This file reads a place named alone before a colon as a dateline
// ("NEW DELHI: The government ...", the style of many South Asian and
// British papers), which cutColonDateline cannot tell from a headline's
// kicker ("EXCLUSIVE: ...", "CLAIM: ...", "UPDATE: ...") by its shape: a
// country's name, or a capital or large city that datelines name without
// a country, tells it.

// datelineCities are capitals and large cities that datelines name without
// a country, lower case: the world's capitals and cities of about five
// million people or more, written from general knowledge (not from the
// bench texts), in the spellings English-language wires use.
var datelineCities = wordListSet(`
washington|new york|los angeles|chicago|houston|san francisco|boston|miami|seattle|atlanta|dallas|philadelphia|
ottawa|toronto|montreal|vancouver|mexico city|havana|guatemala city|san salvador|tegucigalpa|managua|san jose|
panama city|bogota|caracas|quito|lima|la paz|santiago|buenos aires|montevideo|asuncion|brasilia|sao paulo|
rio de janeiro|london|dublin|edinburgh|paris|brussels|amsterdam|the hague|luxembourg|berlin|vienna|bern|geneva|
zurich|rome|milan|madrid|barcelona|lisbon|athens|valletta|nicosia|copenhagen|oslo|stockholm|helsinki|reykjavik|
tallinn|riga|vilnius|warsaw|prague|bratislava|budapest|ljubljana|zagreb|belgrade|sarajevo|podgorica|skopje|
tirana|pristina|sofia|bucharest|chisinau|kyiv|kiev|minsk|moscow|st petersburg|tbilisi|yerevan|baku|ankara|
istanbul|beirut|damascus|amman|jerusalem|tel aviv|gaza|ramallah|baghdad|tehran|riyadh|jeddah|kuwait city|
manama|doha|abu dhabi|dubai|muscat|sanaa|aden|cairo|alexandria|tripoli|tunis|algiers|rabat|casablanca|khartoum|
juba|addis ababa|asmara|djibouti|mogadishu|nairobi|kampala|kigali|bujumbura|dodoma|dar es salaam|lusaka|harare|
lilongwe|maputo|gaborone|windhoek|pretoria|johannesburg|cape town|maseru|mbabane|antananarivo|port louis|luanda|
kinshasa|brazzaville|libreville|yaounde|douala|bangui|ndjamena|niamey|abuja|lagos|accra|lome|porto novo|cotonou|
ouagadougou|bamako|dakar|banjul|bissau|conakry|freetown|monrovia|abidjan|yamoussoukro|nouakchott|kabul|islamabad|
karachi|lahore|new delhi|delhi|mumbai|kolkata|chennai|bengaluru|bangalore|hyderabad|ahmedabad|pune|dhaka|
chittagong|kathmandu|thimphu|colombo|tashkent|astana|almaty|bishkek|dushanbe|ashgabat|ulaanbaatar|beijing|
shanghai|guangzhou|shenzhen|chongqing|tianjin|wuhan|chengdu|hong kong|macau|taipei|seoul|busan|pyongyang|tokyo|
osaka|manila|hanoi|ho chi minh city|vientiane|phnom penh|bangkok|yangon|naypyitaw|kuala lumpur|singapore|jakarta|
bandar seri begawan|dili|canberra|sydney|melbourne|wellington|auckland|port moresby|suva|honiara|apia|nukualofa
`)

// wordListSet makes a set of the names of a list separated by bars, each
// trimmed.
func wordListSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, n := range strings.Split(s, "|") {
		if n = strings.TrimSpace(n); n != "" {
			m[n] = true
		}
	}
	return m
}

var (
	countryNamesOnce sync.Once
	countryNames     map[string]bool
)

// isCountryName reports whether name (lower case) is a country's English
// name in CLDR's data ("india", "united kingdom", "south korea").
func isCountryName(name string) bool {
	countryNamesOnce.Do(func() {
		countryNames = map[string]bool{}
		namer := display.English.Regions()
		for a := 'A'; a <= 'Z'; a++ {
			for b := 'A'; b <= 'Z'; b++ {
				r, err := language.ParseRegion(string([]rune{a, b}))
				if err != nil || !r.IsCountry() {
					continue
				}
				if n := namer.Name(r); n != "" {
					countryNames[strings.ToLower(n)] = true
				}
			}
		}
	})
	return countryNames[name]
}

// datelinePlaceAloneWords is the most words of a place named alone before
// a colon: "NEW DELHI", "BANDAR SERI BEGAWAN", "HO CHI MINH CITY" is four.
const datelinePlaceAloneWords = 4

// isKnownPlaceInCapitals reports whether prefix is a country or a
// dateline's city written in capitals, as a dateline names it alone
// ("NEW DELHI", "KABUL", "INDIA"). In ordinary case the same words open
// headlines ("London: a city that ..."), and are not read.
func isKnownPlaceInCapitals(prefix string) bool {
	words := strings.Fields(prefix)
	if len(words) == 0 || len(words) > datelinePlaceAloneWords || strings.ContainsFunc(prefix, unicode.IsLower) {
		return false
	}
	name := strings.ToLower(strings.Join(words, " "))
	name = strings.NewReplacer(".", "", "'", "").Replace(name) // "ST. PETERSBURG", "N'DJAMENA"
	return datelineCities[name] || isCountryName(name)
}

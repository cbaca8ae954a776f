package news

import (
	"fmt"
	"net/url"
	"sort"
	"strings"
	"unicode"

	"github.com/storyline-news/storyline/internal/text"
	"golang.org/x/net/publicsuffix"
)

// OutletKey is the one name of an outlet however its pages spell it, the
// key that lists, filters, the sources page and /sources/{key} group by:
//
//  1. case and surrounding spaces are ignored;
//  2. trailing parenthesised qualifiers are dropped while a name is left
//     before them ("Fox News (Online News)", "New York Times (Opinion)",
//     "X (Opinion) (Blog)",
//     "Xinhua News Agency (English)": a section, medium or language of one
//     outlet, as story files name them);
//  3. a host name ("foxnews.com", "www.bbc.co.uk") loses "www." and its
//     public suffix (the Public Suffix List: ".com", ".co.uk",
//     ".blogspot.com"), so that an outlet's domain and its name are one
//     ("foxnews.com" and "Fox News"); its other labels stay
//     ("insider.foxnews.com" is "insiderfoxnews", "abcnews.go.com"
//     "abcnewsgo"), as a subdomain is as often another site of a shared
//     domain as a section of one outlet; a domain whose name is a generic
//     word alone (genericOutletWords: "news.com.au", "news.com") keeps its
//     suffix, as that word names no outlet (a page whose site name is the
//     bare word "News" is not News.com.au);
//  4. a leading "the " is dropped ("The Guardian" and "guardian");
//  5. only letters and digits are kept ("NYT", "N.Y.T." and "nyt" are
//     "nyt").
//
// Names that differ in words stay apart ("The Times" and "The New York
// Times", "Fox News" and "Fox Sports", "BBC" and "BBC News"), as no rule
// can tell them one without a list of outlets; so do a short code and the
// name it stands for ("fox", "nyt"). Two outlets told apart only by their
// parenthesised qualifier or their public suffix ("ABC" and abc.net.au)
// are one. "" stays "".
func OutletKey(name string) string {
	s := strings.ToLower(strings.TrimSpace(name))
	s = withoutQualifier(strings.TrimPrefix(s, "www."))
	s = hostLabels(s)
	if rest, ok := strings.CutPrefix(s, "the "); ok && strings.TrimSpace(rest) != "" {
		s = rest
	}
	var b strings.Builder
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	if b.Len() == 0 && s != "" {
		// All punctuation: keep it (without spaces) rather than merge it
		// with "no outlet".
		return strings.Join(strings.Fields(s), "")
	}
	return b.String()
}

// withoutQualifier drops the trailing parenthesised parts of a name ("fox
// news (online news)" -> "fox news", "x (opinion) (blog)" -> "x") while a
// letter or digit is left before them; otherwise the name is returned as it
// is.
func withoutQualifier(s string) string {
	for {
		head := withoutLastQualifier(s)
		if head == s {
			return s
		}
		s = head
	}
}

// withoutLastQualifier drops the last parenthesised part of a name when a
// letter or digit is left before it.
func withoutLastQualifier(s string) string {
	if !strings.HasSuffix(s, ")") {
		return s
	}
	open := strings.LastIndex(s, "(")
	if open < 0 || strings.Contains(s[open+1:len(s)-1], ")") {
		return s
	}
	head := strings.TrimSpace(s[:open])
	if !strings.ContainsFunc(head, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) {
		return s
	}
	return head
}

// hostLabels is a lower-case host name without "www." and without its
// public suffix ("www.bbc.co.uk" -> "bbc", "insider.foxnews.com" ->
// "insider.foxnews"); a host whose name without its suffix is a generic
// word alone keeps the suffix ("www.news.com.au" -> "news.com.au"); a name
// that is no host ("fox news", "n.y.t", "6.0", a host whose last label is
// no known top-level domain) is returned as it is.
func hostLabels(s string) string {
	host := strings.TrimSuffix(strings.TrimPrefix(s, "www."), ".")
	if !LooksLikeHost(host) {
		return s
	}
	suffix, icann := publicsuffix.PublicSuffix(host)
	if !icann && !strings.Contains(suffix, ".") {
		return s // a top-level domain the list does not know: "n.y.t"
	}
	rest := strings.TrimSuffix(strings.TrimSuffix(host, suffix), ".")
	if rest == "" || rest == host {
		return s
	}
	if genericOutletWords[rest] {
		return host
	}
	return rest
}

// LooksLikeHost reports whether s reads as a DNS host name: two or more
// dot-separated labels of ASCII letters (either case), digits and hyphens,
// the last of two letters or more (example.org, www.Harbour-News.co.uk; not
// "..", "v1.2", "2024.11" or "n.y.t", whose one-letter last label no
// top-level domain has). Only ASCII letters count: the Kelvin sign U+212A,
// which strings.ToLower makes a "k", is no letter of a host here. It serves
// the outlet keys (which pass it lower-case names) and the command line's
// hint that an argument is a web address without its scheme.
func LooksLikeHost(s string) bool {
	labels := strings.Split(s, ".")
	if len(labels) < 2 {
		return false
	}
	for _, l := range labels {
		if l == "" || strings.ContainsFunc(l, func(r rune) bool { return !isASCIILetter(r) && !(r >= '0' && r <= '9') && r != '-' }) {
			return false
		}
	}
	tld := labels[len(labels)-1]
	return len(tld) >= 2 && !strings.ContainsFunc(tld, func(r rune) bool { return !isASCIILetter(r) })
}

// isASCIILetter tells a letter of the ASCII alphabet, in either case.
func isASCIILetter(r rune) bool { return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' }

// OutletName is the outlet an article is shown under: its source (as a
// label: text.Label), else the host of its URL without "www.", else
// UnknownOutlet.
func OutletName(source, rawURL string) string {
	if s := text.Label(source); s != "" {
		return s
	}
	if u, err := url.Parse(rawURL); err == nil && u.Hostname() != "" {
		return strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
	}
	return UnknownOutlet
}

// ArticleOutletKey is the OutletKey of the outlet an article is shown under
// (OutletName); "" for an article whose outlet is unknown.
func ArticleOutletKey(source, rawURL string) string {
	name := OutletName(source, rawURL)
	if name == UnknownOutlet {
		return ""
	}
	return OutletKey(name)
}

// OutletSpelling is how many stored articles spell an outlet one way.
type OutletSpelling struct {
	Key, Name string
	Articles  int
}

// OutletCounts merges the spellings of each outlet into one count, shown
// under its most used spelling of its own (ties: the first in byte order,
// so that "NYT" wins over "nyt" at equal counts): a spelling filed under
// the outlet by an alias ("fox" under Fox News, thehill.com under The
// Hill; its OutletKey is another) names it only when none of its own is
// stored. Sorted by name, case ignored.
func OutletCounts(spellings []OutletSpelling) []SourceCount {
	best := map[string]OutletSpelling{}
	total := map[string]int{}
	for _, sp := range spellings {
		total[sp.Key] += sp.Articles
		if b, ok := best[sp.Key]; !ok || namesBetter(sp, b) {
			best[sp.Key] = sp
		}
	}
	out := make([]SourceCount, 0, len(best))
	for key, b := range best {
		out = append(out, SourceCount{Source: text.Label(b.Name), Key: key, Articles: total[key]}) // a name stored before labels were cleaned
	}
	sort.Slice(out, func(i, j int) bool {
		li, lj := strings.ToLower(out[i].Source), strings.ToLower(out[j].Source)
		if li != lj {
			return li < lj
		}
		return out[i].Key < out[j].Key
	})
	return out
}

// namesBetter tells whether spelling a names its outlet better than b: a
// spelling of the outlet's own key before an alias's, then the most used,
// then the first in byte order.
func namesBetter(a, b OutletSpelling) bool {
	ownA, ownB := OutletKey(a.Name) == a.Key, OutletKey(b.Name) == b.Key
	switch {
	case ownA != ownB:
		return ownA
	case a.Articles != b.Articles:
		return a.Articles > b.Articles
	}
	return a.Name < b.Name
}

// NameSummaries gives summaries tallied by outlet key (SourceTally's, whose
// Key is set for an outlet and empty for an article of no outlet, named
// already) the names the outlets are shown under.
func NameSummaries(sums []SourceSummary, names []SourceCount) []SourceSummary {
	name := map[string]string{}
	for _, n := range names {
		name[n.Key] = n.Source
	}
	for i := range sums {
		if n, ok := name[sums[i].Key]; ok && sums[i].Key != "" {
			sums[i].Source = n
		}
	}
	return sums
}

// maxCloseOutlets is how many close outlets a filter that finds no outlet
// suggests: a line's worth, as a spelling checker offers.
const maxCloseOutlets = 5

// CloseOutlets names the stored outlets closest to a name that is no
// stored outlet, for "did you mean" (at most maxCloseOutlets, closest
// first, then most articles). An outlet is close when (3) its key holds the
// name's key or is held in it ("fox" and "foxnews", three letters or
// more; not an outlet keyed by a generic word alone, such as a site named
// "News", which "BBC News" holds), (2) a word of its name is a word of the name, or the start of
// one (wordsMatch: "Fox Sports" and "Fox News"; words of three letters or
// more, past generic ones: genericOutletWords), or (1) its key is at most two edits
// from the name's (one for keys under eight letters; two letters swapped
// are one edit): a typo. Suggestions
// are never filters: they only name outlets for the user to choose.
func CloseOutlets(name string, outlets []SourceCount) []SourceCount {
	key := OutletKey(name)
	if key == "" {
		return nil
	}
	words := outletWords(name)
	type scored struct {
		SourceCount
		score int
	}
	var close []scored
	for _, o := range outlets {
		if o.Key == "" || o.Key == key {
			continue
		}
		if s := closeness(key, words, o); s > 0 {
			close = append(close, scored{o, s})
		}
	}
	sort.SliceStable(close, func(i, j int) bool {
		if close[i].score != close[j].score {
			return close[i].score > close[j].score
		}
		if close[i].Articles != close[j].Articles {
			return close[i].Articles > close[j].Articles
		}
		return close[i].Source < close[j].Source
	})
	out := make([]SourceCount, 0, min(len(close), maxCloseOutlets))
	for _, c := range close[:min(len(close), maxCloseOutlets)] {
		out = append(out, c.SourceCount)
	}
	return out
}

// closeness is how close outlet o is to a name of key and words (3, 2, 1;
// 0 for not close): see CloseOutlets.
func closeness(key string, words []string, o SourceCount) int {
	short, long := key, o.Key
	if len([]rune(short)) > len([]rune(long)) {
		short, long = long, short
	}
	if len([]rune(short)) >= 3 && strings.Contains(long, short) && !(short == o.Key && genericOutletWords[short]) {
		return 3
	}
	for _, w := range words {
		for _, v := range outletWords(o.Source) {
			if wordsMatch(w, v) {
				return 2
			}
		}
	}
	edits := 1
	if len([]rune(key)) >= 8 {
		edits = 2
	}
	if len([]rune(key)) >= 4 && editDistance(key, o.Key) <= edits {
		return 1
	}
	return 0
}

// wordsMatch tells whether two words of outlet names (outletWords) are one
// for CloseOutlets: equal, or one the start of the other when the shorter
// has four letters or more ("harbour" and "harbourgazette"; not "ass" and
// "assocated", which named "DC Women Kicking Ass" for a misspelt
// "Associated Press" on a database of the story files and five extraction
// sets).
func wordsMatch(w, v string) bool {
	if len([]rune(w)) > len([]rune(v)) {
		w, v = v, w
	}
	return w == v || len([]rune(w)) >= 4 && strings.HasPrefix(v, w)
}

// genericOutletWords are words many outlets' names share, which say
// nothing of which outlet is meant.
var genericOutletWords = map[string]bool{"the": true, "news": true, "online": true, "and": true, "www": true, "com": true, "org": true, "net": true}

// outletWords are the words of an outlet's name as CloseOutlets compares
// them: lower case, a qualifier, "www." and a public suffix dropped,
// letters and digits only, three or more of them, generic words left out.
func outletWords(name string) []string {
	s := hostLabels(withoutQualifier(strings.ToLower(strings.TrimSpace(name))))
	var out []string
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		if len([]rune(w)) >= 3 && !genericOutletWords[w] {
			out = append(out, w)
		}
	}
	return out
}

// editDistance is the edit distance between a and b, in runes, counting
// an insertion, a deletion, a substitution or two adjacent letters swapped
// ("Reutres" for "Reuters", the commonest typo) as one edit (the optimal
// string alignment distance).
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	before := make([]int, len(rb)+1) // row i-2, for a swap
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], before[j-2]+1)
			}
		}
		before, prev, cur = prev, cur, before
	}
	return prev[len(rb)]
}

// HasOutlet tells whether an outlet of name's key (any spelling) is among
// outlets.
func HasOutlet(name string, outlets []SourceCount) bool {
	return HasOutletKey(OutletKey(name), outlets)
}

// HasOutletKey tells whether the outlet of key is among outlets.
func HasOutletKey(key string, outlets []SourceCount) bool {
	for _, o := range outlets {
		if o.Key == key && key != "" {
			return true
		}
	}
	return false
}

// UnknownOutletMessage says that name is no stored outlet and names the
// close ones: `no outlet "X" is stored; did you mean: "A", "B"?`.
func UnknownOutletMessage(name string, close []SourceCount) string {
	msg := fmt.Sprintf("no outlet %q is stored", name)
	if len(close) > 0 {
		names := make([]string, len(close))
		for i, o := range close {
			names[i] = fmt.Sprintf("%q", o.Source)
		}
		msg += "; did you mean: " + strings.Join(names, ", ") + "?"
	}
	return msg
}

// minTheNameKey is the fewest runes a name's key needs for TheNameAlias to
// file the "the" domain under it: "The Sun" and thesun.co.uk are joined,
// a two-letter name's "the" domain ("The AI", theai.com) is too loose a
// match to join unasked. Not measured: no name beginning with "The" among
// the 3,514 names and hosts of the story files and extraction-bench URLs
// (docs/measurements/engine.md, session 36) has a key this short.
const minTheNameKey = 3

// TheNameAlias is, for an outlet name that begins with the word "The" and
// is no host name ("The Hill", "The Guardian (Opinion)"), the key of the
// domain that spells the name with its "the" ("thehill", the key of
// thehill.com) and the key of the name itself ("hill"); ok is false for any
// other name, and for a name whose key is a generic word ("The News").
// The stores file the domain under the name only when such a
// name is stored (news.OutletAlias): dropping a leading "the" from every
// domain would join thestate.com with state.gov and part TheStreet from
// thestreet.com.
func TheNameAlias(name string) (alias, key string, ok bool) {
	s := withoutQualifier(strings.ToLower(strings.TrimSpace(name)))
	if !strings.HasPrefix(s, "the ") || hostLabels(s) != s {
		return "", "", false
	}
	key = OutletKey(name)
	if len([]rune(key)) < minTheNameKey || genericOutletWords[key] {
		return "", "", false // "The News" names no one outlet: thenews.com is not the site named "News"
	}
	return "the" + key, key, true
}

// ArticleOutletKeys is each article's outlet key (ArticleOutletKey), with a
// domain that spells an outlet's name with its "the" (thehill.com) filed
// under that outlet ("The Hill") when one of the articles is shown under
// the name, as the stores file it (TheNameAlias): what one story's articles
// need to tell whether two come from one outlet. An article a store read
// (Article.OutletKey set) keeps the key it is filed under, which follows
// the user's aliases too ("op" filed under Ostwick Post).
func ArticleOutletKeys(articles []Article) []string {
	keys := make([]string, len(articles))
	filed := map[string]string{}
	for i, a := range articles {
		keys[i] = ArticleOutletKey(a.Source, a.URL)
		if alias, key, ok := TheNameAlias(OutletName(a.Source, a.URL)); ok {
			filed[alias] = key
		}
	}
	for i, k := range keys {
		if to, ok := filed[k]; ok {
			keys[i] = to
		}
		if articles[i].OutletKey != "" {
			keys[i] = articles[i].OutletKey
		}
	}
	return keys
}

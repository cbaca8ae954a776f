package compare

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/storyline-news/storyline/internal/news"
	"github.com/storyline-news/storyline/internal/text"
)

// token is a word of a sentence with its byte offsets.
type token struct {
	word       string
	start, end int
}

// wordSpans finds the words of s as the pattern [\p{L}\p{N}][\p{L}\p{M}\p{N}'’.\-]*
// would, without a regular expression: it runs on every sentence of every
// story compared.
func wordSpans(s string) [][2]int {
	var out [][2]int
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsLetter(r) && !unicode.IsNumber(r) {
			i += n
			continue
		}
		start := i
		for i += n; i < len(s); i += n {
			r, n = utf8.DecodeRuneInString(s[i:])
			if !unicode.IsLetter(r) && !unicode.IsMark(r) && !unicode.IsNumber(r) && r != '\'' && r != '’' && r != '.' && r != '-' {
				break
			}
		}
		out = append(out, [2]int{start, i})
	}
	return out
}

// tokensOf splits a sentence into words, keeping "U.S." whole but dropping a
// word's trailing period and possessive "'s".
func tokensOf(s string) []token {
	var out []token
	for _, loc := range wordSpans(s) {
		w := s[loc[0]:loc[1]]
		if strings.Count(w, ".") < 2 || !looksLikeInitialism(w) {
			w = strings.TrimRight(w, ".-")
		}
		w = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")
		w = strings.TrimRight(w, "'’")
		if w != "" {
			out = append(out, token{w, loc[0], loc[0] + len(w)})
		}
	}
	return out
}

func looksLikeInitialism(w string) bool {
	for _, part := range strings.Split(strings.Trim(w, "."), ".") {
		if len([]rune(part)) != 1 {
			return false
		}
	}
	return true
}

// connectors may stand inside a name: "Bank of England", "Institute for ...".
var connectors = map[string]bool{"of": true, "for": true, "de": true, "del": true, "von": true, "van": true, "al": true}

// span is a run of capitalised words, a candidate name.
type span struct {
	words    []string
	start    int  // byte offset in the sentence
	initial  bool // begins the sentence
	titled   bool // a person's title stood before it
	sentence string
}

// spansOf finds the runs of capitalised words in a sentence, joined only by
// spaces and name connectors, with leading titles and "The" removed.
func spansOf(sentence string) []span {
	toks := tokensOf(sentence)
	var out []span
	for i := 0; i < len(toks); {
		if !text.IsUpperInitial(toks[i].word) {
			i++
			continue
		}
		j := i + 1
		for j < len(toks) && strings.TrimSpace(sentence[toks[j-1].end:toks[j].start]) == "" {
			w := toks[j].word
			if text.IsUpperInitial(w) {
				j++
				continue
			}
			if connectors[w] && j+1 < len(toks) && text.IsUpperInitial(toks[j+1].word) &&
				strings.TrimSpace(sentence[toks[j].end:toks[j+1].start]) == "" {
				j += 2
				continue
			}
			break
		}
		sp := span{start: toks[i].start, initial: i == 0, sentence: sentence}
		k := i
		for k < j && personTitles[strings.ToLower(toks[k].word)] {
			sp.titled = true
			k++
		}
		if k < j && strings.EqualFold(toks[k].word, "the") {
			k++
		}
		if i > 0 && personTitles[strings.ToLower(toks[i-1].word)] {
			sp.titled = true
		}
		for _, t := range toks[k:j] {
			sp.words = append(sp.words, t.word)
		}
		if len(sp.words) > 0 {
			if k > i {
				sp.initial = false
				sp.start = toks[k].start
			}
			out = append(out, sp)
		}
		i = j
	}
	return out
}

// mention is one recognised name in an article.
type mention struct {
	name   string
	kind   news.EntityKind
	offset int // byte offset in the article text, for pronoun resolution
}

// recognise classifies the names in an article's text: places from the
// gazetteer, organisations by their words or as acronyms, people by a title
// before them or a two-to-four-word name, and single surnames when the article
// names that person in full somewhere.
func recognise(articleText string) []mention {
	type pending struct {
		sp     span
		offset int
	}
	var singles []pending
	var out []mention
	offset := 0
	for _, para := range strings.Split(articleText, "\n\n") {
		base := strings.Index(articleText[offset:], para) + offset
		pos := 0
		for _, s := range text.Sentences(para) {
			si := strings.Index(para[pos:], s) + pos
			pos = si + len(s)
			for _, sp := range spansOf(s) {
				for _, m := range classify(sp) {
					if m.kind == "" {
						singles = append(singles, pending{span{words: []string{m.name}}, base + si + sp.start})
						continue
					}
					m.offset = base + si + sp.start
					out = append(out, m)
				}
			}
		}
		offset = base + len(para)
	}
	surnames := map[string]string{}
	for _, m := range out {
		if m.kind == news.Person {
			parts := strings.Fields(m.name)
			if k := strings.ToLower(parts[len(parts)-1]); surnames[k] == "" {
				surnames[k] = m.name // the name as the article introduces the person
			}
		}
	}
	for _, p := range singles {
		if full, ok := surnames[strings.ToLower(p.sp.words[0])]; ok {
			out = append(out, mention{full, news.Person, p.offset})
		}
	}
	// A surname alone in one article may name a person another article names
	// in full; entitiesOf merges those.
	sort.SliceStable(out, func(i, j int) bool { return out[i].offset < out[j].offset })
	return out
}

// classify names the entities in a span. It splits off a place that begins
// the span ("United States Anatoly Antonov") and a person's title inside it
// ("Russian Ambassador Anatoly Antonov"); a lone unknown word comes back with
// no kind, to be matched against the surnames of the article's people.
func classify(sp span) []mention {
	words := sp.words
	if len(words) == 0 {
		return nil
	}
	if months[strings.ToLower(words[0])] { // "Saturday for Calder Rovers"
		rest := words[1:]
		for len(rest) > 0 && connectors[strings.ToLower(rest[0])] {
			rest = rest[1:]
		}
		return classify(span{words: rest, titled: sp.titled})
	}
	g := places()
	name := strings.Join(words, " ")
	if p := g.places[strings.TrimRight(strings.ToLower(name), ".")]; p != "" {
		return []mention{{name: p, kind: news.Place}}
	}
	if isOrg(words) {
		return []mention{{name: name, kind: news.Org}}
	}
	for i := len(words) - 2; i >= 0; i-- {
		if personTitles[strings.ToLower(words[i])] {
			head := classify(span{words: words[:i], initial: sp.initial})
			return append(head, classify(span{words: words[i+1:], titled: true})...)
		}
	}
	for i := len(words) - 1; i >= 1; i-- {
		if p := g.places[strings.ToLower(strings.Join(words[:i], " "))]; p != "" {
			return append([]mention{{name: p, kind: news.Place}}, classify(span{words: words[i:]})...)
		}
	}
	first, lastW := strings.ToLower(words[0]), strings.ToLower(words[len(words)-1])
	switch {
	case len(words) >= 2 && (placeWords[lastW] || placeHeads[first] || first == "port" && len(words) > 2):
		return []mention{{name: name, kind: news.Place}}
	case eventWords[first] || eventWords[lastW]:
		return nil
	case len(words) > 4 || anyKnown(words) || hasConnector(words):
		return nil
	case len(words) >= 2:
		return []mention{{name: name, kind: news.Person}}
	}
	// A lone word, even one that opens a sentence ("Brightwater said"),
	// counts when it is the surname of a person the article names in full.
	return []mention{{name: name}}
}

// hasConnector reports whether a span joins words with "of", "for" and the
// like, which names of people rarely do.
func hasConnector(words []string) bool {
	for _, w := range words[1:] {
		if connectors[w] {
			return true
		}
	}
	return false
}

func isOrg(words []string) bool {
	if len(words) == 1 {
		w := words[0]
		acronym := len(w) >= 2 && len(w) <= 6 && strings.ToUpper(w) == w && !strings.ContainsAny(w, "0123456789")
		return acronym || orgWords[strings.ToLower(w)] && w != strings.ToLower(w)
	}
	for _, w := range words {
		if orgWords[strings.ToLower(w)] {
			return true
		}
	}
	return false
}

// anyKnown reports whether a word of the span is a place or a nationality,
// which makes "Russian Ambassador" or "Soviet Union" unlikely to be a person.
func anyKnown(words []string) bool {
	g := places()
	for _, w := range words {
		lw := strings.ToLower(w)
		if g.places[lw] != "" || months[lw] {
			return true
		}
		for _, e := range demonymEndings {
			if strings.HasSuffix(lw, e) && len(lw) > 4 && g.places[strings.TrimSuffix(lw, e)] == "" && isDemonym(lw) {
				return true
			}
		}
	}
	return false
}

// isDemonym reports whether a lower-case word is the adjective of a place in
// the gazetteer ("russian" from "russia", "chinese" from "china").
func isDemonym(lw string) bool {
	g := places()
	for _, cut := range []string{"n", "an", "ian", "ese", "ish", "i"} {
		if !strings.HasSuffix(lw, cut) {
			continue
		}
		stem := strings.TrimSuffix(lw, cut)
		for _, end := range []string{"", "a", "ia", "e", "y"} {
			if g.places[stem+end] != "" {
				return true
			}
		}
	}
	return false
}

var months = toSet(`january february march april may june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday`)

// entitiesOf merges the mentions of every article into the story's entities:
// a person is one entity across articles when first and last names agree,
// shown by the most frequent full form; places by their gazetteer name;
// organisations by their name folded to lower case.
func entitiesOf(ids []string, mentions map[string][]mention) []news.Entity {
	type agg struct {
		kind     news.EntityKind
		forms    map[string]int
		articles map[string]bool
		count    int
	}
	byKey := map[string]*agg{}
	var keys []string
	surnames := personKeys(ids, mentions)
	for _, id := range ids {
		for _, m := range mentions[id] {
			k := entityKey(m)
			if m.kind == news.Person && !strings.Contains(m.name, " ") && surnames[strings.ToLower(m.name)] != "" {
				k = surnames[strings.ToLower(m.name)]
			}
			key := string(m.kind) + ":" + k
			a := byKey[key]
			if a == nil {
				a = &agg{kind: m.kind, forms: map[string]int{}, articles: map[string]bool{}}
				byKey[key] = a
				keys = append(keys, key)
			}
			if strings.Contains(m.name, " ") || m.kind != news.Person {
				a.forms[m.name]++
			} else if len(a.forms) == 0 {
				a.forms[m.name] = 0 // a bare surname names the entity only when nothing fuller does
			}
			a.articles[id] = true
			a.count++
		}
	}
	var out []news.Entity
	counts := map[string]int{}
	for _, k := range keys {
		a := byKey[k]
		name := bestForm(a.forms)
		out = append(out, news.Entity{Name: name, Kind: a.kind, Articles: inOrder(ids, a.articles)})
		counts[name] = a.count
	}
	sort.SliceStable(out, func(i, j int) bool {
		if len(out[i].Articles) != len(out[j].Articles) {
			return len(out[i].Articles) > len(out[j].Articles)
		}
		return counts[out[i].Name] > counts[out[j].Name]
	})
	return out
}

// personKeys maps each one-word person to the key of the story's full name
// that ends with it, so that "Antonov" in one article joins "Anatoly Antonov"
// in another.
func personKeys(ids []string, mentions map[string][]mention) map[string]string {
	full := map[string]string{}
	for _, id := range ids {
		for _, m := range mentions[id] {
			if parts := strings.Fields(strings.ToLower(m.name)); m.kind == news.Person && len(parts) > 1 {
				full[parts[len(parts)-1]] = entityKey(m)
			}
		}
	}
	return full
}

func entityKey(m mention) string {
	lower := strings.ToLower(m.name)
	if m.kind != news.Person {
		return lower
	}
	parts := strings.Fields(lower)
	return parts[0] + " " + parts[len(parts)-1]
}

// bestForm picks the most frequent form, the shorter on a tie.
func bestForm(forms map[string]int) string {
	best, n := "", 0
	for f, c := range forms {
		if c > n || c == n && (len(f) < len(best) || len(f) == len(best) && f < best) {
			best, n = f, c
		}
	}
	return best
}

// inOrder lists the ids of a set in the story's article order.
func inOrder(ids []string, in map[string]bool) []string {
	var out []string
	for _, id := range ids {
		if in[id] {
			out = append(out, id)
		}
	}
	return out
}

package compare

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/storyline-news/storyline/internal/news"
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

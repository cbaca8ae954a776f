package eval

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"unicode"

	"github.com/storyline-news/storyline/internal/compare"
	"github.com/storyline-news/storyline/internal/text"
)

// quoteDoc is one article of a quote file (polnear_dev.quotes.jsonl).
type quoteDoc struct {
	ID     string `json:"id"`
	Text   string `json:"text"`
	Quotes []struct {
		Quote    string  `json:"quote"`
		Speaker  *string `json:"speaker"`
		Resolved *string `json:"speaker_resolved_auto"`
		Type     string  `json:"type"`
		Cue      *string `json:"cue"`
	} `json:"quotes"`
}

func readQuoteDocs(path string) ([]quoteDoc, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var docs []quoteDoc
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	for n := 1; sc.Scan(); n++ {
		var d quoteDoc
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", path, n, err)
		}
		if d.Text == "" {
			return nil, fmt.Errorf("%s:%d: an article without text", path, n)
		}
		docs = append(docs, d)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	if len(docs) == 0 {
		return nil, fmt.Errorf("%s: no articles", path)
	}
	return docs, nil
}

// QuotesReport is the score of the quote finder and its speakers on a
// quote file's direct quotes.
type QuotesReport struct {
	File     string
	Part     string // which articles: all, tune (even lines) or held (odd lines)
	Articles int
	Gold     int // direct quotes
	Found    int // of which a predicted quote holds at least half the words
	// Named: found quotes whose gold speaker (or its automatic resolution)
	// has a name; Right: of which the predicted speaker shares a name word.
	Named, Right int
	// Unnamed: found quotes whose gold speaker is only a pronoun or a
	// description; Given: of which a speaker was predicted (read by hand).
	Unnamed, Given int
	// Mixed quotes (a quoted fragment in reported speech), for reference:
	// how many, found, found with a named gold speaker, and right.
	Mixed, MixedFound, MixedNamed, MixedRight int
	Cases                                     []QuoteCase
}

// QuoteCase is one gold direct quote with what was predicted, for reading.
type QuoteCase struct {
	Doc, Quote, GoldSpeaker, Predicted, Cue string
	Found, Named, Right                     bool
	Mixed                                   bool // a mixed quote, listed by --show mixed only
}

// RunQuotes scores the quote finder on a quote file: a gold direct quote is
// found when a predicted quote holds at least half of its words; its speaker
// is right when the predicted speaker shares a capitalised word, other than
// a title or a function word, with the gold speaker as written or its
// automatic resolution. Gold speakers with no such word (a pronoun the
// file does not resolve, "the announcer") cannot be scored that way: they
// are counted apart, with how many got a speaker, and listed for reading.
// part picks the articles: "tune" the even lines (read while developing),
// "held" the odd ones (never read), "" all.
func RunQuotes(path, part string) (QuotesReport, error) {
	rep := QuotesReport{File: path, Part: part}
	if rep.Part == "" {
		rep.Part = "all"
	}
	docs, err := readQuoteDocs(path)
	if err != nil {
		return rep, err
	}
	for i, d := range docs {
		if part == "tune" && i%2 == 1 || part == "held" && i%2 == 0 {
			continue
		}
		rep.Articles++
		pred := compare.Quotes(d.Text)
		for _, g := range d.Quotes {
			if g.Type != "direct" {
				found, q := matchQuote(g.Quote, pred)
				if found {
					rep.MixedFound++
					if gold := nameWordsOf(deref(g.Speaker) + " " + deref(g.Resolved)); len(gold) > 0 {
						rep.MixedNamed++
						c := QuoteCase{Doc: d.ID, Quote: g.Quote, GoldSpeaker: deref(g.Speaker), Predicted: q.Speaker, Cue: q.Cue, Found: true, Named: true, Mixed: true}
						c.Right = sharesWord(nameWordsOf(q.Speaker), gold)
						if c.Right {
							rep.MixedRight++
						}
						rep.Cases = append(rep.Cases, c)
					}
				}
				rep.Mixed++
				continue
			}
			rep.Gold++
			c := QuoteCase{Doc: d.ID, Quote: g.Quote, GoldSpeaker: deref(g.Speaker)}
			if r := deref(g.Resolved); r != "" {
				c.GoldSpeaker += " (" + r + ")"
			}
			var q compare.Quote
			c.Found, q = matchQuote(g.Quote, pred)
			if c.Found {
				rep.Found++
				c.Predicted, c.Cue = q.Speaker, q.Cue
				gold := nameWordsOf(deref(g.Speaker) + " " + deref(g.Resolved))
				c.Named = len(gold) > 0
				if c.Named {
					rep.Named++
					c.Right = sharesWord(nameWordsOf(q.Speaker), gold)
					if c.Right {
						rep.Right++
					}
				} else {
					rep.Unnamed++
					if q.Speaker != "" {
						rep.Given++
					}
				}
			}
			rep.Cases = append(rep.Cases, c)
		}
	}
	return rep, nil
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// matchQuote finds the predicted quote that holds the most of a gold
// quote's words, and whether it holds at least half of them.
func matchQuote(gold string, pred []compare.Quote) (bool, compare.Quote) {
	gw := lowerWords(gold)
	if len(gw) == 0 {
		return false, compare.Quote{}
	}
	best, bestShare := compare.Quote{}, 0.0
	for _, p := range pred {
		have := map[string]int{}
		for _, w := range lowerWords(p.Text) {
			have[w]++
		}
		n := 0
		for _, w := range gw {
			if have[w] > 0 {
				have[w]--
				n++
			}
		}
		if share := float64(n) / float64(len(gw)); share > bestShare {
			best, bestShare = p, share
		}
	}
	return bestShare >= 0.5, best
}

// notNames are capitalised words that name no one: titles, function words
// and pronouns.
var notNames = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`mr mrs ms dr sen rep gov gen president senator representative governor mayor
	the a an he she they it i we his her their this that former vice secretary minister prime chief speaker rev
	first lady judge justice attorney general congressman congresswoman`) {
		notNames[w] = true
	}
}

// nameWordsOf are the capitalised words of a speaker that can name someone.
func nameWordsOf(s string) []string {
	var out []string
	for _, w := range text.Words(text.Fold(s)) {
		r := []rune(w)
		if len(r) < 2 || !unicode.IsUpper(r[0]) || notNames[strings.ToLower(w)] {
			continue
		}
		out = append(out, strings.ToLower(w))
	}
	return out
}

func sharesWord(a, b []string) bool {
	for _, x := range a {
		for _, y := range b {
			if x == y {
				return true
			}
		}
	}
	return false
}

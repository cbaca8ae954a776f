package eval

import (
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/storyline-news/storyline/internal/extract"
	"github.com/storyline-news/storyline/internal/news"
)

// GoldMeta is what a set's ground-truth.json says about a page besides its
// text. The sets spell the byline "author" (wcxb) or "byline" (readability);
// an empty field means the gold says nothing, not that the page has nothing.
type GoldMeta struct {
	Title    string  `json:"title"`
	Author   string  `json:"author"`
	Byline   string  `json:"byline"`
	Date     *string `json:"published"`
	SiteName string  `json:"siteName"`
	Lang     string  `json:"lang"`
	PageType string  `json:"page_type"`
	URL      string  `json:"url"`
	Domain   string  `json:"domain"` // the page's site (wcxb)
}

// Names is the gold byline as a list of person names (see GoldNames).
func (g GoldMeta) Names() []string {
	return GoldNames(firstNonBlank(g.Author, g.Byline))
}

// Day is the gold publication day (YYYY-MM-DD) and whether the gold has one.
func (g GoldMeta) Day() (string, bool) {
	if g.Date == nil {
		return "", false
	}
	return dayOf(*g.Date)
}

// ReadGoldMeta reads the metadata of every page of a set's ground-truth.json.
func ReadGoldMeta(dir string) (map[string]GoldMeta, error) {
	path := filepath.Join(dir, "ground-truth.json")
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var gold map[string]GoldMeta
	if err := json.Unmarshal(raw, &gold); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return gold, nil
}

// HasMetadata reports whether a set's gold gives any page a title, byline,
// publication date or site name to score.
func HasMetadata(gold map[string]GoldMeta) bool {
	for _, g := range gold {
		if g.Title != "" || g.Author != "" || g.Byline != "" || g.Date != nil || g.SiteName != "" {
			return true
		}
	}
	return false
}

// MetaMiss is one page where an extracted field disagrees with the gold.
type MetaMiss struct {
	ID, Field, Gold, Got string
}

// Count is a number of pages out of a total.
type Count struct{ N, Of int }

// Rate is N/Of, 0 when Of is.
func (c Count) Rate() float64 {
	if c.Of == 0 {
		return 0
	}
	return float64(c.N) / float64(c.Of)
}

func (c Count) String() string {
	if c.Of == 0 {
		return "n/a"
	}
	return fmt.Sprintf("%.1f%% (%d/%d)", 100*c.Rate(), c.N, c.Of)
}

// MetadataReport scores the metadata of a set's extracted articles against
// the gold.
//
// Title: exact match after folding case and runs of white space, over the
// pages whose gold has a title; TitleTypo also folds curly quotes and
// dashes, which gold titles often retype.
//
// Byline: the gold byline and the extracted one are both split into names
// (GoldNames); a name matches when its folded tokens (lower case, accents and
// punctuation removed) equal the other's, or when all of the shorter one's
// two or more tokens are in the longer one ("Nelson Schwartz" and "Nelson D.
// Schwartz"). Matches are one to one. Precision and recall are over names,
// summed over the pages whose gold has a name; names given on pages whose
// gold has none are counted apart (Spurious), since a gold without a byline
// may just not have been labelled.
//
// Date: the publication day in the page's own time zone, over the pages
// whose gold has one: exact, wrong (another day) or missing. DateF is the
// metric of htmldate's benchmark: a true positive is the right day, a false
// positive a wrong day or a day given where the gold has none, a false
// negative no day where the gold has one.
//
// Site: the share of pages with a non-empty source that is not a
// placeholder ("(unknown outlet)") or an opaque id (a UUID or long hex
// string); and, where the gold names the site, the share that match it
// exactly (folded).
//
// Lang: the primary language subtag, where the gold gives one.
type MetadataReport struct {
	Set   string
	Pages int

	Title     Count
	TitleTypo Count // title exact with typography folded too (curly and straight quotes, dashes)

	BylinePages        int // pages whose gold names someone
	NameTP, NameFP     int
	NameFN             int
	Spurious           Count // pages without gold names given a byline
	BylineExact        Count // pages whose names all match, both ways
	DateExact          Count // of the pages with a gold day
	DateWrong          Count
	DateMissing        Count
	DateP, DateR       float64 // htmldate's metric over all pages
	DateF              float64
	SiteNonEmpty       Count
	SiteExact          Count
	Lang               Count
	Misses             []MetaMiss
	TitleByType        map[string]*Count // wcxb page types
	DateExactByType    map[string]*Count
	NameF1ByTypeCounts map[string]*[3]int // tp, fp, fn
}

// NameP, NameR and NameF1 are the byline name precision, recall and F1.
func (r MetadataReport) NameP() float64 { return ratio(r.NameTP, r.NameTP+r.NameFP) }

// NameR is the byline name recall.
func (r MetadataReport) NameR() float64 { return ratio(r.NameTP, r.NameTP+r.NameFN) }

// NameF1 is the byline name F1.
func (r MetadataReport) NameF1() float64 { return F1(r.NameP(), r.NameR()) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// ScoreMetadata scores extracted articles (by page id) against a set's
// gold. A page the extractor failed on counts with an empty article.
func ScoreMetadata(set string, gold map[string]GoldMeta, articles map[string]news.Article) MetadataReport {
	rep := MetadataReport{Set: set, TitleByType: map[string]*Count{}, DateExactByType: map[string]*Count{},
		NameF1ByTypeCounts: map[string]*[3]int{}}
	var dtp, dfp, dfn int
	for _, id := range slices.Sorted(maps.Keys(gold)) {
		g, a := gold[id], articles[id]
		rep.Pages++
		typ := g.PageType
		miss := func(field, want, got string) {
			rep.Misses = append(rep.Misses, MetaMiss{ID: id, Field: field, Gold: want, Got: got})
		}
		if strings.TrimSpace(g.Title) != "" {
			ok := FoldTitle(g.Title) == FoldTitle(a.Title)
			tally(&rep.Title, ok)
			tally(&rep.TitleTypo, foldTypography(g.Title) == foldTypography(a.Title))
			if typ != "" {
				tally(bucket(rep.TitleByType, typ), ok)
			}
			if !ok {
				miss("title", g.Title, a.Title)
			}
		}
		want, got := g.Names(), GoldNames(a.Byline)
		if len(want) > 0 {
			rep.BylinePages++
			tp := matchNames(want, got)
			rep.NameTP += tp
			rep.NameFP += len(got) - tp
			rep.NameFN += len(want) - tp
			tally(&rep.BylineExact, tp == len(want) && tp == len(got))
			if typ != "" {
				c := rep.NameF1ByTypeCounts[typ]
				if c == nil {
					c = &[3]int{}
					rep.NameF1ByTypeCounts[typ] = c
				}
				c[0] += tp
				c[1] += len(got) - tp
				c[2] += len(want) - tp
			}
			if tp != len(want) || tp != len(got) {
				miss("byline", strings.Join(want, "; "), strings.Join(got, "; "))
			}
		} else {
			tally(&rep.Spurious, len(got) > 0)
			if len(got) > 0 {
				miss("byline", "", strings.Join(got, "; "))
			}
		}
		gotDay := ""
		if !a.Published.IsZero() {
			gotDay = a.Published.Format("2006-01-02")
		}
		if wantDay, ok := g.Day(); ok {
			rep.DateExact.Of++
			rep.DateWrong.Of++
			rep.DateMissing.Of++
			switch {
			case gotDay == wantDay:
				rep.DateExact.N++
				dtp++
			case gotDay == "":
				rep.DateMissing.N++
				dfn++
				miss("date", wantDay, "")
			default:
				rep.DateWrong.N++
				dfp++
				miss("date", wantDay, gotDay)
			}
			if typ != "" {
				tally(bucket(rep.DateExactByType, typ), gotDay == wantDay)
			}
		} else if gotDay != "" {
			dfp++
		}
		okSite := usableSite(a.Source)
		tally(&rep.SiteNonEmpty, okSite)
		if !okSite {
			miss("site", g.SiteName, a.Source)
		}
		if strings.TrimSpace(g.SiteName) != "" {
			ok := FoldTitle(g.SiteName) == FoldTitle(a.Source)
			tally(&rep.SiteExact, ok)
			if !ok {
				miss("sitename", g.SiteName, a.Source)
			}
		}
		if l := primaryLang(g.Lang); l != "" {
			ok := primaryLang(a.Lang) == l
			tally(&rep.Lang, ok)
			if !ok {
				miss("lang", l, a.Lang)
			}
		}
	}
	rep.DateP, rep.DateR = ratio(dtp, dtp+dfp), ratio(dtp, dtp+dfn)
	rep.DateF = F1(rep.DateP, rep.DateR)
	return rep
}

func tally(c *Count, ok bool) {
	c.Of++
	if ok {
		c.N++
	}
}

func bucket(m map[string]*Count, k string) *Count {
	c := m[k]
	if c == nil {
		c = &Count{}
		m[k] = c
	}
	return c
}

// FoldTitle folds case and runs of white space (and Unicode compatibility
// forms, so that a no-break space is a space).
func FoldTitle(s string) string {
	return strings.Join(strings.Fields(strings.ToLower(norm.NFKC.String(s))), " ")
}

// typography maps the quotes and dashes that a title may be typed with
// to their plain forms.
var typography = strings.NewReplacer("‘", "'", "’", "'", "‛", "'", "`", "'", "´", "'", "“", "\"", "”", "\"", "„", "\"",
	"–", "-", "—", "-", "‒", "-", "―", "-", "−", "-")

// foldTypography is FoldTitle that also takes curly quotes for straight
// ones and any dash for a hyphen: gold titles are often retyped.
func foldTypography(s string) string { return FoldTitle(typography.Replace(s)) }

var (
	opaqueID    = regexp.MustCompile(`(?i)^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$|^[0-9a-f]{16,}$`)
	placeholder = regexp.MustCompile(`(?i)^\(?\s*(unknown|none|null|n/a|undefined)\b`)
)

// usableSite reports whether a source names an outlet a reader can
// recognise: not empty, not a placeholder, not an opaque id.
func usableSite(s string) bool {
	s = strings.TrimSpace(s)
	return s != "" && !opaqueID.MatchString(s) && !placeholder.MatchString(s)
}

func primaryLang(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	if i := strings.IndexAny(s, "-_"); i > 0 {
		s = s[:i]
	}
	return s
}

var (
	dayPrefix  = regexp.MustCompile(`^(\d{4})-(\d{2})-(\d{2})`)
	nameSplit  = regexp.MustCompile(`(?i)\s*(?:[,;|/&\n·•]|\s(?:and|und|et|y|e|i|avec|with)\s)\s*`)
	namePrefix = regexp.MustCompile(`(?i)^(?:(?:written|posted|edited|reported|text|story|words|photos?)\s+)?(?:by|von|par|por|di|door|av)\s*:?\s+`)
	hasDigit   = regexp.MustCompile(`\d`)
	// handle is one word of letters, digits, "_", "." or "-" that opens
	// with a letter: a forum or site account ("ridwan123", "josh_wilmot90"),
	// which wcxb's gold gives as the author of 20 forum and Q&A pages. A
	// date, time or count opens with a digit or holds a space.
	handle       = regexp.MustCompile(`^\pL[\pL\pN_.\-]*$`)
	urlish       = regexp.MustCompile(`(?i)\S*(?:https?://|www\.)\S*`)
	bracketChars = strings.NewReplacer("(", " ", ")", " ", "[", " ", "]", " ")
)

// goldCredential is a degree or title written after a name ("Jane Doe,
// MD", "CFP", "PhD"): one word of capitals, or a dotted abbreviation.
// Only after a name: a byline of capitals alone is an account or an
// outlet ("JGD", a forum poster wcxb's gold names).
var goldCredential = regexp.MustCompile(`^(?:[A-Z]{2,6}|(?:[A-Z]\.){2,4}|Ph\.?D\.?|Jr\.?|Sr\.?|MSc|BSc|MPH|DDS)$`)

// dayOf reads the calendar day a gold date starts with.
func dayOf(s string) (string, bool) {
	m := dayPrefix.FindString(strings.TrimSpace(s))
	if m == "" {
		return "", false
	}
	if _, err := time.Parse("2006-01-02", m); err != nil {
		return "", false
	}
	return m, true
}

// GoldNames splits a byline into the names it holds: at commas, semicolons,
// bars, slashes, ampersands, line breaks and the word "and" (in several
// languages), without a leading "By" (or "Written by", "Par", "Von"...),
// brackets or web addresses; parts with digits (dates, times, counts) are
// dropped, but for a handle (one word opening with a letter: "ridwan123"),
// as are parts with no letter.
func GoldNames(byline string) []string {
	byline = urlish.ReplaceAllString(bracketChars.Replace(byline), " ")
	var out []string
	for _, part := range nameSplit.Split(byline, -1) {
		part = strings.TrimSpace(part)
		for {
			p := namePrefix.ReplaceAllString(part, "")
			if p == part {
				break
			}
			part = strings.TrimSpace(p)
		}
		part = strings.Trim(part, " .:-–—")
		if part == "" || hasDigit.MatchString(part) && !handle.MatchString(part) || !strings.ContainsFunc(part, unicode.IsLetter) || len(out) > 0 && goldCredential.MatchString(part) {
			continue
		}
		if len(nameTokens(part)) == 0 {
			continue
		}
		out = append(out, part)
	}
	return out
}

// nameTokens folds a name to its lower-case tokens without accents or
// punctuation.
func nameTokens(name string) []string {
	var b strings.Builder
	for _, r := range norm.NFD.String(strings.ToLower(name)) {
		switch {
		case unicode.Is(unicode.Mn, r):
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(r)
		default:
			b.WriteByte(' ')
		}
	}
	return strings.Fields(b.String())
}

// namesMatch reports whether two names are the same person's (see
// MetadataReport).
func namesMatch(a, b string) bool {
	ta, tb := nameTokens(a), nameTokens(b)
	if slices.Equal(ta, tb) {
		return len(ta) > 0
	}
	if len(ta) > len(tb) {
		ta, tb = tb, ta
	}
	if len(ta) < 2 {
		return false
	}
	for _, t := range ta {
		if !slices.Contains(tb, t) {
			return false
		}
	}
	return true
}

// matchNames counts the names of got that match a name of want, one to one.
func matchNames(want, got []string) int {
	used := make([]bool, len(want))
	n := 0
	for _, g := range got {
		for i, w := range want {
			if !used[i] && namesMatch(w, g) {
				used[i] = true
				n++
				break
			}
		}
	}
	return n
}

// MetadataOptions say how RunMetadata reads a set.
type MetadataOptions struct {
	Text  bool // read the plain-text dumps (text/) instead of the HTML
	NoURL bool // give the extractor no URL, as for a file that carries none
	// StripMeta reads each page without its <meta>, <link> and <script>
	// elements (StripMetadata): a page of few signals.
	StripMeta bool
}

// RunMetadata extracts every page of a set (in the layout of
// ../shared/bench/extraction) and scores its metadata against the gold.
func RunMetadata(ctx context.Context, dir string, opt MetadataOptions) (MetadataReport, error) {
	set := filepath.Base(filepath.Clean(dir))
	gold, err := ReadGoldMeta(dir)
	if err != nil {
		return MetadataReport{Set: set}, err
	}
	articles := map[string]news.Article{}
	for _, id := range slices.Sorted(maps.Keys(gold)) {
		if err := ctx.Err(); err != nil {
			return MetadataReport{Set: set}, err
		}
		p := news.Page{ID: id, Kind: news.KindHTML}
		if !opt.NoURL {
			p.URL = gold[id].URL
		}
		path := filepath.Join(dir, "html", id+".html.gz")
		if opt.Text {
			p.Kind, path = news.KindText, filepath.Join(dir, "text", id+".txt.gz")
		}
		if p.Body, err = ReadGzip(path); err != nil {
			return MetadataReport{Set: set}, err
		}
		if opt.StripMeta && !opt.Text {
			p.Body = StripMetadata(p.Body)
		}
		a, _ := extract.Extract(p)
		articles[id] = a
	}
	return ScoreMetadata(set, gold, articles), nil
}

func firstNonBlank(ss ...string) string {
	for _, s := range ss {
		if strings.TrimSpace(s) != "" {
			return s
		}
	}
	return ""
}

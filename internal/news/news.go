// Package news holds storyline's domain types: the raw Page that comes in, the
// Article extracted from it, the Story that groups articles about one event, and
// the Comparison of a story's sources (facts, quotes, entities, conflicts,
// derivations). It depends on the standard library only, so every other package
// can share these types without pulling anything else in.
package news

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/storyline-news/storyline/internal/text"
)

// PageKind says how a page's body is to be read.
type PageKind string

// The kinds of page storyline extracts.
const (
	KindHTML PageKind = "html" // an HTML document
	KindText PageKind = "text" // a plain-text dump of a whole page, one block per line
)

// Page is one raw capture before extraction.
type Page struct {
	ID        string    // the article id to give the result (file name, JSONL id or URL hash)
	URL       string    // where the page came from, when known
	Source    string    // the outlet, when the caller knows it (storyline extract --source); wins over the page's own
	Kind      PageKind  // how Body is to be read
	Body      []byte    // the capture as it was read
	Published time.Time // publication time given by the source (feed, JSONL), zero if unknown
	DateOnly  bool      // Published is a date alone (its midnight UTC), not a time of day
	Fetched   time.Time // when the capture was made, zero if unknown
	Capture   Capture   // the web-archive record the page was read from; zero for other pages
	// KeepComments asks for the readers' comment section that follows an
	// HTML article to be added to its text (storyline extract --comments;
	// trafilatura's include_comments). By default comments are left out
	// as far as the classifier tells them: they are not the article. A
	// forum's replies are its content either way; text dumps are read
	// the same with it.
	KeepComments bool
}

// Capture names the web-archive record an article was read from, so that a
// dataset built with storyline can be joined back to its archives: the
// archive as it was named to storyline (the path given to add), the
// record's WARC-Record-ID (unique across archives), its WARC-Target-URI,
// the address captured (an article's url is the page's canonical address,
// which often differs from it), and where the record starts in the
// archive (Offset: the byte offset of its gzip member in a gzipped
// archive, as Common Crawl's index gives it; -1 when not known, a record
// inside a member that holds others, and absent from the JSON then).
type Capture struct {
	Archive   string
	RecordID  string
	TargetURI string
	Offset    int64
	// TextChanged says that the record holds another text than the one
	// stored at the article's URL: the page was changed between captures
	// (an article updated, a feed item edited). Its text is not stored;
	// the record names where to read it. Never set on an article's first
	// capture (Capture), the record its text was read from.
	TextChanged bool
}

// captureJSON is a Capture's JSON: offset absent when not known.
type captureJSON struct {
	Archive     string `json:"archive"`
	RecordID    string `json:"record_id"`
	TargetURI   string `json:"target_uri,omitempty"`
	Offset      *int64 `json:"offset,omitempty"`
	TextChanged bool   `json:"text_changed,omitempty"`
}

// MarshalJSON writes the capture, its offset only when known.
func (c Capture) MarshalJSON() ([]byte, error) {
	w := captureJSON{Archive: c.Archive, RecordID: c.RecordID, TargetURI: c.TargetURI, TextChanged: c.TextChanged}
	if c.Offset >= 0 {
		w.Offset = &c.Offset
	}
	return marshalUnescaped(w)
}

// UnmarshalJSON reads a capture; an absent offset is -1, not known, and
// a capture that names nothing ({}) is none.
func (c *Capture) UnmarshalJSON(b []byte) error {
	var w captureJSON
	if err := json.Unmarshal(b, &w); err != nil {
		return err
	}
	*c = Capture{Archive: w.Archive, RecordID: w.RecordID, TargetURI: w.TargetURI, Offset: -1}
	if *c == (Capture{Offset: -1}) {
		*c = Capture{} // names no record: no capture, absent from the JSON again
		return nil
	}
	if w.Offset != nil && *w.Offset >= 0 {
		c.Offset = *w.Offset
	}
	c.TextChanged = w.TextChanged
	return nil
}

// Article is the clean main content of one page.
type Article struct {
	ID        string    `json:"id"`
	URL       string    `json:"url"`
	Source    string    `json:"source"`
	Published time.Time `json:"-"`
	// DateOnly says that the source gave a date alone, no time of day:
	// Published is then that day's midnight UTC and stands for the whole
	// day (Before). Kept by the stores beside the time; in the article's
	// JSON, published is then YYYY-MM-DD (ShowPublished).
	DateOnly bool   `json:"-"`
	Title    string `json:"title"`
	Byline   string `json:"byline"`
	Lang     string `json:"lang"`
	Kind     string `json:"kind"` // what the page is: one of PageKinds(), "" when not known
	Text     string `json:"text"` // paragraphs separated by blank lines
	// Capture is the web-archive record the article was read from (absent
	// from its JSON for articles read otherwise): the first found.
	Capture Capture `json:"capture,omitzero"`
	// MoreCaptures are the records the same page was found in after the
	// first (Capture): another archive, or the same page twice in one.
	// The JSON lists every capture, Capture first, as "captures".
	MoreCaptures []Capture `json:"-"`
	// OutletKey is the key the store files the article's outlet under
	// (its own OutletKey, or, through an alias the user or TheNameAlias
	// gave, the outlet's), set when a store reads a story's articles; ""
	// for an article read otherwise or of no known outlet. Not part of the
	// article's JSON.
	OutletKey string `json:"-"`
	// OutletShown is the name the outlets' list shows that outlet by, set
	// by the read side (read.Reader) so that a story names an aliased
	// outlet as lists do; "" when not set (ShownOutlet falls back to
	// OutletName). Not part of the article's JSON.
	OutletShown string `json:"-"`
}

// ShownOutlet is the name the article's outlet is shown under: the
// outlets' list's name for it when the read side set one (OutletShown),
// else its own (OutletName).
func (a Article) ShownOutlet() string {
	if a.OutletShown != "" {
		return a.OutletShown
	}
	return OutletName(a.Source, a.URL)
}

// Captures returns every capture of the article, the first (Capture)
// first; nil when it has none. An article read otherwise than from an
// archive has no first capture, but may have records of its URL holding
// another text (Capture.TextChanged).
func (a Article) Captures() []Capture {
	if a.Capture.IsZero() {
		return a.MoreCaptures
	}
	return append([]Capture{a.Capture}, a.MoreCaptures...)
}

// MaxCaptures is how many captures an article keeps: a page found again
// after that (a front page a crawler fetched on a loop, a mirror added over
// and over) gives none, so that the captures column, read with the article
// every time, stays small and adding one stays cheap. 1,000 captures are
// about 140 KB of JSON (2,000 captures of one invented page made 283 KB);
// no dataset of crawls storyline has been given holds one page in nearly
// so many archives.
const MaxCaptures = 1000

// AddCapture adds c to the article's captures, as its Capture when it has
// none and c holds its text (not TextChanged), and reports whether it did:
// a capture that names no record, one of a record the article has
// (SameRecord), or one past MaxCaptures is not added (the same archive
// added twice, however its path is spelt, gives no second capture).
func (a *Article) AddCapture(c Capture) bool {
	switch {
	case c.IsZero() || c.SameRecord(a.Capture) || slices.ContainsFunc(a.MoreCaptures, c.SameRecord):
		return false
	case 1+len(a.MoreCaptures) >= MaxCaptures:
		return false
	case a.Capture.IsZero() && !c.TextChanged:
		a.Capture = c
	default:
		a.MoreCaptures = append(a.MoreCaptures, c)
	}
	return true
}

// TooManyCaptures is the error for an article given n captures, more than
// it keeps (MaxCaptures): storyline never writes such a list, so it is
// refused rather than cut short unsaid.
func TooManyCaptures(n int) error {
	return fmt.Errorf(`"captures" lists %d records; an article keeps at most %d`, n, MaxCaptures)
}

// SameRecord reports whether two captures name one record: equal, or
// with one record id (which WARC 1.1 makes unique to its record), target
// URI and offset, whatever path named the archive ("crawl.warc.gz",
// "./crawl.warc.gz", "/data/crawl.warc.gz" or a copy elsewhere).
func (c Capture) SameRecord(d Capture) bool {
	c.TextChanged, d.TextChanged = false, false
	if c == d {
		return true
	}
	return c.RecordID != "" && c.RecordID == d.RecordID && c.TargetURI == d.TargetURI && c.Offset == d.Offset
}

// IsZero reports whether the capture names no record: the article was not
// read from a web archive.
func (c Capture) IsZero() bool {
	return c.Archive == "" && c.RecordID == "" && c.TargetURI == ""
}

// ArticleCapture is a capture found for a stored article (or one stored
// in the same write): the page found again in an archive.
type ArticleCapture struct {
	Article string
	Capture Capture
}

// ArticleRef names a stored article for a reader: its id, title and URL.
type ArticleRef struct {
	ID    string
	Title string
	URL   string
	// SameText says that the stored article has the text looked for (its
	// content hash), not only its URL: false for a page at a stored URL
	// whose text changed since.
	SameText bool
}

// PageKinds returns the kinds of page an article can come from (Article.Kind):
// a news or blog article; a listing of items (search results, a section
// front, a category page); a forum thread; a product page; documentation;
// a page presenting a service or organisation; a collection (gallery,
// recipe box, glossary); anything else.
func PageKinds() []string {
	return []string{"article", "listing", "forum", "product", "documentation", "service", "collection", "other"}
}

// Paragraphs splits the article text at blank lines, or at line breaks
// when it has no blank line and its lines are paragraphs (they end
// sentences: text.LinesAreParagraphs), as many JSONL files write articles.
func (a Article) Paragraphs() []string {
	sep := "\n\n"
	if !strings.Contains(a.Text, "\n\n") && text.LinesAreParagraphs(a.Text) {
		sep = "\n"
	}
	var out []string
	for _, p := range strings.Split(a.Text, sep) {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// FormatPublished renders a publication time as stores keep it: RFC 3339 in
// UTC, or the empty string when unknown. A date alone is kept as its
// midnight UTC, its precision beside it (Article.DateOnly), so the text
// sorts with the times of that day and after those of the day before.
func FormatPublished(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}

// ParsePublished reads a time written as RFC 3339 or YYYY-MM-DD (the
// latter as midnight UTC), in UTC. An empty string is the zero time.
// ReadPublished also says whether the text gave a date alone.
func ParsePublished(s string) (time.Time, bool) {
	t, _, ok := ReadPublished(s)
	return t, ok
}

// ReadPublished reads a publication time as DESIGN.md's article JSON
// writes it: RFC 3339 (or its forms without a zone, read as UTC), a time
// of day whatever the clock says, even midnight; or YYYY-MM-DD, a date
// alone (dateOnly), as that day's midnight UTC. An empty string is the
// zero time and no date; ok is false for text that is neither.
func ReadPublished(s string) (t time.Time, dateOnly, ok bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, false, true
	}
	if d, err := time.Parse(time.DateOnly, s); err == nil {
		return d, true, true
	}
	for _, layout := range []string{time.RFC3339Nano, time.RFC3339, "2006-01-02T15:04:05", "2006-01-02 15:04:05"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.UTC(), false, true
		}
	}
	return time.Time{}, false, false
}

// The publication times a user may give with an article (GivenPublished):
// from the first printed newspapers (the earliest weekly, 1605: no news
// report is older) to the end of 2100, the latest year extraction reads
// from a page (internal/extract's plausible dates). A year outside them
// is a zero value ("0001-01-01", "9999-12-31") or a typo, and one story of
// such an article and a current one would span centuries: the clusterer's
// pace statistic, which follows the stories' spans, would hold its window
// at its cap for as long as that story lives.
var (
	givenFrom  = time.Date(1600, 1, 1, 0, 0, 0, 0, time.UTC)
	givenUntil = time.Date(2101, 1, 1, 0, 0, 0, 0, time.UTC) // the first instant refused
)

// GivenPublished reads the publication time a user gives with an article
// (a JSONL record's published, POST /api/v1/articles's) as ReadPublished
// does, and refuses, with an error naming the text, one that is neither
// form or, unless empty, is outside the years 1600 to 2100 (givenFrom);
// an empty text is no date. Times read from pages and feeds, and the
// times of a search's filters, are not bounded here.
func GivenPublished(s string) (t time.Time, dateOnly bool, err error) {
	t, dateOnly, ok := ReadPublished(s)
	switch {
	case !ok:
		return time.Time{}, false, fmt.Errorf("published %q is neither RFC 3339 nor YYYY-MM-DD", s)
	case strings.TrimSpace(s) != "" && (t.Before(givenFrom) || !t.Before(givenUntil)):
		return time.Time{}, false, fmt.Errorf("published %q is outside the years 1600 to 2100 (a zero value or a typo?)", s)
	}
	return t, dateOnly, nil
}

// DayOf is the day of t as a date alone is kept: midnight UTC of the
// calendar day t names in its own zone (a page's "5 March" read in any
// zone is 5 March).
func DayOf(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// MidnightUTC reports whether t is midnight UTC to the second: the form a
// date alone is kept in. Only stores written before the precision was
// kept (SQLite schema 22, PostgreSQL 14) read it as a date alone, when
// they fill the precision of their old rows in; everything else reads
// Article.DateOnly, so that a source's own "T00:00:00Z" stays a time.
func MidnightUTC(t time.Time) bool {
	if t.IsZero() {
		return false
	}
	u := t.UTC()
	return u.Hour() == 0 && u.Minute() == 0 && u.Second() == 0 && u.Nanosecond() == 0
}

// Before reports whether a was published before b by more than the two
// times' precision: each time stands for the span it names (a whole day for
// a date alone, Article.DateOnly; a second otherwise), and a is before b
// only when a's span ends by the time b's begins. A date alone therefore
// ties with any time of the same day, and unknown times tie with
// everything.
func Before(a, b Article) bool {
	if a.Published.IsZero() || b.Published.IsZero() {
		return false
	}
	end := a.Published.Add(time.Second)
	if a.DateOnly {
		end = a.Published.Add(24 * time.Hour)
	}
	return !end.After(b.Published)
}

// Membership records why an article is in its story.
type Membership struct {
	ArticleID   string   `json:"article"`
	StoryID     string   `json:"story"`
	Score       float64  `json:"score"`     // similarity to the story when it joined (1 for a story's first article)
	Threshold   float64  `json:"threshold"` // the score a join needed
	SharedTerms []string `json:"shared_terms,omitempty"`
	SharedNames []string `json:"shared_names,omitempty"`
	DuplicateOf string   `json:"duplicate_of,omitempty"` // a near-identical earlier article of the story
	Reason      string   `json:"reason"`                 // one readable sentence
}

// StoryChange is a late correction of the clustering: two stories found to
// be one event are merged, or articles that drifted away from their story
// are split off into a story of their own, or moved into another story
// they belong to more. Changes are recorded and shown, never made
// silently.
type StoryChange struct {
	Kind      string    `json:"kind"`  // "merge", "split" or "move"
	Story     string    `json:"story"` // the story that remains (merge), or that articles left (split, move)
	Other     string    `json:"other"` // the story merged into Story (gone), the new story split off, or the story moved into
	Articles  []string  `json:"articles"`
	Score     float64   `json:"score"` // the similarity that decided
	Threshold float64   `json:"threshold"`
	Reason    string    `json:"reason"`
	At        time.Time `json:"at,omitzero"` // when it was recorded
}

// Describe says what a change did, seen from the story id.
func (c StoryChange) Describe(id string) string {
	switch {
	case c.Kind == "merge" && c.Story == id:
		return "story " + c.Other + " merged into this one"
	case c.Kind == "merge":
		return "this story merged into story " + c.Story
	case c.Kind == "move" && c.Story == id:
		return "articles moved to story " + c.Other
	case c.Kind == "move":
		return "articles moved here from story " + c.Story
	case c.Story == id:
		return "split off into story " + c.Other
	default:
		return "split off from story " + c.Story
	}
}

// JoinSources lists the outlets behind a statement, each once, in the order
// they first come, with a count where an outlet gave it more than once:
// "Wire ×4, Calder Courier" rather than "Wire, Wire, Wire, Wire, Calder
// Courier".
func JoinSources(names []string) string {
	count := map[string]int{}
	var order []string
	for _, n := range names {
		if count[n] == 0 {
			order = append(order, n)
		}
		count[n]++
	}
	for i, n := range order {
		if count[n] > 1 {
			order[i] = fmt.Sprintf("%s ×%d", n, count[n])
		}
	}
	return strings.Join(order, ", ")
}

// Fact is a statement made by two or more articles.
type Fact struct {
	Text     string   `json:"text"`
	Articles []string `json:"articles"`
	// Wordings is how each article states it (its sentence, or the
	// sentences of a quotation that runs over several), in Articles'
	// order, so that a reader can check the agreement.
	Wordings []Wording `json:"wordings,omitempty"`
}

// Wording is one article's words for a fact.
type Wording struct {
	Article string `json:"article"`
	Text    string `json:"text"`
}

// PartlyShared is a claim of one article that other articles nearly state:
// too close to list as only its own, not close enough to list as a fact
// they share. Closest is the other articles' sentence nearest to it (passing
// over a teaser's end cut at "..." when another is near), so a reader can
// judge what the two have in common and what differs.
type PartlyShared struct {
	Text     string   `json:"text"`
	Articles []string `json:"articles"` // the other articles that nearly state it, the closest first
	Closest  Wording  `json:"closest"`
}

// Quote is a direct quotation and who said it.
type Quote struct {
	Speaker  string   `json:"speaker"`
	Text     string   `json:"text"`
	Articles []string `json:"articles"`
}

// EntityKind is the kind of a named entity.
type EntityKind string

// The kinds of entity storyline recognises.
const (
	Person EntityKind = "person"
	Place  EntityKind = "place"
	Org    EntityKind = "org"
)

// Entity is a person, place or organisation named in a story.
type Entity struct {
	Name     string     `json:"name"`
	Kind     EntityKind `json:"kind"`
	Articles []string   `json:"articles"`
}

// ConflictValue is one of the values reported for a disputed quantity, with
// the sentence that gives it (in the first of its articles), so a reader can
// judge each side in its own words.
type ConflictValue struct {
	Value    string   `json:"value"`
	Articles []string `json:"articles"`
	Sentence string   `json:"sentence,omitempty"`
}

// Conflict is a quantity or date that articles report differently.
type Conflict struct {
	About  string          `json:"about"`
	Values []ConflictValue `json:"values"`
}

// TimelineEntry is one article's place in the order of publication.
type TimelineEntry struct {
	Published string `json:"published"`
	Article   string `json:"article"`
	Source    string `json:"source"`
	First     bool   `json:"first,omitempty"`
}

// Derivation says that article To copies or rewrites article From. It is
// claimed only with evidence of copying beyond shared quotations (see
// DerivationEvidence); two reports of one event without it simply both
// report it.
type Derivation struct {
	From  string  `json:"from"`
	To    string  `json:"to"`
	Score float64 `json:"score"`          // the share of To's own words (outside quotations) in passages copied from From
	Kind  string  `json:"kind,omitempty"` // "copy" for near-duplicates, "rewrite" otherwise
	// Tied is set when the publication times do not tell which of the two
	// came first (see Before): the two share copied text, but which one
	// took it from the other (or both from a third, such as a wire) is
	// unknown, so neither should be counted as rewriting the other.
	Tied bool `json:"tied,omitempty"`
	// SameOutlet is set when From and To come from one outlet (by
	// ArticleOutletKeys: a "the" domain is the outlet whose name it spells
	// when one of the story's articles is shown under that name): To is a later version of the outlet's own report,
	// shown as "updates its own report", not as a rewrite of another's work.
	SameOutlet bool                `json:"same_outlet,omitempty"`
	Evidence   *DerivationEvidence `json:"evidence,omitempty"`
}

// DerivationEvidence is what shows that one article copies another: long
// runs of the same words outside quotation marks (independent reports share
// quotes, names and stock phrases, not whole passages) and the same facts in
// the same order.
type DerivationEvidence struct {
	LongestRun  int      `json:"longest_run"`  // words in the longest passage both give outside quotations
	CopiedWords int      `json:"copied_words"` // words of To in such passages
	Words       int      `json:"words"`        // words of To outside quotations
	Passages    []string `json:"passages"`     // the longest shared passages, longest first (at most three)
	SameOrder   int      `json:"same_order"`   // sentences of To matched to From's, in From's order
	Matched     int      `json:"matched"`      // sentences of To matched to a sentence of From
	Sentences   int      `json:"sentences"`    // sentences of To with four or more content words outside quotations
	QuotedWords int      `json:"quoted_words"` // words of To inside quotations, left out of the above
}

// Comparison is what a story's sources say, side by side.
type Comparison struct {
	Timeline []TimelineEntry     `json:"timeline"`
	Facts    []Fact              `json:"facts"`
	Unique   map[string][]string `json:"unique"` // most informative first
	// UniqueScores are, for each article, how much each of its own claims
	// adds (the rarity-weighted words no other source uses), in Unique's
	// order; UniqueShown is how many of them a page lists before folding
	// the rest away.
	UniqueScores map[string][]float64 `json:"unique_scores,omitempty"`
	UniqueShown  int                  `json:"unique_shown,omitempty"`
	// PartlyShared are, for each article, the claims another article
	// nearly states, though not surely enough to call them a shared fact:
	// "partly also in" the other. Ranked and folded as Unique (what each
	// adds first, UniqueShown of them shown); absent when there are none.
	PartlyShared map[string][]PartlyShared `json:"partly_shared,omitempty"`
	// OutletFacts are statements that several articles of one outlet make
	// and no other outlet does (an update, a second report, a wire story
	// the outlet ran twice): that outlet's own, not something the sources
	// agree on, which needs two outlets. The comparison lists them among
	// Facts; the read side moves them here by the outlets the articles are
	// filed under now (SeparateOutletFacts). Absent when there are none.
	OutletFacts []Fact     `json:"outlet_facts,omitempty"`
	Quotes      []Quote    `json:"quotes"`
	Entities    []Entity   `json:"entities"`
	Conflicts   []Conflict `json:"conflicts"`
	// FigureChanges are figures one outlet changed between its versions of a
	// report (12 in the first, 15 in the update): the read side takes
	// them out of Conflicts, which are then what outlets disagree on, by
	// the outlets the articles are filed under now
	// (SeparateFigureChanges). Absent when there are none.
	FigureChanges []FigureChange `json:"figure_changes,omitempty"`
	Derivations   []Derivation   `json:"derivations"`
}

// articleJSON is the article's wire shape of DESIGN.md.
type articleJSON struct {
	ID        string `json:"id"`
	URL       string `json:"url"`
	Source    string `json:"source"`
	Published string `json:"published"`
	Title     string `json:"title"`
	Byline    string `json:"byline"`
	Lang      string `json:"lang"`
	Kind      string `json:"kind"`
	Text      string `json:"text"`
	// Capture extends DESIGN.md's shape: present only for articles read
	// from a web archive.
	Capture Capture `json:"capture,omitzero"`
	// Captures are every capture, Capture first: present with it.
	Captures []Capture `json:"captures,omitempty"`
}

// MarshalJSON writes the article in DESIGN.md's shape, published as RFC 3339
// or, for a date alone, YYYY-MM-DD (ShowPublished).
func (a Article) MarshalJSON() ([]byte, error) {
	return marshalUnescaped(articleJSON{a.ID, a.URL, a.Source, ShowPublished(a.Published, a.DateOnly), a.Title, a.Byline, a.Lang, a.Kind, a.Text, a.Capture, a.Captures()})
}

// marshalUnescaped is json.Marshal without HTML escaping: <, > and & stay
// as they are ("<urn:uuid:...>", "?a=1&b=2") rather than \u003c, \u003e
// and \u0026. A MarshalJSON's escapes cannot be undone by its caller's
// encoder, while a caller that wants them (json.Marshal, an encoder left
// as it is) still gets them: the encoder escapes a Marshaler's output again
// unless told not to (json.Encoder.SetEscapeHTML(false), as storyline's
// JSON writers and the server's application/json answers do).
func marshalUnescaped(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), nil
}

// UnmarshalJSON reads DESIGN.md's article shape; published may be RFC 3339 or
// YYYY-MM-DD.
func (a *Article) UnmarshalJSON(b []byte) error {
	var w articleJSON
	if err := json.Unmarshal(b, &w); err != nil {
		return err
	}
	t, dateOnly, ok := ReadPublished(w.Published)
	if !ok {
		return fmt.Errorf("published %q is neither RFC 3339 nor YYYY-MM-DD", w.Published)
	}
	if len(w.Captures) > MaxCaptures {
		return TooManyCaptures(len(w.Captures))
	}
	*a = Article{ID: w.ID, URL: w.URL, Source: w.Source, Published: t, DateOnly: dateOnly, Title: w.Title, Byline: w.Byline, Lang: w.Lang, Kind: w.Kind, Text: w.Text, Capture: w.Capture}
	for _, c := range w.Captures {
		a.AddCapture(c)
	}
	return nil
}

// StorySummary is a story as `storyline stories --json` lists it.
type StorySummary struct {
	ID    string `json:"id"`
	Title string `json:"title"`
	// TitleDerived says that no article of the story has a title, and
	// Title was made from the lead of its earliest article
	// (LeadTitle).
	TitleDerived   bool     `json:"title_derived,omitempty"`
	Articles       int      `json:"articles"`
	Sources        []string `json:"sources"`
	FirstPublished string   `json:"first_published"`
	LastPublished  string   `json:"last_published"`
	Updated        string   `json:"-"` // when an article last joined; orders the list
	Summary        string   `json:"-"` // one line: the most corroborated fact, else the lead
	// Updating says that the story changed after its comparison (which
	// gives its summary) was made.
	Updating bool `json:"-"`
}

// StoryDetail is a story as `storyline show --json` prints it: its articles
// and their comparison, with why each article is in the story.
type StoryDetail struct {
	ID           string    `json:"id"`
	Title        string    `json:"title"`
	TitleDerived bool      `json:"title_derived,omitempty"` // as StorySummary's
	Articles     []Article `json:"articles"`
	Comparison
	Memberships []Membership  `json:"memberships"`
	Changes     []StoryChange `json:"changes,omitempty"` // merges and splits that involved the story
	// Updating says that the story changed after its comparison was made:
	// the comparison shown is the last one stored, and a newer one is on its
	// way.
	Updating bool `json:"updating,omitempty"`
	// Comparing says that the story has no comparison yet and one is being
	// made: the articles are listed, the comparison's fields are empty,
	// and asking again in a few seconds gives it (a server answers at once
	// rather than keep the reader waiting for a large story).
	Comparing bool `json:"comparing,omitempty"`
	// CompareFailed says that the comparison of the story's current
	// articles failed (an error in the comparison, which the server logs):
	// the comparison given, if any, is the last one stored, and asking
	// again gives the same until the story changes.
	CompareFailed bool `json:"compare_failed,omitempty"`
	// Version is the time the story last changed, as the store records it.
	Version string `json:"-"`
}

// SourceSummary is what one outlet contributes: its articles and stories, how
// often it reported a story first (among stories with two or more outlets),
// and how often its articles copy or rewrite another outlet's.
type SourceSummary struct {
	Source        string `json:"source"`
	Key           string `json:"key"` // OutletKey: what /sources/{key} and source filters take
	Articles      int    `json:"articles"`
	Stories       int    `json:"stories"`
	SharedStories int    `json:"shared_stories"` // stories that other outlets reported too
	FirstReports  int    `json:"first_reports"`
	Rewrites      int    `json:"rewrites"`
	// Aliases are the names the user filed under the outlet (storyline
	// sources alias: "fox" for Fox News); absent when none.
	Aliases []string `json:"aliases,omitempty"`
}

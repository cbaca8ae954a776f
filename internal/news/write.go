package news

import (
	"fmt"
	"maps"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Extracted is one input after extraction, ready for the writer to place.
type Extracted struct {
	Name        string // the input's name, for messages
	Article     Article
	Raw         *Raw   // the page it came from; nil for an article given as such
	ContentHash string // identifies the text, so that one article is stored once
	Site        string // the page's site, whose template learns its blocks
	Blocks      []uint64
	BlockWords  []int32 // the words of each of Blocks (nil from a sender that does not count them)
}

// Batch is a window of one job's extracted inputs, in the order the job
// gave them, on its way to the writer. A job is one producer's run: an add,
// an API request, a feed check.
type Batch struct {
	ID     string
	Job    string
	Items  []Extracted
	Failed []Raw // pages that gave no article, kept so that reextract can try them again
	Final  bool  // the job's last batch: the writer settles the clusterer after it
	// Outlets are the outlets named for pages stored before (add
	// --source, a JSONL line's source), which the writer gives their
	// stored articles.
	Outlets []OutletGiven
	// Seen are the pages found stored before (by their bytes' digest):
	// the writer names the articles they are stored as and gives those
	// the pages' captures.
	Seen []PageSeen
}

// PageSeen is a page whose bytes were stored before: the input, its
// digest (news.Digest) and the web-archive record it was read from now.
type PageSeen struct {
	Name    string
	Digest  string
	Capture Capture
}

// OutletGiven is the outlet an input names for a page that was stored
// before: the page's articles take it, so that adding a page again with
// --source corrects its outlet.
//
// An input whose bytes differ from the stored page's but whose URL or text
// was stored before (a JSONL line, another capture of the page) names the
// stored article instead (Article), which takes the outlet only when it
// names none: found by URL, when it has no source (its outlet was its
// host's name); found by its text alone, when it has no URL either (a
// nameless article), as one text published at two addresses may be two
// outlets' and is stored once, keeping the first one's.
type OutletGiven struct {
	Name    string // the input, for messages
	Digest  string // the page's news.Digest; "" when Article names the stored article
	Article string // the stored article the input was found to be, by URL or text
	ByURL   bool   // Article was found by the input's URL (else by its text alone)
	Source  string
}

// BatchResult is what the writer did with a batch.
type BatchResult struct {
	Batch         string
	Job           string
	Added         []Membership   // the stored articles and their stories, in the order they were placed
	AlreadyStored int            // articles whose URL or text was stored before
	StoredBefore  []StoredBefore // those articles: the input and the stored article
	OutletsSet    int            // stored articles given the outlet the batch's Outlets name
	NewStories    []string       // stories the batch began
	Changes       []StoryChange  // merges and splits made while placing it (and settling)
	Err           string         // why the batch was not stored; empty when it was
}

// Placement is an article placed in its story, with the page it came from
// (nil for an article given as such): one row of a WriteBatch.
type Placement struct {
	Raw         *Raw
	Article     Article
	Membership  Membership
	ContentHash string
}

// WriteBatch is what the writer stores in one transaction.
type WriteBatch struct {
	Placements []Placement
	Failed     []Raw             // pages that gave no article
	Changes    []StoryChange     // merges, splits and moves, in the order made
	Templates  map[string][]byte // site templates that learned something
	At         time.Time         // the time stamped on what changed
	// Captures are the captures found for articles stored before or
	// placed in this write (Article.AddCapture), written after the
	// placements.
	Captures []ArticleCapture

	// ChangesAfter gives, for each of Changes, how many of Placements
	// were made before it (non-decreasing): the store writes them in
	// that order, the order the clusterer made them, so that a split-off
	// exists before an article placed in it later is stored. A change
	// past its end (or with none given) comes after every placement.
	ChangesAfter []int

	// StreamState is the parts of the clusterer's saved state of its
	// stream (its running statistics and the state of its stories,
	// cluster.StreamStats, see cluster.Clusterer.SaveParts) that changed
	// since the last write: each stored in place of the part of its name,
	// one with no State deleted, the parts not named kept, so that a
	// clusterer restored from the store resumes them. None leaves the
	// stored parts as they are. A write that stores parts also records,
	// in the part StoredSeqPart, the number of its newest stored article.
	StreamState []StatePart
}

// StoredSeqPart is the part of the saved state in which a store records,
// with each write that stores parts (WriteBatch.StreamState), the number
// (seq: articles are numbered in the order stored) of its newest stored
// article once the write is stored, as decimal digits. A saved state is of
// every stored article exactly when this part is the store's newest
// article's number: a write that stored articles and kept the stored
// state (one by a binary that did not store it, or the earlier chunks of
// a write whose last chunk failed) leaves it behind.
const StoredSeqPart = "stored/seq"

// StoredSeqState is the state of the part StoredSeqPart recording seq.
func StoredSeqState(seq int64) []byte { return strconv.AppendInt(nil, seq, 10) }

// StoredSeq reads the number of the newest stored article the parts record
// (StoredSeqPart), false when none does or it does not read.
func StoredSeq(parts []StatePart) (int64, bool) {
	for _, p := range parts {
		if p.Name == StoredSeqPart {
			seq, err := strconv.ParseInt(string(p.State), 10, 64)
			return seq, err == nil && seq >= 0
		}
	}
	return 0, false
}

// StatePart is one named part of a stage's saved state of its stream (a
// row of the store's stream_state table): State nil deletes the part.
type StatePart struct {
	Name  string
	State []byte
}

// Steps writes b in the order it was made: place(i) for each placement,
// and change(j) for each change once the placements made before it are
// written. It stops at the first error.
func (b WriteBatch) Steps(place func(i int) error, change func(j int) error) error {
	j := 0
	changesUpTo := func(n int) error {
		for ; j < len(b.Changes) && (j < len(b.ChangesAfter) && b.ChangesAfter[j] <= n); j++ {
			if err := change(j); err != nil {
				return err
			}
		}
		return nil
	}
	for i := range b.Placements {
		if err := changesUpTo(i); err != nil {
			return err
		}
		if err := place(i); err != nil {
			return err
		}
	}
	for ; j < len(b.Changes); j++ {
		if err := change(j); err != nil {
			return err
		}
	}
	return nil
}

// Parting is a stored split or move as a restored clusterer keeps it
// (see the engine's Store.KeptApart and cluster.Clusterer.RestoreParting):
// the restored story the articles were taken out of (followed through the
// merges since), the articles, and the restored story each is in now (""
// when it is in none: its story closed, or was not restored).
type Parting struct {
	From     string
	Articles []string
	Stories  []string
}

// RunSummary counts what a run of inputs did.
type RunSummary struct {
	Read           int            // inputs read (pages, articles, and inputs that failed)
	Queued         int            // inputs handed to the workers of a queue, to be stored by them
	Stored         int            // articles stored
	AlreadyStored  int            // inputs or articles that were stored before
	StoredBefore   []StoredBefore // which: the input, and the article it is stored as when known
	OutletsSet     int            // articles stored before given the outlet their input names now
	StoriesNew     int
	StoriesUpdated int
	StoriesMerged  int // stories found to be one with another and merged into it
	ArticlesSplit  int // articles split off from a story they had drifted from
	ArticlesMoved  int // articles moved from a story into another they belong to more
	Failures       []*InputError
	Added          []Membership // the stored articles and their stories, in order
	// Skipped counts the web-archive records that hold no page, by reason
	// (SkipNotHTML, ...): they are neither read nor failed.
	Skipped map[string]int
	// Interrupted names the inputs a stopped run (Ctrl-C) had begun and
	// not finished: not read, not failed; the same run again reads them.
	Interrupted []string
	// Warnings name what is wrong in the web archives read that lost no
	// record: a record id used by two records (both read).
	Warnings []string
}

// Why a web-archive record gives no page (RunSummary.Skipped's keys).
// Records that are not captures (warcinfo, request, metadata) are not
// counted.
const (
	SkipNotHTML    = "not_html"    // an image, a PDF, a style sheet, a script, a DNS answer
	SkipHTTPStatus = "http_status" // an answer other than 200 OK: a redirect, a 404, a server error
	SkipDamaged    = "damaged"     // an HTTP answer that does not parse, a body that does not decompress
	SkipDuplicate  = "duplicate"   // a revisit record: the archive's note that a capture repeats an earlier one
	SkipEmpty      = "empty"       // a capture or WET record with no content
	SkipTooLarge   = "too_large"   // a record larger than MaxPageBytes
)

// skipLabels are the reasons as the summary line words them.
var skipLabels = map[string]string{
	SkipNotHTML:    "not HTML",
	SkipHTTPStatus: "HTTP status not 200",
	SkipDamaged:    "damaged",
	SkipDuplicate:  "duplicate (revisit)",
	SkipEmpty:      "empty",
	SkipTooLarge:   "too large",
}

// SkippedLine is the summary's account of skipped archive records,
// "skipped 1,204 archive records: 880 not HTML, 301 HTTP status not 200,
// 23 damaged" (the most frequent reason first), or "" when none was.
func SkippedLine(skipped map[string]int) string {
	total := 0
	reasons := make([]string, 0, len(skipped))
	for r, n := range skipped {
		if n > 0 {
			total += n
			reasons = append(reasons, r)
		}
	}
	if total == 0 {
		return ""
	}
	sort.Slice(reasons, func(i, j int) bool {
		if skipped[reasons[i]] != skipped[reasons[j]] {
			return skipped[reasons[i]] > skipped[reasons[j]]
		}
		return reasons[i] < reasons[j]
	})
	parts := make([]string, len(reasons))
	for i, r := range reasons {
		label := skipLabels[r]
		if label == "" {
			label = r
		}
		parts[i] = thousands(skipped[r]) + " " + label
	}
	noun := "records"
	if total == 1 {
		noun = "record"
	}
	return fmt.Sprintf("skipped %s archive %s: %s", thousands(total), noun, strings.Join(parts, ", "))
}

// thousands writes n with commas between groups of three digits.
func thousands(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0 && s[i-1] != '-'; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// SkippedCounter counts skipped archive records as a read goes on (the
// reading and the summary run on different goroutines). The zero value is
// ready; a nil one counts nothing.
type SkippedCounter struct {
	mu       sync.Mutex
	n        map[string]int
	warnings []string
	dropped  int // warnings past MaxWarnings, counted only
}

// MaxWarnings is how many warnings a SkippedCounter keeps: an archive
// whose writer gave every record one id would otherwise keep a line a
// record; the rest are counted ("N more").
const MaxWarnings = 1000

// Warn notes something wrong in an archive that lost no record (a record
// id used twice), for the run's summary.
func (c *SkippedCounter) Warn(warning string) {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.warnings) == MaxWarnings {
		c.dropped++
		return
	}
	c.warnings = append(c.warnings, warning)
}

// Warnings returns the warnings so far, the last saying how many more
// were not kept (nil when none).
func (c *SkippedCounter) Warnings() []string {
	if c == nil {
		return nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	out := slices.Clone(c.warnings)
	if c.dropped > 0 {
		out = append(out, fmt.Sprintf("%d more warnings", c.dropped))
	}
	return out
}

// Add counts one record skipped for reason.
func (c *SkippedCounter) Add(reason string) {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.n == nil {
		c.n = map[string]int{}
	}
	c.n[reason]++
}

// Counts returns a copy of the counts so far (nil when none).
func (c *SkippedCounter) Counts() map[string]int {
	if c == nil {
		return nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.n) == 0 {
		return nil
	}
	return maps.Clone(c.n)
}

// StoredBefore names an input found stored before: the input (a file, a
// JSONL line "a.jsonl:3", a URL) and the article it is stored as, with
// that article's title and URL, so that a reader finds the earlier copy
// (Article "" only when no article is found: a page whose article was
// since deleted).
type StoredBefore struct {
	Input   string `json:"input"`
	Article string `json:"article,omitempty"`
	Title   string `json:"title,omitempty"`
	URL     string `json:"url,omitempty"`
}

// StoredAs is the entry for an input stored before as the article ref.
func StoredAs(input string, ref ArticleRef) StoredBefore {
	return StoredBefore{Input: input, Article: ref.ID, Title: ref.Title, URL: ref.URL}
}

// String is `a.jsonl:3 (article x1 "Its title" <https://its.url/>)`, the
// title and URL when it has them, or the input alone.
func (s StoredBefore) String() string {
	if s.Article == "" {
		return s.Input
	}
	out := s.Input + " (article " + s.Article
	if s.Title != "" {
		out += " " + strconv.Quote(s.Title)
	}
	if s.URL != "" {
		out += " <" + s.URL + ">"
	}
	return out + ")"
}

// Count is n with the noun in its number: "1 input", "0 inputs", "2 inputs".
func Count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// String is the one-line summary `storyline add` prints.
func (s RunSummary) String() string {
	changes := ""
	if s.StoriesMerged > 0 || s.ArticlesSplit > 0 || s.ArticlesMoved > 0 {
		changes = fmt.Sprintf(" (%d merged, %d articles split off, %d moved)", s.StoriesMerged, s.ArticlesSplit, s.ArticlesMoved)
	}
	if s.Queued > 0 {
		return fmt.Sprintf("%s read, %d queued for the workers, %d failed", Count(s.Read, "input", "inputs"), s.Queued, len(s.Failures))
	}
	outlets := ""
	if s.OutletsSet > 0 {
		outlets = fmt.Sprintf(" (%d given the outlet named now)", s.OutletsSet)
	}
	line := fmt.Sprintf("%s read, %s stored, %d already stored%s, %s new, %d updated%s, %d failed",
		Count(s.Read, "input", "inputs"), Count(s.Stored, "article", "articles"), s.AlreadyStored, outlets,
		Count(s.StoriesNew, "story", "stories"), s.StoriesUpdated, changes, len(s.Failures))
	if len(s.Interrupted) > 0 {
		line += fmt.Sprintf(", %d not read (interrupted)", len(s.Interrupted))
	}
	if skipped := SkippedLine(s.Skipped); skipped != "" {
		line += "; " + skipped
	}
	return line
}

// WriterInfo says which process holds a database's writer lock, and, when
// it serves, where it takes the inputs of other processes.
type WriterInfo struct {
	PID     int       `json:"pid"`
	Command string    `json:"command"`          // the storyline command: serve, add, reextract, ...
	Addr    string    `json:"addr,omitempty"`   // base URL of its ingest endpoint, when it serves
	Secret  string    `json:"secret,omitempty"` // bearer token for that endpoint
	Since   time.Time `json:"since"`
}

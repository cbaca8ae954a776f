// Package file reads inputs from local files: pages (HTML, plain-text
// dumps, optionally gzipped), article JSONL (whose lines carry text, or html
// or raw_text still to extract), and folders walked in name order. It knows
// every format storyline reads by name; archives and feeds found in a folder
// are read by their own packages (see package source).
package file

import (
	"bufio"
	"bytes"
	"cmp"
	"compress/gzip"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"iter"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/storyline-news/storyline/internal/news"
)

// Format is how a file is read, from its name.
type Format int

// The formats storyline reads.
const (
	Unknown Format = iota
	HTML
	Text
	JSONL
	WARC
	Feed // RSS, Atom, JSON Feed or OPML, told apart by content
)

// extensions are the file name endings storyline reads, each with the
// format it reads the file as (after an optional .gz).
var extensions = []struct {
	ext    string
	format Format
}{
	{".html", HTML}, {".htm", HTML}, {".xhtml", HTML}, {".shtml", HTML},
	{".txt", Text}, {".text", Text},
	{".jsonl", JSONL}, {".ndjson", JSONL},
	{".warc", WARC}, {".wet", WARC},
	{".rss", Feed}, {".atom", Feed}, {".xml", Feed}, {".opml", Feed},
}

// FormatOf reads a file's format from its extension, after an optional .gz.
func FormatOf(name string) Format {
	ext := filepath.Ext(strings.TrimSuffix(strings.ToLower(name), ".gz"))
	for _, e := range extensions {
		if e.ext == ext {
			return e.format
		}
	}
	return Unknown
}

// knownExtensions lists the extensions FormatOf reads, for a user.
func knownExtensions() string {
	var b strings.Builder
	for i, e := range extensions {
		switch {
		case i == len(extensions)-1:
			b.WriteString(" or ")
		case i > 0:
			b.WriteString(", ")
		}
		b.WriteString(e.ext)
	}
	return b.String() + " (each optionally .gz)"
}

// ID is an article id from a file: its name without extensions. Bytes of
// the name that are not UTF-8 (a Latin-1 name on a Linux disk) or are
// control characters are written as xNN, so that the id can be shown,
// sent as JSON and asked for through the API.
func ID(path string) string {
	base := filepath.Base(path)
	for {
		switch strings.ToLower(filepath.Ext(base)) {
		case ".gz", ".html", ".htm", ".xhtml", ".shtml", ".txt", ".text", ".jsonl", ".ndjson", ".json", ".warc", ".wet":
			base = strings.TrimSuffix(base, filepath.Ext(base))
			continue
		}
		return printableID(base)
	}
}

// printableID writes each invalid UTF-8 byte and control character of id
// as xNN.
func printableID(id string) string {
	var b strings.Builder
	for i := 0; i < len(id); {
		r, size := utf8.DecodeRuneInString(id[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			fmt.Fprintf(&b, "x%02x", id[i])
		case r < 0x20 || r == 0x7f || r >= 0x80 && r < 0xa0:
			fmt.Fprintf(&b, "x%02x", r)
		default:
			b.WriteString(id[i : i+size])
		}
		i += size
	}
	return b.String()
}

// Walk yields the files under dir whose format storyline knows, in name
// order. A folder or file that cannot be read is yielded as an
// *news.InputError naming it, and the walk goes on to the end. A folder
// that holds files but none storyline reads (a folder of PDFs, of .json
// files) is yielded as an *news.InputError too, naming the kinds it holds,
// so that the user learns why nothing was read; an empty folder is not.
func Walk(dir string) iter.Seq2[string, error] {
	return WalkFS(os.DirFS(dir), dir)
}

// WalkFS is Walk over a file system; paths are yielded joined to dir.
func WalkFS(fsys fs.FS, dir string) iter.Seq2[string, error] {
	return func(yield func(string, error) bool) {
		var files []string
		var failures []error
		passedOver := map[string]int{} // files of other kinds, by extension
		fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
			path := filepath.Join(dir, filepath.FromSlash(p))
			if err != nil {
				failures = append(failures, &news.InputError{Name: path, Err: reason(err)})
				if d != nil && d.IsDir() && p != "." {
					return fs.SkipDir
				}
				return nil
			}
			switch {
			case d.IsDir():
			case FormatOf(p) != Unknown:
				files = append(files, path)
			case isLinkToFolder(fsys, p, d):
				passedOver[linkedFolder]++
			default:
				passedOver[strings.ToLower(filepath.Ext(p))]++
			}
			return nil
		})
		slices.Sort(files)
		if len(files) == 0 && len(passedOver) > 0 {
			failures = append(failures, &news.InputError{Name: dir, Err: noKnownFiles(passedOver)})
		}
		for _, err := range failures {
			if !yield("", err) {
				return
			}
		}
		for _, f := range files {
			if !yield(f, nil) {
				return
			}
		}
	}
}

// linkedFolder is the kind noKnownFiles names a link to a folder by: the
// walk does not follow links to folders (a link may lead back up the tree),
// and "no extension" would call the link a file.
const linkedFolder = "link to a folder, not followed,"

// isLinkToFolder reports whether the entry p is a symbolic link to a folder.
func isLinkToFolder(fsys fs.FS, p string, d fs.DirEntry) bool {
	if d.Type()&fs.ModeSymlink == 0 {
		return false
	}
	info, err := fs.Stat(fsys, p)
	return err == nil && info.IsDir()
}

// noKnownFiles says that a folder holds files but none that storyline
// reads: how many, of which kinds (extensions, the five most common), and
// which it reads.
func noKnownFiles(byExt map[string]int) error {
	exts := slices.Collect(maps.Keys(byExt))
	slices.SortFunc(exts, func(a, b string) int {
		if c := cmp.Compare(byExt[b], byExt[a]); c != 0 {
			return c
		}
		return strings.Compare(a, b)
	})
	n := 0
	var kinds []string
	for i, ext := range exts {
		n += byExt[ext]
		if i < 5 {
			if ext == "" {
				ext = "no extension"
			}
			kinds = append(kinds, fmt.Sprintf("%s %d", ext, byExt[exts[i]]))
		}
	}
	if len(exts) > 5 {
		kinds = append(kinds, "...")
	}
	return fmt.Errorf("no file storyline reads among its %d (%s): it reads %s", n, strings.Join(kinds, ", "), knownExtensions())
}

// reason is a path error's cause alone: the caller names the path.
func reason(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// Read reads a file, decompressing .gz, up to news.MaxPageBytes. Its error
// says what was wrong, not which file (the caller names it).
func Read(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, reason(err)
	}
	defer f.Close()
	var r io.Reader = f
	if strings.HasSuffix(strings.ToLower(path), ".gz") {
		zr, err := gzip.NewReader(f)
		if err != nil {
			return nil, fmt.Errorf("not a valid gzip file: %w", err)
		}
		defer zr.Close()
		r = zr
	}
	body, err := io.ReadAll(io.LimitReader(r, news.MaxPageBytes+1))
	if err != nil {
		return nil, fmt.Errorf("read: %w", err)
	}
	if len(body) > news.MaxPageBytes {
		return nil, fmt.Errorf("larger than %d MB", news.MaxPageBytes>>20)
	}
	if len(bytes.TrimSpace(body)) == 0 {
		return nil, errors.New("empty file")
	}
	return body, nil
}

// LooksLikeHTML tells an HTML document from a text dump by its first bytes.
func LooksLikeHTML(b []byte) bool {
	head := bytes.ToLower(bytes.TrimSpace(b[:min(len(b), 1024)]))
	return bytes.HasPrefix(head, []byte("<!doctype html")) || bytes.HasPrefix(head, []byte("<html")) || bytes.Contains(head, []byte("<head"))
}

// Page is the page input of a file read as format f (HTML or Text; Unknown
// is told by its content); forceText reads it as a plain-text dump.
func Page(path string, body []byte, f Format, forceText bool) news.Input {
	kind := news.KindText
	switch {
	case forceText:
	case f == HTML:
		kind = news.KindHTML
	case f == Unknown && LooksLikeHTML(body):
		kind = news.KindHTML
	}
	return news.Input{Name: path, Page: &news.Page{ID: ID(path), Kind: kind, Body: body}}
}

// JSONLInputs yields the articles and pages of an article JSONL file
// (optionally gzipped).
func JSONLInputs(path string) iter.Seq2[news.Input, error] {
	return func(yield func(news.Input, error) bool) {
		f, err := os.Open(path)
		if err != nil {
			yield(news.Input{}, &news.InputError{Name: path, Err: reason(err)})
			return
		}
		defer f.Close()
		var r io.Reader = f
		if strings.HasSuffix(strings.ToLower(path), ".gz") {
			zr, err := gzip.NewReader(f)
			if err != nil {
				yield(news.Input{}, &news.InputError{Name: path, Err: fmt.Errorf("not a valid gzip file: %w", err)})
				return
			}
			defer zr.Close()
			r = zr
		}
		ReadJSONL(r, path, ID(path), yield)
	}
}

// record is one line of article JSONL: DESIGN.md's article fields, with
// html or raw_text in place of text when the page is still to be extracted.
// "date" is read as "published" when the latter is absent.
type record struct {
	ID        string `json:"id"`
	URL       string `json:"url"`
	Source    string `json:"source"`
	Published string `json:"published"`
	Date      string `json:"date"`
	Title     string `json:"title"`
	Byline    string `json:"byline"`
	Lang      string `json:"lang"`
	Kind      string `json:"kind"`
	Text      string `json:"text"`
	HTML      string `json:"html"`
	RawText   string `json:"raw_text"`
	// Capture is the web-archive record an exported article came from
	// (news.Capture's JSON), kept when the export is read back.
	Capture json.RawMessage `json:"capture"`
	// Captures are every record it was found in (Capture first), kept
	// too; a page line (html, raw_text) keeps the first only.
	Captures json.RawMessage `json:"captures"`
}

// ReadJSONL yields the articles and pages of an article JSONL stream. Lines
// are named "name:N"; an id missing from a line is "fallbackID-N". A stream
// with no line but blank ones is yielded as an *news.InputError naming it
// (ErrNoJSONLines), as an empty page file is: a user who gave it learns
// that nothing was in it. It returns false when yield asked to stop.
func ReadJSONL(r io.Reader, name, fallbackID string, yield func(news.Input, error) bool) bool {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), news.MaxPageBytes)
	n, records := 0, 0
	for sc.Scan() {
		n++
		line := bytes.TrimSpace(sc.Bytes())
		if len(line) == 0 {
			continue
		}
		records++
		lineName := fmt.Sprintf("%s:%d", name, n)
		in, err := parseRecord(line, lineName, fmt.Sprintf("%s-%d", fallbackID, n))
		if err != nil {
			err = &news.InputError{Name: lineName, Err: err}
		}
		if !yield(in, err) {
			return false
		}
	}
	if err := sc.Err(); err != nil {
		return yield(news.Input{}, &news.InputError{Name: fmt.Sprintf("%s:%d", name, n+1), Err: err})
	}
	if records == 0 {
		return yield(news.Input{}, &news.InputError{Name: name, Err: ErrNoJSONLines})
	}
	return true
}

// ErrNoJSONLines is why a JSONL file or stream with nothing in it (or blank
// lines only) failed.
var ErrNoJSONLines = errors.New("empty: no JSON lines in it")

func parseRecord(line []byte, name, fallbackID string) (news.Input, error) {
	var rec record
	if err := json.Unmarshal(line, &rec); err != nil {
		return news.Input{}, fmt.Errorf("not a JSON object: %w", err)
	}
	if rec.ID == "" {
		rec.ID = fallbackID
	}
	published := rec.Published
	if published == "" {
		published = rec.Date
	}
	t, dateOnly, err := news.GivenPublished(published)
	if err != nil {
		return news.Input{}, err
	}
	capture, err := captureOf(rec.Capture)
	if err != nil {
		return news.Input{}, err
	}
	more, err := capturesOf(rec.Captures)
	if err != nil {
		return news.Input{}, err
	}
	capture.TextChanged = false // the record the text was read from
	if capture.IsZero() && len(more) > 0 && !more[0].TextChanged {
		capture = more[0]
	}
	switch {
	case rec.HTML != "":
		return news.Input{Name: name, Page: &news.Page{ID: rec.ID, URL: rec.URL, Source: rec.Source, Kind: news.KindHTML, Body: []byte(rec.HTML), Published: t, DateOnly: dateOnly, Capture: capture}}, nil
	case rec.RawText != "":
		return news.Input{Name: name, Page: &news.Page{ID: rec.ID, URL: rec.URL, Source: rec.Source, Kind: news.KindText, Body: []byte(rec.RawText), Published: t, DateOnly: dateOnly, Capture: capture}}, nil
	case strings.TrimSpace(rec.Text) != "" || strings.TrimSpace(rec.Title) != "":
		// A title without text (a headline-only feed item) is an article
		// too: it is clustered and stored on what it has.
		a := news.Article{ID: rec.ID, URL: rec.URL, Source: rec.Source, Published: t, DateOnly: dateOnly, Title: rec.Title, Byline: rec.Byline, Lang: rec.Lang, Kind: knownKind(rec.Kind), Text: rec.Text, Capture: capture}
		for _, c := range more {
			a.AddCapture(c)
		}
		return news.Input{Name: name, Article: &a}, nil
	}
	return news.Input{}, errors.New(`no "title", "text", "html" or "raw_text"`)
}

// captureOf reads a line's "capture" (absent or null: none), or says
// why it is not one.
func captureOf(raw json.RawMessage) (news.Capture, error) {
	var c news.Capture
	if len(raw) == 0 || string(raw) == "null" {
		return c, nil
	}
	if err := json.Unmarshal(raw, &c); err != nil {
		return c, fmt.Errorf(`"capture" is not an archive record {"archive","record_id","target_uri","offset"}: %w`, err)
	}
	return c, nil
}

// capturesOf reads a line's "captures" (absent or null: none), or says
// why it is not a list of archive records or lists more than an article
// keeps (news.MaxCaptures).
func capturesOf(raw json.RawMessage) ([]news.Capture, error) {
	var cs []news.Capture
	if len(raw) == 0 || string(raw) == "null" {
		return nil, nil
	}
	if err := json.Unmarshal(raw, &cs); err != nil {
		return nil, fmt.Errorf(`"captures" is not a list of archive records [{"archive","record_id","target_uri","offset"}, ...]: %w`, err)
	}
	if len(cs) > news.MaxCaptures {
		return nil, news.TooManyCaptures(len(cs))
	}
	return cs, nil
}

// knownKind is a line's page kind when it is one of news.PageKinds, ""
// (not known) for any other word: an article line's kind is kept as
// given, not invented.
func knownKind(kind string) string {
	if slices.Contains(news.PageKinds(), kind) {
		return kind
	}
	return ""
}

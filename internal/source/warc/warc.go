// Package warc reads web archives, WARC and WET files (plain, or gzipped
// with one member per record as Common Crawl writes them), one record at a
// time in bounded memory, and yields their HTML responses and WET text
// conversions as pages to extract.
package warc

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"iter"
	"mime"
	"net/http"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/storyline-news/storyline/internal/news"
	"github.com/storyline-news/storyline/internal/source/web"
)

// Record is one record of a WARC (or WET) file: its named fields and its
// content block.
type Record struct {
	Type      string // warcinfo, response, request, conversion, metadata, ...
	TargetURI string
	Date      time.Time
	Fields    map[string]string // lower-case field name -> value
	Length    int64             // the block's Content-Length
	// Offset is where the record starts in the file: its first byte in a
	// plain archive; in a gzipped one, the first byte of the gzip member
	// it starts (Common Crawl's index's offset), -1 for a record that
	// starts inside a member after another (a file gzipped whole).
	Offset int64
	Block  []byte // nil when Length is over news.MaxPageBytes: too large to keep
}

// Reader reads the records of a WARC file one at a time, so that an
// archive of any size is read in bounded memory. It reads plain and gzipped
// archives (one gzip member per record, as Common Crawl writes them, or one
// member for the whole file). After an error, Resync skips the damaged part
// so that every good record after it is still read.
type Reader struct {
	r      *bufio.Reader // the archive's text: the file, or its decompressed members
	zip    *members      // nil for a plain archive
	offset int64         // bytes of text read
	n      int           // records read
	last   string        // the last good record's target URI (its type when it has none), to say where damage lies
	member int64         // where the gzip member the last record started starts, -1 before any
}

// maxHeader bounds a record's header block, and so any line read.
const maxHeader = 64 << 10

// NewReader returns a reader over r, decompressing it if it is gzipped.
func NewReader(r io.Reader) (*Reader, error) {
	br := bufio.NewReaderSize(r, 64<<10)
	if magic, _ := br.Peek(2); len(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b {
		m := &members{raw: br, starts: []memberStart{{}}}
		m.kept = memberBytes{raw: m}
		zr, err := gzip.NewReader(&m.kept)
		if err != nil {
			return nil, fmt.Errorf("not a valid gzip file: %w", err)
		}
		zr.Multistream(false)
		m.zr = zr
		return &Reader{r: bufio.NewReaderSize(m, 64<<10), zip: m, member: -1}, nil
	}
	return &Reader{r: br, member: -1}, nil
}

// members reads the gzip members of a file one after another as one
// stream; a member that does not decompress marks the stream broken until
// Resync finds the next member. The end of each member but the last is
// read as errMemberEnd, once, before the next member's bytes: a record is
// one member's text (Common Crawl's layout), so a Content-Length that runs
// past its member is damage to that record, not a reason to read the next
// record's bytes as its own and lose that record.
type members struct {
	raw     *bufio.Reader // the compressed file
	kept    memberBytes   // what gzip reads of raw, the current member's bytes kept
	zr      *gzip.Reader
	broken  bool
	ended   bool
	atEnd   bool          // a member ended: the next Read says so before reading on
	started bool          // the current member has given a byte
	pos     int64         // compressed bytes read of the file
	out     int64         // text bytes given
	starts  []memberStart // the members begun, in order: where each one's text and bytes start
}

// memberStart is where a gzip member starts: the text it gives from text
// on (members.out), its bytes from at in the file.
type memberStart struct{ text, at int64 }

// memberAt returns where the member whose text holds the text position
// pos starts in the file, and forgets the members before it (a reader
// asks in order, so memory holds the few members buffered, not one entry
// per record of the archive).
func (m *members) memberAt(pos int64) int64 {
	i := len(m.starts) - 1
	for i > 0 && m.starts[i].text > pos {
		i--
	}
	m.starts = m.starts[i:]
	return m.starts[0].at
}

func (m *members) Read(p []byte) (int, error) {
	for {
		if m.ended {
			return 0, io.EOF
		}
		if m.broken {
			return 0, errBrokenMember
		}
		if m.atEnd {
			m.atEnd = false
			return 0, errMemberEnd
		}
		n, err := m.zr.Read(p)
		if n > 0 {
			m.started = true
		}
		m.out += int64(n)
		if err == io.EOF {
			switch rerr := m.reset(); {
			case rerr == io.EOF:
				m.ended = true
			case rerr != nil:
				m.broken = true
				if n == 0 {
					return 0, fmt.Errorf("bytes between gzip members that are not one: %w", rerr)
				}
			default:
				m.atEnd = m.started
				m.started = false
			}
			if n > 0 {
				return n, nil
			}
			continue
		}
		if err != nil {
			m.broken = true
			return n, fmt.Errorf("gzip member does not decompress: %w", err)
		}
		return n, nil
	}
}

// reset starts reading the next member. Reset turns gzip's multistream
// reading back on, which would read every later member as one with this
// one, so it is turned off again each time.
func (m *members) reset() error {
	m.kept.buf, m.kept.off = m.kept.buf[:0], false
	at := m.pos
	err := m.zr.Reset(&m.kept)
	m.zr.Multistream(false)
	if err == nil {
		m.starts = append(m.starts, memberStart{text: m.out, at: at})
	}
	return err
}

// memberBytes is the compressed file as gzip reads it (a ByteReader, so
// flate reads no further than it needs), keeping the bytes of the current
// member: a truncated member's inflater reads on into the next member's
// header, so the search for the next member starts again just after the
// broken one's first byte, and the member after a truncated one is not lost.
type memberBytes struct {
	raw *members
	buf []byte
	off bool // the member is too long to keep: past maxKept, nothing is kept
}

// maxKept bounds the compressed bytes kept of one member: a record is at
// most news.MaxPageBytes of text (larger ones are skipped), which compresses
// to less; a longer member is not kept and a member lost after it stays lost.
const maxKept = news.MaxPageBytes

func (k *memberBytes) keep(b []byte) {
	if k.off {
		return
	}
	if len(k.buf)+len(b) > maxKept {
		k.buf, k.off = nil, true
		return
	}
	k.buf = append(k.buf, b...)
}

func (k *memberBytes) Read(p []byte) (int, error) {
	n, err := k.raw.raw.Read(p)
	k.raw.pos += int64(n)
	k.keep(p[:n])
	return n, err
}

func (k *memberBytes) ReadByte() (byte, error) {
	b, err := k.raw.raw.ReadByte()
	if err == nil {
		k.raw.pos++
		one := [1]byte{b}
		k.keep(one[:])
	}
	return b, err
}

// rewind puts back what was read of a broken member after its first byte,
// so that the next member is looked for from there.
func (m *members) rewind() {
	if m.kept.off || len(m.kept.buf) < 2 {
		return
	}
	back := append([]byte(nil), m.kept.buf[1:]...)
	m.pos -= int64(len(back))
	m.raw = bufio.NewReaderSize(io.MultiReader(bytes.NewReader(back), m.raw), 64<<10)
	m.kept.buf = m.kept.buf[:0]
}

// errMemberEnd is read once at the end of each gzip member but the last.
var errMemberEnd = errors.New("end of a gzip member")

// errBrokenMember is what a broken stream of members reads until Resync.
var errBrokenMember = errors.New("inside a damaged gzip member")

// next finds the next gzip member that starts well after a broken one.
func (m *members) next() error {
	m.rewind()
	for {
		b, err := m.raw.Peek(3)
		if len(b) < 3 {
			m.ended = true
			return io.EOF
		}
		if err == nil && b[0] == 0x1f && b[1] == 0x8b && b[2] == 8 {
			if m.reset() == nil {
				m.broken = false
				return nil
			}
			continue // a false start: Reset consumed its header bytes
		}
		n, _ := m.raw.Discard(1)
		m.pos += int64(n)
	}
}

// Resync skips what is left of a damaged record: to the next gzip member
// when a member was broken, then to the next line that starts a record
// ("WARC/"). It returns io.EOF when the archive holds no further record.
func (w *Reader) Resync() error {
	if w.zip != nil && w.zip.broken {
		if err := w.zip.next(); err != nil {
			return err
		}
		w.r.Reset(w.zip)
	}
	for {
		if b, _ := w.r.Peek(5); string(b) == "WARC/" {
			return nil
		}
		// Skip one line, however long, without keeping it.
		for {
			line, err := w.r.ReadSlice('\n')
			w.offset += int64(len(line))
			if err == nil {
				break
			}
			if err == bufio.ErrBufferFull || errors.Is(err, errMemberEnd) {
				continue
			}
			if w.zip != nil && w.zip.broken {
				return w.Resync()
			}
			return io.EOF
		}
	}
}

// Next returns the next record, io.EOF after the last, or an error that says
// where the archive is damaged (a truncated record, a missing length).
func (w *Reader) Next() (Record, error) {
	var rec Record
	// Skip the blank lines between records, then expect the version line.
	var line string
	var at int64
	for {
		at = w.textPos()
		l, err := w.readLine()
		if err == io.EOF && l == "" {
			return rec, io.EOF
		}
		if errors.Is(err, errMemberEnd) && strings.TrimSpace(l) == "" {
			continue // the blank lines that end a record end its member
		}
		if err != nil {
			return rec, w.damaged("reading a record's first line", err)
		}
		if l = strings.TrimSpace(l); l != "" {
			line = l
			break
		}
	}
	if !strings.HasPrefix(line, "WARC/") {
		return rec, w.damaged(fmt.Sprintf("expected a WARC version line, found %.40q", line), nil)
	}
	rec.Offset = w.fileOffset(at)
	rec.Fields = map[string]string{}
	headerBytes := 0
	for {
		l, err := w.readLine()
		if err != nil {
			return rec, w.damaged("reading a record's header", err)
		}
		headerBytes += len(l)
		if headerBytes > maxHeader {
			return rec, w.damaged("record header larger than 64 KB", nil)
		}
		l = strings.TrimRight(l, "\r\n")
		if l == "" {
			break
		}
		name, value, ok := strings.Cut(l, ":")
		if !ok {
			continue // tolerate a malformed field
		}
		rec.Fields[strings.ToLower(strings.TrimSpace(name))] = strings.TrimSpace(value)
	}
	length, err := strconv.ParseInt(rec.Fields["content-length"], 10, 64)
	if err != nil || length < 0 {
		return rec, w.damaged(fmt.Sprintf("record without a valid Content-Length (%q)", rec.Fields["content-length"]), nil)
	}
	rec.Length = length
	rec.Type = strings.ToLower(rec.Fields["warc-type"])
	rec.TargetURI = validText(strings.Trim(rec.Fields["warc-target-uri"], "<>"))
	rec.Date, _ = time.Parse(time.RFC3339, rec.Fields["warc-date"])
	if length > news.MaxPageBytes {
		if _, err := io.CopyN(io.Discard, w.r, length); err != nil {
			return rec, w.damaged("truncated record", err)
		}
		w.offset += length
		w.n++
		rec.Block = nil // too large to keep; the caller sees an empty block
		return rec, nil
	}
	rec.Block = make([]byte, length)
	if n, err := io.ReadFull(w.r, rec.Block); err != nil {
		if errors.Is(err, errMemberEnd) {
			return rec, w.damaged(fmt.Sprintf("record %s says Content-Length %d but its gzip member holds %d bytes of it", rec.TargetURI, length, n), nil)
		}
		return rec, w.damaged(fmt.Sprintf("truncated record (%s of %d bytes)", rec.TargetURI, length), err)
	}
	w.offset += length
	w.n++
	w.last = recordName(rec)
	return rec, nil
}

// textPos is the position in the archive's text of the next byte Next
// reads: the bytes read in a plain archive; in a gzipped one, the text the
// members gave less what is buffered.
func (w *Reader) textPos() int64 {
	if w.zip == nil {
		return w.offset
	}
	return w.zip.out - int64(w.r.Buffered())
}

// fileOffset is Record.Offset for a record whose text starts at text
// position at.
func (w *Reader) fileOffset(at int64) int64 {
	if w.zip == nil {
		return at
	}
	start := w.zip.memberAt(at)
	if start == w.member {
		return -1 // a second record in one member
	}
	w.member = start
	return start
}

// recordName names a record in messages: its target URI, else its type.
func recordName(rec Record) string {
	if rec.TargetURI != "" {
		return rec.TargetURI
	}
	return rec.Type + " record"
}

// readLine reads one line of at most maxHeader bytes.
func (w *Reader) readLine() (string, error) {
	var line []byte
	for {
		part, err := w.r.ReadSlice('\n')
		w.offset += int64(len(part))
		line = append(line, part...)
		if len(line) > maxHeader {
			return "", fmt.Errorf("a line longer than %d KB", maxHeader>>10)
		}
		switch {
		case err == bufio.ErrBufferFull:
			continue
		case err == io.EOF && len(line) > 0:
			return string(line), nil
		}
		return string(line), err
	}
}

// damaged describes where the archive stopped making sense.
func (w *Reader) damaged(what string, err error) error {
	msg := fmt.Sprintf("damaged archive after %d records (byte %d): %s", w.n, w.offset, what)
	if w.last != "" {
		msg = fmt.Sprintf("damaged archive after %d records (byte %d, after %s): %s", w.n, w.offset, w.last, what)
	}
	if err != nil && !errors.Is(err, io.EOF) {
		return fmt.Errorf("%s: %w", msg, err)
	}
	if errors.Is(err, io.EOF) {
		return fmt.Errorf("%s: %w", msg, io.ErrUnexpectedEOF)
	}
	return errors.New(msg)
}

// pageOf turns a record into a page to extract: an HTML response or
// resource record, or a conversion record's text (WET). A capture that
// gives no page says why (a news.Skip reason); records that are not
// captures (warcinfo, request, metadata) give neither.
func pageOf(rec Record) (*news.Page, string) {
	switch rec.Type {
	case "conversion":
		if rec.Length > news.MaxPageBytes {
			return nil, news.SkipTooLarge
		}
		if len(bytes.TrimSpace(rec.Block)) == 0 {
			return nil, news.SkipEmpty
		}
		return &news.Page{ID: web.URLID(rec.TargetURI), URL: rec.TargetURI, Kind: news.KindText, Body: rec.Block, Fetched: rec.Date}, ""
	case "response":
		return responsePage(rec)
	case "resource":
		return resourcePage(rec)
	case "revisit":
		return nil, news.SkipDuplicate
	}
	return nil, ""
}

// responsePage reads a response record's HTTP answer: a page when it is
// 200 OK and HTML.
func responsePage(rec Record) (*news.Page, string) {
	if rec.Length > news.MaxPageBytes {
		return nil, news.SkipTooLarge
	}
	if !strings.Contains(rec.Fields["content-type"], "application/http") {
		return nil, news.SkipNotHTML // a DNS answer or another protocol's record
	}
	resp, err := http.ReadResponse(bufio.NewReader(bytes.NewReader(rec.Block)), nil)
	if err != nil {
		return nil, news.SkipDamaged
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, news.SkipHTTPStatus
	}
	if !isHTML(resp.Header.Get("Content-Type")) {
		return nil, news.SkipNotHTML
	}
	var body io.Reader = resp.Body
	if strings.EqualFold(resp.Header.Get("Content-Encoding"), "gzip") {
		zr, err := gzip.NewReader(resp.Body)
		if err != nil {
			return nil, news.SkipDamaged
		}
		body = zr
	}
	b, err := io.ReadAll(io.LimitReader(body, news.MaxPageBytes))
	if err != nil && len(b) == 0 {
		return nil, news.SkipDamaged
	}
	if len(bytes.TrimSpace(b)) == 0 {
		return nil, news.SkipEmpty
	}
	return capturedPage(rec, b), ""
}

// resourcePage reads a resource record (a capture stored without its HTTP
// answer, as some crawlers and browser-based archivers write them): a page
// when its content type is HTML.
func resourcePage(rec Record) (*news.Page, string) {
	switch {
	case rec.Length > news.MaxPageBytes:
		return nil, news.SkipTooLarge
	case !isHTML(rec.Fields["content-type"]):
		return nil, news.SkipNotHTML
	case len(bytes.TrimSpace(rec.Block)) == 0:
		return nil, news.SkipEmpty
	}
	return capturedPage(rec, rec.Block), ""
}

// isHTML tells an HTML media type from the others.
func isHTML(contentType string) bool {
	mediatype, _, _ := mime.ParseMediaType(contentType)
	return mediatype == "text/html" || mediatype == "application/xhtml+xml"
}

// capturedPage is the HTML page of a capture record.
func capturedPage(rec Record, body []byte) *news.Page {
	return &news.Page{ID: web.URLID(rec.TargetURI), URL: rec.TargetURI, Kind: news.KindHTML, Body: body, Fetched: rec.Date}
}

// Inputs yields the pages of a WARC or WET file. A damaged part is reported
// (an error naming the file and where) and skipped: every good record after
// it is still read. The captures that hold no page (an image, a 404
// answer) are counted in skipped by reason (nil counts nothing).
func Inputs(path string, skipped *news.SkippedCounter) iter.Seq2[news.Input, error] {
	return func(yield func(news.Input, error) bool) {
		f, err := os.Open(path)
		if err != nil {
			yield(news.Input{}, &news.InputError{Name: path, Err: errors.Unwrap(err)})
			return
		}
		defer f.Close()
		InputsFrom(path, f, skipped)(yield)
	}
}

// InputsFrom yields the pages of a WARC or WET stream (a pipe, stdin),
// named name in messages, as Inputs does for a file. Each page carries the
// record it came from (news.Capture), the archive named path.
func InputsFrom(path string, r io.Reader, skipped *news.SkippedCounter) iter.Seq2[news.Input, error] {
	return func(yield func(news.Input, error) bool) {
		wr, err := NewReader(r)
		if err != nil {
			yield(news.Input{}, &news.InputError{Name: path, Err: err})
			return
		}
		ids := recordIDs{}
		for records := 0; ; records++ {
			rec, err := wr.Next()
			if err == io.EOF {
				if records == 0 {
					yield(news.Input{}, &news.InputError{Name: path, Err: ErrNoRecords})
				}
				return
			}
			if err != nil {
				if !yield(news.Input{}, &news.InputError{Name: path, Err: err}) {
					return
				}
				if wr.Resync() != nil {
					return
				}
				continue
			}
			if first, again := ids.see(rec); again {
				skipped.Warn(repeatedID(path, rec, first))
			}
			p, reason := pageOf(rec)
			if p == nil {
				if reason != "" {
					skipped.Add(reason)
				}
				continue
			}
			p.Capture = captureOf(path, rec)
			if !yield(news.Input{Name: path + "#" + rec.TargetURI, Page: p, FromURL: true}, nil) {
				return
			}
		}
	}
}

// captureOf is the capture of a page read from rec of the archive at path.
func captureOf(path string, rec Record) news.Capture {
	return news.Capture{Archive: validText(path), RecordID: validText(rec.Fields["warc-record-id"]), TargetURI: rec.TargetURI, Offset: rec.Offset}
}

// validText is s as valid UTF-8, each run of bytes that are not U+FFFD: a
// header (or a file's name) may hold any byte, while PostgreSQL refuses to
// store a text that is not UTF-8 (the whole write failed: a record id with
// a byte 0xff lost every article of its batch) and JSON shows such bytes
// as U+FFFD anyway (SQLite kept them, so CSV's capture columns and JSON
// differed).
func validText(s string) string {
	return strings.ToValidUTF8(s, "\uFFFD")
}

// recordIDs are the WARC-Record-IDs an archive's records used so far, each
// by a 64-bit FNV-1a hash of it (eight bytes a record however long the id),
// with where the first record of it starts (-1 when not known). A record
// id is to be unique across archives (WARC 1.1, 5.2); an archive that uses
// one twice cannot be joined back by it, so a reader is told.
type recordIDs map[uint64]int64

// see notes rec's record id and reports whether an earlier record used it,
// and where that record starts. A record without an id is not counted.
func (ids recordIDs) see(rec Record) (int64, bool) {
	id := rec.Fields["warc-record-id"]
	if id == "" {
		return 0, false
	}
	h := fnv.New64a()
	h.Write([]byte(id))
	key := h.Sum64()
	if first, ok := ids[key]; ok {
		return first, true
	}
	ids[key] = rec.Offset
	return 0, false
}

// repeatedID is the warning for a record whose id an earlier record of the
// archive used: both records are read as any other.
func repeatedID(path string, rec Record, first int64) string {
	return fmt.Sprintf("%s: record %s%s uses the record id %s of an earlier record%s (both are read; a join on the record id matches both)",
		path, recordName(rec), offsetNote(rec.Offset), rec.Fields["warc-record-id"], offsetNote(first))
}

// offsetNote is " at offset N", or "" when the offset is not known.
func offsetNote(offset int64) string {
	if offset < 0 {
		return ""
	}
	return fmt.Sprintf(" at offset %d", offset)
}

// ErrNoRecords is why a WARC or WET file or stream with no record in it
// (an empty file) failed.
var ErrNoRecords = errors.New("empty: no WARC records in it")

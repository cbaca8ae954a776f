package ingest

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/storyline-news/storyline/internal/news"
)

// WARCRecord is one record of a WARC (or WET) file: its named fields and its
// content block.
type WARCRecord struct {
	Type      string // warcinfo, response, request, conversion, metadata, ...
	TargetURI string
	Date      time.Time
	Fields    map[string]string // lower-case field name -> value
	Block     []byte
}

// WARCReader reads the records of a WARC file one at a time, so that an
// archive of any size is read in bounded memory. It reads plain and gzipped
// archives (one gzip member per record, as Common Crawl writes them).
type WARCReader struct {
	r      *bufio.Reader
	offset int64
	n      int // records read
}

// maxWARCHeader bounds a record's header block.
const maxWARCHeader = 64 << 10

// NewWARCReader returns a reader over r, decompressing it if it is gzipped.
func NewWARCReader(r io.Reader) (*WARCReader, error) {
	br := bufio.NewReaderSize(r, 64<<10)
	if magic, _ := br.Peek(2); len(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b {
		zr, err := gzip.NewReader(br)
		if err != nil {
			return nil, fmt.Errorf("not a valid gzip file: %w", err)
		}
		br = bufio.NewReaderSize(zr, 64<<10)
	}
	return &WARCReader{r: br}, nil
}

// Next returns the next record, io.EOF after the last, or an error that says
// where the archive is damaged (a truncated record, a missing length).
func (w *WARCReader) Next() (WARCRecord, error) {
	var rec WARCRecord
	// Skip the blank lines between records, then expect the version line.
	var line string
	for {
		l, err := w.readLine()
		if err == io.EOF && l == "" {
			return rec, io.EOF
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
	rec.Fields = map[string]string{}
	headerBytes := 0
	for {
		l, err := w.readLine()
		if err != nil {
			return rec, w.damaged("reading a record's header", err)
		}
		headerBytes += len(l)
		if headerBytes > maxWARCHeader {
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
	rec.Type = strings.ToLower(rec.Fields["warc-type"])
	rec.TargetURI = strings.Trim(rec.Fields["warc-target-uri"], "<>")
	rec.Date, _ = time.Parse(time.RFC3339, rec.Fields["warc-date"])
	if length > MaxInputBytes {
		if _, err := io.CopyN(io.Discard, w.r, length); err != nil {
			return rec, w.damaged("truncated record", err)
		}
		w.offset += length
		w.n++
		rec.Block = nil // too large to keep; the caller sees an empty block
		return rec, nil
	}
	rec.Block = make([]byte, length)
	if _, err := io.ReadFull(w.r, rec.Block); err != nil {
		return rec, w.damaged(fmt.Sprintf("truncated record (%s of %d bytes)", rec.TargetURI, length), err)
	}
	w.offset += length
	w.n++
	return rec, nil
}

func (w *WARCReader) readLine() (string, error) {
	l, err := w.r.ReadString('\n')
	w.offset += int64(len(l))
	if err == io.EOF && l != "" {
		return l, nil
	}
	return l, err
}

// damaged describes where the archive stopped making sense.
func (w *WARCReader) damaged(what string, err error) error {
	msg := fmt.Sprintf("damaged archive after %d records (byte %d): %s", w.n, w.offset, what)
	if err != nil && !errors.Is(err, io.EOF) {
		return fmt.Errorf("%s: %w", msg, err)
	}
	if errors.Is(err, io.EOF) {
		return fmt.Errorf("%s: %w", msg, io.ErrUnexpectedEOF)
	}
	return errors.New(msg)
}

// pageOf turns a record into a page to extract: an HTML response, or a
// conversion record's text (WET). Other records give no page.
func pageOf(rec WARCRecord) (*news.Page, bool) {
	switch rec.Type {
	case "conversion":
		if len(bytes.TrimSpace(rec.Block)) == 0 {
			return nil, false
		}
		return &news.Page{ID: URLID(rec.TargetURI), URL: rec.TargetURI, Kind: news.KindText, Body: rec.Block, Fetched: rec.Date}, true
	case "response":
		ct := rec.Fields["content-type"]
		if !strings.Contains(ct, "application/http") {
			return nil, false
		}
		resp, err := http.ReadResponse(bufio.NewReader(bytes.NewReader(rec.Block)), nil)
		if err != nil || resp.StatusCode != http.StatusOK {
			return nil, false
		}
		defer resp.Body.Close()
		mediatype, _, _ := mime.ParseMediaType(resp.Header.Get("Content-Type"))
		if mediatype != "text/html" && mediatype != "application/xhtml+xml" {
			return nil, false
		}
		var body io.Reader = resp.Body
		if strings.EqualFold(resp.Header.Get("Content-Encoding"), "gzip") {
			zr, err := gzip.NewReader(resp.Body)
			if err != nil {
				return nil, false
			}
			body = zr
		}
		b, err := io.ReadAll(io.LimitReader(body, MaxInputBytes))
		if err != nil && len(b) == 0 {
			return nil, false
		}
		return &news.Page{ID: URLID(rec.TargetURI), URL: rec.TargetURI, Kind: news.KindHTML, Body: b, Fetched: rec.Date}, true
	}
	return nil, false
}

// warcInputs yields the pages of a WARC or WET file; a damaged archive ends
// with an error that names it.
func warcInputs(path string, yield func(Input, error) bool) bool {
	f, err := openFile(path)
	if err != nil {
		return yield(Input{}, wrap(path, err))
	}
	defer f.Close()
	wr, err := NewWARCReader(f)
	if err != nil {
		return yield(Input{}, wrap(path, err))
	}
	for {
		rec, err := wr.Next()
		if err == io.EOF {
			return true
		}
		if err != nil {
			return yield(Input{}, wrap(path, err))
		}
		if p, ok := pageOf(rec); ok {
			if !yield(Input{Name: path + "#" + rec.TargetURI, Page: p, FromURL: true}, nil) {
				return false
			}
		}
	}
}

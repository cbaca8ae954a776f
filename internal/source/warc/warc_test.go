package warc

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/storyline-news/storyline/internal/news"
	"github.com/storyline-news/storyline/internal/source/web"
)

// A page and a fire report, as an outlet and a WET conversion give them.
const (
	strikePage = `<html><head><title>Calder dockworkers end strike</title></head><body><article><h1>Calder dockworkers end strike</h1>
<p>Dockworkers at the Port of Calder voted on Monday to end a nine-day strike.</p></article></body></html>`
	firePage = `<h1>Wildfire forces thousands to flee Brennock</h1><p>A fast-moving wildfire forced about 3,000 residents from their homes.`
)

// collect reads the inputs of an archive.
func collect(t *testing.T, paths []string) ([]news.Input, []error) {
	t.Helper()
	var ins []news.Input
	var errs []error
	for _, p := range paths {
		for in, err := range Inputs(p, nil) {
			if err != nil {
				errs = append(errs, err)
				continue
			}
			ins = append(ins, in)
		}
	}
	return ins, errs
}

// warcRecord writes one WARC record.
func warcRecord(typ, uri, contentType, block string) string {
	return fmt.Sprintf("WARC/1.0\r\nWARC-Type: %s\r\nWARC-Target-URI: %s\r\nWARC-Date: 2026-11-16T10:00:00Z\r\nContent-Type: %s\r\nContent-Length: %d\r\n\r\n%s\r\n\r\n",
		typ, uri, contentType, len(block), block)
}

func httpResponse(contentType, body string) string {
	return fmt.Sprintf("HTTP/1.1 200 OK\r\nContent-Type: %s\r\nContent-Length: %d\r\n\r\n%s", contentType, len(body), body)
}

// writeWARC writes records as a WARC file, gzipped one member per record when
// the name ends in .gz.
func writeWARC(t *testing.T, path string, records ...string) {
	t.Helper()
	var buf bytes.Buffer
	for _, r := range records {
		if strings.HasSuffix(path, ".gz") {
			zw := gzip.NewWriter(&buf)
			zw.Write([]byte(r))
			zw.Close()
		} else {
			buf.WriteString(r)
		}
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

var sampleRecords = []string{
	warcRecord("warcinfo", "", "application/warc-fields", "software: test\r\n"),
	warcRecord("request", "https://ledger.example/strike", "application/http; msgtype=request", "GET /strike HTTP/1.1\r\nHost: ledger.example\r\n\r\n"),
	warcRecord("response", "https://ledger.example/strike", "application/http; msgtype=response", httpResponse("text/html; charset=utf-8", strikePage)),
	warcRecord("response", "https://ledger.example/logo.png", "application/http; msgtype=response", httpResponse("image/png", "\x89PNG")),
	warcRecord("conversion", "https://courier.example/fire", "text/plain", strings.ReplaceAll(firePage, "<p>", "\n")),
}

func TestWARCInputs(t *testing.T) {
	for _, name := range []string{"crawl.warc", "crawl.warc.gz"} {
		path := filepath.Join(t.TempDir(), name)
		writeWARC(t, path, sampleRecords...)
		ins, errs := collect(t, []string{path})
		if len(errs) != 0 || len(ins) != 2 {
			t.Fatalf("%s: inputs %d, errors %v", name, len(ins), errs)
		}
		if p := ins[0].Page; p.Kind != "html" || p.URL != "https://ledger.example/strike" || p.ID != web.URLID("https://ledger.example/strike") || !strings.Contains(string(p.Body), "Port of Calder") {
			t.Errorf("%s: first page = %+v", name, p)
		}
		if p := ins[1].Page; p.Kind != "text" || p.URL != "https://courier.example/fire" {
			t.Errorf("%s: second page = %+v", name, p)
		}
	}
}

func TestTruncatedWARCIsNamed(t *testing.T) {
	whole := filepath.Join(t.TempDir(), "whole.warc")
	writeWARC(t, whole, sampleRecords...)
	b, _ := os.ReadFile(whole)
	cut := filepath.Join(t.TempDir(), "cut.warc")
	os.WriteFile(cut, b[:len(b)-20], 0o644) // inside the last record's block
	ins, errs := collect(t, []string{cut})
	if len(errs) != 1 || !strings.Contains(errs[0].Error(), "cut.warc") || !strings.Contains(errs[0].Error(), "truncated record") {
		t.Fatalf("errors = %v", errs)
	}
	if !errors.Is(errs[0], io.ErrUnexpectedEOF) {
		t.Errorf("error %v does not wrap io.ErrUnexpectedEOF", errs[0])
	}
	if len(ins) != 1 {
		t.Errorf("the complete records before the cut should still be read: %d inputs", len(ins))
	}
	garbage := filepath.Join(t.TempDir(), "garbage.warc")
	os.WriteFile(garbage, []byte("this is not an archive\n"), 0o644)
	if _, errs := collect(t, []string{garbage}); len(errs) != 1 || !strings.Contains(errs[0].Error(), "expected a WARC version line") {
		t.Errorf("garbage: %v", errs)
	}
}

// FuzzWARCReader: no panic; every record's block has its declared length; a
// damaged archive is resynchronised and read to its end rather than looping
// (each record or resync consumes input, so a small input gives few).
func FuzzWARCReader(f *testing.F) {
	f.Add([]byte(strings.Join(sampleRecords, "")))
	f.Add([]byte("WARC/1.0\r\nContent-Length: 5\r\n\r\nabc"))
	f.Add([]byte("WARC/1.0\r\nContent-Length: -1\r\n\r\n"))
	var members bytes.Buffer
	for _, r := range sampleRecords[:3] {
		zw := gzip.NewWriter(&members)
		zw.Write([]byte(r))
		zw.Close()
	}
	f.Add(members.Bytes())
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := NewReader(bytes.NewReader(data))
		if err != nil {
			return
		}
		for i := 0; i < 10000; i++ {
			rec, err := r.Next()
			if err == io.EOF {
				return
			}
			if err != nil {
				if r.Resync() != nil {
					return
				}
				continue
			}
			if n, _ := strconv.Atoi(rec.Fields["content-length"]); rec.Block != nil && n != len(rec.Block) {
				t.Fatalf("block of %d bytes, Content-Length %d", len(rec.Block), n)
			}
			pageOf(rec) // must not panic either
		}
		t.Fatal("more than 10,000 records from a small input")
	})
}

// TestDamagedWARCKeepsEveryGoodRecord damages each record of an archive in
// turn (bytes of its gzip member overwritten, or its header broken) and
// reads the archive: every other page is still read, and the damage is
// reported by name (issue 18: a damaged record discarded every record after
// it).
func TestDamagedWARCKeepsEveryGoodRecord(t *testing.T) {
	var records []string
	for i := range 6 {
		records = append(records, warcRecord("response", fmt.Sprintf("https://ledger.example/%d", i), "application/http; msgtype=response",
			httpResponse("text/html", strings.Replace(strikePage, "Monday", fmt.Sprintf("day %d", i), 1))))
	}
	urlsOf := func(ins []news.Input) []string {
		var urls []string
		for _, in := range ins {
			urls = append(urls, in.Page.URL)
		}
		return urls
	}
	for bad := range records {
		var want []string
		for i := range records {
			if i != bad {
				want = append(want, fmt.Sprintf("https://ledger.example/%d", i))
			}
		}
		// gzip, one member per record: overwrite bytes inside the member
		var members []byte
		for i, r := range records {
			var buf bytes.Buffer
			zw := gzip.NewWriter(&buf)
			zw.Write([]byte(r))
			zw.Close()
			m := buf.Bytes()
			if i == bad {
				copy(m[len(m)/2:], bytes.Repeat([]byte{0xff}, 16))
			}
			members = append(members, m...)
		}
		// plain: the record's Content-Length made unreadable
		plain := strings.Join(records[:bad], "") + strings.Replace(records[bad], "Content-Length: ", "Content-Length: x", 1) + strings.Join(records[bad+1:], "")
		// plain: garbage where the record was
		garbage := strings.Join(records[:bad], "") + "\x00\x01 not a record\r\n" + strings.Repeat("z", 100<<10) + "\r\n" + strings.Join(records[bad+1:], "")
		for name, body := range map[string][]byte{"members.warc.gz": members, "length.warc": []byte(plain), "garbage.warc": []byte(garbage)} {
			path := filepath.Join(t.TempDir(), name)
			os.WriteFile(path, body, 0o644)
			ins, errs := collect(t, []string{path})
			if got := urlsOf(ins); fmt.Sprint(got) != fmt.Sprint(want) {
				t.Errorf("%s, record %d damaged: read %v, want %v (errors %v)", name, bad, got, want, errs)
			}
			if len(errs) != 1 || !strings.Contains(errs[0].Error(), name) {
				t.Errorf("%s, record %d damaged: errors %v, want one naming the file", name, bad, errs)
			}
		}
	}
}

// TestWrongContentLengthLosesOnlyItsRecord gives one record of a gzipped
// archive (one member per record) a Content-Length longer or shorter than
// its block: every other record is still read, none gets the next record's
// bytes, and the error names the record (a length too long used to read the
// next record as the bad one's block and lose it without naming it).
func TestWrongContentLengthLosesOnlyItsRecord(t *testing.T) {
	var records []string
	for i := range 5 {
		records = append(records, warcRecord("response", fmt.Sprintf("https://ledger.example/%d", i), "application/http; msgtype=response",
			httpResponse("text/html", strings.Replace(strikePage, "Monday", fmt.Sprintf("day %d", i), 1))))
	}
	for _, delta := range []int{+400, -60} {
		bad := 2
		length := len(httpResponse("text/html", strings.Replace(strikePage, "Monday", "day 2", 1)))
		wrong := append([]string{}, records...)
		wrong[bad] = strings.Replace(records[bad], "Content-Length: "+strconv.Itoa(length), "Content-Length: "+strconv.Itoa(length+delta), 1)
		path := filepath.Join(t.TempDir(), "length.warc.gz")
		writeWARC(t, path, wrong...)
		ins, errs := collect(t, []string{path})
		var got []string
		for _, in := range ins {
			got = append(got, in.Page.URL)
			if bytes.Contains(in.Page.Body, []byte("WARC/1.0")) {
				t.Errorf("length %+d: %s holds another record's bytes", delta, in.Page.URL)
			}
		}
		for _, want := range []string{"https://ledger.example/0", "https://ledger.example/1", "https://ledger.example/3", "https://ledger.example/4"} {
			if !strings.Contains(fmt.Sprint(got), want) {
				t.Errorf("length %+d: %s lost; read %v (errors %v)", delta, want, got, errs)
			}
		}
		if len(errs) != 1 || !strings.Contains(errs[0].Error(), "ledger.example/") {
			t.Errorf("length %+d: errors %v, want one naming a record", delta, errs)
		}
	}
}

// TestTruncatedMemberLosesOnlyItsRecord cuts one gzip member of an archive
// in half (a download cut short, then resumed): the records after it are
// all read, though the inflater of the cut member reads on into the next
// member's header (which used to lose that next record unnamed).
func TestTruncatedMemberLosesOnlyItsRecord(t *testing.T) {
	var members []byte
	for i := range 5 {
		var buf bytes.Buffer
		zw := gzip.NewWriter(&buf)
		zw.Write([]byte(warcRecord("response", fmt.Sprintf("https://ledger.example/%d", i), "application/http; msgtype=response",
			httpResponse("text/html", strings.Replace(strikePage, "Monday", fmt.Sprintf("day %d", i), 1)))))
		zw.Close()
		m := buf.Bytes()
		if i == 2 {
			m = m[:len(m)/2]
		}
		members = append(members, m...)
	}
	path := filepath.Join(t.TempDir(), "cut.warc.gz")
	os.WriteFile(path, members, 0o644)
	ins, errs := collect(t, []string{path})
	var got []string
	for _, in := range ins {
		got = append(got, in.Page.URL)
	}
	want := "[https://ledger.example/0 https://ledger.example/1 https://ledger.example/3 https://ledger.example/4]"
	if fmt.Sprint(got) != want || len(errs) != 1 {
		t.Errorf("read %v, want %s; errors %v, want one", got, want, errs)
	}
}

// httpAnswer writes an HTTP answer with its status line.
func httpAnswer(status, contentType, body string) string {
	return fmt.Sprintf("HTTP/1.1 %s\r\nContent-Type: %s\r\nContent-Length: %d\r\n\r\n%s", status, contentType, len(body), body)
}

// withRecordID gives a record (as warcRecord writes it) a WARC-Record-ID.
func withRecordID(record, id string) string {
	return strings.Replace(record, "WARC/1.0\r\n", "WARC/1.0\r\nWARC-Record-ID: "+id+"\r\n", 1)
}

// TestSkippedRecordsAreCountedByReason reads an invented archive of every
// kind of capture that holds no page: each is counted under its reason,
// the records that are not captures (warcinfo, request, metadata) under
// none, and the pages carry the record they came from. Records that held
// no page were passed over without a count.
func TestSkippedRecordsAreCountedByReason(t *testing.T) {
	const resp = "application/http; msgtype=response"
	records := []string{
		warcRecord("warcinfo", "", "application/warc-fields", "software: test\r\n"),
		warcRecord("request", "https://ledger.example/strike", "application/http; msgtype=request", "GET /strike HTTP/1.1\r\nHost: ledger.example\r\n\r\n"),
		withRecordID(warcRecord("response", "https://ledger.example/strike", resp, httpResponse("text/html", strikePage)), "<urn:uuid:0b7c1e4a-0000-4000-8000-000000000001>"),
		warcRecord("metadata", "https://ledger.example/strike", "application/warc-fields", "fetchTimeMs: 12\r\n"),
		warcRecord("response", "https://ledger.example/logo.png", resp, httpResponse("image/png", "\x89PNG....")),
		warcRecord("response", "https://ledger.example/annual.pdf", resp, httpResponse("application/pdf", "%PDF-1.7 ...")),
		warcRecord("response", "https://ledger.example/site.css", resp, httpResponse("text/css", "body{margin:0}")),
		warcRecord("response", "https://ledger.example/old", resp, httpAnswer("301 Moved Permanently", "text/html", "<a href=/new>moved</a>")),
		warcRecord("response", "https://ledger.example/gone", resp, httpAnswer("404 Not Found", "text/html", "<p>no such page</p>")),
		warcRecord("response", "https://ledger.example/busy", resp, httpAnswer("503 Service Unavailable", "text/html", "<p>try later</p>")),
		warcRecord("response", "https://ledger.example/garbled", resp, "this is not an HTTP answer at all"),
		warcRecord("response", "dns:ledger.example", "text/dns", "20261116100000\nledger.example. 300 IN A 192.0.2.7\n"),
		warcRecord("revisit", "https://ledger.example/strike", resp, "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n"),
		warcRecord("response", "https://ledger.example/blank", resp, httpResponse("text/html", "  \n ")),
		withRecordID(warcRecord("resource", "https://courier.example/tide", "text/html", "<html><body><article><p>The tide came in an hour early at Brennock.</p></article></body></html>"), "<urn:uuid:0b7c1e4a-0000-4000-8000-000000000002>"),
		warcRecord("resource", "https://courier.example/map.jpg", "image/jpeg", "\xff\xd8\xff\xe0"),
		warcRecord("conversion", "https://courier.example/empty", "text/plain", " \r\n"),
	}
	want := map[string]int{news.SkipNotHTML: 5, news.SkipHTTPStatus: 3, news.SkipDamaged: 1, news.SkipDuplicate: 1, news.SkipEmpty: 2}
	for _, name := range []string{"skips.warc", "skips.warc.gz"} {
		path := filepath.Join(t.TempDir(), name)
		writeWARC(t, path, records...)
		var skipped news.SkippedCounter
		var pages []*news.Page
		for in, err := range Inputs(path, &skipped) {
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			pages = append(pages, in.Page)
		}
		if got := skipped.Counts(); !maps.Equal(got, want) {
			t.Errorf("%s: skipped %v, want %v", name, got, want)
		}
		if len(pages) != 2 {
			t.Fatalf("%s: %d pages, want the response and the HTML resource", name, len(pages))
		}
		wantCaptures := []news.Capture{
			{Archive: path, RecordID: "<urn:uuid:0b7c1e4a-0000-4000-8000-000000000001>", TargetURI: "https://ledger.example/strike"},
			{Archive: path, RecordID: "<urn:uuid:0b7c1e4a-0000-4000-8000-000000000002>", TargetURI: "https://courier.example/tide"},
		}
		for i, p := range pages {
			got := p.Capture
			got.Offset = 0 // TestRecordOffsetsPointAtTheirRecords checks it
			if got != wantCaptures[i] {
				t.Errorf("%s: page %d capture %+v, want %+v", name, i, got, wantCaptures[i])
			}
		}
	}
}

// TestTooLargeRecordIsCounted: a capture over news.MaxPageBytes is
// counted as too large, and the record after it read.
func TestTooLargeRecordIsCounted(t *testing.T) {
	big := httpResponse("text/html", "<p>"+strings.Repeat("a", news.MaxPageBytes)+"</p>")
	path := filepath.Join(t.TempDir(), "big.warc")
	writeWARC(t, path, warcRecord("response", "https://ledger.example/huge", "application/http; msgtype=response", big), sampleRecords[2])
	var skipped news.SkippedCounter
	ins, errs := 0, 0
	for _, err := range Inputs(path, &skipped) {
		if err != nil {
			errs++
			continue
		}
		ins++
	}
	if ins != 1 || errs != 0 || skipped.Counts()[news.SkipTooLarge] != 1 {
		t.Errorf("pages %d, errors %d, skipped %v; want the page after the large record, and it counted as too large", ins, errs, skipped.Counts())
	}
}

// TestRecordOffsetsPointAtTheirRecords: a page's capture gives where its
// record starts: the record's first byte in a plain archive, its gzip
// member's in a gzipped one (one member a record, as Common Crawl writes
// them, so reading from there gives the record), and none (-1) for a
// record inside a file gzipped as one member, after the first. A damaged
// member before a record does not shift it.
func TestRecordOffsetsPointAtTheirRecords(t *testing.T) {
	page := func(uri string) string {
		return warcRecord("response", uri, "application/http; msgtype=response", httpResponse("text/html", strikePage))
	}
	records := []string{
		warcRecord("warcinfo", "", "application/warc-fields", "software: test\r\n"),
		page("https://ledger.example/a"),
		warcRecord("request", "https://ledger.example/b", "application/http; msgtype=request", "GET /b HTTP/1.1\r\n\r\n"),
		page("https://ledger.example/b"),
		page("https://ledger.example/c"),
	}
	dir := t.TempDir()
	offsets := func(path string) map[string]int64 {
		got := map[string]int64{}
		for in, err := range Inputs(path, nil) {
			if err != nil {
				continue
			}
			got[in.Page.URL] = in.Page.Capture.Offset
		}
		return got
	}
	// Plain: the sum of the records before.
	plain := filepath.Join(dir, "plain.warc")
	writeWARC(t, plain, records...)
	pageAt := map[int]string{1: "https://ledger.example/a", 3: "https://ledger.example/b", 4: "https://ledger.example/c"}
	want := map[string]int64{}
	at := int64(0)
	for i, r := range records {
		if uri, ok := pageAt[i]; ok {
			want[uri] = at
		}
		at += int64(len(r))
	}
	if got := offsets(plain); !maps.Equal(got, want) {
		t.Errorf("plain archive: offsets %v, want %v", got, want)
	}
	// Gzipped a member a record, with a damaged member (a record's member
	// cut short) before the last page.
	var buf bytes.Buffer
	want = map[string]int64{}
	for i, r := range records {
		var m bytes.Buffer
		zw := gzip.NewWriter(&m)
		zw.Write([]byte(r))
		zw.Close()
		if i == 4 { // a record whose member is cut short, before the last page
			var lost bytes.Buffer
			zl := gzip.NewWriter(&lost)
			zl.Write([]byte(page("https://ledger.example/lost")))
			zl.Close()
			buf.Write(lost.Bytes()[:lost.Len()/2])
		}
		if uri, ok := pageAt[i]; ok {
			want[uri] = int64(buf.Len())
		}
		buf.Write(m.Bytes())
	}
	gz := filepath.Join(dir, "members.warc.gz")
	os.WriteFile(gz, buf.Bytes(), 0o644)
	if got := offsets(gz); !maps.Equal(got, want) {
		t.Errorf("gzipped archive: offsets %v, want %v", got, want)
	}
	for uri, off := range want { // reading from the offset gives the record
		zr, err := gzip.NewReader(bytes.NewReader(buf.Bytes()[off:]))
		if err != nil {
			t.Fatalf("%s: no gzip member at %d: %v", uri, off, err)
		}
		zr.Multistream(false)
		text, _ := io.ReadAll(zr)
		if !strings.Contains(string(text), "WARC-Target-URI: "+uri+"\r\n") {
			t.Errorf("%s: the member at %d holds %.80q", uri, off, text)
		}
	}
	// A file gzipped whole: one member, so only its first record has one.
	whole := filepath.Join(dir, "whole.warc.gz")
	var all bytes.Buffer
	zw := gzip.NewWriter(&all)
	zw.Write([]byte(strings.Join(records[1:], "")))
	zw.Close()
	os.WriteFile(whole, all.Bytes(), 0o644)
	if got, want := offsets(whole), map[string]int64{"https://ledger.example/a": 0, "https://ledger.example/b": -1, "https://ledger.example/c": -1}; !maps.Equal(got, want) {
		t.Errorf("archive gzipped whole: offsets %v, want %v", got, want)
	}
}

// FuzzArchiveInputs reads an archive as add does (InputsFrom): it never
// panics, and every warning names a record id the archive holds twice.
func FuzzArchiveInputs(f *testing.F) {
	f.Add([]byte(strings.Join(sampleRecords, "")))
	twice := warcRecord("response", "https://ledger.example/strike", "application/http; msgtype=response", httpResponse("text/html", strikePage))
	f.Add([]byte(twice + twice + strings.Join(sampleRecords, "")))
	f.Add([]byte("WARC/1.0\r\nWARC-Record-ID: <a>\r\nContent-Length: 0\r\n\r\n\r\n\r\nWARC/1.0\r\nWARC-Record-ID: <a>\r\nContent-Length: 0\r\n\r\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		skipped := &news.SkippedCounter{}
		n := 0
		for in, err := range InputsFrom("in.warc", bytes.NewReader(data), skipped) {
			if n++; n > 10000 {
				break
			}
			if c := pageCapture(in); err == nil && !(utf8.ValidString(c.Archive) && utf8.ValidString(c.RecordID) && utf8.ValidString(c.TargetURI)) {
				t.Fatalf("capture %+v is not valid UTF-8", c)
			}
		}
		for _, w := range skipped.Warnings() {
			_, id, ok := strings.Cut(w, " uses the record id ")
			if !ok || !strings.HasPrefix(w, "in.warc: record ") {
				t.Fatalf("warning %q does not name the archive and the record id", w)
			}
			id, _, _ = strings.Cut(id, " of an earlier record")
			if !bytes.HasPrefix(data, []byte{0x1f, 0x8b}) && bytes.Count(data, []byte(id)) < 2 { // a gzipped archive's ids are not in its bytes
				t.Fatalf("warning %q names an id the archive does not hold twice", w)
			}
		}
	})
}

// pageCapture is the capture of an input's page (none without one).
func pageCapture(in news.Input) news.Capture {
	if in.Page == nil {
		return news.Capture{}
	}
	return in.Page.Capture
}

// TestRepeatedRecordIDIsNamedAndBothRecordsRead: two records of one
// archive with one WARC-Record-ID are both read (their pages differ), and
// the second is named in one warning with the id and both offsets; a
// record with no id and records of distinct ids give none.
func TestRepeatedRecordIDIsNamedAndBothRecordsRead(t *testing.T) {
	page := func(uri, id, title string) string {
		body := httpResponse("text/html", "<html><title>"+title+"</title><body><p>"+title+" in the harbour town today.</p></body></html>")
		return fmt.Sprintf("WARC/1.1\r\nWARC-Type: response\r\nWARC-Record-ID: %s\r\nWARC-Target-URI: %s\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: %d\r\n\r\n%s\r\n\r\n", id, uri, len(body), body)
	}
	first := page("https://wexcombe.example/a", "<urn:uuid:aaaa>", "Pier reopens")
	second := page("https://wexcombe.example/b", "<urn:uuid:aaaa>", "Lighthouse relit")
	other := page("https://wexcombe.example/c", "<urn:uuid:bbbb>", "Market moves")
	noID := strings.Replace(page("https://wexcombe.example/d", "", "Tide high"), "WARC-Record-ID: \r\n", "", 1)
	archive := first + other + second + noID + noID
	skipped := &news.SkippedCounter{}
	var uris []string
	for in, err := range InputsFrom("harbour.warc", strings.NewReader(archive), skipped) {
		if err != nil {
			t.Fatal(err)
		}
		uris = append(uris, in.Page.URL)
	}
	if len(uris) != 5 {
		t.Errorf("pages read %v, want all 5", uris)
	}
	want := fmt.Sprintf("harbour.warc: record https://wexcombe.example/b at offset %d uses the record id <urn:uuid:aaaa> of an earlier record at offset 0 (both are read; a join on the record id matches both)", len(first)+len(other))
	if got := skipped.Warnings(); len(got) != 1 || got[0] != want {
		t.Errorf("warnings %q, want [%q]", got, want)
	}
}

// TestCaptureOfBytesThatAreNotUTF8IsValidText: a record id, target URI or
// archive path holding bytes that are not UTF-8 gives a capture (and page
// URL) of valid UTF-8, each run of such bytes U+FFFD, as JSON shows them;
// quotes, commas and tabs are kept. The bytes were kept as read, and
// PostgreSQL refused the write of the page's article and its batch.
func TestCaptureOfBytesThatAreNotUTF8IsValidText(t *testing.T) {
	body := httpResponse("text/html", "<html><title>Dam gates opened</title><body><p>Dam gates opened at Morvale on Friday.</p></body></html>")
	rec := fmt.Sprintf("WARC/1.1\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:\"odd\",\tid\xff\xfe>\r\nWARC-Target-URI: https://morvale.example/dam\xc3\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: %d\r\n\r\n%s\r\n\r\n", len(body), body)
	var got []news.Capture
	for in, err := range InputsFrom("crawls/mor\xffvale.warc", strings.NewReader(rec), nil) {
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, in.Page.Capture)
		if in.Page.URL != "https://morvale.example/dam\ufffd" {
			t.Errorf("page URL %q", in.Page.URL)
		}
	}
	want := []news.Capture{{Archive: "crawls/mor\ufffdvale.warc", RecordID: "<urn:\"odd\",\tid\ufffd>", TargetURI: "https://morvale.example/dam\ufffd", Offset: 0}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("captures %+v\nwant %+v", got, want)
	}
}

// An empty WARC (plain or gzipped) is a failed input naming it, as an
// empty page file is, not a file read as nothing.
func TestEmptyWARCIsNamed(t *testing.T) {
	var zipped bytes.Buffer
	gzip.NewWriter(&zipped).Close()
	for kind, body := range map[string][]byte{"plain": nil, "gzipped": zipped.Bytes()} {
		var errs []error
		for _, err := range InputsFrom("crawl.warc", bytes.NewReader(body), nil) {
			errs = append(errs, err)
		}
		var ie *news.InputError
		if len(errs) != 1 || !errors.As(errs[0], &ie) || ie.Name != "crawl.warc" || !errors.Is(errs[0], ErrNoRecords) {
			t.Errorf("an empty %s WARC: %v; want one error naming crawl.warc as empty", kind, errs)
		}
	}
}

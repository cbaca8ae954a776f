package cli

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// inventedArchive writes a gzipped web archive (one member per record) of
// three invented news pages among the captures a crawl also holds: an
// image, a PDF, a style sheet, a redirect, a 404, an answer that does not
// parse and a revisit record. It returns the archive's path and the pages'
// record ids by target URI.
func inventedArchive(t *testing.T, dir string) (string, map[string]string) {
	t.Helper()
	record := func(typ, uri, id, contentType, block string) string {
		return fmt.Sprintf("WARC/1.0\r\nWARC-Type: %s\r\nWARC-Record-ID: %s\r\nWARC-Target-URI: %s\r\nWARC-Date: 2026-11-16T10:00:00Z\r\nContent-Type: %s\r\nContent-Length: %d\r\n\r\n%s\r\n\r\n",
			typ, id, uri, contentType, len(block), block)
	}
	answer := func(status, contentType, body string) string {
		return fmt.Sprintf("HTTP/1.1 %s\r\nContent-Type: %s\r\nContent-Length: %d\r\n\r\n%s", status, contentType, len(body), body)
	}
	page := func(title, para string) string {
		return fmt.Sprintf("<html><head><title>%s</title></head><body><article><h1>%s</h1><p>%s</p><p>%s</p></article></body></html>", title, title, para, para+" Officials said more would follow.")
	}
	const resp = "application/http; msgtype=response"
	ids := map[string]string{}
	var records []string
	for i, p := range []struct{ uri, title, para string }{
		{"https://tidewater.example/news/ferry-strike", "Ferry crews strike at Tidewater", "Ferry crews at Tidewater walked out on Tuesday over rota changes, stranding commuters on both shores."},
		{"https://kestrelpost.example/2026/11/15/orchard-frost", "Frost ruins half the Kestrel orchards", "An early frost destroyed about half of the apple crop in the Kestrel valley, growers said on Sunday."},
		{"https://lowmarsh.example/story/library-reopens", "Lowmarsh library reopens after flood", "The Lowmarsh public library reopened on Monday, eight months after floodwater filled its basement."},
	} {
		id := fmt.Sprintf("<urn:uuid:7d3a9c10-0000-4000-8000-%012d>", i+1)
		ids[p.uri] = id
		records = append(records, record("response", p.uri, id, resp, answer("200 OK", "text/html; charset=utf-8", page(p.title, p.para))))
	}
	records = append(records,
		record("response", "https://tidewater.example/logo.png", "<urn:uuid:7d3a9c10-0000-4000-8000-000000000011>", resp, answer("200 OK", "image/png", "\x89PNG\r\n")),
		record("response", "https://tidewater.example/report.pdf", "<urn:uuid:7d3a9c10-0000-4000-8000-000000000012>", resp, answer("200 OK", "application/pdf", "%PDF-1.7")),
		record("response", "https://tidewater.example/site.css", "<urn:uuid:7d3a9c10-0000-4000-8000-000000000013>", resp, answer("200 OK", "text/css", "p{margin:0}")),
		record("response", "https://tidewater.example/old", "<urn:uuid:7d3a9c10-0000-4000-8000-000000000014>", resp, answer("302 Found", "text/html", "<a href=/new>moved</a>")),
		record("response", "https://tidewater.example/gone", "<urn:uuid:7d3a9c10-0000-4000-8000-000000000015>", resp, answer("404 Not Found", "text/html", "<p>not here</p>")),
		record("response", "https://tidewater.example/garbled", "<urn:uuid:7d3a9c10-0000-4000-8000-000000000016>", resp, "no HTTP answer here"),
		record("revisit", "https://tidewater.example/news/ferry-strike", "<urn:uuid:7d3a9c10-0000-4000-8000-000000000017>", resp, "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n"),
		record("request", "https://tidewater.example/gone", "<urn:uuid:7d3a9c10-0000-4000-8000-000000000018>", "application/http; msgtype=request", "GET /gone HTTP/1.1\r\nHost: tidewater.example\r\n\r\n"),
	)
	var buf bytes.Buffer
	for _, r := range records {
		zw := gzip.NewWriter(&buf)
		zw.Write([]byte(r))
		zw.Close()
	}
	path := filepath.Join(dir, "crawl-01.warc.gz")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path, ids
}

// TestAddArchiveCountsSkippedRecordsAndKeepsCaptures: add of a web archive
// says how many of its records held no page and why (the summary line and
// --json), and each stored article can be joined back to its record:
// show --json and export give the archive, the record id and the URI
// captured. Records were passed over without a word, and an article kept
// nothing of its record.
func TestAddArchiveCountsSkippedRecordsAndKeepsCaptures(t *testing.T) {
	dir := t.TempDir()
	archive, ids := inventedArchive(t, dir)
	ctx := context.Background()

	var out, errOut bytes.Buffer
	if err := Main(ctx, []string{"add", "--db", filepath.Join(dir, "text.db"), "--workers", "1", archive}, &out, &errOut); err != nil {
		t.Fatalf("add: %v\n%s", err, errOut.String())
	}
	if want := "; skipped 7 archive records: 3 not HTML, 2 HTTP status not 200, 1 damaged, 1 duplicate (revisit)"; !strings.Contains(out.String(), want) {
		t.Errorf("summary %q, want it to end %q", out.String(), want)
	}

	db := filepath.Join(dir, "json.db")
	out.Reset()
	if err := Main(ctx, []string{"add", "--db", db, "--workers", "1", "--json", archive}, &out, &errOut); err != nil {
		t.Fatalf("add --json: %v\n%s", err, errOut.String())
	}
	var sum struct {
		Read    int            `json:"read"`
		Stored  int            `json:"stored"`
		Skipped map[string]int `json:"skipped"`
		Added   []struct {
			Article string `json:"article"`
			Story   string `json:"story"`
		} `json:"added"`
	}
	if err := json.Unmarshal(out.Bytes(), &sum); err != nil {
		t.Fatalf("add --json: %v\n%s", err, out.String())
	}
	if want := map[string]int{"not_html": 3, "http_status": 2, "damaged": 1, "duplicate": 1}; sum.Read != 3 || sum.Stored != 3 || !reflect.DeepEqual(sum.Skipped, want) {
		t.Errorf("add --json: read %d, stored %d, skipped %v; want 3, 3, %v", sum.Read, sum.Stored, sum.Skipped, want)
	}

	type capture struct {
		Archive   string `json:"archive"`
		RecordID  string `json:"record_id"`
		TargetURI string `json:"target_uri"`
	}
	check := func(what, uri string, c capture) {
		if want := (capture{archive, ids[uri], uri}); c != want {
			t.Errorf("%s: capture of %s = %+v, want %+v", what, uri, c, want)
		}
	}
	out.Reset()
	if err := Main(ctx, []string{"export", "--db", db, "--what", "articles"}, &out, &errOut); err != nil {
		t.Fatalf("export: %v", err)
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(lines) != 3 {
		t.Fatalf("export: %d lines, want 3", len(lines))
	}
	for _, l := range lines {
		var a struct {
			Story   string  `json:"story"`
			Capture capture `json:"capture"`
		}
		json.Unmarshal([]byte(l), &a)
		check("export", a.Capture.TargetURI, a.Capture)

		out.Reset()
		if err := Main(ctx, []string{"show", "--db", db, "--json", a.Story}, &out, &errOut); err != nil {
			t.Fatalf("show: %v", err)
		}
		var story struct {
			Articles []struct {
				Capture capture `json:"capture"`
			} `json:"articles"`
		}
		json.Unmarshal(out.Bytes(), &story)
		if len(story.Articles) != 1 {
			t.Fatalf("show --json %s: %d articles, want 1", a.Story, len(story.Articles))
		}
		check("show --json", a.Capture.TargetURI, story.Articles[0].Capture)
	}
}

// TestExtractArchiveSaysWhatItSkipped: extract of a web archive writes its
// pages' articles on stdout, each with its capture, and on stderr how many
// records held no page and why; it said nothing of them.
func TestExtractArchiveSaysWhatItSkipped(t *testing.T) {
	archive, _ := inventedArchive(t, t.TempDir())
	var out, errOut bytes.Buffer
	if err := Main(context.Background(), []string{"extract", "--workers", "1", archive}, &out, &errOut); err != nil {
		t.Fatalf("extract: %v\n%s", err, errOut.String())
	}
	if want := "skipped 7 archive records: 3 not HTML, 2 HTTP status not 200, 1 damaged, 1 duplicate (revisit)\n"; errOut.String() != want {
		t.Errorf("extract stderr %q, want %q", errOut.String(), want)
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	withCapture := 0
	for _, l := range lines {
		var a struct {
			Capture struct {
				RecordID string `json:"record_id"`
			} `json:"capture"`
		}
		if json.Unmarshal([]byte(l), &a) == nil && strings.HasPrefix(a.Capture.RecordID, "<urn:uuid:") {
			withCapture++
		}
	}
	if len(lines) != 3 || withCapture != 3 {
		t.Errorf("extract stdout: %d lines, %d with a capture; want 3 articles each with its capture:\n%s", len(lines), withCapture, out.String())
	}
}

// TestExportedCapturesReadBack: an export of articles read from a web
// archive, added to another database, keeps each article's capture (the
// JSONL reader dropped it), and the export writes record ids and addresses
// as they are, "<urn:uuid:...>" rather than "\u003curn:uuid:...\u003e".
func TestExportedCapturesReadBack(t *testing.T) {
	dir := t.TempDir()
	archive, ids := inventedArchive(t, dir)
	ctx := context.Background()
	export := func(db string) (string, map[string]string) {
		t.Helper()
		var out, errOut bytes.Buffer
		if err := Main(ctx, []string{"export", "--db", db, "--what", "articles"}, &out, &errOut); err != nil {
			t.Fatalf("export %s: %v\n%s", db, err, errOut.String())
		}
		captures := map[string]string{}
		for _, l := range strings.Split(strings.TrimSpace(out.String()), "\n") {
			var a struct {
				ID      string          `json:"id"`
				Capture json.RawMessage `json:"capture"`
			}
			if err := json.Unmarshal([]byte(l), &a); err != nil {
				t.Fatalf("export line %q: %v", l, err)
			}
			captures[a.ID] = string(a.Capture)
		}
		return out.String(), captures
	}
	first := filepath.Join(dir, "first.db")
	var out, errOut bytes.Buffer
	if err := Main(ctx, []string{"add", "--db", first, "--workers", "1", archive}, &out, &errOut); err != nil {
		t.Fatalf("add: %v\n%s", err, errOut.String())
	}
	text, captures := export(first)
	for _, id := range ids {
		if !strings.Contains(text, `"record_id":"`+id+`"`) {
			t.Errorf("export does not give record id %s as it is:\n%s", id, text)
		}
	}
	exported := filepath.Join(dir, "articles.jsonl")
	if err := os.WriteFile(exported, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	second := filepath.Join(dir, "second.db")
	if err := Main(ctx, []string{"add", "--db", second, "--workers", "1", exported}, &out, &errOut); err != nil {
		t.Fatalf("add of the export: %v\n%s", err, errOut.String())
	}
	if _, again := export(second); len(captures) != 3 || !reflect.DeepEqual(again, captures) {
		t.Errorf("captures after the export was added again = %v\nwant %v", again, captures)
	}
}

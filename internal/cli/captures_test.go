package cli

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// plainArchive writes an uncompressed web archive of HTML responses, each
// {target URI, record id, page}, and returns its path.
func plainArchive(t *testing.T, path string, records [][3]string) string {
	t.Helper()
	var buf bytes.Buffer
	for _, r := range records {
		http := fmt.Sprintf("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: %d\r\n\r\n%s", len(r[2]), r[2])
		fmt.Fprintf(&buf, "WARC/1.1\r\nWARC-Type: response\r\nWARC-Record-ID: %s\r\nWARC-Target-URI: %s\r\nWARC-Date: 2026-11-16T10:00:00Z\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: %d\r\n\r\n%s\r\n\r\n",
			r[1], r[0], len(http), http)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// newsPage is an invented article page.
func newsPage(title, para string) string {
	return fmt.Sprintf("<html><head><title>%s</title></head><body><article><h1>%s</h1><p>%s</p><p>%s Officials said more would follow.</p></article></body></html>", title, title, para, para)
}

// exportedCaptures are the captures of each exported article by id, as
// JSON ("captures"), and the first ("capture").
type exportedCaptures struct {
	Capture  json.RawMessage   `json:"capture"`
	Captures []json.RawMessage `json:"captures"`
}

func exportCaptures(t *testing.T, db string) (string, map[string]exportedCaptures) {
	t.Helper()
	var out, errOut bytes.Buffer
	if err := Main(context.Background(), []string{"export", "--db", db, "--what", "articles"}, &out, &errOut); err != nil {
		t.Fatalf("export %s: %v\n%s", db, err, errOut.String())
	}
	got := map[string]exportedCaptures{}
	for _, l := range strings.Split(strings.TrimSpace(out.String()), "\n") {
		var a struct {
			ID string `json:"id"`
			exportedCaptures
		}
		if err := json.Unmarshal([]byte(l), &a); err != nil {
			t.Fatalf("export line %q: %v", l, err)
		}
		got[a.ID] = a.exportedCaptures
	}
	return out.String(), got
}

// TestEveryCaptureOfAPageIsKept: a page found twice in one archive and
// again in another is stored once and keeps the three records, in the
// order found (show --json, export JSON and CSV, and an export added
// again); the same archive added again adds none. The inputs found stored
// before name the article they are stored as, with its title and URL. Two
// records of one archive that share a record id are both stored, and the
// summary warns of the id. Only the first record was kept, the stored
// copy was named by the input alone, and the repeated id went unsaid.
func TestEveryCaptureOfAPageIsKept(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	ferry := newsPage("Ferry crews strike at Tidewater", "Ferry crews at Tidewater walked out on Tuesday over rota changes, stranding commuters on both shores.")
	first := plainArchive(t, filepath.Join(dir, "first.warc"), [][3]string{
		{"https://tidewater.example/ferry", "<urn:uuid:c0de-0001>", ferry},
		{"https://tidewater.example/ferry?from=home", "<urn:uuid:c0de-0002>", ferry},
		{"https://kestrelpost.example/frost", "<urn:uuid:c0de-0003>", newsPage("Frost ruins half the Kestrel orchards", "An early frost destroyed about half of the apple crop in the Kestrel valley, growers said on Sunday.")},
		{"https://kestrelpost.example/frost-2", "<urn:uuid:c0de-0003>", newsPage("Kestrel growers ask for frost aid", "Apple growers in the Kestrel valley asked the regional council on Monday for help after the frost.")},
	})
	second := plainArchive(t, filepath.Join(dir, "second.warc"), [][3]string{
		{"https://tidewater.example/ferry", "<urn:uuid:beef-0001>", ferry},
	})
	db := filepath.Join(dir, "a.db")
	var out, errOut bytes.Buffer
	if err := Main(ctx, []string{"add", "--db", db, "--workers", "1", first}, &out, &errOut); err != nil {
		t.Fatalf("add: %v\n%s", err, errOut.String())
	}
	if want := "uses the record id <urn:uuid:c0de-0003> of an earlier record"; strings.Count(errOut.String(), want) != 1 {
		t.Errorf("add's messages %q, want one warning %q", errOut.String(), want)
	}
	for _, archive := range []string{second, first} { // the first again adds no capture
		out.Reset()
		if err := Main(ctx, []string{"add", "--db", db, "--workers", "1", "--json", archive}, &out, &errOut); err != nil {
			t.Fatalf("add: %v\n%s", err, errOut.String())
		}
	}
	var sum struct {
		StoredBefore []map[string]string `json:"stored_before"`
		Warnings     []string            `json:"warnings"`
	}
	if err := json.Unmarshal(out.Bytes(), &sum); err != nil {
		t.Fatal(err)
	}
	if len(sum.StoredBefore) != 4 || len(sum.Warnings) != 1 {
		t.Fatalf("add of the first archive again: stored before %v, warnings %v; want 4 and 1", sum.StoredBefore, sum.Warnings)
	}
	if want := map[string]string{"input": first + "#https://tidewater.example/ferry", "article": sum.StoredBefore[0]["article"], "title": "Ferry crews strike at Tidewater", "url": "https://tidewater.example/ferry"}; sum.StoredBefore[0]["article"] == "" || !reflect.DeepEqual(sum.StoredBefore[0], want) {
		t.Errorf("stored before %v, want %v", sum.StoredBefore[0], want)
	}
	ferryID := sum.StoredBefore[0]["article"]

	text, got := exportCaptures(t, db)
	if len(got) != 3 {
		t.Fatalf("export holds %d articles, want 3 (the ferry page once, both records of the shared id)", len(got))
	}
	var ids []string
	for _, c := range got[ferryID].Captures {
		var rec struct {
			Archive  string `json:"archive"`
			RecordID string `json:"record_id"`
		}
		json.Unmarshal(c, &rec)
		ids = append(ids, filepath.Base(rec.Archive)+" "+rec.RecordID)
	}
	if want := []string{"first.warc <urn:uuid:c0de-0001>", "first.warc <urn:uuid:c0de-0002>", "second.warc <urn:uuid:beef-0001>"}; !reflect.DeepEqual(ids, want) {
		t.Errorf("captures of the ferry page %v, want %v", ids, want)
	}
	if string(got[ferryID].Capture) != string(got[ferryID].Captures[0]) {
		t.Errorf("capture %s is not the first of captures %s", got[ferryID].Capture, got[ferryID].Captures[0])
	}

	story := ""
	for _, l := range strings.Split(text, "\n") {
		var a struct{ ID, Story string }
		if json.Unmarshal([]byte(l), &a) == nil && a.ID == ferryID {
			story = a.Story
		}
	}
	out.Reset()
	if err := Main(ctx, []string{"show", "--db", db, "--json", story}, &out, &errOut); err != nil {
		t.Fatalf("show: %v\n%s", err, errOut.String())
	}
	if n := strings.Count(out.String(), `"record_id"`); n != 4 { // capture and the three captures
		t.Errorf("show --json gives %d records, want 4:\n%s", n, out.String())
	}

	out.Reset()
	if err := Main(ctx, []string{"export", "--db", db, "--what", "articles", "--format", "csv"}, &out, &errOut); err != nil {
		t.Fatalf("export csv: %v", err)
	}
	rows, err := csv.NewReader(&out).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	last := len(rows[0]) - 1
	for _, r := range rows[1:] {
		if r[0] != ferryID {
			continue
		}
		var list []json.RawMessage
		if rows[0][last] != "captures" || json.Unmarshal([]byte(r[last]), &list) != nil || len(list) != 3 {
			t.Errorf("CSV column %q of the ferry page %q, want the three captures as JSON", rows[0][last], r[last])
		}
	}

	exported := filepath.Join(dir, "articles.jsonl")
	if err := os.WriteFile(exported, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	again := filepath.Join(dir, "again.db")
	if err := Main(ctx, []string{"add", "--db", again, "--workers", "1", exported}, &out, &errOut); err != nil {
		t.Fatalf("add of the export: %v\n%s", err, errOut.String())
	}
	if _, back := exportCaptures(t, again); !reflect.DeepEqual(back, got) {
		t.Errorf("captures after the export was added again:\n%v\nwant\n%v", back, got)
	}
}

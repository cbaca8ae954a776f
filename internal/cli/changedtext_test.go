package cli

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// TestAChangedPageIsACaptureMarkedAsChangedText: a page at one URL whose
// text changed between two archives (an article updated after it was
// captured) keeps the first text as the article; the later record is
// listed among its captures marked "text_changed" (show --json, export
// JSON and CSV), so that a dataset builder can tell the records holding
// the stored text from those holding another version and read that one
// from the archive. Adding either archive again adds no capture, and a
// record of the same text under another URL is not marked. Before, the
// changed record was listed like the others, as if it held the same text.
func TestAChangedPageIsACaptureMarkedAsChangedText(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	url := "https://fenmoor.example/news/sluice"
	before := newsPage("Sluice gate jams at Fenmoor", "The main sluice gate at Fenmoor jammed on Friday and engineers were called in overnight.")
	after := newsPage("Sluice gate jams at Fenmoor", "The main sluice gate at Fenmoor jammed on Friday; engineers freed it on Saturday morning after twelve hours.")
	first := plainArchive(t, filepath.Join(dir, "friday.warc"), [][3]string{{url, "<urn:uuid:f00d-0001>", before}})
	second := plainArchive(t, filepath.Join(dir, "saturday.warc"), [][3]string{
		{url, "<urn:uuid:f00d-0002>", after},
		{url + "?ref=rss", "<urn:uuid:f00d-0003>", before},
	})
	db := filepath.Join(dir, "s.db")
	for _, f := range []string{first, second, first, second} {
		var out, errOut bytes.Buffer
		if err := Main(ctx, []string{"add", "--db", db, "--workers", "1", f}, &out, &errOut); err != nil {
			t.Fatalf("add %s: %v\n%s", f, err, errOut.String())
		}
	}
	_, got := exportCaptures(t, db)
	if len(got) != 1 {
		t.Fatalf("exported %d articles, want the one page", len(got))
	}
	var a exportedCaptures
	for _, v := range got {
		a = v
	}
	type capture struct {
		RecordID    string `json:"record_id"`
		TextChanged bool   `json:"text_changed"`
	}
	var first0 capture
	if err := json.Unmarshal(a.Capture, &first0); err != nil || first0.RecordID != "<urn:uuid:f00d-0001>" || first0.TextChanged {
		t.Errorf("capture = %s (%v); want the Friday record, its text the one stored", a.Capture, err)
	}
	changed := map[string]bool{}
	for _, raw := range a.Captures {
		var c capture
		if err := json.Unmarshal(raw, &c); err != nil {
			t.Fatal(err)
		}
		changed[c.RecordID] = c.TextChanged
	}
	want := map[string]bool{"<urn:uuid:f00d-0001>": false, "<urn:uuid:f00d-0002>": true, "<urn:uuid:f00d-0003>": false}
	if len(changed) != len(a.Captures) || len(changed) != 3 {
		t.Errorf("captures %s; want 3, none twice", a.Captures)
	}
	for id, w := range want {
		if c, ok := changed[id]; !ok || c != w {
			t.Errorf("capture %s: listed %v, text_changed %v; want listed, text_changed %v", id, ok, c, w)
		}
	}
	var out, errOut bytes.Buffer
	if err := Main(ctx, []string{"export", "--db", db, "--what", "articles", "--format", "csv"}, &out, &errOut); err != nil {
		t.Fatal(err, errOut.String())
	}
	rows, err := csv.NewReader(&out).ReadAll()
	if err != nil || len(rows) != 2 || !strings.Contains(rows[1][len(rows[1])-1], `"record_id":"<urn:uuid:f00d-0002>","target_uri":"`+url+`","offset":0,"text_changed":true}`) {
		t.Errorf("CSV captures cell: %v %q", err, rows)
	}
	out.Reset()
	if err := Main(ctx, []string{"stories", "--db", db, "--json"}, &out, &errOut); err != nil {
		t.Fatal(err)
	}
	var stories []struct {
		ID string `json:"id"`
	}
	if err := json.Unmarshal(out.Bytes(), &stories); err != nil || len(stories) != 1 {
		t.Fatalf("stories: %v %s", err, out.String())
	}
	out.Reset()
	if err := Main(ctx, []string{"show", "--db", db, "--json", stories[0].ID}, &out, &errOut); err != nil {
		t.Fatal(err)
	}
	if strings.Count(out.String(), `"text_changed": true`) != 1 {
		t.Errorf("show --json does not mark the changed record:\n%s", out.String())
	}
}

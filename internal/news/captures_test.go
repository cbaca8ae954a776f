package news

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
)

// TestAnArticleKeepsAtMostMaxCaptures: captures past MaxCaptures are not
// added, and an article's JSON listing more fails saying how many. An
// article kept every capture given, each compared with all before it.
func TestAnArticleKeepsAtMostMaxCaptures(t *testing.T) {
	var a Article
	var list []string
	for i := range MaxCaptures + 5 {
		c := Capture{Archive: fmt.Sprintf("quarry-%d.warc.gz", i), RecordID: fmt.Sprintf("<urn:uuid:q-%d>", i), Offset: -1}
		added := a.AddCapture(c)
		if want := i < MaxCaptures; added != want {
			t.Fatalf("capture %d: added = %v, want %v", i, added, want)
		}
		list = append(list, fmt.Sprintf(`{"archive":%q,"record_id":%q}`, c.Archive, c.RecordID))
	}
	if n := len(a.Captures()); n != MaxCaptures {
		t.Errorf("captures kept = %d, want %d", n, MaxCaptures)
	}
	var b Article
	err := json.Unmarshal([]byte(`{"id":"q1","published":"","captures":[`+strings.Join(list, ",")+`]}`), &b)
	if err == nil || !strings.Contains(err.Error(), fmt.Sprintf("lists %d records", MaxCaptures+5)) {
		t.Errorf("article JSON with %d captures: err = %v; want it refused", MaxCaptures+5, err)
	}
}

// TestAnArchiveAddedAgainUnderAnotherPathGivesNoCapture: the same record
// named through another path to its archive is not a second capture; a
// record with another id, or one without an id in another archive, is.
// Each spelling of the path gave one.
func TestAnArchiveAddedAgainUnderAnotherPathGivesNoCapture(t *testing.T) {
	first := Capture{Archive: "crawls/harbour.warc.gz", RecordID: "<urn:uuid:h-1>", TargetURI: "https://harbour.example/pier", Offset: 512}
	a := Article{Capture: first}
	for _, path := range []string{"./crawls/harbour.warc.gz", "/srv/data/crawls/harbour.warc.gz", "backup/harbour-copy.warc.gz"} {
		again := first
		again.Archive = path
		if a.AddCapture(again) {
			t.Errorf("the record through %s was added as a second capture", path)
		}
	}
	other := first
	other.RecordID, other.Offset = "<urn:uuid:h-2>", 2048
	noID := Capture{Archive: "crawls/pier.warc", TargetURI: "https://harbour.example/pier", Offset: 512}
	noIDElsewhere := noID
	noIDElsewhere.Archive = "crawls/pier-2.warc"
	for _, c := range []Capture{other, noID, noIDElsewhere} {
		if !a.AddCapture(c) {
			t.Errorf("capture %+v was not added", c)
		}
	}
	if n := len(a.Captures()); n != 4 {
		t.Errorf("captures = %d, want 4", n)
	}
}

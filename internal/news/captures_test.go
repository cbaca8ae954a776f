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

package cli

import (
	"encoding/json"
	"path/filepath"
	"testing"

	"github.com/storyline-news/storyline/internal/natstest"
)

// add --json with a queue summarises what it handed to the workers as one
// JSON object too.
func TestAddJSONWithAQueue(t *testing.T) {
	nats := natstest.Start(t, natstest.Options{}).URL()
	db := filepath.Join(t.TempDir(), "s.db")
	out, errOut, code := storyline(t, "add", "--json", "--db", db, "--queue", nats, "testdata/pages", "testdata/no-such-page.html")
	var sum struct {
		Queued int
		Failed []struct{ Input, Error string }
	}
	if err := json.Unmarshal([]byte(out), &sum); err != nil || code != 1 {
		t.Fatalf("add --json --queue: exit %d, %v, stdout %q, stderr %q", code, err, out, errOut)
	}
	if sum.Queued != 3 || len(sum.Failed) != 1 || sum.Failed[0].Input != "testdata/no-such-page.html" {
		t.Errorf("add --json --queue = %+v", sum)
	}
}

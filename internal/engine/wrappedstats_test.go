package engine_test

import (
	"bytes"
	"context"
	"encoding/json"
	"math"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/storyline-news/storyline/internal/engine"
	"github.com/storyline-news/storyline/internal/news"
	"github.com/storyline-news/storyline/internal/source"
	"github.com/storyline-news/storyline/internal/store/sqlite"
)

// TestStatisticsSavedWrappedAreRebuiltWithOneWarning: a version before
// the 128-bit pace sum saved its stories' summed span wrapped negative
// once it passed 2^63 ns (292 years in all); how many times it wrapped is
// not in the row, so it cannot be repaired. The restart says so in one
// warning the CLI shows, loses no stored article, and rebuilds exactly:
// the state stored with the next article is the one a restart without a
// saved state stores; the restart after it resumes that state silently.
func TestStatisticsSavedWrappedAreRebuiltWithOneWarning(t *testing.T) {
	ctx := context.Background()
	from := time.Date(2025, 2, 1, 0, 0, 0, 0, time.UTC)
	first, next, last := topicReports("a", 60, from), topicReports("b", 1, from.Add(2*24*time.Hour)), topicReports("c", 1, from.Add(3*24*time.Hour))

	wrapped := tempStore(t)
	run(t, wrapped, source.Articles(first), engine.Options{})
	if stats := storedStats(t, wrapped); stats.PacedStories == 0 || stats.PacedSpan <= 0 {
		t.Fatalf("the fixture paces no story (%d stories, %v): the test needs a summed span", stats.PacedStories, stats.PacedSpan)
	}
	rewriteStreamPart(t, wrapped, func(fields map[string]json.RawMessage) {
		var span int64
		if err := json.Unmarshal(fields["paced_span_ns"], &span); err != nil {
			t.Fatal(err)
		}
		fields["paced_span_ns"] = json.RawMessage(strconv.FormatInt(math.MinInt64+span, 10)) // the sum plus 2^63, wrapped
	})

	fresh := tempStore(t)
	run(t, fresh, source.Articles(first), engine.Options{})
	deleteState(t, fresh)

	var log bytes.Buffer
	if sum := run(t, wrapped, source.Articles(next), engine.Options{Logger: warnings(&log)}); sum.Stored != 1 {
		t.Fatalf("the next article: %+v", sum)
	}
	run(t, fresh, source.Articles(next), engine.Options{})
	lines := strings.Split(strings.TrimSpace(log.String()), "\n")
	if len(lines) != 1 || !strings.Contains(lines[0], "level=WARN") || !strings.Contains(lines[0], "wrapped") || !strings.Contains(lines[0], "no stored article or story is lost") {
		t.Errorf("the restart on statistics saved wrapped logged:\n%s\nwant one warning saying they wrapped and nothing stored is lost", log.String())
	}
	got, _ := wrapped.StreamState(ctx)
	want, _ := fresh.StreamState(ctx)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("the state stored with the next article differs from a restart's without a saved state: %s", stateDiff(got, want))
	}
	if n, _, _ := wrapped.Counts(ctx); n != len(first)+1 {
		t.Errorf("%d articles stored, want %d", n, len(first)+1)
	}

	log.Reset()
	run(t, wrapped, source.Articles(last), engine.Options{Logger: warnings(&log)})
	if log.Len() != 0 {
		t.Errorf("the restart after the rebuild logged:\n%s", log.String())
	}
}

// rewriteStreamPart stores the saved state's stream part of st as edit
// leaves its JSON fields.
func rewriteStreamPart(t *testing.T, st *sqlite.Store, edit func(map[string]json.RawMessage)) {
	t.Helper()
	ctx := context.Background()
	parts, err := st.StreamState(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range parts {
		if p.Name != "cluster/stream" {
			continue
		}
		var fields map[string]json.RawMessage
		if err := json.Unmarshal(p.State, &fields); err != nil {
			t.Fatal(err)
		}
		edit(fields)
		b, err := json.Marshal(fields)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := st.SaveBatch(ctx, news.WriteBatch{At: time.Now(), StreamState: []news.StatePart{{Name: p.Name, State: b}}}); err != nil {
			t.Fatal(err)
		}
		return
	}
	t.Fatal("no stream part saved")
}

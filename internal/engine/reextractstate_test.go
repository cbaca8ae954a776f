package engine_test

import (
	"context"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/storyline-news/storyline/internal/engine"
	"github.com/storyline-news/storyline/internal/news"
	"github.com/storyline-news/storyline/internal/source"
	"github.com/storyline-news/storyline/internal/store/sqlite"
)

// TestAReextractThatChangesTextIsNotPlacedOnTheOldText: reextract keeps
// the articles' numbers, so a restart took the saved clusterer state (its
// vectors and term counts of the text as it was) as current. Now a
// reextract that changes the text drops the state, and the next article
// is placed, after a restart or by the same engine, as by a clusterer
// restored from the store's new text alone (the reference: the state
// deleted by hand), to the stored state's every part.
func TestAReextractThatChangesTextIsNotPlacedOnTheOldText(t *testing.T) {
	ctx := context.Background()
	// A site's house paragraph, kept in the first pages (no template yet)
	// and cut by reextract once the site's template is learned from them.
	page := housePage("The Sable Courier", "sablecourier.example",
		"The Sable Courier has reported on the northern valleys since 1934, from offices in four towns, and prints every morning but Christmas.")
	dir, later := t.TempDir(), t.TempDir()
	write(t, filepath.Join(dir, "a.html"), page("Valley bus route cut", "The bus route along the upper valley will stop running in March, the transport board said.", "Villagers said the cut would leave them without a way to reach the clinic."))
	write(t, filepath.Join(dir, "b.html"), page("Clinic hours extended", "The valley clinic will open on Saturdays from next month to ease waiting lists.", "Two more nurses have been hired to cover the extra hours."))
	write(t, filepath.Join(dir, "c.html"), page("Bus route cut challenged", "Villagers of the upper valley asked the transport board to keep the bus route that is to stop in March.", "A petition against the cut has gathered nine hundred names."))
	write(t, filepath.Join(later, "d.html"), page("Board keeps valley bus", "The transport board reversed its plan to cut the upper valley bus route after villagers petitioned it.", "The route will run twice a day instead of four times."))

	// reextracted is a store of the first pages, extracted again once the
	// site's template is learned; the engine that extracted them again is
	// given back open.
	reextracted := func() (*sqlite.Store, *engine.Engine) {
		st := tempStore(t)
		run(t, st, source.Read(ctx, []string{dir}, source.Options{}), engine.Options{})
		e, err := engine.Start(ctx, st, engine.Options{})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { e.Close() })
		if a, _ := st.Article(ctx, "a"); !strings.Contains(a.Text, "since 1934") {
			t.Fatalf("the first page was stored without its site's paragraph; the test needs it:\n%s", a.Text)
		}
		if sum, err := e.Reextract(ctx); err != nil || sum.Updated != 3 {
			t.Fatalf("reextract: %+v, %v", sum, err)
		}
		if a, _ := st.Article(ctx, "a"); strings.Contains(a.Text, "since 1934") {
			t.Fatalf("reextract kept the site's paragraph; the test needs it cut:\n%s", a.Text)
		}
		return st, e
	}
	placeNext := func(st *sqlite.Store, e *engine.Engine) []news.StatePart {
		t.Helper()
		if sum, err := e.Submit(ctx, source.Read(ctx, []string{later}, source.Options{}), nil); err != nil || sum.Stored != 1 {
			t.Fatalf("the next page: %+v, %v", sum, err)
		}
		parts, err := st.StreamState(ctx)
		if err != nil {
			t.Fatal(err)
		}
		return parts
	}

	ref, e := reextracted()
	e.Close()
	deleteState(t, ref)
	want := placeNext(ref, start(t, ref, engine.Options{}))

	restarted, e := reextracted()
	e.Close()
	if got := placeNext(restarted, start(t, restarted, engine.Options{})); !reflect.DeepEqual(got, want) {
		t.Errorf("after a restart, the state stored with the next page differs from a clusterer restored from the new text:\n%s", stateDiff(got, want))
	}
	same, e := reextracted()
	if got := placeNext(same, e); !reflect.DeepEqual(got, want) {
		t.Errorf("by the same engine, the state stored with the next page differs from a clusterer restored from the new text:\n%s", stateDiff(got, want))
	}
}

// stateDiff names the parts of two saved states that differ.
func stateDiff(got, want []news.StatePart) string {
	byName := map[string]string{}
	for _, p := range want {
		byName[p.Name] = string(p.State)
	}
	var out []string
	for _, p := range got {
		if w, ok := byName[p.Name]; !ok || w != string(p.State) {
			out = append(out, p.Name)
		}
		delete(byName, p.Name)
	}
	for name := range byName {
		out = append(out, name+" (missing)")
	}
	return strings.Join(out, ", ")
}

// deleteState deletes every part of st's saved state, as on a store
// written before the state was saved.
func deleteState(t *testing.T, st *sqlite.Store) {
	t.Helper()
	ctx := context.Background()
	parts, err := st.StreamState(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for k := range parts {
		parts[k].State = nil // deleted
	}
	if _, err := st.SaveBatch(ctx, news.WriteBatch{At: time.Now(), StreamState: parts}); err != nil {
		t.Fatal(err)
	}
}

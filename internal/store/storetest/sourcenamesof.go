package storetest

import (
	"context"
	"fmt"
	"reflect"
	"slices"
	"testing"

	"github.com/storyline-news/storyline/internal/news"
)

// testSourceNamesOfAnyKeys: SourceNamesOf answers as SourceNames filtered
// to the keys asked, whatever the list: none, a key twice (also far apart,
// in a list too long for one statement), ten thousand keys, keys no
// article has, keys with quotes or backslashes.
func testSourceNamesOfAnyKeys(t *testing.T, b Backend) {
	ctx := context.Background()
	st := b.New(t)
	const outlets = 700 // more than one statement's share of keys
	var ps []news.Placement
	for i := range outlets {
		a := article(fmt.Sprintf("k%d", i), fmt.Sprintf("Invented Outlet %d", i), "Harbour", fmt.Sprintf("Report %d on the harbour.", i), now)
		ps = append(ps, placement(a, fmt.Sprintf("s%d", i%50)))
	}
	quoted := article("q1", `O'Hara's "Quay" \ Daily`, "Quay", "The quay reopened.", now)
	ps = append(ps, placement(quoted, "s0"), placement(article("k0b", "INVENTED OUTLET 0", "Harbour", "Another harbour report.", now), "s0"))
	save(t, st, now, ps...)
	all, err := st.SourceNames(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var allKeys []string
	for _, o := range all {
		allKeys = append(allKeys, o.Key)
	}
	many := slices.Clone(allKeys)
	for i := range 10_000 - 2*len(allKeys) {
		many = append(many, fmt.Sprintf("nosuchoutlet%d", i))
	}
	many = append(many, allKeys...) // each stored key again, in another statement's share
	for name, keys := range map[string][]string{
		"no keys":           {},
		"one key twice":     {"inventedoutlet0", "inventedoutlet0"},
		"a quoted key":      {news.OutletKey(quoted.Source), `o'hara`, `"`, `\`},
		"ten thousand keys": many,
	} {
		got, err := st.SourceNamesOf(ctx, keys)
		if want := namesOfKeys(all, keys); err != nil || !reflect.DeepEqual(got, want) {
			t.Errorf("SourceNamesOf(%s) = %d outlets, %v; want %d as SourceNames has them%s", name, len(got), err, len(want), firstDifference(got, want))
		}
	}
}

// namesOfKeys is all filtered to the outlets of keys, in all's order.
func namesOfKeys(all []news.SourceCount, keys []string) []news.SourceCount {
	out := []news.SourceCount{}
	for _, o := range all {
		if slices.Contains(keys, o.Key) {
			out = append(out, o)
		}
	}
	return out
}

// firstDifference names the first outlet two lists give otherwise.
func firstDifference(got, want []news.SourceCount) string {
	for i := range min(len(got), len(want)) {
		if got[i] != want[i] {
			return fmt.Sprintf(" (%+v, not %+v)", got[i], want[i])
		}
	}
	return ""
}

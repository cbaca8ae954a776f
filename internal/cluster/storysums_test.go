package cluster

import (
	"reflect"
	"testing"
)

// TestSumsOfOtherMembersAreNotResumed: a clusterer restored from every
// member of its stories keeps the sums it counted of a story whose saved
// sums count as many articles but other ones (here another story's
// sums, of as many articles, saved under its id), as one restored without
// saved sums of that story: the saved sums of a story replace the counted
// ones only when they are of its members.
func TestSumsOfOtherMembersAreNotResumed(t *testing.T) {
	stream := statsStream()
	const cut = 220
	long := runToDayEnd(stream, cut)
	st := long.StreamStats()
	byN := map[int]string{}
	var a, b string
	for _, ss := range st.State.Stories {
		if other, ok := byN[ss.N]; ok && ss.N > 1 {
			a, b = ss.ID, other
			break
		}
		byN[ss.N] = ss.ID
	}
	if a == "" {
		t.Fatalf("no two of the fixture's %d held stories count as many articles: it shows nothing", len(st.State.Stories))
	}
	other := *st.State.Sums[b]
	other.ID = a
	st.State.Sums[a] = &other
	control := long.StreamStats()
	delete(control.State.Sums, a)

	resumed, counted := restoredFrom(long, stream[:cut]), restoredFrom(long, stream[:cut])
	if err := resumed.ResumeStats(st); err != nil {
		t.Fatal(err)
	}
	if err := counted.ResumeStats(control); err != nil {
		t.Fatal(err)
	}
	got, want := sumsOf(resumed.stories[a]), sumsOf(counted.stories[a])
	if reflect.DeepEqual(other, want) {
		t.Fatalf("stories %s and %s count the same sums: the fixture shows nothing", a, b)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("story %s resumed the sums saved of story %s's members, not those counted of its own", a, b)
	}
}

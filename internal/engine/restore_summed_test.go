package engine_test

import (
	"bytes"
	"context"
	"encoding/json"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/storyline-news/storyline/internal/engine"
	"github.com/storyline-news/storyline/internal/news"
	"github.com/storyline-news/storyline/internal/source"
)

// TestARestartReadsOnlyTheKeptMembersWhole: on a store whose stories hold
// more articles than a story keeps whole (four invented undated topics of
// 30 reports each; a story keeps 16), a restart reads whole only the
// members the saved state names as kept, rebuilding the rest of each story
// from its saved sums, and then places the next job as one engine that
// never stopped: the stored state (sums and all) equal to the bit.
func TestARestartReadsOnlyTheKeptMembersWhole(t *testing.T) {
	var first, next []news.Article
	for _, a := range longTopics("k", 4, 32) {
		if strings.HasSuffix(a.ID, "-30") || strings.HasSuffix(a.ID, "-31") {
			next = append(next, a)
		} else {
			first = append(first, a)
		}
	}

	st := &readingStore{Store: tempStore(t)}
	run(t, st, source.Articles(first), engine.Options{})
	saved := storedStats(t, st)
	kept := map[string]bool{}
	long := 0
	for _, ss := range saved.State.Stories {
		for _, k := range ss.Kept {
			kept[k.ID] = true
		}
		if ss.N > len(ss.Kept) {
			long++
		}
	}
	if long == 0 {
		t.Fatalf("the fixture's %d stories keep every member whole: it shows nothing", len(saved.State.Stories))
	}
	st.read = nil
	run(t, st, source.Articles(next), engine.Options{})
	var notKept []string
	for _, id := range st.read {
		if !kept[id] {
			notKept = append(notKept, id)
		}
	}
	if len(notKept) > 0 {
		t.Errorf("the restart read %d articles whole, %d of them not kept by their story (%v); the state keeps %d whole of %d",
			len(st.read), len(notKept), notKept[:min(len(notKept), 5)], len(kept), len(first))
	}

	once := tempStore(t)
	e := start(t, once, engine.Options{})
	for _, job := range [][]news.Article{first, next} {
		if _, err := e.Submit(context.Background(), source.Articles(job), nil); err != nil {
			t.Fatal(err)
		}
	}
	e.Close()
	if got, want := storedStats(t, st), storedStats(t, once); !reflect.DeepEqual(got, want) {
		t.Errorf("after a restart between two jobs the stored state differs from one engine's (%d stories, %d arrivals; one engine %d, %d)", len(got.State.Stories), got.State.Seq, len(want.State.Stories), want.State.Seq)
	}
}

// longTopics are undatedTopics each report of which also says a word of
// its own, so that no two reports of a topic are the same text (stored
// once): stories of more articles than a story keeps whole.
func longTopics(prefix string, topics, each int) []news.Article {
	out := undatedTopics(prefix, topics, each)
	for i := range out {
		out[i].Text += " " + strings.ReplaceAll(out[i].ID, "-", "x") + "only."
	}
	return out
}

// editedState is a store whose saved state is given with the first part
// whose name begins with prefix that edit edits (editFirstPart) edited.
type editedState struct {
	*memberReading
	prefix string
	edit   func(map[string]any) bool
}

func (e editedState) StreamState(ctx context.Context) ([]news.StatePart, error) {
	parts, err := e.memberReading.StreamState(ctx)
	editFirstPart(parts, e.prefix, e.edit)
	return parts, err
}

// keptElsewhere is a store whose saved state names as kept by a story an
// article that is no member of it (a state that is not of this store's
// stories).
func keptElsewhere(st *memberReading) editedState {
	return editedState{st, "cluster/story/", func(ss map[string]any) bool {
		kept, ok := ss["kept"].([]any)
		if ok && len(kept) > 0 {
			kept[0].(map[string]any)["id"] = "no-such-article"
		}
		return ok && len(kept) > 0
	}}
}

// editFirstPart edits (edit, which says whether it did) the JSON object of
// the first of the parts whose name begins with prefix that it edits.
func editFirstPart(parts []news.StatePart, prefix string, edit func(map[string]any) bool) {
	for i, p := range parts {
		var v map[string]any
		if strings.HasPrefix(p.Name, prefix) && json.Unmarshal(p.State, &v) == nil && edit(v) {
			parts[i].State, _ = json.Marshal(v)
			return
		}
	}
}

// TestAKeptMemberNotInItsStoryIsToldAndRestoredFromTheOpenStories: a saved
// state naming as kept an article that is no stored member of the story is
// not of this store's stories: the restart says so and restores the open
// stories, and the next report of the topic joins the story it joins
// after a restart on the state as stored.
func TestAKeptMemberNotInItsStoryIsToldAndRestoredFromTheOpenStories(t *testing.T) {
	st := &memberReading{Store: tempStore(t)}
	a := longTopics("m", 1, 21)
	run(t, st, source.Articles(a[:20]), engine.Options{})
	var log bytes.Buffer
	run(t, keptElsewhere(st), source.Articles(a[20:21]), engine.Options{Logger: warnings(&log)})
	if !strings.Contains(log.String(), "is not among the story's stored members") {
		t.Errorf("a restart on a state keeping an article its story does not hold logged:\n%s", log.String())
	}
	plain := tempStore(t)
	run(t, plain, source.Articles(a[:20]), engine.Options{})
	run(t, plain, source.Articles(a[20:21]), engine.Options{})
	if got, want := mustStoryOf(t, st.Store, a[20].ID), mustStoryOf(t, plain, a[20].ID); got != want {
		t.Errorf("the next report of the topic joined %s after the restart; after a restart on the state as stored, %s", got, want)
	}
}

// refused is a store whose saved statistics are of other signals than
// this clusterer normalises (saved by another version): refused.
func refused(st *memberReading) editedState {
	return editedState{st, "cluster/stream", func(head map[string]any) bool {
		head["signals"] = []string{"another signal"}
		return true
	}}
}

// TestARefusedStateIsCheckedBeforeAnyMemberIsRead: saved statistics this
// clusterer refuses are refused once, before the members of the stories
// they name are read (the restart restores the open stories, as without
// a state) and logged once.
func TestARefusedStateIsCheckedBeforeAnyMemberIsRead(t *testing.T) {
	st := &memberReading{Store: tempStore(t)}
	a := undatedTopics("r", 2, 5)
	run(t, st, source.Articles(a[:8]), engine.Options{})
	var log bytes.Buffer
	st.calls = 0
	run(t, refused(st), source.Articles(a[8:]), engine.Options{Logger: warnings(&log)})
	if n := strings.Count(log.String(), "not resumed"); st.calls != 0 || n != 1 {
		t.Errorf("a restart on refused statistics read the stories they name %d times and logged the refusal %d times:\n%s", st.calls, n, log.String())
	}
}

// membersSwapped is a store whose two given articles, each a member of
// another story that does not keep it whole, have swapped stories: each
// story holds as many members as the saved state counts and every member
// the state keeps whole, but not the members its saved sums were
// counted over.
type membersSwapped struct {
	*memberReading
	a, b string
}

func (m membersSwapped) HeldMembers(ctx context.Context, stories, whole []string) ([]news.Assigned, error) {
	out, err := m.memberReading.HeldMembers(ctx, stories, whole)
	i := slices.IndexFunc(out, func(as news.Assigned) bool { return as.Article.ID == m.a })
	j := slices.IndexFunc(out, func(as news.Assigned) bool { return as.Article.ID == m.b })
	if i >= 0 && j >= 0 {
		out[i].StoryID, out[j].StoryID = out[j].StoryID, out[i].StoryID
	}
	return out, err
}

// TestSumsOfOtherMembersAreToldAndNotRestored: a store whose stories hold
// as many members as the saved state counts, their kept members among
// them, but two members not kept whole swapped between two stories (the
// state is not of the store's stories: its sums count other articles) is
// not restored from the saved sums: the restart says so and restores the
// open stories.
func TestSumsOfOtherMembersAreToldAndNotRestored(t *testing.T) {
	st := &memberReading{Store: tempStore(t)}
	a := longTopics("w", 3, 30)
	run(t, st, source.Articles(a[:88]), engine.Options{})
	saved := storedStats(t, st)
	var swap []string
	for _, ss := range saved.State.Stories {
		kept := map[string]bool{}
		for _, k := range ss.Kept {
			kept[k.ID] = true
		}
		members, err := st.StoryMembers(context.Background(), []string{ss.ID})
		if err != nil {
			t.Fatal(err)
		}
		for _, as := range members {
			if !kept[as.Article.ID] {
				swap = append(swap, as.Article.ID)
				break
			}
		}
	}
	if len(swap) < 2 {
		t.Fatalf("the fixture's %d stories give %d with a member not kept whole (%v); want two", len(saved.State.Stories), len(swap), swap)
	}
	var log bytes.Buffer
	run(t, membersSwapped{st, swap[0], swap[1]}, source.Articles(a[88:]), engine.Options{Logger: warnings(&log)})
	if !strings.Contains(log.String(), "saved sums are not of its stored members") {
		t.Errorf("a restart on stories holding other members than their saved sums count logged:\n%s", log.String())
	}
}

// sumsMiscounted is a store whose saved sums of one story count another
// number of articles than the state does (a damaged sums part, or one a
// version that does not save them left behind).
func sumsMiscounted(st *memberReading) editedState {
	return editedState{st, "cluster/sums/", func(sums map[string]any) bool {
		n, ok := sums["n"].(float64)
		sums["n"] = n + 1
		return ok
	}}
}

// TestSumsThatDoNotAgreeWithTheStateAreToldAndRebuilt: saved sums of a
// story that do not agree with the saved state are not used: the restart
// says which story's once, rebuilds the stories from every member, and
// places the next report as a restart on the sums as stored.
func TestSumsThatDoNotAgreeWithTheStateAreToldAndRebuilt(t *testing.T) {
	st := &memberReading{Store: tempStore(t)}
	a := longTopics("d", 2, 22)
	run(t, st, source.Articles(a[:43]), engine.Options{})
	var log bytes.Buffer
	run(t, sumsMiscounted(st), source.Articles(a[43:]), engine.Options{Logger: warnings(&log)})
	if n := strings.Count(log.String(), "saved sums of the stories are not used"); n != 1 {
		t.Errorf("a restart on a story's sums of another count logged it %d times:\n%s", n, log.String())
	}
	plain := tempStore(t)
	run(t, plain, source.Articles(a[:43]), engine.Options{})
	run(t, plain, source.Articles(a[43:]), engine.Options{})
	if got, want := mustStoryOf(t, st.Store, a[43].ID), mustStoryOf(t, plain, a[43].ID); got != want {
		t.Errorf("the next report of the topic joined %s after the restart; after a restart on the state as stored, %s", got, want)
	}
}

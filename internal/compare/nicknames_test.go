package compare

import (
	"slices"
	"strings"
	"testing"
)

// TestShortGivenNamesAcrossArticles: a person written with a short form of
// the given name in one report ("Ed Marlow", "Tim Varga") and with the
// full one in another ("Edward J. Marlow", "Timothy Varga") is one person
// of the story; two people whose given names are not a short and a full
// form of one name ("Anna Marlow") stay apart (session 42).
func TestShortGivenNamesAcrossArticles(t *testing.T) {
	mentions := map[string][]mention{
		"a": recognise("Senator Edward J. Marlow said on Monday that the bridge would reopen. Timothy Varga, the mayor, agreed."),
		"b": recognise("Ed Marlow told reporters the bridge would reopen soon, and Tim Varga said the same. Anna Marlow, his sister, disagreed."),
	}
	var got []string // each entity's given name's first letter, surname and articles: the form shown is fullestForm's choice
	for _, e := range entitiesOf([]string{"a", "b"}, mentions, nil) {
		ws := strings.Fields(e.Name)
		got = append(got, ws[0][:1]+" "+ws[len(ws)-1]+" "+strings.Join(e.Articles, ","))
	}
	slices.Sort(got)
	want := []string{"A Marlow b", "E Marlow a,b", "T Varga a,b"}
	if !slices.Equal(got, want) {
		t.Errorf("entities = %q, want %q", got, want)
	}
}

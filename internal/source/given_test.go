package source

import (
	"errors"
	"testing"

	"github.com/storyline-news/storyline/internal/news"
)

// Given fills page files and JSONL articles that name no outlet or
// address, leaves fetched and archived pages and feed items alone, and
// gives an address to one input only.
func TestGivenNamesOnlyInputsThatCarryNone(t *testing.T) {
	inputs := []news.Input{
		{Name: "a.html", Page: &news.Page{ID: "a"}},
		{Name: "x.warc#https://ledger.example/1", FromURL: true, Page: &news.Page{ID: "w", URL: "https://ledger.example/1"}},
		{Name: "https://ledger.example/2", Fetch: &news.FetchRequest{URL: "https://ledger.example/2"}},
		{Name: "b.jsonl:1", Article: &news.Article{ID: "b1", Source: "Ledger", URL: "https://ledger.example/3"}},
		{Name: "b.jsonl:2", Article: &news.Article{ID: "b2", URL: "https://ledger.example/4"}},
		{Name: "b.jsonl:3", Article: &news.Article{ID: "b3"}},
	}
	seq := func(yield func(news.Input, error) bool) {
		for _, in := range inputs {
			if !yield(in, nil) {
				return
			}
		}
	}
	var got []string
	var failed []string
	for in, err := range Given(seq, " Courier ", "https://courier.example/a") {
		var ie *news.InputError
		switch {
		case errors.As(err, &ie):
			failed = append(failed, ie.Name)
		case in.Page != nil:
			got = append(got, in.Page.ID+"="+in.Page.Source+"@"+in.Page.URL)
		case in.Article != nil:
			got = append(got, in.Article.ID+"="+in.Article.Source+"@"+in.Article.URL)
		}
	}
	want := []string{"a=Courier@https://courier.example/a", "w=@https://ledger.example/1",
		"b1=Ledger@https://ledger.example/3", "b2=Courier@https://ledger.example/4"}
	if len(got) != len(want) {
		t.Fatalf("got %q, want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("input %d: %q, want %q", i, got[i], want[i])
		}
	}
	if len(failed) != 1 || failed[0] != "b.jsonl:3" {
		t.Errorf("failed %q, want the second input without an address (b.jsonl:3)", failed)
	}
}

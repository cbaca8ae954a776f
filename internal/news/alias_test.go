package news

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

// TestOutletCountsNameAnOutletByItsOwnSpelling: an outlet is shown under a
// spelling of its own key even when a spelling filed under it by an alias
// has more articles; an outlet stored under an alias's spelling alone is
// shown under it.
func TestOutletCountsNameAnOutletByItsOwnSpelling(t *testing.T) {
	got := OutletCounts([]OutletSpelling{
		{Key: "harbourgazette", Name: "hg", Articles: 100},
		{Key: "harbourgazette", Name: "Harbour Gazette", Articles: 3},
		{Key: "harbourgazette", Name: "harbourgazette.com", Articles: 2},
		{Key: "kestrel", Name: "thekestrel.com", Articles: 4},
		{Key: "nyt", Name: "nyt", Articles: 2}, {Key: "nyt", Name: "NYT", Articles: 2},
	})
	want := []SourceCount{
		{Source: "Harbour Gazette", Key: "harbourgazette", Articles: 105},
		{Source: "NYT", Key: "nyt", Articles: 4},
		{Source: "thekestrel.com", Key: "kestrel", Articles: 4},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("OutletCounts = %+v, want %+v", got, want)
	}
}

// TestTheNameAlias: a name beginning with the word "The" gives the key of
// its "the" domain; a host, a name without the word, one whose key is
// too short, or "The" alone give none.
func TestTheNameAlias(t *testing.T) {
	for _, c := range []struct {
		name, alias, key string
		ok               bool
	}{
		{"The Hill", "thehill", "hill", true},
		{"the Kestrel (Opinion)", "thekestrel", "kestrel", true},
		{"The Sun", "thesun", "sun", true},
		{"THE N.Y. POST", "thenypost", "nypost", true},
		{"The AI", "", "", false}, {"The News", "", "", false}, {"The Online", "", "", false}, {"The", "", "", false}, {"The ", "", "", false},
		{"TheStreet", "", "", false}, {"Theatre Weekly", "", "", false}, {"Hill", "", "", false},
		{"thehill.com", "", "", false}, {"www.the-hill.com", "", "", false},
	} {
		alias, key, ok := TheNameAlias(c.name)
		if alias != c.alias || key != c.key || ok != c.ok {
			t.Errorf("TheNameAlias(%q) = %q, %q, %v; want %q, %q, %v", c.name, alias, key, ok, c.alias, c.key, c.ok)
		}
	}
}

// TestAliasKeysNameTheBadInput: an alias whose name or outlet has no key,
// or that names the outlet itself, is refused naming the input.
func TestAliasKeysNameTheBadInput(t *testing.T) {
	if a, k, err := AliasKeys("fox", "Fox News"); err != nil || a != "fox" || k != "foxnews" {
		t.Errorf(`AliasKeys("fox", "Fox News") = %q, %q, %v`, a, k, err)
	}
	for _, c := range [][3]string{{" ", "Fox News", `alias " "`}, {"fox", "", `outlet ""`}, {"Fox News", "foxnews.com", "already one outlet"}} {
		if _, _, err := AliasKeys(c[0], c[1]); err == nil || !strings.Contains(err.Error(), c[2]) {
			t.Errorf("AliasKeys(%q, %q) = %v; want an error saying %s", c[0], c[1], err, c[2])
		}
	}
}

// A name typed with its accents as separate marks keys as the same name
// typed composed, not as the name without its accents, and is counted as
// long as it reads.
func TestAliasKeysComposeTypedNames(t *testing.T) {
	decomposed := "Le Ve\u0301lo Quotidien" // "e" and a combining acute
	composed := "Le V\u00e9lo Quotidien"
	a, k, err := AliasKeys(decomposed, "velo")
	if err != nil || a != AliasKey(composed) || a != "levéloquotidien" || k != "velo" {
		t.Errorf("AliasKeys(%q, velo) = %q, %q, %v; want the composed name's key %q", decomposed, a, k, err, AliasKey(composed))
	}
	if _, _, err := AliasKeys(decomposed, "Le Velo Quotidien"); err != nil {
		t.Errorf("a decomposed accented name and the name without accents are two outlets, got %v", err)
	}
	if _, _, err := AliasKeys(decomposed, composed); !errors.Is(err, ErrSameOutlet) {
		t.Errorf("a name typed decomposed and composed is one outlet, got %v", err)
	}
	long := strings.Repeat("e\u0301", MaxAliasRunes) // 200 characters as read, 400 runes
	if err := CheckAliasName("alias", long); err != nil {
		t.Errorf("a name of %d accented letters typed decomposed is refused: %v", MaxAliasRunes, err)
	}
	if err := CheckAliasName("alias", long+"e"); !errors.Is(err, ErrNameTooLong) {
		t.Errorf("a name of %d characters is accepted: %v", MaxAliasRunes+1, err)
	}
}

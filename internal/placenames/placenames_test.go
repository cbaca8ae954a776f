package placenames

import (
	"strings"
	"testing"
)

// TestEachCityIsWrittenOnce: the two lists share no city and repeat none
// (lower case), so a city added to one is read by the stages that read
// it, once.
func TestEachCityIsWrittenOnce(t *testing.T) {
	seen := map[string]string{}
	for name, list := range map[string][]string{"Cities": Cities, "OtherDatelineCities": OtherDatelineCities} {
		for _, c := range list {
			key := strings.ToLower(c)
			if c != strings.TrimSpace(c) || c == "" {
				t.Errorf("%s holds %q, with spaces or empty", name, c)
			}
			if prev, ok := seen[key]; ok {
				t.Errorf("%q is in %s and in %s", c, prev, name)
			}
			seen[key] = name
		}
	}
}

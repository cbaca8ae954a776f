package news

import "testing"

// TestCountryNamesByLowerCase checks that the CLDR country names, shared by
// the dateline rule and the comparison's gazetteer, are keyed by their lower
// case and give the name as CLDR writes it, and hold no region that is not a
// country (a continent's code).
func TestCountryNamesByLowerCase(t *testing.T) {
	names := CountryNames()
	for lower, want := range map[string]string{"united kingdom": "United Kingdom", "south korea": "South Korea", "india": "India"} {
		if got := names[lower]; got != want {
			t.Errorf("CountryNames()[%q] = %q, want %q", lower, got, want)
		}
	}
	if names["europe"] != "" || names["world"] != "" {
		t.Errorf("CountryNames holds a region that is no country: europe %q, world %q", names["europe"], names["world"])
	}
	if !isCountryName("india") || isCountryName("India") {
		t.Error("isCountryName reads lower case names only")
	}
}

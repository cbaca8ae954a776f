package news

import "testing"

// FuzzReadPublished: any text ReadPublished reads shows (ShowPublished)
// as text that reads back to the same second and the same precision, and
// a date alone is always a midnight UTC.
func FuzzReadPublished(f *testing.F) {
	for _, s := range []string{"2026-02-11", "2026-02-10T19:00:00-05:00", "2026-02-11T00:00:00Z", "2026-02-11 00:00:00", "2026-02-11T09:30:00.123456+14:00", "", "yesterday", "2026-13-01"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		at, dateOnly, ok := ReadPublished(s)
		if !ok || at.IsZero() {
			return
		}
		if dateOnly && !MidnightUTC(at) {
			t.Fatalf("%q: a date alone at %v, not midnight UTC", s, at)
		}
		shown := ShowPublished(at, dateOnly)
		back, backDate, ok := ReadPublished(shown)
		if !ok || backDate != dateOnly || back.Unix() != at.Unix() {
			t.Fatalf("%q shown as %q reads back as %v (date alone %v, %v); want %v (%v)", s, shown, back, backDate, ok, at, dateOnly)
		}
	})
}

package news

import (
	"time"
)

// ShowPublished renders a publication time for readers of storyline's JSON
// and CSV: YYYY-MM-DD for a date alone (dateOnly: what "2021-09-20" in the
// input, or a page giving only a day, becomes), RFC 3339 in UTC otherwise
// (midnight included: a source's own "T00:00:00Z" is a time), "" when
// unknown. DESIGN.md allows both forms, and ReadPublished reads either
// back to the same time and precision, so a reader loses nothing and is
// not told of a midnight the source never gave. Stored times keep
// FormatPublished's RFC 3339 (lists and filters compare them as text) with
// the precision in a column of its own; a comparison's timeline entries
// carry this form (compare writes them so), and whatever reads them back
// must parse them (ReadPublished), not compare them as text with a stored
// column.
func ShowPublished(t time.Time, dateOnly bool) string {
	if dateOnly && !t.IsZero() {
		return t.UTC().Format(time.DateOnly)
	}
	return FormatPublished(t)
}

// ShowStoredPublished is the text of a stored time whose precision was not
// read with it (a story's first and last publication, a search hit's):
// midnight UTC to the second shows as the
// date, as before precisions were kept; a YYYY-MM-DD stays one, and text
// that is no time is returned as it is.
func ShowStoredPublished(s string) string {
	t, dateOnly, ok := ReadPublished(s)
	if !ok || t.IsZero() {
		return s
	}
	return ShowPublished(t, dateOnly || MidnightUTC(t))
}

// MarshalJSON writes the summary with its times as ShowPublished gives
// them.
func (s StorySummary) MarshalJSON() ([]byte, error) {
	type plain StorySummary
	s.FirstPublished, s.LastPublished = ShowStoredPublished(s.FirstPublished), ShowStoredPublished(s.LastPublished)
	return marshalUnescaped(plain(s))
}

// MarshalJSON writes the hit with its time as ShowPublished gives it.
func (h SearchHit) MarshalJSON() ([]byte, error) {
	type plain SearchHit
	h.Published = ShowStoredPublished(h.Published)
	return marshalUnescaped(plain(h))
}

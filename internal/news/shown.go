package news

import (
	"time"
)

// ShowPublished renders a publication time for readers of storyline's JSON
// and CSV: YYYY-MM-DD for a date alone (DateOnly: what "2021-09-20" in the
// input, or a page giving only a day, becomes), RFC 3339 otherwise, "" when
// unknown. DESIGN.md allows both forms, and ParsePublished reads either
// back to the same time, so a reader loses nothing; it only is not told of
// a midnight the source never gave. Stored times keep FormatPublished's
// RFC 3339 (lists and filters compare them as text), except in a stored
// comparison's JSON: its timeline entries are marshalled by
// TimelineEntry.MarshalJSON, so their times are written this way there
// too, and whatever reads them back must parse them (ParsePublished), not
// compare them as text with a stored column.
func ShowPublished(t time.Time) string {
	if DateOnly(t) {
		return t.UTC().Format(time.DateOnly)
	}
	return FormatPublished(t)
}

// ShowStoredPublished is ShowPublished of a time as stored
// (FormatPublished's text); text that is no time is returned as it is.
func ShowStoredPublished(s string) string {
	t, ok := ParsePublished(s)
	if !ok || t.IsZero() {
		return s
	}
	return ShowPublished(t)
}

// MarshalJSON writes the entry with its time as ShowPublished gives it.
func (e TimelineEntry) MarshalJSON() ([]byte, error) {
	type plain TimelineEntry
	e.Published = ShowStoredPublished(e.Published)
	return marshalUnescaped(plain(e))
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

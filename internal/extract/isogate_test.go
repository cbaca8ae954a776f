package extract

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// parseISOUngated is parseISO before startsISODay: every layout tried on
// every text. The reference the gate must agree with.
func parseISOUngated(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	for _, layout := range []string{time.RFC3339Nano, time.RFC3339, "2006-01-02T15:04:05Z0700", "2006-01-02T15:04:05",
		"2006-01-02T15:04Z07:00", "2006-01-02T15:04", "2006-01-02 15:04:05", "2006-01-02"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, true
		}
	}
	if len(s) >= 10 {
		if t, err := time.Parse("2006-01-02", s[:10]); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// isoTexts are texts near the edges of the ISO forms: signs, short years,
// one-digit months and days, other separators, non-ASCII digits, white
// space around, out-of-range parts, and the forms that parse.
var isoTexts = []string{
	"", "2024", "2024-05-0", "2024-05-07", " 2024-05-07\n", "2024-05-07T10:11:12Z", "2024-05-07T10:11:12.345+02:00",
	"2024-05-07T10:11:12+0200", "2024-05-07T10:11", "2024-05-07 10:11:12", "2024-05-07 and more", "2024-5-07",
	"2024-05-7", "-024-05-07", "+2024-05-07", "+024-05-07", "20240507", "2024/05/07", "2024-13-07", "2024-05-32",
	"2024-02-30", "０２０２４-05-07", "2024‐05‐07", "२०२४-05-07", "0000-00-00", "9999-12-31T23:59:59Z", "Tuesday",
	"May 7, 2024", "07-05-2024", "2024-05-07T25:00", "\u00a02024-05-07", "2024-05-07\u00a0", "2024-0a-07", "2024-05-0a",
}

// parseISOAsUngated reports how parseISO and parseISOUngated read s, and
// whether they agree: the same answer, instant and offset.
func parseISOAsUngated(s string) (diff string, same bool) {
	got, ok := parseISO(s)
	want, wantOK := parseISOUngated(s)
	diff = fmt.Sprintf("parseISO(%q) = %v, %v; without the gate %v, %v", s, got, ok, want, wantOK)
	return diff, ok == wantOK && got.Equal(want) && got.Location().String() == want.Location().String()
}

// TestParseISOAsUngated: the gate changes no answer.
func TestParseISOAsUngated(t *testing.T) {
	for _, s := range isoTexts {
		if diff, same := parseISOAsUngated(s); !same {
			t.Error(diff)
		}
	}
}

// TestParseISOSparesTheFailingParses: a text that is no ISO day costs no
// allocation (eight failing time.Parse calls each built an error).
func TestParseISOSparesTheFailingParses(t *testing.T) {
	for _, s := range []string{"Tuesday", "May 7, 2024", "07-05-2024", "2024/05/07 10:11"} {
		if n := testing.AllocsPerRun(10, func() { parseISO(s) }); n != 0 {
			t.Errorf("parseISO(%q) allocated %.0f times, want none", s, n)
		}
	}
}

// FuzzParseISOGate: parseISO answers as the ungated form on any text.
func FuzzParseISOGate(f *testing.F) {
	for _, s := range isoTexts {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if diff, same := parseISOAsUngated(s); !same {
			t.Fatal(diff)
		}
	})
}

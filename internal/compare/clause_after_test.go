package compare

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// TestClauseAfterReadsABoundedClause: the clause after a quotation is read
// no further than maxAfterBytes, cut between characters, so that the
// quotations of a huge paragraph without a sentence end do not each read
// the rest of it (8,000 colon-introduced quotations in one paragraph took
// 12.9 s, 1.4 s bounded, session 40); a short clause is read whole.
func TestClauseAfterReadsABoundedClause(t *testing.T) {
	if got := clauseAfter(", dit Luc Marlo. Puis"); got != ", dit Luc Marlo" {
		t.Errorf("short clause = %q", got)
	}
	long := strings.Repeat("é mot ", 2000) // no sentence end, no quotation
	got := clauseAfter(long)
	if len(got) > maxAfterBytes || len(got) < maxAfterBytes-utf8.UTFMax {
		t.Errorf("clause of a %d-byte run read %d bytes, want about %d", len(long), len(got), maxAfterBytes)
	}
	if !utf8.ValidString(got) {
		t.Errorf("clause cut inside a character: %q", got[len(got)-4:])
	}
}

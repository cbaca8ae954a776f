package cli

import (
	"encoding/csv"
	"strings"
	"testing"
)

// export reads PostgreSQL as it reads SQLite.
func TestExportOnPostgres(t *testing.T) {
	db := pgCluster.NewDatabase(t)
	if _, errOut, code := storyline(t, "add", "--db", db, "testdata/pages"); code != 0 {
		t.Fatalf("add: %s", errOut)
	}
	out, errOut, code := storyline(t, "export", "--db", db, "--what", "stories")
	type story struct {
		ID       string
		Articles int
		Sources  []string
	}
	sts := jsonLines[story](t, out)
	if code != 0 || len(sts) != 2 || sts[0].Articles+sts[1].Articles != 3 {
		t.Errorf("export --what stories on PostgreSQL: exit %d, %+v, stderr %q", code, sts, errOut)
	}
	out, _, code = storyline(t, "export", "--db", db, "--what", "memberships", "--format", "csv")
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if code != 0 || err != nil || len(rows) != 4 { // the header and three rows
		t.Errorf("export memberships as CSV on PostgreSQL: exit %d, %v, %q", code, err, out)
	}
}

package sqlstore

import (
	"fmt"
	"strings"
)

// PrecisionBackfill is the SQL (for both stores; yes is the dialect's
// true value, "1" or "true") that fills in the precision of the
// publication times stored before it was kept: midnight UTC to the
// second, as FormatPublished writes it, is a date alone; one second
// after midnight UTC is a time that was moved on (news.ClockUTC of
// session 39) and goes back to its true second. Migrations run it
// (SQLite 22, PostgreSQL 14), so, like them, it must not change once
// shipped.
func PrecisionBackfill(yes string) string {
	var b strings.Builder
	for _, table := range []string{"articles", "raw_inputs"} {
		fmt.Fprintf(&b, "UPDATE %s SET published_date_only = %s WHERE length(published) = 20 AND substr(published, 11) = 'T00:00:00Z';\n", table, yes)
		fmt.Fprintf(&b, "UPDATE %s SET published = substr(published, 1, 10) || 'T00:00:00Z' WHERE length(published) = 20 AND substr(published, 11) = 'T00:00:01Z';\n", table)
	}
	for _, col := range []string{"first_published", "last_published"} {
		fmt.Fprintf(&b, "UPDATE stories SET %[1]s = substr(%[1]s, 1, 10) || 'T00:00:00Z' WHERE length(%[1]s) = 20 AND substr(%[1]s, 11) = 'T00:00:01Z';\n", col)
	}
	return b.String()
}

package sqlite

import (
	"context"
	"database/sql"

	"github.com/storyline-news/storyline/internal/store/sqlstore"
)

// The read queries the SQL stores share (package sqlstore), run on the
// query-only connections: reading a page cannot write to the database.

// Error is a failure of one store operation (sqlstore.Error).
type Error = sqlstore.Error

// fail wraps err (when not nil) as the failure of op on key.
var fail = sqlstore.Fail

// dialect is how SQLite writes what the shared queries write apart.
var dialect = sqlstore.Dialect{
	Membership: "sa.membership",
	StoryOutlets: `coalesce((SELECT group_concat(name, char(31) ORDER BY first) FROM (SELECT min(a.outlet_name) AS name, min(a.seq) AS first
		FROM story_articles o JOIN articles a ON a.id = o.article_id WHERE o.story_id = s.id AND a.outlet <> ''
		GROUP BY a.outlet)), '')`,
	ArticleIDs: "group_concat(a.id, char(31) ORDER BY a.seq)",
}

// snapshot runs fn in one read transaction, so that what it reads is of
// one moment of the database.
func (s *Store) snapshot(ctx context.Context, fn func(sqlstore.Querier) error) error {
	tx, err := s.ro.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return err
	}
	defer tx.Rollback()
	return fn(sqlstore.FromSQL(tx))
}

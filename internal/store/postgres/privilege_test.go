package postgres

import (
	"context"
	"net/url"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"
)

// A role that neither owns the database nor may create in its schema (a
// database an administrator made with a plain createdb, on PostgreSQL 15
// and later) is refused, and the error says what the role needs.
func TestMigrationRefusedForWantOfPrivilegeSaysWhatTheRoleNeeds(t *testing.T) {
	ctx := context.Background()
	dsn := cluster.NewDatabase(t)
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	u, err := url.Parse(dsn)
	if err != nil {
		t.Fatal(err)
	}
	role := "desk_" + strings.TrimPrefix(u.Path, "/") // roles are the cluster's: one per test database
	if _, err := conn.Exec(ctx, "CREATE ROLE "+role+" LOGIN"); err != nil {
		t.Fatal(err)
	}
	// Since PostgreSQL 15 schema public gives CREATE to its owner alone;
	// the revoke makes older servers refuse the same way.
	if _, err := conn.Exec(ctx, "REVOKE CREATE ON SCHEMA public FROM PUBLIC"); err != nil {
		t.Fatal(err)
	}
	u.User = url.User(role)
	st, err := Open(ctx, u.String())
	if err == nil {
		st.Close()
		t.Fatal("a role that may not create tables opened the database")
	}
	for _, want := range []string{"migrate database", "permission denied", "createdb --owner ROLE NAME"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("%q does not say %q", err, want)
		}
	}
}

// Package pgtest starts a private PostgreSQL server for tests: a cluster
// made with initdb in a temporary folder, listening on a unix socket in
// that folder only (no TCP port), with durability turned off for speed, and
// a new database for every test that asks for one.
//
// The server binaries are found through $STORYLINE_PG_BIN, else pg_config
// on the PATH, else Debian's /usr/lib/postgresql/<version>/bin. initdb
// refuses to run as root: when the tests run as root, the cluster belongs
// to the unprivileged user "nobody" and the server runs as that user (its
// folder is made theirs). When PostgreSQL is absent the tests that need it
// are skipped, except under CI ($CI or $STORYLINE_CI set), where they fail.
package pgtest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// ErrUnavailable is returned by Start when no PostgreSQL server binaries
// are installed.
var ErrUnavailable = errors.New("pgtest: PostgreSQL is not installed (set STORYLINE_PG_BIN to its bin folder)")

// InCI reports whether the tests run under CI, where a missing PostgreSQL
// is a failure.
func InCI() bool { return os.Getenv("CI") != "" || os.Getenv("STORYLINE_CI") != "" }

// Cluster is a running private server.
type Cluster struct {
	dir    string // the temporary folder: data, socket, log
	socket string // the folder of the unix socket
	cmd    *exec.Cmd
	done   chan error
	dbs    atomic.Int64

	// A cluster of Main starts when a test first needs it.
	lazy     bool
	once     sync.Once
	started  *Cluster
	startErr error
}

// superuser is the role initdb makes; the server trusts local connections.
const superuser = "storyline"

// Start makes a cluster in a new temporary folder and starts its server.
// The caller stops it (Stop), which also removes the folder.
func Start(ctx context.Context) (*Cluster, error) {
	bin, err := binDir()
	if err != nil {
		return nil, err
	}
	owner, err := serverUser()
	if err != nil {
		return nil, err
	}
	parent := "" // $TMPDIR
	if owner != nil {
		parent = "/tmp" // a root's $TMPDIR may be closed to the server's user
	}
	dir, err := os.MkdirTemp(parent, "pgtest")
	if err != nil {
		return nil, fmt.Errorf("pgtest: %w", err)
	}
	c := &Cluster{dir: dir, socket: dir, done: make(chan error, 1)}
	if err := c.start(ctx, bin, owner); err != nil {
		c.Stop()
		return nil, err
	}
	return c, nil
}

// Main runs a test binary's tests with a cluster for them, started when a
// test first asks for a database, and stops it after. A test package's
// TestMain calls it.
func Main(m *testing.M, cluster **Cluster) int {
	c := &Cluster{lazy: true}
	*cluster = c
	defer func() {
		if c.started != nil {
			c.started.Stop()
		}
	}()
	return m.Run()
}

// server is the running cluster: c itself, or the one a lazy c started.
func (c *Cluster) server() (*Cluster, error) {
	if c == nil {
		return nil, ErrUnavailable
	}
	if !c.lazy {
		return c, nil
	}
	c.once.Do(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
		defer cancel()
		c.started, c.startErr = Start(ctx)
	})
	return c.started, c.startErr
}

// Need fails the test under CI, and skips it elsewhere, when the cluster
// could not start.
func (c *Cluster) Need(t testing.TB) {
	t.Helper()
	_, err := c.server()
	if err == nil {
		return
	}
	if InCI() {
		t.Fatalf("PostgreSQL is needed under CI: %v", err)
	}
	t.Skipf("no PostgreSQL: %v", err)
}

// NewDatabase creates an empty database for a test and returns its
// connection string.
func (c *Cluster) NewDatabase(t testing.TB) string {
	t.Helper()
	c.Need(t)
	c, _ = c.server()
	name := fmt.Sprintf("test_%d", c.dbs.Add(1))
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	conn, err := pgx.Connect(ctx, c.DSN("postgres"))
	if err != nil {
		t.Fatalf("pgtest: connect: %v", err)
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, "CREATE DATABASE "+name); err != nil {
		t.Fatalf("pgtest: create database %s: %v", name, err)
	}
	return c.DSN(name)
}

// DSN is the connection string of a database of the cluster.
func (c *Cluster) DSN(database string) string {
	if c.lazy {
		c = c.started
	}
	return fmt.Sprintf("postgres://%s@/%s?host=%s&sslmode=disable", superuser, database, c.socket)
}

// Stop stops the server and removes its folder.
func (c *Cluster) Stop() {
	if c.cmd != nil && c.cmd.Process != nil {
		// SIGINT is PostgreSQL's fast shutdown: sessions are ended.
		c.cmd.Process.Signal(os.Interrupt)
		select {
		case <-c.done:
		case <-time.After(10 * time.Second):
			c.cmd.Process.Kill()
			<-c.done
		}
	}
	if c.dir != "" {
		os.RemoveAll(c.dir)
	}
}

// binDir finds the folder of initdb and postgres.
func binDir() (string, error) {
	if runtime.GOOS != "linux" {
		return "", fmt.Errorf("%w: pgtest runs servers on Linux only", ErrUnavailable)
	}
	has := func(dir string) bool {
		_, err := os.Stat(filepath.Join(dir, "initdb"))
		return err == nil
	}
	if d := os.Getenv("STORYLINE_PG_BIN"); d != "" {
		if !has(d) {
			return "", fmt.Errorf("%w: no initdb in STORYLINE_PG_BIN=%s", ErrUnavailable, d)
		}
		return d, nil
	}
	if out, err := exec.Command("pg_config", "--bindir").Output(); err == nil {
		if d := strings.TrimSpace(string(out)); has(d) {
			return d, nil
		}
	}
	// Debian installs each major version beside the others; the newest wins.
	dirs, _ := filepath.Glob("/usr/lib/postgresql/*/bin")
	slices.SortFunc(dirs, func(a, b string) int {
		va, _ := strconv.Atoi(filepath.Base(filepath.Dir(a)))
		vb, _ := strconv.Atoi(filepath.Base(filepath.Dir(b)))
		return vb - va
	})
	for _, d := range dirs {
		if has(d) {
			return d, nil
		}
	}
	return "", ErrUnavailable
}

// start runs initdb and the server, and waits until it takes connections.
func (c *Cluster) start(ctx context.Context, bin string, owner *account) error {
	if owner != nil {
		if err := os.Chown(c.dir, owner.uid, owner.gid); err != nil {
			return fmt.Errorf("pgtest: give %s to the server's user: %w", c.dir, err)
		}
	}
	data := filepath.Join(c.dir, "data")
	initdb := exec.CommandContext(ctx, filepath.Join(bin, "initdb"), "-D", data, "-U", superuser,
		"--auth=trust", "--no-sync", "--encoding=UTF8", "--locale=C")
	asUser(initdb, owner)
	if out, err := initdb.CombinedOutput(); err != nil {
		return fmt.Errorf("pgtest: initdb: %w: %s", err, out)
	}
	var log bytes.Buffer
	// The server listens on a socket in its own folder only, and trades
	// durability (a test cluster is thrown away) for speed.
	c.cmd = exec.Command(filepath.Join(bin, "postgres"), "-D", data,
		"-c", "listen_addresses=", "-c", "unix_socket_directories="+c.socket,
		"-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off",
		"-c", "max_connections=200", "-c", "shared_buffers=32MB")
	c.cmd.Stdout, c.cmd.Stderr = &log, &log
	asUser(c.cmd, owner)
	dieWithParent(c.cmd)
	if err := c.cmd.Start(); err != nil {
		return fmt.Errorf("pgtest: start postgres: %w", err)
	}
	go func() { c.done <- c.cmd.Wait() }()
	for {
		conn, err := pgx.Connect(ctx, c.DSN("postgres"))
		if err == nil {
			conn.Close(ctx)
			return nil
		}
		select {
		case werr := <-c.done:
			c.done <- werr
			return fmt.Errorf("pgtest: postgres exited: %v: %s", werr, log.String())
		case <-ctx.Done():
			return fmt.Errorf("pgtest: postgres did not start: %w (%v)", ctx.Err(), err)
		case <-time.After(50 * time.Millisecond):
		}
	}
}

// account is the user the server runs as, when not the tests' own.
type account struct {
	name     string
	uid, gid int
}

// serverUser is nil when the tests may run the server themselves, and the
// unprivileged user "nobody" when they run as root (initdb refuses root).
func serverUser() (*account, error) {
	if os.Geteuid() != 0 {
		return nil, nil
	}
	u, err := user.Lookup("nobody")
	if err != nil {
		return nil, fmt.Errorf("pgtest: running as root, and no user nobody to run PostgreSQL as: %w", err)
	}
	uid, err1 := strconv.Atoi(u.Uid)
	gid, err2 := strconv.Atoi(u.Gid)
	if err := errors.Join(err1, err2); err != nil {
		return nil, fmt.Errorf("pgtest: user nobody: %w", err)
	}
	return &account{name: u.Username, uid: uid, gid: gid}, nil
}

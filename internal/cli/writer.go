package cli

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"iter"
	"net"
	"os"
	"sync"
	"time"

	"github.com/storyline-news/storyline/internal/engine"
	"github.com/storyline-news/storyline/internal/news"
	"github.com/storyline-news/storyline/internal/read"
	"github.com/storyline-news/storyline/internal/server"
	"github.com/storyline-news/storyline/internal/source/feed"
	"github.com/storyline-news/storyline/internal/store/postgres"
	"github.com/storyline-news/storyline/internal/store/sqlite"
)

// database is what the commands need of a store, whichever its backend.
type database interface {
	engine.Store
	read.Store
	feed.Store
	// Path names the database in messages: a file, or a URL without its
	// password.
	Path() string
	Close() error
}

// openStore opens the database of a command (--db, else $STORYLINE_DB, else
// the platform's data folder).
func openStore(ctx context.Context, flagValue string, e env) (database, error) {
	path, err := databasePath(flagValue, e.getenv)
	if err != nil {
		return nil, err
	}
	return openDatabase(ctx, path)
}

// openExistingStore opens the database of a command that reads what is
// stored (stories, show, export; reextract, which rewrites it): a SQLite
// file that does not exist is an error naming it, rather than a new empty
// database (and folder) made for a question that has no answer.
func openExistingStore(ctx context.Context, flagValue string, e env) (database, error) {
	path, err := databasePath(flagValue, e.getenv)
	if err != nil {
		return nil, err
	}
	if !postgres.IsURL(path) {
		if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("no database at %s: `storyline add` makes one (or name another with --db or $STORYLINE_DB)", path)
		}
	}
	return openDatabase(ctx, path)
}

// openDatabase opens a database by its --db value: PostgreSQL for a
// postgres:// URL, else the SQLite file at that path.
func openDatabase(ctx context.Context, path string) (database, error) {
	if postgres.IsURL(path) {
		st, err := postgres.Open(ctx, path)
		if err != nil {
			return nil, err
		}
		return st, nil
	}
	st, err := sqlite.Open(ctx, path)
	if err != nil {
		return nil, err
	}
	return st, nil
}

// lockPoll is how often a process waiting for the writer lock tries again.
const lockPoll = 250 * time.Millisecond

// writeTo is where a command's inputs go: an engine of its own, or the
// server that holds the database.
type writeTo struct {
	engine *engine.Engine
	server news.WriterInfo // when the engine is nil
}

// submit runs a job through the engine, or through the server.
func (w writeTo) submit(ctx context.Context, inputs iter.Seq2[news.Input, error], progress func(news.RunSummary)) (news.RunSummary, error) {
	if w.engine != nil {
		return w.engine.Submit(ctx, inputs, progress)
	}
	return server.Submit(ctx, nil, w.server.Addr, w.server.Secret, inputs, progress)
}

// acquireWriter starts an engine on st for a command, the one writer of the
// database; when a server holds the database (its writer lock names where
// it takes inputs) and viaServer, the command goes through that server
// instead. While another process that does not serve (an add, a reextract)
// writes, it waits for it, saying so on stderr once.
func acquireWriter(ctx context.Context, e env, st database, opt engine.Options, viaServer bool) (writeTo, error) {
	said := false
	for {
		eng, err := engine.Start(ctx, st, opt)
		if err == nil {
			return writeTo{engine: eng}, nil
		}
		var locked *news.LockedError
		if !errors.As(err, &locked) {
			return writeTo{}, err
		}
		if locked.By.Addr != "" {
			if !viaServer {
				return writeTo{}, fmt.Errorf("%w at %s: stop it first", locked, locked.By.Addr)
			}
			by := locked.By
			if by.Secret == "" {
				// A lease that names no secret (PostgreSQL's, readable by
				// every database user): the server's API token is the bearer.
				if by.Secret = e.getenv("STORYLINE_TOKEN"); by.Secret == "" {
					return writeTo{}, fmt.Errorf("%w at %s: set $STORYLINE_TOKEN to its API token to add through it, or add with --queue", locked, by.Addr)
				}
			}
			fmt.Fprintf(e.stderr, "storyline serve (pid %d) holds %s: adding through it at %s\n", by.PID, st.Path(), by.Addr)
			return writeTo{server: by}, nil
		}
		if !said {
			fmt.Fprintf(e.stderr, "%s; waiting for it to finish\n", locked)
			said = true
		}
		select {
		case <-ctx.Done():
			return writeTo{}, ctx.Err()
		case <-time.After(lockPoll):
		}
	}
}

// newSecret is the bearer a serving writer hands other storyline processes
// through its lock file (readable by its user only).
func newSecret() string {
	var b [16]byte
	rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

// localURL is the base URL at which local processes reach a listener: its
// own address, or loopback when it listens on every interface.
func localURL(addr net.Addr) string {
	tcp, ok := addr.(*net.TCPAddr)
	if !ok {
		return "http://" + addr.String()
	}
	host := tcp.IP.String()
	switch {
	case tcp.IP.IsUnspecified() && tcp.IP.To4() == nil:
		host = "::1"
	case tcp.IP.IsUnspecified():
		host = "127.0.0.1"
	}
	return "http://" + net.JoinHostPort(host, fmt.Sprint(tcp.Port))
}

// writerSlot holds a server's engine once it has the writer lock.
type writerSlot struct {
	mu  sync.Mutex
	eng *engine.Engine
	err error // why there is none yet
}

func (s *writerSlot) set(eng *engine.Engine) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.eng, s.err = eng, nil
}

func (s *writerSlot) waiting(err error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.err = err
}

func (s *writerSlot) get() (*engine.Engine, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.eng == nil && s.err == nil {
		return nil, server.ErrNotWriter
	}
	return s.eng, s.err
}

// submit is the server's Writer.Submit.
func (s *writerSlot) submit(ctx context.Context, inputs iter.Seq2[news.Input, error], progress func(news.RunSummary)) (news.RunSummary, error) {
	eng, err := s.get()
	if err != nil {
		return news.RunSummary{}, err
	}
	return eng.Submit(ctx, inputs, progress)
}

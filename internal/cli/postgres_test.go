package cli

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/storyline-news/storyline/internal/news"
	"github.com/storyline-news/storyline/internal/pgtest"
)

// pgCluster is a private PostgreSQL server, started when a test first needs
// it (pgtest: skipped where PostgreSQL is absent, a failure under CI).
var pgCluster *pgtest.Cluster

func TestMain(m *testing.M) { pgtest.Main(m, &pgCluster) }

// TestAddStoriesShowOnPostgres: the commands take a postgres:// URL for
// --db (and $STORYLINE_DB) and do on PostgreSQL what they do on SQLite.
func TestAddStoriesShowOnPostgres(t *testing.T) {
	db := pgCluster.NewDatabase(t)
	out, errOut, code := storyline(t, "add", "--db", db, "testdata/pages")
	if code != 0 || out != "3 inputs read, 3 articles stored, 0 already stored, 2 stories new, 0 updated, 0 failed\n" {
		t.Fatalf("add: exit %d, %q %q", code, out, errOut)
	}
	t.Setenv("STORYLINE_DB", db)
	out, _, code = storyline(t, "stories", "--json")
	var stories []struct {
		ID       string
		Articles int
		Sources  []string
	}
	if err := json.Unmarshal([]byte(out), &stories); err != nil || code != 0 || len(stories) != 2 {
		t.Fatalf("stories from $STORYLINE_DB: exit %d, %s", code, out)
	}
	var chief string
	for _, s := range stories {
		if s.Articles == 2 {
			chief = s.ID
		}
	}
	if chief == "" {
		t.Fatalf("the two harbour-chief pages are not one story: %s", out)
	}
	out, _, _ = storyline(t, "show", chief)
	for _, want := range []string{"Timeline", "The Harbor Ledger", "first report", "Teodor Brandvold"} {
		if !strings.Contains(out, want) {
			t.Errorf("show on PostgreSQL lacks %q:\n%s", want, out)
		}
	}
	out, _, _ = storyline(t, "stories", "--json", "--q", "ferry")
	if !strings.Contains(out, "Fenwick ferry fares") || strings.Contains(out, "Brandvold") {
		t.Errorf("stories --q ferry = %s", out)
	}
	out, errOut, code = storyline(t, "add", "testdata/pages")
	if code != 0 || !strings.HasPrefix(out, "3 inputs read, 0 articles stored, 3 already stored, 0 stories new") {
		t.Errorf("re-add: exit %d, %q %q", code, out, errOut)
	}
	out, errOut, code = storyline(t, "reextract")
	if code != 0 || !strings.HasPrefix(out, "3 articles extracted again, 0 kept") || !strings.HasSuffix(out, " site templates learned again\n") {
		t.Errorf("reextract on PostgreSQL: exit %d, %q %q", code, out, errOut)
	}
}

// TestStandbyServerTakesOverOnPostgres: two servers on one PostgreSQL
// database, as on two machines. The first writes; the second serves reads
// and waits; when the first stops, the second takes the writer lease and
// takes writes.
func TestStandbyServerTakesOverOnPostgres(t *testing.T) {
	db := pgCluster.NewDatabase(t)
	ctx, stopFirst := context.WithCancel(context.Background())
	startServeCtx(t, ctx, db, true, "--token", "t0k")
	t.Setenv("STORYLINE_TOKEN", "t0k") // the API token: the lease row carries no secret
	if _, _, code := storyline(t, "add", "--db", db, "testdata/pages"); code != 0 {
		t.Fatal("add through the first server failed")
	}
	second := startServeCtx(t, context.Background(), db, false)
	health := func(base string) string {
		resp, err := http.Get(base + "/healthz")
		if err != nil {
			return err.Error()
		}
		defer resp.Body.Close()
		var h struct{ Writes string }
		json.NewDecoder(resp.Body).Decode(&h)
		return h.Writes
	}
	if got := health(second); got == "ready" {
		t.Fatalf("the standby takes writes while the first server holds the lease")
	}
	var list []news.StorySummary
	if resp, err := http.Get(second + "/api/v1/stories"); err == nil {
		json.NewDecoder(resp.Body).Decode(&list)
		resp.Body.Close()
	}
	if len(list) != 2 {
		t.Errorf("the standby reads %d stories, want 2", len(list))
	}
	stopFirst()
	stopped := time.Now()
	for health(second) != "ready" {
		if time.Since(stopped) > 10*time.Second {
			t.Fatalf("10 s after the writer stopped, the standby does not take writes: %s", health(second))
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Logf("the standby took writes %v after the writer stopped", time.Since(stopped).Round(100*time.Millisecond))
}

// TestServeAdvertisesWhereItTakesInputs: the writer lease names the URL
// given by --advertise, where an add on another machine sends its inputs.
func TestServeAdvertisesWhereItTakesInputs(t *testing.T) {
	db := pgCluster.NewDatabase(t)
	startServe(t, db, "--advertise", "http://web1.example:8080/")
	st, err := openDatabase(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	_, err = st.LockWriter(context.Background(), news.WriterInfo{Command: "add"})
	var locked *news.LockedError
	if !errors.As(err, &locked) || locked.By.Addr != "http://web1.example:8080" || locked.By.Secret != "" {
		t.Errorf("the lease while serve writes: %v (secret %q), want it to name http://web1.example:8080 and no secret", err, locked.By.Secret)
	}
	if _, errOut, code := storyline(t, "serve", "--db", db, "--advertise", "web1:8080"); code != 2 || !strings.Contains(errOut, "--advertise") {
		t.Errorf("serve --advertise web1:8080: exit %d, %q; want a usage error", code, errOut)
	}
}

// TestWriterCutOffStepsDown: the writing server's lease session is ended
// (as a network partition ends it); the standby takes the lease; the old
// writer's next write is fenced, and it steps down to serving reads
// instead of failing every write after.
func TestWriterCutOffStepsDown(t *testing.T) {
	db := pgCluster.NewDatabase(t)
	old := startServeCtx(t, context.Background(), db, true, "--token", "t0k")
	standby := startServeCtx(t, context.Background(), db, false, "--token", "t0k")
	conn, err := pgx.Connect(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(context.Background())
	if _, err := conn.Exec(context.Background(), "SELECT pg_terminate_backend(backend_pid) FROM writer_lease"); err != nil {
		t.Fatal(err)
	}
	writes := func(base string) string {
		resp, err := http.Get(base + "/healthz")
		if err != nil {
			return err.Error()
		}
		defer resp.Body.Close()
		var h struct{ Writes string }
		json.NewDecoder(resp.Body).Decode(&h)
		return h.Writes
	}
	for deadline := time.Now().Add(10 * time.Second); writes(standby) != "ready"; {
		if time.Now().After(deadline) {
			t.Fatal("the standby did not take the lease")
		}
		time.Sleep(50 * time.Millisecond)
	}
	post := func(base string, i int) int {
		req, _ := http.NewRequest(http.MethodPost, base+"/api/v1/articles", strings.NewReader(postedPage(i)))
		req.Header.Set("Authorization", "Bearer t0k")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	if code := post(old, 1); code == http.StatusCreated {
		t.Errorf("the cut-off writer stored a post (%d) beside the new writer", code)
	}
	for deadline := time.Now().Add(5 * time.Second); writes(old) == "ready"; {
		if time.Now().After(deadline) {
			t.Fatal("the cut-off writer still says it takes writes")
		}
		time.Sleep(50 * time.Millisecond)
	}
	if code := post(standby, 1); code != http.StatusCreated {
		t.Errorf("the new writer answered %d to a post", code)
	}
	isWriter := func(base string) bool {
		resp, err := http.Get(base + "/healthz")
		if err != nil {
			return false
		}
		defer resp.Body.Close()
		var h struct{ Writer bool }
		json.NewDecoder(resp.Body).Decode(&h)
		return h.Writer
	}
	if isWriter(old) || !isWriter(standby) {
		t.Errorf("/healthz says writer %v for the old server and %v for the new: want false, true", isWriter(old), isWriter(standby))
	}
}

// TestUnreachableQueueIsNamedWithoutItsPassword: a command whose queue
// cannot be reached says which, and keeps its credentials out of it.
func TestUnreachableQueueIsNamedWithoutItsPassword(t *testing.T) {
	db := filepath.Join(t.TempDir(), "s.db")
	_, errOut, code := storyline(t, "worker", "--db", db, "--queue", "nats://feeder:hunter2@127.0.0.1:1")
	if code != 1 || !strings.Contains(errOut, "connect to queue nats://127.0.0.1:1") || strings.Contains(errOut, "hunter2") {
		t.Errorf("worker on an unreachable queue: exit %d, %q", code, errOut)
	}
	if _, errOut, code := storyline(t, "worker", "--db", db, "--queue", "http://127.0.0.1:4222"); code != 2 || !strings.Contains(errOut, "--queue") {
		t.Errorf("worker --queue http://...: exit %d, %q; want a usage error", code, errOut)
	}
	if _, errOut, code := storyline(t, "worker", "--db", db); code != 2 || !strings.Contains(errOut, "needs a queue") {
		t.Errorf("worker without a queue: exit %d, %q; want a usage error", code, errOut)
	}
}

// TestAddThroughAPostgresWriterTakesTheAPIToken: the lease row, readable by
// every user of the database, names no secret; add reaches the serving
// writer with the server's API token from $STORYLINE_TOKEN, and says what
// to do when it is not set.
func TestAddThroughAPostgresWriterTakesTheAPIToken(t *testing.T) {
	db := pgCluster.NewDatabase(t)
	startServe(t, db, "--token", "t0k")
	t.Setenv("STORYLINE_TOKEN", "")
	if _, errOut, code := storyline(t, "add", "--db", db, "testdata/pages"); code == 0 || !strings.Contains(errOut, "STORYLINE_TOKEN") {
		t.Errorf("add without a token: exit %d, %q; want an error naming $STORYLINE_TOKEN", code, errOut)
	}
	t.Setenv("STORYLINE_TOKEN", "t0k")
	out, errOut, code := storyline(t, "add", "--db", db, "testdata/pages")
	if code != 0 || !strings.HasPrefix(out, "3 inputs read, 3 articles stored") || !strings.Contains(errOut, "adding through it") {
		t.Errorf("add with the token: exit %d, %q %q; want the pages stored through the server", code, out, errOut)
	}
}

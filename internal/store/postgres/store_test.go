package postgres

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"reflect"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/storyline-news/storyline/internal/news"

	"github.com/storyline-news/storyline/internal/pgtest"
	"github.com/storyline-news/storyline/internal/store/storetest"
)

var cluster *pgtest.Cluster

func TestMain(m *testing.M) { pgtest.Main(m, &cluster) }

// openTemp opens a store on a new database of the test cluster.
func openTemp(t testing.TB) *Store {
	t.Helper()
	st, err := Open(context.Background(), cluster.NewDatabase(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// openAgain opens a second store on st's database, as another process would.
func openAgain(t testing.TB, st *Store) *Store {
	t.Helper()
	again, err := Open(context.Background(), st.dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { again.Close() })
	return again
}

// TestConformance runs the store ports' conformance suite on PostgreSQL.
func TestConformance(t *testing.T) {
	storetest.Run(t, storetest.Backend{
		New: func(t *testing.T) storetest.Store { return openTemp(t) },
		Again: func(t *testing.T, st storetest.Store) storetest.Store {
			return openAgain(t, st.(*Store))
		},
		DamageRaw: func(t *testing.T, st storetest.Store, name string) {
			if _, err := st.(*Store).rw.Exec(context.Background(), "UPDATE raw_inputs SET body = $1 WHERE name = $2", storetest.DamagedBody, name); err != nil {
				t.Fatal(err)
			}
		},
	})
}

var now = time.Date(2026, 11, 20, 12, 0, 0, 0, time.UTC)

func article(id, source, title, text string, published time.Time) news.Article {
	return news.Article{ID: id, URL: "https://" + source + ".example/" + id, Source: source, Title: title, Text: text, Published: published, Lang: "en"}
}

func placement(a news.Article, story string) news.Placement {
	raw := news.Raw{Name: a.ID + ".html", URL: a.URL, Kind: news.KindHTML, Body: []byte("<p>" + a.Text + "</p>")}
	return news.Placement{Raw: &raw, Article: a, Membership: news.Membership{ArticleID: a.ID, StoryID: story, Score: 0.7, Reason: "test"}, ContentHash: "h-" + a.ID}
}

func save(t testing.TB, st *Store, ps ...news.Placement) {
	t.Helper()
	if _, err := st.SaveBatch(context.Background(), news.WriteBatch{Placements: ps, At: now}); err != nil {
		t.Fatal(err)
	}
}

func TestMigrateFromEmptyAndReopen(t *testing.T) {
	ctx := context.Background()
	st := openTemp(t)
	if v, err := st.SchemaVersion(ctx); err != nil || v != len(migrations) {
		t.Fatalf("schema version = %d, %v; want %d", v, err, len(migrations))
	}
	save(t, st, placement(article("a1", "ledger", "Strike", "Dockworkers voted.", now), "s1"))
	again := openAgain(t, st)
	if n, _, err := again.Counts(ctx); n != 1 || err != nil {
		t.Errorf("reopened: %d articles, %v", n, err)
	}
}

// TestNewDatabaseOpenedByManyAtOnce opens one new database from many
// handles at once: the migrations take turns, each applied once.
func TestNewDatabaseOpenedByManyAtOnce(t *testing.T) {
	dsn := cluster.NewDatabase(t)
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			st, err := Open(context.Background(), dsn)
			if err == nil {
				st.Close()
			}
			errs <- err
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Error(err)
		}
	}
}

func TestNewerSchemaIsRefused(t *testing.T) {
	st := openTemp(t)
	if _, err := st.rw.Exec(context.Background(), "UPDATE storyline_schema SET version = 99"); err != nil {
		t.Fatal(err)
	}
	_, err := Open(context.Background(), st.dsn)
	if err == nil || !strings.Contains(err.Error(), "newer than this storyline") {
		t.Errorf("opening a database of a newer schema: %v", err)
	}
}

// TestReadSideCannotWrite: the read side's sessions refuse writes.
func TestReadSideCannotWrite(t *testing.T) {
	st := openTemp(t)
	_, err := st.ro.Exec(context.Background(), "INSERT INTO feeds(url) VALUES ('https://x.example/rss')")
	if err == nil || !strings.Contains(err.Error(), "read-only") {
		t.Errorf("a write on the read side: %v, want a read-only transaction error", err)
	}
}

func TestSearchFoldsAccentsRanksAndCuts(t *testing.T) {
	ctx := context.Background()
	st := openTemp(t)
	long := strings.Repeat("Filler words about the harbour and the weather. ", 20) +
		"The mayor of Zürich said the café would reopen. " + strings.Repeat("More filler about trains. ", 20)
	save(t, st,
		placement(article("a1", "ledger", "Harbour report", long, now), "s1"),
		placement(article("a2", "courier", "Zurich café reopens", "The mayor spoke.", now), "s2"))
	res, err := st.SearchStories(ctx, news.SearchQuery{Q: "zurich cafe"})
	if err != nil || len(res.Stories) != 2 {
		t.Fatalf("stories = %+v, %v; want both articles' (accents folded)", res, err)
	}
	var hits []news.SearchHit
	for _, s := range res.Stories {
		hits = append(hits, s.Hits...)
	}
	if hits[0].ArticleID != "a2" || !(hits[0].Rank < hits[1].Rank) {
		t.Errorf("the title match should rank first, with a lower rank: %+v", hits)
	}
	snip := hits[1].Snippet
	if !strings.HasPrefix(snip, "…") || !strings.HasSuffix(snip, "…") || !strings.Contains(hits[1].Marked, "<mark>Zürich</mark>") {
		t.Errorf("a passage from the middle of a long text = %q / %q: want it cut on both sides, the match marked", snip, hits[1].Marked)
	}
	if got := strings.Count(snip, " "); got > 40 {
		t.Errorf("snippet of %d words: %q", got, snip)
	}
	if res, _ := st.SearchStories(ctx, news.SearchQuery{Q: "zurich trains"}); res.Articles != 1 || res.Stories[0].Hits[0].ArticleID != "a1" {
		t.Errorf("every word must match: %+v", res)
	}
	if list, _ := st.Stories(ctx, news.StoryQuery{Q: "ZÜRICH"}); len(list) != 2 {
		t.Errorf("stories for ZÜRICH: %+v", list)
	}
}

// TestStandbyTakesOverWhenTheWriterDies kills a process that holds the
// writer lease (this test binary, run again as a child that takes it and
// waits): a standby polling as serve does gets the lease within seconds.
func TestStandbyTakesOverWhenTheWriterDies(t *testing.T) {
	if dsn := os.Getenv("STORYLINE_TEST_HOLD_LEASE"); dsn != "" {
		holdLease(dsn)
		return
	}
	ctx := context.Background()
	st := openTemp(t)
	child := exec.Command(os.Args[0], "-test.run=^TestStandbyTakesOverWhenTheWriterDies$")
	child.Env = append(os.Environ(), "STORYLINE_TEST_HOLD_LEASE="+st.dsn)
	out, err := child.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := child.Start(); err != nil {
		t.Fatal(err)
	}
	defer child.Process.Kill()
	line, err := bufio.NewReader(out).ReadString('\n')
	if err != nil || !strings.HasPrefix(line, "holding") {
		t.Fatalf("child: %q, %v", line, err)
	}
	_, err = st.LockWriter(ctx, news.WriterInfo{PID: os.Getpid(), Command: "serve"})
	var locked *news.LockedError
	if !errors.As(err, &locked) || locked.By.PID != child.Process.Pid || locked.By.Addr != "http://writer.example:8080" {
		t.Fatalf("while the child holds the lease: %v, want it named", err)
	}
	child.Process.Signal(syscall.SIGKILL)
	child.Wait()
	killed := time.Now()
	for {
		unlock, err := st.LockWriter(ctx, news.WriterInfo{PID: os.Getpid(), Command: "serve"})
		if err == nil {
			t.Logf("standby took over %v after the writer was killed", time.Since(killed).Round(time.Millisecond))
			unlock()
			break
		}
		if !errors.As(err, &locked) {
			t.Fatal(err)
		}
		if time.Since(killed) > 5*time.Second {
			t.Fatalf("5 s after the writer was killed, the lease is still held: %v", err)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// holdLease is the child of TestStandbyTakesOverWhenTheWriterDies.
func holdLease(dsn string) {
	st, err := Open(context.Background(), dsn)
	if err != nil {
		fmt.Println("open:", err)
		os.Exit(1)
	}
	if _, err := st.LockWriter(context.Background(), news.WriterInfo{PID: os.Getpid(), Command: "serve", Addr: "http://writer.example:8080"}); err != nil {
		fmt.Println("lock:", err)
		os.Exit(1)
	}
	fmt.Println("holding")
	time.Sleep(time.Minute)
	os.Exit(1)
}

// TestWriterThatLostTheLeaseCannotWrite ends the writer's lease session as
// a network partition would: a standby takes the lease, and the old
// writer's next batch fails instead of writing beside it.
func TestWriterThatLostTheLeaseCannotWrite(t *testing.T) {
	ctx := context.Background()
	old := openTemp(t)
	standby := openAgain(t, old)
	if _, err := old.LockWriter(ctx, news.WriterInfo{PID: 1, Command: "serve"}); err != nil {
		t.Fatal(err)
	}
	save(t, old, placement(article("a1", "ledger", "Strike", "Dockworkers voted.", now), "s1"))
	if _, err := standby.rw.Exec(ctx, `SELECT pg_terminate_backend(backend_pid) FROM writer_lease`); err != nil {
		t.Fatal(err)
	}
	var unlock func() error
	var err error
	for try := 0; try < 50; try++ {
		if unlock, err = standby.LockWriter(ctx, news.WriterInfo{PID: 2, Command: "serve"}); err == nil {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	if err != nil {
		t.Fatalf("the standby did not get the lease: %v", err)
	}
	defer unlock()
	_, err = old.SaveBatch(ctx, news.WriteBatch{Placements: []news.Placement{placement(article("a2", "ledger", "Fire", "A fire.", now), "s2")}, At: now})
	if !errors.Is(err, ErrLeaseLost) {
		t.Errorf("the old writer's batch: %v, want ErrLeaseLost", err)
	}
	if err := old.UpdateArticle(ctx, article("a1", "ledger", "Strike", "Changed.", now), "h"); !errors.Is(err, ErrLeaseLost) {
		t.Errorf("the old writer's update: %v, want ErrLeaseLost", err)
	}
	// reextract's templates learned again replace the stored ones only
	// while it holds the lease: the standby's stay.
	if _, err := standby.SaveBatch(ctx, news.WriteBatch{Templates: map[string][]byte{"ledger.example": {1}}, At: now}); err != nil {
		t.Fatal(err)
	}
	if err := old.ReplaceSiteTemplates(ctx, map[string][]byte{"courier.example": {1}}, now); !errors.Is(err, ErrLeaseLost) {
		t.Errorf("the old writer's templates learned again: %v, want ErrLeaseLost", err)
	}
	if got, err := standby.SiteTemplate(ctx, "ledger.example"); err != nil || len(got) != 1 {
		t.Errorf("after the old writer's replace, the standby's template = %v, %v; want it kept", got, err)
	}
	if n, _, _ := standby.Counts(ctx); n != 1 {
		t.Errorf("%d articles stored, want the 1 from before the takeover", n)
	}
	save(t, standby, placement(article("a3", "ledger", "Flood", "A flood.", now), "s3"))
}

func TestBadConnectionStringIsNamedWithoutItsPassword(t *testing.T) {
	_, err := Open(context.Background(), "postgres://reader:hunter2@db.example:notaport/news")
	if err == nil || strings.Contains(err.Error(), "hunter2") || !strings.Contains(err.Error(), "db.example") {
		t.Errorf("bad connection string: %v", err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	_, err = Open(ctx, "postgres://reader:hunter2@/news?host=/nonexistent&connect_timeout=2")
	if err == nil || strings.Contains(err.Error(), "hunter2") || !strings.Contains(err.Error(), "connect to database postgres://reader@") {
		t.Errorf("unreachable database: %v", err)
	}
}

// TestMigrateOutlets: a database of schema 3 (before outlets had keys)
// gets its stored articles filed under their outlets' keys when opened.
func TestMigrateOutlets(t *testing.T) {
	ctx := context.Background()
	st := openTemp(t)
	save(t, st, placement(article("m1", "The Ledger", "Strike", "Dockworkers voted.", now), "s1"),
		placement(article("m2", "Wirenews", "", "KESTRA (Wirenews) -- Ferry crews walked out on Tuesday. Talks resume.", now), "s2"))
	// Back to schema 3: the columns and index of migrations 4 and 5 gone,
	// and the untitled story untitled as that schema stored it.
	if _, err := st.rw.Exec(ctx, `DROP INDEX articles_outlet; DROP INDEX stories_when; DROP INDEX stories_recency; UPDATE stories SET title = '' WHERE id = 's2';
		ALTER TABLE articles DROP COLUMN outlet, DROP COLUMN outlet_name; ALTER TABLE stories DROP COLUMN title_derived; ALTER TABLE raw_inputs DROP COLUMN source;
		DROP TABLE outlet_aliases; ALTER TABLE articles DROP COLUMN kind, DROP COLUMN capture_archive, DROP COLUMN capture_record, DROP COLUMN capture_uri, DROP COLUMN capture_offset, DROP COLUMN captures; ALTER TABLE articles DROP COLUMN published_date_only; ALTER TABLE raw_inputs DROP COLUMN published_date_only; DROP FUNCTION storyline_changed() CASCADE; DROP TABLE storyline_generation; DROP TABLE IF EXISTS stream_state; UPDATE storyline_schema SET version = 3`); err != nil {
		t.Fatal(err)
	}
	// More articles than a backfill batch, spelt two ways, so that the
	// upgrade runs over several batches.
	if _, err := st.rw.Exec(ctx, `INSERT INTO articles(id, seq, url, source, published, title, text, content_hash, added_at)
		SELECT 'bulk-' || i, 10 + i, '', CASE i % 2 WHEN 0 THEN 'NYT' ELSE 'The nyt' END, '', 't', 'x', 'h' || i, ''
		FROM generate_series(1, 4100) AS i`); err != nil {
		t.Fatal(err)
	}
	again := openAgain(t, st)
	var filed int
	if err := again.ro.QueryRow(ctx, "SELECT count(*) FROM articles WHERE outlet = 'nyt'").Scan(&filed); err != nil || filed != 4100 {
		t.Errorf("%d of 4,100 articles filed under nyt (%v)", filed, err)
	}
	if v, err := again.SchemaVersion(ctx); err != nil || v != len(migrations) {
		t.Fatalf("schema version after reopening = %d, %v", v, err)
	}
	// Migration 5 titles the untitled story by its lead.
	if d, err := again.Story(ctx, "s2"); err != nil || d.Title != "Ferry crews walked out on Tuesday" || !d.TitleDerived {
		t.Errorf("untitled story after migration titled %q (derived %v), %v; want its lead, derived", d.Title, d.TitleDerived, err)
	}
	list, err := again.Stories(ctx, news.StoryQuery{Source: "ledger"})
	if err != nil || len(list) != 1 || len(list[0].Sources) != 1 || list[0].Sources[0] != "The Ledger" {
		t.Errorf("stories of outlet ledger after migration = %+v, %v; want s1 from The Ledger", list, err)
	}
}

// TestMigrateRefilesOutlets: a database of schema 6, whose articles were
// filed under the outlet keys of that time ("Harbour Gazette (Online
// News)" and "harbourgazette.com" two outlets), has them filed under one
// key when opened, their sources as stored.
func TestMigrateRefilesOutlets(t *testing.T) {
	ctx := context.Background()
	st := openTemp(t)
	save(t, st, placement(article("g1", "Harbour Gazette (Online News)", "Strike", "Dockworkers voted.", now), "s1"),
		placement(article("g2", "harbourgazette.com", "Strike ends", "Dockworkers went back.", now), "s2"))
	if _, err := st.rw.Exec(ctx, `UPDATE articles SET outlet = 'harbourgazetteonlinenews' WHERE id = 'g1';
		UPDATE articles SET outlet = 'harbourgazettecom' WHERE id = 'g2'; ALTER TABLE raw_inputs DROP COLUMN source; DROP TABLE outlet_aliases; ALTER TABLE articles DROP COLUMN kind, DROP COLUMN capture_archive, DROP COLUMN capture_record, DROP COLUMN capture_uri, DROP COLUMN capture_offset, DROP COLUMN captures; ALTER TABLE articles DROP COLUMN published_date_only; ALTER TABLE raw_inputs DROP COLUMN published_date_only; DROP FUNCTION storyline_changed() CASCADE; DROP TABLE storyline_generation; DROP TABLE IF EXISTS stream_state; UPDATE storyline_schema SET version = 6`); err != nil {
		t.Fatal(err)
	}
	again := openAgain(t, st)
	list, err := again.Stories(ctx, news.StoryQuery{Source: "Harbour Gazette"})
	if err != nil || len(list) != 2 {
		t.Fatalf("stories of Harbour Gazette after migration = %+v, %v; want s1 and s2", list, err)
	}
	var sources []string
	rows, err := again.ro.Query(ctx, "SELECT source FROM articles WHERE outlet = 'harbourgazette' ORDER BY id")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			t.Fatal(err)
		}
		sources = append(sources, s)
	}
	if want := []string{"Harbour Gazette (Online News)", "harbourgazette.com"}; !reflect.DeepEqual(sources, want) {
		t.Errorf("sources filed under harbourgazette = %q, want %q", sources, want)
	}
}

// TestMigrateRefilesGenericDomains: a database of schema 7, whose article
// of a domain named by a generic word alone (news.co.uk) was filed under
// "news" with the pages whose site name is the bare word "News", has it
// filed under the domain's own key when opened; the other stays "news".
func TestMigrateRefilesGenericDomains(t *testing.T) {
	ctx := context.Background()
	st := openTemp(t)
	save(t, st, placement(article("n1", "News.co.uk", "Strike", "Dockworkers voted.", now), "s1"),
		placement(article("n2", "News", "Strike ends", "Dockworkers went back.", now), "s2"))
	if _, err := st.rw.Exec(ctx, `UPDATE articles SET outlet = 'news'; DROP TABLE outlet_aliases; ALTER TABLE articles DROP COLUMN kind, DROP COLUMN capture_archive, DROP COLUMN capture_record, DROP COLUMN capture_uri, DROP COLUMN capture_offset, DROP COLUMN captures; ALTER TABLE articles DROP COLUMN published_date_only; ALTER TABLE raw_inputs DROP COLUMN published_date_only; DROP FUNCTION storyline_changed() CASCADE; DROP TABLE storyline_generation; DROP TABLE IF EXISTS stream_state; UPDATE storyline_schema SET version = 7`); err != nil {
		t.Fatal(err)
	}
	again := openAgain(t, st)
	for id, want := range map[string]string{"n1": "newscouk", "n2": "news"} {
		var key string
		if err := again.ro.QueryRow(ctx, "SELECT outlet FROM articles WHERE id = $1", id).Scan(&key); err != nil || key != want {
			t.Errorf("outlet of %s after migration = %q, %v; want %q", id, key, err, want)
		}
	}
}

// TestMigrateFilesTheDomainsAndQualifiers: a database of the previous
// schema (no outlet aliases, keys that kept a first bracketed qualifier)
// is filed again when opened: "X (Opinion) (Blog)" is X, and a "the"
// domain of a stored name beginning with "The" is that outlet.
func TestMigrateFilesTheDomainsAndQualifiers(t *testing.T) {
	ctx := context.Background()
	st := openTemp(t)
	byHost := article("h1", "", "Tide", "The tide came in.", now)
	byHost.URL = "https://www.thekestrel.com/tide"
	save(t, st, placement(article("q1", "Harbour Gazette (Opinion) (Blog)", "Strike", "Dockworkers voted.", now), "s1"),
		placement(article("q2", "Harbour Gazette", "Strike ends", "Dockworkers went back.", now), "s2"),
		placement(article("n1", "The Kestrel", "Tide report", "The tide came in early.", now), "s3"),
		placement(byHost, "s4"))
	if _, err := st.rw.Exec(ctx, `UPDATE articles SET outlet = 'harbourgazetteopinion' WHERE id = 'q1';
UPDATE articles SET outlet = 'thekestrel' WHERE id = 'h1'; DROP TABLE outlet_aliases; ALTER TABLE articles DROP COLUMN kind, DROP COLUMN capture_archive, DROP COLUMN capture_record, DROP COLUMN capture_uri, DROP COLUMN capture_offset, DROP COLUMN captures; ALTER TABLE articles DROP COLUMN published_date_only; ALTER TABLE raw_inputs DROP COLUMN published_date_only; DROP FUNCTION storyline_changed() CASCADE; DROP TABLE storyline_generation; DROP TABLE IF EXISTS stream_state; UPDATE storyline_schema SET version = 8`); err != nil {
		t.Fatal(err)
	}
	again := openAgain(t, st)
	for id, want := range map[string]string{"q1": "harbourgazette", "q2": "harbourgazette", "n1": "kestrel", "h1": "kestrel"} {
		var key string
		if err := again.ro.QueryRow(ctx, "SELECT outlet FROM articles WHERE id = $1", id).Scan(&key); err != nil || key != want {
			t.Errorf("outlet of %s after migration = %q, %v; want %q", id, key, err, want)
		}
	}
}

// TestOutletAliasesOfTwoProcessesAtOnce: two processes (a `sources alias`
// beside a server's writes, or two at once) change aliases and store
// articles together, many times; afterwards no alias loops and every
// article is filed under the outlet its key's alias names, as if the
// transactions had run one after the other.
func TestOutletAliasesOfTwoProcessesAtOnce(t *testing.T) {
	ctx := context.Background()
	const rounds = 10 // before the alias lock, round 0 failed in each of the runs tried
	for i := 0; i < rounds; i++ {
		st := openTemp(t)
		other := openAgain(t, st)
		save(t, st, placement(article("b0", "Bellhaven Star", "Quay works", "The quay works begin.", now), "s0"),
			placement(article("w0", "Wexcombe Echo", "Quay works start", "Work on the quay starts.", now), "s1"))
		var wg sync.WaitGroup
		wg.Add(2)
		go func() { defer wg.Done(); st.SetOutletAlias(ctx, "Bellhaven Star", "Wexcombe Echo") }()
		go func() { defer wg.Done(); other.SetOutletAlias(ctx, "Wexcombe Echo", "Bellhaven Star") }()
		wg.Wait()
		wg.Add(2)
		go func() { defer wg.Done(); st.SetOutletAlias(ctx, "bs", "Bellhaven Star") }()
		go func() {
			defer wg.Done()
			if _, err := other.SaveBatch(ctx, news.WriteBatch{Placements: []news.Placement{placement(article("b1", "bs", "Quay works late", "The quay works run late.", now), "s2")}, At: now}); err != nil {
				t.Error(err)
			}
		}()
		wg.Wait()
		aliases, err := st.OutletAliases(ctx)
		if err != nil {
			t.Fatal(err)
		}
		to := map[string]string{}
		for _, a := range aliases {
			to[a.Alias] = a.Outlet
		}
		rows, err := st.ro.Query(ctx, "SELECT id, outlet FROM articles ORDER BY id")
		if err != nil {
			t.Fatal(err)
		}
		var keys []string
		for rows.Next() {
			var id, key string
			if err := rows.Scan(&id, &key); err != nil {
				t.Fatal(err)
			}
			keys = append(keys, id+"="+key)
			if out, aliased := to[key]; aliased && out != key {
				t.Errorf("round %d: article %s is filed under %q, an alias of %q (aliases %v)", i, id, key, out, to)
			}
		}
		rows.Close()
		if to["bellhavenstar"] == "wexcombeecho" && to["wexcombeecho"] == "bellhavenstar" ||
			to["bellhavenstar"] == "bellhavenstar" && to["wexcombeecho"] == "wexcombeecho" {
			t.Errorf("round %d: the two opposite aliases both stored (%v), articles %v", i, to, keys)
		}
		if t.Failed() {
			return
		}
	}
}

// TestMigrateKeepsTheAliasesNamed: the aliases of a database of the
// previous schema (which kept only where each alias led) name that outlet
// once opened, the articles stay where they were filed, and a chain made
// after the upgrade gives the first alias back when its middle is removed.
func TestMigrateKeepsTheAliasesNamed(t *testing.T) {
	ctx := context.Background()
	st := openTemp(t)
	byHost := article("h1", "", "Tide", "The tide came in.", now)
	byHost.URL = "https://www.thekestrel.com/tide"
	save(t, st, placement(article("o1", "Ostwick Post", "Bridge shut", "The bridge is shut.", now), "s1"),
		placement(article("o2", "op", "Bridge closed", "The bridge closed.", now), "s2"),
		placement(article("m1", "Marlow Courier", "Bridge repairs", "Repairs begin.", now), "s3"),
		placement(article("n1", "The Kestrel", "Tide report", "The tide came in early.", now), "s4"),
		placement(byHost, "s4"))
	if _, _, err := st.SetOutletAlias(ctx, "op", "Ostwick Post"); err != nil {
		t.Fatal(err)
	}
	if _, err := st.rw.Exec(ctx, `ALTER TABLE outlet_aliases DROP COLUMN named; ALTER TABLE articles DROP COLUMN capture_archive, DROP COLUMN capture_record, DROP COLUMN capture_uri, DROP COLUMN capture_offset, DROP COLUMN captures; ALTER TABLE articles DROP COLUMN published_date_only; ALTER TABLE raw_inputs DROP COLUMN published_date_only; DROP FUNCTION storyline_changed() CASCADE; DROP TABLE storyline_generation; DROP TABLE IF EXISTS stream_state; UPDATE storyline_schema SET version = 10`); err != nil {
		t.Fatal(err)
	}
	storetest.CheckUpgradedAliases(t, openAgain(t, st))
}

// readFiling reads st's filing, named included when the schema has it.
func readFiling(t *testing.T, st *Store, named bool) storetest.Filing {
	t.Helper()
	return storetest.ReadFiling(t, st.strings, "given::text", named)
}

// strings runs a query of one text column.
func (s *Store) strings(ctx context.Context, query string) ([]string, error) {
	rows, err := s.rw.Query(ctx, query)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	return storetest.ScanStrings(rows)
}

// freshFiling is the filing of a new database that stored
// storetest.UpgradePlacements and then, when alias, the user's alias op -> Ostwick
// Post: what an upgraded database must hold.
func freshFiling(t *testing.T, alias bool) storetest.Filing {
	t.Helper()
	fresh := openTemp(t)
	save(t, fresh, storetest.UpgradePlacements()...)
	if alias {
		if _, _, err := fresh.SetOutletAlias(context.Background(), "op", "Ostwick Post"); err != nil {
			t.Fatal(err)
		}
	}
	return readFiling(t, fresh, true)
}

// TestMigrateFromSchema8AsShipped: a database of schema 8 (no alias table,
// keys that kept a bracketed qualifier, a "the" domain filed apart) is at
// 10 as migration 9 left it when it shipped (the "the" domain's alias
// made, its article filed under the outlet: a shipped migration does not
// change), and at the current schema holds the rows a new database holds
// for the same articles.
func TestMigrateFromSchema8AsShipped(t *testing.T) {
	ctx := context.Background()
	st := openTemp(t)
	save(t, st, storetest.UpgradePlacements()...)
	if _, err := st.rw.Exec(ctx, `UPDATE articles SET outlet = 'harbourgazetteopinion' WHERE id = 'q1';
UPDATE articles SET outlet = 'thekestrel' WHERE id = 'h1'; DROP TABLE outlet_aliases; ALTER TABLE articles DROP COLUMN kind, DROP COLUMN capture_archive, DROP COLUMN capture_record, DROP COLUMN capture_uri, DROP COLUMN capture_offset, DROP COLUMN captures; ALTER TABLE articles DROP COLUMN published_date_only; ALTER TABLE raw_inputs DROP COLUMN published_date_only; DROP FUNCTION storyline_changed() CASCADE; DROP TABLE storyline_generation; DROP TABLE IF EXISTS stream_state; UPDATE storyline_schema SET version = 8`); err != nil {
		t.Fatal(err)
	}
	if err := st.migrate(ctx, 10); err != nil {
		t.Fatal(err)
	}
	got := readFiling(t, st, false)
	if want := []string{"thekestrel|The Kestrel|-|kestrel|false"}; !reflect.DeepEqual(got.Aliases, want) {
		t.Errorf("aliases at schema 10 = %q, want %q (migration 9 as shipped)", got.Aliases, want)
	}
	if want := "h1|kestrel|thekestrel.com"; !slices.Contains(got.Articles, want) {
		t.Errorf("articles at schema 10 = %q, want %q among them", got.Articles, want)
	}
	again := openAgain(t, st)
	if got, want := readFiling(t, again, true), freshFiling(t, false); !reflect.DeepEqual(got, want) {
		t.Errorf("upgraded from schema 8:\n%+v\nwant, as a new database:\n%+v", got, want)
	}
}

// TestMigrateFromSchema10HoldsWhatAFreshLoadHolds: a database of schema
// 10 with the user's alias op -> Ostwick Post and a "the" domain's alias
// (the alias table as it was before it kept the outlet named) holds, once
// opened, the rows of a new database given the same articles and alias.
func TestMigrateFromSchema10HoldsWhatAFreshLoadHolds(t *testing.T) {
	ctx := context.Background()
	st := openTemp(t)
	save(t, st, storetest.UpgradePlacements()...)
	if _, _, err := st.SetOutletAlias(ctx, "op", "Ostwick Post"); err != nil {
		t.Fatal(err)
	}
	if _, err := st.rw.Exec(ctx, `ALTER TABLE outlet_aliases DROP COLUMN named; ALTER TABLE articles DROP COLUMN capture_archive, DROP COLUMN capture_record, DROP COLUMN capture_uri, DROP COLUMN capture_offset, DROP COLUMN captures; ALTER TABLE articles DROP COLUMN published_date_only; ALTER TABLE raw_inputs DROP COLUMN published_date_only; DROP FUNCTION storyline_changed() CASCADE; DROP TABLE storyline_generation; DROP TABLE IF EXISTS stream_state; UPDATE storyline_schema SET version = 10`); err != nil {
		t.Fatal(err)
	}
	again := openAgain(t, st)
	if got, want := readFiling(t, again, true), freshFiling(t, true); !reflect.DeepEqual(got, want) {
		t.Errorf("upgraded from schema 10:\n%+v\nwant, as a new database:\n%+v", got, want)
	}
}

// TestMigrateKeepsArchiveCaptures upgrades a database of the schema before
// the capture columns: the article stored then reads with no capture, and
// an article read from a web archive keeps its record (archive, record id,
// target URI) through a save and a reopen.
func TestMigrateKeepsArchiveCaptures(t *testing.T) {
	ctx := context.Background()
	st := openTemp(t)
	save(t, st, placement(article("old-1", "ledger", "Harbour chief named", "The harbour authority named a new chief.", now), "s0"))
	if _, err := st.rw.Exec(ctx, fmt.Sprintf(`ALTER TABLE articles DROP COLUMN capture_archive, DROP COLUMN capture_record, DROP COLUMN capture_uri, DROP COLUMN capture_offset, DROP COLUMN captures; ALTER TABLE articles DROP COLUMN published_date_only; ALTER TABLE raw_inputs DROP COLUMN published_date_only;
		DROP FUNCTION storyline_changed() CASCADE; DROP TABLE storyline_generation; DROP TABLE IF EXISTS stream_state; UPDATE storyline_schema SET version = %d`, 11)); err != nil { // the schema before the capture columns (12)
		t.Fatal(err)
	}
	st.Close()
	again := openAgain(t, st)
	if a, err := again.Article(ctx, "old-1"); err != nil || a.Capture != (news.Capture{}) || a.Title != "Harbour chief named" {
		t.Errorf("article stored before the upgrade = %+v, %v; want it whole, with no capture", a, err)
	}
	withCapture := article("w1", "ledger", "Ferry crews walk out", "Ferry crews walked out on Tuesday.", now)
	withCapture.Capture = news.Capture{Archive: "crawl/part-07.warc.gz", RecordID: "<urn:uuid:5e1f0c2a-0000-4000-8000-00000000000a>", TargetURI: "https://ledger.example/ferry?ref=rss", Offset: 48213}
	save(t, again, placement(withCapture, "s1"))
	third := openAgain(t, again)
	if a, err := third.Article(ctx, "w1"); err != nil || a.Capture != withCapture.Capture {
		t.Errorf("capture read back = %+v, %v; want %+v", a.Capture, err, withCapture.Capture)
	}
}

// TestMigrateFromSchema12HoldsWhatAFreshLoadHolds: a database of schema
// 12 (one capture an article, no captures column), once opened, reads
// every article as a new database given the same articles does, and then
// keeps a second capture of an article as the new one does.
func TestMigrateFromSchema12HoldsWhatAFreshLoadHolds(t *testing.T) {
	ctx := context.Background()
	ps := storetest.CapturedPlacements()
	st := openTemp(t)
	save(t, st, ps...)
	if _, err := st.rw.Exec(ctx, `ALTER TABLE articles DROP COLUMN captures; ALTER TABLE articles DROP COLUMN published_date_only; ALTER TABLE raw_inputs DROP COLUMN published_date_only; DROP FUNCTION storyline_changed() CASCADE; DROP TABLE storyline_generation; DROP TABLE IF EXISTS stream_state; UPDATE storyline_schema SET version = 12`); err != nil {
		t.Fatal(err)
	}
	upgraded := openAgain(t, st)
	fresh := openTemp(t)
	save(t, fresh, ps...)
	storetest.CheckUpgradedCaptures(t, upgraded, fresh)
}

// TestMigrateKeepsThePrecisionOfTimes upgrades a database of schema 13,
// whose times carry no precision and hold a time of day one second after
// midnight UTC as session 39 stored it: midnight UTC reads as a date
// alone, the moved time as a time on its true second (migration 14).
func TestMigrateKeepsThePrecisionOfTimes(t *testing.T) {
	ctx := context.Background()
	st := openTemp(t)
	save(t, st, storetest.PrecisionPlacements()...)
	if _, err := st.rw.Exec(ctx, storetest.NudgedPrecisionSQL+`
		ALTER TABLE articles DROP COLUMN published_date_only; ALTER TABLE raw_inputs DROP COLUMN published_date_only; DROP FUNCTION storyline_changed() CASCADE; DROP TABLE storyline_generation; DROP TABLE IF EXISTS stream_state; UPDATE storyline_schema SET version = 13`); err != nil {
		t.Fatal(err)
	}
	st.Close()
	storetest.CheckUpgradedPrecision(t, openAgain(t, st))
}

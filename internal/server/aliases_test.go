package server

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/storyline-news/storyline/internal/engine"
	"github.com/storyline-news/storyline/internal/news"
	"github.com/storyline-news/storyline/internal/read"
	"github.com/storyline-news/storyline/internal/store/sqlite"
)

// aliasServer serves a store of three outlets' articles ("Ostwick Post",
// its short code "op", "Marlow Courier") with alias writes on under
// token (none when token is "").
func aliasServer(t *testing.T, token string) (*httptest.Server, *sqlite.Store) {
	t.Helper()
	st := tempStore(t)
	at := time.Date(2026, 2, 1, 0, 0, 0, 0, time.UTC)
	for i, a := range []news.Article{
		{ID: "o1", Source: "Ostwick Post", Title: "Bridge shut", Text: "The bridge is shut."},
		{ID: "o2", Source: "op", Title: "Bridge closed", Text: "The bridge closed."},
		{ID: "m1", Source: "Marlow Courier", Title: "Bridge repairs", Text: "Repairs begin."},
	} {
		save(t, st, at.Add(time.Duration(i)*time.Hour), news.Placement{Article: a,
			Membership: news.Membership{ArticleID: a.ID, StoryID: "s-" + a.ID}, ContentHash: a.ID})
	}
	srv, err := New(read.New(st, read.Options{}), Options{Token: token, CacheFor: time.Minute, Writer: Writer{Aliases: st}})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv.Handler())
	t.Cleanup(ts.Close)
	return ts, st
}

// TestAliasesThroughTheAPI: POST /api/v1/aliases sets and removes an
// alias as storyline sources alias does (same answers, same refusals with
// the CLI's messages), behind the API's token; GET /api/v1/aliases lists
// them, and the lists show the change at once (the kept answers are
// forgotten).
func TestAliasesThroughTheAPI(t *testing.T) {
	ts, _ := aliasServer(t, "s3cret")
	api := ts.URL + "/api/v1/aliases"
	if code, body := get3(t, api); code != http.StatusOK || body != "[]\n" {
		t.Errorf("GET aliases of none = %d %q; want 200 []", code, body)
	}
	get3(t, ts.URL+"/api/v1/sources") // kept, and must be forgotten by the write
	code, body := postJSON(t, api, "s3cret", `{"name":"op","outlet":"Ostwick Post"}`)
	var res aliasAnswer
	if err := json.Unmarshal([]byte(body), &res); code != http.StatusOK || err != nil ||
		res.OutletAlias != (news.OutletAlias{Alias: "op", Name: "op", Named: "ostwickpost", Outlet: "ostwickpost", Given: true}) || res.Moved != 1 || res.Removed {
		t.Fatalf("POST op -> Ostwick Post = %d %s; want 200, op filed under ostwickpost, 1 article moved", code, body)
	}
	if _, body := get3(t, ts.URL+"/api/v1/sources"); !strings.Contains(body, `"aliases":["op"]`) {
		t.Errorf("/api/v1/sources after the alias = %s; want Ostwick Post with alias op", body)
	}
	if code, body := postJSON(t, api, "s3cret", `{"name":"Ostwick Post","outlet":"Marlow Courier"}`); code != http.StatusOK || !strings.Contains(body, `"articles_moved":2`) {
		t.Errorf("POST Ostwick Post -> Marlow Courier = %d %s; want 2 articles moved", code, body)
	}
	code, body = get3(t, api)
	var list []news.OutletAlias
	if err := json.Unmarshal([]byte(body), &list); code != http.StatusOK || err != nil || len(list) != 2 || list[0].Named != "ostwickpost" || list[0].Outlet != "marlowcourier" {
		t.Errorf("GET aliases = %d %s; want op named ostwickpost, filed under marlowcourier", code, body)
	}
	refused := []struct{ token, body, says string }{
		{"s3cret", `{"name":"Ostwick Post","outlet":"op"}`, "is filed under"},                // a loop
		{"s3cret", `{"name":"op","outlet":"OP"}`, "already one outlet"},                      // itself
		{"s3cret", `{"name":" ","outlet":"op"}`, "no letters or digits"},                     // no key
		{"s3cret", `{"name":"op"}`, `or \"remove\": true to part it`},                        // no outlet
		{"s3cret", `{"name":"op","outlet":"x","remove":true}`, `give no \"outlet\" with it`}, // both
		{"s3cret", `{"outlet":"x"}`, `the name to file`},                                     // no name
		{"s3cret", `{"name":"op","outlet":"x","as":"y"}`, `unknown field \"as\"`},            // unknown field
		{"s3cret", `{"name":"op","outlet":"x"} {}`, "more than one JSON value"},              // two objects
		{"s3cret", `["op","x"]`, "body is not an alias request"},                             // not an object
	}
	for _, c := range refused {
		if code, body := postJSON(t, api, c.token, c.body); code != http.StatusBadRequest || !strings.Contains(body, c.says) {
			t.Errorf("POST %s = %d %s; want 400 saying %q", c.body, code, body, c.says)
		}
	}
	if code, _ := postJSON(t, api, "wrong", `{"name":"mc","outlet":"Marlow Courier"}`); code != http.StatusUnauthorized {
		t.Errorf("POST with a wrong token = %d, want 401", code)
	}
	if code, _ := postJSON(t, api, "", `{"name":"mc","outlet":"Marlow Courier"}`); code != http.StatusUnauthorized {
		t.Errorf("POST without a token = %d, want 401", code)
	}
	if code, body := postJSON(t, api, "s3cret", `{"name":"`+strings.Repeat("a", maxAliasBody)+`","outlet":"x"}`); code != http.StatusRequestEntityTooLarge {
		t.Errorf("POST of %d bytes = %d %.80s; want 413", maxAliasBody, code, body)
	}
	// Removing the middle alias leaves op where it was named.
	if code, body := postJSON(t, api, "s3cret", `{"name":"ostwick post","remove":true}`); code != http.StatusOK || !strings.Contains(body, `"removed":true`) || !strings.Contains(body, `"articles_moved":2`) {
		t.Errorf("POST remove Ostwick Post = %d %s; want 2 articles moved back", code, body)
	}
	if code, body := postJSON(t, api, "s3cret", `{"name":"ostwick post","remove":true}`); code != http.StatusNotFound || !strings.Contains(body, "no alias") {
		t.Errorf("POST remove twice = %d %s; want 404 naming it", code, body)
	}
	// An outlet no article has is kept for the articles to come, and the close ones named.
	if code, body := postJSON(t, api, "s3cret", `{"name":"mc","outlet":"Marlow Courrier"}`); code != http.StatusOK || !strings.Contains(body, `"outlet_suggestions":[{"source":"Marlow Courier","key":"marlowcourier"`) {
		t.Errorf("POST mc -> Marlow Courrier = %d %s; want the alias, and Marlow Courier suggested", code, body)
	}
}

// TestAliasWritesOff: without a token, or without an alias writer, alias
// writes are refused (403) and the sources page shows no form.
func TestAliasWritesOff(t *testing.T) {
	ts, _ := aliasServer(t, "")
	if code, body := postJSON(t, ts.URL+"/api/v1/aliases", "x", `{"name":"op","outlet":"Ostwick Post"}`); code != http.StatusForbidden || !strings.Contains(body, "writes are off") {
		t.Errorf("POST with writes off = %d %s; want 403", code, body)
	}
	if _, body := get3(t, ts.URL+"/sources"); strings.Contains(body, `<form class="alias"`) || !strings.Contains(body, "Writes are off") {
		t.Errorf("sources page with writes off shows the alias form, or does not say why not")
	}
	srv, err := New(read.New(tempStore(t), read.Options{}), Options{Token: "s3cret"})
	if err != nil {
		t.Fatal(err)
	}
	rec := httptest.NewRecorder()
	req := httptest.NewRequest(http.MethodPost, "/api/v1/aliases", strings.NewReader(`{"name":"op","outlet":"Ostwick Post"}`))
	req.Header.Set("Authorization", "Bearer s3cret")
	srv.Handler().ServeHTTP(rec, req)
	if rec.Code != http.StatusForbidden {
		t.Errorf("POST to a server with no alias writer = %d, want 403", rec.Code)
	}
}

// TestAliasFormOnTheSourcesPage: the sources page's form sets and removes
// an alias with the server's token, says what moved in the CLI's words and
// lists the names given; a wrong token or a refused alias says why, keeps
// what was typed (never the token) and changes nothing.
func TestAliasFormOnTheSourcesPage(t *testing.T) {
	ts, st := aliasServer(t, "s3cret")
	post := func(form url.Values) (int, string) {
		t.Helper()
		resp, err := http.PostForm(ts.URL+"/sources", form)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	if _, body := get3(t, ts.URL+"/sources"); !strings.Contains(body, `<form class="alias" method="post" action="/sources">`) || !strings.Contains(body, "No other names given.") {
		t.Fatalf("sources page with writes on has no alias form")
	}
	code, body := post(url.Values{"name": {"op"}, "outlet": {"Ostwick Post"}, "token": {"s3cret"}, "action": {"set"}})
	if code != http.StatusOK || !strings.Contains(body, "op filed under ostwickpost (1 article moved).") || !strings.Contains(body, `<strong>op</strong> → <a href="/sources/ostwickpost">Ostwick Post</a>`) {
		t.Errorf("form op -> Ostwick Post = %d; want it done and listed:\n%s", code, body)
	}
	code, body = post(url.Values{"name": {"Ostwick Post"}, "outlet": {"op"}, "token": {"s3cret"}, "action": {"set"}})
	if code != http.StatusBadRequest || !strings.Contains(body, "is filed under") || !strings.Contains(body, `value="Ostwick Post"`) {
		t.Errorf("form closing a loop = %d; want 400 saying so, the name kept:\n%s", code, body)
	}
	code, body = post(url.Values{"name": {"mc"}, "outlet": {"Marlow Courier"}, "token": {"wrong"}, "action": {"set"}})
	if code != http.StatusUnauthorized || !strings.Contains(body, "The token is missing or wrong: type the token the server was started with") ||
		strings.Contains(body, "Authorization: Bearer") || strings.Contains(body, `value="wrong"`) {
		t.Errorf("form with a wrong token = %d; want 401 saying so, the token not given back:\n%s", code, body)
	}
	for _, name := range []string{"m\x00c", "m\xffc", "m\tc"} {
		code, body = post(url.Values{"name": {name}, "outlet": {"Marlow Courier"}, "token": {"s3cret"}, "action": {"set"}})
		if code != http.StatusBadRequest || !strings.Contains(body, "is no outlet name: it is not UTF-8 text or has a control character") {
			t.Errorf("form naming %q = %d; want 400 saying it is no name:\n%s", name, code, body)
		}
	}
	if list, _ := st.OutletAliases(context.Background()); len(list) != 1 {
		t.Errorf("aliases after the refused forms = %+v; want op alone", list)
	}
	code, body = post(url.Values{"name": {"OP"}, "outlet": {"ignored when removing"}, "token": {"s3cret"}, "action": {"remove"}})
	if code != http.StatusOK || !strings.Contains(body, "OP no longer filed under ostwickpost (1 article moved).") {
		t.Errorf("form removing OP = %d; want it done:\n%s", code, body)
	}
	if _, _, err := st.RemoveOutletAlias(context.Background(), "op"); !errors.Is(err, news.ErrNotFound) {
		t.Errorf("op's alias after the form removed it: %v; want none", err)
	}
}

// get3 is get without the content type.
func get3(t *testing.T, url string) (int, string) {
	t.Helper()
	code, _, body := get(t, url)
	return code, body
}

// FuzzDecodeAliasRequest: any body decodes to a request that names what
// its kind needs, or to an error; never a panic, and a request decoded
// encodes back to one that decodes the same.
func FuzzDecodeAliasRequest(f *testing.F) {
	for _, seed := range []string{`{"name":"op","outlet":"Ostwick Post"}`, `{"name":"op","remove":true}`, `{"name":"","outlet":""}`,
		`{"name":"op","outlet":"x"} {}`, `[1]`, `{"name":"\u00e9\ud800","outlet":"\\"}`, `null`, ``, `{"remove":"yes"}`, `{"name":"a\u0000b","outlet":"c"}`} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, body string) {
		req, err := decodeAliasRequest(strings.NewReader(body))
		if err != nil {
			return
		}
		if req.Name == "" || req.Remove == (req.Outlet != "") || !isName(req.Name) || !isName(req.Outlet) {
			t.Fatalf("decoded %q to %+v, which lacks what its kind needs", body, req)
		}
		b, err := json.Marshal(req)
		if err != nil {
			t.Fatal(err)
		}
		again, err := decodeAliasRequest(strings.NewReader(string(b)))
		if err != nil || !reflect.DeepEqual(again, req) {
			t.Fatalf("%+v encoded as %s decodes to %+v, %v", req, b, again, err)
		}
	})
}

// TestAliasRequestsThatAreNoNames: a name or outlet with a NUL or another
// control character is refused with 400 naming it, before the store
// (PostgreSQL failed such a request with a 500; SQLite stored it). Bytes
// that are not UTF-8 reach the store from the form only (JSON decoding
// reads them as U+FFFD): TestAliasFormOnTheSourcesPage.
func TestAliasRequestsThatAreNoNames(t *testing.T) {
	ts, st := aliasServer(t, "s3cret")
	api := ts.URL + "/api/v1/aliases"
	for _, body := range []string{`{"name":"o\u0000p","outlet":"Ostwick Post"}`, `{"name":"op","outlet":"Ostwick\nPost"}`,
		`{"name":"o\u001bp","outlet":"Ostwick Post"}`} {
		code, got := postJSON(t, api, "s3cret", body)
		if code != http.StatusBadRequest || !strings.Contains(got, "is no outlet name") {
			t.Errorf("POST %q = %d %s; want 400 naming the input", body, code, got)
		}
	}
	if list, err := st.OutletAliases(context.Background()); err != nil || len(list) != 0 {
		t.Errorf("aliases after the refused requests = %+v, %v; want none", list, err)
	}
}

// TestAliasNamesTooLongAreRefused: a name or an outlet longer than
// news.MaxAliasRunes is a 400 from the API and the form, saying how long
// it is and quoting only its start; the form's fields say the bound.
func TestAliasNamesTooLongAreRefused(t *testing.T) {
	ts, st := aliasServer(t, "s3cret")
	long := strings.Repeat("Marlow ", 40) // 280 characters
	api := ts.URL + "/api/v1/aliases"
	for _, body := range []string{`{"name":"` + long + `","outlet":"Marlow Courier"}`, `{"name":"mc","outlet":"` + long + `"}`, `{"name":"` + long + `","remove":true}`} {
		code, got := postJSON(t, api, "s3cret", body)
		if code != http.StatusBadRequest || !strings.Contains(got, "is 280 characters") || strings.Contains(got, long) {
			t.Errorf("POST of a 280-character name = %d %s; want 400 saying how long, without the whole name", code, got)
		}
	}
	resp, err := http.PostForm(ts.URL+"/sources", url.Values{"name": {long}, "outlet": {"Marlow Courier"}, "token": {"s3cret"}, "action": {"set"}})
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusBadRequest || !strings.Contains(string(b), "is 280 characters") {
		t.Errorf("form with a 280-character name = %d; want 400 saying how long", resp.StatusCode)
	}
	if want := fmt.Sprintf(`maxlength="%d"`, news.MaxAliasRunes); strings.Count(string(b), want) != 2 {
		t.Errorf("the form's name and outlet fields do not say %s", want)
	}
	if list, _ := st.OutletAliases(context.Background()); len(list) != 0 {
		t.Errorf("aliases after the refused requests = %+v; want none", list)
	}
}

// TestAStoryNamesAnAliasedOutletAsItsOutlet: after POST /api/v1/aliases
// files "op" under Ostwick Post, a story of both shows one outlet on its
// page and in the API's timeline, without adding anything again.
func TestAStoryNamesAnAliasedOutletAsItsOutlet(t *testing.T) {
	st := ostwickStory(t)
	srv, err := New(read.New(st, read.Options{}), Options{Token: "s3cret", Writer: Writer{Aliases: st}})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv.Handler())
	t.Cleanup(ts.Close)
	if _, body := get3(t, ts.URL+"/stories/s1"); !strings.Contains(body, ">op<") {
		t.Fatalf("the story page before the alias does not name op")
	}
	if code, got := postJSON(t, ts.URL+"/api/v1/aliases", "s3cret", `{"name":"op","outlet":"Ostwick Post"}`); code != http.StatusOK {
		t.Fatalf("POST alias = %d %s", code, got)
	}
	code, body := get3(t, ts.URL+"/stories/s1")
	if code != http.StatusOK || strings.Contains(body, ">op<") || strings.Contains(body, "Only in op") || !strings.Contains(body, "Ostwick Post") {
		t.Errorf("the story page after the alias = %d, still names op apart:\n%s", code, body)
	}
	_, body = get3(t, ts.URL+"/api/v1/stories/s1")
	var d news.StoryDetail
	if err := json.Unmarshal([]byte(body), &d); err != nil || len(d.Timeline) != 2 || d.Timeline[0].Source != "Ostwick Post" || d.Timeline[1].Source != "Ostwick Post" || d.Timeline[0].First {
		t.Errorf("/api/v1/stories/s1 after the alias: %v, timeline %+v; want Ostwick Post twice, no first report", err, d.Timeline)
	}
}

// An alias that moves stored articles wakes the projector: the story they
// are in is compared again at once, not at the projector's next round
// (here an hour away), so its page stops saying "being updated" and its
// first report follows the alias within seconds.
func TestAnAliasWakesTheProjector(t *testing.T) {
	st := ostwickStory(t)
	ctx, cancel := context.WithCancel(context.Background())
	projector := engine.NewProjector(st, engine.ProjectorOptions{Interval: time.Hour, Workers: 1})
	done := make(chan struct{})
	go func() { defer close(done); projector.Run(ctx) }()
	t.Cleanup(func() { cancel(); <-done })
	reader := read.New(st, read.Options{})
	reader.SetProjected(true)
	srv, err := New(reader, Options{Token: "s3cret", Writer: Writer{Aliases: st, Refiled: projector.Notify}})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv.Handler())
	t.Cleanup(ts.Close)
	story := func() news.StoryDetail {
		t.Helper()
		_, body := get3(t, ts.URL+"/api/v1/stories/s1")
		var d news.StoryDetail
		if err := json.Unmarshal([]byte(body), &d); err != nil {
			t.Fatalf("/api/v1/stories/s1: %v\n%s", err, body)
		}
		return d
	}
	waitFor := func(what string, ok func(news.StoryDetail) bool) {
		t.Helper()
		for end := time.Now().Add(20 * time.Second); ; time.Sleep(50 * time.Millisecond) {
			if d := story(); ok(d) {
				return
			} else if time.Now().After(end) {
				t.Fatalf("%s: the story stayed %+v", what, d.Timeline)
			}
		}
	}
	waitFor("first comparison", func(d news.StoryDetail) bool { return !d.Updating && len(d.Timeline) == 2 && d.Timeline[0].First })
	if code, got := postJSON(t, ts.URL+"/api/v1/aliases", "s3cret", `{"name":"op","outlet":"Ostwick Post"}`); code != http.StatusOK {
		t.Fatalf("POST alias = %d %s", code, got)
	}
	waitFor("after the alias", func(d news.StoryDetail) bool { return !d.Updating && len(d.Timeline) == 2 && !d.Timeline[0].First })
}

// ostwickStory is a store holding story s1 of two reports an hour apart:
// o1 of Ostwick Post and o2 of "op", an outlet no alias files anywhere yet.
func ostwickStory(t *testing.T) *sqlite.Store {
	t.Helper()
	st := tempStore(t)
	at := time.Date(2026, 2, 1, 9, 0, 0, 0, time.UTC)
	for i, a := range []news.Article{
		{ID: "o1", Source: "Ostwick Post", Title: "Bridge shut", Text: "The river bridge is shut for repairs."},
		{ID: "o2", Source: "op", Title: "Bridge shut", Text: "Repairs to the river bridge will take three months."},
	} {
		a.Published = at.Add(time.Duration(i) * time.Hour)
		save(t, st, at.Add(time.Duration(i)*time.Hour), news.Placement{Article: a,
			Membership: news.Membership{ArticleID: a.ID, StoryID: "s1"}, ContentHash: a.ID})
	}
	return st
}

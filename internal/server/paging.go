package server

import (
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/storyline-news/storyline/internal/news"
)

// Page is where a page of a list stands in the whole list, with the links
// to the pages around it: what every list of the UI shows ("1–50 of 1,234",
// previous, next) and the API returns (total, next).
type Page struct {
	Total, Offset, Limit int
	// path and query are the list's address without its offset.
	path  string
	query url.Values
}

func newPage(r *http.Request, total, offset, limit int) Page {
	q := url.Values{}
	for k, v := range r.URL.Query() {
		if k != "offset" && len(v) > 0 && strings.TrimSpace(v[0]) != "" {
			q[k] = v[:1]
		}
	}
	return Page{Total: total, Offset: offset, Limit: limit, path: r.URL.EscapedPath(), query: q}
}

// First and Last number the page's first and last items from 1; both 0
// when the page is empty.
func (p Page) First() int {
	if p.Offset >= p.Total {
		return 0
	}
	return p.Offset + 1
}

func (p Page) Last() int { return min(p.Offset+p.Limit, p.Total) }

// Says is "1–50 of 1,234".
func (p Page) Says() string {
	if p.First() == 0 {
		return fmt.Sprintf("none of %s", thousands(p.Total))
	}
	return fmt.Sprintf("%s–%s of %s", thousands(p.First()), thousands(p.Last()), thousands(p.Total))
}

// Prev and Next are the addresses of the pages around this one, "" when
// there is none.
func (p Page) Prev() string {
	switch {
	case p.Offset == 0:
		return ""
	case p.Offset >= p.Total && p.Total > 0:
		// Past the end: back to the last page that has items.
		return p.at((p.Total - 1) / p.Limit * p.Limit)
	}
	return p.at(max(0, p.Offset-p.Limit))
}

func (p Page) Next() string {
	if p.Offset+p.Limit >= p.Total {
		return ""
	}
	return p.at(p.Offset + p.Limit)
}

func (p Page) at(offset int) string {
	q := url.Values{}
	for k, v := range p.query {
		q[k] = v
	}
	if offset > 0 {
		q.Set("offset", strconv.Itoa(offset))
	}
	if len(q) == 0 {
		return p.path
	}
	return p.path + "?" + q.Encode()
}

// Many reports whether the list needs more than one page.
func (p Page) Many() bool { return p.Total > p.Limit || p.Offset > 0 }

// setHeaders gives an API list's page in headers as well: X-Total-Count
// and a Link header (RFC 8288) to the next and previous pages.
func (p Page) setHeaders(w http.ResponseWriter) {
	w.Header().Set("X-Total-Count", strconv.Itoa(p.Total))
	var links []string
	if n := p.Next(); n != "" {
		links = append(links, "<"+n+`>; rel="next"`)
	}
	if n := p.Prev(); n != "" {
		links = append(links, "<"+n+`>; rel="prev"`)
	}
	if len(links) > 0 {
		w.Header().Set("Link", strings.Join(links, ", "))
	}
}

// thousands writes n with commas between groups of three digits.
func thousands(n int) string {
	s := strconv.Itoa(n)
	if n < 0 {
		return "-" + thousands(-n)
	}
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// listFilter is what every list of stories is filtered by: words, an
// outlet, a publication range, and its page.
type listFilter struct {
	Q, Source    string
	Since, Until string // as given, for the forms
	From, To     time.Time
	Limit        int
	Offset       int
	ByUpdated    bool // order=updated: most recently updated first
}

// The query parameters each list takes. A list refuses (400) a parameter
// it does not take rather than answer as if it had filtered: a user who
// asks for an outlet's stories with q=... would otherwise take the whole
// page for the search's answer.
var (
	storyListTakes  = []string{"q", "source", "since", "until", "order", "limit", "offset", "with_total"}
	searchTakes     = []string{"q", "source", "since", "until", "limit", "offset"}
	sourcesTakes    = []string{"limit", "offset"}
	outletListTakes = []string{"since", "until", "role", "limit", "offset"}
	feedTakes       = []string{"q", "source", "since", "until", "limit"}
)

// listParameters are the parameters some list takes: asked of a list
// that does not take it, it is refused.
var listParameters = []string{"q", "source", "since", "until", "order", "role", "limit", "offset", "with_total"}

// onlyTakes refuses a query parameter with a value that is not among
// takes. An empty parameter asks for nothing, as a form's blank field
// sends it. The API refuses any other parameter (a misspelt filter would
// otherwise go unseen); a page of the UI refuses only the filters of other
// lists, so that a shared link that carries tracking parameters
// (utm_source, fbclid...) still opens.
func onlyTakes(r *http.Request, takes []string) error {
	api := strings.HasPrefix(r.URL.Path, "/api/")
	for k, vals := range r.URL.Query() {
		if slices.Contains(takes, k) || !api && !slices.Contains(listParameters, k) {
			continue
		}
		for _, x := range vals {
			if strings.TrimSpace(x) != "" {
				return &badRequest{fmt.Sprintf("parameter %q is not taken here: this address takes %s", k, strings.Join(takes, ", "))}
			}
		}
	}
	return nil
}

// parseList reads a list's filters: q, source, since and until (RFC 3339,
// a day, or for since a duration back from now such as 7d), order
// (published, the default, or updated), limit (1 to maxLimit) and offset,
// after refusing any parameter not in takes.
func (s *Server) parseList(r *http.Request, defLimit, maxLimit int, takes []string) (listFilter, error) {
	v := r.URL.Query()
	if err := onlyTakes(r, takes); err != nil {
		return listFilter{}, err
	}
	f := listFilter{Q: strings.TrimSpace(v.Get("q")), Source: strings.TrimSpace(v.Get("source")),
		Since: strings.TrimSpace(v.Get("since")), Until: strings.TrimSpace(v.Get("until")), Limit: defLimit}
	if f.Since != "" {
		t, err := feedTime(f.Since, s.now(), false)
		if err != nil {
			return f, &badRequest{fmt.Sprintf("since %q: %v, or a duration back from now (36h, 7d)", f.Since, err)}
		}
		f.From = t
	}
	if f.Until != "" {
		t, err := feedTime(f.Until, s.now(), true)
		if err != nil {
			return f, &badRequest{fmt.Sprintf("until %q: %v", f.Until, err)}
		}
		f.To = t
	}
	if !f.From.IsZero() && !f.To.IsZero() && !f.From.Before(f.To) {
		return f, &badRequest{fmt.Sprintf("since %q is not before until %q: the range holds no time", f.Since, f.Until)}
	}
	switch order := v.Get("order"); order {
	case "", "published":
	case "updated":
		f.ByUpdated = true
	default:
		return f, &badRequest{fmt.Sprintf("order %q must be published (when the news happened) or updated (when a story last changed)", order)}
	}
	for name, dst := range map[string]*int{"limit": &f.Limit, "offset": &f.Offset} {
		if raw := v.Get(name); raw != "" {
			n, err := strconv.Atoi(raw)
			switch {
			case name == "limit" && (err != nil || n < 1 || n > maxLimit):
				return f, &badRequest{fmt.Sprintf("limit %q must be a whole number from 1 to %d", raw, maxLimit)}
			case err != nil || n < 0:
				return f, &badRequest{fmt.Sprintf("offset %q must be a whole number, 0 or more", raw)}
			}
			*dst = n
		}
	}
	return f, nil
}

func (f listFilter) stories() news.StoryQuery {
	return news.StoryQuery{Q: f.Q, Source: f.Source, From: f.From, Until: f.To, ByPublished: !f.ByUpdated, Limit: f.Limit, Offset: f.Offset}
}

func (f listFilter) search() news.SearchQuery {
	return news.SearchQuery{Q: f.Q, Source: f.Source, From: f.From, Until: f.To, Limit: f.Limit, Offset: f.Offset}
}

// Filtered reports whether anything narrows the list.
func (f listFilter) Filtered() bool {
	return f.Q != "" || f.Source != "" || f.Since != "" || f.Until != ""
}

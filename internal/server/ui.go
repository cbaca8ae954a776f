package server

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"net/http"
	"net/url"
	"reflect"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/storyline-news/storyline/internal/news"
	"github.com/storyline-news/storyline/internal/text"
	"github.com/storyline-news/storyline/internal/view"
)

var funcs = template.FuncMap{
	// reloadSeconds is how often a story page whose comparison is being
	// made reloads itself.
	"reloadSeconds": func() int { return comparingReload },
	// published is a publication time whose precision its text carries
	// (news.ShowPublished: a timeline's, an article's): the day for a
	// date alone, the minute in UTC for a time, midnight too.
	"published": func(s string) string {
		t, dateOnly, ok := news.ReadPublished(s)
		switch {
		case !ok || t.IsZero():
			return "undated"
		case dateOnly:
			return t.Format("2 Jan 2006")
		}
		return t.Format("2 Jan 2006 15:04 UTC")
	},
	// date is a stored time whose precision was not read with it (a
	// story's span, a search hit's, when a story was loaded): midnight
	// UTC is taken for a date alone, as before precisions were kept.
	"date": func(s string) string {
		t, ok := news.ParsePublished(s)
		if !ok || t.IsZero() {
			return "undated"
		}
		if t.Hour() == 0 && t.Minute() == 0 {
			return t.Format("2 Jan 2006")
		}
		return t.Format("2 Jan 2006 15:04 UTC")
	},
	// days is a story's span in a list, by day: its first day, and its
	// last when another ("14 Sep 2000", not "14 Sep 2000 19:44 UTC –
	// 14 Sep 2000 20:01 UTC"); none when undated.
	"days": func(first, last string) []string {
		a, okA := news.ParsePublished(first)
		if !okA || a.IsZero() {
			return nil
		}
		days := []string{a.Format("2 Jan 2006")}
		if b, ok := news.ParsePublished(last); ok && !b.IsZero() && b.Format("2 Jan 2006") != days[0] {
			days = append(days, b.Format("2 Jan 2006"))
		}
		return days
	},
	"join": strings.Join,
	// upto and after split a list where a page folds it: the first n
	// shown, the rest in a <details> element.
	"upto":  func(n int, list any) any { return sliceOf(list, 0, n) },
	"after": func(n int, list any) any { return sliceOf(list, n, -1) },
	"inc":   func(i int) int { return i + 1 },
	"n":     thousands, // 1,234
	"sub":   func(a, b int) int { return a - b },
	// trunc shortens a chart's label to n columns, with an ellipsis
	// (text.CutToWidth: a Han character counts two, a cut keeps a letter's
	// marks and an emoji sequence whole).
	"trunc": func(n int, s string) string { return text.CutToWidth(s, n) },
	// outletNotice is what the "unknownoutlet" template says: an outlet
	// filter's name that is no stored outlet, and the close ones.
	"outletNotice": func(name string, close []outletSuggestion) map[string]any {
		return map[string]any{"Name": name, "Close": close}
	},
	// outletKey links an outlet's name to its page (/sources/{key}).
	// ("" for the unknown outlet, which has no page).
	"outletKey": func(name string) string {
		if name == news.UnknownOutlet {
			return ""
		}
		return news.OutletKey(name)
	},
	// seg escapes an id as one path segment: an id with "/" (JSONL sets
	// name articles "set/123") links to /articles/set%2F123, which the
	// routes read back whole.
	"seg": url.PathEscape,
	"when": func(t time.Time) string {
		if t.IsZero() {
			return "never"
		}
		return t.UTC().Format("2 Jan 2006 15:04 UTC")
	},
	// whenCell is when for a table cell: its day and its time each kept
	// on one line (class nowrap), so that a narrow column breaks a date
	// between the two at most, not a word a line.
	"whenCell": func(t time.Time) template.HTML {
		if t.IsZero() {
			return "never"
		}
		t = t.UTC()
		return template.HTML(`<span class="nowrap">` + t.Format("2 Jan 2006") + `</span> <span class="nowrap">` + t.Format("15:04 UTC") + `</span>`)
	},
}

func (s *Server) render(w http.ResponseWriter, r *http.Request, status int, page string, data any) {
	var buf bytes.Buffer
	if err := s.pages[page].Execute(&buf, data); err != nil {
		s.logger.Error("render page", "page", page, "err", err)
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}

func (s *Server) htmlError(w http.ResponseWriter, r *http.Request, err error) {
	status, msg := s.describe(r, err)
	if status == http.StatusInternalServerError {
		msg = "Something went wrong on our side."
	}
	if status == http.StatusServiceUnavailable && w.Header().Get("Retry-After") == "" {
		w.Header().Set("Retry-After", "5")
	}
	var nf *notFound
	var outlet string
	var close []outletSuggestion
	if errors.As(err, &nf) {
		outlet, close = nf.outlet, nf.close
	}
	s.render(w, r, status, "error", map[string]any{"Title": http.StatusText(status), "Status": status, "Message": msg,
		"Outlet": outlet, "CloseOutlets": close})
}

// unstored says in a reader's words that no story or article (what) of
// the id asked for is stored, where the store's error ("store: read story
// x: not found") names the query that failed; other errors pass as they
// are.
func unstored(what, id string, err error) error {
	if !errors.Is(err, news.ErrNotFound) {
		return err
	}
	return &notFound{msg: fmt.Sprintf("No %s “%s” is stored: the address may be mistyped, or the database is another than the one it was found in.", what, graphicOnly(id))}
}

// graphicOnly is s without the characters that print nothing or turn the
// text around it (controls, bidirectional overrides), so that an id quoted
// to a reader reads as typed: Go's %q showed an id's quotation mark as \"
// ("nope\"x").
func graphicOnly(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsGraphic(r) {
			return r
		}
		return -1
	}, s)
}

func (s *Server) story(w http.ResponseWriter, r *http.Request) {
	d, err := s.read.Story(r.Context(), r.PathValue("id"))
	var merged *news.MergedError
	if errors.As(err, &merged) {
		http.Redirect(w, r, "/stories/"+url.PathEscape(merged.Into), http.StatusMovedPermanently)
		return
	}
	if err != nil {
		s.htmlError(w, r, unstored("story", r.PathValue("id"), err))
		return
	}
	notKeptWhileComparing(w, d)
	s.render(w, r, http.StatusOK, "story", view.NewStory(d))
}

// comparingReload is how many seconds apart a story page whose first
// comparison is being made reloads itself (and when the API's answer says
// to ask again, Retry-After): a 28-article story took 2.7 s of CPU to
// compare (s38-ux), so a reader sees it within a reload or two.
const comparingReload = 3

// notKeptWhileComparing marks the answer for a story whose comparison is
// being made (news.StoryDetail.Comparing) as one to make again: neither the
// page cache nor a browser keeps it, and Retry-After says when to ask.
func notKeptWhileComparing(w http.ResponseWriter, d news.StoryDetail) {
	if d.Comparing {
		w.Header().Set("Cache-Control", "no-store")
		w.Header().Set("Retry-After", strconv.Itoa(comparingReload))
	}
}

func (s *Server) article(w http.ResponseWriter, r *http.Request) {
	d, err := s.read.Article(r.Context(), r.PathValue("id"))
	if err != nil {
		s.htmlError(w, r, unstored("article", r.PathValue("id"), err))
		return
	}
	a := d.Article
	title, _ := news.TitleOrLead(a)
	lead := ""
	if a.Title == "" {
		lead = title
	}
	if title == "" {
		title = "Untitled article"
	}
	s.render(w, r, http.StatusOK, "article", map[string]any{
		"Title": title, "Lead": lead, "Article": a, "Published": news.ShowPublished(a.Published, a.DateOnly), "Paragraphs": a.Paragraphs(),
		"Story": d.Story, "Removed": d.Removed,
		"Outlet": a.ShownOutlet(), "OutletKey": articleOutletKey(a),
	})
}

func (s *Server) feeds(w http.ResponseWriter, r *http.Request) {
	list, err := s.read.Feeds(r.Context())
	if err != nil {
		s.htmlError(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "feeds", map[string]any{"Title": "Feeds", "Feeds": list})
}

// homeFeedQuery is the query string of the feeds of what the home page
// shows (its q, source, since and until, which the feeds read alike) and a few
// words saying so; both empty when the page is unfiltered.
func homeFeedQuery(r *http.Request) (query, says string) {
	v, kept := url.Values{}, []string{}
	for _, k := range []string{"q", "source", "since", "until"} {
		if x := strings.TrimSpace(r.URL.Query().Get(k)); x != "" {
			v.Set(k, x)
			kept = append(kept, k+" "+x)
		}
	}
	return v.Encode(), strings.Join(kept, ", ")
}

// sliceOf is list[from:to] of any slice (to < 0: its end), clamped to its
// length; nil when that is empty.
func sliceOf(list any, from, to int) any {
	v := reflect.ValueOf(list)
	if v.Kind() != reflect.Slice {
		return nil
	}
	n := v.Len()
	if to < 0 || to > n {
		to = n
	}
	if from >= to {
		return nil
	}
	return v.Slice(from, to).Interface()
}

// articleOutletKey is the key of the outlet an article is filed under, as
// the read side set it (an alias's outlet), else its own key.
func articleOutletKey(a news.Article) string {
	if a.OutletKey != "" {
		return a.OutletKey
	}
	return news.ArticleOutletKey(a.Source, a.URL)
}

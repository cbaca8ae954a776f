package server

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/storyline-news/storyline/internal/news"
)

// maxAliasBody bounds the body of POST /api/v1/aliases and of the sources
// page's alias form: two names, which `storyline sources alias` takes of
// any length (a 105,000-character name was stored in session 36's probe),
// so 1 MB leaves room for any name a user types and refuses a flood.
const maxAliasBody = 1 << 20

// aliasRequest is the body of POST /api/v1/aliases: name filed under
// outlet, or (remove) name parted from the outlet it is filed under, as
// `storyline sources alias NAME OUTLET` and `--remove NAME` take them.
type aliasRequest struct {
	Name   string `json:"name"`
	Outlet string `json:"outlet"`
	Remove bool   `json:"remove"`
}

// decodeAliasRequest reads a body that is one alias request and nothing
// else, and checks that it names what its kind needs: a name, and an
// outlet unless it removes (and none when it does).
func decodeAliasRequest(body io.Reader) (aliasRequest, error) {
	req, err := decodeOneObject[aliasRequest](body)
	if err != nil {
		return req, err
	}
	return req, req.check()
}

// check tells a request that lacks what its kind needs, or whose name or
// outlet is too long to be an outlet's (news.CheckAliasName).
func (req aliasRequest) check() error {
	if err := news.CheckAliasName(`"name"`, req.Name); err != nil {
		return err
	}
	if err := news.CheckAliasName(`"outlet"`, req.Outlet); err != nil {
		return err
	}
	switch {
	case req.Name == "":
		return errors.New(`give "name", the name to file (and "outlet", or "remove": true)`)
	case req.Remove && req.Outlet != "":
		return fmt.Errorf(`"remove" parts %q from the outlet it is filed under: give no "outlet" with it`, req.Name)
	case !req.Remove && req.Outlet == "":
		return fmt.Errorf(`give the "outlet" to file %q under (or "remove": true to part it)`, req.Name)
	case !isName(req.Name):
		return fmt.Errorf(`"name" %q is no outlet name: it is not UTF-8 text or has a control character`, req.Name)
	case !isName(req.Outlet):
		return fmt.Errorf(`"outlet" %q is no outlet name: it is not UTF-8 text or has a control character`, req.Outlet)
	}
	return nil
}

// isName reports whether s can be an outlet's name as typed: UTF-8 text
// without control characters. A NUL or a byte that is not UTF-8 (a form
// sends any bytes) cannot be stored by PostgreSQL, which failed the
// request with an internal error, while SQLite stored it; a tab or line
// break is in no name a user types on one line.
func isName(s string) bool {
	return utf8.ValidString(s) && !strings.ContainsFunc(s, unicode.IsControl)
}

// aliasAnswer is what an alias write answers, as `storyline sources alias
// --json` prints it, with the stored outlets close to an outlet that no
// stored article has (the alias is kept for the articles to come).
type aliasAnswer struct {
	news.OutletAlias
	Removed     bool               `json:"removed"`
	Moved       int                `json:"articles_moved"`
	Suggestions []outletSuggestion `json:"outlet_suggestions,omitempty"`
}

// changeAlias stores or removes the alias req asks for, through the
// server's alias writer, forgets the kept pages (they show the outlets as
// they were) and, when articles moved, wakes the projector (Refiled). A request the alias rules refuse (a name with no
// letters, an alias of an outlet to itself, a loop) is a bad request, its
// message the one the CLI gives.
func (s *Server) changeAlias(ctx context.Context, req aliasRequest) (aliasAnswer, error) {
	var res aliasAnswer
	var err error
	if req.Remove {
		res.OutletAlias, res.Moved, err = s.writer.Aliases.RemoveOutletAlias(ctx, req.Name)
		res.Removed = true
	} else {
		res.OutletAlias, res.Moved, err = s.writer.Aliases.SetOutletAlias(ctx, req.Name, req.Outlet)
	}
	if err == nil {
		s.Forget()
		if res.Moved > 0 && s.writer.Refiled != nil {
			s.writer.Refiled()
		}
	}
	if errors.Is(err, news.ErrSameOutlet) || errors.Is(err, news.ErrNoOutletKey) || errors.Is(err, news.ErrNameTooLong) || errors.Is(err, news.ErrNamelessLabel) {
		err = &badRequest{err.Error()}
	}
	return res, err
}

// authorizeAliases checks that alias writes are on and token is the
// server's (or the writer lock's secret).
func (s *Server) authorizeAliases(token string) error {
	if s.writer.Aliases == nil {
		return errWritesOff
	}
	return s.checkToken(token)
}

// apiAliases lists the stored outlet aliases, by alias: the user's, the
// "the" domains' joinings and the names kept apart.
func (s *Server) apiAliases(w http.ResponseWriter, r *http.Request) {
	list, err := s.read.OutletAliases(r.Context())
	if err != nil {
		s.jsonError(w, r, err)
		return
	}
	if list == nil {
		list = []news.OutletAlias{}
	}
	s.writeJSON(w, http.StatusOK, list)
}

// postAlias stores or removes an outlet alias (POST /api/v1/aliases),
// with the API's bearer token, and answers what moved.
func (s *Server) postAlias(w http.ResponseWriter, r *http.Request) {
	if err := s.authorizeAliases(bearer(r)); err != nil {
		s.jsonError(w, r, err)
		return
	}
	req, err := decodeAliasRequest(http.MaxBytesReader(w, r.Body, maxAliasBody))
	if err != nil {
		var tooLarge *http.MaxBytesError
		if errors.As(err, &tooLarge) {
			s.jsonError(w, r, errAliasTooLarge)
			return
		}
		s.jsonError(w, r, &badRequest{"body is not an alias request: " + err.Error()})
		return
	}
	res, err := s.changeAlias(r.Context(), req)
	if err != nil {
		s.jsonError(w, r, err)
		return
	}
	if !req.Remove {
		if unknown, close := s.unknownSource(r, req.Outlet); unknown {
			res.Suggestions = close
		}
	}
	s.writeJSON(w, http.StatusOK, res)
}

// errAliasTooLarge is the answer to an alias request over maxAliasBody.
var errAliasTooLarge = fmt.Errorf("alias request larger than %d MB", maxAliasBody>>20)

// aliasForm is the sources page's alias form: whether alias writes are on,
// what it was sent (refilled after an error; never the token), and what
// the last change did or why it was refused.
type aliasForm struct {
	Writes       bool
	Name, Outlet string
	Done         string             // what the change did, in the CLI's words
	Error        string             // why it was refused
	Unknown      string             // the outlet named, when it is no stored one
	Close        []outletSuggestion // then the stored outlets close to it
}

// aliasRow is an alias as the sources page lists it: the name given, the
// outlet its articles are filed under (key, and the name the outlet is
// shown under, or the key when no stored article has it), and the outlet
// named when that one is itself an alias.
type aliasRow struct {
	Name, Outlet, Shown, Named string
	KeptApart                  bool
}

// shownAliases are the aliases the sources page lists: the user's, and
// the names kept apart (a "the" domain's automatic joining is shown by
// its outlet's row, not here), each outlet under the name its row has
// (shown, by key).
func shownAliases(all []news.OutletAlias, shown map[string]string) []aliasRow {
	var out []aliasRow
	for _, a := range all {
		if !a.Given {
			continue
		}
		row := aliasRow{Name: a.Name, Outlet: a.Outlet, Shown: cmp.Or(shown[a.Outlet], a.Outlet), KeptApart: a.KeptApart()}
		if a.Named != a.Outlet {
			row.Named = cmp.Or(shown[a.Named], a.Named)
		}
		out = append(out, row)
	}
	return out
}

// sourcesForm takes the sources page's alias form (POST /sources): name
// and outlet, the server's token, and action "remove" to part name from
// its outlet; it answers with the sources page saying what changed, or,
// with the request's status, why nothing did.
func (s *Server) sourcesForm(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, maxAliasBody)
	if err := r.ParseForm(); err != nil {
		var tooLarge *http.MaxBytesError
		if errors.As(err, &tooLarge) {
			err = errAliasTooLarge
		} else {
			err = &badRequest{"the form could not be read: " + err.Error()}
		}
		s.refuseAliasForm(w, r, aliasForm{}, err)
		return
	}
	req := aliasRequest{Name: r.PostFormValue("name"), Outlet: r.PostFormValue("outlet"), Remove: r.PostFormValue("action") == "remove"}
	form := aliasForm{Name: req.Name, Outlet: req.Outlet}
	if req.Remove {
		req.Outlet = "" // removing reads the name alone
	}
	if err := s.authorizeAliases(r.PostFormValue("token")); err != nil {
		s.refuseAliasForm(w, r, form, err)
		return
	}
	if err := req.check(); err != nil {
		s.refuseAliasForm(w, r, form, &badRequest{err.Error()})
		return
	}
	res, err := s.changeAlias(r.Context(), req)
	if err != nil {
		s.refuseAliasForm(w, r, form, err)
		return
	}
	form = aliasForm{Done: aliasDone(req.Name, res)}
	if !req.Remove {
		if unknown, close, err := s.read.UnknownOutlet(r.Context(), req.Outlet); err == nil && unknown {
			form.Unknown, form.Close = req.Outlet, outletPages(close)
		}
	}
	s.renderSources(w, r, http.StatusOK, form)
}

// refuseAliasForm answers the alias form with the sources page, err's
// status and message (an internal error's message is not shown).
func (s *Server) refuseAliasForm(w http.ResponseWriter, r *http.Request, form aliasForm, err error) {
	status, msg := s.describe(r, err)
	switch {
	case status == http.StatusInternalServerError:
		msg = "Something went wrong on our side: the alias was not changed."
	case errors.Is(err, errUnauthorized): // the API's words ask for a header the form has no way to send
		msg = errFormToken
	}
	form.Error = msg
	s.renderSources(w, r, status, form)
}

// errFormToken is the alias form's answer to a missing or wrong token.
const errFormToken = "The token is missing or wrong: type the token the server was started with (storyline serve --token). The alias was not changed."

// aliasDone says what an alias change did, in the words of `storyline
// sources alias`.
func aliasDone(name string, res aliasAnswer) string {
	moved := "1 article moved"
	if res.Moved != 1 {
		moved = fmt.Sprintf("%d articles moved", res.Moved)
	}
	switch {
	case res.Removed && !res.Given:
		return fmt.Sprintf("%s kept apart from %s (%s)", name, res.Outlet, moved)
	case res.Removed:
		return fmt.Sprintf("%s no longer filed under %s (%s)", name, res.Outlet, moved)
	case res.Named != res.Outlet:
		return fmt.Sprintf("%s filed under %s, through %s (%s)", name, res.Outlet, res.Named, moved)
	}
	return fmt.Sprintf("%s filed under %s (%s)", name, res.Outlet, moved)
}

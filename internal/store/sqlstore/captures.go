package sqlstore

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/storyline-news/storyline/internal/news"
)

// An article's captures after its first (news.Article.MoreCaptures) are
// kept in the articles' captures column as a JSON array of news.Capture,
// "" when there are none: a page found in several archives, or twice in
// one, is stored once and keeps every record it was found in.

// CapturesColumn is the captures column of an article: its captures
// after the first as JSON, "" when it has none.
func CapturesColumn(a news.Article) (string, error) {
	if len(a.MoreCaptures) == 0 {
		return "", nil
	}
	b, err := json.Marshal(a.MoreCaptures)
	if err != nil {
		return "", fmt.Errorf("captures of article %s: %w", a.ID, err)
	}
	return string(b), nil
}

// ParseCaptures reads a captures column ("" is none).
func ParseCaptures(column string) ([]news.Capture, error) {
	if column == "" {
		return nil, nil
	}
	var out []news.Capture
	if err := json.Unmarshal([]byte(column), &out); err != nil {
		return nil, fmt.Errorf("stored captures %.60q: %w", column, err)
	}
	return out, nil
}

// AddCaptures gives each named article its captures when the article
// does not have them (news.Article.AddCapture: the first as its first
// when it has none), in tx, in the order found. Each article is read and
// written once however many of its captures the write found (a page a
// crawl fetched thousands of times), as each read parses the captures
// kept so far. A capture of an article that is not stored is passed over:
// the article was deleted since it was found.
func AddCaptures(ctx context.Context, tx Tx, captures []news.ArticleCapture) error {
	var order []string
	byArticle := map[string][]news.Capture{}
	for _, ac := range captures {
		if _, ok := byArticle[ac.Article]; !ok {
			order = append(order, ac.Article)
		}
		byArticle[ac.Article] = append(byArticle[ac.Article], ac.Capture)
	}
	for _, id := range order {
		if err := addCaptures(ctx, tx, id, byArticle[id]); err != nil {
			return Fail("add capture of article", id, err)
		}
	}
	return nil
}

// addCaptures gives one article its captures.
func addCaptures(ctx context.Context, tx Tx, id string, captures []news.Capture) error {
	a := news.Article{ID: id}
	var more string
	err := tx.QueryRow(ctx, "SELECT capture_archive, capture_record, capture_uri, capture_offset, captures FROM articles WHERE id = $1", id).
		Scan(&a.Capture.Archive, &a.Capture.RecordID, &a.Capture.TargetURI, &a.Capture.Offset, &more)
	if errors.Is(err, ErrNoRows) {
		return nil
	}
	if err != nil {
		return err
	}
	if a.MoreCaptures, err = ParseCaptures(more); err != nil {
		return err
	}
	added := false
	for _, c := range captures {
		added = a.AddCapture(c) || added
	}
	if !added {
		return nil
	}
	if more, err = CapturesColumn(a); err != nil {
		return err
	}
	_, err = tx.Exec(ctx, "UPDATE articles SET capture_archive = $1, capture_record = $2, capture_uri = $3, capture_offset = $4, captures = $5 WHERE id = $6",
		a.Capture.Archive, a.Capture.RecordID, a.Capture.TargetURI, a.Capture.Offset, more, a.ID)
	return err
}

// RawArticles returns the articles extracted from the raw input with
// this digest (news.Digest), in the order stored; q is the writer's
// connection, which sees what it wrote.
func RawArticles(ctx context.Context, q Querier, digest string) ([]news.ArticleRef, error) {
	var out []news.ArticleRef
	err := each(ctx, q, func(rows Rows) error {
		var r news.ArticleRef
		if err := rows.Scan(&r.ID, &r.Title, &r.URL); err != nil {
			return err
		}
		out = append(out, r)
		return nil
	}, "SELECT a.id, a.title, a.url FROM articles a JOIN raw_inputs r ON a.raw_id = r.id WHERE r.sha256 = $1 ORDER BY a.seq", digest)
	return out, Fail("look up articles of raw input", digest, err)
}

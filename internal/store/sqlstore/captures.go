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

// AddCaptures gives each named article its capture when the article does
// not have it (news.Article.AddCapture: as its first when it has none),
// in tx. A capture of an article that is not stored is passed over: the
// article was deleted since it was found.
func AddCaptures(ctx context.Context, tx Tx, captures []news.ArticleCapture) error {
	for _, ac := range captures {
		if err := addCapture(ctx, tx, ac); err != nil {
			return Fail("add capture of article", ac.Article, err)
		}
	}
	return nil
}

// addCapture gives one article one capture.
func addCapture(ctx context.Context, tx Tx, ac news.ArticleCapture) error {
	a := news.Article{ID: ac.Article}
	var more string
	err := tx.QueryRow(ctx, "SELECT capture_archive, capture_record, capture_uri, capture_offset, captures FROM articles WHERE id = $1", ac.Article).
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
	if !a.AddCapture(ac.Capture) {
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

package sqlstore

import (
	"context"
	"fmt"
	"testing"

	"github.com/storyline-news/storyline/internal/news"
)

// countingTx is a Tx over one stored article, counting the reads and
// writes of its captures.
type countingTx struct {
	reads, writes int
	column        string // the article's captures column as last written
}

func (c *countingTx) Query(context.Context, string, ...any) (Rows, error) {
	return nil, fmt.Errorf("not read")
}

func (c *countingTx) QueryRow(_ context.Context, _ string, _ ...any) Row {
	c.reads++
	return capturesRow{c.column}
}

func (c *countingTx) Exec(_ context.Context, _ string, args ...any) (int64, error) {
	c.writes++
	c.column = args[4].(string)
	return 1, nil
}

// capturesRow is the captures columns of an article with no first capture.
type capturesRow struct{ more string }

func (r capturesRow) Scan(dest ...any) error {
	*dest[0].(*string), *dest[1].(*string), *dest[2].(*string) = "", "", ""
	*dest[3].(*int64) = 0
	*dest[4].(*string) = r.more
	return nil
}

// TestAddCapturesReadsAndWritesAnArticleOnce: the captures of one write
// found for one article (a page a crawl fetched 400 times) are added in
// one read and one write of the article, not one each: each read parses
// the captures kept so far, so 4,000 copies of one page took 146 s to add.
func TestAddCapturesReadsAndWritesAnArticleOnce(t *testing.T) {
	var found []news.ArticleCapture
	for i := range 400 {
		found = append(found, news.ArticleCapture{Article: "a1", Capture: news.Capture{Archive: "crawl.warc", RecordID: fmt.Sprintf("<urn:uuid:%d>", i)}})
	}
	tx := &countingTx{}
	if err := AddCaptures(context.Background(), tx, found); err != nil {
		t.Fatal(err)
	}
	if tx.reads != 1 || tx.writes != 1 {
		t.Errorf("400 captures of one article: %d reads and %d writes, want 1 and 1", tx.reads, tx.writes)
	}
	more, err := ParseCaptures(tx.column)
	if err != nil || len(more) != 399 || more[398].RecordID != "<urn:uuid:399>" {
		t.Errorf("captures kept after the first: %d, %v; want 399, the last <urn:uuid:399>", len(more), err)
	}
}

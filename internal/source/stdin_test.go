package source

import (
	"context"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/storyline-news/storyline/internal/news"
)

func readStdin(t *testing.T, stdin string, opt Options) ([]news.Input, []error) {
	t.Helper()
	opt.Stdin = strings.NewReader(stdin)
	var ins []news.Input
	var errs []error
	for in, err := range Read(context.Background(), []string{"-"}, opt) {
		if err != nil {
			errs = append(errs, err)
			continue
		}
		ins = append(ins, in)
	}
	return ins, errs
}

// "-" reads the standard input, whatever it holds, told by its first bytes.
func TestStdinIsReadByWhatItHolds(t *testing.T) {
	jsonl := `{"id":"a1","title":"Strike ends","text":"Dockworkers voted."}` + "\n" + `{"id":"a2","title":"Fire","text":"A fire."}` + "\n"
	ins, errs := readStdin(t, jsonl, Options{})
	if len(errs) != 0 || len(ins) != 2 || ins[0].Article == nil || ins[0].Article.ID != "a1" || ins[1].Name != "stdin:2" {
		t.Errorf("JSONL on stdin: %+v, %v", ins, errs)
	}

	ins, errs = readStdin(t, strikePage, Options{Source: "The Harbor Ledger"})
	if len(errs) != 0 || len(ins) != 1 || ins[0].Page == nil || ins[0].Page.Kind != news.KindHTML || !strings.HasPrefix(ins[0].Page.ID, "stdin-") || ins[0].Page.Source != "The Harbor Ledger" {
		t.Fatalf("a page on stdin: %+v, %v", ins, errs)
	}
	again, _ := readStdin(t, strikePage, Options{})
	other, _ := readStdin(t, strikeDump, Options{})
	if again[0].Page.ID != ins[0].Page.ID || other[0].Page.ID == ins[0].Page.ID || other[0].Page.Kind != news.KindText {
		t.Errorf("ids: the same page %q and %q, another %q (%s)", ins[0].Page.ID, again[0].Page.ID, other[0].Page.ID, other[0].Page.Kind)
	}

	warc := "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://ledger.example/strike\r\nContent-Type: application/http; msgtype=response\r\n" +
		"Content-Length: " + itoa(len("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n"+strikePage)) + "\r\n\r\n" +
		"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + strikePage + "\r\n\r\n"
	ins, errs = readStdin(t, warc, Options{})
	if len(errs) != 0 || len(ins) != 1 || ins[0].Page == nil || ins[0].Page.URL != "https://ledger.example/strike" {
		t.Errorf("a WARC on stdin: %+v, %v", ins, errs)
	}

	if _, errs = readStdin(t, "  \n", Options{}); len(errs) != 1 || !strings.Contains(errs[0].Error(), "stdin: empty") {
		t.Errorf("empty stdin: %v", errs)
	}
}

// A file whose name says nothing (/dev/stdin, a pipe) holding article JSONL
// is read as JSONL, not stored as one page of JSON text.
func TestJSONLInAFileWithoutExtension(t *testing.T) {
	path := filepath.Join(t.TempDir(), "stdin")
	write(t, path, `{"id":"a1","title":"Strike ends","text":"Dockworkers voted."}`+"\n")
	ins, errs := collect(t, []string{path})
	if len(errs) != 0 || len(ins) != 1 || ins[0].Article == nil || ins[0].Article.ID != "a1" {
		t.Errorf("JSONL without extension: %+v, %v", ins, errs)
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

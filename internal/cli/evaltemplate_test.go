package cli

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// inventedParishPlea is a line an invented site prints in every story: prose
// the line classifier keeps on one page read alone.
const inventedParishPlea = "The Marsh Valley Courier has been printed in the old mill since the flood, and its two reporters have sat through every meeting of the parish council since then."

// writeSiteSet writes a set of text dumps in the benchmark layout: four
// stories of one host, each with the site's plea, and one story of another
// host; the gold is each story without the plea.
func writeSiteSet(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "siteset")
	if err := os.MkdirAll(filepath.Join(dir, "text"), 0o755); err != nil {
		t.Fatal(err)
	}
	type gold struct {
		ArticleBody string `json:"articleBody"`
		URL         string `json:"url"`
	}
	truth := map[string]gold{}
	for i := range 5 {
		host := "courier.example"
		if i == 4 {
			host = "elsewhere.example"
		}
		paras := []string{
			fmt.Sprintf("The lock keepers of the upper canal opened gate %d on Monday after a week of repairs to its cracked hinges.", i+3),
			fmt.Sprintf("Barge crews had waited %d days at the basin, and several said they had moved their cargo to lorries instead.", i+4),
			fmt.Sprintf("The canal trust said gate %d would be inspected again in the spring, when the water is at its lowest.", i+3),
		}
		id := fmt.Sprintf("p%d", i)
		writeGzip(t, filepath.Join(dir, "text", id+".txt.gz"), "Canal gate reopens\n"+paras[0]+"\n"+paras[1]+"\n"+inventedParishPlea+"\n"+paras[2]+"\n")
		truth[id] = gold{ArticleBody: strings.Join(paras, "\n"), URL: fmt.Sprintf("https://%s/canal/%s", host, id)}
	}
	raw, err := json.Marshal(truth)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "ground-truth.json"), raw, 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestEvalExtractSiteTemplateScoresPagesAloneAndWithTheirHostsTemplate(t *testing.T) {
	set := writeSiteSet(t)
	out, errOut, code := storyline(t, "eval", "extract", "--text", "--site-template", "--show-template", "1", "--workers", "1", set)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	figure := regexp.MustCompile(`siteset\s+(\d+) pages\s+F1 ([0-9.]+) -> ([0-9.]+)`)
	found := figure.FindAllStringSubmatch(out, -1)
	if len(found) != 2 {
		t.Fatalf("want the set's line for all pages and for those with host peers, got\n%s", out)
	}
	for k, want := range []string{"5", "4"} {
		alone, _ := strconv.ParseFloat(found[k][2], 64)
		with, _ := strconv.ParseFloat(found[k][3], 64)
		if found[k][1] != want || with <= alone {
			t.Errorf("line %d: %s pages F1 %.4f -> %.4f; want %s pages and the template to raise F1 (it drops the plea)", k, found[k][1], alone, with, want)
		}
	}
	if !strings.Contains(out, "pages the template changed: 4 (F1 up 4, down 0") || !strings.Contains(out, "  - "+inventedParishPlea[:60]) {
		t.Errorf("want the 4 pages of the host changed, the plea shown removed; got\n%s", out)
	}
	for _, args := range [][]string{
		{"--show-template", "3"},
		{"--site-template", "--cv", "--show-template", "3"},
		{"--site-template", "--fold-models", t.TempDir(), "--model", "x.json"},
	} {
		_, errOut, code := storyline(t, append(append([]string{"eval", "extract", "--text"}, args...), set)...)
		if code != 2 {
			t.Errorf("%v: exit %d, %q; want a usage error", args, code, errOut)
		}
	}
	_, errOut, code = storyline(t, "eval", "extract", "--text", "--site-template", "--fold-models", t.TempDir(), set)
	if code == 0 || !strings.Contains(errOut, "site-fold-F-of-K.json") {
		t.Errorf("a folder without fold models: exit %d, %q; want an error naming the files it lacks", code, errOut)
	}
}

func TestEvalExtractSiteTemplateRefusesANegativeShowCount(t *testing.T) {
	set := writeSiteSet(t)
	_, errOut, code := storyline(t, "eval", "extract", "--text", "--site-template", "--show-template", "-1", "--workers", "1", set)
	if code != 2 || !strings.Contains(errOut, "--show-template -1") {
		t.Errorf("--show-template -1: exit %d, %q; want a usage error naming it", code, errOut)
	}
}

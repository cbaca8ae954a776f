package eval

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/storyline-news/storyline/internal/engine"
	"github.com/storyline-news/storyline/internal/extract"
	"github.com/storyline-news/storyline/internal/text"
)

// TestSiteTemplateRefusalStudy is a reading aid, not a check: for every host
// of a set with at least three pages, whether any of its pages gets a site
// template (one of two learned pages or more, from its other pages, as
// `eval extract --site-template` builds it) and, when none does, why: too
// few distinct stored pages (the writer's duplicate test), or pages refused
// as near copies (extract.Template.Teach). For every host it also teaches a
// mirror of the template all its stored pages in page order and prints each
// refused page's decision: its new words against the known words of its
// article, the same counting only paragraphs an earlier learned page had
// in its article (a variant, not built), and the share of the words of its
// new article paragraphs its known ones hold. Each page is extracted alone
// by its site fold's model. STORYLINE_TMPLSTUDY names the folder of the
// site-fold models; STORYLINE_TMPLSTUDY_TEXT=1 reads the text dumps.
func TestSiteTemplateRefusalStudy(t *testing.T) {
	dir := os.Getenv("STORYLINE_TMPLSTUDY")
	if dir == "" {
		t.Skip("set STORYLINE_TMPLSTUDY to the folder of the site-fold models")
	}
	textMode := os.Getenv("STORYLINE_TMPLSTUDY_TEXT") == "1"
	models, err := LoadFoldModels(dir, textMode)
	if err != nil {
		t.Fatal(err)
	}
	sets, _ := filepath.Glob(filepath.Join(extractionBenchDir(), "*", "ground-truth.json"))
	var b strings.Builder
	for _, gt := range sets {
		pages, err := LoadExtractionSet(filepath.Dir(gt), textMode)
		if err != nil {
			t.Fatal(err)
		}
		alone, errs := extractResults(context.Background(), pages, 1, FoldModelOf(pages, models), func(int) *extract.Template { return nil })
		s := teachersOf(pages, alone, errs)
		sites := make([]string, len(pages))
		for i, p := range pages {
			sites[i], _ = pageSite(p.Page.URL, alone[i].Article)
		}
		hashes := make([]string, len(pages))
		for i := range pages {
			hashes[i] = contentHashOf(alone[i])
		}
		hosts, never, fewStored, refusedHosts, blockedPages, partial := 0, 0, 0, 0, 0, 0
		for _, group := range siteGroups(pages, sites) {
			if len(group) < 3 {
				continue
			}
			hosts++
			got := false
			for _, i := range group {
				if tp := s.template(i); tp != nil && tp.Pages() >= 2 {
					got = true
				} else if s.peers[i] != nil {
					blockedPages++
					fmt.Fprintf(&b, "  page %s/%s: %d teaching peers, template of %d pages\n", pages[i].Set, pages[i].Page.ID, len(s.peers[i]), s.template(i).Pages())
				}
			}
			if stored := storedOf(alone, errs, hashes, group); stored != nil && got {
				var r strings.Builder
				if refused := describeRefusals(&r, pages, alone, stored); refused > 0 {
					partial++
					fmt.Fprintf(&b, "%s %s: %d pages, %d stored, %d refused (the host gets a template):\n%s", pages[group[0]].Set, sites[group[0]], len(group), len(stored), refused, r.String())
				}
			}
			if got {
				continue
			}
			never++
			stored := storedOf(alone, errs, hashes, group)
			if stored == nil {
				fewStored++
				fmt.Fprintf(&b, "%s %s: %d pages, fewer than 2 stored (copies by URL or text, or no text)\n", pages[group[0]].Set, sites[group[0]], len(group))
				continue
			}
			refusedHosts++
			fmt.Fprintf(&b, "%s %s: %d pages, %d stored, refused as copies:\n", pages[group[0]].Set, sites[group[0]], len(group), len(stored))
			describeRefusals(&b, pages, alone, stored)
		}
		fmt.Fprintf(&b, "== %s: %d hosts with >= 3 pages, %d never get a template (%d too few stored pages, %d pages refused as copies); %d pages with 2+ teaching peers but a template of fewer than 2 pages; %d hosts with a template that refused pages\n\n",
			filepath.Base(filepath.Dir(gt)), hosts, never, fewStored, refusedHosts, blockedPages, partial)
	}
	t.Log("\n" + b.String())
}

// contentHashOf is the writer's duplicate key of an extraction.
func contentHashOf(r extract.Result) string { return engine.ContentHash(r.Article) }

// storedOf returns the pages of a group a store would hold and teach, in
// order (teachingPeers without a page of its own), nil for fewer than two.
func storedOf(alone []extract.Result, errs []error, hashes []string, group []int) []int {
	stored := map[string]bool{}
	var out []int
	for _, j := range group {
		if errs[j] != nil || len(alone[j].Blocks) == 0 {
			continue
		}
		u, c := "url:"+alone[j].Article.URL, "content:"+hashes[j]
		if (u != "url:" && stored[u]) || stored[c] {
			continue
		}
		stored[c], stored[u] = true, true
		out = append(out, j)
	}
	if len(out) < 2 {
		return nil
	}
	return out
}

// describeRefusals teaches a mirror of the template the stored pages in
// order and prints each page's decision: its new words against the known
// words of its article, and the largest known paragraphs.
func describeRefusals(b *strings.Builder, pages []LabelledPage, alone []extract.Result, stored []int) int {
	refused := 0
	seen, artSeen := map[uint64]int{}, map[uint64]int{}
	learned := 0
	for _, j := range stored {
		r := alone[j]
		newW := 0
		dup := map[uint64]bool{}
		for k, fp := range r.Blocks {
			if !dup[fp] && seen[fp] == 0 {
				newW += int(r.Words[k])
			}
			dup[fp] = true
		}
		known := 0
		var knownParas, newParas []string
		for _, para := range strings.Split(r.Article.Text, "\n\n") {
			n := seen[extract.Fingerprint(para)]
			if n > 0 && !(learned >= 2 && n >= 2 && n*2 >= learned) {
				known += text.WordCount(para)
				knownParas = append(knownParas, para)
			}
			if n == 0 {
				newParas = append(newParas, para)
			}
		}
		overlap := topicOverlap(newParas, knownParas)
		knownArt := 0
		for _, para := range strings.Split(r.Article.Text, "\n\n") {
			fp := extract.Fingerprint(para)
			if n := seen[fp]; n > 0 && artSeen[fp] > 0 && !(learned >= 2 && n >= 2 && n*2 >= learned) {
				knownArt += text.WordCount(para)
			}
		}
		taughtArt := learned == 0 || knownArt < 20 || float64(newW) >= 0.5*float64(knownArt)
		sort.Slice(knownParas, func(a, c int) bool { return len(knownParas[a]) > len(knownParas[c]) })
		taught := learned == 0 || known < 20 || float64(newW) >= 0.5*float64(known)
		fmt.Fprintf(b, "  %s: new %d, known article %d (%.2f), article %d words, taught %v (known as article %d: taught %v), overlap %.2f new %.50q", pages[j].Page.ID, newW, known, float64(newW)/max(1, float64(known)), text.WordCount(r.Article.Text), taught, knownArt, taughtArt, overlap, strings.Join(newParas, " / "))
		for k, p := range knownParas {
			if k == 2 {
				break
			}
			fmt.Fprintf(b, " | %.60q (%d)", p, text.WordCount(p))
		}
		b.WriteString("\n")
		if !taught {
			refused++
		}
		if taught {
			learned++
			for fp := range dup {
				seen[fp]++
			}
			for _, para := range strings.Split(r.Article.Text, "\n\n") {
				artSeen[extract.Fingerprint(para)]++
			}
		}
	}
	return refused
}

// topicOverlap is the share of the distinct words of four letters or more
// of the new paragraphs that the known paragraphs hold (-1 for none).
func topicOverlap(newParas, knownParas []string) float64 {
	known := map[string]bool{}
	for _, p := range knownParas {
		for _, w := range text.Words(text.Normalize(p)) {
			known[strings.ToLower(w)] = true
		}
	}
	fresh := map[string]bool{}
	for _, p := range newParas {
		for _, w := range text.Words(text.Normalize(p)) {
			if len([]rune(w)) >= 4 {
				fresh[strings.ToLower(w)] = true
			}
		}
	}
	if len(fresh) == 0 {
		return -1
	}
	in := 0
	for w := range fresh {
		if known[w] {
			in++
		}
	}
	return float64(in) / float64(len(fresh))
}

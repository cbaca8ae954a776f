package extract

import (
	"slices"
	"strings"
	"testing"
)

// distinctWords is the words of wordSet(s), each once, sorted: what
// headlineCandidateWords gave each block before session 44 wrote them all
// into one string and one array.
func distinctWords(s string) []string {
	words := wordsOf(s)
	slices.Sort(words)
	return slices.Compact(words)
}

// headlineWordsPage is an invented page of blocks at headlineCandidateWords'
// edges: capitals, repeated words, other scripts (Turkish dotted I, German
// sharp s, Greek final sigma, Cyrillic, Han), a block of no words, blocks
// of no and of too many tokens, many blocks so that the word array grows.
func headlineWordsPage() *pageBlocks {
	texts := []string{
		"Ferry fares, ferry FARES rise", "İSTANBUL Köprü ÇARŞI", "Straße STRASSE", "ΟΔΟΣ οδός", "Москва МОСКВА москва",
		"北京 2024 北京", "— · —", "", "A1 b2 A1 c-3 A1", "x\xffY Z\xffy",
	}
	pb := &pageBlocks{}
	for i := range 120 {
		t := texts[i%len(texts)]
		tokens := int32(len(strings.Fields(t)))
		switch i % 13 {
		case 5:
			tokens = 0 // a block without tokens is no candidate
		case 7:
			tokens = headlineMaxTokens + 1 // nor one longer than a headline
		}
		pb.blocks = append(pb.blocks, block{text: t, tokens: tokens})
	}
	return pb
}

// TestHeadlineCandidateWordsAsDistinctWords: every candidate block gets
// distinctWords of its text, every other block nil, whatever the others'
// words were sorted and compacted beside it.
func TestHeadlineCandidateWordsAsDistinctWords(t *testing.T) {
	pb := headlineWordsPage()
	got := headlineCandidateWords(pb)
	for i := range pb.blocks {
		b := &pb.blocks[i]
		if b.tokens <= 0 || b.tokens > headlineMaxTokens {
			if got[i] != nil {
				t.Errorf("block %d (%d tokens): words %q, want none", i, b.tokens, got[i])
			}
			continue
		}
		want := distinctWords(b.text)
		if !slices.Equal(got[i], want) || (got[i] == nil) != (want == nil) {
			t.Errorf("block %d %q: words %q, want %q", i, b.text, got[i], want)
		}
	}
}

// TestHeadlineCandidateWordsAllocatesPerPage: the words of a page's
// candidate blocks in ASCII cost a few allocations a page, not a
// lower-case copy and an array for each block (two hundred for 100
// blocks before session 44). The count, not a time, is checked.
func TestHeadlineCandidateWordsAllocatesPerPage(t *testing.T) {
	pb := &pageBlocks{}
	for range 100 {
		pb.blocks = append(pb.blocks, block{text: "Council Votes To Rebuild The Harbour Bridge", tokens: 7})
	}
	allocs := testing.AllocsPerRun(5, func() { headlineCandidateWords(pb) })
	// out, the texts' list growing (8 times to 100), the lower-case bytes,
	// their string, the ends, the word array and the list of lists.
	if allocs > 20 {
		t.Errorf("headlineCandidateWords allocated %.0f times for %d blocks, want a few a page", allocs, len(pb.blocks))
	}
}

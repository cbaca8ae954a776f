package compare

import (
	"fmt"
	"strings"
	"testing"

	"github.com/storyline-news/storyline/internal/news"
)

// benchSpeakers are invented people for longParagraph's quotes.
var benchSpeakers = []struct{ first, last, role string }{
	{"Mara", "Tellwick", "the harbour director"},
	{"Oskar", "Brennholt", "a council member"},
	{"Ines", "Vardaro", "the union's negotiator"},
	{"Tobias", "Quennell", "a ferry captain"},
	{"Greta", "Solvang", "the regional planner"},
}

// benchSentences are invented sentence shapes; %[1]s is a full name, %[2]s a
// surname, %[3]s a role, %[4]d a figure, %[5]s a place.
var benchSentences = []string{
	"“The berths at %[5]s will reopen within %[4]d days,” said %[1]s, %[3]s.",
	"%[2]s told reporters that %[4]d crews had worked through the night at %[5]s.",
	"“We counted %[4]d vessels waiting offshore,” %[2]s said. “Nobody expected the queue to grow this fast.”",
	"The storm closed %[5]s for %[4]d hours on Tuesday, according to %[1]s, %[3]s.",
	"%[1]s, %[3]s, said: “Repairs at %[5]s will cost about %[4]d million kronor.”",
	"Traffic through %[5]s fell by %[4]d percent in the week, the port authority said in a statement.",
	"“It is too early to say,” %[2]s added, pointing to the %[4]d cranes still idle at %[5]s.",
	"Officials at %[5]s said %[4]d containers had been moved inland by rail.",
}

// benchPlaces are invented places for longParagraph.
var benchPlaces = []string{"Kessholm", "Varnby Quay", "Ostwick", "Lindmark Pier", "Haldsea"}

// longParagraph writes an invented article text of one paragraph of at least
// words words, made of quoted and reported sentences, without a line break.
func longParagraph(words int) string {
	var b strings.Builder
	n := 0
	for i := 0; n < words; i++ {
		s := benchSpeakers[i%len(benchSpeakers)]
		shape := benchSentences[i%len(benchSentences)]
		line := fmt.Sprintf(shape, s.first+" "+s.last, s.last, s.role, 3+i%97, benchPlaces[(i/3)%len(benchPlaces)])
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(line)
		n += len(strings.Fields(line))
	}
	return b.String()
}

// benchmarkLongParagraph annotates one article of one paragraph of the given
// number of words per iteration.
func benchmarkLongParagraph(b *testing.B, words int) {
	a := news.Article{ID: "long", Source: "Kessholm Courier", Title: "Harbour storm", Text: longParagraph(words)}
	Annotate(a) // loads the models and word lists outside the timed loop
	b.ReportAllocs()
	for b.Loop() {
		Annotate(a)
	}
}

// BenchmarkAnnotateLongParagraph annotates an invented article that is one
// paragraph of 1k, 5k and 20k words with a quote in about every second
// sentence: the cost per word should not grow with the paragraph.
func BenchmarkAnnotateLongParagraph(b *testing.B) {
	for _, words := range []int{1000, 5000, 20000} {
		b.Run(fmt.Sprintf("words=%d", words), func(b *testing.B) { benchmarkLongParagraph(b, words) })
	}
}

// BenchmarkCompareLongParagraph compares a story of two invented articles,
// each one paragraph of 1k, 5k and 20k words (the second tells the
// sentences from another point on), per iteration: sentences, facts,
// figures, entities and quotes of text without paragraph breaks.
func BenchmarkCompareLongParagraph(b *testing.B) {
	for _, words := range []int{1000, 5000, 20000} {
		b.Run(fmt.Sprintf("words=%d", words), func(b *testing.B) {
			first := longParagraph(words)
			cut := strings.Index(first[len(first)/3:], ". ") + len(first)/3 + 2
			arts := []news.Article{
				{ID: "a", Source: "Kessholm Courier", Title: "Harbour storm", Text: first},
				{ID: "b", Source: "Varnby Post", Title: "Storm shuts harbour", Text: first[cut:] + " " + first[:cut]},
			}
			Compare(arts)
			b.ReportAllocs()
			for b.Loop() {
				Compare(arts)
			}
		})
	}
}

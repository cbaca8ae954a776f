package compare

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/storyline-news/storyline/internal/news"
)

// FuzzAnnotate runs the annotator on arbitrary text: it must not panic, and
// every offset it gives must point into the text at what it says is there.
func FuzzAnnotate(f *testing.F) {
	for _, s := range []string{
		"“We will rebuild,” said Mayor Ada Marsh. She added: “Not today.”",
		"Sen. Ted Cruz (R-Texas) said Mr. Cruz's wife, Heidi Cruz, \"is not a candidate.\" Cruz said so.",
		"Glenn Beck Rips Progressivism\nFox News host Glenn Beck said, \"No.\" ― Glenn",
		"\"open quote with no end\n“curly” „low“ «guillemets» ''",
		"The U.S. paid $4.5 million, 30% more, to 2,400 families on Oct. 5. No. 2 is 69-year-old.",
		"Ada Marsh and Tomas Brandt said, “We agree.” and added, “Both of us.” They said “yes, we do” then.",
		"On Friday, Mr. Udall and Mr. Wyden spoke.\n“It is secret law,” they said, referring to Ada Marsh ― Brandt said so.",
		"A clerk who “takes a handful of coins” is punished, according to CNN. The letter goes on: “No more.”",
		"The ministry said, “British Ambassador to the US Mikhail Petrovich Sorokin is leaving.” The US President's",
		"Norway has long described it as a “border operation.” It was called the old “Kessel block. ” US Gov",
		"", "\"", "“", "Mr.", "J. R. R.", "\n\n\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		ann := Annotate(news.Article{ID: "fuzz", Text: s})
		for _, q := range ann.Quotes {
			if q.Start < 0 || q.End > len(s) || q.Start > q.End {
				t.Fatalf("quote %+v out of the text (%d bytes)", q, len(s))
			}
			if !strings.Contains(s[q.Start:q.End], strings.TrimSpace(strings.TrimRight(q.Text, ", "))) {
				t.Fatalf("quote %q is not at [%d,%d): %q", q.Text, q.Start, q.End, s[q.Start:q.End])
			}
		}
		for _, e := range ann.Entities {
			if e.Name == "" || len(e.Mentions) == 0 {
				t.Fatalf("entity without name or mentions: %+v", e)
			}
			for _, m := range e.Mentions {
				if m.Start < 0 || m.End > len(s) || m.Start >= m.End || s[m.Start:m.End] != m.Text {
					t.Fatalf("mention %+v does not match the text", m)
				}
			}
		}
		for _, q := range ann.Quantities {
			if q.Sentence < 0 || q.Sentence >= len(ann.Sentences) || !strings.Contains(ann.Sentences[q.Sentence], q.Text) {
				t.Fatalf("quantity %+v is not in its sentence", q)
			}
		}
	})
}

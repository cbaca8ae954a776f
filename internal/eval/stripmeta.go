package eval

import (
	"bytes"
	"io"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// StripMetadata is an HTML page without its <meta> and <link> tags and
// without any <script> element (its content too): what a page of few
// signals offers, one whose publisher wrote no machine-readable metadata and
// ships no app state in scripts. Every other byte is kept as the page wrote
// it. `storyline eval meta --strip-meta` reads pages so, to measure how the
// metadata rankers, fitted on pages rich in metadata, do on the withheld
// kind whose dates are only visible (docs/measurements/metadata.md,
// "Session 34"). A page the tokenizer cannot read to its end keeps what was
// read before the error.
func StripMetadata(body []byte) []byte {
	z := html.NewTokenizer(bytes.NewReader(body))
	var out bytes.Buffer
	out.Grow(len(body))
	inScript := false
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			if z.Err() != io.EOF {
				out.Write(z.Raw())
			}
			return out.Bytes()
		}
		raw := z.Raw()
		if tt == html.StartTagToken || tt == html.EndTagToken || tt == html.SelfClosingTagToken {
			name, _ := z.TagName()
			switch atom.Lookup(name) {
			case atom.Meta, atom.Link:
				continue
			case atom.Script:
				inScript = tt != html.EndTagToken // the tokenizer reads a <script/> as raw text to its end tag too
				continue
			}
		}
		if inScript {
			continue
		}
		out.Write(raw)
	}
}

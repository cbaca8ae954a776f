package cli

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"os"

	"github.com/storyline-news/storyline/internal/compare"
	"github.com/storyline-news/storyline/internal/source/file"
)

// sentencePair is one line of a *.pairs.jsonl file.
type sentencePair struct {
	ID1   string `json:"id1"`
	ID2   string `json:"id2"`
	Text1 string `json:"text1"`
	Text2 string `json:"text2"`
}

func runPairs(ctx context.Context, e env, args []string) error {
	fs := newFlags("pairs", e)
	modeName := fs.String("mode", "paraphrase", "paraphrase: the two say the same thing; fact: they state a common fact (the decision the comparison uses to call a fact shared)")
	rest, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	mode, err := compare.ParseMode(*modeName)
	if err != nil {
		return &UsageError{err.Error()}
	}
	if len(rest) > 1 {
		return &UsageError{"pairs reads one FILE.pairs.jsonl (or - or nothing for the standard input)"}
	}
	if rest = stdinIfPiped(rest, e.stdin); len(rest) == 0 {
		return &UsageError{"pairs needs a FILE.pairs.jsonl, or - (or a pipe) for the standard input"}
	}
	var pairs []sentencePair
	if rest[0] == "-" {
		pairs, err = decodePairs(e.stdin, "stdin")
	} else {
		pairs, err = readPairs(rest[0])
	}
	if err != nil {
		return err
	}
	enc := json.NewEncoder(e.stdout)
	enc.SetEscapeHTML(false)
	for _, p := range pairs {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		same, score := compare.Same(mode, p.Text1, p.Text2)
		out := struct {
			ID1   string  `json:"id1"`
			ID2   string  `json:"id2"`
			Score float64 `json:"score"`
			Same  bool    `json:"same"`
		}{p.ID1, p.ID2, math.Round(score*1e4) / 1e4, same}
		if err := enc.Encode(out); err != nil {
			return err
		}
	}
	return nil
}

func readPairs(path string) ([]sentencePair, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return decodePairs(f, path)
}

func decodePairs(r io.Reader, name string) ([]sentencePair, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 16<<20)
	var out []sentencePair
	for n := 1; sc.Scan(); n++ {
		if len(sc.Bytes()) == 0 {
			continue
		}
		var line struct {
			sentencePair
			Text1 *string `json:"text1"`
			Text2 *string `json:"text2"`
		}
		if err := json.Unmarshal(sc.Bytes(), &line); err != nil {
			return nil, fmt.Errorf("%s:%d: not a JSON object: %w", name, n, err)
		}
		// A line without the two sentences (other field names, say) would
		// be scored as two empty sentences: refused instead of a wrong score.
		if line.Text1 == nil || line.Text2 == nil {
			return nil, fmt.Errorf("%s:%d: no \"text1\" and \"text2\": each line is {\"id1\",\"id2\",\"text1\",\"text2\"}", name, n)
		}
		p := line.sentencePair
		p.Text1, p.Text2 = *line.Text1, *line.Text2
		out = append(out, p)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%s: %w", name, file.ErrNoJSONLines)
	}
	return out, nil
}

package cli

import (
	"context"
	"fmt"

	"github.com/storyline-news/storyline/internal/eval"
)

// evalQuotes runs `storyline eval quotes`: how many gold direct quotes the
// quote finder finds and how often their speaker is right.
func evalQuotes(ctx context.Context, e env, args []string) error {
	fs := newFlags("eval quotes", e)
	part := fs.String("part", "", "score only the tune half (even lines, read while developing) or the held half (odd lines, never read); default all")
	show := fs.String("show", "", "print the cases: wrong (named gold, wrong or no speaker), missed (not found), unnamed (gold only a pronoun or a description), mixed (mixed quotes with a wrong or no speaker), all")
	files, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(files) == 0 {
		return &UsageError{"eval quotes needs FILE.quotes.jsonl (articles with gold quotes and speakers)"}
	}
	if *part != "" && *part != "tune" && *part != "held" {
		return &UsageError{fmt.Sprintf("eval quotes --part %q: use tune or held", *part)}
	}
	for _, f := range files {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		rep, err := eval.RunQuotes(f, *part)
		if err != nil {
			return err
		}
		e.report("file", rep)
		fmt.Fprintf(e.stdout, "%s (%s, %d articles): %d direct quotes, found %d (%.1f%%); speaker right on %d of %d with a named gold speaker (%.1f%%); %d with only a pronoun or description as gold, %d of them given a speaker; mixed quotes found %d of %d, speaker right on %d of %d named\n",
			rep.File, rep.Part, rep.Articles, rep.Gold, rep.Found, pct(rep.Found, rep.Gold), rep.Right, rep.Named, pct(rep.Right, rep.Named),
			rep.Unnamed, rep.Given, rep.MixedFound, rep.Mixed, rep.MixedRight, rep.MixedNamed)
		for _, c := range rep.Cases {
			show := *show == "all" && !c.Mixed ||
				*show == "mixed" && c.Mixed && !c.Right ||
				*show == "wrong" && !c.Mixed && c.Found && c.Named && !c.Right ||
				*show == "missed" && !c.Found ||
				*show == "unnamed" && c.Found && !c.Named
			if show {
				fmt.Fprintf(e.stdout, "  %-40.40s gold %-28q got %-24q cue %-10q %q\n", c.Doc, c.GoldSpeaker, c.Predicted, c.Cue, trimTo(c.Quote, 70))
			}
		}
	}
	return nil
}

func pct(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return 100 * float64(a) / float64(b)
}

func trimTo(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n]) + "…"
	}
	return s
}

package cli

import "strings"

// evalCommands are eval's modes as subcommands, for their help and
// completion; runEval dispatches on the same list.
func evalCommands() []command {
	return []command{
		{"eval extract", "[--text] [--cv] [--fit FILE] SET...", "score extraction on labelled sets (folders with ground-truth.json)", evalExtract, "",
			"  storyline eval extract ../shared/bench/extraction/wcxb\n  storyline eval extract --cv --workers 1 SET1 SET2 SET3"},
		{"eval meta", "SET...", "score the extraction metadata (dates, titles, bylines, outlets, kinds) on labelled sets", evalMeta, "",
			"  storyline eval meta ../shared/bench/extraction/wcxb"},
		{"eval cluster", "[--stream N] FILE.jsonl...", "score clustering on article JSONL with a cluster field", evalCluster, "",
			"  storyline eval cluster ../shared/bench/stories/basil.jsonl\n  storyline eval cluster --stream 100000"},
		{"eval pairs", "[--loso] FILE.pairs.jsonl...", "score the sentence aligner on labelled pairs", evalPairs, "",
			"  storyline eval pairs --mode fact pairs.jsonl"},
		{"eval derive", "FILE.pairs.jsonl", "score rewrite detection (text2 derived from text1) on labelled pairs", evalDerive, "",
			"  storyline eval derive derive.pairs.jsonl"},
		{"eval entities", "FILE.ner.jsonl", "score entity recognition on text with gold entities", evalEntities, "",
			"  storyline eval entities conll.ner.jsonl"},
		{"eval quotes", "FILE.quotes.jsonl", "score quote and speaker attribution on articles with gold quotes", evalQuotes, "",
			"  storyline eval quotes quotes.quotes.jsonl"},
		{"eval links", "[--check LABELS.tsv] [--fit FILE] [--l2 X] [--precision P] [--bench DIR] LABELS.tsv...", "score the comparison's link decision on hand-labelled links (each set held out: fact score alone against the link model; --check alone: the built-in model, in sample on the labels it was fitted on)", evalLinks, "",
			"  storyline eval links internal/compare/models/links.labels.tsv\n  storyline eval links --check internal/compare/models/links.labels.tsv\n  storyline eval links --precision 0.8 internal/compare/models/links.labels.tsv\n  storyline eval links --fit internal/compare/models/link.json --figures \"...\" internal/compare/models/links.labels.tsv"},
		{"eval load", "--articles N --rate R --duration D", "load-test a server: stories read while articles are written", evalLoad, "",
			"  storyline eval load --articles 500 --rate 20 --duration 30s"},
		{"eval ingest", "--copies N --runs N SET...", "measure ingest speed and memory on copies of page sets", evalIngest, "",
			"  storyline eval ingest --copies 4 --runs 3 ../shared/bench/extraction/wcxb"},
	}
}

// evalModes are the names of eval's modes, in evalCommands' order.
func evalModes() []string {
	var names []string
	for _, c := range evalCommands() {
		names = append(names, strings.TrimPrefix(c.name, "eval "))
	}
	return names
}

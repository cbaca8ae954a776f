package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/storyline-news/storyline/internal/cluster"
	"github.com/storyline-news/storyline/internal/engine"
	"github.com/storyline-news/storyline/internal/eval"
	"github.com/storyline-news/storyline/internal/news"
)

// evalCluster runs the clustering benchmarks: a labelled file scored with
// the shipped (or a given) model, leave-one-set-out over several files
// (--loso), fitting the join model (--fit), or a long stream for speed and
// memory (--stream).
func evalCluster(ctx context.Context, e env, args []string) (err error) {
	defer func() { err = stoppedError("eval cluster", err) }()
	fs := newFlags("eval cluster", e)
	window := fs.Duration("window", 0, "a story's least window after its latest article (default 168h)")
	maxWindow := fs.Duration("max-window", 0, "a story's longest window (default 1440h)")
	pace := fs.Float64("pace", 0, "a story's window grows by this many times its span (default 1)")
	threshold := fs.Float64("threshold", 0, "join probability (default: the model's)")
	merge := fs.Float64("merge", 0, "mean probability at which two stories merge (default: the model's)")
	link := fs.Float64("link", 0, "z-score of the average-link cosine at which two stories that ran at once merge when the stream settles (default: the model's; negative: none)")
	modelFile := fs.String("model", "", "a join model file to use instead of the one in the binary")
	shuffle := fs.Int64("shuffle", 0, "shuffle each file's articles with this seed before streaming them (dated files keep date order), to see how much a score owes to the file's order")
	loso := fs.Bool("loso", false, "leave one set out: score each FILE with a model fitted on the others (and --also-train), in its own order and --shuffles orders")
	fit := fs.String("fit", "", "fit the join model on the FILEs (and --also-train) and write it to this file")
	figures := fs.String("figures", "", "with --fit, the leave-one-set-out figures of the same settings, kept in the model file's note")
	lone := fs.Bool("lone", false, "with --loso or --fit, also try the lone-article step (cluster.Model.LoneRatio; the shipped model was fitted with it)")
	alsoTrain := fs.String("also-train", "", "with --loso or --fit, comma-separated labelled files always trained on, never scored")
	shuffles := fs.String("shuffles", "1,2", "with --loso, the shuffle seeds each held-out file is also scored in")
	reportOnly := fs.String("report-only-kind", "trec_novelty_topic", "a cluster_kind that is scored but never trained on (not events)")
	stream := fs.Int("stream", 0, "instead of labelled files, cluster a stream of this many articles built from --stream-base and report throughput and memory as it grows")
	streamBase := fs.String("stream-base", "../shared/bench/stories/allsides_train.jsonl", "with --stream, the articles the stream repeats with small edits")
	streamDays := fs.Int("stream-days", 60, "with --stream, the days the stream's articles are dated over (0: undated)")
	workers := fs.Int("workers", engine.AheadWorkers(), "with --stream, goroutines preparing the next window's features while one places the current one")
	verbose := fs.Bool("v", false, "with --loso or --fit, log each step to stderr")
	signals := fs.String("signals", "", "with --loso or --fit, comma-separated signals the model reads (default all; see cluster.SignalNames)")
	drop := fs.String("drop", "", "with --loso or --fit, comma-separated signals the model does not read")
	sweep := fs.Int("sweep", 0, "with --loso or --fit, articles of each training set clustered while thresholds are chosen (default 2500)")
	linear := fs.Bool("linear", false, "with --loso or --fit, fit a logistic regression instead of boosted trees")
	only := fs.String("only", "", "with --loso, comma-separated names of the sets to hold out (default all)")
	keepModels := fs.String("keep-models", "", "with --loso, write each held-out file's model to this folder, to study its errors")
	baseline := fs.String("baseline", "", "with --loso, score a baseline instead of the clusterer: single-pass (TF-IDF cosine to each cluster's centroid, running IDF) or single-pass-file-idf (IDF over the whole file)")
	memberships := fs.String("memberships", "", "without --loso or --fit, also write each article's story and gold story (JSONL: file, id, story, gold, title, source; in stream order) to this file, to read a run's errors")
	placementLog := fs.String("placement-log", "", "without --loso or --fit, also write every step the clusterer took (an article placed, a merge, split or move) judged against the gold (JSONL, a line a step in order: its kind and verdict, the article and its gold story, the story and the gold story most of it was in, the other story of a change or of a wrong join, the articles a change moved, score, threshold, reason, and on a merge of the lone step what it read: closest story, runner-up's cosine, candidates near the best and in how many groups of ones alike among themselves) to this file, and count the steps by verdict: which step first mixed two events or split one")
	baselineWindow := fs.Duration("baseline-window", 0, "with --baseline, the longest time from a cluster's latest dated article to one joining it (default: none)")
	files, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	opt := cluster.Options{Window: *window, MaxWindow: *maxWindow, PaceFactor: *pace, Threshold: *threshold, MergeThreshold: *merge, LinkThreshold: *link}
	if *modelFile != "" {
		data, err := os.ReadFile(*modelFile)
		if err != nil {
			return err
		}
		if opt.Model, err = cluster.LoadModel(data); err != nil {
			return fmt.Errorf("%s: %w", *modelFile, err)
		}
	}
	if err := checkRunLogs(*memberships, *placementLog, *loso || *fit != "" || *stream > 0); err != nil {
		return err
	}
	if *stream > 0 {
		return evalClusterStream(e, *streamBase, *stream, time.Duration(*streamDays)*24*time.Hour, *workers, opt)
	}
	if len(files) == 0 {
		return &UsageError{"eval cluster needs FILE.jsonl with a cluster field, or --stream N"}
	}
	fitOpt := eval.FitOptions{Cluster: cluster.Options{Window: *window, MaxWindow: *maxWindow, PaceFactor: *pace}}
	if *verbose {
		fitOpt.Log = e.stderr
	}
	fitOpt.Linear = *linear
	fitOpt.Lone = *lone
	fitOpt.SweepArticles = *sweep
	fitOpt.Signals = splitList(*signals)
	if dropped := splitList(*drop); len(dropped) > 0 {
		if len(fitOpt.Signals) == 0 {
			fitOpt.Signals = cluster.SignalNames()
		}
		fitOpt.Signals = slices.DeleteFunc(fitOpt.Signals, func(s string) bool { return slices.Contains(dropped, s) })
	}
	bopt, err := baselineOptions(*baseline, *baselineWindow, *loso, *sweep)
	if err != nil {
		return err
	}
	if *keepModels != "" && !*loso {
		return &UsageError{"eval cluster: --keep-models keeps the models of --loso only"}
	}
	if err := makeModelFolder(*keepModels); err != nil {
		return err
	}
	switch {
	case *loso:
		seeds, err := parseSeeds(*shuffles)
		if err != nil {
			return err
		}
		fitOpt.Only = splitList(*only)
		if *baseline != "" {
			return evalClusterBaselineLOSO(ctx, e, files, splitList(*alsoTrain), *reportOnly, seeds, fitOpt.Only, bopt)
		}
		return evalClusterLOSO(ctx, e, files, splitList(*alsoTrain), *reportOnly, seeds, fitOpt, *keepModels)
	case *fit != "":
		return evalClusterFit(ctx, e, *fit, files, splitList(*alsoTrain), *reportOnly, *figures, fitOpt)
	}
	var members []memberLine
	var steps []eval.PlacementStep
	for _, f := range files {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		reps, fileSteps, err := runLabelled(f, opt, *shuffle, *placementLog != "")
		if err != nil {
			return err
		}
		for _, rep := range reps {
			printClusterReport(e, rep)
			if *placementLog != "" {
				printVerdicts(e, rep.File, fileSteps)
			}
			for _, m := range rep.Memberships {
				members = append(members, memberLine{File: rep.File, Membership: m})
			}
		}
		steps = append(steps, fileSteps...)
	}
	if *memberships != "" {
		if err := writeJSONL(*memberships, members); err != nil {
			return err
		}
	}
	if *placementLog != "" {
		return writeJSONL(*placementLog, steps)
	}
	return nil
}

// checkRunLogs refuses --memberships and --placement-log where they would
// write nothing (notPlain: a --loso, --fit or --stream run) or where one
// would overwrite the other (one path, however written: see sameFile),
// naming every flag at fault.
func checkRunLogs(memberships, placementLog string, notPlain bool) error {
	var given []string
	for _, f := range []struct{ flag, path string }{{"--memberships", memberships}, {"--placement-log", placementLog}} {
		if f.path != "" {
			given = append(given, f.flag)
		}
	}
	switch {
	case len(given) > 0 && notPlain:
		verb := map[bool]string{true: " is", false: " are"}[len(given) == 1]
		return &UsageError{strings.Join(given, " and ") + verb + " for a plain run of labelled files (with --model to read a fold's model), not --loso, --fit or --stream"}
	case len(given) == 2 && sameFile(memberships, placementLog):
		return &UsageError{"--memberships and --placement-log name one file, " + memberships + ": give each its own"}
	}
	return nil
}

// sameFile says whether two paths name one file once made absolute and
// clean ("out.jsonl", "./out.jsonl" and /work/out.jsonl in /work), before
// either exists; a symbolic link is not followed.
func sameFile(a, b string) bool {
	absA, errA := filepath.Abs(a)
	absB, errB := filepath.Abs(b)
	return errA == nil && errB == nil && absA == absB || a == b
}

// runLabelled clusters and scores a labelled file, with its steps judged
// when logged.
func runLabelled(path string, opt cluster.Options, shuffle int64, logged bool) ([]eval.ClusterReport, []eval.PlacementStep, error) {
	if logged {
		return eval.RunClusteringLogged(path, opt, shuffle)
	}
	reps, err := eval.RunClustering(path, opt, shuffle)
	return reps, nil, err
}

// printVerdicts prints how many of a set's steps got each verdict.
func printVerdicts(e env, set string, steps []eval.PlacementStep) {
	var parts []string
	for _, c := range eval.CountVerdicts(slices.DeleteFunc(slices.Clone(steps), func(s eval.PlacementStep) bool { return s.File != set })) {
		parts = append(parts, fmt.Sprintf("%s %d", c.Verdict, c.Steps))
	}
	fmt.Fprintf(e.stdout, "%s steps: %s\n", set, strings.Join(parts, ", "))
}

// memberLine is one line of eval cluster --memberships: an article's
// story and gold story, with the set it was scored in.
type memberLine struct {
	File string `json:"file"`
	eval.Membership
}

// writeJSONL writes the lines as JSONL to path.
func writeJSONL[T any](path string, lines []T) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	enc := json.NewEncoder(f)
	for _, l := range lines {
		if err := enc.Encode(l); err != nil {
			f.Close()
			return fmt.Errorf("write %s: %w", path, err)
		}
	}
	return f.Close()
}

// baselineOptions checks the baseline flags of eval cluster and returns
// the baseline's options: --baseline only with --loso (else the
// clusterer's scores would be printed as if they were the baseline's), a
// positive --baseline-window only with --baseline.
func baselineOptions(baseline string, window time.Duration, loso bool, sweep int) (eval.SinglePassOptions, error) {
	opt := eval.SinglePassOptions{Window: window, SweepArticles: sweep}
	switch {
	case baseline != "" && !loso:
		return opt, &UsageError{"--baseline needs --loso"}
	case window != 0 && baseline == "":
		return opt, &UsageError{"--baseline-window needs --baseline"}
	case window < 0:
		return opt, &UsageError{fmt.Sprintf("--baseline-window must be positive, got %v", window)}
	}
	switch baseline {
	case "", "single-pass":
	case "single-pass-file-idf":
		opt.FileIDF = true
	default:
		return opt, &UsageError{fmt.Sprintf("--baseline %q: want single-pass or single-pass-file-idf", baseline)}
	}
	return opt, nil
}

// checkOnly returns a usage error when a name given to --only is the name
// of no file among the sets scored: the run would hold out nothing and
// print only a header.
func checkOnly(only []string, scored []eval.ClusterSet) error {
	for _, name := range only {
		if !slices.ContainsFunc(scored, func(s eval.ClusterSet) bool { f, _, _ := strings.Cut(s.Name, ":"); return f == name }) {
			return &UsageError{fmt.Sprintf("--only %q: no such set among the files", name)}
		}
	}
	return nil
}

func printClusterReport(e env, rep eval.ClusterReport) {
	e.report("file", rep)
	fmt.Fprintf(e.stdout, "%s: %d articles, %d gold / %d predicted stories  B3 P %.3f R %.3f F1 %.3f  pairwise P %.3f R %.3f F1 %.3f  | %d merges, %d splits, %d moves | %.0f articles/s, heap %.0f MB\n",
		rep.File, rep.Articles, rep.GoldClusters, rep.PredClusters, rep.BCubed.P, rep.BCubed.R, rep.BCubed.F1,
		rep.Pairwise.P, rep.Pairwise.R, rep.Pairwise.F1, rep.Merges, rep.Splits, rep.Moves, rep.ArticlesPerSec, rep.HeapMB)
}

// loadSets reads and prepares labelled files.
func loadSets(ctx context.Context, files []string) ([]eval.ClusterSet, error) {
	var sets []eval.ClusterSet
	for _, f := range files {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		s, err := eval.LoadClusterSets(f)
		if err != nil {
			return nil, err
		}
		sets = append(sets, s...)
	}
	return sets, nil
}

// isKind reports whether a set name ("file:kind") is of the given kind.
func isKind(kind string) func(string) bool {
	return func(name string) bool {
		_, k, ok := strings.Cut(name, ":")
		return ok && kind != "" && k == kind
	}
}

// loadLOSOSets loads the files to score held out and the files only fitted
// on, and checks that every --only name is one of the scored files.
func loadLOSOSets(ctx context.Context, files, alsoTrain, only []string) (scored, extra []eval.ClusterSet, err error) {
	if scored, err = loadSets(ctx, files); err != nil {
		return nil, nil, err
	}
	if extra, err = loadSets(ctx, alsoTrain); err != nil {
		return nil, nil, err
	}
	return scored, extra, checkOnly(only, scored)
}

// evalClusterLOSO prints the leave-one-set-out figures: each file scored by
// a model fitted without it, in its own order and shuffled.
func evalClusterLOSO(ctx context.Context, e env, files, alsoTrain []string, reportOnly string, seeds []int64, opt eval.FitOptions, keepModels string) error {
	scored, extra, err := loadLOSOSets(ctx, files, alsoTrain, opt.Only)
	if err != nil {
		return err
	}
	held, err := eval.ClusterLeaveOneSetOut(ctx, scored, extra, isKind(reportOnly), seeds, opt)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "leave one set out: each set scored by a model fitted without its file (B-cubed P / R / F1; own order, then shuffles %v)\n", seeds)
	e.report("leave-one-set-out", held)
	for _, h := range held {
		if keepModels != "" {
			data, err := json.Marshal(h.Model)
			if err != nil {
				return err
			}
			name := strings.ReplaceAll(h.Set, ":", "-")
			if err := eval.WriteFileAtomic(filepath.Join(keepModels, "without-"+name+".json"), data); err != nil {
				return err
			}
		}
		own := h.Orders[0]
		worst := own.BCubed.F1
		var shuffled []string
		for _, r := range h.Orders[1:] {
			worst = min(worst, r.BCubed.F1)
			shuffled = append(shuffled, fmt.Sprintf("%.3f", r.BCubed.F1))
		}
		fmt.Fprintf(e.stdout, "%-32s %4d articles  P %.3f R %.3f F1 %.3f  shuffled F1 %s  (worst drop %.3f; thresholds %.2f/%.2f/%.2f, stream pace %.2f, link reach %.2f, contradiction %.2f, lone %.2f/%.2f/%.2f)\n",
			h.Set, own.Articles, own.BCubed.P, own.BCubed.R, own.BCubed.F1, strings.Join(shuffled, " "), own.BCubed.F1-worst,
			h.Model.JoinThreshold, h.Model.MergeThreshold, h.Model.LinkThreshold, h.Model.StreamPace, h.Model.LinkReach, h.Model.Contradiction, h.Model.LoneRatio, h.Model.LoneFloor, h.Model.LoneCrowd)
	}
	return nil
}

// evalClusterBaselineLOSO prints the leave-one-set-out figures of the
// single-pass baseline, as evalClusterLOSO prints the clusterer's.
func evalClusterBaselineLOSO(ctx context.Context, e env, files, alsoTrain []string, reportOnly string, seeds []int64, only []string, opt eval.SinglePassOptions) error {
	scored, extra, err := loadLOSOSets(ctx, files, alsoTrain, only)
	if err != nil {
		return err
	}
	held, err := eval.SinglePassLeaveOneSetOut(ctx, scored, extra, isKind(reportOnly), seeds, only, opt)
	if err != nil {
		return err
	}
	idf := "running IDF"
	if opt.FileIDF {
		idf = "IDF over the whole file"
	}
	window := "no window"
	if opt.Window > 0 {
		window = "window " + opt.Window.String()
	}
	fmt.Fprintf(e.stdout, "leave one set out, TF-IDF single pass (%s, %s): each set at a threshold chosen without its file (B-cubed P / R / F1; own order, then shuffles %v)\n", idf, window, seeds)
	e.report("baseline-leave-one-set-out", held)
	for _, h := range held {
		own := h.Orders[0]
		var shuffled []string
		for _, r := range h.Orders[1:] {
			shuffled = append(shuffled, fmt.Sprintf("%.3f", r.BCubed.F1))
		}
		fmt.Fprintf(e.stdout, "%-32s %4d articles  P %.3f R %.3f F1 %.3f  shuffled F1 %s  (threshold %.3f; %d gold / %d clusters)\n",
			h.Set, own.Articles, own.BCubed.P, own.BCubed.R, own.BCubed.F1, strings.Join(shuffled, " "), h.Threshold, own.GoldClusters, own.PredClusters)
	}
	return nil
}

// evalClusterFit fits the join model on every file given and writes it.
func evalClusterFit(ctx context.Context, e env, out string, files, alsoTrain []string, reportOnly, figures string, opt eval.FitOptions) error {
	sets, err := loadSets(ctx, append(append([]string(nil), files...), alsoTrain...))
	if err != nil {
		return err
	}
	var train []eval.ClusterSet
	for _, s := range sets {
		if !isKind(reportOnly)(s.Name) {
			train = append(train, s)
		}
	}
	m, err := eval.FitClusterModel(ctx, train, opt)
	if err != nil {
		return err
	}
	if figures != "" {
		m.Note = "leave one set out: " + figures + "; " + m.Note
	}
	data, err := json.MarshalIndent(m, "", " ")
	if err != nil {
		return err
	}
	if err := eval.WriteFileAtomic(out, append(data, '\n')); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "wrote %s: fitted on %s; %s\n", out, strings.Join(m.FittedOn, ", "), m.Note)
	if m.Join != nil {
		imp := m.Join.Importance()
		for i, name := range m.Signals {
			fmt.Fprintf(e.stdout, "  %-14s %.3f\n", name, imp[i])
		}
	}
	return nil
}

// evalClusterStream prints throughput and memory of a stream of n articles
// built from real ones at a tenth, a quarter, half and all of it, and how
// the time and the memory of the whole stream compare with its first half.
func evalClusterStream(e env, basePath string, n int, span time.Duration, workers int, opt cluster.Options) error {
	items, err := eval.ReadLabelled(basePath)
	if err != nil {
		return err
	}
	base := make([]news.Article, len(items))
	for i, it := range items {
		base[i] = it.Article
	}
	checkpoints := []int{n / 10, n / 4, n / 2, n}
	points := eval.RunClusterStream(eval.EditedStream(base, n, span, 1), n, workers, checkpoints, opt)
	e.report("stream", points)
	dated := fmt.Sprintf("dated over %.0f days", span.Hours()/24)
	if span == 0 {
		dated = "undated"
	}
	fmt.Fprintf(e.stdout, "stream of %d articles from %s repeated with small edits, %s\n", n, basePath, dated)
	for _, p := range points {
		label := "articles"
		if p.Finished {
			label = "finished" // the same articles, and the stream's end: its final settle and lone step
		}
		fmt.Fprintf(e.stdout, "%7d %s: %6.2f s, %6.0f articles/s; CPU %6.2f s, %6.0f articles per CPU second; live heap %4.0f MB (peak %4.0f MB), %d stories open of %d\n",
			p.Articles, label, p.Elapsed.Seconds(), p.PerSec, p.CPU.Seconds(), p.PerCPUSec, p.HeapMB, p.PeakHeapMB, p.OpenStories, p.TotalStories)
	}
	if last := points[len(points)-1]; last.PlacingCPU > 0 {
		cores := runtime.GOMAXPROCS(0)
		bound := last.WallBound(cores)
		fmt.Fprintf(e.stdout, "placing (one goroutine): CPU %.2f s of %.2f (%.0f%%); on %d idle cores at least %.2f s, at most %.0f articles/s\n",
			last.PlacingCPU.Seconds(), last.CPU.Seconds(), 100*last.PlacingCPU.Seconds()/last.CPU.Seconds(), cores, bound.Seconds(), float64(last.Articles)/bound.Seconds())
	}
	if len(points) == 5 && points[2].Elapsed > 0 { // the four checkpoints' placing, the stream's end left out
		fmt.Fprintf(e.stdout, "time for %d articles / time for %d: %.2f (linear: 2.00), CPU time %.2f; peak heap %.2fx\n", n, n/2,
			points[3].Elapsed.Seconds()/points[2].Elapsed.Seconds(), points[3].CPU.Seconds()/points[2].CPU.Seconds(), points[3].PeakHeapMB/points[2].PeakHeapMB)
	}
	return nil
}

// splitList splits a comma-separated flag value, dropping empty items.
func splitList(s string) []string {
	var out []string
	for _, x := range strings.Split(s, ",") {
		if x = strings.TrimSpace(x); x != "" {
			out = append(out, x)
		}
	}
	return out
}

// parseSeeds reads a comma-separated list of shuffle seeds.
func parseSeeds(s string) ([]int64, error) {
	var out []int64
	for _, x := range splitList(s) {
		n, err := strconv.ParseInt(x, 10, 64)
		if err != nil || n == 0 {
			return nil, &UsageError{fmt.Sprintf("--shuffles %q: seeds are non-zero integers", s)}
		}
		out = append(out, n)
	}
	return out, nil
}

// makeModelFolder makes the --keep-models folder before a run starts, so that
// a long run does not end in an error for want of it; an empty name is no
// folder and no error.
func makeModelFolder(dir string) error {
	if dir == "" {
		return nil
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("--keep-models %s: %w", dir, err)
	}
	return nil
}

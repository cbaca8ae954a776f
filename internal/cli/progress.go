package cli

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/dustin/go-humanize"
	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"

	"github.com/storyline-news/storyline/internal/news"
	"github.com/storyline-news/storyline/internal/source/file"
	"github.com/storyline-news/storyline/internal/source/web"
)

// isTerminal reports whether w is a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && isTerminalFile(f)
}

func isTerminalFile(f *os.File) bool { return term.IsTerminal(int(f.Fd())) }

// inputPlan is what add knows of its inputs before reading them: how many
// the files hold (a page file is one, a JSONL file one per line) and
// their bytes; open when some are counted only as they come (URLs, feeds,
// web archives, the standard input).
type inputPlan struct {
	inputs int
	bytes  int64
	open   bool
}

// planInputs counts the inputs that files and folders hold. It reads JSONL
// files through once (at disk speed, a small share of extracting them).
func planInputs(paths []string) inputPlan {
	var p inputPlan
	for _, arg := range paths {
		if arg == "-" || web.IsURL(arg) {
			p.open = true
			continue
		}
		info, err := os.Stat(arg)
		if err != nil {
			p.inputs++ // it fails, and counts as done
			continue
		}
		if !info.IsDir() {
			p.addFile(arg, info.Size())
			continue
		}
		for path, err := range file.Walk(arg) {
			if err != nil {
				p.inputs++
				continue
			}
			if info, err := os.Stat(path); err == nil {
				p.addFile(path, info.Size())
			}
		}
	}
	return p
}

func (p *inputPlan) addFile(path string, size int64) {
	p.bytes += size
	switch file.FormatOf(path) {
	case file.JSONL:
		n, err := countLines(path)
		if err != nil {
			p.open = true
		}
		p.inputs += n
	case file.WARC, file.Feed, file.Unknown:
		p.open = true // records, items, or JSONL by content: counted as read
	default:
		p.inputs++
	}
}

// countLines counts the inputs of a (gzipped) JSONL file: its lines that
// are not blank, read as file.ReadJSONL reads them (a line it cannot read
// ends the file with one failed input, and a file with no line is one).
func countLines(path string) (int, error) {
	f, err := os.Open(path)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	var r io.Reader = f
	if strings.HasSuffix(strings.ToLower(path), ".gz") {
		zr, err := gzip.NewReader(f)
		if err != nil {
			return 0, err
		}
		defer zr.Close()
		r = zr
	}
	return countJSONLInputs(r), nil
}

func countJSONLInputs(r io.Reader) int {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), news.MaxPageBytes)
	n := 0
	for sc.Scan() {
		if len(bytes.TrimSpace(sc.Bytes())) > 0 {
			n++
		}
	}
	switch {
	case sc.Err() != nil:
		n++ // the line it could not read is a failed input
	case n == 0:
		n = 1 // a file with no line is one failed input (file.ErrNoJSONLines)
	}
	return n
}

// progressBar draws a run's progress on stderr (schollz/progressbar):
// inputs done out of the total (known up front for files; counted as
// they come for URLs, feeds and archives), their rate and the time left.
// Off, it draws nothing.
type progressBar struct {
	bar  *progressbar.ProgressBar
	plan inputPlan
}

// barThrottle bounds how often the bar redraws: ten times a second is as
// often as a reader can follow, and keeps a fast run's terminal writes few.
const barThrottle = 100 * time.Millisecond

func newProgressBar(w io.Writer, paths []string, on bool) *progressBar {
	if !on {
		return &progressBar{}
	}
	return newProgressBarWith(w, planInputs(paths), barThrottle)
}

func newProgressBarWith(w io.Writer, plan inputPlan, throttle time.Duration) *progressBar {
	desc := fmt.Sprintf("%d inputs in files", plan.inputs)
	if plan.bytes > 0 {
		desc += " (" + humanize.Bytes(uint64(plan.bytes)) + ")"
	}
	total := max(1, plan.inputs)
	if plan.open {
		desc += " + as they come"
		total = -1 // no end known: a spinner with the count, the rate and the time so far
	}
	return &progressBar{plan: plan, bar: progressbar.NewOptions(total,
		progressbar.OptionSetWriter(w),
		progressbar.OptionSetDescription(desc),
		progressbar.OptionShowCount(),
		progressbar.OptionShowIts(),
		progressbar.OptionSetItsString("inputs"),
		progressbar.OptionSetPredictTime(true),
		progressbar.OptionSetElapsedTime(true),
		progressbar.OptionSetWidth(24),
		progressbar.OptionThrottle(throttle),
		progressbar.OptionClearOnFinish(),
		progressbar.OptionSetRenderBlankState(true),
	)}
}

// update moves the bar to a run's counts: an input is done once read and
// extracted (or found stored before, or failed), the costly stage; the
// writer stores the extracted articles window by window behind it.
func (p *progressBar) update(s news.RunSummary) {
	if p.bar == nil {
		return
	}
	if !p.plan.open && s.Read > p.bar.GetMax() { // a JSONL line that held several inputs
		p.bar.ChangeMax(s.Read)
	}
	p.bar.Set(s.Read)
}

// finish takes the bar off the terminal.
func (p *progressBar) finish() {
	if p.bar != nil {
		p.bar.Finish()
		p.bar.Exit()
	}
}

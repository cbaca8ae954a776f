package engine_test

import (
	"context"
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/storyline-news/storyline/internal/engine"
	"github.com/storyline-news/storyline/internal/eval"
	"github.com/storyline-news/storyline/internal/news"
	"github.com/storyline-news/storyline/internal/source"
	"github.com/storyline-news/storyline/internal/store/sqlite"
)

type scratchCounting struct {
	*sqlite.Store
	bytes int
	rows  int
	sql   time.Duration
}

func (s *scratchCounting) SaveBatch(ctx context.Context, b news.WriteBatch) ([]string, error) {
	n, r := scratchStateBytes(b)
	s.bytes += n
	s.rows += r
	t := time.Now()
	out, err := s.Store.SaveBatch(ctx, b)
	s.sql += time.Since(t)
	return out, err
}

func scratchCPU() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func scratchMedian(xs []float64) float64 {
	s := slices.Clone(xs)
	slices.Sort(s)
	return s[len(s)/2]
}

func TestScratchLoneWrite(t *testing.T) {
	sizes := os.Getenv("SCRATCH_SIZES")
	if sizes == "" {
		t.Skip("scratch")
	}
	undated := os.Getenv("SCRATCH_UNDATED") != ""
	ctx := context.Background()
	base := tempStore(t)
	st := &scratchCounting{Store: base}
	next := eval.SyntheticStream(1)
	article := func() news.Article {
		a := next()
		if undated {
			a.Published = time.Time{}
		}
		return a
	}
	stored := 0
	for _, f := range strings.Split(sizes, ",") {
		n, _ := strconv.Atoi(f)
		var arts []news.Article
		for ; stored < n; stored++ {
			arts = append(arts, article())
		}
		if len(arts) > 0 {
			run(t, st, source.Articles(arts), engine.Options{})
		}
		for round := 0; round < 3; round++ {
			c0, w0 := scratchCPU(), time.Now()
			e, err := engine.Start(ctx, st, engine.Options{})
			if err != nil {
				t.Fatal(err)
			}
			restoreCPU, restoreWall := scratchCPU()-c0, time.Since(w0)
			var cpu, wall, bytes, rows, sqlms []float64
			for range 15 {
				a := article()
				stored++
				st.bytes, st.rows, st.sql = 0, 0, 0
				c0, w0 := scratchCPU(), time.Now()
				if _, err := e.Submit(ctx, source.Articles([]news.Article{a}), nil); err != nil {
					t.Fatal(err)
				}
				cpu = append(cpu, float64(scratchCPU()-c0)/1e6)
				wall = append(wall, float64(time.Since(w0))/1e6)
				bytes = append(bytes, float64(st.bytes))
				rows = append(rows, float64(st.rows))
				sqlms = append(sqlms, float64(st.sql)/1e6)
			}
			e.Close()
			fmt.Printf("SCRATCH undated=%v stored=%d restore cpu %.0f ms wall %.0f ms | first write: bytes %.0f rows %.0f cpu %.1f ms | lone write median: bytes %.0f rows %.0f cpu %.1f ms wall %.1f ms sql %.1f ms\n",
				undated, n, float64(restoreCPU)/1e6, float64(restoreWall)/1e6, bytes[0], rows[0], cpu[0], scratchMedian(bytes), scratchMedian(rows), scratchMedian(cpu), scratchMedian(wall), scratchMedian(sqlms))
		}
	}
}

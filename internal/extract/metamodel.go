package extract

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"slices"
	"sync"

	"github.com/storyline-news/storyline/internal/learn"
	"github.com/storyline-news/storyline/internal/news"
)

// Ranker picks one of a page's candidates for a metadata field: a
// gradient-boosted classifier gives each candidate the probability that it
// is the field's value, and the most probable one is taken when it
// reaches Threshold and its Share of the probability it and the runner-up
// of another value have (see Score) reaches MinShare (both chosen on the
// fitting pages; 0 always takes one).
type Ranker struct {
	Features  []string       `json:"features"`
	Model     *learn.Boosted `json:"model"`
	Threshold float64        `json:"threshold"`
	MinShare  float64        `json:"min_share,omitempty"`
	FittedOn  []string       `json:"fitted_on,omitempty"`
	Figures   string         `json:"figures,omitempty"` // held-out figures, with the command that measured them
	// fast is Model laid out for speed (compile), set when the ranker is
	// validated; a ranker built in memory (a fit) is read through Model.
	fast *forest
}

// Scored is a ranker's best candidate of a page: its index (-1 when there
// is none), its probability, and its share p/(p+q) of it and q, the
// probability of the most probable candidate of another value (another
// day, for dates): 1 when every candidate says the same, 0.5 when the
// ranker cannot tell two values apart.
type Scored struct {
	Best     int
	P, Share float64
}

// Score returns the most probable candidate and how sure of it the ranker
// is, before the thresholds.
func (r *Ranker) Score(cands []MetaCandidate) Scored {
	if r == nil || r.Model == nil {
		return Scored{Best: -1}
	}
	if lastResortPick(cands) {
		return Scored{Best: 0, P: 1, Share: 1}
	}
	ps := make([]float64, len(cands))
	if r.fast != nil {
		// the same sums in the same order as Model.Predict: the same probabilities
		r.fast.predictRows(ps, func(i int) []float64 { return cands[i].Features })
	} else {
		for i, c := range cands {
			ps[i] = r.Model.Predict(c.Features)
		}
	}
	s := Scored{Best: -1, P: -1}
	for i, pi := range ps {
		if pi > s.P {
			s.Best, s.P = i, pi
		}
	}
	if s.Best < 0 {
		return Scored{Best: -1}
	}
	other := 0.0
	for i, c := range cands {
		if ps[i] > other && !sameValue(c, cands[s.Best]) {
			other = ps[i]
		}
	}
	s.Share = 1
	if s.P+other > 0 {
		s.Share = s.P / (s.P + other)
	}
	return s
}

// sameValue reports whether two candidates give the same value: the same
// day for dates (times of one day are one date), else the same text.
func sameValue(a, b MetaCandidate) bool {
	if !a.Time.IsZero() || !b.Time.IsZero() {
		ay, am, ad := a.Time.Date()
		by, bm, bd := b.Time.Date()
		return ay == by && am == bm && ad == bd
	}
	return a.Value == b.Value
}

// Pick returns the index of the most probable candidate, -1 when there is
// no candidate, the best is below the threshold or its share below
// MinShare, or there is no ranker. Without a MinShare it leaves off the
// candidates that cannot reach the threshold before walking all the trees
// (forest.bestRow): the same pick as Score's; the byline ranker so walks
// 86% of its candidates' trees on msv-chaos.
func (r *Ranker) Pick(cands []MetaCandidate) int {
	if r != nil && r.Model != nil && lastResortPick(cands) {
		return 0
	}
	if r != nil && r.fast != nil && r.MinShare <= 0 {
		rows := make([][]float64, len(cands))
		for i := range cands {
			rows[i] = cands[i].Features
		}
		return r.fast.bestRow(rows, r.Threshold)
	}
	s := r.Score(cands)
	if s.Best < 0 || s.P < r.Threshold || s.Share < r.MinShare {
		return -1
	}
	return s.Best
}

func (r *Ranker) validate(field string, names []string) error {
	if r == nil || r.Model == nil {
		return fmt.Errorf("metadata model: no %s ranker", field)
	}
	if !slices.Equal(r.Features, names) {
		return fmt.Errorf("metadata model: the %s ranker reads features %v, the extractor gives %v (refit it)", field, r.Features, names)
	}
	if err := r.Model.Validate(len(names)); err != nil {
		return fmt.Errorf("metadata model: %s ranker: %w", field, err)
	}
	if r.fast == nil { // compiled once: a validated ranker may be in use by other goroutines (the embedded model)
		r.fast = compile(r.Model)
	}
	return nil
}

// MetaModel holds the rankers of the metadata fields of HTML pages and of
// text dumps. The embedded model (metamodel.json) is written by `storyline
// eval meta --fit --out internal/extract/metamodel.json` over the labelled
// sets of ../shared/bench/extraction; each ranker keeps the sets it was
// fitted on and the held-out figures it reached.
type MetaModel struct {
	Figures string  `json:"figures,omitempty"` // held-out figures, with the commands that measured them
	Title   *Ranker `json:"title"`
	Byline  *Ranker `json:"byline"`
	Date    *Ranker `json:"date"`
	// The rankers of text dumps, over lines (see dumpMetadata).
	DumpTitle  *Ranker `json:"dump_title"`
	DumpByline *Ranker `json:"dump_byline"`
	DumpDate   *Ranker `json:"dump_date"`
}

// Validate checks that every ranker is there and reads the features the
// extractor gives, in their order.
func (m *MetaModel) Validate() error { return m.validate(false) }

// ValidatePresent checks the rankers that are there as Validate does and
// lets any be missing: a model whose rankers to be refitted were taken
// out, because their features changed (storyline eval meta --fit --fields).
func (m *MetaModel) ValidatePresent() error { return m.validate(true) }

func (m *MetaModel) validate(skipMissing bool) error {
	for _, f := range []struct {
		name  string
		r     *Ranker
		names []string
	}{
		{"title", m.Title, TitleFeatureNames()},
		{"byline", m.Byline, BylineFeatureNames()},
		{"date", m.Date, DateFeatureNames()},
		{"dump title", m.DumpTitle, DumpTitleFeatureNames()},
		{"dump byline", m.DumpByline, DumpBylineFeatureNames()},
		{"dump date", m.DumpDate, DumpDateFeatureNames()},
	} {
		if skipMissing && f.r == nil {
			continue
		}
		if err := f.r.validate(f.name, f.names); err != nil {
			return err
		}
	}
	return nil
}

// ParseMetaModel reads a metadata model written as JSON and validates it.
func ParseMetaModel(data []byte) (*MetaModel, error) {
	var m MetaModel
	if err := json.Unmarshal(data, &m); err != nil {
		return nil, fmt.Errorf("metadata model: %w", err)
	}
	if err := m.Validate(); err != nil {
		return nil, err
	}
	return &m, nil
}

//go:embed metamodel.json
var embeddedMetaModel []byte

// EmbeddedMetaModel returns the embedded metadata model's JSON, for a
// refit of some of its rankers that keeps the others (storyline eval meta
// --fit --fields).
func EmbeddedMetaModel() []byte { return slices.Clone(embeddedMetaModel) }

var defaultMetaModel = sync.OnceValues(func() (*MetaModel, error) { return ParseMetaModel(embeddedMetaModel) })

// DefaultMetaModel returns the embedded metadata model. One that does not
// load (features changed since it was fitted) is a build defect that
// TestEmbeddedMetaModelLoads reports; the extractor then gives no title,
// byline or date rather than failing, because fitting a new model reads
// the text dumps through the extractor before any model exists.
func DefaultMetaModel() *MetaModel {
	if m, err := defaultMetaModel(); err == nil {
		return m
	}
	return &MetaModel{}
}

// PageMetaCandidates parses an HTML page and returns its title, byline and
// date candidates as the rankers see them, for fitting and evaluating the
// rankers (storyline eval meta).
func PageMetaCandidates(p news.Page) (MetaCandidates, error) {
	if p.Kind != news.KindHTML {
		return MetaCandidates{}, fmt.Errorf("page %s: metadata candidates are read from HTML, not %q", p.ID, p.Kind)
	}
	doc, err := parseHTML(p.Body)
	if err != nil {
		return MetaCandidates{}, fmt.Errorf("page %s: parse HTML: %w", p.ID, err)
	}
	pm := readMeta(doc)
	pm.read = p.Fetched
	u := pm.address(p.URL)
	return MetaCandidates{
		Title:  pm.titleMetaCandidates(u),
		Byline: pm.bylineMetaCandidates(),
		Date:   pm.dateMetaCandidates(u),
	}, nil
}

// DumpMetaCandidates reads a text dump and returns its title, byline and
// date candidates as the dump rankers see them, for fitting and evaluating
// the rankers (storyline eval meta --text): the dump's lines and the ones
// the embedded text model keeps, as extraction gives them to dumpMetadata
// (keptDumpLines; with no site template, as Extract reads a single page).
func DumpMetaCandidates(p news.Page) (MetaCandidates, error) {
	if p.Kind != news.KindText {
		return MetaCandidates{}, fmt.Errorf("page %s: dump metadata candidates are read from text dumps, not %q", p.ID, p.Kind)
	}
	m, err := defaultModel()
	if err != nil {
		return MetaCandidates{}, err
	}
	_, _, lines, keep, _ := keptDumpLines(p.Body, p.URL, nil, m)
	d := newDumpDoc(lines, keep, p.URL)
	d.read = p.Fetched
	return MetaCandidates{Title: d.titleCandidates(), Byline: d.bylineCandidates(), Date: d.dateCandidates()}, nil
}

package eval

import (
	"context"
	"fmt"

	"github.com/storyline-news/storyline/internal/extract"
	"github.com/storyline-news/storyline/internal/news"
)

// RefitFoldKinds returns kept site-fold models (LoadFoldModels, one per
// fold of len(models)) whose HTML page kind classifiers are refitted
// (extract.Model.RefitKinds) on the kind features of the HTML pages of a
// known kind (LabelledPage.Kind) among pages whose site lies in the other
// folds, as CrossValidateBySite fitted them: each fold's pages are then
// scored by kinds that never saw their site. The block classifiers stay as
// they were fitted. A page without a body to read is left out of the fit.
// seed is the fit's boosting seed (eval extract --seed).
func RefitFoldKinds(ctx context.Context, pages []LabelledPage, models []*extract.Model, workers int, seed int64) ([]*extract.Model, error) {
	k := len(models)
	xs := make([][]float64, len(pages))
	eachPage(ctx, len(pages), workers, func(i int) {
		p := pages[i]
		if p.Kind == "" || p.Page.Kind != news.KindHTML {
			return
		}
		if x, ok := models[siteFold(p.Site, k)].KindFeatures(p.Page); ok {
			xs[i] = x
		}
	})
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]*extract.Model, k)
	for f := range k {
		var rows [][]float64
		var kinds []string
		for i, p := range pages {
			if xs[i] != nil && siteFold(p.Site, k) != f {
				rows, kinds = append(rows, xs[i]), append(kinds, p.Kind)
			}
		}
		m, err := models[f].RefitKinds(ctx, rows, kinds, seed)
		if err != nil {
			return nil, fmt.Errorf("site fold %d/%d: %w", f+1, k, err)
		}
		out[f] = m
	}
	return out, nil
}

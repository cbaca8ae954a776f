// Package learn fits and applies the small models storyline's stages learn
// from labelled data instead of hand-set thresholds: logistic regression for a
// handful of well-behaved features, and gradient-boosted decision trees for
// many heterogeneous ones (block classification, join decisions). Both
// serialise to JSON, so a fitted model is kept as a data file beside the
// command that fitted it and embedded in the binary. The package does no I/O
// and depends on the standard library only.
package learn

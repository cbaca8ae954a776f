// Package demo bundles the demo corpus: fictional outlets reporting fictional
// events, written for storyline, as raw HTML pages, a plain-text page dump and
// article JSONL, so that `storyline demo` shows every part of the product
// without network or data.
package demo

import (
	"embed"
	"io/fs"
	"os"
	"path/filepath"
)

//go:embed corpus
var corpus embed.FS

// Files returns the corpus as a file system rooted at its folder.
func Files() fs.FS {
	sub, err := fs.Sub(corpus, "corpus")
	if err != nil {
		panic(err) // the folder is embedded at build time
	}
	return sub
}

// WriteTo copies the corpus into dir.
func WriteTo(dir string) error {
	return fs.WalkDir(Files(), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		target := filepath.Join(dir, filepath.FromSlash(p))
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		b, err := fs.ReadFile(Files(), p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, b, 0o644)
	})
}

package cli

import (
	"flag"
	"fmt"
	"net/url"
	"os"
	"strings"

	"github.com/storyline-news/storyline/internal/source/web"
)

// pageFlags are the outlet and address a user names for page files that
// carry neither (add and extract --source, --url; source.Given says which
// inputs they go to).
type pageFlags struct {
	source, url *string
}

// addPageFlags defines --source and --url on a command's flags.
func addPageFlags(fs *flag.FlagSet) pageFlags {
	return pageFlags{
		source: fs.String("source", "", "the outlet of the page files (wins over the name the pages give) and of JSONL articles that name none"),
		url:    fs.String("url", "", "the address of the one page file given, when it carries none (absolute http(s) URL; also a JSONL article without one)"),
	}
}

// check refuses a --source that is only blanks and a --url that is no
// absolute http(s) URL or that would go to more than one page: an
// address names one page, and two articles at one address are stored as
// one, so --url takes one input, a file or the standard input.
func (p pageFlags) check(paths []string) error {
	if *p.source != "" && strings.TrimSpace(*p.source) == "" {
		return &UsageError{"--source is blank: give the outlet's name"}
	}
	if *p.url == "" {
		return nil
	}
	if u, err := url.Parse(*p.url); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return &UsageError{fmt.Sprintf("--url %q: give an absolute http or https URL", *p.url)}
	}
	switch {
	case len(paths) > 1:
		return &UsageError{fmt.Sprintf("--url names one page, and %d inputs are given (%s): give each page its address in a run of its own", len(paths), namesOf(paths))}
	case len(paths) == 1 && web.IsURL(paths[0]):
		return &UsageError{fmt.Sprintf("--url: %s is fetched from its own address; --url is for a saved page", paths[0])}
	case len(paths) == 1 && isDir(paths[0]):
		return &UsageError{fmt.Sprintf("--url names one page, and %s is a folder: give each page its address in a run of its own", paths[0])}
	}
	return nil
}

// namesOf lists inputs for a message: the first three and how many more.
func namesOf(paths []string) string {
	const shown = 3
	if len(paths) <= shown {
		return strings.Join(paths, ", ")
	}
	return fmt.Sprintf("%s and %d more", strings.Join(paths[:shown], ", "), len(paths)-shown)
}

// isDir reports whether path names an existing folder.
func isDir(path string) bool {
	info, err := os.Stat(path)
	return err == nil && info.IsDir()
}

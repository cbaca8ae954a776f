package news

import (
	"net/url"
	"sort"
	"strings"
	"unicode"
)

// OutletKey is the one name of an outlet however its pages spell it: lower
// case, without a leading "www." or "the ", with letters and digits only
// ("NYT", "nyt" and "N.Y.T." are "nyt"; "The Guardian" and "guardian" are
// "guardian"; "www.bbc.co.uk" is "bbccouk"). Two outlets whose names differ
// only in case, punctuation, spacing, "www." or a leading article are one;
// names that differ in words ("BBC" and "bbc.co.uk") stay apart, as no rule
// can tell them one without a list of sites. "" stays "".
func OutletKey(name string) string {
	s := strings.ToLower(strings.TrimSpace(name))
	s = strings.TrimPrefix(s, "www.")
	if rest, ok := strings.CutPrefix(s, "the "); ok && strings.TrimSpace(rest) != "" {
		s = rest
	}
	var b strings.Builder
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	if b.Len() == 0 && s != "" {
		// All punctuation: keep it (without spaces) rather than merge it
		// with "no outlet".
		return strings.Join(strings.Fields(s), "")
	}
	return b.String()
}

// OutletName is the outlet an article is shown under: its source, else the
// host of its URL without "www.", else UnknownOutlet.
func OutletName(source, rawURL string) string {
	if s := strings.TrimSpace(source); s != "" {
		return s
	}
	if u, err := url.Parse(rawURL); err == nil && u.Hostname() != "" {
		return strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
	}
	return UnknownOutlet
}

// ArticleOutletKey is the OutletKey of the outlet an article is shown under
// (OutletName); "" for an article whose outlet is unknown.
func ArticleOutletKey(source, rawURL string) string {
	name := OutletName(source, rawURL)
	if name == UnknownOutlet {
		return ""
	}
	return OutletKey(name)
}

// OutletSpelling is how many stored articles spell an outlet one way.
type OutletSpelling struct {
	Key, Name string
	Articles  int
}

// OutletCounts merges the spellings of each outlet into one count, shown
// under its most used spelling (ties: the first in byte order, so that
// "NYT" wins over "nyt" at equal counts); sorted by name, case ignored.
func OutletCounts(spellings []OutletSpelling) []SourceCount {
	best := map[string]OutletSpelling{}
	total := map[string]int{}
	for _, sp := range spellings {
		total[sp.Key] += sp.Articles
		if b, ok := best[sp.Key]; !ok || sp.Articles > b.Articles || sp.Articles == b.Articles && sp.Name < b.Name {
			best[sp.Key] = sp
		}
	}
	out := make([]SourceCount, 0, len(best))
	for key, b := range best {
		out = append(out, SourceCount{Source: b.Name, Key: key, Articles: total[key]})
	}
	sort.Slice(out, func(i, j int) bool {
		li, lj := strings.ToLower(out[i].Source), strings.ToLower(out[j].Source)
		if li != lj {
			return li < lj
		}
		return out[i].Key < out[j].Key
	})
	return out
}

// NameSummaries gives summaries tallied by outlet key (SourceTally fed
// keys) their keys and the names the outlets are shown under.
func NameSummaries(sums []SourceSummary, names []SourceCount) []SourceSummary {
	name := map[string]string{}
	for _, n := range names {
		name[n.Key] = n.Source
	}
	for i := range sums {
		key := sums[i].Source
		if key == UnknownOutlet {
			sums[i].Key = ""
			continue
		}
		sums[i].Key = key
		if n, ok := name[key]; ok {
			sums[i].Source = n
		}
	}
	return sums
}

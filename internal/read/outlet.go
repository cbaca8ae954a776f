package read

import (
	"context"
	"slices"

	"github.com/storyline-news/storyline/internal/news"
)

// OutletPage is a page of an outlet's stories that match a role and a
// publication range, with how many match in all and how many of its
// stories it played each role in.
type OutletPage struct {
	Stories []news.OutletStory
	Total   int
	Roles   map[news.OutletRole]int
	// Cut says that the outlet has more than news.MaxOutletStories stories:
	// only the most recent news was read.
	Cut bool
}

// outletStories is an outlet's stories as read once for all its pages.
type outletStories struct {
	list []news.OutletStory
	cut  bool
}

// Outlet reads a page of the stories of the outlet of key (news.OutletKey)
// in which it played role, within span.
func (r *Reader) Outlet(ctx context.Context, key string, role news.OutletRole, span PublishedRange, limit, offset int) (OutletPage, error) {
	if err := checkPaging(offset); err != nil {
		return OutletPage{}, err
	}
	v, err := r.cache.get(ctx, "outlet "+key, func(ctx context.Context) (any, error) {
		list, err := r.st.OutletStories(ctx, key, news.MaxOutletStories+1)
		if err != nil {
			return nil, err
		}
		cut := len(list) > news.MaxOutletStories
		if cut {
			list = list[:news.MaxOutletStories]
		}
		return outletStories{list, cut}, nil
	})
	if err != nil {
		return OutletPage{}, err
	}
	all := v.(outletStories)
	name, err := r.OutletNames(ctx)
	if err != nil {
		return OutletPage{}, err
	}
	p := OutletPage{Stories: []news.OutletStory{}, Cut: all.cut, Roles: map[news.OutletRole]int{}}
	for _, o := range all.list {
		if !span.Open() && !span.Meets(o.Story) {
			continue
		}
		for _, r := range []news.OutletRole{news.RoleAny, news.RoleFirst, news.RoleRewrote, news.RoleRewrittenBy, news.RoleUnique} {
			if o.Has(r) {
				p.Roles[r]++
			}
		}
		if !o.Has(role) {
			continue
		}
		if p.Total >= offset && len(p.Stories) < limit {
			p.Stories = append(p.Stories, namedOutlets(o, name))
		}
		p.Total++
	}
	return p, nil
}

// UnknownOutlet tells whether name (an outlet filter, any spelling) names
// no stored outlet, and if so which stored outlets are close to it
// (news.CloseOutlets), for "did you mean"; a name the user aliased to a
// stored outlet names it (Reader.OutletKey). It reads the outlets' list,
// which the stores read from an index alone.
func (r *Reader) UnknownOutlet(ctx context.Context, name string) (unknown bool, close []news.SourceCount, err error) {
	key, err := r.OutletKey(ctx, name)
	if key == "" || err != nil {
		return false, nil, err
	}
	outlets, err := r.SourceNames(ctx)
	if err != nil || news.HasOutletKey(key, outlets) {
		return false, nil, err
	}
	return true, news.CloseOutlets(name, outlets), nil
}

// namedOutlets is o with the outlets it names (the story's sources, those
// it rewrote and those that rewrote it) named as story lists name them
// (Reader.OutletNames: an aliased short code by its outlet's name), each
// once; new slices, so that the kept list is not changed.
func namedOutlets(o news.OutletStory, name func([]string) []string) news.OutletStory {
	o.Story.Sources = onceEach(name(o.Story.Sources))
	o.Rewrote = onceEach(name(o.Rewrote))
	o.RewrittenBy = onceEach(name(o.RewrittenBy))
	return o
}

// onceEach is names without those given earlier in it, a new slice.
func onceEach(names []string) []string {
	out := make([]string, 0, len(names))
	for _, n := range names {
		if !slices.Contains(out, n) {
			out = append(out, n)
		}
	}
	return out
}

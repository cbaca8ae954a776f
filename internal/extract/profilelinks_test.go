package extract

import "testing"

// A forum thread's first poster, a link to their profile before the first
// post, is a byline candidate of its own source; a profile link before the
// headline (the signed-in user's menu) is not; the page's count of
// profile names says it is a thread.
func TestProfileLinkCandidate(t *testing.T) {
	page := `<html><head><title>Tomato leaves curling after repotting</title></head>
<body><div class="top"><a href="https://garden.example/members/visitor.7/">visitor</a></div>
<h1>Tomato leaves curling after repotting</h1>
<div><a href="https://garden.example/members/fernhollow.1203/">fernhollow</a><p>My tomato seedlings curl their leaves since I moved them into bigger pots last week. Too much water?</p></div>
<div><a href="https://garden.example/members/quillbert.88/">quillbert</a><p>Probably transplant shock, give them a few days in the shade.</p></div>
<div><a href="https://garden.example/members/marrowfield.9/">marrowfield</a><p>Check the roots are not sitting in water.</p></div>
</body></html>`
	byText, feature := bylineFeaturesOf(t, page)
	if feature("fernhollow", "src_profile_link") != 1 {
		t.Error("the first poster is no profile-link candidate")
	}
	for _, other := range []string{"visitor", "quillbert"} {
		if f, ok := byText[other]; ok && f[indexOf(BylineFeatureNames(), "src_profile_link")] == 1 {
			t.Errorf("%s is a profile-link candidate", other)
		}
	}
	if got := feature("fernhollow", "profile_names"); got != logCount(4) {
		t.Errorf("profile_names = %v, want log1p(4)", got)
	}
}

// A profile link whose text carries the byline's "By" gives the name
// after it.
func TestProfileLinkDropsBy(t *testing.T) {
	page := `<html><head><title>Kiln repairs for beginners</title></head>
<body><h1>Kiln repairs for beginners</h1>
<p><a href="https://pottery.example/author/odile-brannagh/">By Odile Brannagh</a></p>
<p>Most kiln faults are a worn element or a loose connection, and both are cheap to fix at home.</p></body></html>`
	_, feature := bylineFeaturesOf(t, page)
	if feature("Odile Brannagh", "src_profile_link") != 1 {
		t.Error("the profile link's name is read with its By")
	}
}

// Forum software links a poster's profile by a relative address without a
// leading slash ("member.php?u=7"), which is a profile link as well.
func TestRelativeProfileHref(t *testing.T) {
	for href, want := range map[string]bool{
		"member.php?u=7":                        true,
		"profile.php?id=12":                     true,
		"https://forum.example/member.php?u=7":  true,
		"https://forum.example/nonmember.php?x": false,
		"remember.php?u=7":                      false,
	} {
		if got := profileHref.MatchString(href); got != want {
			t.Errorf("profileHref(%q) = %v, want %v", href, got, want)
		}
	}
}

package extract

import "testing"

// forumThreadPage is a message board's thread: three posts, each with its
// member's card (a rank, when they joined, how many posts) and a relative
// stamp, in elements marked as schema.org forum postings.
const forumThreadPage = `<html><body><h1>Which mulch for a clay allotment?</h1>
<div class="post" itemscope itemtype="https://schema.org/DiscussionForumPosting">
<div class="poster"><a href="/u/1">marrowman</a><dl><dt>Joined: 2019-03-02</dt><dt>Posts: 412</dt></dl></div>
<div class="stamp">3 years ago</div>
<p>My plot sits on heavy clay and the beds crack every dry spell. Has anyone had luck with bark or with straw?</p></div>
<div class="post" itemscope itemtype="https://schema.org/DiscussionForumPosting">
<div class="poster"><a href="/u/2">beanrows</a><dl><dt>Joined: 2021-07-15</dt><dt>Posts: 88</dt></dl></div>
<div class="stamp">2 years ago</div>
<p>Leaf mould worked best for me; it takes a season to rot down but the clay opens up under it.</p></div>
<div class="post" itemscope itemtype="https://schema.org/DiscussionForumPosting">
<div class="poster"><a href="/u/3">plotholder</a><dl><dt>Joined: 2015-01-09</dt><dt>Posts: 2,950</dt></dl></div>
<div class="stamp">an hour ago</div>
<p>Straw brought slugs onto my beds, so I would try the leaf mould first and keep the straw for the paths.</p></div>
</body></html>`

// TestPageFeaturesReadAForumThread: the thread's members' stamps,
// relative stamps and forum markup are counted; the news post with a
// comment thread (threadPage) has none of them.
func TestPageFeaturesReadAForumThread(t *testing.T) {
	for _, c := range []struct {
		name         string
		forum, story float64
	}{
		{"member_stamps", log1p(6), 0},
		{"ago_stamps", log1p(3), 0},
		{"forum_markup", 1, 0},
	} {
		if got := pageFeature(t, forumThreadPage, "", "", c.name); got != c.forum {
			t.Errorf("forum thread: %s %.3f, want %.3f", c.name, got, c.forum)
		}
		if got := pageFeature(t, threadPage, "", "", c.name); got != c.story {
			t.Errorf("news post: %s %.3f, want %.3f", c.name, got, c.story)
		}
	}
	if got := pageFeature(t, threadPage, "webpage discussionforumposting", "", "forum_markup"); got != 1 {
		t.Errorf("JSON-LD naming a forum posting: forum_markup %v, want 1", got)
	}
}

// TestMemberAndAgoStamps: a stamp is a short block; the words open it as
// whole words; a sentence that says "ago" is no stamp.
func TestMemberAndAgoStamps(t *testing.T) {
	for text, want := range map[string]bool{
		"Joined: 2019-03-02": true, "Posts: 2,950": true, "Member since Jan 12, 2019": true, "Messages": true,
		"Reaction score 1,204": true, "Postscript": false, "Registered users can comment below": false,
		"Posts about the council's budget and its cuts": false, "Joinery": false,
	} {
		b := measureBlock(text)
		if got := isMemberStamp(&b); got != want {
			t.Errorf("isMemberStamp(%q) = %v, want %v", text, got, want)
		}
	}
	for text, want := range map[string]bool{
		"3 years ago": true, "an hour ago": true, "jamesw 1 year ago | 12 comments": true, "5min ago": true,
		"Agogo drums": false, "The library opened its doors to readers of the town more than 120 years ago, in a listed hall": false,
		"years ago": false,
	} {
		b := measureBlock(text)
		if got := isAgoStamp(&b); got != want {
			t.Errorf("isAgoStamp(%q) = %v, want %v", text, got, want)
		}
	}
}

// TestPageFeaturesReadAForumAddress: a forum host's first label and the
// path segments forum software addresses threads by.
func TestPageFeaturesReadAForumAddress(t *testing.T) {
	for _, c := range []struct {
		url          string
		host, thread float64
	}{
		{"https://community.example.com/t/upgrade-broke-my-build/93182", 1, 1},
		{"https://forum.example.org/showthread.php?t=186269", 1, 1},
		{"https://www.example.com/r/gardening/comments/1abc2d/which_mulch/", 0, 1},
		{"https://www.example.com/ShowTopic-g1-i2-k3-Tips.html", 0, 1},
		{"https://bbs.example.org/viewtopic.php?id=309936", 1, 0}, // viewtopic is url_forum's word
		{"https://news.example.co.uk/2024/05/12/council-votes-to-close-the-old-library.html", 0, 0},
		{"https://www.example.com/don-t-miss-the-show", 0, 0}, // a "t" inside a slug is no segment
		{"https://www.forumgroup.com/about", 0, 0},
		{"not a url \x7f", 0, 0},
	} {
		if got := pageFeature(t, threadPage, "", c.url, "url_host_forum"); got != c.host {
			t.Errorf("%q: url_host_forum %v, want %v", c.url, got, c.host)
		}
		if got := pageFeature(t, threadPage, "", c.url, "url_thread_path"); got != c.thread {
			t.Errorf("%q: url_thread_path %v, want %v", c.url, got, c.thread)
		}
	}
}

package compare

import (
	"testing"

	"github.com/storyline-news/storyline/internal/news"
)

// A lone word written before a noun of a group's members ("Shabaab
// fighters") and, elsewhere, as the head of a noun phrase ("the Shabaab
// said") is the group, an organisation, wherever the article writes it
// alone. The names are real groups' (the model, fitted on Reuters 1996,
// finds no name in them); the sentences are invented.
func TestGroupNamedByItsMembers(t *testing.T) {
	checkKinds(t, news.Org, []textName{
		{"Shabaab fighters attacked a checkpoint on Monday. The Shabaab said the attack was revenge. " +
			"Talks with the Shabaab collapsed in May.", "Shabaab"},
		{"The militant group Ansar fired rockets overnight. Ansar has denied the claim, and the " +
			"government blamed Ansar.", "Ansar"},
		{"Police arrested two Likud activists in Kessel. Likud said on Sunday the arrests were unlawful.", "Likud"},
	})
}

// The rule leaves alone a people ("Hutu children"), a region written after
// "in" ("aid workers in Ogaden"), a word that never heads a phrase
// ("Sunni militants"), and a surname of a person the article names in full
// ("Mitt Romney ... a Romney spokesman").
func TestGroupRuleLeavesPeoplesPlacesAndPersons(t *testing.T) {
	checkNotKind(t, news.Org, []textName{
		{"Officials met a Hutu leader on Friday. The Hutu have farmed these hills for centuries, and " +
			"many Hutu children learn the language at school.", "Hutu"},
		{"The Ogaden rebels seized the road. Aid workers in Ogaden said food was short, and the rebels hold most of Ogaden.",
			"Ogaden"},
		{"Sunni militants attacked the convoy. Sunni clerics condemned the attack.", "Sunni"},
	})
	checkKinds(t, news.Person, []textName{
		{"Mitt Romney spoke first. A Romney spokesman said the debate went well. Romney said he was pleased.", "Mitt Romney"},
	})
}

// TestGroupRuleLeavesPeoplesFaithsAndRegions: the group rule's cues
// (a member noun after the word, the word heading a phrase) hold for
// peoples and faiths the lexicon's demonyms lack, for common nouns a style
// capitalises, and for regions the gazetteer lacks; none is an
// organisation.
func TestGroupRuleLeavesPeoplesFaithsAndRegions(t *testing.T) {
	checkNotKind(t, news.Org, []textName{
		{"Druze leaders met the minister. The Druze have served in the army for decades.", "Druze"},
		{"Rohingya militants attacked police posts in August. The Rohingya have fled since then, and Rohingya refugees now number a million.", "Rohingya"},
		{"Shia militia members stormed the embassy. The Shia, who make up most of the country, were angry.", "Shia"},
		{"Opposition leaders walked out. The Opposition said the vote was rigged.", "Opposition"},
		{"The army said Idlib rebels fired shells. Government forces have encircled Idlib, the last rebel province.", "Idlib"},
		{"Troops fought Mindanao militants for months. The island of Mindanao, home to millions, is under martial law.", "Mindanao"},
	})
	// A group's apposition names no place: the rule still fires.
	checkKinds(t, news.Org, []textName{
		{"Shabaab fighters attacked a checkpoint on Monday. Officials blamed Shabaab, the militant group, for the attack.", "Shabaab"},
	})
}

// TestGroupRuleLeavesAgedPersons: a surname followed by an age ("Bukele,
// 41,") is no group's name.
func TestGroupRuleLeavesAgedPersons(t *testing.T) {
	checkNotKind(t, news.Org, []textName{
		{"A Bukele spokeswoman declined to comment. The vote went ahead, and Bukele, 41, won a second term.", "Bukele"},
	})
}

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

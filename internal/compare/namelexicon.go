package compare

import "github.com/storyline-news/storyline/internal/text"

// lexicon maps each lower-case entry to the classes that list it: the name
// lexicon of internal/text (text.NameLexicon), which the extractor shares.
type lexicon map[string][]string

// names returns the parsed name lexicon, built once and only read afterwards.
// Its "role" line is no class of names: it is read into roleNouns.
func names() lexicon { return lexicon(text.Names()) }

// roleNouns returns the lexicon's nouns of a person's role ("god",
// "moderator", "farmer", "citizens"; compromise's Actor tag): words for
// what someone is, not names.
func roleNouns() map[string]bool { return text.RoleNouns() }

// has reports whether the lower-case entry w is listed in class.
func (l lexicon) has(w, class string) bool { return text.NameLexicon(l).Has(w, class) }

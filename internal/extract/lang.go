package extract

import "github.com/storyline-news/storyline/internal/text"

// guessLang names the language of a text (ISO 639-1) from its script and, for
// Latin script, its most frequent function words; "" when unsure (text.Language).
func guessLang(s string) string { return text.Language(s) }

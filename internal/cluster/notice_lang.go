package cluster

import (
	"strings"

	"github.com/storyline-news/storyline/internal/text"
)

// The standard notices of German, French, Spanish, Italian, Portuguese,
// Dutch and Polish newsrooms, in the classes isNotice reads in English: a
// note's label, a rights line, a credit line, a note about the article
// itself and a line that asks the reader to call. Each list holds the
// ordinary words of its class in each language, written from the languages'
// usage and invented sentences, not from any page or site (session 40,
// s40-attr); the held-out read of the extraction sets' gold text is in
// docs/measurements/comparison.md.

// otherNoticeLabels open a correction, a clarification or an editor's note,
// lower case, the colon after a French space already closed up
// (closeColons): "Korrektur:", "Rectificatif :", "Fe de erratas:", "Nota
// della redazione:", "Nota da redação:", "Noot van de redactie:",
// "Sprostowanie:".
var otherNoticeLabels = []string{
	"korrektur:", "berichtigung:", "richtigstellung:", "anmerkung der redaktion:", "hinweis der redaktion:", "transparenzhinweis:",
	"rectificatif:", "erratum:", "note de la rédaction:", "note de la redaction:",
	"fe de erratas", "fe de errores", "corrección:", "rectificación:", "aclaración:", "nota del editor:", "nota de la redacción:",
	"errata corrige", "rettifica:", "correzione:", "nota della redazione:", "nota del direttore:",
	"correção:", "errata:", "retificação:", "esclarecimento:", "nota da redação:", "nota da redacção:", "nota do editor:",
	"correctie:", "rectificatie:", "noot van de redactie:", "naschrift van de redactie:",
	"sprostowanie:", "korekta:", "od redakcji:", "nota redakcyjna:",
}

// otherRightsLines are "All rights reserved" in the seven languages (French
// also as its press agencies' "rights of reproduction reserved").
var otherRightsLines = []string{
	"alle rechte vorbehalten", "tous droits réservés", "tous droits de reproduction", "todos los derechos reservados",
	"tutti i diritti riservati", "todos os direitos reservados", "alle rechten voorbehouden", "wszelkie prawa zastrzeżone",
}

// otherCreditLabels open a credit line naming the agency or reporter that
// supplied the report: "Mit Material von dpa", "Con información de EFE",
// "Com informações da Ostwire", "Con informazioni di Ansa", "Met
// medewerking van Anna Vos".
var otherCreditLabels = []string{
	"mit material von", "mit material der", "con información de", "con informacion de", "com informações de",
	"com informações da", "com informações do", "con informazioni di", "met medewerking van",
}

// maxAgencyCredit bounds a French "Avec" credit line ("Avec Ostwire",
// "Avec agences", "Avec Ostwire et Nordpress": at most 4 words): the label
// alone opens any sentence ("Avec Marie Dupont, le maire ..."), so only a
// line this short is read as a credit. Set from these forms, not tuned.
const maxAgencyCredit = 4

// agencyCredit reports whether a lower-cased paragraph is a French credit
// line "Avec Ostwire" or "(Avec agences)": "avec" and at most maxAgencyCredit
// words in all, the second capitalised as written or "agences".
func agencyCredit(words, written []string) bool {
	if len(words) < 2 || len(words) > maxAgencyCredit || words[0] != "avec" {
		return false
	}
	return words[1] == "agences" || text.IsUpperInitial(written[1])
}

// closeColons writes a French label's colon ("Rectificatif :", with a
// space or a no-break space already folded to one) as the other languages
// do, so one list of labels reads both.
func closeColons(p string) string {
	return strings.ReplaceAll(p, " :", ":")
}

// selfPointer is one language's demonstratives that point at the article
// in a note about it, and the nouns that name the article after them.
type selfPointer struct {
	this, nouns wordSet
}

// otherSelfPointers are the demonstratives ("dieser Artikel", "cet
// article", "este artículo", "questo articolo", "este artigo", "dit
// artikel", "ten artykuł"), with their cases and genders, and the nouns
// for article, text, report or item, of each of the seven languages. A
// demonstrative is read only with a noun of its own language: across
// languages the pairs are English phrases ("ten text messages", the Polish
// "ten" before the German "text"; review of s40-attr, session 40).
var otherSelfPointers = []selfPointer{
	{setOf("dieser dieses diesem diese"), setOf("artikel artikels beitrag beitrags text textes bericht berichts")}, // German
	{setOf("cet cette"), setOf("article papier")},                                                                  // French
	{setOf("este esta"), setOf("artículo articulo nota noticia")},                                                  // Spanish
	{setOf("questo questa"), setOf("articolo nota")},                                                               // Italian
	{setOf("este esta deste desta neste nesta"), setOf("artigo matéria reportagem nota")},                          // Portuguese
	{setOf("dit deze"), setOf("artikel stuk bericht tekst")},                                                       // Dutch
	{setOf("ten tego tym ta tej"), setOf("artykuł artykułu artykule tekst tekstu")},                                // Polish
}

// otherEditStems are the stems of the words of such a note: updated,
// corrected, changed, amended, added to, and the error that was mended.
var otherEditStems = []string{
	"aktualisier", "korrigier", "geändert", "ergänzt", "berichtig", "fehler", "falsch", "fälschlich",
	"actualis", "corrig", "modifi", "rectifi", "erreur", "mis",
	"actualiz", "correg", "error",
	"aggiorn", "corrett", "errore",
	"atualiz", "corrigid", "alterad", "erro",
	"bijgewerkt", "aangepast", "gecorrigeerd", "gewijzigd", "fout",
	"zaktualizow", "poprawion", "skorygow", "zmienion", "błąd", "błęd",
}

// otherSpeechWords attribute what follows to someone ("sagte", "selon",
// "según", "secondo", "segundo", "volgens", "według"): a note about "this
// report" after one of them tells of someone's document.
var otherSpeechWords = wordSet{
	"sagte": true, "sagt": true, "erklärte": true, "laut": true, "déclaré": true, "selon": true, "dijo": true, "según": true,
	"detto": true, "secondo": true, "disse": true, "segundo": true, "zei": true, "volgens": true, "powiedział": true,
	"powiedziała": true, "według": true,
}

// otherYou are the pronouns that speak to the reader, familiar and polite,
// where they are no other common word of the seven languages or of
// English (a short English line may not be told as English): not the
// German "Sie" (also "they") nor "du" (also French "of the"), the Dutch
// "je" (also French "I"), "u" (also a Polish preposition) nor "uw" (also
// a university's initials).
var otherYou = wordSet{
	"dich": true, "dir": true, "dein": true, "deine": true, "vous": true, "votre": true, "vos": true, "tu": true,
	"usted": true, "ustedes": true, "você": true, "vocês": true, "voi": true, "jij": true, "jou": true,
	"ciebie": true, "tobie": true,
}

// otherDialVerbs ask the reader to call a number, in an imperative that
// itself speaks to the reader and is no other word: "appelez le 3114",
// "llame al 024", "chiama il 112", "zadzwoń pod numer 116 123". Not those
// that are also other words next to numbers: "Ligue 1" and "Liga 2" are
// leagues, "wählen" also means to vote ("wählen am 23. Februar"), "marca"
// scores, "bel" is also French ("un bel été 2003").
var otherDialVerbs = wordSet{
	"appelez": true, "composez": true, "contactez": true, "llame": true, "llamen": true, "chiama": true, "chiamate": true,
	"zadzwoń": true, "dzwoń": true,
}

// dialReach is how many words may stand between such a verb and the
// number: "llame al 024", "chiama il numero 112", "zadzwoń pod numer 116
// 123", "wählen Sie die 0800" (3). Set from these forms, not tuned.
const dialReach = 3

// otherDialsNumber reports whether lower-cased words ask the reader, in one
// of the seven languages, to call a number: a verb of otherDialVerbs with
// a number of digits within dialReach words after it.
func otherDialsNumber(words []string) bool {
	for k, w := range words {
		if !otherDialVerbs[w] {
			continue
		}
		for _, next := range words[k+1 : min(len(words), k+1+dialReach)] {
			if isDigits(next) {
				return true
			}
		}
	}
	return false
}

package cluster

import "testing"

// TestIsNoticeInOtherLanguages: the standard notices of German, French,
// Spanish, Italian, Portuguese, Dutch and Polish newsrooms (labels, rights
// lines, credit lines, notes on the article, calls to a helpline) are
// notices; reporting that shares a word with them is not. Invented lines.
func TestIsNoticeInOtherLanguages(t *testing.T) {
	for p, want := range map[string]bool{
		"Korrektur: In einer früheren Fassung hieß es, die Brücke sei 300 Meter lang.":     true,
		"Rectificatif : une version précédente indiquait que le pont mesurait 300 mètres.": true,
		"Fe de erratas: el puente mide 200 metros, no 300 como se publicó.":                true,
		"Nota della redazione: il servizio è stato modificato dopo la pubblicazione.":      true,
		"Nota da redação: o texto foi alterado para corrigir o nome do engenheiro.":        true,
		"Noot van de redactie: in een eerdere versie stond een verkeerde datum.":           true,
		"Sprostowanie: most ma 200 metrów, a nie 300.":                                     true,
		"© 2026 Oldmere Verlag GmbH. Alle Rechte vorbehalten.":                             true,
		"Tous droits réservés.":                                                           true,
		"Todos los derechos reservados. Prohibida su reproducción.":                       true,
		"Tutti i diritti riservati.":                                                      true,
		"Wszelkie prawa zastrzeżone.":                                                     true,
		"Mit Material von Ostwire und Nordpress":                                          true,
		"Con información de EFE":                                                          true,
		"Com informações da Ostwire":                                                      true,
		"Avec Ostwire":                                                                    true,
		"Dieser Artikel wurde aktualisiert.":                                              true,
		"Cet article a été mis à jour à 18 heures.":                                       true,
		"Una versión anterior de este artículo contenía un error en la fecha.":            true,
		"Ten artykuł został zaktualizowany.":                                              true,
		"Si vous avez des pensées suicidaires, appelez le 3114, disponible jour et nuit.": true,
		"Si necesitas ayuda, llame al 024, gratuito y confidencial.":                      true,
		"Se hai bisogno di aiuto, chiama il 112.":                                         true,
		"Jeśli potrzebujesz pomocy, zadzwoń pod numer 116 123.":                           true,
		"Die Bürger wählen am 23. Februar 2025 ein neues Parlament.":                      false,
		"Le club est remonté en Ligue 1 après 3 saisons.":                                 false,
		"Avec Marie Dupont, le maire a visité le pont mardi.":                             false,
		"Le ministre a déclaré que cet article de loi serait modifié en mars.":            false,
		"Laut dem Gutachten muss dieser Bericht bis März korrigiert werden.":              false,
		"Die Korrektur der Zahlen kam am Dienstag, sagte der Minister.":                   false,
		"Il ponte, secondo gli ingegneri, resterà chiuso per 3 settimane.":                false,
		"Os engenheiros disseram que a ponte será reaberta em março.":                     false,
		"La policía pidió a los vecinos que eviten el puente hasta el lunes.":             false,
		"Het college wil dat de brug binnen 2 jaar wordt vervangen.":                      false,
		// English text keeps the English rules: "ten", "text", "error" and
		// "UW" are English words there.
		"Ten text messages showed an error in the bills, the carrier said on Monday.":       false,
		"UW researchers said residents with questions could call 555-010-0199 on weekdays.": false,
	} {
		if got := isNotice(p); got != want {
			t.Errorf("isNotice(%q) = %v, want %v", p, got, want)
		}
	}
}

// TestEnglishReportIsNoNoticeInOtherLanguages: English reporting that
// quotes or names another language's rights line, pairs an English number
// with an English noun ("ten text messages"), or names a person whose
// surname is a pronoun elsewhere ("Vos", "Tu") keeps its paragraph; the
// notices themselves still are ones. Invented lines (review of s40-attr).
func TestEnglishReportIsNoNoticeInOtherLanguages(t *testing.T) {
	for p, want := range map[string]bool{
		`The court heard that the printed label, "Alle Rechte vorbehalten", meant nothing under the treaty, the judge said.`: false,
		`German publishers print Alle Rechte vorbehalten on every book, the court heard on Tuesday.`:                         false,
		`Copies stamped "Tous droits réservés" sold for $40 at the auction in Lyon, the dealer said.`:                        false,
		`The label, "All rights reserved", meant nothing under the treaty, the judge said.`:                                  false,
		`Ten text messages had errors.`:                        false,
		`Vos said the two of them would call 555 0123 later.`:  false,
		`Tu said she would call 555 0199 after the hearing.`:   false,
		`© 2026 Oldmere Verlag GmbH. Alle Rechte vorbehalten.`: true,
		`Ten artykuł został zaktualizowany.`:                   true,
		`Dieser Text wurde aktualisiert.`:                      true,
		`Si vous avez besoin d'aide, appelez le 3114.`:         true,
		`Vous pouvez nous joindre le soir au 1-800-555-0199.`:  true,
		`© 2026 Oldmere Press. All rights reserved.`:           true,
	} {
		if got := isNotice(p); got != want {
			t.Errorf("isNotice(%q) = %v, want %v", p, got, want)
		}
	}
}

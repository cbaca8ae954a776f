package extract

import (
	"slices"
	"strings"
	"testing"
	"time"
)

// The written forms of a publication day in the languages of European and
// East Asian news pages, each read as its day (invented datelines, one per
// form): findDate reads every one on its own, with no page around it.
func TestFindDateOfWrittenFormsByLanguage(t *testing.T) {
	for _, tc := range []struct{ lang, text, want string }{
		{"de", "Dienstag, 12. März 2019, 10:30 Uhr", "2019-03-12"},
		{"de", "12. Mär. 2019", "2019-03-12"},
		{"de-AT", "3. Jänner 2020", "2020-01-03"},
		{"de", "Stand: 12.03.2019", "2019-03-12"},
		{"fr", "mardi 1er mars 2022", "2022-03-01"},
		{"fr", "3 févr. 2021", "2021-02-03"},
		{"es", "martes, 12 de marzo de 2019", "2019-03-12"},
		{"es", "12 de noviembre del 2019", "2019-11-12"},
		{"ca", "12 de març de 2019", "2019-03-12"},
		{"ca", "4 d'abril de 2018", "2018-04-04"},
		{"ca", "9 de juliol del 2021", "2021-07-09"},
		{"it", "1º marzo 2017", "2017-03-01"},
		{"it", "12 dic. 2019", "2019-12-12"},
		{"pt", "12 de novembro de 2019", "2019-11-12"},
		{"pt", "5 de fevereiro de 2020", "2020-02-05"},
		{"nl", "di 12 maart 2019", "2019-03-12"},
		{"nl", "12 mrt. 2019", "2019-03-12"},
		{"pl", "12 listopada 2019", "2019-11-12"},
		{"pl", "Opublikowano: 12 lis 2019", "2019-11-12"},
		{"pl", "3 paź 2020, 08:15", "2020-10-03"},
		{"pl", "21 sty 2021", "2021-01-21"},
		{"cs", "12. března 2019", "2019-03-12"},
		{"cs", "12. 3. 2019", "2019-03-12"},
		{"sk", "12. apríla 2019", "2019-04-12"},
		{"sk", "1. októbra 2020", "2020-10-01"},
		{"sv", "12 mars 2019 kl. 10.30", "2019-03-12"},
		{"da", "12. marts 2019", "2019-03-12"},
		{"nb", "Publisert 12. des. 2019 kl. 10.30", "2019-12-12"},
		{"et", "12. märts 2019", "2019-03-12"},
		{"fi", "12. maaliskuuta 2019", "2019-03-12"},
		{"zh", "2019年3月12日", "2019-03-12"},
		{"ja", "２０１９年３月１２日 10時30分", "2019-03-12"},
		{"ko", "2019년 3월 12일", "2019-03-12"},
		{"", "2019-03-12T10:30:00+01:00", "2019-03-12"},
		{"", "12.3.2019", "2019-03-12"},
		{"en", "Jul. 11. 2025", "2025-07-11"},
	} {
		got, ok := findDate(tc.text)
		if !ok || got.Format("2006-01-02") != tc.want {
			t.Errorf("%s %q: findDate %v %v, want %s", tc.lang, tc.text, got.Format("2006-01-02"), ok, tc.want)
		}
	}
}

// Words that are month abbreviations of one language and common words of
// another are read in a whole day, and only there: not as a yearless
// stamp's month, nor as a calendar word of furniture lines.
func TestMonthAbbreviationsThatAreWordsNeedAWholeDay(t *testing.T) {
	for s, want := range map[string]string{"12 sie 2019": "2019-08-12", "3. des. 2020": "2020-12-03", "30 lis 2021": "2021-11-30"} {
		if got, ok := findDate(s); !ok || got.Format(time.DateOnly) != want {
			t.Errorf("findDate(%q) = %v %v, want %s", s, got.Format(time.DateOnly), ok, want)
		}
	}
	// Month first they are the words they also are: "they had 12 in
	// 2018, 15 in 2019", no 12 August.
	for _, s := range []string{"2018 hatte sie 12, 2019 schon 15 Mitarbeiter", "Le classement des 10. 2019 reste ouvert"} {
		if got, ok := findDate(s); ok {
			t.Errorf("findDate(%q) = %v, want none", s, got.Format(time.DateOnly))
		}
	}
	for _, s := range []string{"sie 12, 10:30 Uhr", "des 12, 10:30"} {
		if got, ok := readYearless(s, func() int { return 2019 }); ok {
			t.Errorf("readYearless(%q) = %v, want none", s, got)
		}
	}
	for _, w := range []string{"sie", "des", "lis"} {
		if isCalendarWord(w) {
			t.Errorf("%q is a calendar word of furniture lines", w)
		}
	}
}

// A day written in numbers that both orders read ("12/03/2019") is read
// day first on a page whose language tag is not English; an English or
// untagged page's stays unread without other hints.
func TestNumbersBothOrdersReadAreDayFirstInOtherLanguages(t *testing.T) {
	for _, tc := range []struct {
		name, page string
		want       []string
	}{
		{"French", `<html lang="fr"><h1>Le port rouvre</h1><p>Publié le 12/03/2019 à 10h30</p>`, []string{"text 2019-03-12"}},
		{"Spanish", `<html lang="es-ES"><h1>El puerto reabre</h1><p>Publicado el 05/04/2020</p>`, []string{"text 2020-04-05"}},
		{"Brazilian", `<html lang="pt_BR"><h1>Porto reabre</h1><p>Publicado em 02/01/2021 às 10h30</p>`, []string{"text 2021-01-02"}},
		{"Dutch, dashes", `<html lang="nl"><h1>Haven weer open</h1><p>Gepubliceerd op 12-03-2019</p>`, []string{"text 2019-03-12"}},
		{"Open Graph locale", `<html><head><meta property="og:locale" content="it_IT"></head><h1>Il porto riapre</h1><p>12/03/2019</p>`, []string{"text 2019-03-12"}},
		{"no tag: the order is unknown", `<html><h1>Le port de la ville rouvre après la grève</h1><p>Publié le 12/03/2019</p>`, nil},
		{"American English", `<html lang="en-US"><h1>Harbour reopens</h1><p>Posted 03/12/2019</p>`, nil},
		{"British English", `<html lang="en-GB"><h1>Harbour reopens</h1><p>Posted 03/12/2019</p>`, nil},
		{"English text, no tag", `<html><h1>The harbour of the city reopens after the strike</h1><p>Posted 03/12/2019</p><p>The dockers and the port signed a deal in the night.</p>`, nil},
		{"one order only stays as it was", `<html lang="en-US"><h1>Harbour reopens</h1><p>Posted 03/14/2019</p>`, []string{"text 2019-03-14"}},
	} {
		if got := dateSourcesOf(t, tc.page); !slices.Equal(got, tc.want) {
			t.Errorf("%s: candidates %v, want %v", tc.name, got, tc.want)
		}
	}
}

// A two-digit year is read where the weekday before it is the day's own
// ("Di, 12.03.19": 12 March 2019 was a Tuesday), in the languages whose
// weekdays leadWeekday knows, and not where the weekday is another.
func TestWeekdayBeforeATwoDigitYearSaysDay(t *testing.T) {
	for _, tc := range []struct {
		page string
		want []string
	}{
		{`<html lang="de"><h1>Hafen wieder offen</h1><p>Di, 12.03.19</p>`, []string{"text 2019-03-12"}},
		{`<html lang="fr"><h1>Le port rouvre</h1><p>mardi 12/03/19</p>`, []string{"text 2019-03-12"}},
		{`<html lang="es"><h1>El puerto reabre</h1><p>martes, 12.03.19</p>`, []string{"text 2019-03-12"}},
		{`<html lang="de"><h1>Hafen wieder offen</h1><p>Mi, 12.03.19</p>`, nil},
		{`<html lang="de"><h1>Hafen wieder offen</h1><p>Tabelle 12.03.19</p>`, nil},
	} {
		if got := dateSourcesOf(t, tc.page); !slices.Equal(got, tc.want) {
			t.Errorf("%s: candidates %v, want %v", tc.page, got, tc.want)
		}
	}
}

func TestWritesDayFirst(t *testing.T) {
	for tag, want := range map[string]bool{"fr": true, "de-AT": true, "pt_BR": true, " NL ": true, "es-419": true,
		"en": false, "en-GB": false, "EN_us": false, "": false, "und": false, "x-default": false, "fr1": false, "français": false,
		"fil": false, "fil-PH": false, "tl": false} {
		if got := writesDayFirst(tag); got != want {
			t.Errorf("writesDayFirst(%q) = %v, want %v", tag, got, want)
		}
	}
}

// FuzzEitherOrderDayFirst: a day both orders read, on a page of another
// language, is a plausible day whose day and month are the two numbers
// written, in one order or the other.
func FuzzEitherOrderDayFirst(f *testing.F) {
	for _, s := range []string{"Publié le 12/03/2019 à 10h30", "05-04-2020", "Thu, 08/09/2012", "1/1/1999", "31/12/2100 23:59", "mardi 12/03/19"} {
		f.Add(s)
	}
	hints := func() dayHints { return dayHints{dayFirstLang: true, order: map[byte]int{}} }
	f.Fuzz(func(t *testing.T, s string) {
		got, ok := parseEitherOrder(s, hints)
		if !ok {
			return
		}
		if got.Before(plausibleFrom) || got.Year() > 2100 {
			t.Fatalf("parseEitherOrder(%q) = %v, outside the plausible years", s, got)
		}
		m := slashedDate.FindStringSubmatch(s)
		if m == nil {
			t.Fatalf("parseEitherOrder(%q) = %v with no day written", s, got)
		}
		day, month := got.Format("2"), got.Format("1")
		a, b := strings.TrimLeft(m[1], "0"), strings.TrimLeft(m[3], "0")
		if !(day == a && month == b || day == b && month == a) || got.Format("2006") != m[4] {
			t.Fatalf("parseEitherOrder(%q) = %v, not a reading of %v", s, got.Format(time.DateOnly), m[1:])
		}
	})
}

// untaggedPage is a page without a language tag: a headline, a dateline
// and paragraphs of prose.
func untaggedPage(headline, dateline string, paragraphs ...string) string {
	var b strings.Builder
	b.WriteString("<html><body><h1>" + headline + "</h1><p>" + dateline + "</p>")
	for _, p := range paragraphs {
		b.WriteString("<p>" + p + "</p>")
	}
	return b.String() + "</body></html>"
}

// On a page without a language tag, a day both orders read is read day
// first where the page's prose is written in another language than
// English, as a tag of that language says (writesDayFirst); English
// prose, or too little prose, leaves it unread.
func TestUntaggedProseOfAnotherLanguageReadsDayFirst(t *testing.T) {
	french := []string{
		"Le port de la ville a rouvert ses quais aux navires de commerce après une semaine de grève des dockers.",
		"Les syndicats et la direction du port ont signé dans la nuit un accord sur les salaires et les horaires.",
		"Selon le maire, les pertes pour les entreprises de la région sont encore difficiles à estimer pour le moment.",
		"Les premiers navires sont arrivés dans la matinée et le trafic devrait être normal dans une dizaine de jours.",
	}
	spanish := []string{
		"El puerto de la ciudad reabrió sus muelles a los barcos de carga después de una semana de huelga de los estibadores.",
		"Los sindicatos y la dirección del puerto firmaron por la noche un acuerdo sobre los salarios y los horarios.",
		"Según el alcalde, las pérdidas para las empresas de la región son todavía difíciles de calcular por ahora.",
		"Los primeros barcos llegaron por la mañana y el tráfico volverá a la normalidad en una decena de días.",
	}
	english := []string{
		"The harbour of the city reopened its quays to cargo ships after a week of strikes by the dockers and pilots.",
		"The unions and the management of the port signed a deal in the night on the wages and the working hours.",
		"According to the mayor, the losses for the firms of the region are still hard to estimate at this stage.",
		"The first ships arrived in the morning and the traffic should be back to normal within about ten days.",
	}
	for _, tc := range []struct {
		name, page string
		want       []string
	}{
		{"French prose", untaggedPage("Le port rouvre", "Publié le 12/03/2019", french...), []string{"text 2019-03-12"}},
		{"Spanish prose, dashes", untaggedPage("El puerto reabre", "Publicado el 05-04-2020", spanish...), []string{"text 2020-04-05"}},
		{"English prose", untaggedPage("Harbour reopens", "Posted 03/12/2019", english...), nil},
		{"one paragraph of French is too little", untaggedPage("Le port rouvre", "Publié le 12/03/2019", french[0]), nil},
		{"a tag of English wins over French prose", strings.Replace(untaggedPage("Le port rouvre", "Publié le 12/03/2019", french...), "<html>", `<html lang="en">`, 1), nil},
	} {
		if got := dateSourcesOf(t, tc.page); !slices.Equal(got, tc.want) {
			t.Errorf("%s: candidates %v, want %v", tc.name, got, tc.want)
		}
	}
}

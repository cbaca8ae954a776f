package cluster

import (
	"strings"
	"testing"
	"time"

	"github.com/storyline-news/storyline/internal/news"
)

// TestNamesWord: an outlet's name is found as a name, not as a piece of a
// longer name, nor as a capitalised common word opening a sentence; Han
// characters next to it do not hide it.
func TestNamesWord(t *testing.T) {
	for _, c := range []struct {
		s, name string
		want    bool
	}{
		{"The strike was first reported by the Calder Courier.", "Calder Courier", true},
		{"Union leaders spoke to the Calder Courier-Gazette on Tuesday.", "Calder Courier", false},
		{"据Calder Courier报道，渡轮船员星期二罢工。", "Calder Courier", true},
		{"据北岸日报报道，渡轮船员星期二罢工。", "北岸日报", true},
		{"Crews walked out at dawn. Time is running out for a deal, the union said.", "Time", false},
		{"Crews walked out at dawn.\n\n\"Time is short,\" the union said.", "Time", false},
		{"Crews walked out at dawn. Time reported that talks had failed.", "Time", true},
		{"The talks, Time reported, had failed.", "Time", true},
		{"Reuters said the talks had failed.", "Reuters", true},
		{"Talks resume on Sunday.", "Sun", false},
		{"Talks resume on Sunday, the Daily Post's reporter said.", "Daily Post", true},
		// A common word capitalised mid-sentence names no outlet but in a
		// credit's shape (creditShape).
		{"Crews waited on deck until the Sun came out over the strait.", "Sun", false},
		{"The Sun came out before noon.", "Sun", false},
		{"Cargo from across the Atlantic piled up at the quay.", "Atlantic", false},
		{"Ships sailed out into the Pacific at dawn.", "Pacific", false},
		{"The talks ran out of Time, one delegate joked.", "Time", false},
		{"The walkout was first reported by the Sun.", "Sun", true},
		{"The union's secretary told the Sun that talks had failed.", "Sun", true},
		{"According to the Sun, talks had failed.", "Sun", true},
		{"A Sun reporter saw the crews leave at dawn.", "Sun", true},
		{"The Sun's report said talks had failed.", "Sun", true},
		{"In an interview with the Atlantic, the operator defended the plan.", "Atlantic", true},
		{"A story The Sun ran on Monday said talks had failed.", "Sun", true},
		{"KESSINGTON (Sun) - Ferry crews walked out at dawn.", "Sun", true},
		{"The walkout, described in “The Sun” on Monday, stranded commuters.", "Sun", true},
		{"Talks had failed, according to a report in the Sun.", "Sun", true},
		// A wire's everyday credits (review of s40-attr): attributions
		// with an adverb, an e-mail, a contact, a survey, a request for
		// comment, a perfect tense; the ocean and the sunrise stay no
		// credits.
		{"The walkout was reported earlier by the Sun.", "Sun", true},
		{"A spokeswoman said in an email to the Sun that crossings would resume.", "Sun", true},
		{"When contacted by the Ledger, the operator declined to comment.", "Ledger", true},
		{"Deckhands surveyed by the Ledger backed the strike.", "Ledger", true},
		{"The operator confirmed to the Ledger that talks had ended.", "Ledger", true},
		{"The operator did not respond to a Ledger request for comment.", "Ledger", true},
		{"The Ledger has learned that talks will resume.", "Ledger", true},
		{"The union leader spoke exclusively to the Sun about the vote.", "Sun", true},
		{"In an essay for the Atlantic, the operator's founder defended the plan.", "Atlantic", true},
		{"The Sun has set over the strait by the time the crews left.", "Sun", false},
		{"The Sun had first appeared over the island at six.", "Sun", false},
		{"The Atlantic has seen twelve storms this year.", "Atlantic", false},
		{"Ferries sailed to the Atlantic and back.", "Atlantic", false},
		// A byline's outlet, a contribution note, "notes", "quotes", a
		// news agency (forms met in the extraction sets' gold text).
		{"By Ana Ruiz, Ledger\nFerry crews walked out at dawn.", "Ledger", true},
		{"Ostwire and the Ledger contributed to this report.", "Ledger", true},
		{"Commuters interviewed by the Sun news agency were angry.", "Sun", true},
		{"The Ledger notes that the route lost money.", "Ledger", true},
		{"The Ledger quotes a deckhand as saying the pay was low.", "Ledger", true},
		{"Time contributed to the delay, the union said.", "Time", false},
		{"By dawn the crews had left the Ledger", "Ledger", false},
		// Not a common word: its capital mid-sentence is a name's.
		{"The strike, which Ostwire first covered, stranded 2,000.", "Ostwire", true},
	} {
		if got := namesWord(c.s, c.name); got != c.want {
			t.Errorf("namesWord(%q, %q) = %v, want %v", c.s, c.name, got, c.want)
		}
	}
}

// ferryBody is an invented report of a ferry strike, copied whole by the
// articles of the credit tests.
const ferryBody = "Ferry crews on the Kessington to Marlow Island route walked off the job at dawn on Tuesday, leaving about 2,000 commuters stranded on the island side of the strait.\n\n" +
	"The union representing the crews said talks with the operator had broken down over a plan to cut the number of deckhands on each crossing from four to three.\n\n" +
	"The operator said it had offered a pay rise of 4 percent over two years and accused the union of putting passengers at risk by walking out without notice."

// TestDeriveMakesNoCircleOfCredits: three outlets five minutes apart,
// each naming the next in a circle, all carrying one text. The credits
// cannot all hold; no outlet is shown rewriting one that (through a
// third) rewrote it.
func TestDeriveMakesNoCircleOfCredits(t *testing.T) {
	at := time.Date(2026, 11, 3, 9, 0, 0, 0, time.UTC)
	arts := []news.Article{
		{ID: "a", Source: "Kessington Echo", Published: at, Text: ferryBody + "\n\nThe Marlow Gazette said talks had failed."},
		{ID: "b", Source: "Marlow Gazette", Published: at.Add(5 * time.Minute), Text: ferryBody + "\n\nIsland Radio said talks had failed."},
		{ID: "c", Source: "Island Radio", Published: at.Add(10 * time.Minute), Text: ferryBody + "\n\nThe Kessington Echo said talks had failed."},
	}
	ds := Derive(arts)
	if id := circleThrough(ds); id != "" {
		t.Fatalf("derivations %+v run in a circle through %s", ds, id)
	}
	if len(ds) == 0 {
		t.Errorf("derivations %+v: want the copies still credited", ds)
	}
}

// circleThrough gives an article that untied derivations lead back to (a
// copied from b ... copied from a), "" when there is none.
func circleThrough(ds []news.Derivation) string {
	from := map[string]string{}
	for _, d := range ds {
		if !d.Tied {
			from[d.To] = d.From
		}
	}
	for start := range from {
		seen := map[string]bool{}
		for id := start; id != ""; id = from[id] {
			if seen[id] {
				return id
			}
			seen[id] = true
		}
	}
	return ""
}

// TestDeriveCommonWordOpeningASentenceIsNoCredit: an outlet named by a
// common word ("Time") is not credited by a sentence that opens with the
// word, so the times order the pair; "Time reported" is a credit.
func TestDeriveCommonWordOpeningASentenceIsNoCredit(t *testing.T) {
	at := time.Date(2026, 11, 3, 9, 0, 0, 0, time.UTC)
	later := news.Article{ID: "later", Source: "Time", Published: at, Text: ferryBody}
	earlier := news.Article{ID: "earlier", Source: "Daily Courier", Published: at.Add(-20 * time.Minute),
		Text: ferryBody + "\n\nTime is running out for a deal before the holiday weekend, the union's secretary said."}
	if ds := Derive([]news.Article{later, earlier}); len(ds) != 1 || ds[0].From != "earlier" {
		t.Errorf("a sentence opening with Time: derivations = %+v, want the times to decide (later from earlier)", ds)
	}
	earlier.Text = ferryBody + "\n\nTime reported that the operator would not meet the union before Friday."
	if ds := Derive([]news.Article{later, earlier}); len(ds) != 1 || ds[0].From != "later" {
		t.Errorf("Time reported: derivations = %+v, want the credit to decide (earlier from later)", ds)
	}
}

// TestDeriveCommonWordMidSentenceIsNoCredit: an outlet named by a common
// word ("The Sun") is not credited by the word capitalised mid-sentence
// ("until the Sun came out"), so the times order two outlets 20 minutes
// apart; "told the Sun" is a credit.
func TestDeriveCommonWordMidSentenceIsNoCredit(t *testing.T) {
	at := time.Date(2026, 11, 3, 9, 0, 0, 0, time.UTC)
	later := news.Article{ID: "later", Source: "The Sun", Published: at, Text: ferryBody}
	earlier := news.Article{ID: "earlier", Source: "Daily Courier", Published: at.Add(-20 * time.Minute),
		Text: ferryBody + "\n\nPassengers waited on the quay until the Sun came out over the strait."}
	if ds := Derive([]news.Article{later, earlier}); len(ds) != 1 || ds[0].From != "earlier" {
		t.Errorf("the Sun came out: derivations = %+v, want the times to decide (later from earlier)", ds)
	}
	earlier.Text = ferryBody + "\n\nThe union's secretary told the Sun that the operator would not meet it before Friday."
	if ds := Derive([]news.Article{later, earlier}); len(ds) != 1 || ds[0].From != "later" {
		t.Errorf("told the Sun: derivations = %+v, want the credit to decide (earlier from later)", ds)
	}
}

// TestDeriveCreditInChinese: a Chinese copy ten minutes before its origin
// by the clocks, crediting the origin's outlet between characters ("据
// ... 报道"), is the copy.
func TestDeriveCreditInChinese(t *testing.T) {
	at := time.Date(2026, 11, 3, 9, 0, 0, 0, time.UTC)
	body := "马洛岛渡轮船员星期二清晨罢工，约两千名通勤者滞留在海峡的岛屿一侧。\n\n工会表示，由于运营商计划将每班渡轮的水手人数从四人减至三人，与运营商的谈判已经破裂。"
	origin := news.Article{ID: "origin", Source: "北岸日报", Published: at, Text: body}
	copied := news.Article{ID: "copy", Source: "Kessington Echo", Published: at.Add(-10 * time.Minute), Text: "据北岸日报报道，" + strings.TrimPrefix(body, "马洛岛")}
	if ds := Derive([]news.Article{origin, copied}); len(ds) != 1 || ds[0].From != "origin" || ds[0].Tied {
		t.Errorf("derivations = %+v, want the copy credited to its origin, not tied", ds)
	}
}

// TestNamesWordCreditForms: the credit forms the review of s40-attr left
// (session 41): a verb of telling with the outlet as the one told, a list
// of agencies in brackets, a poll two bodies ran (names joined by a
// slash), a dash credit closing a paragraph; and the ordinary text beside
// each that stays no credit (with the near misses session 41's review
// found).
func TestNamesWordCreditForms(t *testing.T) {
	for _, c := range []struct {
		s, name string
		want    bool
	}{
		{"The operator warned the Sun that crossings could stop for a week.", "Sun", true},
		{"A deckhand admitted to the Ledger that the crews were tired.", "Ledger", true},
		{"The union's secretary assured the Ledger the vote would be held.", "Ledger", true},
		{"Crews walked out at dawn on Tuesday (Sun, Ostwire).", "Sun", true},
		{"Crews walked out at dawn on Tuesday (Ostwire/Sun).", "Sun", true},
		{"Crews walked out at dawn on Tuesday (The Ledger and Ostwire).", "Ledger", true},
		{"A Sun/Pollmark survey found most commuters backed the crews.", "Sun", true},
		{"A Pollmark/Sun online poll found most commuters backed the crews.", "Sun", true},
		{"Talks will resume on Friday, the union said.\n— Ledger", "Ledger", true},
		{"Talks will resume on Friday, the union said. -- Sun.", "Sun", true},
		// Ordinary text beside each form.
		{"The ferry office opens at nine (Sun, Mon) and closes at six.", "Sun", false},
		{"The ferry sails twice a day (Atlantic crossings and island runs).", "Atlantic", false},
		{"Crews watched the Sun/Moon display at the museum.", "Sun", false},
		{"The crews sailed on — the Atlantic was calm.", "Atlantic", false},
		{"The crews warned that the Sun would set before the vote.", "Sun", false},
		{"Nobody wanted to cross — Atlantic storms were coming.", "Atlantic", false},
		// Session 41's review: the name as the subject of what was told,
		// brackets and slashes of common words, dashes of a range, a
		// phrase or a letter's close.
		{"The ferryman warned the Sun would rise before the crews were paid.", "Sun", false},
		{"Officials assured the Ledger would stay open through the winter.", "Ledger", false},
		{"Pilgrims came for the festival (Sun and Moon).", "Sun", false},
		{"A Sun/Moon poll of stargazers found most wanted darker skies.", "Sun", false},
		{"Opening hours: Mon – Sun", "Sun", false},
		{"Open every day Mon–Sun", "Sun", false},
		{"What shines brighter — Sun", "Sun", false},
		{"Yours faithfully,\n— Ledger", "Ledger", false},
		{"Talks will resume on Friday, the union said.\n\n— Ledger", "Ledger", true},
	} {
		if got := namesWord(c.s, c.name); got != c.want {
			t.Errorf("namesWord(%q, %q) = %v, want %v", c.s, c.name, got, c.want)
		}
	}
}

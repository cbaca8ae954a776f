package extract

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/storyline-news/storyline/internal/news"
)

// kettleDescription is an invented shop item's own text: its name, a
// description of about 60 words and its price.
const kettleDescription = `<div class="item"><h1>Fjord Stovetop Kettle</h1>` +
	`<p>Our stovetop kettle is pressed from a single sheet of brushed steel, with a beech handle that stays cool and a whistle you can hear from the garden.</p>` +
	`<p>It holds one and a half litres, enough for a pot of tea and a cafetière at once, and works on gas, electric and induction hobs.</p>` +
	`<p class="price">€49.00</p></div>`

// kettleCard is one card of another item: a linked picture, the item's
// name, its price and a link to its page.
func kettleCard(name, price string) string {
	return `<li class="card"><a href="/p/` + strings.ToLower(strings.Fields(name)[0]) + `"><img src="x.jpg" alt=""></a>` +
		`<h3>` + name + `</h3><span class="amount">` + price + `</span><a href="/p/x">View item</a></li>`
}

// kettlePage is the kettle's page with a strip of four other items' cards
// under it ("You may also like").
var kettlePage = `<html><body>` + kettleDescription +
	`<section class="related"><h2>You may also like</h2><ul class="cards">` +
	kettleCard("Birch Tea Caddy", "€18.00") + kettleCard("Linen Tea Towel Set", "€22.50") +
	kettleCard("Harbour Enamel Mug", "€12.00") + kettleCard("Stoneware Teapot", "€39.00") +
	`</ul></section></body></html>`

// kettleFuzzSeed is kettlePage as a shop serves it: an og:type of product
// and its price marked a schema.org Offer, so that extraction reads it as
// an item's page whatever kind the classifiers call it (readsReviewsApart)
// and FuzzHTML's mutations of it reach cardBoxes.
var kettleFuzzSeed = strings.Replace(strings.Replace(kettlePage,
	"<html>", `<html><head><meta property="og:type" content="product"></head>`, 1),
	`<p class="price">`, `<p class="price" itemscope itemtype="https://schema.org/Offer">`, 1)

// The fuzz seed of cards.go is read as an item's page: with og:type product
// alone the kind classifiers call it an article, which reads no product's
// parts apart without an Offer, and the fuzzer never reached cardBoxes
// (review s51-productrev).
func TestKettleFuzzSeedIsReadAsAnItemPage(t *testing.T) {
	hp, err := DefaultModel().readHTMLPage(news.Page{Body: []byte(kettleFuzzSeed), URL: "https://shop.example/kettle"})
	if err != nil {
		t.Fatal(err)
	}
	if !readsReviewsApart(hp.blocks, hp.kind) || isListKind(hp.kind) {
		t.Errorf("called %q (og:type product %v, Offer %v): not read as an item's page", hp.kind, hp.blocks.ogProduct, hp.blocks.offerMarkup)
	}
}

// kettleOwnText is what the kettle's page keeps of kettlePage: the strip's
// heading goes with its cards (dropStripHeadings).
var kettleOwnText = []string{"Fjord Stovetop", "Our stovetop", "It holds", "€49.00"}

// On a page called a product the other items' cards go and the item's own
// text stays; a page called an article, a listing or a collection keeps
// them (a list page's cards are its content).
func TestDropOtherItemCardsOnAnItemPage(t *testing.T) {
	all := keptHeads(allBlocksKept(t, kettlePage))
	for kind, want := range map[string][]string{
		kindProduct:  kettleOwnText,
		kindArticle:  all,
		"listing":    all,
		"collection": all,
		"service":    all,
	} {
		pb, keep := allBlocksKept(t, kettlePage)
		dropOtherItemCards(pb, keep, kind)
		if got := keptHeads(pb, keep); !slices.Equal(got, want) {
			t.Errorf("%s: kept %q, want %q", kind, got, want)
		}
	}
}

// A page called a service or other whose og:type declares one item's page
// drops the cards too, as readsReviewsApart reads it for reviews; a page
// called a list of items keeps them whatever its og:type.
func TestDropOtherItemCardsReadsProductOGType(t *testing.T) {
	all := keptHeads(allBlocksKept(t, kettlePage))
	for kind, want := range map[string][]string{"other": kettleOwnText, "service": kettleOwnText, "collection": all, "listing": all} {
		pb, keep := allBlocksKept(t, kettlePage)
		pb.ogProduct = true
		dropOtherItemCards(pb, keep, kind)
		if got := keptHeads(pb, keep); !slices.Equal(got, want) {
			t.Errorf("%s: kept %q, want %q", kind, got, want)
		}
	}
}

// A shop's grid of items called a product (a collection the kind
// classifiers got wrong) keeps its cards: the text outside them is short
// and shows no price of its own. With its own price shown outside, the
// grid of a page of one item goes even when it outweighs the item's text.
func TestDropOtherItemCardsKeepsAGridWithoutAPriceOfItsOwn(t *testing.T) {
	var cards strings.Builder
	for _, name := range []string{"Birch Tea Caddy", "Linen Tea Towel Set", "Harbour Enamel Mug", "Stoneware Teapot", "Copper Milk Pan", "Oak Bread Board", "Wool Tea Cosy", "Glass Storage Jar"} {
		cards.WriteString(kettleCard(name+" in four colours for every kitchen shelf", "€20.00"))
	}
	intro := `<h1>Kitchen</h1><p>Everything for the kettle and the table, chosen by our buyers from small makers across the north, and delivered in plastic-free packaging to your door. Every piece is tested in our own kitchen for a month before it is listed, and each comes with a two-year promise from its maker.</p>` +
		`<p>Pick a maker or a material to narrow the list.</p>`
	grid := `<html><body>` + intro + `<ul class="cards">` + cards.String() + `</ul></body></html>`
	pb, keep := allBlocksKept(t, grid)
	all := keptHeads(pb, keep)
	dropOtherItemCards(pb, keep, kindProduct)
	if got := keptHeads(pb, keep); !slices.Equal(got, all) {
		t.Errorf("grid: kept %q, want all %q", got, all)
	}
	withPrice := strings.Replace(grid, `<p>Pick`, `<p class="price">€49.00</p><p>Pick`, 1)
	pb, keep = allBlocksKept(t, withPrice)
	dropOtherItemCards(pb, keep, kindProduct)
	want := []string{"Kitchen", "Everything for", "€49.00", "Pick a"}
	if got := keptHeads(pb, keep); !slices.Equal(got, want) {
		t.Errorf("with its own price: kept %q, want %q", got, want)
	}
}

// An item's own text under minMainWordsBeside words is too little to tell
// an item's page from a grid of items: the cards stay even beside a price
// of its own (review s51-productrev: no test held the guard).
func TestDropOtherItemCardsKeepsCardsBesideAShortText(t *testing.T) {
	short := strings.Replace(kettlePage, kettleDescription,
		`<div class="item"><h1>Fjord Stovetop Kettle</h1><p>Brushed steel, a beech handle.</p><p class="price">€49.00</p></div>`, 1)
	pb, keep := allBlocksKept(t, short)
	all := keptHeads(pb, keep)
	dropOtherItemCards(pb, keep, kindProduct)
	if got := keptHeads(pb, keep); !slices.Equal(got, all) {
		t.Errorf("kept %q, want all %q", got, all)
	}
}

// A strip's heading goes with its cards only when its section keeps
// nothing else: a heading over the item's own text and the cards stays.
func TestDropStripHeadingsKeepsAHeadingOverOwnText(t *testing.T) {
	page := strings.Replace(kettlePage, `<h2>You may also like</h2>`,
		`<h2>Made in the north</h2><p>Each kettle is pressed and polished in our own workshop by the harbour.</p>`, 1)
	pb, keep := allBlocksKept(t, page)
	dropOtherItemCards(pb, keep, kindProduct)
	want := []string{"Fjord Stovetop", "Our stovetop", "It holds", "€49.00", "Made in", "Each kettle"}
	if got := keptHeads(pb, keep); !slices.Equal(got, want) {
		t.Errorf("kept %q, want %q", got, want)
	}
}

// Cards are siblings of one signature that each hold a price and a link,
// at least itemRunMin of them, as even as a list's items: a spec list, a
// list of prices without links, two cards, a layout's rows one of which
// holds the page's item, three priced rows that are fewer than half of
// their list's items, or sentences that name a sum (longer than
// maxPriceLineTokens) are none.
func TestCardBoxesReadTheMarkup(t *testing.T) {
	row := func(price string) string {
		return `<li class="row"><a href="/a">Birch</a> <span>` + price + `</span></li>`
	}
	for name, c := range map[string]struct {
		body  string
		cards int
	}{
		"cards": {`<ul>` + row("€18.00") + row("€22.50") + row("€12.00") + `</ul>`, 3},
		"spec list": {`<ul><li class="row"><a href="/a">Capacity</a> 1.5 litres</li><li class="row"><a href="/a">Weight</a> 900 g</li>` +
			`<li class="row"><a href="/a">Hobs</a> all</li></ul>`, 0},
		"prices without links": {`<ul><li class="row">Birch €18.00</li><li class="row">Linen €22.50</li><li class="row">Mug €12.00</li></ul>`, 0},
		"two cards":            {`<ul>` + row("€18.00") + row("€22.50") + `</ul>`, 0},
		"list items of the items' own classes": {`<ul><li class="product first cat-mugs"><a href="/a">Mug</a> <span>€12.00</span></li>` +
			`<li class="product cat-pots"><a href="/b">Pot</a> <span>€39.00</span></li><li class="product last cat-towels"><a href="/c">Towel</a> <span>€9.00</span></li></ul>`, 3},
		"divs of different classes": {`<div><div class="mug"><a href="/a">Mug</a> <span>€12.00</span></div>` +
			`<div class="pot"><a href="/b">Pot</a> <span>€39.00</span></div><div class="towel"><a href="/c">Towel</a> <span>€9.00</span></div></div>`, 0},
		"uneven rows": {`<div class="band"><p>` + strings.Repeat("A long description of the kettle and its making. ", 12) + `</p><a href="/a">More</a> <span>€49.00</span></div>` +
			`<div class="band"><a href="/b">Mug</a> <span>€12.00</span></div><div class="band"><a href="/c">Pot</a> <span>€39.00</span></div>`, 0},
		"three priced rows among four plain ones": {`<ul>` + row("€18.00") + row("€22.50") + row("€12.00") +
			strings.Repeat(`<li class="row"><a href="/a">Capacity</a> 1.5 litres</li>`, 4) + `</ul>`, 0},
		"sentences naming sums": {`<ul>` + strings.Repeat(`<li class="row"><a href="/a">Birch</a> <span>The caddy was first sold for €18.00 at the market in the old town square.</span></li>`, 3) + `</ul>`, 0},
	} {
		pb, _ := allBlocksKept(t, `<html><body>`+c.body+`</body></html>`)
		got := 0
		for i, in := range cardBoxes(pb) {
			if in && isPriceLine(&pb.blocks[i]) {
				got++
			}
		}
		if got != c.cards {
			t.Errorf("%s: %d price lines in cards, want %d", name, got, c.cards)
		}
	}
}

// decideOnProbs drops the cards on a page called a product whatever the
// classifier scored them.
func TestDecideOnProbsDropsOtherItemCards(t *testing.T) {
	pb, _ := allBlocksKept(t, kettlePage)
	probs := make([]float64, len(pb.blocks))
	for i := range probs {
		probs[i] = 0.9
	}
	keep, _ := decideOnProbs(pb, probs, 0.5, kindProduct, 0, nil)
	if got := keptHeads(pb, keep); !slices.Equal(got, kettleOwnText) {
		t.Errorf("kept %q, want %q", got, kettleOwnText)
	}
}

// keptHeads returns the first two words (or the one) of each kept block.
func keptHeads(pb *pageBlocks, keep []bool) []string {
	var out []string
	for i, b := range pb.blocks {
		if keep[i] {
			w := strings.Fields(b.text)
			out = append(out, strings.Join(w[:min(2, len(w))], " "))
		}
	}
	return out
}

// BenchmarkCardBoxesDeep reads a page of 40,000 paragraphs under 370
// levels of wrappers, each of which holds a price line and a link, so that
// every wrapper is a candidate card: the work is linear in the page's
// elements (walking up from every block cost a block times its depth:
// 1.5 s a page at 60fa0864 against 0.013 s, session 51's review).
func BenchmarkCardBoxesDeep(b *testing.B) {
	var sb strings.Builder
	sb.WriteString(`<html><body>` + strings.Repeat(`<div class="wrap">`, 370))
	for i := range 40000 {
		fmt.Fprintf(&sb, `<p>Paragraph %d of a long page, one line about it.</p>`, i)
	}
	sb.WriteString(`<p><a href="/x">Buy</a></p><p>$20.00</p>` + strings.Repeat(`</div>`, 370) + `</body></html>`)
	doc, err := parseHTML([]byte(sb.String()))
	if err != nil {
		b.Fatal(err)
	}
	pb := segmentPage(findBody(doc), nil, nil)
	if len(pb.blocks) < 40000 || pb.elems[pb.blocks[0].elem].depth < 300 {
		b.Fatalf("%d blocks, the first at depth %d: the page was pruned", len(pb.blocks), pb.elems[pb.blocks[0].elem].depth)
	}
	b.ResetTimer()
	for range b.N {
		cardBoxes(pb)
	}
}

package extract

import (
	"slices"
	"strings"
	"testing"

	"github.com/storyline-news/storyline/internal/news"
)

// readOneItemPage reads reviewedProduct with head added to its <head> and
// body to the end of its body, as extraction reads a page.
func readOneItemPage(t *testing.T, head, body string) *pageBlocks {
	t.Helper()
	page := strings.Replace(reviewedProduct, "<html>", "<html><head>"+head+"</head>", 1)
	page = strings.Replace(page, "</body>", body+"</body>", 1)
	hp, err := DefaultModel().readHTMLPage(news.Page{Body: []byte(page), URL: "https://shop.example/tote"})
	if err != nil {
		t.Fatal(err)
	}
	return hp.blocks
}

// criticsReviewLD is the JSON-LD of a critic's review of the tote with its
// shopping link: the Review is the page's item, the Product its
// itemReviewed.
const criticsReviewLD = `<script type="application/ld+json">{"@type": "Review", "itemReviewed": {"@type": "Product", "offers": {"@type": "Offer", "price": 38}}}</script>`

// A page sells one item when it offers something and declares one Product
// (in microdata, RDFa or JSON-LD) or a product og:type, and does not call
// itself an article: a news page that sells, a roundup naming several
// Products, and a Product without an Offer do not.
func TestSellsOneItemReadsTheMarkup(t *testing.T) {
	const (
		mdProduct = `<div itemscope itemtype="https://schema.org/Product"><span>Tote</span>` +
			`<div itemprop="offers" itemscope itemtype="https://schema.org/Offer"><span itemprop="price">38</span></div></div>`
		ldProduct  = `<script type="application/ld+json">{"@type": "Product", "offers": {"@type": "Offer", "price": 38}}</script>`
		ldTwo      = `<script type="application/ld+json">[{"@type": "Product", "offers": {"@type": "Offer", "price": 38}}, {"@type": "Product", "offers": {"@type": "Offer", "price": 12}}]</script>`
		ldArticle  = `<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Totes tested"}</script>`
		ldNoOffer  = `<script type="application/ld+json">{"@type": "Product", "name": "Harbour Canvas Tote"}</script>`
		ogProduct  = `<meta property="og:type" content="product">`
		ogArticle  = `<meta property="og:type" content="article">`
		rdfaOffer  = `<div typeof="schema:Offer">38</div>`
		rdfaSingle = `<div typeof="schema:Product">Tote</div>`
		ldCritic   = criticsReviewLD
		mdCritic   = `<div itemscope itemtype="https://schema.org/Review"><div itemprop="itemReviewed" itemscope itemtype="https://schema.org/Product">` +
			`<div itemprop="offers" itemscope itemtype="https://schema.org/Offer">38</div></div></div>`
		ogReview = `<meta property="og:type" content="review">`
		// A shop's item with its customers' reviews nested in its Product.
		ldShopReviews = `<script type="application/ld+json">{"@type": "Product", "review": [{"@type": "Review"}], "offers": {"@type": "Offer", "price": 38}}</script>`
		// A list page whose markup names one of its items.
		ldListOfOne = `<script type="application/ld+json">{"@type": "ItemList", "itemListElement": [{"@type": "ListItem", "item": {"@type": "Product", "offers": {"@type": "Offer", "price": 38}}}]}</script>`
		mdListOfOne = `<ul itemscope itemtype="https://schema.org/ItemList"><li itemprop="itemListElement" itemscope itemtype="https://schema.org/Product">` +
			`<div itemprop="offers" itemscope itemtype="https://schema.org/Offer">38</div></li></ul>`
		ldCrumbs = `<script type="application/ld+json">{"@type": "BreadcrumbList", "itemListElement": [{"@type": "ListItem", "position": 1}]}</script>`
	)
	for _, c := range []struct {
		name, head, body string
		want             bool
	}{
		{"microdata Product and Offer", "", mdProduct, true},
		{"JSON-LD Product and Offer", "", ldProduct, true},
		{"RDFa Product and Offer", "", rdfaSingle + rdfaOffer, true},
		{"og:type product and an Offer", ogProduct, rdfaOffer, true},
		{"two Products", "", ldTwo, false},
		{"the same Product in microdata and in JSON-LD", "", mdProduct + ldProduct, true},
		{"two Products in microdata", "", mdProduct + mdProduct, false},
		{"a critic's review in JSON-LD", "", ldCritic, false},
		{"a critic's review in microdata", "", mdCritic, false},
		{"og:type review", ogReview, ldProduct, false},
		{"a shop's Product holding its reviews", "", ldShopReviews, true},
		{"a JSON-LD list of one Product", "", ldListOfOne, false},
		{"a microdata list of one Product", "", mdListOfOne, false},
		{"a Product and a breadcrumb list", "", ldCrumbs + ldProduct, true},
		{"a Product without an Offer", "", ldNoOffer, false},
		{"an Offer without a Product", "", rdfaOffer, false},
		{"og:type article", ogArticle, mdProduct, false},
		{"a JSON-LD NewsArticle", "", ldArticle + ldProduct, false},
	} {
		if got := sellsOneItem(readOneItemPage(t, c.head, c.body)); got != c.want {
			t.Errorf("%s: sellsOneItem %v, want %v", c.name, got, c.want)
		}
	}
}

// A page that sells one item reads its customers' reviews apart whatever
// kind it is called (a forum aside): the shop's page called a service or
// an article drops them, as one called a product does; the same page
// without the markup keeps them when called a service.
func TestDropSideMatterReadsOneItemOnSale(t *testing.T) {
	description := []string{"Harbour Canvas", "Our harbour", "An inner", "Made in"}
	all := append(slices.Clone(description), "Took it", "The handle", "Bought a")
	for _, c := range []struct {
		kind  string
		sells bool
		want  []string
	}{
		{"service", true, description},
		{"other", true, description},
		{kindArticle, true, description},
		{"service", false, all},
		{kindForum, true, all},
	} {
		pb, keep := allBlocksKept(t, reviewedProduct)
		pb.offerMarkup, pb.productMarkups = c.sells, 1
		dropSideMatter(pb, keep, c.kind)
		if got := keptLeads(pb, keep); !slices.Equal(got, c.want) {
			t.Errorf("%s, sells one item %v: kept %q, want %q", c.kind, c.sells, got, c.want)
		}
	}
}

// A critic's review of an item, with its shopping link and review-named
// boxes (its verdict, its pros and cons), is an article that sells nothing
// of its own: called an article, it keeps them all.
func TestDropSideMatterKeepsACriticsReview(t *testing.T) {
	pb := readOneItemPage(t, "", criticsReviewLD)
	keep := make([]bool, len(pb.blocks))
	for i := range keep {
		keep[i] = true
	}
	all := keptLeads(pb, keep)
	dropSideMatter(pb, keep, kindArticle)
	if got := keptLeads(pb, keep); !slices.Equal(got, all) {
		t.Errorf("the critic's review kept %q, want all of %q", got, all)
	}
}

// FuzzHTML's seed for sellsOneItem reaches it: the tote page with a
// JSON-LD Product and its Offer sells one item.
func TestOneItemFuzzSeedSellsOneItem(t *testing.T) {
	if !sellsOneItem(readOneItemPage(t, "", `<script type="application/ld+json">{"@type": "Product", "offers": {"@type": "Offer", "price": 38}}</script>`)) {
		t.Error("the seed does not sell one item")
	}
}

// Reading an element's schema.org types allocates nothing: the segmenter
// asks it of every element for each type it looks for (Offer, Product,
// ItemList, Review, ...), and a shop's list page marks tens of thousands of
// elements up. The count of allocations is checked, not a time.
func TestHasSchemaNameAllocatesNothing(t *testing.T) {
	doc, err := parseHTML([]byte(`<html><body><li class="card" itemprop="itemListElement" itemscope itemtype="https://schema.org/Product https://schema.org/Thing">x</li></body></html>`))
	if err != nil {
		t.Fatal(err)
	}
	n := findBody(doc).FirstChild
	allocs := testing.AllocsPerRun(20, func() {
		if !isProductElement(n) || isItemListElement(n) {
			t.Fatal("the card's types are misread")
		}
	})
	if allocs != 0 {
		t.Errorf("reading an element's schema.org types allocated %.0f times, want none", allocs)
	}
}

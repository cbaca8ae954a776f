package extract

import (
	"slices"
	"strings"
	"testing"

	"github.com/storyline-news/storyline/internal/news"
)

// reviewedProduct is an invented shop page of one item: a description of
// about 60 words, then customers' reviews in review-named elements (a
// BazaarVoice-style list) and one in schema.org Review microdata.
const reviewedProduct = `<html><body><div class="product">` +
	`<h1>Harbour Canvas Tote</h1>` +
	`<p>Our harbour tote is cut from twelve-ounce waxed canvas that shrugs off spray and sand, with a bridle-leather handle that softens with every trip to the quay.</p>` +
	`<p>An inner zip pocket holds keys and a phone, and the flat base stands the bag upright on a deck or a café floor.</p>` +
	`<p>Made in small batches by a sail loft on the north shore.</p></div>` +
	`<div id="reviews"><div class="bv-content-review"><p>Took it sailing all summer and it still looks new.</p></div>` +
	`<div class="bv-content-review"><p>The handle was stiff for a week, then perfect.</p></div>` +
	`<div itemscope itemtype="https://schema.org/Review"><p>Bought a second one for my sister.</p></div></div>` +
	`</body></html>`

func TestIsReviewElementReadsMarkup(t *testing.T) {
	for v, want := range map[string]bool{
		`<div class="bv-content-review">`:                      true,
		`<div class="productReviews">`:                         true,
		`<section id="reviews">`:                               true,
		`<li itemprop="review">`:                               true,
		`<div typeof="schema:Review">`:                         true,
		`<div class="video-preview">`:                          false,
		`<p class="medically-reviewed">`:                       false,
		`<h2 id="what-reviewers-of-the-old-bridge-said-then">`: false, // a heading's anchor, not a name
	} {
		doc, err := parseHTML([]byte(`<html><body>` + v + `x</body></html>`))
		if err != nil {
			t.Fatal(err)
		}
		n := findBody(doc).FirstChild
		if got := isReviewElement(n); got != want {
			t.Errorf("%s: isReviewElement %v, want %v", v, got, want)
		}
	}
}

// On a page called a product the reviews go and the description stays; on
// a page of another kind (a critic's review is an article) nothing goes.
func TestDropSideMatterDropsProductReviews(t *testing.T) {
	description := []string{"Harbour Canvas", "Our harbour", "An inner", "Made in"}
	for kind, want := range map[string][]string{
		kindProduct: description,
		kindArticle: append(slices.Clone(description), "Took it", "The handle", "Bought a"),
	} {
		pb, keep := allBlocksKept(t, reviewedProduct)
		dropSideMatter(pb, keep, kind)
		if got := keptLeads(pb, keep); !slices.Equal(got, want) {
			t.Errorf("%s: kept %q, want %q", kind, got, want)
		}
	}
}

// A page the kind classifiers call a service or other drops its reviews
// when its og:type declares one item's page; a page called an article
// drops them only when it also offers the item for sale (a schema.org
// Offer: a shop's page, not a critic's review); a page called a forum
// keeps them whatever its markup.
func TestDropSideMatterReadsProductOGType(t *testing.T) {
	description := []string{"Harbour Canvas", "Our harbour", "An inner", "Made in"}
	all := append(slices.Clone(description), "Took it", "The handle", "Bought a")
	for _, c := range []struct {
		kind             string
		ogProduct, offer bool
		want             []string
	}{
		{"service", true, false, description},
		{"other", true, false, description},
		{"service", false, false, all},
		{"service", false, true, all},
		{kindArticle, true, false, all},
		{kindArticle, true, true, description},
		{kindArticle, false, true, all},
		{kindForum, true, true, all},
	} {
		pb, keep := allBlocksKept(t, reviewedProduct)
		pb.ogProduct, pb.offerMarkup = c.ogProduct, c.offer
		dropSideMatter(pb, keep, c.kind)
		if got := keptLeads(pb, keep); !slices.Equal(got, c.want) {
			t.Errorf("%s, og product %v, offer %v: kept %q, want %q", c.kind, c.ogProduct, c.offer, got, c.want)
		}
	}
}

// An Offer reaches the blocks as extraction reads the page, from microdata
// or RDFa in the body or from the JSON-LD; a Product alone is no Offer.
func TestReadHTMLPageReadsOfferMarkup(t *testing.T) {
	for markup, want := range map[string]bool{
		`<div itemscope itemtype="https://schema.org/Offer"><span itemprop="price">38</span></div>`:                   true,
		`<div typeof="schema:AggregateOffer">From 30</div>`:                                                           true,
		`<script type="application/ld+json">{"@type": "Product", "offers": {"@type": "Offer", "price": 38}}</script>`: true,
		`<script type="application/ld+json">{"@type": "Product", "name": "Harbour Canvas Tote"}</script>`:             false,
		`<div itemscope itemtype="https://schema.org/Product">Tote</div>`:                                             false,
	} {
		page := strings.Replace(reviewedProduct, "</body>", markup+"</body>", 1)
		hp, err := DefaultModel().readHTMLPage(news.Page{Body: []byte(page), URL: "https://shop.example/tote"})
		if err != nil {
			t.Fatal(err)
		}
		if hp.blocks.offerMarkup != want {
			t.Errorf("%s: offerMarkup %v, want %v", markup, hp.blocks.offerMarkup, want)
		}
	}
}

func TestIsProductOGType(t *testing.T) {
	for v, want := range map[string]bool{"product": true, "og:product": true, "Product.Item": true, " product ": true,
		"article": false, "website": false, "products": false, "": false} {
		if got := isProductOGType(v); got != want {
			t.Errorf("isProductOGType(%q) = %v, want %v", v, got, want)
		}
	}
}

// The page's og:type reaches the blocks as extraction reads the page.
func TestReadHTMLPageReadsProductOGType(t *testing.T) {
	for og, want := range map[string]bool{"product": true, "article": false} {
		page := strings.Replace(reviewedProduct, "<html>", `<html><head><meta property="og:type" content="`+og+`"></head>`, 1)
		hp, err := DefaultModel().readHTMLPage(news.Page{Body: []byte(page), URL: "https://shop.example/tote"})
		if err != nil {
			t.Fatal(err)
		}
		if hp.blocks.ogProduct != want {
			t.Errorf("og:type %q: ogProduct %v, want %v", og, hp.blocks.ogProduct, want)
		}
	}
}

// criticsReview is an invented editorial review of a camera cut into
// review-named sections, each longer than the spec table beside them: the
// sections are the page's main text, not customers' reviews.
const criticsReview = `<html><body><h1>Lumen X2 camera review</h1>` +
	`<table class="specs"><tr><td>Sensor: 24 megapixels, full frame, back-lit. Lens mount: L. Weight: 640 grams with battery and card. ` +
	`Video: 4K at 60 frames a second, 10-bit. Screen: 3.2 inches, tilting. Battery: 410 shots a charge. Price: 1,899 dollars body only, 2,299 dollars with the 24-70 millimetre kit lens. Ports: USB-C, HDMI, microphone, headphone.</td></tr></table>` +
	`<div class="review-section"><p>In the hand the X2 feels denser than its weight suggests. The grip is deep enough for a full hand, ` +
	`the front dial falls under the index finger, and the rear joystick moves the focus point without a press of the shutter. ` +
	`Menus are flatter than on the first model, with the video settings no longer hidden three levels down, and the custom buttons ` +
	`keep their roles when the camera switches between stills and video, a small thing that saves a missed shot.</p></div>` +
	`<div class="review-section"><p>The sensor holds detail in the shadows two stops below where the old one gave up, and colours at ` +
	`base sensitivity are neutral without the green cast of earlier files. At high sensitivity the noise is fine-grained and the ` +
	`in-camera reduction leaves texture on skin and fabric, though fine foliage smears at the top settings. Autofocus tracked a ` +
	`cyclist across the frame at dusk and kept the eye in focus through a crowd, losing it only behind a lamp post.</p></div>` +
	`<div class="review-verdict"><p>The X2 is the camera the first model should have been: quicker to use, better in poor light and ` +
	`no heavier. The battery is the weak point, and a spare is worth budgeting for, but for travel and street work there is little ` +
	`in its class that handles as well, and the price, though high at launch, buys a body that will not feel dated for years.</p></div>` +
	`</body></html>`

// An editorial review in review-named sections stays whole, even where the
// page is called a product: each section outweighs the text beside them.
func TestDropSideMatterKeepsReviewSectionsThatOutweighTheRest(t *testing.T) {
	want := []string{"Lumen X2", "Sensor: 24", "In the", "The sensor", "The X2"}
	for _, kind := range []string{kindProduct, "other"} {
		pb, keep := allBlocksKept(t, criticsReview)
		pb.ogProduct = true
		dropSideMatter(pb, keep, kind)
		if got := keptLeads(pb, keep); !slices.Equal(got, want) {
			t.Errorf("%s: kept %q, want %q", kind, got, want)
		}
	}
}

package extract

import (
	"strings"

	"golang.org/x/net/html"
)

// kindProduct is the page kind of a shop's page of one item, kindForum a
// forum's thread, kindDocumentation a manual's or reference's page
// (pageKinds).
const (
	kindProduct       = "product"
	kindForum         = "forum"
	kindDocumentation = "documentation"
)

// isReviewElement reports whether an element's markup names customers'
// reviews of an item, by markup that reads the same on any shop: a class
// word, or an id's word when the id is a name (under maxNameWords words),
// that is "review" or begins so ("reviews", "review-list", "reviewer",
// BazaarVoice's "bv-content-review", not "preview" and not "reviewed", a
// health article's "medically reviewed" note), or a schema.org Review in
// microdata or RDFa (itemtype or typeof Review, itemprop review or
// reviews).
func isReviewElement(n *html.Node) bool {
	for _, a := range n.Attr {
		switch {
		case a.Key == "class" && holdsReviewWord(a.Val),
			a.Key == "id" && holdsReviewWord(a.Val) && classWordCount(a.Val) < maxNameWords:
			return true
		}
	}
	return hasSchemaName(n, "itemtype", "typeof", "Review") || hasSchemaName(n, "itemprop", "property", "review", "reviews")
}

// holdsReviewWord reports whether a class or id value holds a word that
// names reviews (see isReviewElement).
func holdsReviewWord(v string) bool {
	for w := range rawClassWordSeq(v) {
		if len(w) < len("review") || w[0]|0x20 != 'r' {
			continue // most words: no lower-case copy made for nothing
		}
		lw := strings.ToLower(w)
		if strings.HasPrefix(lw, "review") && !strings.HasPrefix(lw, "reviewed") {
			return true
		}
	}
	return false
}

// isProductOGType reports whether an og:type value names one item for
// sale: "product" and its Open Graph and Facebook forms ("og:product",
// "product.item", "product.group").
func isProductOGType(t string) bool {
	t = strings.ToLower(strings.TrimSpace(t))
	t = strings.TrimPrefix(t, "og:")
	return t == "product" || strings.HasPrefix(t, "product.")
}

// readsReviewsApart reports whether a page's customers' reviews are apart
// from its main text (dropSideMatter): the page is called a product; or it
// is not called a forum and either sells one item (sellsOneItem: an Offer
// with one schema.org Product or with og:type product, and no article
// declared) or, when not called an article, declares itself one item's
// page by its og:type. A critic's review of a product is an article with
// an og:type of product too, but it sells nothing (the two such pages of
// dragnet have no Offer); a shop's item page the kind classifier calls an
// article does (wcxb, session 50), and so does one it calls a service
// (an electronics repair shop's toolkits, session 52).
func readsReviewsApart(pb *pageBlocks, kind string) bool {
	if kind == kindProduct {
		return true
	}
	return kind != kindForum && (sellsOneItem(pb) || pb.ogProduct && kind != kindArticle)
}

// isOfferElement reports whether an element is marked a schema.org Offer
// or AggregateOffer in microdata or RDFa: a price for something on sale.
func isOfferElement(n *html.Node) bool {
	return hasSchemaName(n, "itemtype", "typeof", "Offer", "AggregateOffer")
}

// isProductElement reports whether an element is marked a schema.org
// Product in microdata or RDFa.
func isProductElement(n *html.Node) bool {
	return hasSchemaName(n, "itemtype", "typeof", "Product")
}

// isItemListElement reports whether an element is marked a list of items
// (a schema.org ItemList, CollectionPage or SearchResultsPage) in
// microdata or RDFa.
func isItemListElement(n *html.Node) bool {
	return hasSchemaName(n, "itemtype", "typeof", listPageTypes...)
}

// listPageTypes are the schema.org types of a list of items, as microdata
// and RDFa write them; ldListPageTypes are their JSON-LD forms (ldTypes).
var (
	listPageTypes   = []string{"ItemList", "CollectionPage", "SearchResultsPage"}
	ldListPageTypes = []string{"itemlist", "collectionpage", "searchresultspage"}
)

// countProductElement counts a Product element of the microdata or RDFa
// and notes (reviewsItem) when the first one is the itemReviewed of a
// Review: a critic's review wraps its item so, a shop's customer reviews
// sit inside the item's Product, after it.
func (pb *pageBlocks) countProductElement(n *html.Node) {
	if pb.productMarkups == 0 && hasSchemaName(n, "itemprop", "property", "itemReviewed") {
		pb.reviewsItem = true
	}
	pb.productMarkups++
}

// readItemDeclarations completes what the page declares about its items
// from its JSON-LD types (ldTypes: lower case, space-separated) and its
// og:type, after the body's microdata and RDFa were read (segmenter):
// the Offer, the Products (the count of the syntax that declares more),
// a list of items, and an article or critic's review (declaresArticle).
func (pb *pageBlocks) readItemDeclarations(ldTypes, ogType string) {
	pb.offerMarkup = pb.offerMarkup || ldNamesOffer(ldTypes)
	pb.productMarkups = max(pb.productMarkups, ldCountType(ldTypes, "product"))
	pb.listMarkup = pb.listMarkup || ldNamesType(ldTypes, ldListPageTypes...)
	og := strings.ToLower(ogType)
	pb.declaresArticle = ldArticle(ldTypes) > 0 || ldReviewsItem(ldTypes) || pb.reviewsItem ||
		strings.Contains(og, "article") || strings.Contains(og, "review")
}

// ldReviewsItem reports whether a page's JSON-LD types (ldTypes) name a
// Review before any Product: the page's item is a review whose
// itemReviewed is the Product (a critic's review), where a shop nests its
// customers' reviews in its Product, after the Product's type.
func ldReviewsItem(ldTypes string) bool {
	for t := range strings.FieldsSeq(ldTypes) {
		switch t {
		case "product":
			return false
		case "review":
			return true
		}
	}
	return false
}

// ldCountType counts the JSON-LD types (ldTypes: lower case,
// space-separated) equal to typ.
func ldCountType(ldTypes, typ string) int {
	n := 0
	for t := range strings.FieldsSeq(ldTypes) {
		if t == typ {
			n++
		}
	}
	return n
}

// sellsOneItem reports whether a page declares itself the page of one item
// on sale: it offers something (offerMarkup), does not call itself an
// article or a critic's review (declaresArticle), and either its og:type
// names a product or its markup declares exactly one schema.org Product
// (in microdata or RDFa, in JSON-LD, or the same one in both) and no list
// of items (listMarkup: a list page with one Product marked up is a list).
// A news article that sells (a roundup of gifts, a review with shopping
// links) calls itself an article or a review and often declares several
// Products, one for each item it names (wcxb: three to seven on its four
// such articles, each with og:type article).
func sellsOneItem(pb *pageBlocks) bool {
	return pb.offerMarkup && !pb.declaresArticle && (pb.ogProduct || pb.productMarkups == 1 && !pb.listMarkup)
}

// ldNamesOffer reports whether a page's JSON-LD types (ldTypes: lower
// case, space-separated) name an Offer or AggregateOffer.
func ldNamesOffer(ldTypes string) bool { return ldNamesType(ldTypes, "offer", "aggregateoffer") }

// reviewOutweighsDescription reports whether one of the review-named
// elements of regions (kept words by element) holds more kept words than
// the text outside them: the page's main text is then a review itself, an
// editorial review cut into review-named sections ("review-section",
// "review-verdict") beside a short spec table, not a shop's customers'
// reviews, each of which is shorter than the item's description. Weaker
// than holdsArticle, which also asks the element to outweigh all the
// others: a critic's sections share the words evenly (review s49-productrev).
func reviewOutweighsDescription(regions map[int32]int, outside int) bool {
	for _, words := range regions {
		if words > outside {
			return true
		}
	}
	return false
}

package extract

import (
	"strings"
	"testing"
)

// TestTagPath: a block's tag path runs from the body down to its innermost
// element, a custom element written as "?".
func TestTagPath(t *testing.T) {
	page := `<html><body><article><ul><li><harbour-note><b>Tide tables are posted at the ferry office.</b></harbour-note></li></ul></article></body></html>`
	pb, _ := allBlocksKept(t, page)
	if len(pb.blocks) != 1 {
		t.Fatalf("%d blocks, want 1", len(pb.blocks))
	}
	got := tagPath(pb, pb.blocks[0].elem)
	if want := "body>article>ul>li>?>b"; got != want {
		t.Errorf("path %q, want %q", got, want)
	}
	if strings.Contains(got, "html") {
		t.Errorf("path %q reaches above the body", got)
	}
}

package cli

import (
	"bytes"
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
)

// TestExtractNamesEveryRepeatedRecordID: extract has no summary to send a
// reader to, so it names every record whose id an earlier record of the
// archive used, and never points to `add --json`. It named ten, then said
// "add --json names them all" of a command that was not add.
func TestExtractNamesEveryRepeatedRecordID(t *testing.T) {
	dir := t.TempDir()
	var records [][3]string
	for i := range 13 {
		records = append(records, [3]string{fmt.Sprintf("https://millbrook.example/notice-%d", i), "<urn:uuid:same-id>",
			newsPage(fmt.Sprintf("Millbrook notice %d", i), fmt.Sprintf("The Millbrook council posted notice number %d about road works on Elm Street this week.", i))})
	}
	archive := plainArchive(t, filepath.Join(dir, "repeated.warc"), records)
	var out, errOut bytes.Buffer
	if err := Main(context.Background(), []string{"extract", "--workers", "1", archive}, &out, &errOut); err != nil {
		t.Fatalf("extract: %v\n%s", err, errOut.String())
	}
	if n := strings.Count(errOut.String(), "uses the record id <urn:uuid:same-id>"); n != 12 {
		t.Errorf("extract named %d repeated ids, want 12:\n%s", n, errOut.String())
	}
	if strings.Contains(errOut.String(), "add --json") {
		t.Errorf("extract's messages point to add --json:\n%s", errOut.String())
	}
}

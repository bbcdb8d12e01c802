package formstest

import (
	"bytes"
	"testing"
	"unicode/utf8"

	"ziping/forms"
)

// TestLargestIsAtTheLimits: Largest and LongestText load, and are at the limits they stand for.
func TestLargestIsAtTheLimits(t *testing.T) {
	atLimits(t, Largest(), forms.MaxRowsTotal)
	atLimits(t, LongestText(), 0)
}

// atLimits fails unless d loads and has MaxProjects projects, MaxTextRunes characters and,
// unless rows is 0, that many printed rows.
func atLimits(t *testing.T, d *forms.Document, rows int) {
	t.Helper()
	data, err := forms.Marshal(d)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := forms.Unmarshal(data); err != nil {
		t.Fatal(err)
	}
	text := 0
	d.EachText(func(_ string, s *string) { text += utf8.RuneCountInString(*s) })
	t.Logf("%d bytes, %d objects, %d commas, %d rows, %d characters", len(data), bytes.Count(data, []byte("{")),
		bytes.Count(data, []byte(",")), d.PrintedRowCount(), text)
	if len(d.Projects) != forms.MaxProjects || rows != 0 && d.PrintedRowCount() != rows || text != forms.MaxTextRunes {
		t.Fatalf("%d projects, %d rows, %d characters", len(d.Projects), d.PrintedRowCount(), text)
	}
}

package xlsxout

import (
	"strings"
	"testing"

	"ziping/forms"
	"ziping/forms/formstest"
)

// TestShadowHoldsTheDocument: the shadow sheet holds the document as its file does, in cells
// within Excel's limit, with the runes XML cannot hold escaped.
func TestShadowHoldsTheDocument(t *testing.T) {
	doc := formstest.Sample(t)
	doc.Settings.RateCap = true
	doc.Projects[1].Period = strings.Repeat("时", 9000)
	doc.Projects[2].Period = strings.Repeat("间", 9000)
	doc.Projects[0].Period = strings.Repeat("期", 9000) + "\uFFFE"
	w := write(t, doc)
	rows, err := w.f.GetRows(ShadowSheet)
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) < 4 || rows[0][0] != shadowMark {
		t.Fatalf("%d rows; first %q", len(rows), rows[0])
	}
	var b strings.Builder
	for _, r := range rows[1:] {
		if n := len([]rune(r[0])); n > shadowChunk {
			t.Errorf("a cell of %d runes", n)
		}
		b.WriteString(r[0])
	}
	got, err := forms.Unmarshal([]byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	g, _ := forms.Marshal(got)
	want, _ := forms.Marshal(doc)
	if string(g) != string(want) {
		t.Error("the shadow's document differs from the document exported")
	}
}

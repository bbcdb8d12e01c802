package pdfout

import (
	"strings"
	"testing"
)

// TestTotalsOneSize: a project's C, D and C+D print at one size, that of the widest of them:
// "89.79" over "10" over "99.79" all at 7 pt (D was 9 pt between two 7 pt figures), and under
// 执行率封顶 "89.79" over "5.95" over "69" too (C+D was larger than C); "90", "10", "100" keep
// the body size.
func TestTotalsOneSize(t *testing.T) {
	for name, c := range map[string]struct {
		actual, spent string
		want          map[string]string
		size          float64
	}{
		"decimals":    {"93%", "", map[string]string{"C": "89.79", "D": "10", "C+D": "99.79"}, 7},
		"capped":      {"93%", "150", map[string]string{"C": "89.79", "D": "5.95", "C+D": "69"}, 7},
		"whole marks": {"95%", "", map[string]string{"C": "90", "D": "10", "C+D": "100"}, bodySize},
	} {
		t.Run(name, func(t *testing.T) {
			doc := satisfactionDoc(0)
			doc.Projects[0].Indicators[2].Children[0].Rows[0].Actual = c.actual
			if c.spent != "" {
				doc.Settings.RateCap = true
				doc.Projects[0].FundRow("S1").Actual = c.spent
			}
			laid := laidOut(t, doc)
			got := map[string]string{}
			for _, pg := range laid[len(laid)-1] {
				for _, x := range pg.Texts {
					i := strings.LastIndex(x.Tag, "|")
					if !strings.Contains(x.Tag, "|totals|") || i < 0 {
						continue
					}
					field := x.Tag[i+1:]
					got[field] = x.Str
					if x.Size != c.size {
						t.Errorf("%s %q at %g pt, want %g", field, x.Str, x.Size, c.size)
					}
				}
			}
			for k, v := range c.want {
				if got[k] != v {
					t.Errorf("%s printed %q, want %q (all: %q)", k, got[k], v, got)
				}
			}
		})
	}
}

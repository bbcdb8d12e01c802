package forms

import (
	"errors"
	"runtime"
	"strings"
	"testing"
)

// pasted60MB are blocks of 60 MB on the clipboard: tabs, line breaks, one-letter rows, and
// tabs after an opening quote; each made when asked for.
var pasted60MB = map[string]func() string{
	"tabs":   func() string { return "三级指标\t分值\n" + strings.Repeat("\t", 60<<20) },
	"lines":  func() string { return "三级指标\t分值\n" + strings.Repeat("\n", 60<<20) },
	"rows":   func() string { return "三级指标\t分值\n" + strings.Repeat("a\t1\n", 15<<20) },
	"quoted": func() string { return "三级指标\t分值\n\"" + strings.Repeat("\t", 60<<20) },
}

// A block beyond MaxTableCells is refused by ReadIndicatorTable, naming its size, after
// ParseTSV stopped at the budget: each allocates far less than 1 GB (TotalAlloc, an upper
// bound of the heap's growth; BenchmarkPasteBudget gives the time).
func TestPasteBudget(t *testing.T) {
	for name, mk := range pasted60MB {
		t.Run(name, func(t *testing.T) {
			text := mk()
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			rows := ParseTSV(text)
			_, err := ReadIndicatorTable(rows, "粘贴的内容")
			runtime.ReadMemStats(&after)
			n := after.TotalAlloc - before.TotalAlloc
			t.Logf("%d MB allocated: %v", n>>20, err)
			if n > 1<<30 {
				t.Errorf("%d MB allocated", n>>20)
			}
			if !errors.Is(err, ErrLimit) || !strings.Contains(err.Error(), "粘贴的内容过大（超过 100 万个单元格，超过上限）") {
				t.Errorf("error %v", err)
			}
			if TableSize(rows) > MaxTableCells+3 { // the cell, and the row, it stopped in
				t.Errorf("ParseTSV went on to %d cells", TableSize(rows))
			}
		})
	}
	rows := ParseTSV("三级指标\t分值\n甲\t5\n")
	if TableSize(rows) != 6 {
		t.Errorf("%q: size %d", rows, TableSize(rows))
	}
}

func BenchmarkPasteBudget(b *testing.B) {
	for name, mk := range pasted60MB {
		b.Run(name, func(b *testing.B) {
			text := mk()
			for b.Loop() {
				ReadIndicatorTable(ParseTSV(text), "粘贴的内容")
			}
		})
	}
}

package main

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"ziping/forms"
	"ziping/forms/formstest"
)

// BenchmarkLargest times `ziping check` and `ziping export` (PDF and Excel) of the largest
// documents the limits allow, each run as a process of its own as a user runs it (load, check
// or render, write), and reports its peak resident memory as peak-MiB and its processor time
// as cpu-s (ns/op is the wall-clock time, which other work on the machine lengthens): "rows" is
// formstest.Largest (MaxProjects projects, MaxRowsTotal printed rows, MaxTextRunes of text),
// "text" formstest.LongestText (the text in the narrowest column). The limits are chosen so
// that each stays within 10 s and 1 GB here (see forms/limits.go; figures in docs/DEVELOPING.md).
func BenchmarkLargest(b *testing.B) {
	dir := b.TempDir()
	for _, d := range []struct {
		name string
		doc  func() *forms.Document
	}{{"rows", formstest.Largest}, {"text", formstest.LongestText}} {
		in := filepath.Join(dir, d.name+".zpb")
		data, err := forms.Marshal(d.doc())
		if err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(in, data, 0o644); err != nil {
			b.Fatal(err)
		}
		for _, c := range []struct {
			name string
			args []string
		}{
			{"check", []string{"check", in}},
			{"pdf", []string{"export", "--force", "-o", filepath.Join(dir, "out.pdf"), in}},
			{"xlsx", []string{"export", "--force", "-o", filepath.Join(dir, "out.xlsx"), in}},
		} {
			b.Run(d.name+"/"+c.name, func(b *testing.B) {
				var peak int64
				var cpu time.Duration
				for b.Loop() {
					r := runProcess(b, nil, c.args...)
					if r.code == 2 {
						b.Fatalf("exit %d: %s", r.code, r.stderr)
					}
					peak = max(peak, r.maxRSS)
					cpu += r.cpu
				}
				b.ReportMetric(float64(peak)/(1<<20), "peak-MiB")
				b.ReportMetric(cpu.Seconds()/float64(b.N), "cpu-s")
			})
		}
	}
}

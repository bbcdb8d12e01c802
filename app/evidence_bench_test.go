//go:build unix

package app

import (
	"fmt"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"ziping/forms"
)

// BenchmarkEvidenceDialog: opening the 佐证材料 dialog of a list of 5 and of 50 items, as a tap on
// its button does, and closing it (cpu-ms/op: processor time); and a key typed into its last
// cell (key-cpu-ms/op), which re-evaluates the project's form as a key in the form does.
func BenchmarkEvidenceDialog(b *testing.B) {
	for _, n := range []int{5, 50} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			w := NewForFile(test.NewTempApp(b), fileSample)
			w.Win.Resize(fyne.NewSize(1024, 768))
			w.Tabs.Select(w.Project(0).item())
			list := make([]forms.Evidence, n)
			for i := range list {
				list[i] = forms.Evidence{Name: fmt.Sprintf("材料 %d", i+1), Kind: "合同协议", Pages: "3", Path: "/资料/合同.pdf"}
			}
			w.Doc.Projects[0].FundsEvidence = list
			var open, key cpuClock
			b.ResetTimer()
			for range b.N {
				open.start()
				test.Tap(w.Projects[0].Evidence)
				open.stop()
				d := w.evidence
				key.start()
				test.Type(d.Rows[n-1].Name, "x")
				key.stop()
				d.d.Hide()
			}
			open.report(b, "cpu-ms/op")
			key.report(b, "key-cpu-ms/op")
		})
	}
}

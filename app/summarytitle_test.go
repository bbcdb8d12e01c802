package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// TestSummaryAddFileTitle: 部门汇总's 添加文件… opens a file dialog titled 添加文件, as its
// button (not Fyne's "打开 文件").
func TestSummaryAddFileTitle(t *testing.T) {
	w := fileWindow(t)
	s := w.newSummaryWindow()
	s.chooseOpen = s.dialogOpen
	test.Tap(s.AddFile)
	top := s.Win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no file dialog")
	}
	var titles []string
	for _, o := range test.LaidOutObjects(top) {
		if l, ok := o.(*widget.Label); ok && l.TextStyle.Bold && l.Alignment == fyne.TextAlignLeading {
			titles = append(titles, l.Text)
		}
	}
	if len(titles) == 0 || titles[0] != "添加文件" {
		t.Errorf("the dialog's bold labels are %q, want the title 添加文件 first", titles)
	}
}

// Package app is the Fyne user interface of 绩效自评: the window, the tab of each form, the
// editors, the check list and the dialogs. It shows and edits a forms.Document; every figure
// it shows comes from forms.Evaluate, never from arithmetic of its own.
package app

import (
	"fmt"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"ziping/forms"
)

// AppName is the product name shown in window titles.
const AppName = "绩效自评"

// Window is the main window and the document it shows.
type Window struct {
	Win  fyne.Window
	Doc  *forms.Document
	Path string
}

// New opens the main window of a, showing the document at path (a new document if path is "").
// A file that cannot be read is reported in the window and left untouched.
func New(a fyne.App, path string) *Window {
	a.Settings().SetTheme(NewTheme())
	w := &Window{Win: a.NewWindow(AppName)}
	var loadErr error
	if path != "" {
		w.Doc, loadErr = forms.Load(path)
	}
	if w.Doc == nil {
		w.Doc = forms.NewDocument(2021)
	} else {
		w.Path = path
	}
	w.Win.SetTitle(w.title())
	w.Win.SetContent(w.summary(loadErr))
	w.Win.Resize(fyne.NewSize(1200, 800))
	return w
}

func (w *Window) title() string {
	if w.Path == "" {
		return "未命名 - " + AppName
	}
	return filepath.Base(w.Path) + " - " + AppName
}

// summary lists the totals of every form (the editor replaces this view).
func (w *Window) summary(loadErr error) fyne.CanvasObject {
	box := container.NewVBox()
	if loadErr != nil {
		box.Add(widget.NewLabel(loadErr.Error()))
	}
	ev := forms.Evaluate(w.Doc)
	box.Add(widget.NewLabelWithStyle(w.Doc.UnitTitle(), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	box.Add(widget.NewLabel(fmt.Sprintf("%s：总评价得分 %s（%s）", forms.UnitFormName, forms.FormatScore(ev.Unit.Total), ev.Unit.Rating())))
	for i, p := range w.Doc.Projects {
		r := ev.Projects[i]
		box.Add(widget.NewLabel(fmt.Sprintf("%s：C %s，D %s，总得分 %s（%s）", forms.ProjectFormName(i, p),
			forms.FormatScore(r.C), r.DText(), forms.FormatScore(r.Total), r.Rating())))
	}
	errs, warns := forms.Counts(ev.Problems)
	box.Add(widget.NewLabel(fmt.Sprintf("错误 %d 个，警告 %d 个", errs, warns)))
	return container.NewVScroll(box)
}

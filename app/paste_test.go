package app

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"ziping/forms"
)

// allBinders lists every binder of the window's tabs.
func allBinders(w *Window) []*binder {
	bs := []*binder{w.Unit.b, w.Unit.Tasks.b, w.Unit.Goals.b, w.Unit.Tree.b}
	for i := range w.Projects {
		p := w.Project(i)
		bs = append(bs, p.b, p.Goals.b, p.Tree.b)
	}
	return bs
}

// TestPasteIntoEveryEntry: text pasted from the clipboard (how IME users often enter long
// Chinese text) lands in the document field of the entry it was pasted into, for every entry.
func TestPasteIntoEveryEntry(t *testing.T) {
	a := test.NewTempApp(t)
	w := New(a)
	w.Open(samplePath)
	clip := a.Clipboard() // the test window makes a new clipboard on every call; the app keeps one
	n := 0
	for _, b := range allBinders(w) {
		for _, f := range b.fields {
			n++
			marker := fmt.Sprintf("粘贴内容%04d号", n)
			f.entry.SetText("")
			clip.SetContent(marker)
			f.entry.TypedShortcut(&fyne.ShortcutPaste{Clipboard: clip})
			if f.entry.Text != marker {
				t.Fatalf("entry %v shows %q after paste", f.loc, f.entry.Text)
			}
		}
	}
	data, _ := forms.Marshal(w.Doc)
	for i := 1; i <= n; i++ {
		marker := fmt.Sprintf("粘贴内容%04d号", i)
		if c := strings.Count(string(data), marker); c != 1 {
			t.Errorf("%s is in the document %d times, want once", marker, c)
		}
	}
	if n < 200 {
		t.Errorf("only %d entries found", n)
	}
	t.Logf("pasted into %d entries", n)
}

// TestPastedScoreEqualToSuggestion: a pasted 得分 equal by value to the rules' suggestion is the
// suggestion, not 手工调整, as in an import; one that differs is the user's.
func TestPastedScoreEqualToSuggestion(t *testing.T) {
	a := test.NewTempApp(t)
	w := New(a)
	w.AddProject()
	a.Clipboard().SetContent("三级指标\t运算符号\t指标值\t全年完成值\t分值\t得分\r\n" +
		"参保人数\t≥\t5000\t5000\t10\t10.0\r\n培训人数\t≥\t100\t100\t10\t9\r\n")
	ed := projectTree(w, 0)
	ed.pasteRows(0, 0)
	if !treeDialogTap(w, "粘贴") {
		t.Fatal("no 粘贴 button")
	}
	got := map[string]bool{}
	w.Doc.Projects[0].Indicators.Each(func(p forms.RowPath, _ *forms.Level1, _ *forms.Level2, in *forms.Indicator) {
		got[in.Content] = in.Manual
	})
	if m, ok := got["参保人数"]; !ok || m {
		t.Errorf("参保人数 (得分 10.0, suggested 10): 手工调整 %v (pasted %v)", m, ok)
	}
	if m, ok := got["培训人数"]; !ok || !m {
		t.Errorf("培训人数 (得分 9, suggested 10): 手工调整 %v (pasted %v)", m, ok)
	}
}

// TestPasteHugeClipboard: 60 MB on the clipboard (a whole worksheet of separators) is read off
// the window's goroutine, after a recovery copy of the document, and refused with the reason;
// the document does not change. Its time and memory: BenchmarkPasteBudget (forms).
func TestPasteHugeClipboard(t *testing.T) {
	recov := useRecoveryDir(t)
	a := test.NewTempApp(t)
	w := New(a)
	w.AddProject()
	edit(w)
	before := marshal(t, w.Doc)
	a.Clipboard().SetContent(strings.Repeat("1\t2\t3\t4\t5\t6\t7\t8\t9\t10\t11\t12\t13\t14\t15\r\n", 60<<20/42))
	projectTree(w, 0).pasteRows(0, 0)
	w.files().jobs.Wait()
	text := dialogText(w)
	if !strings.Contains(text, "无法粘贴") || !strings.Contains(text, "过大") {
		t.Errorf("dialog %q", text)
	}
	if !bytes.Equal(marshal(t, w.Doc), before) {
		t.Error("the document changed")
	}
	if len(copies(t, recov)) != 1 {
		t.Errorf("recovery copies %q", copies(t, recov))
	}
}

package app

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"ziping/forms"
	"ziping/storage"
)

// TestStartFromLastYear: the sample becomes an untitled, unsaved 2022 document with the same
// projects and no scores; the sample file is only read.
func TestStartFromLastYear(t *testing.T) {
	w := fileWindow(t)
	dir := t.TempDir()
	path := copySample(t, dir, "2021.zpb")
	before, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	last, err := storage.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := w.startFromLastYear(path); err != nil {
		t.Fatalf("startFromLastYear: %v", err)
	}
	wantUntitled2022(t, w)
	wantProjectsUnfilled(t, w, last)
	if !w.Eval.Unit.Total.IsZero() || w.Eval.Unit.Complete || !strings.Contains(w.Status.Text, "单位总评价得分 未完成") {
		t.Errorf("unit total %s, status %q", forms.FormatScore(w.Eval.Unit.Total), w.Status.Text)
	}
	after, _ := os.ReadFile(path)
	entries, _ := os.ReadDir(dir)
	if !bytes.Equal(before, after) || len(entries) != 1 {
		t.Errorf("the sample was changed or a file was added (%d entries)", len(entries))
	}
}

// wantUntitled2022 checks that w holds an unsaved, untitled 2022 document, as its title, status
// and suggested file name say.
func wantUntitled2022(t *testing.T, w *Window) {
	t.Helper()
	if w.Doc.Settings.Year != "2022" || w.Path != "" || !w.Dirty {
		t.Errorf("year %q Path %q Dirty %v, want 2022, untitled, unsaved", w.Doc.Settings.Year, w.Path, w.Dirty)
	}
	if got := w.Win.Title(); got != "未命名 * - 绩效自评" {
		t.Errorf("title %q", got)
	}
	if !strings.Contains(w.Status.Text, "未保存") {
		t.Errorf("status %q does not say 未保存", w.Status.Text)
	}
	if got := w.suggestedName(forms.FileExt); got != "2022年抚顺市社保中心绩效自评.zpb" {
		t.Errorf("suggested name %q", got)
	}
}

// wantProjectsUnfilled checks that w has last's project tabs, with 实施期 advanced and no score.
func wantProjectsUnfilled(t *testing.T, w *Window, last *forms.Document) {
	t.Helper()
	if len(w.Projects) != len(last.Projects) {
		t.Fatalf("%d project tabs, want %d", len(w.Projects), len(last.Projects))
	}
	for i, p := range w.Projects {
		if got, want := p.item().Text, tabTitle(last.Projects[i]); got != want {
			t.Errorf("tab %d %q, want %q", i+1, got, want)
		}
		if got := w.Project(i).Period.Text; got != "2022 年 1 月 - 2022 年 12 月" {
			t.Errorf("project %d 实施期 entry %q", i+1, got)
		}
		if r := w.Eval.Projects[i]; r.HasD || !r.Total.IsZero() {
			t.Errorf("project %d: D %q total %s, want unfilled", i+1, r.DText(), forms.FormatScore(r.Total))
		}
	}
}

// TestCopyFromLastYearAsks: the command asks about unsaved changes first, then for the file,
// and says what was kept and cleared; 取消 leaves everything as it was.
func TestCopyFromLastYearAsks(t *testing.T) {
	w := fileWindow(t)
	asked := 0
	w.files().chooseOpen = func(cb func(string)) { asked++; cb(fileSample) }
	w.Open(fileSample)
	edit(w)
	doc := w.Doc

	w.CopyFromLastYear()
	if asked != 0 || w.files().prompt == nil {
		t.Fatal("did not ask about unsaved changes first")
	}
	test.Tap(w.files().prompt.cancel)
	if asked != 0 || w.Doc != doc || !w.Dirty || w.Path == "" {
		t.Fatalf("取消 changed the window: asked %d Path %q", asked, w.Path)
	}

	w.CopyFromLastYear()
	test.Tap(w.files().prompt.discard)
	if asked != 1 || w.Doc.Settings.Year != "2022" || w.Path != "" || !w.Dirty {
		t.Fatalf("asked %d year %q Path %q Dirty %v", asked, w.Doc.Settings.Year, w.Path, w.Dirty)
	}
	text := dialogText(w)
	for _, want := range []string{"fushun-shebao-2021.zpb", "建立2022年度", "保留", "清空", "尚未保存"} {
		if !strings.Contains(text, want) {
			t.Errorf("summary lacks %q:\n%s", want, text)
		}
	}
}

// TestStartFromLastYearUnreadable: a damaged file or one whose year cannot be advanced is
// reported in Chinese; the current document, its changes and the file stay as they were.
func TestStartFromLastYearUnreadable(t *testing.T) {
	dir := t.TempDir()
	damaged := filepath.Join(dir, "坏.zpb")
	noYear := filepath.Join(dir, "无年度.zpb")
	data, _ := os.ReadFile(fileSample)
	blankYear := bytes.Replace(data, []byte(`"year": "2021"`), []byte(`"year": ""`), 1)
	if bytes.Equal(blankYear, data) {
		t.Fatal("the sample's year was not found")
	}
	if os.WriteFile(damaged, data[:len(data)/2], 0o644) != nil || os.WriteFile(noYear, blankYear, 0o644) != nil {
		t.Fatal("cannot write the test files")
	}
	for path, want := range map[string]string{
		damaged:                      "无法打开“坏.zpb”",
		noYear:                       "四位数年份",
		filepath.Join(dir, "没有.zpb"): "文件不存在",
	} {
		t.Run(filepath.Base(path), func(t *testing.T) {
			w := fileWindow(t)
			w.Open(fileSample)
			edit(w)
			doc, docPath := w.Doc, w.Path
			before, _ := os.ReadFile(path)
			w.copyFromLastYear(path)
			if w.Doc != doc || w.Path != docPath || !w.Dirty || w.Doc.Settings.Year != "2021" {
				t.Errorf("the current document was replaced: Path %q Dirty %v", w.Path, w.Dirty)
			}
			if text := dialogText(w); !strings.Contains(text, want) {
				t.Errorf("error dialog lacks %q:\n%s", want, text)
			}
			if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
				t.Error("the file was changed")
			}
		})
	}
}

// TestCopyFromLastYearEvidence: last year's document with 佐证材料 asks first; 复制 as offered
// clears every list, the tick keeps names and kinds with pages and files cleared, and 取消
// leaves the window as it was. Each summary says what became of them.
func TestCopyFromLastYearEvidence(t *testing.T) {
	dir := t.TempDir()
	last, err := storage.Load(fileSample)
	if err != nil {
		t.Fatal(err)
	}
	last.Projects[0].Indicators.Row(forms.RowPath{}).Evidence = []forms.Evidence{{Name: "采购合同", Kind: "合同协议", Pages: "12", Path: "合同.pdf"}}
	last.Unit.BudgetEvidence = []forms.Evidence{{Name: "决算报表", Pages: "4"}}
	path := filepath.Join(dir, "2021.zpb")
	data, err := forms.Marshal(last)
	if err != nil || os.WriteFile(path, data, 0o644) != nil {
		t.Fatal("cannot write last year's document")
	}
	for _, c := range []struct {
		answer string
		tick   bool
		unit   []forms.Evidence
		said   string
	}{
		{"取消", false, nil, ""},
		{"复制", false, nil, "　· 佐证材料清单"},
		{"复制", true, []forms.Evidence{{Name: "决算报表"}}, "佐证材料的名称和类型"},
	} {
		w := fileWindow(t)
		w.Open(fileSample)
		doc := w.Doc
		w.copyFromLastYear(path)
		if !strings.Contains(dialogText(w), "上年的文档列有 2 项佐证材料") {
			t.Fatalf("no question about 佐证材料:\n%s", dialogText(w))
		}
		for _, o := range dialogObjects(w) {
			if check, ok := o.(*widget.Check); ok && c.tick {
				test.Tap(check)
			}
		}
		dialogTap(t, w, c.answer)
		if c.answer == "取消" {
			if w.Doc != doc || hasDialog(w) {
				t.Fatal("取消 replaced the document or left a dialog")
			}
			continue
		}
		if w.Doc.Settings.Year != "2022" || !reflect.DeepEqual(w.Doc.Unit.BudgetEvidence, c.unit) {
			t.Errorf("tick %v: year %q, 收支 evidence %+v, want %+v", c.tick, w.Doc.Settings.Year, w.Doc.Unit.BudgetEvidence, c.unit)
		}
		if !strings.Contains(dialogText(w), c.said) {
			t.Errorf("tick %v: the summary does not say %q:\n%s", c.tick, c.said, dialogText(w))
		}
	}
}

package xlsxin

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"ziping/forms"
	"ziping/forms/formstest"
	"ziping/xlsxout"
)

// fzOptions: how FuzzExportImport's bytes decode into documents (formstest.DocFromBytes);
// its saved corpus depends on every detail.
var fzOptions = formstest.Options{
	MaxOps: 200, MaxProjects: 3, MaxList: 6, MaxLevel2: 6, MaxStr: 120,
	Dict: []string{
		"", " ", "0", "100", "10", "9.5", "13", "50", "1,234.56", "１２３４．５", "95%", "≥50个", ">=50", "<=3",
		"＜1", "＝0", "-1", "600.00", "600.00万元", "12分", "10.005", "3人", "约100", "０", "\x07", "\t", "\r\n",
		"　", "𠮷", "达成", "＝", "≤", "≥", "＜", "＞", "人/次", "全部支付", "一次性支付", "2021", "fixed2", "linear",
		"——", "√", "目标 1：", "合计", "指标 1", "填表人：", "　　　　　　", " 年", "整体绩效自评表",
	},
	ValidUTF8: true,
}

func fzSeeds() [][]byte {
	o := fzOptions
	return [][]byte{
		{},
		o.Prog(formstest.AddProject, formstest.SetSettings, 0, 1, formstest.SetAmount, 3, 0, 1, 1, "1,234.56",
			formstest.AddRow, 1, 0, 0, formstest.SetIndicator, 1, 0, 0, 0, 3, "10", formstest.SetIndicator, 1, 0, 0, 0, 4, "15"),
		{0x70, 0x40, 0x70, 0xff, 0x09, 0xff, 0x00, 0xee, 0x03, 0x00, 0x00, 0x09, 0x00, 0x00, 0x00, 0x00, 0x01, 0x21},
	}
}

// Ziping's own export of any document the editor can make imports without error, and the
// document imported exports to the same bytes: everything the workbook shows comes back.
func FuzzExportImport(f *testing.F) {
	for i, s := range fzSeeds() {
		f.Add(2021+i, s)
	}
	f.Fuzz(func(t *testing.T, year int, ops []byte) {
		doc := formstest.DocFromBytes(year, ops, fzOptions)
		if !editorShape(doc) {
			return
		}
		// As the editor holds a document: loaded or new, hence normalised (forms' defaults
		// for blank settings), which the workbook's shadow carries as such.
		if settled, err := settle(doc); err == nil {
			doc = settled
		}
		var first bytes.Buffer
		if _, err := xlsxout.Write(&first, doc); err != nil {
			t.Skip("not exported:", err) // xlsxout's own refusals are its tests' business
		}
		res, err := Import(bytes.NewReader(first.Bytes()), int64(first.Len()), "s.xlsx")
		if err != nil {
			t.Fatalf("Ziping's export does not import: %v", err)
		}
		var second bytes.Buffer
		if _, err := xlsxout.Write(&second, res.Doc); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(first.Bytes(), second.Bytes()) {
			a, _ := forms.Marshal(doc)
			b, _ := forms.Marshal(res.Doc)
			t.Fatalf("the imported document exports differently\n%s", firstDiff(a, b))
		}
	})
}

// editorShape reports whether doc has a shape the editor can make (the API allows more): a
// merged 一级 (服务对象满意度) holds one 二级, whose name is its own; the export prints neither
// its 二级 nor their names (app/tree.go offers no 添加二级指标 there).
func editorShape(doc *forms.Document) bool {
	trees := []forms.Tree{doc.Unit.Indicators}
	for _, p := range doc.Projects {
		trees = append(trees, p.Indicators)
	}
	for _, t := range trees {
		for _, l1 := range t {
			if l1.Merged && (len(l1.Children) != 1 || l1.Children[0].Name != l1.Name) {
				return false
			}
		}
	}
	return true
}

func firstDiff(a, b []byte) string {
	al, bl := strings.Split(string(a), "\n"), strings.Split(string(b), "\n")
	for i := range min(len(al), len(bl)) {
		if al[i] != bl[i] {
			return "line " + al[i] + "\n  became " + bl[i]
		}
	}
	return "lengths differ"
}

// No input makes Import fail other than with an *Error, nor panic (Import turns a panic into
// an *Error saying 内部错误, which fails here).
func FuzzImport(f *testing.F) {
	f.Add([]byte(csvText), "a.csv")
	f.Add(append([]byte(nil), ole...), "a.xls")
	f.Add([]byte("PK\x03\x04"), "a.xlsx")
	var tpl bytes.Buffer
	if err := Template(&tpl); err != nil {
		f.Fatal(err)
	}
	f.Add(tpl.Bytes(), "t.xlsx")
	f.Fuzz(func(t *testing.T, data []byte, name string) {
		res, err := Import(bytes.NewReader(data), int64(len(data)), name)
		var e *Error
		switch {
		case err == nil && res.Doc == nil:
			t.Fatal("no document and no error")
		case err != nil && !errors.As(err, &e):
			t.Fatalf("error %T %v", err, err)
		case err != nil && strings.Contains(err.Error(), "内部错误"):
			t.Fatal(err)
		}
	})
}

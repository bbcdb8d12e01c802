package xlsxin

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"ziping/forms"
	"ziping/forms/formstest"
)

// refused imports data as file and fails unless it is refused with an *Error whose message
// holds every one of want.
func refused(t *testing.T, data []byte, file string, want ...string) *Error {
	t.Helper()
	res, err := Import(bytes.NewReader(data), int64(len(data)), file)
	var e *Error
	if !errors.As(err, &e) {
		t.Fatalf("got %v, %v; want an *Error", res, err)
	}
	t.Log(err)
	for _, w := range want {
		if !strings.Contains(err.Error(), w) {
			t.Errorf("error %q lacks %q", err, w)
		}
	}
	return e
}

// rewrite returns the workbook data with the part named name replaced by what edit makes of it.
func rewrite(t *testing.T, data []byte, name string, edit func([]byte) []byte) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		if err != nil {
			t.Fatal(err)
		}
		if f.Name == name {
			b = edit(b)
		}
		w, err := zw.Create(f.Name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write(b); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// ole is the start of an OLE2 compound file, as .xls, .et and encrypted .xlsx files begin.
var ole = append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 504)...)

func TestOldAndForeignFormats(t *testing.T) {
	// testdata/provincial.xls is the provincial() sheet saved by LibreOffice 7 as an Excel
	// 97-2003 workbook (soffice --headless --convert-to xls).
	xls, err := os.ReadFile("testdata/provincial.xls")
	if err != nil {
		t.Fatal(err)
	}
	refused(t, xls, "省系统导出.xls", "无法导入“省系统导出.xls”", "Excel 97-2003 工作簿（.xls", "另存为", ".xlsx")
	refused(t, ole, "表.et", "WPS 表格文件（.et）", "另存为", ".xlsx")
	refused(t, []byte("not an OLE file"), "表.et", "WPS 表格文件（.et）")

	f := excelize.NewFile()
	defer f.Close()
	var enc bytes.Buffer
	if err := f.Write(&enc, excelize.Options{Password: "123456"}); err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(enc.Bytes(), ole[:8]) {
		t.Fatal("excelize did not write an encrypted workbook")
	}
	refused(t, enc.Bytes(), "加密.xlsx", "设有密码", "取消密码")

	var doc bytes.Buffer
	zw := zip.NewWriter(&doc)
	for _, name := range []string{"[Content_Types].xml", "word/document.xml"} {
		if _, err := zw.Create(name); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	refused(t, doc.Bytes(), "报告.xlsx", "这是 Word 文档")
	refused(t, nil, "空.xlsx", "文件是空的")
}

func TestCorruptWorkbooks(t *testing.T) {
	data := export(t, formstest.Sample(t))
	refused(t, data[:len(data)/2], "s.xlsx", "文件已损坏", "另存为 .xlsx")
	refused(t, []byte("PK\x03\x04garbage"), "s.xlsx", "文件已损坏")
	refused(t, []byte("garbage"), "s.xlsx", "文件已损坏，不是有效的 Excel 工作簿")
	broken := rewrite(t, data, "xl/worksheets/sheet1.xml", func(b []byte) []byte { return b[:len(b)/2] }) // the unit form
	e := refused(t, broken, "s.xlsx", "工作表“单位整体绩效自评表”已损坏，无法读取")
	if e.Sheet != "单位整体绩效自评表" {
		t.Errorf("sheet %q", e.Sheet)
	}
	noBook := rewrite(t, data, "xl/workbook.xml", func([]byte) []byte { return []byte("<workbook") })
	refused(t, noBook, "s.xlsx", "工作簿已损坏")
}

// A form of Ziping's export whose rows were changed is refused where its structure breaks.
func TestChangedExport(t *testing.T) {
	f, err := excelize.OpenReader(bytes.NewReader(export(t, formstest.Sample(t))))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	const sheet = "单位整体绩效自评表"
	if err := f.RemoveRow(sheet, 25); err != nil { // 合计
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	refused(t, buf.Bytes(), "s.xlsx", "工作表“单位整体绩效自评表”第 24 行：找不到“合计”", "重新导出")
}

func TestNoRecognisableColumns(t *testing.T) {
	b := testBook{sheets: []bookSheet{{name: "名单", rows: [][]any{{"姓名", "科室"}, {"张三", "财务科"}}}}}
	e := refused(t, b.bytes(t), "名单.xlsx", "无法导入“名单.xlsx”：工作表“名单”中找不到指标表的表头", "三级指标")
	if e.Sheet != "" || e.Row != 0 {
		t.Errorf("at %q %d", e.Sheet, e.Row)
	}
}

// bigSheet is a workbook whose one sheet has rows rows of three cells, and one more cell in
// column far (1-based, 0 for none) on each row.
func bigSheet(t testing.TB, rows, far int) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		t.Fatal(err)
	}
	if err := sw.SetRow("A1", []any{"三级指标", "分值", "得分"}); err != nil {
		t.Fatal(err)
	}
	for r := 2; r <= rows; r++ {
		cells := []any{fmt.Sprintf("指标 %d", r), 1, 1}
		if far > 0 {
			cells = append(cells, make([]any, far-4)...)
			cells = append(cells, "x")
		}
		if err := sw.SetRow(fmt.Sprintf("A%d", r), cells); err != nil {
			t.Fatal(err)
		}
	}
	if err := sw.Flush(); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// 100,000 rows are beyond any form forms accepts: refused before the sheet is parsed
// (BenchmarkRefuseTooManyRows measures how quickly).
func TestTooManyRows(t *testing.T) {
	e := refused(t, bigSheet(t, 100_000, 0), "大.xlsx", "工作表“Sheet1”有 100000 行，超过上限")
	if !errors.Is(e, forms.ErrLimit) || e.Sheet != "Sheet1" {
		t.Errorf("error %#v", e)
	}
	f := excelize.NewFile()
	defer f.Close()
	for ref, v := range map[string]string{"A1": "三级指标", "B1": "分值", "A2": "甲", "B2": "1", "A100000": "远处"} {
		if err := f.SetCellValue("Sheet1", ref, v); err != nil {
			t.Fatal(err)
		}
	}
	var far bytes.Buffer
	if err := f.Write(&far); err != nil {
		t.Fatal(err)
	}
	refused(t, far.Bytes(), "远.xlsx", "行以下还有内容，超过上限")
	csv := strings.Repeat("三级指标,分值\n", 100_000)
	refused(t, []byte(csv), "大.csv", "文件有 100000 行，超过上限")
}

func TestTooManyCells(t *testing.T) {
	refused(t, bigSheet(t, 400, 16384), "宽.xlsx", "工作表“Sheet1”的单元格太多")
}

// A cell over forms.MaxFieldRunes is refused, naming its sheet, row and column: in a plain
// table, among the labelled fields, and in Ziping's export.
func TestCellOverFieldLimit(t *testing.T) {
	long := strings.Repeat("长", forms.MaxFieldRunes+1)
	b := testBook{sheets: []bookSheet{{name: "表", rows: [][]any{{"三级指标", "分值"}, {"甲", 1}, {long, 1}}}}}
	refused(t, b.bytes(t), "t.xlsx", "工作表“表”第 3 行“三级指标”列有 20001 个字，超过上限（20000 个字）")
	b = testBook{sheets: []bookSheet{{name: "表", rows: [][]any{{"项目名称", long}, {"三级指标", "分值"}, {"甲", 1}}}}}
	refused(t, b.bytes(t), "t.xlsx", "工作表“表”第 1 行 A 列：“项目名称”的内容超过上限")

	f, err := excelize.OpenReader(bytes.NewReader(export(t, formstest.Sample(t))))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sheet := f.GetSheetList()[1]
	refs, err := f.SearchSheet(sheet, "做好社会保障经办和管理工作")
	if err != nil || len(refs) != 1 {
		t.Fatal(refs, err)
	}
	if err := f.SetCellValue(sheet, refs[0], long); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	col, row, _ := excelize.CellNameToCoordinates(refs[0])
	name, _ := excelize.ColumnNumberToName(col)
	e := refused(t, buf.Bytes(), "s.xlsx", fmt.Sprintf("工作表“%s”第 %d 行 %s 列：有 20001 个字，超过上限", sheet, row, name))
	if e.Row != row || e.Col != col || !errors.Is(e, forms.ErrLimit) {
		t.Errorf("at row %d col %d", e.Row, e.Col)
	}
}

func TestHiddenSheetLeftOut(t *testing.T) {
	b := testBook{sheets: []bookSheet{provincial(), {name: "下拉列表", rows: [][]any{{"三级指标", "分值"}, {"甲", 1}}}}}
	f, err := excelize.OpenReader(bytes.NewReader(b.bytes(t)))
	if err != nil {
		t.Fatal(err)
	}
	if err := f.SetSheetVisible("下拉列表", false); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	res := importBytes(t, buf.Bytes(), "t.xlsx")
	if len(res.Doc.Projects) != 1 || !containsNote(res.Notes, "工作表“下拉列表”是隐藏的，未导入") {
		t.Errorf("%d projects, notes %q", len(res.Doc.Projects), res.Notes)
	}
}

func TestFileTooLarge(t *testing.T) {
	refused(t, nil, "s.xlsx", "文件是空的")
	_, err := Import(strings.NewReader("PK"), MaxFileSize+1, "s.xlsx")
	if !errors.Is(err, forms.ErrLimit) || !strings.Contains(err.Error(), "文件过大") {
		t.Errorf("error %v", err)
	}
}

// A sheet that unpacks beyond maxPartBytes (a "zip bomb": 129 MB of spaces in 130 kB) is
// refused once that much is unpacked.
func TestZipBomb(t *testing.T) {
	data := rewrite(t, export(t, formstest.Sample(t)), "xl/worksheets/sheet1.xml", func(b []byte) []byte { // the unit form
		return append(bytes.Repeat([]byte(" "), maxPartBytes+1<<20), b...)
	})
	e := refused(t, data, "炸弹.xlsx", fmt.Sprintf("工作表“单位整体绩效自评表”过大（解压后超过 %d MB", maxPartBytes>>20))
	if !errors.Is(e, forms.ErrLimit) {
		t.Errorf("error %#v", e)
	}
}

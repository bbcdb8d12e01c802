package xlsxin

import (
	"bytes"
	"encoding/csv"
	"encoding/xml"
	"errors"
	"fmt"
	"strings"
	"testing"
)

// imported imports data as file and fails when Import panicked (内部错误), gave anything but
// an *Error, or allocated more than the budget's 1 GB.
func imported(t *testing.T, data []byte, file string) (*Result, error) {
	t.Helper()
	var res *Result
	var err error
	n := allocated(func() { res, err = Import(bytes.NewReader(data), int64(len(data)), file) })
	var e *Error
	switch {
	case n > 1<<30:
		t.Fatalf("%d MB allocated", n>>20)
	case err == nil && (res == nil || res.Doc == nil):
		t.Fatal("no document and no error")
	case err != nil && !errors.As(err, &e):
		t.Fatalf("error %T %v", err, err)
	case err != nil && strings.Contains(err.Error(), "内部错误"):
		t.Fatal(err)
	}
	return res, err
}

// cellTypes are the t attributes a cell can have (the fuzzer picks one by index).
var cellTypes = []string{"", "n", "s", "str", "inlineStr", "b", "e", "d", "x"}

// fuzzBook is a valid workbook package around fuzzed content: a header row, rows×cols cells
// (capped) of value in a cell type and a number format, one more cell at ref, the range merge
// merged merges times, and a shared string.
func fuzzBook(t testing.TB, rows, cols uint16, value, format, ref, merge string, typ uint8, merges uint16) []byte {
	st := fmt.Sprintf(`<styleSheet %s><numFmts><numFmt numFmtId="200" formatCode="%s"/></numFmts>`+
		`<cellXfs><xf numFmtId="0"/><xf numFmtId="200"/><xf numFmtId="10"/><xf numFmtId="14"/></cellXfs></styleSheet>`, nsMain, esc(format))
	var b strings.Builder
	b.WriteString(xrow(1, "三级指标", "分值", "年度指标值", "得分"))
	typAttr := ""
	if ty := cellTypes[int(typ)%len(cellTypes)]; ty != "" {
		typAttr = ` t="` + ty + `"`
	}
	for r := 2; r < 2+int(rows%300); r++ {
		fmt.Fprintf(&b, `<row r="%d"><c r="A%d" t="inlineStr"><is><t>指标%d</t></is></c>`, r, r, r)
		for c := 1; c <= int(cols%40); c++ {
			fmt.Fprintf(&b, `<c r="%s%d" s="%d"%s><v>%s</v></c>`, colName(c), r, int(typ)%4, typAttr, esc(value))
		}
		b.WriteString("</row>")
	}
	fmt.Fprintf(&b, `<row><c r="%s" s="1"%s><f>1/0</f><v>%s</v></c></row>`, esc(ref), typAttr, esc(value))
	m := strings.Repeat(`<mergeCell ref="`+esc(merge)+`"/>`, int(merges%2000))
	sst := `<sst ` + nsMain + `><si><t>` + esc(value) + `</t></si></sst>`
	return hostile{"xl/worksheets/sheet1.xml": worksheet(b.String(), m), "xl/styles.xml": []byte(st),
		"xl/sharedStrings.xml": []byte(sst)}.pack(t)
}

// esc escapes s for an XML attribute or text (characters XML cannot hold become U+FFFD).
func esc(s string) string {
	var b bytes.Buffer
	xml.EscapeText(&b, []byte(s))
	return b.String()
}

// Any valid workbook package around fuzzed cells, references, merged ranges, number formats and
// sizes imports or is refused with an *Error, never a panic, within the budget.
func FuzzWorkbook(f *testing.F) {
	f.Add(uint16(3), uint16(3), "1.5", "0.00%", "B2", "C2:D3", uint8(0), uint16(1))
	f.Add(uint16(2), uint16(1), "NaN", "0.00%", "XFD10", "A1:XFD1", uint8(2), uint16(3))
	f.Add(uint16(5), uint16(2), "45000.5", "yyyy-mm-dd hh:mm", "A40000", "C2:E10", uint8(3), uint16(1999))
	f.Add(uint16(1), uint16(1), "0", `#,##0.00"万元";[Red]-0`, "AA1", "B2:B1", uint8(1), uint16(0))
	f.Add(uint16(0), uint16(0), "-Inf", "General", "", "A1048576:XFD1048576", uint8(4), uint16(1))
	f.Fuzz(func(t *testing.T, rows, cols uint16, value, format, ref, merge string, typ uint8, merges uint16) {
		imported(t, fuzzBook(t, rows, cols, value, format, ref, merge, typ, merges), "f.xlsx")
	})
}

// csvLineEnds are the line endings a CSV file may use (the fuzzer picks one by index).
var csvLineEnds = []string{"\n", "\r\n", "\r"}

// Any table written as CSV by encoding/csv (quoted as it needs), with any line ending, imports
// or is refused with an *Error other than an unbalanced quote; with a quote put in at any
// place, it is refused or read, never a panic, within the budget.
func FuzzCSV(f *testing.F) {
	f.Add("甲", "5", uint16(3), uint8(0), uint16(0))
	f.Add("开展\"双随机\"抽查", "1,5", uint16(2), uint8(1), uint16(9))
	f.Add("第一行\n第二行", "\"", uint16(4), uint8(2), uint16(30))
	f.Add("", ",,,,", uint16(120), uint8(0), uint16(5))
	f.Fuzz(func(t *testing.T, name, value string, rows uint16, end uint8, quoteAt uint16) {
		var buf bytes.Buffer
		w := csv.NewWriter(&buf)
		w.UseCRLF = false
		if err := w.Write([]string{"三级指标", "分值", "年度指标值"}); err != nil {
			t.Fatal(err)
		}
		for r := range int(rows % 400) {
			if err := w.Write([]string{fmt.Sprintf("%s%d", name, r), "5", value}); err != nil {
				t.Fatal(err)
			}
		}
		w.Flush()
		eol := csvLineEnds[int(end)%len(csvLineEnds)]
		text := buf.String()
		if eol == "\r" && strings.ContainsAny(name+value, "\r\n") {
			eol = "\n" // a line break inside a cell makes CR alone no line ending
		}
		text = strings.ReplaceAll(text, "\n", eol)
		_, err := imported(t, []byte(text), "f.csv")
		if err != nil && strings.Contains(err.Error(), "引号不配对") {
			t.Fatalf("a file quoted as encoding/csv writes it: %v", err)
		}
		if len(text) > 0 {
			i := int(quoteAt) % len(text)
			imported(t, []byte(text[:i]+`"`+text[i:]), "q.csv")
		}
	})
}

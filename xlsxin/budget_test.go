package xlsxin

import (
	"bytes"
	"errors"
	"fmt"
	"runtime"
	"strings"
	"testing"

	"ziping/forms"
)

// A probe is a file made to cost a reader more than the budget (budget.go), or to find a
// message that names the wrong cause; want are the texts its refusal holds, or check looks at
// what was read when it is not refused.
type probe struct {
	name  string
	file  string
	make  func(testing.TB) []byte
	want  []string
	check func(*testing.T, *Result)
}

// largestAccepted is a sheet just within the budget of cells: 17,500 rows of 56 numbers.
func largestAccepted(t testing.TB) []byte {
	var b strings.Builder
	b.WriteString(xrow(1, "三级指标", "分值"))
	for r := 2; r <= 17_500; r++ {
		fmt.Fprintf(&b, `<row r="%d"><c r="A%d" t="inlineStr"><is><t>指标%d</t></is></c>`, r, r, r)
		for c := 1; c < 56; c++ {
			fmt.Fprintf(&b, `<c r="%s%d"><v>%d</v></c>`, colName(c), r, c)
		}
		b.WriteString("</row>")
	}
	return hostile{"xl/worksheets/sheet1.xml": worksheet(b.String(), "")}.pack(t)
}

// cells20000 is 20,000 cells at r="XFD10" … "XFD20009", all inside one <row>: the pre-check
// sees one row; each cell makes a row of 16,384 positions.
func cells20000(t testing.TB) []byte {
	var b strings.Builder
	b.WriteString(`<row r="1">`)
	for r := 10; r < 20010; r++ {
		fmt.Fprintf(&b, `<c r="XFD%d"><v>1</v></c>`, r)
	}
	b.WriteString("</row>")
	return hostile{"xl/worksheets/sheet1.xml": worksheet(b.String(), "")}.pack(t)
}

// styles126MB is a styles.xml of 126 MB of "<xf/>" (a file of a few hundred kB).
func styles126MB(t testing.TB) []byte {
	xfs := bytes.Repeat([]byte("<xf/>"), 126<<20/5)
	st := append(append([]byte(`<styleSheet `+nsMain+`><cellXfs>`), xfs...), "</cellXfs></styleSheet>"...)
	return hostile{"xl/worksheets/sheet1.xml": worksheet(table(2), ""), "xl/styles.xml": st}.pack(t)
}

// stylesMany is a styles.xml within the bytes of a part, with 200,000 cell formats.
func stylesMany(t testing.TB) []byte {
	st := `<styleSheet ` + nsMain + `><cellXfs>` + strings.Repeat(`<xf numFmtId="0"/>`, 200_000) + "</cellXfs></styleSheet>"
	return hostile{"xl/worksheets/sheet1.xml": worksheet(table(2), ""), "xl/styles.xml": []byte(st)}.pack(t)
}

// underCaps has each part just under maxPartBytes: shared strings of one-letter items, a styles
// part of number formats, a sheet of cells.
func underCaps(t testing.TB) []byte {
	fill := func(head, item, tail string) []byte {
		n := (maxPartBytes - len(head) - len(tail) - 1) / len(item)
		return []byte(head + strings.Repeat(item, n) + tail)
	}
	return hostile{
		"xl/sharedStrings.xml":     fill(`<sst `+nsMain+`>`, `<si><t>x</t></si>`, `</sst>`),
		"xl/styles.xml":            fill(`<styleSheet `+nsMain+`><numFmts>`, `<numFmt numFmtId="200" formatCode="0.00"/>`, `</numFmts></styleSheet>`),
		"xl/worksheets/sheet1.xml": fill(`<worksheet `+nsMain+`><sheetData><row r="1">`, `<c><v>1</v></c>`, `</row></sheetData></worksheet>`),
	}.pack(t)
}

// manySheets is a workbook listing n sheets, hidden or not, all the same small part.
func manySheets(n int, hidden bool) func(testing.TB) []byte {
	return func(t testing.TB) []byte {
		state := ""
		if hidden {
			state = ` state="hidden"`
		}
		var wb, rels strings.Builder
		wb.WriteString(`<workbook ` + nsMain + `><sheets><sheet name="表" sheetId="1" r:id="rId1"/>`)
		rels.WriteString(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="` + relNS + `/worksheet" Target="worksheets/sheet1.xml"/>`)
		for i := 2; i <= n; i++ {
			fmt.Fprintf(&wb, `<sheet name="S%d" sheetId="%d"%s r:id="rId%d"/>`, i, i, state, i)
			fmt.Fprintf(&rels, `<Relationship Id="rId%d" Type="%s/worksheet" Target="worksheets/sheet2.xml"/>`, i, relNS)
		}
		return hostile{
			"xl/workbook.xml":            []byte(wb.String() + "</sheets></workbook>"),
			"xl/_rels/workbook.xml.rels": []byte(rels.String() + "</Relationships>"),
			"xl/worksheets/sheet1.xml":   worksheet(table(2), ""),
			"xl/worksheets/sheet2.xml":   worksheet("", ""),
		}.pack(t)
	}
}

// part1GB is the sample's export with a styles.xml that unpacks to 1 GB (honest sizes).
func part1GB(t testing.TB) []byte {
	raw, size, crc := deflatedSpaces(t, []byte(`<styleSheet `+nsMain+`>`), 1024)
	return withPart(t, hostile{"xl/worksheets/sheet1.xml": worksheet(table(2), ""), "xl/styles.xml": []byte("<styleSheet/>")}.pack(t),
		"xl/styles.xml", raw, size, crc)
}

// merges is a table whose sheet merges ranges n times: the same range again (same), or each
// a range overlapping the others.
func merges(n int, same bool) func(testing.TB) []byte {
	return func(t testing.TB) []byte {
		var m strings.Builder
		for i := range n {
			if same {
				m.WriteString(`<mergeCell ref="C2:E10"/>`)
			} else {
				fmt.Fprintf(&m, `<mergeCell ref="C%d:Z%d"/>`, 2+i%1000, 2000+i)
			}
		}
		return hostile{"xl/worksheets/sheet1.xml": worksheet(table(3), m.String())}.pack(t)
	}
}

// numberCells is a table whose 分值 cells hold NaN and Inf in a percent format, and a date
// cell NaN.
func numberCells(t testing.TB) []byte {
	st := `<styleSheet ` + nsMain + `><cellXfs><xf numFmtId="0"/><xf numFmtId="10"/><xf numFmtId="14"/></cellXfs></styleSheet>`
	rows := xrow(1, "三级指标", "分值", "年度指标值") +
		`<row r="2"><c r="A2" t="inlineStr"><is><t>甲</t></is></c><c r="B2" s="1"><v>NaN</v></c><c r="C2" s="2"><v>NaN</v></c></row>` +
		`<row r="3"><c r="A3" t="inlineStr"><is><t>乙</t></is></c><c r="B3" s="1"><v>-Inf</v></c><c r="C3" s="2"><v>1e999</v></c></row>`
	return hostile{"xl/worksheets/sheet1.xml": worksheet(rows, ""), "xl/styles.xml": []byte(st)}.pack(t)
}

// uncached is a table whose rows are formulas saved without their values.
func uncached(t testing.TB) []byte {
	rows := xrow(1, "三级指标", "分值")
	for r := 2; r < 5; r++ {
		rows += fmt.Sprintf(`<row r="%d"><c r="A%d" t="str"><f>"指标"&amp;ROW()</f></c><c r="B%d"><f>1+1</f></c></row>`, r, r, r)
	}
	return hostile{"xl/worksheets/sheet1.xml": worksheet(rows, "")}.pack(t)
}

func text(s string) func(testing.TB) []byte { return func(testing.TB) []byte { return []byte(s) } }

// repeated is head and then s n times, made when the probe runs (not when the tests start).
func repeated(head, s string, n int) func(testing.TB) []byte {
	return func(testing.TB) []byte { return []byte(head + strings.Repeat(s, n)) }
}

func indicators(n int) func(*testing.T, *Result) {
	return func(t *testing.T, res *Result) {
		t.Helper()
		if len(res.Doc.Projects) != 1 {
			t.Fatalf("%d projects", len(res.Doc.Projects))
		}
		got := 0
		res.Doc.Projects[0].Indicators.Each(func(forms.RowPath, *forms.Level1, *forms.Level2, *forms.Indicator) { got++ })
		if got != n {
			t.Errorf("%d 三级 rows, want %d", got, n)
		}
	}
}

var probes = []probe{
	{name: "XFDRow", file: "远.xlsx", make: cells20000,
		want: []string{"工作表“Sheet1”第 ", " XFD 列：单元格太多（各工作表共超过 100 万个单元格", "超过上限"}},
	{name: "Styles126MB", file: "格式.xlsx", make: styles126MB,
		want: []string{"工作簿的文字或单元格格式过大（解压后超过 64 MB，超过上限）"}},
	{name: "StylesMany", file: "格式.xlsx", make: stylesMany,
		want: []string{"工作簿的文字或单元格格式过大（单元格格式超过 64000 个（Excel 的上限）"}},
	{name: "UnderCaps", file: "满.xlsx", make: underCaps, want: []string{"超过上限"}},
	{name: "Sheets100000", file: "多.xlsx", make: manySheets(100_000, false),
		want: []string{"工作簿的工作表目录过大（工作表超过 2000 张，超过上限）"}},
	{name: "HiddenSheets1000000", file: "隐.xlsx", make: manySheets(1_000_000, true),
		want: []string{"工作簿的工作表目录过大（解压后超过 64 MB，超过上限）"}},
	{name: "HiddenSheets1500", file: "隐.xlsx", make: manySheets(1500, true), check: func(t *testing.T, res *Result) {
		indicators(2)(t, res)
		if len(res.Notes) > maxNotes || !containsNote(res.Notes, "另有 1489 张隐藏的工作表未导入。") {
			t.Errorf("%d notes: %q", len(res.Notes), res.Notes[len(res.Notes)-3:])
		}
	}},
	{name: "Part1GB", file: "大.xlsx", make: part1GB, want: []string{"过大（解压后超过 64 MB"}},
	{name: "SameMerge100000", file: "合并.xlsx", make: merges(100_000, true), check: indicators(3)},
	{name: "OverlappingMerges100000", file: "合并.xlsx", make: merges(100_000, false),
		want: []string{"合并单元格太多（各合并区域共超过 100 万个单元格），超过上限"}},
	{name: "NaNCells", file: "数.xlsx", make: numberCells, check: func(t *testing.T, res *Result) {
		var in []*forms.Indicator
		res.Doc.Projects[0].Indicators.Each(func(_ forms.RowPath, _ *forms.Level1, _ *forms.Level2, x *forms.Indicator) { in = append(in, x) })
		if len(in) != 2 || in[0].Target != "NaN" || in[1].Target != "1e999" {
			t.Errorf("rows %+v; notes %q", in, res.Notes)
		}
	}},
	{name: "Uncached", file: "公式.xlsx", make: uncached,
		want: []string{"表头下没有指标行（其中 6 个公式单元格没有保存计算结果"}},
	{name: "CSVLineOfCommas", file: "逗号.csv", make: repeated("三级指标,分值\n", ",", 60<<20),
		want: []string{"第 2 行有超过 16384 个单元格", "超过上限"}},
	{name: "TSVLineOfTabs", file: "制表.txt", make: repeated("三级指标\t分值\n", "\t", 60<<20),
		want: []string{"文件的内容过多（单元格超过 100 万个，超过上限）"}},
	{name: "CSV35000x1700", file: "宽.csv", make: repeated("", strings.Repeat(",", 1699)+"\n", 35_000),
		want: []string{"文件的内容过多（单元格超过 100 万个，超过上限）"}},
	{name: "CSVUnbalancedQuote", file: "引号.csv", make: text("三级指标,分值\n甲,5\n\"乙,5\n丙,5\n丁,\"5\"\n"),
		want: []string{"第 3 行的引号不配对"}},
	{name: "CSVQuoteInside", file: "引号.csv", make: text("三级指标,分值\n开展\"双随机\"抽查,5\n乙,5\n"), check: indicators(2)},
	{name: "CSVCarriageReturns", file: "mac.csv", make: text("三级指标,分值\r甲,5\r乙,5\r"), check: indicators(2)},
}

// allocated runs f and returns the bytes it allocated: deterministic, and at least the most the
// heap grew by while f ran.
func allocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// Each probe is refused with a message naming its real cause, or read as it should be, and
// allocates less than 1 GB in all (so its heap never grows beyond it). BenchmarkBudget gives
// the time of each.
func TestBudgetProbes(t *testing.T) {
	for _, p := range probes {
		t.Run(p.name, func(t *testing.T) {
			data := p.make(t)
			var res *Result
			var err error
			n := allocated(func() { res, err = Import(bytes.NewReader(data), int64(len(data)), p.file) })
			t.Logf("%d kB file, %d MB allocated", len(data)>>10, n>>20)
			if n > 1<<30 {
				t.Errorf("%d MB allocated", n>>20)
			}
			if p.check != nil {
				if err != nil {
					t.Fatal(err)
				}
				p.check(t, res)
				return
			}
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("got %v; want an *Error", err)
			}
			t.Log(err)
			for _, w := range p.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error lacks %q", w)
				}
			}
		})
	}
}

// The time and memory of each probe, and of the largest sheet the budget lets through (too slow
// to make for every `make test`): `go test -tags no_animations -run '^$' -bench Budget
// -benchmem ./xlsxin/` (B/op is every byte allocated, an upper bound of the heap's growth).
func BenchmarkBudget(b *testing.B) {
	for _, p := range append(probes, probe{name: "LargestAccepted", file: "大.xlsx", make: largestAccepted}) {
		b.Run(p.name, func(b *testing.B) {
			data := p.make(b)
			b.ResetTimer()
			for b.Loop() {
				Import(bytes.NewReader(data), int64(len(data)), p.file)
			}
		})
	}
}

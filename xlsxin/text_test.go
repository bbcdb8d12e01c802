package xlsxin

import (
	"errors"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"

	"ziping/forms"
)

// csvText is an indicator table as Excel saves it as CSV: CRLF, a quoted cell with a comma
// and one with a line break, a blank line, a header field labelled above the table.
const csvText = "项目名称,就业补助资金\r\n" +
	"\r\n" +
	"一级指标,二级指标,三级指标,运算符号,指标值,度量单位,完成值,分值,得分,原因说明\r\n" +
	"产出指标,数量指标,\"培训人次,含线上\",≥,500,人次,520,20,,\r\n" +
	",质量指标,合格率,≥,90,%,85,20,,\"师资不足\r\n下半年补充\"\r\n" +
	"效益指标,社会效益指标,就业人数,,增加,,增加,10,9,\r\n"

func checkCSV(t *testing.T, res *Result) {
	t.Helper()
	p := res.Doc.Projects[0]
	if p.Name != "就业补助资金" {
		t.Errorf("name %q", p.Name)
	}
	q := p.Indicators[0].Children[1].Rows
	if len(q) != 1 || q[0].Content != "合格率" || q[0].Reason != "师资不足\n下半年补充" || q[0].Target != "90" {
		t.Errorf("质量指标 rows %+v", q)
	}
	n := p.Indicators[0].Children[0].Rows
	if len(n) != 1 || n[0].Content != "培训人次,含线上" || n[0].Op != forms.OpGE {
		t.Errorf("数量指标 rows %+v", n)
	}
	if s := p.Indicators[1].Children[1].Rows; len(s) != 1 || s[0].Score != "9" {
		t.Errorf("社会效益指标 rows %+v", s)
	}
}

func TestCSVEncodings(t *testing.T) {
	gb, err := simplifiedchinese.GB18030.NewEncoder().String(csvText)
	if err != nil {
		t.Fatal(err)
	}
	utf16, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().String(
		strings.ReplaceAll(strings.ReplaceAll(csvText, ",", "\t"), "人次\t含", "人次,含"))
	if err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string]string{
		"UTF-8":            csvText,
		"UTF-8 with a BOM": "\xef\xbb\xbf" + csvText,
		"GB18030":          gb,
		"UTF-16 text":      utf16,
	} {
		t.Run(name, func(t *testing.T) {
			checkCSV(t, importBytes(t, []byte(data), "指标.csv"))
		})
	}
}

// A refused cell is named by the file's own line number (9), past blank lines and line breaks
// inside quoted cells.
func TestCSVErrorNamesLine(t *testing.T) {
	text := csvText + "\r\n\"满意度\r\n指标\",服务对象满意度指标,满意度,大约,90,%,95,10,,\r\n"
	_, err := Import(strings.NewReader(text), int64(len(text)), "指标.csv")
	var e *Error
	if !errors.As(err, &e) || !strings.Contains(err.Error(), "工作表“指标”第 9 行“运算符号”列：“大约”不是运算符号") {
		t.Fatalf("error %v", err)
	}
}

func TestCSVRefused(t *testing.T) {
	for name, tc := range map[string]struct {
		data, file, want string
	}{
		"neither UTF-8 nor GB18030": {"三级指标,分值\n\x81\x20\xff,1\n", "a.csv", "无法识别文件的文字编码"},
		"no header":                 {"甲,乙\n1,2\n", "a.csv", "工作表“a”中找不到指标表的表头"},
		"HTML saved as .xls":        {"<html><table><tr><td>三级指标</td></tr></table></html>", "a.xls", "网页（HTML）格式"},
		"binary":                    {"\x00\x01\x02三级指标", "a.dat", "无法识别的文件格式"},
		"unbalanced quotes":         {"三级指标,分值\n\"甲,1\n", "a.csv", ""},
	} {
		t.Run(name, func(t *testing.T) {
			res, err := Import(strings.NewReader(tc.data), int64(len(tc.data)), tc.file)
			var e *Error
			if tc.want == "" {
				if err != nil && !errors.As(err, &e) {
					t.Fatalf("error %T %v", err, err)
				}
				return
			}
			if !errors.As(err, &e) || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("got %v, %v; want an error with %q", res, err, tc.want)
			}
		})
	}
}

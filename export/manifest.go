package export

import (
	"fmt"
	"strings"
	"time"

	"ziping/forms"
)

// manifestText is the package's 报送清单.txt: what the package holds, with sizes and SHA-256
// sums, and the 佐证材料清单 — every evidence item, with the file in the package that holds it,
// "纸质材料" when it names none, or why its file is missing. Written with a byte-order mark and
// CRLF line ends, which every Notepad reads as UTF-8.
func manifestText(doc *forms.Document, root string, res *PackResult, sums []string,
	list []forms.EvidenceEntry, packed map[int]string, when time.Time) string {
	var b strings.Builder
	line := func(format string, args ...any) {
		fmt.Fprintf(&b, format, args...)
		b.WriteString("\r\n")
	}
	b.WriteString("\uFEFF")
	line("绩效自评报送清单")
	line("")
	line("单位：%s", forms.Shown(dash(doc.Unit.Name)))
	line("年度：%s", forms.Shown(dash(doc.Settings.Year)))
	line("生成时间：%s", when.Format("2006-01-02 15:04"))
	line("")
	line("一、报送文件")
	for i, e := range res.Entries {
		line("%d. %s（%s，%s 字节）", i+1, strings.TrimPrefix(e.Name, root+"/"), e.What, groupDigits(e.Size))
		line("   SHA-256：%s", sums[i])
	}
	line("%d. 报送清单.txt（本清单）", len(res.Entries)+1)
	line("")
	writeEvidenceList(line, list, packed, res.Missing)
	return b.String()
}

// writeEvidenceList writes the manifest's 佐证材料清单.
func writeEvidenceList(line func(string, ...any), list []forms.EvidenceEntry, packed map[int]string, missing []MissingEvidence) {
	if len(list) == 0 {
		line("二、佐证材料清单：文档中没有填写佐证材料。")
		return
	}
	line("二、佐证材料清单（共 %d 项；电子文件已打包 %d 项，缺失 %d 项）", len(list), len(packed), len(missing))
	why := map[int]string{}
	for _, m := range missing {
		why[m.Item] = m.Reason
	}
	for i, e := range list {
		line("%d. %s › %s：%s", i+1, forms.Shown(e.Form), forms.Shown(e.Where), forms.Shown(dash(e.Name)))
		var facts []string
		if k := strings.TrimSpace(e.Kind); k != "" {
			facts = append(facts, "类型："+forms.Shown(k))
		}
		if p := strings.TrimSpace(e.Pages); p != "" {
			facts = append(facts, "页数："+forms.Shown(p))
		}
		switch name, ok := packed[i]; {
		case ok:
			facts = append(facts, "电子文件："+name)
		case strings.TrimSpace(e.Path) == "":
			facts = append(facts, "纸质材料（无电子文件）")
		default:
			facts = append(facts, "【缺失】"+forms.Shown(e.Path)+"："+why[i])
		}
		line("   %s", strings.Join(facts, "；"))
	}
}

// dash is s, or "—" when it is blank.
func dash(s string) string {
	if strings.TrimSpace(s) == "" {
		return "—"
	}
	return strings.TrimSpace(s)
}

// groupDigits writes n with thousands separators: 1,234,567.
func groupDigits(n int64) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

package forms

import (
	"fmt"
	"strings"
	"testing"
)

// BenchmarkReadIndicatorTable reads a pasted table of 2,000 rows under the national header,
// every cell text and none a figure (qualitative rows): each row is looked at as a possible
// total or repeated header before it is read.
func BenchmarkReadIndicatorTable(b *testing.B) {
	var sb strings.Builder
	sb.WriteString("绩效指标\t一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t偏差原因分析及改进措施\n")
	for i := range 2000 {
		fmt.Fprintf(&sb, "\t产出指标\t质量指标\t指标%c：服务质量\t好\t较好\t十\t九\t原因说明\n", 'a'+rune(i%26))
	}
	rows := ParseTSV(sb.String())
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ReadIndicatorTable(rows, "粘贴的内容"); err != nil {
			b.Fatal(err)
		}
	}
}

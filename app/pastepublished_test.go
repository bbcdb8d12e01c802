package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"ziping/forms"
)

// TestPastePublishedTable: 粘贴表格行 of a whole published national table (header block, weights
// in the 一级 labels, merged cells, "指标1：", 总分) puts each row under its own 一级/二级, and the
// preview says which row is the header, what is left out, and a noted weight the rows do not
// add up to (效益 30, its rows 20).
func TestPastePublishedTable(t *testing.T) {
	a := test.NewTempApp(t)
	w := New(a)
	w.AddProject()
	a.Clipboard().SetContent("项目名称\t办公宿舍楼、食堂及餐厅暖通改造经费\t\t\t\t\t\t\t\r\n" +
		"主管部门\t廊坊市发改委\t\t\t\t实施单位\t廊坊市食品工程学校\t\t\r\n" +
		"绩效指标\t一级指标\t二级指标\t三级指标\t年度指标值（A）\t实际完成值（B）\t分值\t得分\t偏差原因分析及改进措施\r\n" +
		"\t产出指标(50分)\t数量指标\t指标1：工程资金金额\t43.2\t37.24\t10\t9\t已完工，剩余3%尾款未付\r\n" +
		"\t\t质量指标\t指标1：工程完工率\t100\t100\t10\t10\t\r\n" +
		"\t效益指标（30分）\t经济效益指标\t指标1：安全率\t100\t100\t10\t10\t0\r\n" +
		"\t\t生态效益指标\t指标1：\t\t\t\t\t\r\n" +
		"\t\t可持续影响指标\t指标1：长期使用性\t100\t100\t10\t10\t\r\n" +
		"\t满意度指标（10分）\t服务对象满意度指标\t指标1：学生满意度\t100\t100\t10\t10\t0\r\n" +
		"总分\t\t\t\t\t\t50\t49\t\r\n")
	ed := projectTree(w, 0)
	ed.pasteRows(0, 0)
	if ed.pasteDialog == nil {
		t.Fatal("no preview")
	}
	for _, want := range []string{"第 3 行是标题行", "第 1–2 行", "第 10 行“总分”是合计行", "“效益指标”注明 30 分，表中其下各行的分值合计 20 分",
		"效益指标 › 可持续影响指标 › 指标 1：内容 长期使用性"} {
		if !strings.Contains(ed.PastePreview.Text, want) {
			t.Errorf("the preview does not say %q:\n%s", want, ed.PastePreview.Text)
		}
	}
	if !treeDialogTap(w, "粘贴") {
		t.Fatal("no 粘贴 button")
	}
	var got []string
	w.Doc.Projects[0].Indicators.Each(func(_ forms.RowPath, l1 *forms.Level1, l2 *forms.Level2, in *forms.Indicator) {
		got = append(got, l1.Name+" › "+l2.Name+" › "+in.Content+" "+in.Weight+"/"+in.Score)
	})
	want := "产出指标 › 数量指标 › 工程资金金额 10/9\n产出指标 › 质量指标 › 工程完工率 10/10\n效益指标 › 经济效益指标 › 安全率 10/10\n" +
		"效益指标 › 可持续影响指标 › 长期使用性 10/10\n满意度指标 › 服务对象满意度指标 › 学生满意度 10/10"
	if strings.Join(got, "\n") != want {
		t.Errorf("rows:\n%s\nwant:\n%s", strings.Join(got, "\n"), want)
	}
}

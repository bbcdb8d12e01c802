package docs

import (
	"regexp"
	"strings"
	"testing"
)

func TestAnchor(t *testing.T) {
	for title, want := range map[string]string{
		"7. 规则选项（文档设置 › 计分规则）": "7-规则选项文档设置--计分规则",
		"导入 Excel 和粘贴表格行":      "导入-excel-和粘贴表格行",
		"填写一张项目表：一步一步":         "填写一张项目表一步一步",
		"Windows":              "windows",
		"5. 没填完的表、负数、只有项目表的文档": "5-没填完的表负数只有项目表的文档",
	} {
		if got := Anchor(title); got != want {
			t.Errorf("Anchor(%q) = %q, want %q", title, got, want)
		}
	}
}

// TestSections: the documents are built in and split at their headings, with the headings the
// program and the code cite; the sections joined are the document.
func TestSections(t *testing.T) {
	for file, want := range map[string][]string{
		Manual: {"绩效自评 用户手册", "填写一张项目表：一步一步", "得分和检查", "中文输入法"},
		Rules:  {"得分规则和检查（Scoring rules and checks）", "3. 得分怎么算", "7. 规则选项（文档设置 › 计分规则）", "8. 全国通用表式（项目支出绩效自评表）"},
	} {
		d, ok := Get(file)
		if !ok || len(d.Text) < 5000 {
			t.Fatalf("%s: not built in (%d bytes)", file, len(d.Text))
		}
		secs := Sections(d.Text)
		titles := map[string]bool{}
		var joined strings.Builder
		for _, s := range secs {
			titles[s.Title] = true
			joined.WriteString(s.Text)
			if s.Level < 1 || s.Level > 3 || !strings.HasPrefix(s.Text, strings.Repeat("#", s.Level)+" ") {
				t.Errorf("%s: section %q at level %d begins %.30q", file, s.Title, s.Level, s.Text)
			}
		}
		if joined.String() != d.Text {
			t.Errorf("%s: the sections do not make the document", file)
		}
		for _, w := range want {
			if !titles[w] {
				t.Errorf("%s: no section %q", file, w)
			}
		}
	}
	if secs := Sections("前言\n# 题\n```\n## 不是标题\n```\n## 一\n### 二\n#### 三\n"); len(secs) != 4 || secs[0].Level != 0 || secs[2].Title != "一" || secs[3].Title != "二" {
		t.Errorf("sections %+v", secs)
	}
}

// TestLinksResolve: every link between the built-in documents, and within one, leads to one of
// their headings, as the help window follows it.
func TestLinksResolve(t *testing.T) {
	anchors := map[string]map[string]bool{}
	for _, d := range All() {
		anchors[d.File] = map[string]bool{}
		for _, s := range Sections(d.Text) {
			anchors[d.File][s.Anchor] = true
		}
	}
	n := 0
	for _, d := range All() {
		for _, m := range link.FindAllStringSubmatch(ForScreen(d.Text), -1) {
			file, anchor, _ := strings.Cut(m[2], "#")
			if strings.Contains(file, "://") {
				continue
			}
			if file == "" {
				file = d.File
			}
			n++
			if a, ok := anchors[file]; !ok || anchor != "" && !a[anchor] {
				t.Errorf("%s: the link %q leads nowhere", d.File, m[0])
			}
		}
	}
	if n < 20 {
		t.Errorf("only %d links", n)
	}
}

// TestForScreen: tables become lists, links to files that are not built in their text, notes
// for developers are left out; the rest is kept.
func TestForScreen(t *testing.T) {
	in := "前\n\n| 系统 | 位置 |\n| --- | --- |\n| Windows | `%AppData%` |\n| macOS | ~/Library |\n\n后 [README](../README.md)、[规则](scoring.md#4-检查)、\n[上](#前)\n\n" +
		"| 选项 | 取值 | 作用 |\n|---|---|---|\n| 甲 | 是 | 乙 |\n\n*Developer note.* English\nmore English\n\n" +
		"1. **新建。** 工具栏\n   **新建** 得到 Word\n   document.\n   - 子项\n\n```\nziping check\n  文件\n```\n尾\n"
	want := "前\n\n- **Windows**：`%AppData%`\n- **macOS**：~/Library\n\n后 README、[规则](scoring.md#4-检查)、[上](#前)\n\n" +
		"- **甲**：取值：是；作用：乙\n\n\n" +
		"1. **新建。** 工具栏**新建** 得到 Word document.\n- 子项\n\n```\nziping check\n  文件\n```\n尾\n"
	if got := ForScreen(in); got != want {
		t.Errorf("ForScreen:\n%s\nwant\n%s", got, want)
	}
	for _, d := range All() {
		s := ForScreen(d.Text)
		if regexp.MustCompile(`(?m)^\s*\|`).MatchString(s) || strings.Contains(s, "Developer note") || strings.Contains(s, "README.md") {
			t.Errorf("%s: a table, a developer note or a link to the README is left", d.File)
		}
	}
}

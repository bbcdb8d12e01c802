package report

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"regexp"
	"strings"
	"testing"

	"ziping/forms"
	"ziping/storage"
)

func sample(t *testing.T) *forms.Document {
	t.Helper()
	doc, err := storage.Load("../samples/fushun-shebao-2021.zpb")
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// unzipParts reads a .docx into its parts.
func unzipParts(t *testing.T, data []byte) map[string]string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, f := range zr.File {
		rc, _ := f.Open()
		b, _ := io.ReadAll(rc)
		rc.Close()
		out[f.Name] = string(b)
	}
	return out
}

// withParts is template with some parts replaced.
func withParts(t *testing.T, template []byte, replace map[string]string) []byte {
	t.Helper()
	parts := unzipParts(t, template)
	for k, v := range replace {
		parts[k] = v
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, name := range []string{"[Content_Types].xml", "_rels/.rels", "docProps/core.xml", "word/document.xml", "word/styles.xml", "word/settings.xml", "word/footer1.xml", "word/_rels/document.xml.rels"} {
		w, _ := zw.Create(name)
		_, _ = w.Write([]byte(parts[name]))
	}
	_ = zw.Close()
	return buf.Bytes()
}

// paragraphs are the texts of the body's paragraphs of a .docx, in order.
func paragraphs(t *testing.T, docx []byte) []string {
	t.Helper()
	doc := unzipParts(t, docx)["word/document.xml"]
	var out []string
	for _, p := range regexp.MustCompile(`(?s)<w:p[ >].*?</w:p>`).FindAllString(doc, -1) {
		out = append(out, paragraphText(p))
	}
	return out
}

func fill(t *testing.T, doc *forms.Document, opt Options) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, doc, opt); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// body wraps paragraphs into a document part.
func body(ps ...string) string {
	return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
		`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>` +
		strings.Join(ps, "") + `<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>`
}

// TestSplitPlaceholder: Word splits "{{单位名称}}" over runs with a spelling mark between; the
// placeholder is filled in the look of the run it begins in, the rest of the paragraph and every
// part without placeholders stay as they were, byte for byte; the footer is filled too.
func TestSplitPlaceholder(t *testing.T) {
	split := `<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:rPr><w:b/></w:rPr><w:t>单位：{{单</w:t></w:r>` +
		`<w:proofErr w:type="spellStart"/><w:r><w:rPr><w:i/></w:rPr><w:t>位名</w:t></w:r><w:proofErr w:type="spellEnd"/>` +
		`<w:r><w:t>称}}，得分{{#单位}}</w:t></w:r></w:p>`
	plain := `<w:p><w:r><w:rPr><w:color w:val="FF0000"/></w:rPr><w:t>红头文件 &amp; 字号</w:t></w:r></w:p>`
	tpl := withParts(t, DefaultTemplate(), map[string]string{
		"word/document.xml": body(split, plain),
		"word/footer1.xml":  strings.Replace(unzipParts(t, DefaultTemplate())["word/footer1.xml"], "— </w:t>", "{{单位简称}} — </w:t>", 1),
	})
	// {{#单位}} inside a sentence is no block marker: it is named.
	var buf bytes.Buffer
	err := Write(&buf, sample(t), Options{Template: tpl})
	if err == nil || !strings.Contains(err.Error(), "{{#单位}}") {
		t.Fatalf("a block marker inside a sentence: %v", err)
	}
	tpl = withParts(t, tpl, map[string]string{"word/document.xml": body(strings.Replace(split, "，得分{{#单位}}", "。", 1), plain)})
	out := fill(t, sample(t), Options{Template: tpl})
	parts := unzipParts(t, out)
	doc := parts["word/document.xml"]
	if got := paragraphs(t, out); len(got) != 2 || got[0] != "单位：抚顺市社会保险事业服务中心。" || got[1] != "红头文件 & 字号" {
		t.Errorf("paragraphs %q", got)
	}
	if !strings.Contains(doc, `<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">单位：抚顺市社会保险事业服务中心</w:t></w:r>`) {
		t.Errorf("the name is not in the bold run it began in:\n%s", doc)
	}
	if !strings.Contains(doc, plain) || !strings.Contains(doc, `<w:proofErr w:type="spellStart"/>`) {
		t.Errorf("what had no placeholder changed:\n%s", doc)
	}
	if !strings.Contains(parts["word/footer1.xml"], "抚顺市社保中心 — ") {
		t.Errorf("footer not filled: %s", parts["word/footer1.xml"])
	}
	tplParts := unzipParts(t, tpl)
	for _, name := range []string{"word/styles.xml", "word/settings.xml", "[Content_Types].xml", "word/_rels/document.xml.rels"} {
		if parts[name] != tplParts[name] {
			t.Errorf("%s changed", name)
		}
	}
}

// TestMixedRun: a run holding a tab and a placeholder is filled, the tab kept in its own run
// with the same look.
func TestMixedRun(t *testing.T) {
	p := `<w:p><w:r><w:rPr><w:b/></w:rPr><w:tab/><w:t>{{单位名称}}</w:t><w:br/></w:r></w:p>`
	out := unzipParts(t, fill(t, sample(t), Options{Template: withParts(t, DefaultTemplate(), map[string]string{"word/document.xml": body(p)})}))["word/document.xml"]
	want := `<w:p><w:r><w:rPr><w:b/></w:rPr><w:tab/></w:r><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">抚顺市社会保险事业服务中心</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:br/></w:r></w:p>`
	if !strings.Contains(out, want) {
		t.Errorf("got\n%s\nwant\n%s", out, want)
	}
}

// TestDefaultReportFilled: the sample's report by the built-in template leaves no {{…}}, its
// only markers are 【请补充…】 (each highlighted), and it follows the outline for the unit form
// and for each project.
func TestDefaultReportFilled(t *testing.T) {
	doc := sample(t)
	out := fill(t, doc, Options{})
	text := strings.Join(paragraphs(t, out), "\n")
	if strings.Contains(text, "{{") || strings.Contains(text, "}}") {
		t.Errorf("a placeholder left:\n%s", text)
	}
	for _, m := range regexp.MustCompile(`【[^】]*】`).FindAllString(text, -1) {
		if !strings.HasPrefix(m, "【请补充") {
			t.Errorf("marker %q", m)
		}
	}
	for _, p := range paragraphs(t, out) {
		if m := strayRe.FindString(p); m != "" {
			t.Errorf("%q holds %q", p, m)
		}
	}
	xmlDoc := unzipParts(t, out)["word/document.xml"]
	if n, h := strings.Count(text, "【请补充"), strings.Count(xmlDoc, `<w:highlight w:val="yellow"/></w:rPr><w:t xml:space="preserve">【请补充`); n == 0 || n != h {
		t.Errorf("%d markers, %d highlighted", n, h)
	}
	if n := strings.Count(text, "一、基本情况"); n != 1+len(doc.Projects) {
		t.Errorf("%d outlines for %d projects", n, len(doc.Projects))
	}
	for _, p := range doc.Projects {
		if !strings.Contains(text, "："+p.Name+"\n") {
			t.Errorf("no section for %s", p.Name)
		}
	}
	// a project only (--split): no unit part, one project
	one := strings.Join(paragraphs(t, fill(t, doc, Options{NoUnit: true, Projects: []int{1}})), "\n")
	if strings.Count(one, "一、基本情况") != 1 || !strings.Contains(one, doc.Projects[1].Name) || strings.Contains(one, "部门整体绩效") {
		t.Errorf("one project's report:\n%s", one)
	}
}

// TestEditedTemplate: a user moves the unit's 五、自评结论 section before 一、基本情况 and adds a
// sentence of their own with placeholders under each project's heading; both come out right.
func TestEditedTemplate(t *testing.T) {
	doc := sample(t)
	src := unzipParts(t, DefaultTemplate())["word/document.xml"]
	at, end := strings.Index(src, "<w:body>")+len("<w:body>"), strings.LastIndex(src, "</w:body>")
	el := elements(src[at:end])
	find := func(text string) int {
		for i, e := range el {
			if paragraphText(e) == text {
				return i
			}
		}
		t.Fatalf("no %q in the template", text)
		return -1
	}
	five := find("五、自评结论及结果应用")
	section := append([]string{}, el[five:five+3]...)
	el = append(el[:five], el[five+3:]...)
	first := find("一、基本情况")
	el = append(el[:first], append(section, el[first:]...)...)
	heading := find("项目{{项目序号}}：{{项目名称}}")
	own := `<w:p><w:r><w:t>本项目全年执行数{{全年</w:t></w:r><w:r><w:t>执行数}}万元，总得分{{总得分}}分，等级“{{等级}}”（{{单位简称}}）。</w:t></w:r></w:p>`
	el = append(el[:heading+1], append([]string{own}, el[heading+1:]...)...)
	tpl := withParts(t, DefaultTemplate(), map[string]string{"word/document.xml": src[:at] + strings.Join(el, "") + src[end:]})

	got := paragraphs(t, fill(t, doc, Options{Template: tpl}))
	text := strings.Join(got, "\n")
	ev := forms.Evaluate(doc)
	concl := "经自评，抚顺市社会保险事业服务中心2021年度部门整体绩效自评总评价得分" + ev.Unit.TotalText() + "分，自评等级为“" + ev.Unit.Rating() + "”。"
	if i, j := strings.Index(text, concl), strings.Index(text, "一、基本情况"); i < 0 || j < 0 || i > j {
		t.Errorf("the moved conclusion (%d) is not before 一、基本情况 (%d):\n%s", i, j, text)
	}
	for i, p := range doc.Projects {
		r, funds := ev.Projects[i], ev.Projects[i].Funds["T"]
		want := "本项目全年执行数" + funds.Text(forms.ColActual, p.FundRow("T").Amounts, false) + "万元，总得分" + r.TotalText() + "分，等级“" + r.Rating() + "”（抚顺市社保中心）。"
		if !strings.Contains(text, "："+p.Name+"\n"+want+"\n一、基本情况") {
			t.Errorf("project %d: %q not under its heading:\n%s", i+1, want, text)
		}
	}
}

// TestTemplateMistakes: each mistake of a template gets a Chinese message naming it.
func TestTemplateMistakes(t *testing.T) {
	para := func(s string) string { return `<w:p><w:r><w:t>` + s + `</w:t></w:r></w:p>` }
	var zipBuf bytes.Buffer
	zw := zip.NewWriter(&zipBuf)
	w, _ := zw.Create("xl/workbook.xml")
	_, _ = w.Write([]byte("<workbook/>"))
	_ = zw.Close()
	xlsx := zipBuf.Bytes()
	cases := []struct {
		name string
		tpl  []byte
		want []string
	}{
		{"unknown", withParts(t, DefaultTemplate(), map[string]string{"word/document.xml": body(para("{{单位地址}}和{{ 单位名称 }}"), para("{{#预算}}"), para("{{/预算}}"))}), []string{"不认识的占位符", "{{单位地址}}", "{{#预算}}"}},
		{"outside its block", withParts(t, DefaultTemplate(), map[string]string{"word/document.xml": body(para("得分{{C}}"))}), []string{"{{C}}", "不在它所属的块中"}},
		{"unclosed", withParts(t, DefaultTemplate(), map[string]string{"word/document.xml": body(para("{{#项目}}"), para("x"))}), []string{"{{#项目}} 后面没有对应的 {{/项目}}"}},
		{"in a hyperlink", withParts(t, DefaultTemplate(), map[string]string{"word/document.xml": body(`<w:p><w:hyperlink r:id="rId9"><w:r><w:t>{{单位名称}}</w:t></w:r></w:hyperlink></w:p>`)}), []string{"{{单位名称}}", "超链接"}},
		{"marker in a table", withParts(t, DefaultTemplate(), map[string]string{"word/document.xml": body(`<w:tbl><w:tr><w:tc>` + para("{{#指标}}") + `</w:tc></w:tr></w:tbl>`)}), []string{"块标记 {{#指标}} 必须单独成一段"}},
		{"not a zip", []byte("这不是 Word 文档"), []string{"不是 Word 文档（.docx）"}},
		{"old .doc", append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 512)...), []string{"旧版 Word 97-2003", "另存为"}},
		{"another zip", xlsx, []string{"没有正文"}},
	}
	for _, c := range cases {
		err := Write(io.Discard, sample(t), Options{Template: c.tpl, TemplateName: "模板.docx"})
		if err == nil {
			t.Errorf("%s: accepted", c.name)
			continue
		}
		for _, w := range c.want {
			if !strings.Contains(err.Error(), w) || !strings.Contains(err.Error(), "“模板.docx”") {
				t.Errorf("%s: %q lacks %q", c.name, err, w)
			}
		}
	}
}

// TestDefaultTemplateChecks: the built-in template passes its own check, and writes the same
// bytes each time (a report of the same document is the same file).
func TestDefaultTemplateChecks(t *testing.T) {
	if err := Check(DefaultTemplate(), ""); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(fill(t, sample(t), Options{}), fill(t, sample(t), Options{})) {
		t.Error("two reports of one document differ")
	}
	if os.Getenv("ZIPING_WRITE_REPORT") != "" { // for a look: ZIPING_WRITE_REPORT=/tmp/r.docx
		_ = os.WriteFile(os.Getenv("ZIPING_WRITE_REPORT"), fill(t, sample(t), Options{}), 0o644)
	}
}

// TestBlankDocumentReport: a new document with one blank project still gives a whole report:
// every figure it lacks is a 【请补充】 marker, and no sentence has stray punctuation.
func TestBlankDocumentReport(t *testing.T) {
	doc := forms.NewDocument(2021)
	doc.AddProject()
	text := paragraphs(t, fill(t, doc, Options{}))
	if len(text) < 10 {
		t.Fatalf("report of %d paragraphs", len(text))
	}
	for _, p := range text {
		if m := strayRe.FindString(p); m != "" {
			t.Errorf("%q holds %q", p, m)
		}
		if strings.Contains(p, "{{") {
			t.Errorf("placeholder left: %q", p)
		}
	}
	if j := strings.Join(text, "\n"); !strings.Contains(j, "【请补充：项目名称】") || !strings.Contains(j, "【请补充：自评得分和等级】") {
		t.Errorf("blank figures not marked:\n%s", j)
	}
}

// Command docxeval measures what three Go .docx libraries keep of a report template (tools/docxeval/README.md).
package main

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"os"
	"strings"

	fdocx "github.com/fumiama/go-docx"
	"github.com/gomutex/godocx"
	ndocx "github.com/nguyenthenguyen/docx"
)

func parts(data []byte) map[string]string {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		panic(err)
	}
	m := map[string]string{}
	for _, f := range zr.File {
		rc, _ := f.Open()
		b, _ := io.ReadAll(rc)
		m[f.Name] = string(b)
	}
	return m
}

func report(name string, in, out []byte) {
	a, b := parts(in), parts(out)
	doc := b["word/document.xml"]
	fmt.Printf("== %s\n", name)
	fmt.Printf("  split {{单位名称}} filled: %v; whole {{单位简称}} filled: %v\n", !strings.Contains(doc, "{{单</w:t>") && strings.Contains(doc, "单位："), strings.Contains(doc, "甲简称"))
	for _, tag := range []string{"<w:proofErr", "<w:bookmarkStart", "<w:footerReference", "<w:pgMar", "w:eastAsia", "<w:docGrid", "<w:pageBreakBefore"} {
		fmt.Printf("  %-20s template %d → out %d (doc+styles)\n", tag, strings.Count(a["word/document.xml"]+a["word/styles.xml"], tag), strings.Count(doc+b["word/styles.xml"], tag))
	}
	for _, p := range []string{"word/styles.xml", "word/footer1.xml", "word/settings.xml"} {
		fmt.Printf("  %-18s kept byte for byte: %v\n", p, a[p] == b[p])
	}
}

// letterhead is the paragraph added to the template's body: a bookmark and {{单位名称}} split
// over three runs by spelling marks, as Word leaves it after an edit; then a whole placeholder.
const letterhead = `<w:p><w:bookmarkStart w:id="0" w:name="letterhead"/><w:r><w:rPr><w:b/></w:rPr><w:t>单位：{{单</w:t></w:r>` +
	`<w:proofErr w:type="spellStart"/><w:r><w:rPr><w:i/></w:rPr><w:t>位名</w:t></w:r><w:proofErr w:type="spellEnd"/>` +
	`<w:r><w:t>称}}。</w:t></w:r><w:bookmarkEnd w:id="0"/></w:p><w:p><w:r><w:t>简称{{单位简称}}</w:t></w:r></w:p>`

// withLetterhead is the template with letterhead first in its body, and its relationship ids
// renamed rId1… (fumiama/go-docx reads only such ids).
func withLetterhead(tpl []byte) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, data := range parts(tpl) {
		if name == "word/document.xml" {
			data = strings.Replace(data, "<w:body>", "<w:body>"+letterhead, 1)
		}
		data = strings.NewReplacer("rIdStyles", "rId1", "rIdSettings", "rId2", "rIdFooter1", "rId3").Replace(data)
		w, _ := zw.Create(name)
		_, _ = w.Write([]byte(data))
	}
	_ = zw.Close()
	return buf.Bytes()
}

func main() {
	tpl, err := os.ReadFile(os.Args[1])
	if err != nil {
		panic(err)
	}
	in := withLetterhead(tpl)
	_ = os.WriteFile("/tmp/docxeval-template.docx", in, 0o644)
	// nguyenthenguyen/docx: string replacement over document.xml
	r, err := ndocx.ReadDocxFromMemory(bytes.NewReader(in), int64(len(in)))
	if err != nil {
		panic(err)
	}
	d := r.Editable()
	_ = d.Replace("{{单位名称}}", "甲单位", -1)
	_ = d.Replace("{{单位简称}}", "甲简称", -1)
	var buf bytes.Buffer
	if err := d.Write(&buf); err != nil {
		panic(err)
	}
	report("nguyenthenguyen/docx (Replace)", in, buf.Bytes())

	// fumiama/go-docx: parse, no placeholder API; a round trip without edits
	f, err := fdocx.Parse(bytes.NewReader(in), int64(len(in)))
	if err != nil {
		fmt.Println("fumiama parse:", err)
	} else {
		buf.Reset()
		if _, err := f.WriteTo(&buf); err != nil {
			fmt.Println("fumiama write:", err)
		} else {
			report("fumiama/go-docx (Parse + WriteTo, no edit)", in, buf.Bytes())
		}
	}

	// gomutex/godocx: open, no placeholder API; a round trip without edits
	g, err := godocx.OpenDocument("/tmp/docxeval-template.docx")
	if err != nil {
		fmt.Println("godocx open:", err)
	} else {
		buf.Reset()
		if err := g.Write(&buf); err != nil {
			fmt.Println("godocx write:", err)
		} else {
			report("gomutex/godocx (OpenDocument + Write, no edit)", in, buf.Bytes())
		}
	}
}

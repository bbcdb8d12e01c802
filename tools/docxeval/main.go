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

func main() {
	in, _ := os.ReadFile(os.Args[1])
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
	report("nguyenthenguyen/docx (Replace)", in, buf.Bytes()); os.WriteFile("n.docx", buf.Bytes(), 0o644)

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
	g, err := godocx.OpenDocument(os.Args[1])
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

package main

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"ziping/forms"
	"ziping/pdfout"
)

// runExport implements `ziping export [-o OUT.pdf] FILE`.
func runExport(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("export", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	out := fs.String("o", "", "输出的 PDF 文件")
	if err := fs.Parse(args); err != nil || fs.NArg() != 1 {
		fmt.Fprint(stderr, "用法：ziping export [-o 输出.pdf] 文件.zpb\n")
		return exitUnusable
	}
	in := fs.Arg(0)
	doc, err := forms.Load(in)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return exitUnusable
	}
	target := *out
	if target == "" {
		target = strings.TrimSuffix(in, filepath.Ext(in)) + ".pdf"
	}
	var buf bytes.Buffer
	res, err := pdfout.Render(&buf, doc, pdfout.Options{Created: pdfout.CreatedFromEnv()})
	if err != nil {
		fmt.Fprintln(stderr, err)
		return exitUnusable
	}
	if err := forms.WriteFileAtomic(target, buf.Bytes()); err != nil {
		fmt.Fprintf(stderr, "无法写入“%s”：%v\n", target, err)
		return exitUnusable
	}
	for _, w := range res.Warnings {
		fmt.Fprintln(stderr, w)
	}
	fmt.Fprintf(stdout, "已导出 %s（%d 页）\n", target, res.Pages)
	return exitOK
}

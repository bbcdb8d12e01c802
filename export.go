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
	"ziping/xlsxout"
)

// runExport implements `ziping export [--xlsx] [-o OUT] FILE`: the official tables as PDF, or
// with --xlsx as an Excel workbook with one sheet per form.
func runExport(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("export", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	out := fs.String("o", "", "输出文件")
	xlsx := fs.Bool("xlsx", false, "导出 Excel 工作簿")
	if err := fs.Parse(args); err != nil || fs.NArg() != 1 {
		fmt.Fprint(stderr, "用法：ziping export [--xlsx] [-o 输出.pdf|输出.xlsx] 文件.zpb\n")
		return exitUnusable
	}
	in := fs.Arg(0)
	doc, err := forms.Load(in)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return exitUnusable
	}
	ext, render := ".pdf", renderPDF
	if *xlsx {
		ext, render = ".xlsx", renderXLSX
	}
	target := *out
	if target == "" {
		target = strings.TrimSuffix(in, filepath.Ext(in)) + ext
	}
	data, done, warnings, err := render(doc)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return exitUnusable
	}
	if !writeOutput(stderr, target, data, warnings) {
		return exitUnusable
	}
	fmt.Fprintf(stdout, "已导出 %s（%s）\n", target, done)
	return exitOK
}

// writeOutput writes data to target (whole or not at all) and prints the warnings about it;
// false when it could not be written, which it has said.
func writeOutput(stderr io.Writer, target string, data []byte, warnings []forms.Problem) bool {
	if err := forms.WriteFileAtomic(target, data); err != nil {
		fmt.Fprintf(stderr, "无法写入“%s”：%v\n", target, err)
		return false
	}
	for _, w := range warnings {
		fmt.Fprintln(stderr, w)
	}
	return true
}

// renderPDF makes the PDF in memory; done says how many pages it has.
func renderPDF(doc *forms.Document) (data []byte, done string, warnings []forms.Problem, err error) {
	var buf bytes.Buffer
	res, err := pdfout.Render(&buf, doc, pdfout.Options{Created: pdfout.CreatedFromEnv()})
	if err != nil {
		return nil, "", nil, err
	}
	return buf.Bytes(), fmt.Sprintf("%d 页", res.Pages), res.Warnings, nil
}

// renderXLSX makes the workbook in memory; done says how many sheets it has.
func renderXLSX(doc *forms.Document) (data []byte, done string, warnings []forms.Problem, err error) {
	var buf bytes.Buffer
	res, err := xlsxout.Write(&buf, doc)
	if err != nil {
		return nil, "", nil, err
	}
	return buf.Bytes(), fmt.Sprintf("%d 个工作表", len(res.Sheets)), res.Warnings, nil
}

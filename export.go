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

// exportUsage is printed when the export command line is wrong.
const exportUsage = "用法：ziping export [--xlsx] [-o 输出.pdf|输出.xlsx] 文件.zpb\n"

// runExport implements `ziping export [--xlsx] [-o OUT.pdf|OUT.xlsx] FILE`: the official
// tables as PDF, or as an Excel workbook with one sheet per form. With -o the format follows
// its extension (.pdf or .xlsx, in any case), so the file's name never lies about its content;
// --xlsx then only agrees with it (--xlsx with -o x.pdf is refused). Without -o the output is
// named after the document, as PDF, or with --xlsx as Excel. The output may never be the input
// document itself (also through a link), a .zpb file or a link to one, nor a folder, pipe or
// device: exporting must not destroy a document (checkTarget).
func runExport(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("export", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	out := fs.String("o", "", "输出文件")
	xlsx := fs.Bool("xlsx", false, "导出 Excel 工作簿")
	if err := fs.Parse(args); err != nil || fs.NArg() != 1 {
		fmt.Fprint(stderr, exportUsage)
		return exitUnusable
	}
	in := fs.Arg(0)
	target, render, err := exportTarget(in, *out, *xlsx)
	if err == nil {
		err = checkTarget(target, []string{in})
	}
	if err != nil {
		fmt.Fprintln(stderr, err)
		return exitUnusable
	}
	doc, err := forms.Load(in)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return exitUnusable
	}
	data, done, warnings, err := render(doc)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return exitUnusable
	}
	if !writeOutput(stderr, target, []string{in}, data, warnings) {
		return exitUnusable
	}
	fmt.Fprintf(stdout, "已导出 %s（%s）\n", target, done)
	for _, n := range forms.ExportNotes(doc, forms.Evaluate(doc)) {
		fmt.Fprintln(stdout, "注意："+n)
	}
	return exitOK
}

// renderer makes an export in memory; done says how big it is ("12 页").
type renderer func(doc *forms.Document) (data []byte, done string, warnings []forms.Problem, err error)

// exportTarget is where export writes and in which format: out's extension when out is given,
// else the input's name with .pdf, or .xlsx when xlsx is set.
func exportTarget(in, out string, xlsx bool) (string, renderer, error) {
	if out == "" {
		if xlsx {
			return strings.TrimSuffix(in, filepath.Ext(in)) + ".xlsx", renderXLSX, nil
		}
		return strings.TrimSuffix(in, filepath.Ext(in)) + ".pdf", renderPDF, nil
	}
	switch ext := strings.ToLower(filepath.Ext(out)); {
	case ext == ".xlsx":
		return out, renderXLSX, nil
	case ext == ".pdf" && xlsx:
		return "", nil, fmt.Errorf("--xlsx 要求导出 Excel，而输出文件“%s”的扩展名是 .pdf：请去掉 --xlsx 导出 PDF，或把输出文件改为 .xlsx\n%s", out, strings.TrimSuffix(exportUsage, "\n"))
	case ext == ".pdf":
		return out, renderPDF, nil
	case ext == forms.FileExt:
		return "", nil, checkTarget(out, nil) // refused by its extension
	}
	return "", nil, fmt.Errorf("输出文件“%s”的扩展名应为 .pdf（导出 PDF）或 .xlsx（导出 Excel）", out)
}

// checkTarget refuses an output that could destroy a document or is not a file
// (forms.CheckExportTarget): one of the inputs, a .zpb file or a link to one, a folder, a pipe
// or a device.
func checkTarget(target string, inputs []string) error {
	return forms.CheckExportTarget(target, inputs...)
}

// writeOutput writes data to target (whole or not at all) and prints the warnings about it;
// false when it could not be written, which it has said. target is checked again against the
// inputs first: a link may have been put there while the export was being made.
func writeOutput(stderr io.Writer, target string, inputs []string, data []byte, warnings []forms.Problem) bool {
	if err := checkTarget(target, inputs); err != nil {
		fmt.Fprintln(stderr, err)
		return false
	}
	if err := forms.WriteFileAtomic(target, data); err != nil {
		fmt.Fprintf(stderr, "无法写入“%s”：%s。\n", target, forms.SystemReason(err))
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

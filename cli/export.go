package cli

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"ziping/export"
	"ziping/forms"
	"ziping/storage"
)

// exportUsage is printed when the export command line is wrong.
const exportUsage = "用法：ziping export [--xlsx] [--force] [-o 输出.pdf|输出.xlsx] 文件.zpb\n"

// runExport implements `ziping export [--xlsx] [--force] [-o OUT.pdf|OUT.xlsx] FILE`: the official
// tables as PDF, or as an Excel workbook with one sheet per form. With -o the format follows
// its extension (.pdf or .xlsx, in any case), so the file's name never lies about its content;
// --xlsx then only agrees with it (--xlsx with -o x.pdf is refused). Without -o the output is
// named after the document, as PDF, or with --xlsx as Excel. The output may never be the input
// document itself (also through a link), a .zpb file or a link to one, nor a folder, pipe or
// device: exporting must not destroy a document (export.CheckTarget, checked before the
// document is read and again by export.Document before it writes). An existing file (often
// the signed, scanned copy of the same name) is replaced only with --force (checkNew), and a
// read-only one never (export.CheckTarget).
func runExport(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("export", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	out := fs.String("o", "", "输出文件")
	xlsx := fs.Bool("xlsx", false, "导出 Excel 工作簿")
	force := fs.Bool("force", false, "替换已有的文件")
	if err := fs.Parse(args); err != nil || fs.NArg() != 1 {
		fmt.Fprint(stderr, exportUsage)
		return exitUnusable
	}
	in := fs.Arg(0)
	target, format, err := exportTarget(in, *out, *xlsx)
	if err == nil {
		err = checkOutput(target, in, *force, "export")
	}
	if err != nil {
		fmt.Fprintln(stderr, err)
		return exitUnusable
	}
	doc, err := storage.Load(in)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return exitUnusable
	}
	res, err := export.Document(target, format, doc, in)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return exitUnusable
	}
	for _, w := range res.Warnings {
		fmt.Fprintln(stderr, problemLine(w))
	}
	fmt.Fprintf(stdout, "已导出 %s（%s）\n", forms.Shown(target), res.Size())
	for _, n := range res.Notes {
		fmt.Fprintln(stdout, "注意："+forms.Shown(n))
	}
	return exitOK
}

// exportTarget is where export writes and in which format: out's extension when out is given,
// else the input's name with .pdf, or .xlsx when xlsx is set.
func exportTarget(in, out string, xlsx bool) (string, export.Format, error) {
	if out == "" {
		f := export.PDF
		if xlsx {
			f = export.XLSX
		}
		return namedAfter(in, "", string(f)), f, nil
	}
	f, ok := export.FormatOf(out)
	switch {
	case f == export.PDF && xlsx:
		return "", "", fmt.Errorf("--xlsx 要求导出 Excel，而输出文件“%s”的扩展名是 .pdf：请去掉 --xlsx 导出 PDF，或把输出文件改为 .xlsx\n%s", out, strings.TrimSuffix(exportUsage, "\n"))
	case ok:
		return out, f, nil
	case strings.EqualFold(filepath.Ext(out), forms.FileExt):
		return "", "", export.CheckTarget(out) // refused by its extension
	}
	return "", "", fmt.Errorf("输出文件“%s”的扩展名应为 .pdf（导出 PDF）或 .xlsx（导出 Excel）", out)
}

// checkNew refuses target when something is there already (a file, a link, even a dangling
// one) and force is not set: the command line has no one to ask, and the file of that name
// is often one the program did not write (the signed, scanned copy of the report). It never
// makes an exception for files this program wrote: a PDF or workbook is easily taken for
// another one of the same name, and --force says it once. cmd is the command's word, for the
// sentence that says how to replace.
func checkNew(target string, force bool, cmd string) error {
	if _, err := os.Lstat(target); err != nil || force {
		return nil // nothing there (or it cannot be looked at: the write says why)
	}
	return fmt.Errorf("输出文件“%s”已存在：不会替换已有的文件。要替换它，请加 --force 再运行（ziping %s --force …），或用 -o 指定另一个文件名", forms.Shown(target), cmd)
}

// namedAfter is a command's output when -o is not given: beside the input, named after it with
// suffix and ext ("x.zpb" → "x-报送.zip").
func namedAfter(in, suffix, ext string) string {
	return strings.TrimSuffix(in, filepath.Ext(in)) + suffix + ext
}

// checkOutput refuses target as a command's output: a file export.CheckTarget refuses (the
// input, a document, a folder, a pipe, a read-only file), or one already there without force
// (checkNew).
func checkOutput(target, in string, force bool, cmd string) error {
	return firstErr(export.CheckTarget(target, in), checkNew(target, force, cmd))
}

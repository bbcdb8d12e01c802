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
	"ziping/xlsxin"
)

// runImport implements `ziping import [-o OUT.zpb] IN.xlsx|IN.csv`: the workbook (Ziping's own
// Excel export, a plain indicator sheet, the fill-in template, or CSV) read into a new
// document. Without -o the document is named after the input. It never writes over an existing
// file: the command line has no one to ask.
func runImport(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("import", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	out := fs.String("o", "", "输出文档")
	if err := fs.Parse(args); err != nil || fs.NArg() != 1 {
		fmt.Fprint(stderr, "用法：ziping import [-o 输出.zpb] 工作簿.xlsx|表格.csv\n")
		return exitUnusable
	}
	in := fs.Arg(0)
	target := *out
	if target == "" {
		target = strings.TrimSuffix(in, filepath.Ext(in)) + forms.FileExt
	}
	if !strings.EqualFold(filepath.Ext(target), forms.FileExt) {
		fmt.Fprintf(stderr, "输出文件“%s”的扩展名应为 %s\n", target, forms.FileExt)
		return exitUnusable
	}
	if _, err := os.Lstat(target); err == nil {
		fmt.Fprintf(stderr, "“%s”已存在，导入不会覆盖已有的文件：请用 -o 指定一个新的文件名\n", forms.Shown(target))
		return exitUnusable
	}
	// A named pipe, device or socket is refused from its mode: opening a pipe with no writer
	// waits forever (storage.CheckRegular).
	if err := storage.CheckRegular(in); err != nil {
		fmt.Fprintln(stderr, err)
		return exitUnusable
	}
	res, err := xlsxin.ImportFile(in)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return exitUnusable
	}
	data, err := forms.Marshal(res.Doc)
	if err == nil {
		err = storage.WriteFileAtomic(target, data)
	}
	if err != nil {
		fmt.Fprintf(stderr, "无法写入“%s”（%s）\n", target, storage.SystemReason(err))
		return exitUnusable
	}
	fmt.Fprintf(stdout, "已导入 %s → %s（%d 张项目表%s）\n", forms.Shown(in), forms.Shown(target), len(res.Doc.Projects), map[bool]string{true: "和单位整体表", false: ""}[res.Unit])
	for _, n := range res.Notes {
		fmt.Fprintln(stdout, "注意："+forms.Shown(n))
	}
	return exitOK
}

// runTemplate implements `ziping template [--force] -o 模板.xlsx`: the blank fill-in workbook
// that `ziping import` and 文件 › 导入 Excel read. An existing file is replaced only with
// --force (checkNew).
func runTemplate(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("template", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	out := fs.String("o", "", "输出工作簿")
	force := fs.Bool("force", false, "替换已有的文件")
	if err := fs.Parse(args); err != nil || fs.NArg() != 0 || *out == "" {
		fmt.Fprint(stderr, "用法：ziping template [--force] -o 模板.xlsx\n")
		return exitUnusable
	}
	if !strings.EqualFold(filepath.Ext(*out), ".xlsx") {
		fmt.Fprintf(stderr, "输出文件“%s”的扩展名应为 .xlsx\n", *out)
		return exitUnusable
	}
	err := export.CheckTarget(*out)
	if err == nil {
		err = checkNew(*out, *force, "template")
	}
	if err == nil {
		err = export.Template(*out)
	}
	if err != nil {
		fmt.Fprintln(stderr, err)
		return exitUnusable
	}
	fmt.Fprintf(stdout, "已生成导入模板 %s\n", forms.Shown(*out))
	return exitOK
}

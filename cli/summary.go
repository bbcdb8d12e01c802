package cli

import (
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"ziping/export"
	"ziping/forms"
	"ziping/storage"
)

// summaryUsage is printed when the summary command line is wrong.
const summaryUsage = "用法：ziping summary [--force] 文件.zpb... -o 输出.pdf|输出.xlsx\n"

// runSummary implements `ziping summary [--force] FILE.zpb... -o OUT.pdf|OUT.xlsx`: the department
// summary (部门汇总) of several documents, as PDF or Excel by the output's extension. -o is
// required (there is no document to name the output after, and writing 部门汇总.pdf into
// whatever folder the command runs in could replace a file unseen); it may come before or
// after the files. A file that cannot be read stops the command before anything is written.
//
// The same file given twice is an error naming it, not silently dropped: the unit would
// otherwise count twice in the totals, and a repeated name on a command line is more likely a
// slip (a wrong file meant) than intended, so the user should see it rather than a summary
// short of the unit meant. Two files that hold one unit (the same 部门（单位）名称 and 年度 —
// a copy of a file, or a document imported from another's Excel export: forms.SameUnits) are
// refused the same way, by export.Summary, naming both. The output may not be one of the
// inputs nor a .zpb document; an existing output is replaced only with --force (checkNew),
// a read-only one never.
func runSummary(args []string, stdout, stderr io.Writer) int {
	files, out, force, err := parseSummaryArgs(args)
	if err != nil {
		fmt.Fprintf(stderr, "%v\n%s", err, summaryUsage)
		return exitUnusable
	}
	err = checkSummaryFiles(files, out)
	if err == nil {
		err = checkNew(out, force, "summary")
	}
	if err != nil {
		fmt.Fprintln(stderr, err)
		return exitUnusable
	}
	var inputs []forms.SummaryInput
	failed := false
	for _, path := range files {
		doc, err := storage.Load(path)
		if err != nil {
			fmt.Fprintln(stderr, err)
			failed = true
			continue
		}
		inputs = append(inputs, forms.SummaryInput{Source: path, Doc: doc})
	}
	if failed {
		fmt.Fprintln(stderr, "有文件无法读取，没有生成汇总表。")
		return exitUnusable
	}
	s := forms.NewSummary(inputs)
	f, _ := export.FormatOf(out) // checkSummaryOutput made sure it is one
	res, err := export.Summary(out, f, s, files...)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return exitUnusable
	}
	for _, w := range res.Warnings {
		fmt.Fprintln(stderr, problemLine(w))
	}
	for _, n := range res.Notes {
		fmt.Fprintln(stderr, "注："+forms.Shown(n))
	}
	fmt.Fprintf(stdout, "已生成部门汇总 %s（%d 个单位，%d 个项目）\n", forms.Shown(out), s.Total.Units, s.Total.Projects)
	return exitOK
}

// parseSummaryArgs separates the files from -o OUT (also -o=OUT, --o) and --force (-force);
// "--" ends the options.
func parseSummaryArgs(args []string) (files []string, out string, force bool, err error) {
	options := true
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case !options || !strings.HasPrefix(a, "-") || a == "-":
			files = append(files, a)
		case a == "--":
			options = false
		case a == "-o" || a == "--o":
			if i+1 >= len(args) {
				return nil, "", false, errors.New("-o 后面缺少输出文件名")
			}
			i++
			out = args[i]
		case strings.HasPrefix(a, "-o=") || strings.HasPrefix(a, "--o="):
			out = a[strings.IndexByte(a, '=')+1:]
		case a == "--force" || a == "-force":
			force = true
		default:
			return nil, "", false, fmt.Errorf("不认识的选项 %s", a)
		}
	}
	if len(files) == 0 {
		return nil, "", false, errors.New("请给出要汇总的文档（一个或多个 .zpb 文件）")
	}
	return files, out, force, checkSummaryOutput(out)
}

// checkSummaryOutput requires an output whose extension says PDF or Excel, and says why a
// .zpb is refused.
func checkSummaryOutput(out string) error {
	_, ok := export.FormatOf(out)
	switch {
	case out == "":
		return errors.New("请用 -o 指定输出文件，扩展名 .pdf 输出 PDF，.xlsx 输出 Excel")
	case strings.EqualFold(filepath.Ext(out), forms.FileExt):
		return export.CheckTarget(out) // refused by its extension
	case !ok:
		return fmt.Errorf("输出文件“%s”的扩展名应为 .pdf 或 .xlsx", out)
	}
	return nil
}

// checkSummaryFiles refuses a file given twice (by the same path, another spelling of it or a
// link: export.Distinct) and an output that would replace one of the documents, before any
// document is read; export.Summary checks both again.
func checkSummaryFiles(files []string, out string) error {
	if err := export.Distinct(files); err != nil {
		return err
	}
	return export.CheckTarget(out, files...)
}

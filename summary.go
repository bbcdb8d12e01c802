package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"ziping/forms"
	"ziping/pdfout"
	"ziping/xlsxout"
)

// summaryUsage is printed when the summary command line is wrong.
const summaryUsage = "用法：ziping summary 文件.zpb... -o 输出.pdf|输出.xlsx\n"

// runSummary implements `ziping summary FILE.zpb... -o OUT.pdf|OUT.xlsx`: the department
// summary (部门汇总) of several documents, as PDF or Excel by the output's extension. -o is
// required (there is no document to name the output after, and writing 部门汇总.pdf into
// whatever folder the command runs in could replace a file unseen); it may come before or
// after the files. A file that cannot be read stops the command before anything is written.
//
// The same file given twice is an error naming it, not silently dropped: the unit would
// otherwise count twice in the totals, and a repeated name on a command line is more likely a
// slip (a wrong file meant) than intended, so the user should see it rather than a summary
// short of the unit meant. The output may not be one of the inputs nor a .zpb document.
func runSummary(args []string, stdout, stderr io.Writer) int {
	files, out, err := parseSummaryArgs(args)
	if err != nil {
		fmt.Fprintf(stderr, "%v\n%s", err, summaryUsage)
		return exitUnusable
	}
	if err := checkSummaryFiles(files, out); err != nil {
		fmt.Fprintln(stderr, err)
		return exitUnusable
	}
	var inputs []forms.SummaryInput
	failed := false
	for _, path := range files {
		doc, err := forms.Load(path)
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
	data, warnings, err := renderSummary(s, out)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return exitUnusable
	}
	if !writeOutput(stderr, out, files, data, warnings) {
		return exitUnusable
	}
	for _, n := range s.Notes {
		fmt.Fprintln(stderr, "注："+n)
	}
	fmt.Fprintf(stdout, "已生成部门汇总 %s（%d 个单位，%d 个项目）\n", out, s.Total.Units, s.Total.Projects)
	return exitOK
}

// parseSummaryArgs separates the files from -o OUT (also -o=OUT, --o); "--" ends the options.
func parseSummaryArgs(args []string) (files []string, out string, err error) {
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
				return nil, "", errors.New("-o 后面缺少输出文件名")
			}
			i++
			out = args[i]
		case strings.HasPrefix(a, "-o=") || strings.HasPrefix(a, "--o="):
			out = a[strings.IndexByte(a, '=')+1:]
		default:
			return nil, "", fmt.Errorf("不认识的选项 %s", a)
		}
	}
	if len(files) == 0 {
		return nil, "", errors.New("请给出要汇总的文档（一个或多个 .zpb 文件）")
	}
	return files, out, checkSummaryOutput(out)
}

// checkSummaryOutput requires an output whose extension says PDF or Excel, and says why a
// .zpb is refused.
func checkSummaryOutput(out string) error {
	switch ext := strings.ToLower(filepath.Ext(out)); {
	case out == "":
		return errors.New("请用 -o 指定输出文件，扩展名 .pdf 输出 PDF，.xlsx 输出 Excel")
	case ext == forms.FileExt:
		return checkTarget(out, nil) // refused by its extension
	case ext != ".pdf" && ext != ".xlsx":
		return fmt.Errorf("输出文件“%s”的扩展名应为 .pdf 或 .xlsx", out)
	}
	return nil
}

// checkSummaryFiles refuses a file given twice (by the same path, another path or a link) and
// an output that would replace one of the documents.
func checkSummaryFiles(files []string, out string) error {
	for i, f := range files {
		for j := range i {
			if forms.SameFile(f, files[j]) {
				return fmt.Errorf("第 %d 个文件“%s”与第 %d 个文件“%s”是同一个文档：同一单位不能汇总两次，请去掉重复的文件", i+1, f, j+1, files[j])
			}
		}
	}
	return checkTarget(out, files)
}

// renderSummary makes the PDF or the workbook of s, as out's extension says, in memory, so
// that a failure writes nothing; it returns the warnings about texts it could not write as
// typed.
func renderSummary(s *forms.Summary, out string) ([]byte, []forms.Problem, error) {
	var buf bytes.Buffer
	if strings.EqualFold(filepath.Ext(out), ".xlsx") {
		warnings, err := xlsxout.WriteSummary(&buf, s)
		if err != nil {
			return nil, nil, err
		}
		return buf.Bytes(), warnings, nil
	}
	res, err := pdfout.RenderSummary(&buf, s, pdfout.Options{Created: pdfout.CreatedFromEnv()})
	if err != nil {
		return nil, nil, err
	}
	return buf.Bytes(), res.Warnings, nil
}

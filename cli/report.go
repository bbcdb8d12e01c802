package cli

import (
	"flag"
	"fmt"
	"io"

	"ziping/export"
	"ziping/forms"
	"ziping/report"
	"ziping/storage"
)

const reportUsage = "用法：ziping report [-o 报告.docx] [--template 模板.docx] [--split] [--force] 文件.zpb\n"

// runReport implements `ziping report`: the 自评报告 draft as one .docx (the unit form, then a
// section per project) or, with --split, one file for the unit form and one per project
// (export.SplitReportNames). Without -o it is named after the document ("x-自评报告.docx").
// The template is --template, else the document's Settings.ReportTemplate, else the built-in
// one; an unknown placeholder is named. Existing files are replaced only with --force, read-only
// ones never, and every target is checked before anything is written.
func runReport(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("report", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	out := fs.String("o", "", "输出文件")
	tplPath := fs.String("template", "", "报告模板")
	split := fs.Bool("split", false, "每个项目一个文件")
	force := fs.Bool("force", false, "替换已有的文件")
	if err := fs.Parse(args); err != nil || fs.NArg() != 1 {
		fmt.Fprint(stderr, reportUsage)
		return exitUnusable
	}
	in := fs.Arg(0)
	doc, err := storage.Load(in)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return exitUnusable
	}
	target := *out
	if target == "" {
		target = namedAfter(in, "-自评报告", export.DocxExt)
	}
	if *tplPath == "" {
		*tplPath = doc.Settings.ReportTemplate
	}
	tpl, err := export.ReportTemplate(*tplPath)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return exitUnusable
	}
	jobs := export.ReportParts(target, doc, *split, report.Options{Template: tpl, TemplateName: *tplPath})
	for _, j := range jobs { // every target checked before the first is written
		if err := checkOutput(j.Target, in, *force, "report"); err != nil {
			fmt.Fprintln(stderr, err)
			return exitUnusable
		}
	}
	for _, j := range jobs {
		note, err := export.Report(j.Target, doc, j.Options, in)
		if err != nil {
			fmt.Fprintln(stderr, err)
			return exitUnusable
		}
		fmt.Fprintf(stdout, "已导出自评报告 %s\n", forms.Shown(j.Target))
		if note != "" {
			fmt.Fprintln(stdout, "注意："+forms.Shown(note))
		}
	}
	return exitOK
}

func firstErr(errs ...error) error {
	for _, e := range errs {
		if e != nil {
			return e
		}
	}
	return nil
}

// runReportTemplate implements `ziping report-template [--force] -o 模板.docx`: the built-in
// report template, for a user or a finance bureau to edit in Word or WPS.
func runReportTemplate(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("report-template", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	out := fs.String("o", "", "输出文件")
	force := fs.Bool("force", false, "替换已有的文件")
	if err := fs.Parse(args); err != nil || fs.NArg() != 0 || *out == "" {
		fmt.Fprint(stderr, "用法：ziping report-template [--force] -o 模板.docx\n")
		return exitUnusable
	}
	err := firstErr(export.CheckTarget(*out), checkNew(*out, *force, "report-template"))
	if err == nil {
		err = export.DefaultReportTemplate(*out)
	}
	if err != nil {
		fmt.Fprintln(stderr, err)
		return exitUnusable
	}
	fmt.Fprintf(stdout, "已生成报告模板 %s（占位符的写法见帮助 › 用户手册“自评报告”一节）\n", forms.Shown(*out))
	return exitOK
}

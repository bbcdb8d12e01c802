package cli

import (
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"ziping/export"
	"ziping/forms"
	"ziping/storage"
)

// packUsage is printed when the pack command line is wrong.
const packUsage = "用法：ziping pack [--force] [-o 报送.zip] 文件.zpb\n"

// runPack implements `ziping pack [--force] [-o OUT.zip] FILE`: the package of a submission
// (export.Pack) — the tables as PDF and Excel, the report draft, the evidence files and the
// manifest in one zip. Without -o it is named after the document ("x-报送.zip"). The target
// is checked as export's is (never a document, a folder or a pipe; an existing file only
// with --force, a read-only one never). Evidence files that are missing do not stop the
// package: each is printed, and listed in the manifest.
func runPack(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("pack", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	out := fs.String("o", "", "输出文件")
	force := fs.Bool("force", false, "替换已有的文件")
	if err := fs.Parse(args); err != nil || fs.NArg() != 1 {
		fmt.Fprint(stderr, packUsage)
		return exitUnusable
	}
	in := fs.Arg(0)
	target := *out
	if target == "" {
		target = namedAfter(in, "-报送", export.ZIP)
	}
	err := checkOutput(target, in, *force, "pack")
	if !strings.EqualFold(filepath.Ext(target), export.ZIP) {
		err = fmt.Errorf("输出文件“%s”的扩展名应为 .zip\n%s", forms.Shown(target), strings.TrimSuffix(packUsage, "\n"))
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
	res, err := export.Pack(target, doc, export.PackOptions{Dir: filepath.Dir(in)}, in)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return exitUnusable
	}
	for _, w := range res.Warnings {
		fmt.Fprintln(stderr, problemLine(w))
	}
	fmt.Fprintf(stdout, "已打包 %s（%d 个文件）\n", forms.Shown(target), len(res.Entries))
	for _, m := range res.Missing {
		fmt.Fprintf(stdout, "注意：佐证材料未打包：%s › %s「%s」：%s\n", m.Form, m.Where, m.Name, m.Reason)
	}
	for _, n := range res.Notes {
		fmt.Fprintln(stdout, "注意："+forms.Shown(n))
	}
	return exitOK
}

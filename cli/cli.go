// Package cli is the command line of 绩效自评 (Ziping): check, export, summary, import,
// template, version and help. main.go runs it first and opens the window only when Run says the
// arguments are for the window. It never imports Fyne, so it builds and tests without cgo.
package cli

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"

	"ziping/export"
	"ziping/forms"
	"ziping/storage"
)

// Exit codes of the command line.
const (
	exitOK       = 0 // no errors
	exitProblems = 1 // the documents have errors
	exitUnusable = 2 // a file could not be read, or the command line is wrong
	// ExitNoDesktop: the window was asked for where there is no graphical desktop (Linux and
	// the BSDs with neither DISPLAY nor WAYLAND_DISPLAY set). It is the code the Windows start
	// exits with when OpenGL cannot draw the window (exitNoWindow, internal/platform/platform_windows.go).
	ExitNoDesktop = 3
)

// Info is what the program knows about itself, passed in by main: Version is the version
// release builds stamp with -ldflags (the Makefile), "dev" otherwise.
type Info struct {
	Version string
	// Stdout and Stderr say whether each goes to a file or a pipe, and in which code page
	// text must be written there (Windows only: cli/codepage.go); zero: UTF-8.
	Stdout, Stderr Stream
}

// Run runs the command line with args (without the program's name). window is true when args
// are for the editor window instead — no argument, or one existing document — and main opens
// it; code is then 0. Anything else is handled here and code is the exit code: a command, a
// mistyped one or a document that is not there (exit 2 with the usage, so that a typo never
// tries to open a window; on Windows a missing document goes to the window, which says so),
// or a window asked for where there is no desktop (ExitNoDesktop, one line pointing to the
// command line).
//
// Everything printed goes through shownWriter (escaped, write errors kept): when stdout or
// stderr could not be written, the code is at least exitUnusable and stderr says so. On
// Windows text to a file or a pipe is written in the console's code page unless --utf8
// (anywhere in args) or --json asks for UTF-8 (cli/codepage.go).
func Run(args []string, stdout, stderr io.Writer, info Info) (code int, window bool) {
	args, forceUTF8, json := wantsUTF8(args)
	out := &shownWriter{w: newEncodingWriter(stdout, outputCodePage(info.Stdout, forceUTF8, json))}
	errOut := &shownWriter{w: newEncodingWriter(stderr, outputCodePage(info.Stderr, forceUTF8, false))}
	code, window = run(args, out, errOut, info)
	if out.err != nil {
		writeFailure(errOut.w, out.err)
	}
	if out.err != nil || errOut.err != nil {
		code = exitWriteFailed(code)
	}
	return code, window
}

// run is Run on the escaping writers.
func run(args []string, stdout, stderr io.Writer, info Info) (code int, window bool) {
	if len(args) > 0 {
		if cmd, ok := commandRuns[args[0]]; ok {
			return cmd(args[1:], stdout, stderr), false
		}
		switch args[0] {
		case "version", "--version", "-version":
			return runVersion(stdout, info), false
		case "help", "-h", "--help", "-help":
			fmt.Fprint(stdout, Usage)
			return exitOK, false
		}
		if word := unknownCommand(args); word != "" {
			hint := ""
			if c := nearestCommand(word); c != "" {
				hint = fmt.Sprintf("是不是要输入“%s”？", c)
			}
			fmt.Fprintf(stderr, "不认识的命令或选项“%s”。%s\n\n%s", word, hint, Usage)
			return exitUnusable, false
		}
		// On Windows a start with one document has no console to print to (internal/platform/platform.go,
		// isCommandLine, decides by the arguments' shape): there the window says what is wrong.
		if err := checkDocumentArg(args[0]); err != nil && runtime.GOOS != "windows" {
			fmt.Fprintf(stderr, "%v\n\n%s", err, Usage)
			return exitUnusable, false
		}
	}
	if noDesktop(os.Getenv, runtime.GOOS) {
		fmt.Fprintln(stderr, noDesktopMessage)
		return ExitNoDesktop, false
	}
	return 0, true
}

// commandRuns are the commands that take their arguments and the two outputs.
var commandRuns = map[string]func(args []string, stdout, stderr io.Writer) int{
	"check": runCheck, "export": runExport, "summary": runSummary, "import": runImport, "template": runTemplate,
	"report": runReport, "report-template": runReportTemplate, "pack": runPack,
}

// unknownCommand is the word that makes args a mistyped command rather than a document for the
// window ("" when the window should open): an option, anything followed by more words (the
// window opens one file), or a lone word with no extension and no folder that is no existing
// file ("chek"). Without it, a typo would try to open a window, which fails without a display.
func unknownCommand(args []string) string {
	a := args[0]
	switch {
	case strings.HasPrefix(a, "-") || len(args) > 1:
		return a
	case filepath.Ext(a) == "" && !strings.ContainsAny(a, `/\`):
		if _, err := os.Lstat(a); err != nil {
			return a
		}
	}
	return ""
}

// commands are the command words of Run, for nearestCommand.
var commands = []string{"check", "export", "summary", "import", "template", "report", "report-template", "pack", "version", "help"}

// nearestCommand is the command a mistyped word most likely meant ("chek" → "check", "--help"
// spelled "-hlep" → "help"): the one within two edits (insert, delete, change, or swap of
// neighbours) of the word without its leading dashes, or "" when none is that close.
func nearestCommand(word string) string {
	w := strings.ToLower(strings.TrimLeft(word, "-"))
	best, bestDist := "", 3
	for _, c := range commands {
		if d := editDistance(w, c); d < bestDist {
			best, bestDist = c, d
		}
	}
	return best
}

// editDistance is the optimal-string-alignment distance of a and b (bytes; command words are
// ASCII): the fewest insertions, deletions, changes and swaps of neighbours from a to b.
func editDistance(a, b string) int {
	d := make([][]int, len(a)+1)
	for i := range d {
		d[i] = make([]int, len(b)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(a)][len(b)]
}

// checkDocumentArg refuses the one argument the window would open when it is no file: missing
// (a mistyped name), a folder, a pipe or a device. The window would start only to say so.
func checkDocumentArg(path string) error {
	fi, err := os.Stat(path)
	switch {
	case err != nil:
		return fmt.Errorf("无法打开“%s”：%s。请检查文档的名称和位置；命令见下面的用法", path, storage.SystemReason(err))
	case fi.IsDir():
		return fmt.Errorf("“%s”是一个文件夹，不是绩效自评文档（.zpb）", path)
	case !fi.Mode().IsRegular():
		return fmt.Errorf("“%s”不是普通文件，不是绩效自评文档（.zpb）", path)
	}
	return nil
}

// noDesktopMessage is the one line printed when the window is asked for without a desktop.
const noDesktopMessage = "编辑窗口需要图形桌面，这里没有（DISPLAY 和 WAYLAND_DISPLAY 都未设置）：请在桌面环境中打开，或使用命令行（ziping help 列出命令）。"

// noDesktop reports whether goos draws windows through X11 or Wayland (Linux and the BSDs, as
// Fyne does) and getenv names neither display: the window could not open, and GLFW would die
// with a stack trace.
func noDesktop(getenv func(string) string, goos string) bool {
	switch goos {
	case "windows", "darwin", "ios", "android", "js", "wasip1":
		return false
	}
	return getenv("DISPLAY") == "" && getenv("WAYLAND_DISPLAY") == ""
}

// Usage is the command line's help: `ziping help`, and after a mistyped command.
const Usage = `绩效自评 Ziping

用法：
  ziping [文件.zpb]                    打开编辑窗口（需要图形桌面；没有桌面时提示后以
                                       退出码 3 结束）
  ziping check [--json] 文件.zpb...    计算得分并检查，列出每张表的得分和全部问题
                                       退出码：0 无错误，1 有错误，2 文件无法读取
                                       或输出无法写出
  ziping export [--xlsx] [--force] [-o 输出.pdf|输出.xlsx] 文件.zpb
                                       导出 PDF 或 Excel：给出 -o 时格式由其扩展名
                                       （.pdf 或 .xlsx，不分大小写）决定；不给 -o 时
                                       与文档同名，默认 PDF，加 --xlsx 导出 Excel；
                                       --xlsx 不能与 -o 输出.pdf 同用；输出不能是
                                       文档本身、.zpb 文件或指向它们的链接；输出文件
                                       已存在时不替换（退出码 2），加 --force 才替换；
                                       只读的文件任何时候都不替换
                                       设置 SOURCE_DATE_EPOCH 可得到逐字节相同的 PDF
  ziping summary [--force] 文件.zpb... -o 输出.pdf|输出.xlsx
                                       部门汇总：几个单位的预算、执行数、执行率、
                                       整体得分和各项目得分汇总成一张表；按扩展名输出
                                       PDF 或 Excel；-o 必须给出；同一文档只能给出
                                       一次；输出不能是输入的文档、.zpb 文件或
                                       指向它们的链接；已存在的输出文件加 --force
                                       才替换，只读的不替换
  ziping import [-o 输出.zpb] 工作簿.xlsx|表格.csv
                                       从 Excel/WPS 工作簿或 CSV 导入为新文档：本程序导出的
                                       Excel、带标题行的指标表（一个工作表一个项目）或导入
                                       模板；不覆盖已有文件
  ziping template [--force] -o 模板.xlsx
                                       生成导入模板（列名、下拉选项和一行示例）；
                                       已存在的文件加 --force 才替换，只读的不替换
  ziping report [-o 报告.docx] [--template 模板.docx] [--split] [--force] 文件.zpb
                                       生成绩效自评报告草稿（Word 文档）：单位整体一份，
                                       每个项目一节；加 --split 每个项目单独一个文件；
                                       模板默认用文档设置中选的，否则用内置模板；
                                       已存在的文件加 --force 才替换，只读的不替换
  ziping report-template [--force] -o 模板.docx
                                       生成报告模板（带占位符的 Word 文档），可在
                                       Word/WPS 中修改后用于 report
  ziping pack [--force] [-o 报送.zip] 文件.zpb
                                       打包报送：签字盖章用的 PDF、Excel、自评报告
                                       草稿、佐证材料的电子文件和报送清单打成一个
                                       .zip；不给 -o 时为“文档名-报送.zip”；缺失的
                                       佐证材料逐项列出；已存在的输出加 --force 才替换
  ziping version                       显示版本

任何命令都可以加 --utf8：在 Windows 上把输出重定向到文件或管道（> 结果.txt、| ）时
写成 UTF-8；不加时用控制台的代码页（中文 Windows 为 936，即 GBK），--json 总是 UTF-8
`

// formReport is one form in the JSON output of check; numbers are strings.
type formReport struct {
	File  string `json:"file"`
	Kind  string `json:"kind"`
	Name  string `json:"name"`
	Total string `json:"total"`
	C     string `json:"c"`
	D     string `json:"d"`
	Grade string `json:"grade"`
	// NotFilled marks a unit form left blank in a document with projects: not checked, not exported.
	NotFilled bool `json:"not_filled,omitempty"`
	// NotStarted marks a form with nothing but its header (forms.NotStarted): no problems, 未填写.
	NotStarted bool `json:"not_started,omitempty"`
}

// problemReport is one problem in the JSON output of check.
type problemReport struct {
	File    string `json:"file"`
	Level   string `json:"level"`
	Form    string `json:"form"`
	Section string `json:"section"`
	Row     string `json:"row"`
	Field   string `json:"field"`
	Message string `json:"message"`
}

// unreadableReport is a file check could not read, so did not check.
type unreadableReport struct {
	File    string `json:"file"`
	Message string `json:"message"`
}

type checkReport struct {
	Forms    []formReport    `json:"forms"`
	Problems []problemReport `json:"problems"`
	// Unreadable are the files that were not checked: their forms and problems are unknown.
	Unreadable []unreadableReport `json:"unreadable"`
}

func runCheck(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("check", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	asJSON := fs.Bool("json", false, "以 JSON 输出")
	if err := fs.Parse(args); err != nil || fs.NArg() == 0 {
		fmt.Fprint(stderr, "用法：ziping check [--json] 文件.zpb...\n")
		return exitUnusable
	}
	rep := checkReport{Forms: []formReport{}, Problems: []problemReport{}, Unreadable: []unreadableReport{}}
	code := exitOK
	for _, path := range fs.Args() {
		doc, err := storage.Load(path)
		if err != nil {
			fmt.Fprintln(stderr, err)
			rep.Unreadable = append(rep.Unreadable, unreadableReport{File: path, Message: err.Error()})
			code = exitUnusable
			continue
		}
		if addDocument(&rep, path, doc) && code == exitOK {
			code = exitProblems
		}
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		_ = enc.Encode(rep)
	} else {
		printText(stdout, rep)
	}
	return code
}

// addDocument evaluates doc into rep and reports whether it has errors.
func addDocument(rep *checkReport, path string, doc *forms.Document) bool {
	ev := forms.Evaluate(doc)
	// Totals and grades are "" while a form is incomplete (forms.UnitResult.Complete).
	rep.Forms = append(rep.Forms, formReport{
		File: path, Kind: "unit", Name: doc.Unit.Name, Total: ev.Unit.TotalText(), Grade: ev.Unit.Rating(),
		NotFilled: ev.Unit.NotFilled, NotStarted: ev.Unit.NotStarted,
	})
	for i, p := range doc.Projects {
		r := ev.Projects[i]
		rep.Forms = append(rep.Forms, formReport{
			File: path, Kind: "project", Name: p.Name, Total: r.TotalText(),
			C: r.CText(), D: r.DText(), Grade: r.Rating(), NotStarted: r.NotStarted,
		})
	}
	problems := ev.Problems
	if unprintable, err := export.Unprintable(doc); err == nil {
		problems = append(problems, unprintable...)
	}
	hasErr := false
	for _, p := range problems {
		hasErr = hasErr || p.Level == forms.LevelError
		rep.Problems = append(rep.Problems, problemReport{
			File: path, Level: string(p.Level), Form: p.Form, Section: p.Section, Row: p.Row, Field: p.Field, Message: p.Message,
		})
	}
	return hasErr
}

// printText prints rep for a reader. The problem count covers the documents checked; a file
// that could not be read (its message is on stderr) is named as not checked, never counted as
// a document without problems.
func printText(w io.Writer, rep checkReport) {
	if len(rep.Forms) == 0 {
		return // nothing was checked: stderr said why
	}
	file := ""
	for _, f := range rep.Forms {
		if f.File != file {
			file = f.File
			fmt.Fprintf(w, "== %s\n", forms.Shown(file))
		}
		f.Name = forms.Shown(f.Name)
		switch {
		case f.Kind == "unit" && f.NotFilled:
			fmt.Fprintf(w, "%s：未填写（文档中只有项目表），不检查、不导出\n", forms.UnitFormName)
		case f.Kind == "unit" && f.NotStarted:
			fmt.Fprintf(w, "%s（%s）：未填写\n", forms.UnitFormName, f.Name)
		case f.NotStarted:
			fmt.Fprintf(w, "项目「%s」：未填写\n", f.Name)
		case f.Kind == "unit":
			fmt.Fprintf(w, "%s（%s）：总评价得分 %s，等级 %s\n", forms.UnitFormName, f.Name, pending(f.Total), pending(f.Grade))
		default:
			fmt.Fprintf(w, "项目「%s」：C %s，D %s，总得分 %s，等级 %s\n", f.Name, pending(f.C), dash(f.D), pending(f.Total), pending(f.Grade))
		}
	}
	errs, warns := 0, 0
	for _, p := range rep.Problems {
		if p.Level == string(forms.LevelError) {
			errs++
		} else {
			warns++
		}
	}
	fmt.Fprintf(w, "\n问题：错误 %d 个，警告 %d 个\n", errs, warns)
	for _, u := range rep.Unreadable {
		fmt.Fprintf(w, "未检查：%s 无法读取\n", forms.Shown(u.File))
	}
	for _, p := range rep.Problems {
		level := forms.Level(p.Level).Label()
		place := strings.Join(nonEmpty(forms.Shown(p.Form), forms.Shown(p.Section), forms.Shown(p.Row), forms.Shown(p.Field)), " › ")
		fmt.Fprintf(w, "[%s] %s：%s\n", level, place, forms.Shown(p.Message))
	}
}

// pending shows a total that is blank because its form is incomplete.
func pending(s string) string {
	if s == "" {
		return "（未完成）"
	}
	return s
}

func dash(s string) string {
	if s == "" {
		return "——"
	}
	return s
}

func nonEmpty(ss ...string) []string {
	var out []string
	for _, s := range ss {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}

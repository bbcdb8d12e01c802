package cli

import (
	"bytes"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"ziping/forms"
	"ziping/storage"
)

const sample = "../samples/fushun-shebao-2021.zpb"

// testVersion is the version the tests' runs are given.
const testVersion = "v9.8.7-test"

// runCLI is Run with the test version; handled is true when the command line handled args
// (false when they are for the window).
func runCLI(args []string, stdout, stderr io.Writer) (code int, handled bool) {
	code, window := Run(args, stdout, stderr, Info{Version: testVersion})
	return code, !window
}

func TestCheckJSONSample(t *testing.T) {
	var out, errOut bytes.Buffer
	code, handled := runCLI([]string{"check", "--json", sample}, &out, &errOut)
	if !handled || code != exitOK {
		t.Fatalf("code %d handled %v stderr %s", code, handled, errOut.String())
	}
	var rep checkReport
	if err := json.Unmarshal(out.Bytes(), &rep); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range rep.Forms {
		got = append(got, f.Kind+":"+f.Total+":"+f.C+":"+f.D+":"+f.Grade)
	}
	want := []string{"unit:97:::优", "project:96:86:10:优", "project:95:85:10:优", "project:95:85:10:优", "project:96:86:10:优"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Fatalf("forms %v, want %v", got, want)
	}
	if len(rep.Problems) == 0 || rep.Problems[0].Level != "warning" || rep.Problems[0].Message == "" {
		t.Fatalf("problems %v", rep.Problems)
	}
	// Numbers are strings in the JSON.
	if !bytes.Contains(out.Bytes(), []byte(`"total": "97"`)) {
		t.Error("total is not a string")
	}
}

func TestCheckText(t *testing.T) {
	var out, errOut bytes.Buffer
	code, _ := runCLI([]string{"check", sample}, &out, &errOut)
	if code != exitOK {
		t.Fatalf("code %d", code)
	}
	for _, want := range []string{"总评价得分 97，等级 优", "项目「新办公楼租金及物业费」：C 86，D 10，总得分 96", "问题：错误 0 个，警告", "[警告]"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
}

func TestCheckExitCodes(t *testing.T) {
	dir := t.TempDir()
	broken := filepath.Join(dir, "broken.zpb")
	os.WriteFile(broken, []byte(`{"format":"ziping",`), 0o644)
	withErr := filepath.Join(dir, "err.zpb")
	data, _ := os.ReadFile(sample)
	os.WriteFile(withErr, bytes.Replace(data, []byte(`"score": "38"`), []byte(`"score": "45"`), 1), 0o644)
	hebei := filepath.Join(dir, "hebei.zpb")
	os.WriteFile(hebei, bytes.Replace(data, []byte(`"settings": {`), []byte(`"settings": {"template": "hebei",`), 1), 0o644)
	tests := map[string]struct {
		args []string
		code int
		err  string
	}{
		"errors in document": {[]string{"check", withErr}, exitProblems, ""},
		"unreadable file":    {[]string{"check", broken}, exitUnusable, "无法打开“broken.zpb”"},
		"missing file":       {[]string{"check", filepath.Join(dir, "none.zpb")}, exitUnusable, "文件不存在"},
		"no file":            {[]string{"check"}, exitUnusable, "用法"},
		"bad flag":           {[]string{"check", "--bogus", sample}, exitUnusable, "用法"},
		"one bad of two":     {[]string{"check", sample, broken}, exitUnusable, "broken.zpb"},
		// never printed as another template (forms.UnknownTemplateError)
		"unknown template":        {[]string{"check", hebei}, exitUnusable, "表式“hebei”无法识别"},
		"unknown template export": {[]string{"export", "-o", filepath.Join(dir, "h.pdf"), hebei}, exitUnusable, "表式“hebei”无法识别"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			code, _ := runCLI(tc.args, &out, &errOut)
			if code != tc.code || !strings.Contains(errOut.String(), tc.err) {
				t.Fatalf("code %d stderr %q; want %d and %q", code, errOut.String(), tc.code, tc.err)
			}
			if strings.Contains(errOut.String(), "goroutine") {
				t.Fatal("stack trace on stderr")
			}
		})
	}
}

func TestGUIArgsNotHandled(t *testing.T) {
	t.Setenv("DISPLAY", ":0")
	for _, args := range [][]string{nil, {sample}} {
		if _, handled := runCLI(args, &bytes.Buffer{}, &bytes.Buffer{}); handled {
			t.Errorf("%v handled by the CLI", args)
		}
	}
}

func TestCheckReportsUnprintable(t *testing.T) {
	data, _ := os.ReadFile(sample)
	path := filepath.Join(t.TempDir(), "odd.zpb")
	os.WriteFile(path, bytes.Replace(data, []byte(`"content": "市级专项"`), []byte(`"content": "市级专项𠮷"`), 1), 0o644)
	var out bytes.Buffer
	code, _ := runCLI([]string{"check", path}, &out, &bytes.Buffer{})
	if code != exitOK || !strings.Contains(out.String(), "“𠮷”（U+20BB7）") || !strings.Contains(out.String(), "指标 1 › 内容") {
		t.Fatalf("code %d:\n%s", code, out.String())
	}
}

func TestExport(t *testing.T) {
	dir := t.TempDir()
	data, _ := os.ReadFile(sample)
	in := filepath.Join(dir, "doc.zpb")
	os.WriteFile(in, data, 0o644)
	var out, errOut bytes.Buffer
	if code, _ := runCLI([]string{"export", in}, &out, &errOut); code != exitOK {
		t.Fatalf("code %d: %s", code, errOut.String())
	}
	pdf, err := os.ReadFile(filepath.Join(dir, "doc.pdf"))
	if err != nil || !bytes.HasPrefix(pdf, []byte("%PDF-")) {
		t.Fatalf("no PDF beside the input: %v", err)
	}
	target := filepath.Join(dir, "out", "x.pdf")
	if code, _ := runCLI([]string{"export", "-o", target, in}, &out, &errOut); code != exitUnusable || !strings.Contains(errOut.String(), "无法写入") {
		t.Fatalf("export into a missing folder: code %d, %s", code, errOut.String())
	}
	if code, _ := runCLI([]string{"export", filepath.Join(dir, "none.zpb")}, &out, &errOut); code != exitUnusable {
		t.Fatalf("missing input: code %d", code)
	}
}

func TestVersion(t *testing.T) {
	var out, errOut bytes.Buffer
	code, handled := runCLI([]string{"version"}, &out, &errOut)
	if !handled || code != exitOK || !strings.Contains(out.String(), "v9.8.7-test") {
		t.Fatalf("version: handled=%v code=%d out=%q", handled, code, out.String())
	}
}

// TestCheckIncompleteProject: a project whose two scored rows lack their 全年完成值, budget
// 251.89 fully spent, beside a blank unit form: D 10, no total and no grade, one problem per
// row at 全年完成值, none from the unit form, and the export says what it left out.
func TestCheckIncompleteProject(t *testing.T) {
	doc := forms.NewDocument(2021)
	p := doc.AddProject()
	p.Name = "城乡居民养老保险经办"
	for _, l1 := range p.Indicators {
		for _, l2 := range l1.Children {
			l2.Rows = []*forms.Indicator{}
		}
	}
	p.Indicators[0].Children[0].Rows = []*forms.Indicator{{Op: forms.OpGE, Content: "参保人数", Target: "5000", Unit: "人", Weight: "60"}}
	p.Indicators[1].Children[1].Rows = []*forms.Indicator{{Content: "待遇按时发放率", Target: "不低于95%", Weight: "30"}}
	p.FundRow("S1").Full, p.FundRow("S1").Actual = "251.89", "251.89"
	data, err := forms.Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "未完成.zpb")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	var out, errOut bytes.Buffer
	code, _ := runCLI([]string{"check", "--json", path}, &out, &errOut)
	var rep checkReport
	if err := json.Unmarshal(out.Bytes(), &rep); err != nil || code != exitProblems {
		t.Fatalf("code %d, %v: %s %s", code, err, out.String(), errOut.String())
	}
	if len(rep.Forms) != 2 || !rep.Forms[0].NotFilled {
		t.Fatalf("forms %+v", rep.Forms)
	}
	if f := rep.Forms[1]; f.D != "10" || f.Total != "" || f.C != "" || f.Grade != "" {
		t.Fatalf("project %+v, want d 10 and no total, c or grade", f)
	}
	if !bytes.Contains(out.Bytes(), []byte(`"total": ""`)) || !bytes.Contains(out.Bytes(), []byte(`"grade": ""`)) {
		t.Errorf("JSON without blank total/grade:\n%s", out.String())
	}
	atActual := 0
	for _, pr := range rep.Problems {
		if pr.Form == forms.UnitFormName {
			t.Errorf("problem from the blank unit form: %+v", pr)
		}
		if pr.Field == "全年完成值" {
			atActual++
		}
	}
	if atActual != 2 {
		t.Errorf("%d problems at 全年完成值, want 2: %+v", atActual, rep.Problems)
	}
	out.Reset()
	if code, _ := runCLI([]string{"export", "-o", filepath.Join(t.TempDir(), "x.xlsx"), path}, &out, &errOut); code != exitOK ||
		!strings.Contains(out.String(), "单位整体绩效自评表未填写，未导出") || !strings.Contains(out.String(), "C、总得分和等级留空") {
		t.Errorf("export %d said %q", code, out.String())
	}
}

// TestReadmeListsWordingsAndUnits: the README's table of recognised target wordings and units
// names every entry of forms.Wordings and forms.UnitKinds.
func TestReadmeListsWordingsAndUnits(t *testing.T) {
	data, err := os.ReadFile("../docs/scoring.md")
	if err != nil {
		t.Fatal(err)
	}
	readme := string(data)
	for _, w := range forms.Wordings() {
		if !strings.Contains(readme, " "+w.Text+" ") {
			t.Errorf("README does not list the wording %q", w.Text)
		}
	}
	for _, k := range forms.UnitKinds() {
		if !strings.Contains(readme, "| "+k.Name+" |") {
			t.Errorf("README does not list the unit kind %q", k.Name)
		}
		for _, u := range k.Units {
			// The README names counts with 万/亿 by example ("万人"), not each one.
			if n := u.Names[0]; !strings.Contains(readme, n) && !(u.Factor != "1" && strings.ContainsAny(n, "万亿")) {
				t.Errorf("README does not list the unit %q", n)
			}
		}
	}
}

// TestCheckUnreadableNotCounted: a file check cannot read is said on stderr and named as not
// checked; it never shows as "问题：错误 0 个" as if it had been checked, and the exit code is 2.
func TestCheckUnreadableNotCounted(t *testing.T) {
	dir := t.TempDir()
	missing := filepath.Join(dir, "none.zpb")
	folder := filepath.Join(dir, "folder.zpb")
	if err := os.Mkdir(folder, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{missing, folder} {
		var out, errOut bytes.Buffer
		if code, _ := runCLI([]string{"check", bad}, &out, &errOut); code != exitUnusable || out.Len() != 0 || !strings.Contains(errOut.String(), "无法打开") {
			t.Errorf("%s: code %d, stdout %q, stderr %q", bad, code, out.String(), errOut.String())
		}
	}
	var out, errOut bytes.Buffer
	if code, _ := runCLI([]string{"check", sample, folder}, &out, &errOut); code != exitUnusable ||
		!strings.Contains(out.String(), "问题：错误 0 个") || !strings.Contains(out.String(), "未检查："+folder+" 无法读取") {
		t.Errorf("code %d, stdout %q", code, out.String())
	}
	out.Reset()
	runCLI([]string{"check", "--json", missing}, &out, &errOut)
	var rep checkReport
	if err := json.Unmarshal(out.Bytes(), &rep); err != nil {
		t.Fatal(err)
	}
	if len(rep.Forms) != 0 || len(rep.Unreadable) != 1 || rep.Unreadable[0].File != missing || !strings.Contains(rep.Unreadable[0].Message, "文件不存在") {
		t.Errorf("JSON %+v", rep)
	}
}

// TestUnknownCommand: a mistyped command or option, or a document that is not there, is
// refused with the usage and exit 2, without trying to open a window; an existing document
// goes to the window.
func TestUnknownCommand(t *testing.T) {
	t.Setenv("DISPLAY", ":0") // the window's arguments are told apart from a missing desktop
	for _, args := range [][]string{{"chek", sample}, {"chek"}, {"--bogus"}, {"-x", sample}, {sample, sample}} {
		var out, errOut bytes.Buffer
		code, handled := runCLI(args, &out, &errOut)
		if !handled || code != exitUnusable || !strings.Contains(errOut.String(), "不认识的命令或选项“"+args[0]+"”") || !strings.Contains(errOut.String(), "用法") {
			t.Errorf("%q: handled %v, code %d, stderr %q", args, handled, code, errOut.String())
		}
	}
	dir := t.TempDir()
	for arg, want := range map[string]string{
		filepath.Join(dir, "new.zpb"): "无法打开“" + filepath.Join(dir, "new.zpb") + "”：文件或文件夹不存在",
		"新文档.zpb":                     "无法打开“新文档.zpb”",
		"./chek":                      "无法打开“./chek”",
		dir:                           "“" + dir + "”是一个文件夹",
	} {
		var out, errOut bytes.Buffer
		code, handled := runCLI([]string{arg}, &out, &errOut)
		if runtime.GOOS == "windows" { // the window says it (Run's doc)
			if handled {
				t.Errorf("%q: handled on Windows, code %d, stderr %q", arg, code, errOut.String())
			}
			continue
		}
		if !handled || code != exitUnusable || !strings.Contains(errOut.String(), want) || !strings.Contains(errOut.String(), "用法") || out.Len() != 0 {
			t.Errorf("%q: handled %v, code %d, stderr %q", arg, handled, code, errOut.String())
		}
	}
	doc := filepath.Join(dir, "文档 2021.zpb")
	data, _ := os.ReadFile(sample)
	os.WriteFile(doc, data, 0o644)
	for _, args := range [][]string{{doc}, {sample}, nil} {
		var out, errOut bytes.Buffer
		if code, handled := runCLI(args, &out, &errOut); handled || code != 0 || out.Len()+errOut.Len() != 0 {
			t.Errorf("%q: handled %v, code %d, stdout %q, stderr %q; want the window", args, handled, code, out.String(), errOut.String())
		}
	}
}

// TestNoDesktop: where windows need X11 or Wayland, the window asked for with neither display
// set is one line naming the command line and ExitNoDesktop; the commands still run.
func TestNoDesktop(t *testing.T) {
	env := func(display, wayland string) func(string) string {
		return func(k string) string { return map[string]string{"DISPLAY": display, "WAYLAND_DISPLAY": wayland}[k] }
	}
	for _, tc := range []struct {
		goos             string
		display, wayland string
		want             bool
	}{
		{"linux", "", "", true},
		{"freebsd", "", "", true},
		{"linux", ":0", "", false},
		{"linux", "", "wayland-0", false},
		{"windows", "", "", false},
		{"darwin", "", "", false},
	} {
		if got := noDesktop(env(tc.display, tc.wayland), tc.goos); got != tc.want {
			t.Errorf("noDesktop(DISPLAY=%q WAYLAND_DISPLAY=%q, %s) = %v, want %v", tc.display, tc.wayland, tc.goos, got, tc.want)
		}
	}
	if !noDesktop(env("", ""), runtime.GOOS) {
		return // this system draws windows without X11 or Wayland: nothing more to see here
	}
	t.Setenv("DISPLAY", "")
	t.Setenv("WAYLAND_DISPLAY", "")
	for _, args := range [][]string{nil, {sample}} {
		var out, errOut bytes.Buffer
		code, handled := runCLI(args, &out, &errOut)
		if !handled || code != ExitNoDesktop || out.Len() != 0 || strings.Count(errOut.String(), "\n") != 1 ||
			!strings.Contains(errOut.String(), "图形桌面") || !strings.Contains(errOut.String(), "ziping help") {
			t.Errorf("%q: handled %v, code %d, stdout %q, stderr %q", args, handled, code, out.String(), errOut.String())
		}
	}
	var out bytes.Buffer
	if code, handled := runCLI([]string{"check", sample}, &out, &bytes.Buffer{}); !handled || code != exitOK || !strings.Contains(out.String(), "总评价得分 97") {
		t.Errorf("check without a desktop: code %d, %q", code, out.String())
	}
	if !strings.Contains(Usage, "退出码 3") || ExitNoDesktop != 3 {
		t.Errorf("the usage does not give the exit code %d without a desktop", ExitNoDesktop)
	}
}

// TestNearestCommand: a mistyped command gets the command it most likely meant, and a word far
// from every command gets no guess.
func TestNearestCommand(t *testing.T) {
	for word, want := range map[string]string{
		"chek": "check", "chekc": "check", "CHECK": "check", "exprot": "export", "--hlep": "help",
		"sumary": "summary", "improt": "import", "templat": "template", "verison": "version",
		"报告": "", "xyz": "", "exportall": "", "": "",
	} {
		if got := nearestCommand(word); got != want {
			t.Errorf("nearestCommand(%q) = %q, want %q", word, got, want)
		}
	}
	var out, errOut strings.Builder
	if code, window := Run([]string{"chek", "x.zpb"}, &out, &errOut, Info{}); code != exitUnusable || window ||
		!strings.Contains(errOut.String(), "不认识的命令或选项“chek”。是不是要输入“check”？") {
		t.Errorf("chek x.zpb: code %d, window %v, stderr:\n%s", code, window, errOut.String())
	}
}

// TestCheckNewDocument: a new document as the window makes it, and one with a new project and
// only the headers typed, report 未填写 and no error (forms.NotStarted).
func TestCheckNewDocument(t *testing.T) {
	doc := forms.NewDocument(2021)
	dir := t.TempDir()
	check := func(name string) string {
		t.Helper()
		path := filepath.Join(dir, name)
		if err := storage.Save(path, doc); err != nil {
			t.Fatal(err)
		}
		var out, errOut bytes.Buffer
		if code, _ := runCLI([]string{"check", path}, &out, &errOut); code != 0 || !strings.Contains(out.String(), "问题：错误 0 个") {
			t.Fatalf("%s: code %d: %s %s", name, code, out.String(), errOut.String())
		}
		return out.String()
	}
	if out := check("新文档.zpb"); !strings.Contains(out, "单位整体绩效自评表（）：未填写") {
		t.Errorf("new document:\n%s", out)
	}
	doc.Unit.Name = "某某中心"
	doc.AddProject().Name = "新项目"
	if out := check("新项目.zpb"); !strings.Contains(out, "项目「新项目」：未填写") || !strings.Contains(out, "不检查、不导出") {
		t.Errorf("a new project:\n%s", out)
	}
}

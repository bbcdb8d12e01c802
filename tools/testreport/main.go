// Command testreport reads `go test -json` on its standard input and prints what `go test`
// prints without -v (a line per package) plus, for every test that failed, its whole output,
// and for a package that failed outside its tests (a build error, a panic in TestMain, a
// timeout) all the output of that package. The Makefile pipes its test runs through it, so a
// failure in CI's log (.ci/run) says what failed, however much else ran. It exits with 1 when
// anything failed.
package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
)

// event is one line of `go test -json` (cmd/test2json), with the build events of Go 1.24.
type event struct {
	Action     string
	Package    string
	ImportPath string // build-output, build-fail
	Test       string
	Output     string
	Elapsed    float64
}

// report gathers the output of each package and test until it knows whether it failed.
type report struct {
	out    io.Writer
	logs   map[string]*strings.Builder // by package, and by package + "\x00" + test
	failed bool
}

func main() {
	r := &report{out: os.Stdout, logs: map[string]*strings.Builder{}}
	if err := r.read(os.Stdin); err != nil {
		fmt.Fprintln(os.Stderr, "testreport:", err)
		os.Exit(2)
	}
	if r.failed {
		os.Exit(1)
	}
}

func (r *report) read(in io.Reader) error {
	sc := bufio.NewScanner(in)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	for sc.Scan() {
		var e event
		if err := json.Unmarshal(sc.Bytes(), &e); err != nil || e.Action == "" {
			fmt.Fprintln(r.out, sc.Text()) // not an event: go vet's or the go command's own text
			continue
		}
		r.handle(e)
	}
	return sc.Err()
}

func (r *report) log(key string) *strings.Builder {
	b := r.logs[key]
	if b == nil {
		b = &strings.Builder{}
		r.logs[key] = b
	}
	return b
}

func (r *report) handle(e event) {
	key := e.Package
	if e.Test != "" {
		key += "\x00" + e.Test
	}
	switch e.Action {
	case "build-output":
		r.log("build\x00" + e.ImportPath).WriteString(e.Output)
	case "build-fail":
		r.failed = true
		fmt.Fprintf(r.out, "%s", r.log("build\x00"+e.ImportPath).String())
	case "output":
		r.log(key).WriteString(e.Output)
		if e.Test != "" {
			r.log(e.Package).WriteString(e.Output) // the package's log holds everything, for a failure outside a test
		} else {
			r.log(e.Package + "\x00").WriteString(e.Output) // and this, what no test printed
		}
	case "fail":
		r.failed = true
		if e.Test != "" {
			fmt.Fprintf(r.out, "=== output of the failed test %s (%s):\n%s", e.Test, e.Package, r.log(key).String())
		} else {
			r.packageFailed(e)
		}
		delete(r.logs, key)
		if e.Test == "" {
			delete(r.logs, key+"\x00")
		}
	case "pass", "skip":
		if e.Test == "" {
			r.packageDone(e)
			delete(r.logs, key+"\x00")
		}
		delete(r.logs, key)
	}
}

// packageDone prints go test's line for a package that passed (its last output line: "ok …" or
// "?   … [no test files]").
func (r *report) packageDone(e event) {
	lines := strings.Split(strings.TrimRight(r.log(e.Package).String(), "\n"), "\n")
	last := lines[len(lines)-1]
	if !strings.HasPrefix(last, "ok") && !strings.HasPrefix(last, "?") {
		last = fmt.Sprintf("ok  \t%s\t%.3fs", e.Package, e.Elapsed)
	}
	fmt.Fprintln(r.out, last)
}

// packageFailed prints the output of the package's tests that never ended (a timeout's panic
// and goroutines are printed as the running test's), then its whole output when no test of it
// failed (the failure is outside the tests), else what the package printed outside its tests (go test's "FAIL\tpackage",
// and what came after the failed tests: a timeout's panic and goroutines, a TestMain's
// message), the failed tests' output being printed already.
func (r *report) packageFailed(e event) {
	r.unfinished(e.Package)
	all := strings.TrimRight(r.log(e.Package).String(), "\n")
	own := strings.TrimRight(r.log(e.Package+"\x00").String(), "\n")
	switch {
	case !strings.Contains(all, "--- FAIL"):
		fmt.Fprintf(r.out, "=== output of %s, which failed outside its tests:\n%s\n", e.Package, all)
	case own != "":
		fmt.Fprintln(r.out, own)
	default:
		fmt.Fprintf(r.out, "FAIL\t%s\t%.3fs\n", e.Package, e.Elapsed)
	}
}

// unfinished prints, in name order, the output of each test of pkg that started and never
// passed nor failed, and forgets it.
func (r *report) unfinished(pkg string) {
	var keys []string
	for k := range r.logs {
		if test, ok := strings.CutPrefix(k, pkg+"\x00"); ok && test != "" {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	for _, k := range keys {
		_, test, _ := strings.Cut(k, "\x00")
		fmt.Fprintf(r.out, "=== output of the test %s (%s), which did not end:\n%s", test, pkg, r.logs[k].String())
		delete(r.logs, k)
	}
}

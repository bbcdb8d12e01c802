package main

import (
	"strings"
	"testing"
)

// goTestJSON is `go test -json` of five packages: one with a passing and a failing test, one
// whose TestMain panics, one that does not build, one that passes, and one with a failed test
// and a test that timed out (its panic printed as the running test's, which never ends).
const goTestJSON = `{"Action":"start","Package":"tr/a"}
{"Action":"run","Package":"tr/a","Test":"TestOK"}
{"Action":"output","Package":"tr/a","Test":"TestOK","Output":"=== RUN   TestOK\n"}
{"Action":"output","Package":"tr/a","Test":"TestOK","Output":"    a_test.go:3: quietly passed\n"}
{"Action":"pass","Package":"tr/a","Test":"TestOK"}
{"Action":"run","Package":"tr/a","Test":"TestBad"}
{"Action":"output","Package":"tr/a","Test":"TestBad","Output":"=== RUN   TestBad\n"}
{"Action":"output","Package":"tr/a","Test":"TestBad","Output":"    a_test.go:4: line one\n"}
{"Action":"output","Package":"tr/a","Test":"TestBad","Output":"    a_test.go:4: boom\n"}
{"Action":"output","Package":"tr/a","Test":"TestBad","Output":"--- FAIL: TestBad (0.00s)\n"}
{"Action":"fail","Package":"tr/a","Test":"TestBad"}
{"Action":"output","Package":"tr/a","Output":"FAIL\n"}
{"Action":"output","Package":"tr/a","Output":"FAIL\ttr/a\t0.017s\n"}
{"Action":"fail","Package":"tr/a","Elapsed":0.017}
{"Action":"start","Package":"tr/b"}
{"Action":"output","Package":"tr/b","Output":"panic: main broke\n"}
{"Action":"output","Package":"tr/b","Output":"FAIL\ttr/b\t0.016s\n"}
{"Action":"fail","Package":"tr/b","Elapsed":0.016}
{"ImportPath":"tr/c [tr/c.test]","Action":"build-output","Output":"c/c_test.go:3:27: undefined: undefined\n"}
{"ImportPath":"tr/c [tr/c.test]","Action":"build-fail"}
{"Action":"start","Package":"tr/d"}
{"Action":"output","Package":"tr/d","Output":"ok  \ttr/d\t0.010s\n"}
{"Action":"pass","Package":"tr/d","Elapsed":0.01}
{"Action":"start","Package":"tr/e"}
{"Action":"run","Package":"tr/e","Test":"TestFirst"}
{"Action":"output","Package":"tr/e","Test":"TestFirst","Output":"--- FAIL: TestFirst (0.00s)\n"}
{"Action":"fail","Package":"tr/e","Test":"TestFirst"}
{"Action":"run","Package":"tr/e","Test":"TestHangs"}
{"Action":"output","Package":"tr/e","Test":"TestHangs","Output":"=== RUN   TestHangs\n"}
{"Action":"output","Package":"tr/e","Test":"TestHangs","Output":"panic: test timed out after 2s\n"}
{"Action":"output","Package":"tr/e","Test":"TestHangs","Output":"goroutine 9 [select]: hangs.go:12\n"}
{"Action":"output","Package":"tr/e","Output":"FAIL\ttr/e\t2.008s\n"}
{"Action":"fail","Package":"tr/e","Elapsed":2.008}
`

// TestReport: the failed test's whole output, a package failing outside its tests with all its
// output, a build error, an ok line for a passing package; nothing of the passing test.
func TestReport(t *testing.T) {
	var out strings.Builder
	r := &report{out: &out, logs: map[string]*strings.Builder{}}
	if err := r.read(strings.NewReader(goTestJSON)); err != nil {
		t.Fatal(err)
	}
	got := out.String()
	for _, want := range []string{"a_test.go:4: line one", "--- FAIL: TestBad", "FAIL\ttr/a", "panic: main broke",
		"FAIL\ttr/b", "undefined: undefined", "ok  \ttr/d",
		"TestHangs (tr/e), which did not end", "panic: test timed out", "hangs.go:12", "FAIL\ttr/e"} {
		if !strings.Contains(got, want) {
			t.Errorf("no %q in:\n%s", want, got)
		}
	}
	if strings.Contains(got, "quietly passed") || !r.failed {
		t.Errorf("failed %v, report:\n%s", r.failed, got)
	}
}

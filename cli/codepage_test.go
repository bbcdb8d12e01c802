package cli

import (
	"bytes"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// TestOutputCodePage: the code page redirected text is written in, as Windows' start-up
// (internal/platform) describes stdout; 0 is UTF-8 as is.
func TestOutputCodePage(t *testing.T) {
	tests := []struct {
		name            string
		s               Stream
		forceUTF8, json bool
		want            uint32
	}{
		{"not Windows, or a console", Stream{}, false, false, 0},
		{"a console in 936", Stream{ConsoleCP: 936, ACP: 936}, false, false, 0},
		{"a file from cmd.exe in 936", Stream{Redirected: true, ConsoleCP: 936, ACP: 936}, false, false, 936},
		{"chcp 65001", Stream{Redirected: true, ConsoleCP: 65001, ACP: 936}, false, false, 0},
		{"chcp 437 on a Chinese Windows", Stream{Redirected: true, ConsoleCP: 437, ACP: 936}, false, false, 437},
		{"no console: the ANSI code page", Stream{Redirected: true, ACP: 936}, false, false, 936},
		{"no console, ACP UTF-8", Stream{Redirected: true, ACP: 65001}, false, false, 0},
		{"--utf8", Stream{Redirected: true, ConsoleCP: 936, ACP: 936}, true, false, 0},
		{"--json", Stream{Redirected: true, ConsoleCP: 936, ACP: 936}, false, true, 0},
	}
	for _, tt := range tests {
		if got := outputCodePage(tt.s, tt.forceUTF8, tt.json); got != tt.want {
			t.Errorf("%s: code page %d, want %d", tt.name, got, tt.want)
		}
	}
}

// TestWantsUTF8: --utf8 is taken out wherever it is; --json is seen, not taken out.
func TestWantsUTF8(t *testing.T) {
	rest, u, j := wantsUTF8([]string{"check", "--utf8", "--json", "a.zpb"})
	if strings.Join(rest, " ") != "check --json a.zpb" || !u || !j {
		t.Errorf("got %q utf8=%v json=%v", rest, u, j)
	}
	if _, u, j := wantsUTF8([]string{"check", "--json=false", "a.zpb"}); u || j {
		t.Errorf("--json=false: utf8=%v json=%v", u, j)
	}
}

// TestRedirectedOutputInGBK: `ziping check 文件.zpb > 结果.txt` in code page 936 writes GBK
// that decodes to the UTF-8 text; a character GBK lacks is a "?" and the line goes on;
// --utf8 and --json write UTF-8.
func TestRedirectedOutputInGBK(t *testing.T) {
	gbk := Info{Stdout: Stream{Redirected: true, ConsoleCP: 936, ACP: 936}, Stderr: Stream{Redirected: true, ConsoleCP: 936}}
	var utf, out, errOut bytes.Buffer
	wantCode, _ := Run([]string{"check", sample}, &utf, &errOut, Info{})
	code, _ := Run([]string{"check", sample}, &out, &errOut, gbk)
	if code != wantCode {
		t.Fatalf("exit code %d in 936, %d in UTF-8", code, wantCode)
	}
	// GBK has no ›, which some messages use (文档设置 › 表式): it is written as >.
	want, err := simplifiedchinese.GBK.NewEncoder().String(strings.ReplaceAll(utf.String(), "›", ">"))
	if err != nil {
		t.Fatal(err)
	}
	if out.String() != want || bytes.Equal(out.Bytes(), utf.Bytes()) {
		t.Errorf("check's output in 936 is not the GBK of its UTF-8 output:\n%q", out.String()[:min(200, out.Len())])
	}
	for _, args := range [][]string{{"check", "--utf8", sample}, {"check", "--json", sample}} {
		var u, j bytes.Buffer
		Run(args, &u, &errOut, gbk)
		Run(args, &j, &errOut, Info{})
		if !bytes.Equal(u.Bytes(), j.Bytes()) {
			t.Errorf("%q in 936 differs from UTF-8", args)
		}
	}
	// 𠀀 (U+20000) is not in GBK; 〇 is.
	var b bytes.Buffer
	w := newEncodingWriter(&b, 936)
	if _, err := w.Write([]byte("单位：𠀀〇社保局\n下一行\n")); err != nil {
		t.Fatal(err)
	}
	got, _ := simplifiedchinese.GBK.NewDecoder().String(b.String())
	if got != "单位：?〇社保局\n下一行\n" {
		t.Errorf("a character GBK lacks: %q", got)
	}
	// Code pages not in the table, and UTF-8, pass the bytes through.
	for _, cp := range []uint32{0, 65001, 12345} {
		var b bytes.Buffer
		newEncodingWriter(&b, cp).Write([]byte("社保\xff"))
		if b.String() != "社保\xff" {
			t.Errorf("code page %d changed the bytes: %q", cp, b.String())
		}
	}
}

package forms

import (
	"strings"
	"testing"
)

func TestShownEscapesWhatDeceives(t *testing.T) {
	cases := []struct{ in, one, lines string }{
		{"抚顺市社会保险事业服务中心", "抚顺市社会保险事业服务中心", "抚顺市社会保险事业服务中心"},
		{`C:\用户\a.pdf`, `C:\用户\a.pdf`, `C:\用户\a.pdf`},
		{"a\x1b[2Kb", `a\u001B[2Kb`, `a\u001B[2Kb`},
		{"错误 2 个\r错误 0 个", `错误 2 个\u000D错误 0 个`, `错误 2 个\u000D错误 0 个`},
		{"a\nb\tc", `a\u000Ab\u0009c`, "a\nb\tc"},
		{"report\u202Efdp.exe", `report\u202Efdp.exe`, `report\u202Efdp.exe`},
		{"\u2066x\u2069\u200e\u200f\u061c\u2028", `\u2066x\u2069\u200E\u200F\u061C\u2028`, `\u2066x\u2069\u200E\u200F\u061C\u2028`},
		{"del\x7f c1\u0085\u009b", `del\u007F c1\u0085\u009B`, `del\u007F c1\u0085\u009B`},
		{"bad\xff\xfe", `bad\xFF\xFE`, `bad\xFF\xFE`},
		{"emoji 👨\u200d👩 zero\u200bwidth", "emoji 👨\u200d👩 zero\u200bwidth", "emoji 👨\u200d👩 zero\u200bwidth"},
	}
	for _, c := range cases {
		if got := Shown(c.in); got != c.one {
			t.Errorf("Shown(%q) = %q, want %q", c.in, got, c.one)
		}
		if got := ShownLines(c.in); got != c.lines {
			t.Errorf("ShownLines(%q) = %q, want %q", c.in, got, c.lines)
		}
	}
}

// TestShownLeavesNothingDeceptive: whatever the input, what Shown returns holds no deceptive
// character and no invalid UTF-8.
func TestShownLeavesNothingDeceptive(t *testing.T) {
	var all strings.Builder
	for r := rune(0); r < 0x3000; r++ {
		all.WriteRune(r)
	}
	all.WriteString("\xff\xc0")
	out := Shown(all.String())
	for _, r := range out {
		if Deceptive(r) || r == 0xfffd {
			t.Fatalf("Shown left %U", r)
		}
	}
}

func TestFileNameText(t *testing.T) {
	for in, want := range map[string]string{
		"2021年抚顺市社保中心绩效自评":      "2021年抚顺市社保中心绩效自评",
		"抚顺\u202Efdp.exe":       "抚顺_fdp.exe",
		"a/b\\c:d*e?f\"g<h>i|j": "a_b_c_d_e_f_g_h_i_j",
		"tab\tnew\nline\x1b[2J": "tab_new_line_[2J",
		"单位. . ":                "单位",
		"bad\xff":               "bad_",
	} {
		if got := FileNameText(in); got != want {
			t.Errorf("FileNameText(%q) = %q, want %q", in, got, want)
		}
	}
}

// BenchmarkShownLines: what the command line's escaping costs per MB of common output (Chinese
// text and ASCII, nothing to escape), and per MB with an escape on every line.
func BenchmarkShownLines(b *testing.B) {
	plain := strings.Repeat("项目「社会保障行政运行费」：C 86，D 10，总得分 96，等级 优\n", 1<<20/80)
	hostile := strings.Repeat("项目「社会保障\u202E行政运行费」：C 86，D 10\x1b[2K\n", 1<<20/80)
	for name, s := range map[string]string{"plain": plain, "escapes": hostile} {
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(s)))
			for b.Loop() {
				ShownLines(s)
			}
		})
	}
}

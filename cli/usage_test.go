package cli

import (
	"os"
	"strings"
	"testing"
)

// TestManualShowsUsage: the manual's 命令行 section is the usage as `ziping help` prints it.
func TestManualShowsUsage(t *testing.T) {
	data, err := os.ReadFile("../docs/用户手册.md")
	if err != nil {
		t.Fatal(err)
	}
	_, block, ok := strings.Cut(string(data), "## 命令行\n\n```\n")
	block, _, ok2 := strings.Cut(block, "```")
	if !ok || !ok2 {
		t.Fatal("no usage block under ## 命令行")
	}
	_, want, _ := strings.Cut(Usage, "用法：\n")
	want = strings.ReplaceAll(strings.TrimPrefix(want, "  "), "\n  ", "\n")
	if block != want {
		t.Errorf("the manual's usage differs from cli.Usage:\n%s\nwant:\n%s", block, want)
	}
}

//go:build unix

package export

import (
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"ziping/forms"
)

// TestPackSpecialFiles: a named pipe (whose open would wait forever) and a device are listed
// as missing, never read.
func TestPackSpecialFiles(t *testing.T) {
	doc, dir := packFixture(t)
	fifo := filepath.Join(dir, "管道")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	doc.Unit.BudgetEvidence = []forms.Evidence{{Name: "管道", Path: fifo}, {Name: "设备", Path: "/dev/zero"}}
	res, err := Pack(filepath.Join(dir, "a.zip"), doc, PackOptions{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, m := range res.Missing {
		if m.Name == "管道" || m.Name == "设备" {
			n++
			if !strings.Contains(m.Reason, "不是普通文件") {
				t.Errorf("%s: %s", m.Name, m.Reason)
			}
		}
	}
	if n != 2 {
		t.Errorf("missing: %+v", res.Missing)
	}
}

package cli

import (
	"bytes"
	"os"
	"strings"
	"testing"
)

// TestCheckToDevFull: `ziping check sample > /dev/full` exits non-zero, saying why on stderr.
func TestCheckToDevFull(t *testing.T) {
	full, err := os.OpenFile("/dev/full", os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer full.Close()
	var errOut bytes.Buffer
	code, _ := runCLI([]string{"check", sample}, full, &errOut)
	if code != exitUnusable || !strings.Contains(errOut.String(), "磁盘空间已满") {
		t.Errorf("code %d, stderr %q", code, errOut.String())
	}
}

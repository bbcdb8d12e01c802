package app

import (
	"os"
	"os/exec"
	"strings"
	"testing"
)

// TestEveryLinkedModuleHasALicence: every module linked into the program (for Linux and for
// Windows, as `go list -deps` of the main package gives them) is named in 关于's licence list.
func TestEveryLinkedModuleHasALicence(t *testing.T) {
	listed := ""
	for _, l := range licences {
		listed += l.module + "\n"
	}
	for _, goos := range []string{"linux", "windows"} {
		cmd := exec.Command("go", "list", "-deps", "-f", "{{if .Module}}{{.Module.Path}}{{end}}", "..")
		cmd.Env = append(os.Environ(), "GOOS="+goos, "CGO_ENABLED=1") // Fyne's drivers are cgo
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("go list for %s: %v", goos, err)
		}
		for _, m := range strings.Fields(string(out)) {
			if m != "ziping" && !strings.HasSuffix(m, ".local") && !strings.Contains(listed, m) { // ziping and internal/clocale are this repository's
				t.Errorf("%s: the module %s is linked into the program but 关于 does not list its licence (app/about.go)", goos, m)
			}
		}
	}
}

package app

import (
	"os"
	"os/exec"
	"strings"
	"testing"
)

// licencedModules are the module paths 关于's licence list names, exactly: an entry's note in
// full-width brackets is dropped and "、" separates the modules one entry covers.
func licencedModules() map[string]bool {
	paths := map[string]bool{}
	for _, l := range licences {
		name, _, _ := strings.Cut(l.module, "（")
		for _, m := range strings.Split(name, "、") {
			paths[strings.TrimSpace(m)] = true
		}
	}
	return paths
}

// TestEveryLinkedModuleHasALicence: every module linked into the program (for Linux and for
// Windows, as `go list -deps` of the main package gives them) is named, by its exact path, in
// 关于's licence list, and the list names no module the program does not link.
func TestEveryLinkedModuleHasALicence(t *testing.T) {
	listed := licencedModules()
	linked := map[string]bool{}
	for _, goos := range []string{"linux", "windows"} {
		cmd := exec.Command("go", "list", "-deps", "-f", "{{if .Module}}{{.Module.Path}}{{end}}", "..")
		cmd.Env = append(os.Environ(), "GOOS="+goos, "CGO_ENABLED=1") // Fyne's drivers are cgo
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("go list for %s: %v", goos, err)
		}
		for _, m := range strings.Fields(string(out)) {
			linked[m] = true
			if m != "ziping" && !strings.HasSuffix(m, ".local") && !listed[m] { // ziping and internal/clocale are this repository's
				t.Errorf("%s: the module %s is linked into the program but 关于 does not list its licence (app/about.go)", goos, m)
			}
		}
	}
	for m := range listed {
		if strings.Contains(m, ".") && !linked[m] { // "Go 标准库与运行时" is no module path
			t.Errorf("关于 lists the licence of %s, which the program does not link (app/about.go)", m)
		}
	}
}

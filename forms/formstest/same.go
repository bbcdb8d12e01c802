package formstest

import (
	"bytes"
	"strings"
	"testing"

	"ziping/forms"
)

// SameSaved fails t unless got saves (forms.Marshal) to the same bytes as want, naming the first
// lines that differ; what says which documents are compared ("the first round trip").
func SameSaved(t testing.TB, what string, got, want *forms.Document) {
	t.Helper()
	g, err := forms.Marshal(got)
	if err != nil {
		t.Fatal(err)
	}
	w, err := forms.Marshal(want)
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Equal(g, w) {
		return
	}
	gl, wl := strings.Split(string(g), "\n"), strings.Split(string(w), "\n")
	for i, shown := 0, 0; i < max(len(gl), len(wl)) && shown < 10; i++ {
		var a, b string
		if i < len(gl) {
			a = gl[i]
		}
		if i < len(wl) {
			b = wl[i]
		}
		if a != b {
			t.Errorf("%s: saved line %d is %s, want %s", what, i+1, strings.TrimSpace(a), strings.TrimSpace(b))
			shown++
		}
	}
}

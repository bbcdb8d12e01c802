package app

import "testing"

// On macOS the messages name the Command key, which is what Fyne's default shortcut modifier is
// there; elsewhere Ctrl.
func TestKeyTextDarwin(t *testing.T) {
	for _, c := range []struct{ goos, in, want string }{
		{"darwin", "Ctrl+C", "Cmd+C"},
		{"darwin", "Ctrl+Shift+V", "Cmd+Shift+V"},
		{"darwin", "Esc", "Esc"},
		{"windows", "Ctrl+Shift+V", "Ctrl+Shift+V"},
		{"linux", "Ctrl+Z", "Ctrl+Z"},
	} {
		if got := keyTextFor(c.goos, c.in); got != c.want {
			t.Errorf("keyTextFor(%q, %q) = %q, want %q", c.goos, c.in, got, c.want)
		}
	}
}

package glfw

// zipingPatchX11Window is the SHA-256 of glfw/src/x11_window.c as Ziping patched it
// (ZIPING-PATCH.md). The go command hashes only the files of a package's own folder, not the C
// files c_glfw_lin.go includes from glfw/src, so a change there must change this file too, or a
// cached build of the code before the change is linked; Ziping's TestGLFWPatch checks the value.
const zipingPatchX11Window = "sha256:68e7ef6da24787b833ba64281aee93d2d4f3692c7566666dd0f64ee47c85b632"

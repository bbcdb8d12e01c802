//go:build cgo

package platform

// The window's exe must not import OPENGL32.dll statically, or Mesa's opengl32.dll could never
// replace the system's (mesa_windows.go): the loader would bind the system's before main runs.
// GLFW and Fyne's go-gl load opengl32.dll with LoadLibrary, except one call: go-gl's
// GlowGetProcAddress (github.com/go-gl/gl/v2.1/gl/procaddr.go) calls wglGetProcAddress,
// declared dllimport by <windows.h>, that is through the pointer __imp_wglGetProcAddress, which
// the linker takes from MinGW's libopengl32.a, adding OPENGL32.dll to the exe's imports.
// Defining that pointer here, in an object the linker reads before any library, leaves the
// library's member unused: the call goes to the function below, which finds wglGetProcAddress
// in whichever opengl32.dll the process has loaded (LoadLibrary of a loaded module's name
// returns that module), the system's or Mesa's. tools/wine/smoke.sh checks that the exe imports
// no OPENGL32.dll.

/*
#include <windows.h>

static PROC WINAPI zipingWglGetProcAddress(LPCSTR name) {
	static PROC (WINAPI *real)(LPCSTR);
	if (real == NULL) {
		HMODULE gl = LoadLibraryA("opengl32.dll");
		if (gl != NULL) {
			real = (PROC (WINAPI *)(LPCSTR))(void *)GetProcAddress(gl, "wglGetProcAddress");
		}
		if (real == NULL) {
			return NULL;
		}
	}
	return real(name);
}

__attribute__((used)) PROC (WINAPI *__imp_wglGetProcAddress)(LPCSTR) = zipingWglGetProcAddress;
*/
import "C"

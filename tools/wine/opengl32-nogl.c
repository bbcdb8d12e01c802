/*
 * opengl32.dll without OpenGL (tools/wine/smoke.sh only; never shipped): imitates a Windows
 * PC whose graphics driver offers no usable OpenGL (a virtual machine without 3D acceleration,
 * a Remote Desktop session, an old Intel driver), where Fyne cannot create its window. Every
 * function fails: no pixel formats, no context. smoke.sh puts it beside a copy of ziping.exe
 * with WINEDLLOVERRIDES=opengl32=n and expects the message box of
 * internal/platform/nowindow_windows.go and exit code 3 instead of a silent death.
 *
 * It exports what ziping.exe imports from OPENGL32 (wglGetProcAddress, through go-gl) and what
 * GLFW (GetProcAddress), gdi32's pixel-format functions and internal/platform/opengl_windows.go
 * look up; a missing static import would stop the exe at load with no message at all.
 *
 * Build: x86_64-w64-mingw32-gcc -shared -o opengl32.dll opengl32-nogl.c
 */
#define _GDI32_ /* wingdi.h declares these as imports otherwise */
#include <windows.h>

typedef unsigned char GLubyte;

#define FAIL(ret, name, ...) \
	__declspec(dllexport) ret WINAPI name(__VA_ARGS__) \
	{ SetLastError(ERROR_NOT_SUPPORTED); return 0; }

FAIL(PROC, wglGetProcAddress, LPCSTR n)
FAIL(HGLRC, wglCreateContext, HDC dc)
FAIL(BOOL, wglDeleteContext, HGLRC c)
FAIL(BOOL, wglMakeCurrent, HDC dc, HGLRC c)
FAIL(HGLRC, wglGetCurrentContext, void)
FAIL(HDC, wglGetCurrentDC, void)
FAIL(BOOL, wglShareLists, HGLRC a, HGLRC b)
FAIL(BOOL, wglSwapBuffers, HDC dc)
FAIL(int, wglChoosePixelFormat, HDC dc, const PIXELFORMATDESCRIPTOR *p)
FAIL(int, wglDescribePixelFormat, HDC dc, int i, UINT n, PIXELFORMATDESCRIPTOR *p)
FAIL(int, wglGetPixelFormat, HDC dc)
FAIL(BOOL, wglSetPixelFormat, HDC dc, int i, const PIXELFORMATDESCRIPTOR *p)
FAIL(const GLubyte *, glGetString, unsigned int name)

package platform

import (
	"errors"
	"fmt"
	"runtime"
	"syscall"
	"unsafe"
)

var (
	user32                  = syscall.NewLazyDLL("user32.dll")
	gdi32                   = syscall.NewLazyDLL("gdi32.dll")
	opengl32                = syscall.NewLazyDLL("opengl32.dll")
	procCreateWindowExW     = user32.NewProc("CreateWindowExW")
	procDestroyWindow       = user32.NewProc("DestroyWindow")
	procGetDC               = user32.NewProc("GetDC")
	procReleaseDC           = user32.NewProc("ReleaseDC")
	procDescribePixelFormat = gdi32.NewProc("DescribePixelFormat")
	procSetPixelFormat      = gdi32.NewProc("SetPixelFormat")
	procWglCreateContext    = opengl32.NewProc("wglCreateContext")
	procWglDeleteContext    = opengl32.NewProc("wglDeleteContext")
	procWglMakeCurrent      = opengl32.NewProc("wglMakeCurrent")
	procGlGetString         = opengl32.NewProc("glGetString")
)

// pixelFormatDescriptor is Windows' PIXELFORMATDESCRIPTOR (40 bytes).
type pixelFormatDescriptor struct {
	Size, Version                                 uint16
	Flags                                         uint32
	PixelType, ColorBits                          uint8
	RedBits, RedShift, GreenBits, GreenShift      uint8
	BlueBits, BlueShift, AlphaBits, AlphaShift    uint8
	AccumBits, AccumRed, AccumGreen, AccumBlue    uint8
	AccumAlpha, DepthBits, StencilBits, AuxBuffer uint8
	LayerType, Reserved                           uint8
	LayerMask, VisibleMask, DamageMask            uint32
}

const (
	pfdDoubleBuffer       = 0x1
	pfdDrawToWindow       = 0x4
	pfdSupportOpenGL      = 0x20
	pfdGenericFormat      = 0x40
	pfdGenericAccelerated = 0x1000
	pfdTypeRGBA           = 0
	glVendor              = 0x1F00
	glRenderer            = 0x1F01
	glVersion             = 0x1F02
	wsPopup               = 0x80000000
)

// errNoOpenGL: Windows offers no OpenGL pixel format but Microsoft's own software one
// (OpenGL 1.1), as on a Remote Desktop session or a virtual machine without 3D acceleration.
var errNoOpenGL = errors.New("没有可用的 OpenGL 像素格式（显卡驱动不支持 OpenGL，或只有 Windows 自带的 OpenGL 1.1 软件实现）")

// probeOpenGL does what Fyne's window (GLFW's WGL code) will do, on a hidden window of its
// own: find an OpenGL pixel format that is not Microsoft's generic software one, create a
// context and read its version, which must be 2.1 or later (Fyne's GL driver). GLFW cannot
// report such a failure to the user: Fyne only logs it and exits.
func probeOpenGL() error {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	class, _ := syscall.UTF16PtrFromString("STATIC")
	hwnd, _, err := procCreateWindowExW.Call(0, uintptr(unsafe.Pointer(class)), 0, wsPopup,
		0, 0, 16, 16, 0, 0, 0, 0)
	if hwnd == 0 {
		return fmt.Errorf("无法创建窗口：%v", err)
	}
	defer procDestroyWindow.Call(hwnd)
	dc, _, _ := procGetDC.Call(hwnd)
	if dc == 0 {
		return errors.New("无法取得窗口的绘图设备")
	}
	defer procReleaseDC.Call(hwnd, dc)
	pf, pfd := usablePixelFormat(dc)
	if pf == 0 {
		return errNoOpenGL
	}
	if r, _, err := procSetPixelFormat.Call(dc, uintptr(pf), uintptr(unsafe.Pointer(&pfd))); r == 0 {
		return fmt.Errorf("无法设置 OpenGL 像素格式：%v", err)
	}
	ctx, _, err := procWglCreateContext.Call(dc)
	if ctx == 0 {
		return fmt.Errorf("无法创建 OpenGL 上下文（wglCreateContext：%v）", err)
	}
	defer procWglDeleteContext.Call(ctx)
	if r, _, err := procWglMakeCurrent.Call(dc, ctx); r == 0 {
		return fmt.Errorf("无法使用 OpenGL 上下文（wglMakeCurrent：%v）", err)
	}
	defer procWglMakeCurrent.Call(0, 0)
	version, renderer := glString(glVersion), glString(glRenderer)
	if !openGLAtLeast21(version) {
		return fmt.Errorf("OpenGL 版本 %q（%s，%s）低于需要的 2.1", version, renderer, glString(glVendor))
	}
	return nil
}

// usablePixelFormat returns the first pixel format GLFW would accept for a window, or 0.
func usablePixelFormat(dc uintptr) (int, pixelFormatDescriptor) {
	var pfd pixelFormatDescriptor
	size := unsafe.Sizeof(pfd)
	n, _, _ := procDescribePixelFormat.Call(dc, 1, size, uintptr(unsafe.Pointer(&pfd)))
	const want = pfdDrawToWindow | pfdSupportOpenGL | pfdDoubleBuffer
	for i := 1; i <= int(n); i++ {
		pfd = pixelFormatDescriptor{}
		if r, _, _ := procDescribePixelFormat.Call(dc, uintptr(i), size, uintptr(unsafe.Pointer(&pfd))); r == 0 {
			continue
		}
		generic := pfd.Flags&pfdGenericFormat != 0 && pfd.Flags&pfdGenericAccelerated == 0
		if pfd.Flags&want == want && pfd.PixelType == pfdTypeRGBA && !generic {
			return i, pfd
		}
	}
	return 0, pfd
}

// glString returns glGetString(name) of the current context, or "".
func glString(name uintptr) string {
	r, _, _ := procGlGetString.Call(name)
	// The string belongs to the driver, outside Go's heap; read through a *byte, not a uintptr.
	p := *(**byte)(unsafe.Pointer(&r))
	if p == nil {
		return ""
	}
	var b []byte
	for i := 0; i < 256; i++ {
		c := *(*byte)(unsafe.Add(unsafe.Pointer(p), i))
		if c == 0 {
			break
		}
		b = append(b, c)
	}
	return string(b)
}

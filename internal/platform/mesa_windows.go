package platform

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"unsafe"
)

// The fallback for PCs whose graphics driver gives no OpenGL 2.1 (virtual machines and cloud
// desktops without 3D acceleration, Remote Desktop, old Intel drivers): Mesa's software OpenGL
// (softpipe), built by tools/mesa/build.sh and shipped as mesa\opengl32.dll and
// mesa\libgallium_wgl.dll beside the exe (assets/windows/mesa/README.md).
//
// Never beside the exe itself: Windows looks for a DLL in the exe's folder first, so an
// opengl32.dll there would replace every PC's working driver. In mesa\ it is used only when
// the probe (opengl_windows.go) fails. It cannot be switched to within the process that probed:
// the probe loaded the system's opengl32.dll, and a later LoadLibrary("opengl32.dll") of GLFW
// or go-gl would return that module rather than Mesa's. So the program starts itself again with
// mesaEnv set; that second process loads Mesa's DLL by its full path before anything loads an
// opengl32.dll (the exe imports none: glimport_windows.go), so that every later
// LoadLibrary("opengl32.dll") — GLFW's, go-gl's, gdi32's for the pixel format — gets Mesa's,
// then probes again. The first process waits and exits with the second's exit code.

// mesaEnv in the environment makes a window start use Mesa's DLL without probing the driver
// first ("mesa"): set by the fallback for the process it starts, and usable by hand when a
// driver passes the probe but draws wrongly. mesaCauseEnv carries the driver's failure, for
// the message should Mesa fail too.
const (
	mesaEnv      = "ZIPING_OPENGL"
	mesaCauseEnv = "ZIPING_OPENGL_CAUSE"
)

// loadWithAlteredSearchPath makes LoadLibraryEx look for the DLL's own imports
// (libgallium_wgl.dll) in the DLL's folder.
const loadWithAlteredSearchPath = 0x8

var procLoadLibraryExW = kernel32.NewProc("LoadLibraryExW")

// usingMesa is set once Mesa's opengl32.dll is loaded and passed the probe; see Renderer.
var usingMesa bool

// Renderer names the OpenGL the window draws with when it is not the graphics driver's:
// "软件渲染（Mesa）" after the fallback, "" otherwise.
func Renderer() string {
	if usingMesa {
		return "软件渲染（Mesa）"
	}
	return ""
}

// mesaDLL is the full path of the shipped mesa\opengl32.dll, whether or not it exists.
func mesaDLL() string {
	exe, err := os.Executable()
	if err != nil {
		return ""
	}
	return filepath.Join(filepath.Dir(exe), "mesa", "opengl32.dll")
}

// fallBackToMesa runs when the driver failed the probe with cause: it starts the program again
// on Mesa and exits with that process's exit code, or, without mesa\opengl32.dll, shows the
// message of nowindow_windows.go and exits with exitNoWindow.
func fallBackToMesa(cause error) {
	dll := mesaDLL()
	if st, err := os.Stat(dll); err != nil || !st.Mode().IsRegular() {
		showNoWindow(cause)
		os.Exit(exitNoWindow)
	}
	fmt.Fprintf(os.Stderr, "绩效自评：显卡驱动没有可用的 OpenGL 2.1（%v），改用软件渲染（Mesa）\n", cause)
	code, err := restartWithMesa(cause)
	if err != nil {
		showNoWindow(fmt.Errorf("%v；无法以软件渲染（Mesa）重新启动：%v", cause, err))
		os.Exit(exitNoWindow)
	}
	os.Exit(code)
}

// restartWithMesa starts this exe again with the same arguments and mesaEnv=mesa, waits for it
// and returns its exit code. The standard handles are passed on where this process has them (a
// window start from Explorer has none).
func restartWithMesa(cause error) (int, error) {
	exe, err := os.Executable()
	if err != nil {
		return 0, err
	}
	cmd := exec.Command(exe, os.Args[1:]...)
	cmd.Env = append(os.Environ(), mesaEnv+"=mesa", mesaCauseEnv+"="+cause.Error())
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	if cmd.Start() != nil {
		cmd = exec.Command(exe, os.Args[1:]...)
		cmd.Env = append(os.Environ(), mesaEnv+"=mesa", mesaCauseEnv+"="+cause.Error())
		if err := cmd.Start(); err != nil {
			return 0, err
		}
	}
	err = cmd.Wait()
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		return exit.ExitCode(), nil
	}
	return 0, err
}

// startOnMesa is a window start in the process the fallback started: load Mesa's DLL, then
// probe it as the driver was probed. On failure the message says why both failed, and the
// program exits with exitNoWindow.
func startOnMesa() {
	err := loadMesa(mesaDLL())
	if err == nil {
		err = probeOpenGL()
	}
	if err != nil {
		cause := "软件渲染（Mesa）：" + err.Error()
		if driver := os.Getenv(mesaCauseEnv); driver != "" {
			cause = driver + "；" + cause
		}
		showNoWindow(errors.New(cause))
		os.Exit(exitNoWindow)
	}
	usingMesa = true
	fmt.Fprintln(os.Stderr, "绩效自评：使用软件渲染（Mesa）")
}

// loadMesa loads path (mesa\opengl32.dll) by its full path, with its libgallium_wgl.dll from the
// same folder. It stays loaded for the life of the process.
func loadMesa(path string) error {
	if path == "" {
		return errors.New("找不到程序自己的位置")
	}
	p, err := syscall.UTF16PtrFromString(path)
	if err != nil {
		return err
	}
	h, _, e := procLoadLibraryExW.Call(uintptr(unsafe.Pointer(p)), 0, loadWithAlteredSearchPath)
	if h == 0 {
		return fmt.Errorf("无法加载 %s：%v", path, e)
	}
	return nil
}

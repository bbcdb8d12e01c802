package platform

import (
	"syscall"
	"unsafe"
)

// RunningMutex is the name of the mutex a window start of 绩效自评 holds while it runs, in this
// user's session ("Local\"): the installer and the uninstaller (tools/windows/installer.nsi)
// open it to tell that the program is running, since Windows keeps a running exe from being
// replaced or removed. The two spellings must stay the same.
const RunningMutex = `Local\绩效自评-运行中`

var (
	procCreateMutexW = kernel32.NewProc("CreateMutexW")
	running          uintptr // the mutex's handle, held until the process ends
)

// markRunning creates RunningMutex; Windows closes it when the process ends, however it ends.
// Failing to create it costs nothing but the installer's question.
func markRunning() {
	name, _ := syscall.UTF16PtrFromString(RunningMutex)
	running, _, _ = procCreateMutexW.Call(0, 0, uintptr(unsafe.Pointer(name)))
}

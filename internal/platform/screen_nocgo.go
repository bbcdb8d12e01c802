//go:build !cgo

package platform

// WorkArea: without cgo there is no window, and no screen to ask (screen_glfw.go).
func WorkArea() (width, height, scale float32) { return 0, 0, 1 }

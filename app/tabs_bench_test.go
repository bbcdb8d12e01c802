//go:build unix

package app

import (
	"fmt"
	"image/color"
	"syscall"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
)

// cpuClock adds up the processor time (user and system, every thread: the garbage collector
// too) of the timed parts of a benchmark; ns/op is wall-clock time, which the other work on a
// shared machine lengthens.
type cpuClock struct{ from, total time.Duration }

func cpuNow() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func (c *cpuClock) start() { c.from = cpuNow() }
func (c *cpuClock) stop()  { c.total += cpuNow() - c.from }

// report adds the processor time per operation to the benchmark's figures, as unit (cpu-ms/op
// for the whole operation).
func (c *cpuClock) report(b *testing.B, unit string) {
	b.ReportMetric(float64(c.total.Microseconds())/1000/float64(b.N), unit)
}

// switchClock times an operation in two parts: the selection with Fyne's layout, then the frame.
type switchClock struct{ sel, frame cpuClock }

func (c *switchClock) selected() { c.sel.stop(); c.frame.start() }
func (c *switchClock) drawn()    { c.frame.stop() }

// timeSelect selects item in w and draws a frame, timing the two apart.
func (c *switchClock) timeSelect(w *Window, item *container.TabItem) {
	c.sel.start()
	w.Tabs.Select(item)
	c.selected()
	frame(w)
	c.drawn()
}

// report adds cpu-ms/op (the whole), select-ms/op and frame-ms/op.
func (c *switchClock) report(b *testing.B) {
	all := cpuClock{total: c.sel.total + c.frame.total}
	all.report(b, "cpu-ms/op")
	c.sel.report(b, "select-ms/op")
	c.frame.report(b, "frame-ms/op")
}

// frame draws the window as the software renderer does (Fyne's test driver paints in software).
func frame(w *Window) { w.Win.Canvas().(test.WindowlessCanvas).Capture() }

// manySizes are the document sizes of the tab benchmarks: the sample's one project, the 60 of
// a large department, the most the limits allow (forms/limits.go).
var manySizes = []int{1, 60, 200}

// BenchmarkTabSwitch is choosing another form's tab in a 1280×820 window: the selection with
// Fyne's layout (select-ms/op) and one software-rendered frame (frame-ms/op; Fyne's software
// painter draws every object in the canvas tree from scratch, where its OpenGL painter keeps each
// text's texture; the parts of a form out of view are not in the tree, virt.go). "visited" switches between the first and the last
// project tab after the first 20 project tabs were opened, as a user working through the
// projects would have (with one project: between it and the unit form); "new" opens project
// tabs never shown before (the editors are built).
func BenchmarkTabSwitch(b *testing.B) {
	for _, n := range manySizes {
		b.Run(fmt.Sprintf("projects=%d/visited", n), func(b *testing.B) {
			w, _ := openMany(b, n)
			w.Win.Resize(fyne.NewSize(1280, 820))
			for i := range min(n, 20) {
				w.Tabs.Select(w.Projects[i].item())
				frame(w)
			}
			pair := [2]*container.TabItem{w.Projects[0].item(), w.Projects[n-1].item()}
			if n == 1 {
				pair[1] = w.Unit.item()
			}
			var cpu switchClock
			i := 0
			for b.Loop() {
				cpu.timeSelect(w, pair[i%2])
				i++
			}
			cpu.report(b)
		})
		b.Run(fmt.Sprintf("projects=%d/new", n), func(b *testing.B) {
			w, _ := openMany(b, n)
			w.Win.Resize(fyne.NewSize(1280, 820))
			w.Tabs.Select(w.Unit.item())
			frame(w)
			var cpu switchClock
			i := 0
			for b.Loop() {
				if i == n {
					b.StopTimer()
					w.Tabs.Select(w.Unit.item())
					w.rebuild() // every project tab unbuilt again
					frame(w)
					i = 0
					b.StartTimer()
				}
				cpu.timeSelect(w, w.Projects[i].item())
				i++
			}
			cpu.report(b)
		})
	}
}

// BenchmarkCheckTab is showing 检查与得分 in a 1280×820 window, with Fyne's layout and one
// software-rendered frame: "first" is its first opening after the document was opened (the
// window is built anew for each, untimed), "again" its opening from a project tab after a
// change (the change itself, a re-evaluation, is not counted).
func BenchmarkCheckTab(b *testing.B) {
	for _, n := range manySizes {
		b.Run(fmt.Sprintf("projects=%d/first", n), func(b *testing.B) {
			var cpu switchClock
			for b.Loop() {
				b.StopTimer()
				w, _ := openMany(b, n)
				w.Win.Resize(fyne.NewSize(1280, 820))
				frame(w)
				b.StartTimer()
				cpu.timeSelect(w, w.Checks.item())
				b.StopTimer()
				w.Win.Close()
				b.StartTimer()
			}
			cpu.report(b)
		})
		b.Run(fmt.Sprintf("projects=%d/again", n), func(b *testing.B) {
			w, _ := openMany(b, n)
			w.Win.Resize(fyne.NewSize(1280, 820))
			other := w.Project(0).item()
			var cpu switchClock
			for b.Loop() {
				b.StopTimer()
				w.Tabs.Select(other)
				w.changed()
				frame(w)
				b.StartTimer()
				cpu.timeSelect(w, w.Checks.item())
			}
			cpu.report(b)
		})
	}
}

// BenchmarkBlankFrame is the frame of a 1280×820 window holding nothing: what Fyne's test canvas
// costs whatever it shows (it fills and composites the whole image through Go's generic image
// code), part of every frame-ms/op above.
func BenchmarkBlankFrame(b *testing.B) {
	test.NewTempApp(b)
	win := test.NewTempWindow(b, canvas.NewRectangle(color.Transparent))
	win.Resize(fyne.NewSize(1280, 820))
	var cpu cpuClock
	for b.Loop() {
		cpu.start()
		win.Canvas().(test.WindowlessCanvas).Capture()
		cpu.stop()
	}
	cpu.report(b, "cpu-ms/op")
}

// Command ziping is 绩效自评: a desktop editor for the annual budget performance
// self-evaluation forms of a Chinese public-sector unit, with a command line for batch use
// (package cli; `ziping help` lists its commands).
package main

import (
	"os"

	_ "clocale.local" // before Fyne's init: no locale warning under LANG=C.UTF-8 (see its doc)

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"

	"ziping/app"
	"ziping/cli"
	"ziping/internal/platform"
)

// version is set by release builds with -ldflags "-X main.version=…" (see the Makefile) and
// passed to the command line and the window; "dev" in development builds.
var version = "dev"

func main() {
	args := os.Args[1:]
	platform.Setup(args)
	stdout, stderr := platform.Streams()
	code, window := cli.Run(args, os.Stdout, os.Stderr, cli.Info{Version: version, Stdout: stdout, Stderr: stderr})
	if !window {
		os.Exit(code)
	}
	path := ""
	if len(args) > 0 {
		path = args[0]
	}
	sw, sh, scale := platform.WorkArea()
	opts := app.Options{Version: version, Screen: fyne.NewSize(sw, sh), ScreenScale: scale, Renderer: platform.Renderer()}
	app.Launch(fyneapp.NewWithID("cn.ziping.jixiao"), path, opts).ShowAndRun()
}

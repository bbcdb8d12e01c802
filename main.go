// Command ziping is 绩效自评: a desktop editor for the annual budget performance
// self-evaluation forms of a Chinese public-sector unit, with a command line for batch use:
//
//	ziping [FILE.zpb]                      open the editor
//	ziping check [--json] FILE...          print totals and problems
//	ziping export [--xlsx] [-o OUT] FILE   write the official tables as PDF (or Excel)
//	ziping summary -o OUT FILE...          a department summary of several documents (.pdf or .xlsx)
//	ziping version                         print the version
package main

import (
	"os"

	_ "clocale.local" // before Fyne's init: no locale warning under LANG=C.UTF-8 (see its doc)

	fyneapp "fyne.io/fyne/v2/app"

	"ziping/app"
)

// version is the program's version, set by release builds with
// -ldflags "-X main.version=…" (see the Makefile); "dev" in development builds.
var version = "dev"

func main() {
	platformSetup(os.Args[1:])
	app.Version = version
	if code, handled := runCLI(os.Args[1:], os.Stdout, os.Stderr); handled {
		os.Exit(code)
	}
	a := fyneapp.NewWithID("cn.ziping.jixiao")
	path := ""
	if len(os.Args) > 1 {
		path = os.Args[1]
	}
	app.Launch(a, path).ShowAndRun()
}

// Package clocale keeps Fyne from printing "Fyne error: Error parsing user locale C" when the
// program starts under LANG=C.UTF-8 (or LC_ALL, LC_MESSAGES set so, or POSIX.…).
//
// Fyne's lang package reads the locale in its init function, before main runs, so neither
// the command line nor the window can avoid it by not starting Fyne. Its locale library takes
// "C.UTF-8" for the language "C", which is not a language tag, and Fyne logs the parse error
// on stderr; plain "C" and "POSIX" it knows mean no language. Where such a locale is in
// effect and LANGUAGE names no other language, this package sets LANGUAGE=en for the process: the library
// then reads "en", what the C locale's messages are, and nothing is printed. The program's
// own texts are Chinese whatever the locale (app.setupLanguage registers the Chinese strings
// under every language Fyne may pick, "en" included), and for other programs started from it
// LANGUAGE changes nothing under the C locale, whose messages are untranslated.
//
// It must run before fyne.io/fyne/v2/lang's init. Go initialises packages in the order of
// their import paths among those whose imports are done (the language specification,
// "Package initialization"); this package imports only os, so it is ready as soon as os is,
// long before lang, and its path, "clocale.local", sorts before "fyne.io/…": it is a module of
// its own (replaced by this folder in the main go.mod; the dot in its name keeps `go mod
// verify` from looking for it in the module cache) because every package of the main module,
// "ziping/…", would sort after Fyne's. TestNoLocaleWarning in the main package checks it.
package clocale

import (
	"os"
	"strings"
)

func init() {
	for _, name := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} { // the order the library reads
		v := os.Getenv(name)
		if v == "" {
			continue
		}
		if v != "C" && v != "POSIX" && isC(v) && allC(os.Getenv("LANGUAGE")) {
			os.Setenv("LANGUAGE", "en")
		}
		return
	}
}

// allC reports whether the LANGUAGE list (colon-separated) names no language but C or POSIX:
// the library would read its first entry instead of the locale.
func allC(list string) bool {
	for _, v := range strings.Split(list, ":") {
		if v != "" && !isC(v) {
			return false
		}
	}
	return true
}

// isC reports whether the locale name v is C or POSIX with a codeset or modifier: "C.UTF-8",
// "C.utf8", "POSIX@euro".
func isC(v string) bool {
	lang, _, _ := strings.Cut(v, "@")
	lang, _, _ = strings.Cut(lang, ".")
	return lang == "C" || lang == "POSIX"
}

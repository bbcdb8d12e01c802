# 绩效自评 (Ziping). `make run` opens the sample document; `make test` runs every check.
# Both install the Debian packages they need first (apt-get, as root or through sudo).
# Release builds: `make release` (Linux binary), `make linux` (tar.xz package), `make windows`
# (cross-compiled .exe), `make windows-installer` (its NSIS installer), `make windows-smoke` (both
# run under Wine), `make darwin` (.app, on a Mac only), `make darwin-check` (vet for macOS here),
# `make linux-arm64` and `make arm64-smoke` (cross-compiled, run under qemu), `make deb` (.deb
# packages for amd64 and arm64, installed and purged here), `make glibc-smoke` (the Linux release
# programs on glibc 2.31, as 统信 UOS and 银河麒麟 need).

SAMPLE   := samples/fushun-shebao-2021.zpb
BIN      := bin/ziping
# The Linux program that ships (make release): stripped, stamped, linked against glibc 2.31.
RELEASE_BIN := bin/ziping-linux-amd64
# The cgo build of Fyne (GLFW/OpenGL/X11).
DEB_PKGS := gcc pkg-config libgl1-mesa-dev libx11-dev libxcursor-dev libxrandr-dev \
            libxinerama-dev libxi-dev libxxf86vm-dev
# What the tests call besides: pdftotext, pdfinfo, pdffonts, qpdf, LibreOffice Calc (headless) to
# open the Excel export as a superior's spreadsheet program would and print it to PDF, and
# /usr/bin/time (tools/oddpaths_test.sh measures time and memory with it).
# Xvfb and xdotool run the window for the thread check (threadcheck below).
TEST_PKGS := poppler-utils qpdf libreoffice-calc-nogui libreoffice-writer-nogui time xvfb xdotool unzip python3
SUDO     := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
export LANG ?= C.UTF-8

# Every build, release, benchmark, vet and test uses these tags, the program as it ships.
# no_animations: Fyne redraws the whole window for every frame of an animation, so the fading text
# cursor alone cost 15–24 % of a core while a field had focus with the software renderer of remote
# desktops and PCs without a GPU driver (1.8 % without); the cursor stays lit, buttons and tabs
# switch without sliding.
# One threading mode: Fyne's default, which checks the calling goroutine. Its other mode
# (migrated_fynedo, which `fyne package` adds when FyneApp.toml declares [Migrations] fyneDo) saves
# that check (13 % of a tab switch) but makes Fyne's caches plain maps; Fyne's test driver runs a
# fyne.Do callback on whatever goroutine calls it, so app/'s tests of background work (preview,
# autosave, exports) would write those maps from two goroutines (-race shows it). The migration
# is therefore declared nowhere: FyneApp.toml has no [Migrations], and the packages, the builds
# and the tests all run the checking mode. Its test driver records no main goroutine, so a call
# from the wrong goroutine is caught by the real window under Xvfb (threadcheck_test.go, `make
# unit`), which fails on Fyne's "*** Error in Fyne call thread" log line.
TAGS     := no_animations

# Release builds are stamped with the git description (tag, or commit; "-dirty" for uncommitted
# changes), shown in 帮助 › 关于; "dev" outside a git checkout. The packages' own version
# (Windows file version, macOS bundle version) is Version in FyneApp.toml, with the number of
# commits as its build number.
VERSION  := $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
BUILDNUM := $(shell git rev-list --count HEAD 2>/dev/null || echo 1)
RELEASE_LDFLAGS := -s -w -X main.version=$(VERSION)
# The fyne packaging command, pinned; installed into bin/tools/VERSION by `go install`.
FYNE_TOOLS_VERSION := v1.7.4
FYNE     := bin/tools/$(FYNE_TOOLS_VERSION)/fyne
# The linters of `make lint`, pinned like the fyne tool, each installed into bin/tools/VERSION.
STATICCHECK_VERSION := v0.8.2
STATICCHECK := bin/tools/$(STATICCHECK_VERSION)/staticcheck
GOCYCLO_VERSION := v0.6.0
GOCYCLO  := bin/tools/$(GOCYCLO_VERSION)/gocyclo
# The cyclomatic ceiling of every function outside the tests (a test is a list of cases to read
# down, not branches to follow).
CYCLO_MAX := 15
# Known exceptions to `make lint`, each FILE:FUNCTION (gocyclo) or FILE:CHECK (staticcheck), let
# through by name; empty, and to be kept so: a finding is fixed, not listed.
LINT_EXCEPTIONS :=
# MinGW-w64 C compiler for the Windows build of Fyne's cgo parts (GLFW, OpenGL).
WIN_CC   := x86_64-w64-mingw32-gcc

# $(call apt-install,PKGS): install those of the Debian packages PKGS that are missing. A name
# without ":ARCH" wants this machine's architecture (or "all"): libx11-dev:arm64 installed by
# make arm64-deps does not stand for libx11-dev.
define apt-install
@native=$$(dpkg --print-architecture); \
missing=$$(for p in $(1); do a="($$native|all)"; case $$p in *:*) a='.*';; esac; \
  dpkg-query -W -f='$${db:Status-Abbrev}$${Architecture}\n' $$p 2>/dev/null | grep -Eq "^ii +$$a$$" || echo $$p; done); \
if [ -n "$$missing" ]; then \
  echo "installing Debian packages:" $$missing; \
  $(SUDO) apt-get -o DPkg::Lock::Timeout=900 update -qq && \
  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get -o DPkg::Lock::Timeout=900 install -y -qq $$missing; \
fi
endef

# $(call fyne-package,OS,ENV,FLAGS): run `ENV fyne package -os OS -release FLAGS` on a copy of the source
# tree in a temporary folder, leaving the result in $$tmp. fyne package rewrites FyneApp.toml
# (Build+1, comments dropped) and writes fyne.syso and fyne_metadata_init.go beside main.go; on a
# copy, the checked-in files never change. -trimpath keeps the build cache valid across copies.
# The version is set by a file added to the copy: fyne takes -ldflags from GOFLAGS for its first
# build only, and the Windows package is built twice (the second time with the icon).
define fyne-package
tmp=$$(mktemp -d) && trap 'rm -rf "$$tmp" "$$tmp.tar"' EXIT && \
tar --exclude=./.git --exclude=./bin --exclude='*.test' -cf "$$tmp.tar" . && tar -xf "$$tmp.tar" -C "$$tmp" && rm "$$tmp.tar" && \
printf 'package main\n\nfunc init() { version = "%s" }\n' '$(VERSION)' >"$$tmp/version_release.go" && \
(cd "$$tmp" && $(2) "$(CURDIR)/$(FYNE)" package -os $(1) -release -tags $(TAGS) --app-build $(BUILDNUM) $(3)) &&
endef

.PHONY: deps test-deps run build test quick lint staticcheck cyclo fmt-check vet layering cgo-free unit threadcheck race bench startup tabswitch fuzz crash-test clean \
        release windows windows-installer windows-deps windows-smoke mesa-windows ime-smoke ime-deps linux darwin darwin-check \
        linux-arm64 arm64-deps arm64-smoke deb sysroot-deps sysroot-amd64 sysroot-arm64 glibc-smoke

deps:
	@command -v go >/dev/null || { echo "需要 Go 1.26 或更新版本（https://go.dev/dl/）"; exit 1; }
	$(call apt-install,$(DEB_PKGS))
	go mod download

run: build
	./$(BIN) $(SAMPLE)

build: deps
	go build -tags $(TAGS) -o $(BIN) .

test: deps test-deps lint layering cgo-free unit

# Every test but the slow ones that call an external program (LibreOffice, the window under Xvfb:
# testtool.Slow), with -short: a few minutes instead of `make test`'s gates and full run.
quick: deps
	$(call gotest,-short -timeout 30m ./...)

test-deps:
	$(call apt-install,$(TEST_PKGS))

# gofmt, go vet, staticcheck over every package and its tests, and the cyclomatic ceiling;
# a finding named in LINT_EXCEPTIONS is reported as such and does not fail.
lint: fmt-check vet staticcheck cyclo

# $(call lint-filter,TOOL): the findings on stdin less LINT_EXCEPTIONS; fails if any is left.
define lint-filter
awk -v ex='$(LINT_EXCEPTIONS)' -v tool='$(1)' 'BEGIN { n = split(ex, e, " ") } \
  { for (i = 1; i <= n; i++) { split(e[i], fx, ":"); if (index($$0, fx[1] ":") && index($$0, fx[2])) { print tool " (known exception): " $$0; next } } \
    print tool ": " $$0; bad = 1 } END { exit bad }'
endef

staticcheck: deps $(STATICCHECK)
	@$(STATICCHECK) -tags $(TAGS) -tests ./... 2>&1 | $(call lint-filter,staticcheck)

cyclo: $(GOCYCLO)
	@$(GOCYCLO) -over $(CYCLO_MAX) -ignore '(_test\.go|^third_party/)' . 2>&1 | $(call lint-filter,cyclo over $(CYCLO_MAX))

$(STATICCHECK):
	GOBIN="$(CURDIR)/$(dir $(STATICCHECK))" go install honnef.co/go/tools/cmd/staticcheck@$(STATICCHECK_VERSION)

$(GOCYCLO):
	GOBIN="$(CURDIR)/$(dir $(GOCYCLO))" go install github.com/fzipp/gocyclo/cmd/gocyclo@$(GOCYCLO_VERSION)

# gofmt's errors (a file it cannot parse, for any system) are output too, and fail.
fmt-check:
	@bad=$$(gofmt -l $$(find . -name '*.go' -not -path './.git/*') 2>&1); \
	if [ -n "$$bad" ]; then echo "gofmt: not formatted, or not Go:"; echo "$$bad"; exit 1; fi

# Also for Windows and macOS, without cgo: the files only their builds see (internal/platform,
# storage's Windows locks and errors) are vetted, and type-checked, here too.
vet:
	go vet -tags $(TAGS) ./...
	GOOS=windows CGO_ENABLED=0 go vet -tags $(TAGS) $$(go list ./... | grep -v -e '^ziping$$' -e '/app$$')
	GOOS=darwin CGO_ENABLED=0 go vet -tags $(TAGS) ./storage/ ./internal/... ./cli/

# $(call gotest,ARGS[,TAGS[,ENV]]): ENV go test -tags TAGS (default $(TAGS)) -count=1 ARGS through
# tools/testreport, which prints go test's line per package and the whole output of every failed
# test (and of a package that failed outside its tests), so that a failure in a long log
# (.ci/run) says what failed. go test's own status is kept in a file: the pipe's is the report's.
define gotest
@rc=$$(mktemp) && trap 'rm -f "$$rc"' EXIT && go build -o bin/tools/testreport ./tools/testreport && \
{ $(3) go test -json -tags $(or $(2),$(TAGS)) -count=1 $(1) 2>&1; echo $$? >"$$rc"; } | bin/tools/testreport && [ "$$(cat "$$rc")" = 0 ]
endef

# forms/, storage/, tables/, layout/, pdfout/, xlsxout/, xlsxin/, export/ and cli/ never depend on Fyne; only main.go
# imports fyne.io/fyne/v2/app; pdfout and xlsxout never depend on each other (both print tables/),
# and tables/ on no output library; the front ends (main.go, app/, cli/) reach pdfout and xlsxout
# only through export/; layout/ imports nothing of the project; forms/ imports neither os nor
# syscall nor io/fs (storage/ does the files); the root holds main.go alone besides tests.
layering:
	@bad=$$(go list -deps ./forms/... ./storage/... ./tables/... ./layout/... ./pdfout/... ./xlsxout/... ./xlsxin/... ./export/... ./cli/... ./report/... | grep '^fyne.io/' || true); \
	if [ -n "$$bad" ]; then echo "forms/storage/tables/layout/pdfout/xlsxout/xlsxin/export/cli/report depend on Fyne:"; echo "$$bad"; exit 1; fi
	@bad=$$( (go list -deps ./pdfout/... | grep '^ziping/xlsxout'; go list -deps ./xlsxout/... | grep '^ziping/pdfout') || true); \
	if [ -n "$$bad" ]; then echo "pdfout and xlsxout depend on each other:"; echo "$$bad"; exit 1; fi
	@bad=$$(go list -deps ./tables/... | grep -E '^(ziping/(pdfout|xlsxout|layout|app)|codeberg.org/go-pdf|github.com/xuri)' || true); \
	if [ -n "$$bad" ]; then echo "tables depends on an output:"; echo "$$bad"; exit 1; fi
	@bad=$$(go list -deps ./xlsxin/ | grep -E '^ziping/(xlsxout|pdfout)' || true); \
	if [ -n "$$bad" ]; then echo "xlsxin depends on:"; echo "$$bad"; exit 1; fi
	@bad=$$(grep -rl --include='*.go' '"fyne.io/fyne/v2/app"' . | grep -v '^./main.go$$' | grep -v '_test.go$$' || true); \
	if [ -n "$$bad" ]; then echo "fyne/v2/app imported outside main.go:"; echo "$$bad"; exit 1; fi
	@bad=$$(go list -f '{{range .Imports}}{{$$.ImportPath}} imports {{.}}{{"\n"}}{{end}}' . ./app/ ./cli/ | grep -E ' imports ziping/(pdfout|xlsxout)$$' || true); \
	if [ -n "$$bad" ]; then echo "the front ends reach pdfout or xlsxout other than through export/:"; echo "$$bad"; exit 1; fi
	@bad=$$(go list -deps ./layout/ | grep -E '^ziping(/|$$)' | grep -v '^ziping/layout$$' || true); \
	if [ -n "$$bad" ]; then echo "layout depends on the project:"; echo "$$bad"; exit 1; fi
	@bad=$$(go list -f '{{join .Imports "\n"}}' ./forms/ | grep -E '^(os|os/.+|syscall|io/fs)$$' || true); \
	if [ -n "$$bad" ]; then echo "forms touches the operating system (that is storage/'s):"; echo "$$bad"; exit 1; fi
	@bad=$$(go list -f '{{join .Imports "\n"}}' ./report/ | grep -E '^(os|os/.+|syscall|io/fs)$$' || true); \
	if [ -n "$$bad" ]; then echo "report touches the operating system (export/ reads the template and writes the file):"; echo "$$bad"; exit 1; fi
	@bad=$$(ls *.go | grep -v -e '^main.go$$' -e '_test.go$$' || true); \
	if [ -n "$$bad" ]; then echo "the root package holds more than main.go (start-up code goes to internal/platform/):"; echo "$$bad"; exit 1; fi
	@echo "layering ok"

# Only the root package needs cgo: main.go imports fyne.io/fyne/v2/app, whose GLFW driver is C
# (go-gl/glfw, go-gl/gl). Every other package builds and tests without a C compiler, app/ too:
# it uses Fyne's widgets and, in its tests, Fyne's test driver, never the GLFW driver (`go list
# -deps -f '{{if .CgoFiles}}…' ./app/` lists only the standard library's runtime/cgo, net and
# os/user, which have pure-Go fallbacks). `make unit` tests the root, with cgo.
CGO_FREE_PKGS = $$(go list ./... | grep -v -e '^ziping$$')
cgo-free:
	CGO_ENABLED=0 go vet -tags $(TAGS) $(CGO_FREE_PKGS)
	$(call gotest,-timeout 30m $(CGO_FREE_PKGS),,CGO_ENABLED=0)

# The root package, with cgo: main.go's wiring, the start-up as a process, and the real window
# under Xvfb in Fyne's checking mode (threadcheck_test.go), failing on any call of Fyne from the
# wrong goroutine.
unit:
	$(call gotest,-timeout 30m .)

# The window's thread check alone (it is part of `make unit`).
threadcheck:
	$(call gotest,-run '^TestNoFyneThreadErrors$$' .)

# The race detector (it needs cgo) over the packages that run goroutines or share state between
# them, -short (without the external programs, which race with nothing): forms/ and storage/
# (locks, their refresher, atomic saves), layout/ (font measures), pdfout/ (preview rasters,
# fonts), xlsxout/ (row heights) and export/. Not app/: Fyne's test driver runs a fyne.Do
# callback at once on the goroutine that calls it, so each of app/'s renders, saves and exports
# finishing in the background touches widgets while the test's goroutine does (-race reports
# Fyne's font-metrics cache at the first preview test); app/ needs its background callbacks run
# on the test's goroutine first.
RACE_PKGS = $$(go list ./... | grep -E '/(forms|storage|layout|pdfout|xlsxout|export)$$')
race: deps
	$(call gotest,-race -short -timeout 60m $(RACE_PKGS))

# Every benchmark, then the real program's tab switch under Xvfb/llvmpipe (tabswitch below);
# `make bench BENCH=Largest` only the check and the exports of the largest documents the limits
# allow (bench_test.go: each run as a process; ns/op is wall-clock time, cpu-s processor time,
# peak-MiB the peak resident memory), without the tab switch.
BENCH ?= .
bench: deps
	go test -tags $(TAGS) -run '^$$' -bench '$(BENCH)' -benchmem ./...
	@if [ '$(BENCH)' = . ]; then $(MAKE) --no-print-directory tabswitch; fi

# Processor time of a tab switch and of opening 检查与得分 with 60 projects in the real program
# under Xvfb and Mesa's software OpenGL; TABSWITCH_BINS="a b" compares builds (tools/tabswitch).
tabswitch: deps
	@command -v Xvfb >/dev/null && command -v xdotool >/dev/null || { $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq xvfb xdotool; }
	tools/tabswitch/measure.sh $(TABSWITCH_BINS)

# Start-up time to the first frame showing the sample, beside a hello-world Fyne window, under
# Xvfb (median of STARTUP_RUNS runs each), and the peak RSS; see tools/startup/measure.sh.
STARTUP_RUNS ?= 11
startup: deps
	@command -v Xvfb >/dev/null || { $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq xvfb; }
	tools/startup/measure.sh $(STARTUP_RUNS)

# Every fuzz target for a fixed number of inputs, about 20 s each on two cores (FuzzRender about
# 60 s: its seed corpus alone takes 40 s); FUZZMULT=10 runs ten times as many. Counts, not
# durations: with a duration, Go 1.26's fuzzing can fail with "context deadline exceeded" as the
# time runs out, with no failing input (golang/go#75804, fixed in Go 1.27). The counts include
# the seed corpus. `make test` runs the seed corpora already. A crasher is saved under
# testdata/fuzz and then fails `make test` until it is fixed. Each new interesting input is
# minimized in at most 20 tries, not 2 s: from an empty Go cache (a fresh CI machine) FuzzRender
# finds a hundred and spent 299 s minimizing them with 2 s (68 s with the cache of earlier runs).
FUZZMULT ?= 1
fuzz = go test -run '^$$' -fuzz '^$(1)$$' -fuzztime $$(( $(2) * $(FUZZMULT) ))x -fuzzminimizetime 20x $(3)
fuzz:
	$(call fuzz,FuzzParseNumber,600000,./forms/)
	$(call fuzz,FuzzUnmarshal,500000,./forms/)
	$(call fuzz,FuzzEvaluate,8000,./forms/)
	$(call fuzz,FuzzRender,400,./pdfout/)
	$(call fuzz,FuzzPreview,80,./pdfout/)
	$(call fuzz,FuzzWrap,300000,./layout/)
	$(call fuzz,FuzzLayout,80000,./layout/)
	$(call fuzz,FuzzExportImport,40,./xlsxin/)
	$(call fuzz,FuzzImport,40000,./xlsxin/)
	$(call fuzz,FuzzWorkbook,4000,./xlsxin/)
	$(call fuzz,FuzzCSV,4000,./xlsxin/)

# Kill a child process 1000 times at random moments while it saves; the file must always be a
# complete old or new document and .bak the previous one (~45 s). `make test` runs 200.
crash-test:
	ZIPING_CRASH_ITER=1000 go test -count=1 -run '^TestCrashDuringSave$$' -v ./storage/

# The Linux programs that ship (release, linux, linux-arm64, so deb) are compiled and linked against
# Debian 11's glibc 2.31 and X11/OpenGL libraries, unpacked into SYSROOT_DIR by
# tools/sysroot/build.sh (a minute's download the first time, kept after), so that they ask for
# GLIBC_2.28 at most and start on 统信 UOS 20 and 银河麒麟 V10 as on newer systems
# (docs/RELEASING.md §4; make glibc-smoke checks it). Linked against this machine's Debian 12 they
# would need glibc 2.34. `make build` and the tests keep this machine's libraries.
# -B and -L put the tree's start files and libraries before the compiler's own search path, which
# would otherwise find this machine's glibc first; -nostdinc and -isystem do the same for headers
# (the cross compiler searches its own glibc 2.36 headers before the tree's), keeping only the
# compiler's own (stddef.h, arm_neon.h and the like).
SYSROOT_DIR   ?= $(HOME)/.cache/ziping-sysroot
SYSROOT_AMD64 := $(SYSROOT_DIR)/bullseye-amd64
SYSROOT_ARM64 := $(SYSROOT_DIR)/bullseye-arm64
GLIBC_MAX     := 2.28
# $(call sysroot-env,COMPILER,TREE,TRIPLET): the environment of a cgo build against TREE.
sysroot-env = CGO_ENABLED=1 CC="$(1) --sysroot=$(2) -nostdinc -isystem $$($(1) -print-file-name=include) \
              -isystem $(2)/usr/include/$(3) -isystem $(2)/usr/include -B$(2)/usr/lib/$(3) -L$(2)/usr/lib/$(3) -L$(2)/lib/$(3)" \
              PKG_CONFIG_SYSROOT_DIR=$(2) PKG_CONFIG_LIBDIR=$(2)/usr/lib/$(3)/pkgconfig:$(2)/usr/share/pkgconfig PKG_CONFIG_PATH=
RELEASE_ENV   := $(call sysroot-env,gcc,$(SYSROOT_AMD64),x86_64-linux-gnu)

sysroot-deps:
	$(call apt-install,debootstrap)
sysroot-amd64 sysroot-arm64: sysroot-deps
	tools/sysroot/build.sh $(@:sysroot-%=%) $(SYSROOT_DIR)/bullseye-$(@:sysroot-%=%)

# The Linux release program (stripped, version stamped), against the glibc 2.31 tree above;
# bin/ziping stays `make build`'s, which the smokes and the tests run.
release: deps sysroot-amd64
	$(RELEASE_ENV) go build -tags $(TAGS) -trimpath -ldflags "$(RELEASE_LDFLAGS)" -o $(RELEASE_BIN) .
	@echo "$(RELEASE_BIN): version $(VERSION), $$(du -h $(RELEASE_BIN) | cut -f1), glibc $$(tools/sysroot/glibc-needed.sh $(RELEASE_BIN))"

$(FYNE):
	GOBIN="$(CURDIR)/$(dir $(FYNE))" go install fyne.io/tools/cmd/fyne@$(FYNE_TOOLS_VERSION)

# Windows amd64 GUI executable, cross-compiled with MinGW-w64: GUI subsystem (-H windowsgui),
# icon, manifest and version information from FyneApp.toml (fyne package writes them into a .syso).
# Needs Windows 10 or later (Go 1.26).
windows: $(FYNE)
	$(call apt-install,gcc-mingw-w64-x86-64)
	@$(call fyne-package,windows,CC=$(WIN_CC) GOARCH=amd64) \
	mv "$$tmp/绩效自评.exe" bin/ziping.exe
	@echo "bin/ziping.exe: version $(VERSION), $$(du -h bin/ziping.exe | cut -f1)"
	rm -rf bin/mesa && mkdir -p bin/mesa && cp $(addprefix $(MESA_DIR)/,$(MESA_FILES)) bin/mesa/

# Mesa's software OpenGL for Windows PCs whose graphics driver gives no OpenGL 2.1: the program
# falls back to mesa\opengl32.dll beside the exe (internal/platform/mesa_windows.go). `make
# windows` copies the committed DLLs into bin/mesa/; `make mesa-windows` rebuilds them from
# Debian's mesa source with MinGW-w64 (tools/mesa/build.sh; about an hour on two shared cores).
MESA_DIR   := assets/windows/mesa
MESA_FILES := opengl32.dll libgallium_wgl.dll LICENSE-mesa.txt
mesa-windows:
	tools/mesa/build.sh $(MESA_DIR)

# The Windows installer bin/绩效自评-安装程序.exe, built with NSIS from tools/windows/installer.nsi:
# per-user install into %LOCALAPPDATA%\Programs\绩效自评, shortcuts, the .zpb association, /S.
INSTALLER   := bin/绩效自评-安装程序.exe
APP_VERSION := $(shell sed -n 's/^ *Version *= *"\(.*\)"/\1/p' FyneApp.toml)
windows-installer: windows
	$(call apt-install,nsis)
	makensis -V2 -INPUTCHARSET UTF8 -DVERSION=$(VERSION) -DFILEVERSION=$(APP_VERSION).$(BUILDNUM) \
	  -DEXE="$(CURDIR)/bin/ziping.exe" -DMESA="$(CURDIR)/bin/mesa" -DOUTFILE="$(CURDIR)/$(INSTALLER)" tools/windows/installer.nsi
	@echo "$(INSTALLER): version $(VERSION), $$(du -h "$(INSTALLER)" | cut -f1)"

# Runs the Windows build under Wine in a throw-away prefix and a private Xvfb display: the command
# line, the window (type, Ctrl+S, close with the unsaved-changes prompt), 另存为 and 打开 through
# the system dialog, saving while another program holds the file, the Windows tests of storage,
# %AppData%, the installer, and the message box without OpenGL; keeps bin/windows-smoke*.png.
# See tools/wine/smoke.sh.
WINE_PKGS := wine64 wine xvfb xdotool imagemagick fonts-wqy-microhei poppler-utils gcc-mingw-w64-x86-64 nsis
windows-deps:
	$(call apt-install,$(WINE_PKGS))
windows-smoke: windows-deps windows windows-installer build
	tools/wine/smoke.sh

# Types into the window through fcitx5 (pinyin) on a private Xvfb display, as an accountant does:
# 120 Tab 120 Tab 118.5 into seven rows at 12 to 400 ms per key, then pinyin, three times; checks
# the saved files (tools/ime/smoke.sh). Keeps bin/ime-smoke.png.
IME_PKGS := xvfb xdotool x11-utils imagemagick dbus dbus-x11 fcitx5 fcitx5-chinese-addons python3
ime-smoke: build ime-deps
	tools/ime/smoke.sh $(BIN)

ime-deps:
	$(call apt-install,$(IME_PKGS))

# Linux package: bin/ziping-linux-amd64.tar.xz with the binary, the icon, a .desktop file and a
# Makefile whose `make install` (or `make user-install`) installs them.
linux: deps sysroot-amd64 $(FYNE)
	@$(call fyne-package,linux,$(RELEASE_ENV)) \
	mv "$$tmp/绩效自评.tar.xz" bin/ziping-linux-amd64.tar.xz
	@echo "bin/ziping-linux-amd64.tar.xz: version $(VERSION), $$(du -h bin/ziping-linux-amd64.tar.xz | cut -f1)"

# macOS application bundle bin/绩效自评.app, zipped as bin/ziping-macos.zip. Runs on a Mac only
# (with Go and the Xcode command-line tools): Fyne's cgo parts need Apple's compiler and SDK.
# Never run here: only the .app assembly was tried on Linux, with a stand-in executable.
darwin: $(FYNE)
	@[ "$$(uname -s)" = Darwin ] || { echo "make darwin 只能在 Mac 上运行（需要 Xcode 命令行工具）"; exit 1; }
	@$(call fyne-package,darwin,) \
	rm -rf "bin/绩效自评.app" && mv "$$tmp/绩效自评.app" bin/ && \
	(cd bin && ditto -c -k --keepParent "绩效自评.app" ziping-macos.zip)
	@echo "bin/绩效自评.app, bin/ziping-macos.zip: version $(VERSION)"

# go vet (the tests type-checked too) of every package but the root for macOS, amd64 and arm64,
# CGO_ENABLED=0, and the tests of the macOS logic that run here (tools/darwin/check.sh says
# why the root is left out and how Fyne's one cgo function outside its driver is stubbed).
darwin-check: deps
	tools/darwin/check.sh

# The window program for Linux arm64 (Kunpeng, Phytium: UOS, Kylin), cross-compiled with cgo by
# Debian's gcc-aarch64-linux-gnu against the glibc 2.31 tree for arm64 (SYSROOT_ARM64 above), so
# that it asks for GLIBC_2.28 at most, as the amd64 release does. The arm64 X11/OpenGL packages
# installed through multiarch (dpkg --add-architecture arm64) are what it runs with under
# qemu-user here (arm64-smoke, deb).
ARM64_BIN  := bin/ziping-linux-arm64
ARM64_PKGS := gcc-aarch64-linux-gnu libc6-dev-arm64-cross pkg-config libgl1-mesa-dev:arm64 \
              libx11-dev:arm64 libxcursor-dev:arm64 libxrandr-dev:arm64 libxinerama-dev:arm64 \
              libxi-dev:arm64 libxxf86vm-dev:arm64
ARM64_ENV  := GOOS=linux GOARCH=arm64 $(call sysroot-env,aarch64-linux-gnu-gcc,$(SYSROOT_ARM64),aarch64-linux-gnu)
linux-arm64: deps arm64-deps sysroot-arm64
	$(ARM64_ENV) go build -tags $(TAGS) -trimpath -ldflags "$(RELEASE_LDFLAGS)" -o $(ARM64_BIN) .
	@echo "$(ARM64_BIN): version $(VERSION), $$(du -h $(ARM64_BIN) | cut -f1), $$(file -b $(ARM64_BIN) | cut -d, -f1-2), glibc $$(tools/sysroot/glibc-needed.sh $(ARM64_BIN))"

# The arm64 architecture in dpkg, the cross compiler, and the arm64 X11/OpenGL packages the arm64
# program runs with under qemu here (.ci/run installs them before it builds linux-arm64 beside
# ime-smoke, so that two apt runs never overlap).
arm64-deps:
	@dpkg --print-foreign-architectures | grep -qx arm64 || { echo "adding the arm64 architecture to dpkg"; $(SUDO) dpkg --add-architecture arm64; $(SUDO) apt-get -o DPkg::Lock::Timeout=900 update -qq; }
	$(call apt-install,$(ARM64_PKGS))

# The arm64 program under qemu-user beside the amd64 one: the same version, check --json, PDF
# and Excel bytes of the sample (SOURCE_DATE_EPOCH set), then its window under Xvfb and
# bin/arm64-smoke.png (tools/arm64/smoke.sh).
ARM64_SMOKE_PKGS := qemu-user xvfb xdotool imagemagick file
arm64-smoke: linux-arm64 release
	$(call apt-install,$(ARM64_SMOKE_PKGS))
	tools/arm64/smoke.sh $(ARM64_BIN) $(RELEASE_BIN)

# Debian packages bin/ziping_VERSION_amd64.deb and _arm64.deb (tools/deb/build.sh: /usr/bin,
# desktop entry, icon, the .zpb type), each installed with dpkg -i, run, checked and purged on
# this machine (tools/deb/test.sh, as root), then lintian's findings.
DEB_VERSION := $(APP_VERSION)+$(BUILDNUM)
DEB_TEST_PKGS := desktop-file-utils shared-mime-info lintian qemu-user
deb: release linux-arm64
	$(call apt-install,$(DEB_TEST_PKGS))
	GLIBC_MAX=$(GLIBC_MAX) tools/deb/build.sh amd64 $(RELEASE_BIN) $(DEB_VERSION) bin/ziping_$(DEB_VERSION)_amd64.deb
	GLIBC_MAX=$(GLIBC_MAX) tools/deb/build.sh arm64 $(ARM64_BIN) $(DEB_VERSION) bin/ziping_$(DEB_VERSION)_arm64.deb
	tools/deb/test.sh bin/ziping_$(DEB_VERSION)_amd64.deb bin/ziping_$(DEB_VERSION)_arm64.deb

# The release programs on an older glibc than this machine's (tools/sysroot/smoke.sh, as root
# for chroot): each asks for GLIBC_MAX at most, runs inside the glibc 2.31 tree it was linked
# against (arm64 through qemu-aarch64-static) with the same version, check --json, PDF and Excel
# bytes as here, and the amd64 window opens there (bin/glibc-smoke.png).
GLIBC_SMOKE_PKGS := binutils qemu-user-static xvfb xdotool imagemagick
glibc-smoke: release linux-arm64
	$(call apt-install,$(GLIBC_SMOKE_PKGS))
	$(SUDO) GLIBC_MAX=$(GLIBC_MAX) tools/sysroot/smoke.sh $(SYSROOT_AMD64) $(SYSROOT_ARM64) $(RELEASE_BIN) $(ARM64_BIN)

clean:
	rm -rf bin

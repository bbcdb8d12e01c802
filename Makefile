# 绩效自评 (Ziping). `make run` opens the sample document; `make test` runs every check.
# Both install the Debian packages they need first (apt-get, as root or through sudo).

SAMPLE   := samples/fushun-shebao-2021.zpb
BIN      := bin/ziping
# cgo build of Fyne (GLFW/OpenGL/X11) and the tools the tests call (pdftotext, pdfinfo, pdffonts, qpdf).
DEB_PKGS := gcc pkg-config libgl1-mesa-dev libx11-dev libxcursor-dev libxrandr-dev \
            libxinerama-dev libxi-dev libxxf86vm-dev poppler-utils qpdf
SUDO     := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
export LANG ?= C.UTF-8

.PHONY: deps run build test fmt-check vet layering unit bench fuzz crash-test clean

deps:
	@command -v go >/dev/null || { echo "需要 Go 1.26 或更新版本（https://go.dev/dl/）"; exit 1; }
	@missing=$$(for p in $(DEB_PKGS); do dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "installing Debian packages:" $$missing; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi
	go mod download

run: build
	./$(BIN) $(SAMPLE)

build: deps
	go build -o $(BIN) .

test: deps fmt-check vet layering unit

fmt-check:
	@bad=$$(gofmt -l $$(find . -name '*.go' -not -path './.git/*')); \
	if [ -n "$$bad" ]; then echo "gofmt: not formatted:"; echo "$$bad"; exit 1; fi

vet:
	go vet ./...

# forms/ and pdfout/ never depend on Fyne; only main.go imports fyne.io/fyne/v2/app.
layering:
	@bad=$$(go list -deps ./forms/... ./pdfout/... | grep '^fyne.io/' || true); \
	if [ -n "$$bad" ]; then echo "forms/pdfout depend on Fyne:"; echo "$$bad"; exit 1; fi
	@bad=$$(grep -rl --include='*.go' '"fyne.io/fyne/v2/app"' . | grep -v '^./main.go$$' | grep -v '_test.go$$' || true); \
	if [ -n "$$bad" ]; then echo "fyne/v2/app imported outside main.go:"; echo "$$bad"; exit 1; fi
	@echo "layering ok"

unit:
	go test -count=1 ./...

bench: deps
	go test -run '^$$' -bench . -benchmem ./...

# Every fuzz target for FUZZTIME each (go test runs their seed corpora in `make test` already).
# A crasher is saved under testdata/fuzz and then fails `make test` until it is fixed.
FUZZTIME ?= 20s
FUZZ := -run '^$$' -fuzztime $(FUZZTIME) -fuzzminimizetime 2s
fuzz:
	go test $(FUZZ) -fuzz '^FuzzParseNumber$$' ./forms/
	go test $(FUZZ) -fuzz '^FuzzUnmarshal$$' ./forms/
	go test $(FUZZ) -fuzz '^FuzzEvaluate$$' ./forms/
	go test -run '^$$' -fuzz '^FuzzRender$$' -fuzztime 60s -fuzzminimizetime 2s ./pdfout/
	go test $(FUZZ) -fuzz '^FuzzWrap$$' ./pdfout/layout/
	go test $(FUZZ) -fuzz '^FuzzLayout$$' ./pdfout/layout/

# Kill a child process 1000 times at random moments while it saves; the file must always be a
# complete old or new document and .bak the previous one (~45 s). `make test` runs 200.
crash-test:
	ZIPING_CRASH_ITER=1000 go test -count=1 -run '^TestCrashDuringSave$$' -v ./forms/

clean:
	rm -rf bin

#!/usr/bin/env bash
# make darwin-check: go vet (which type-checks the tests too) of every package of the project for
# macOS, GOOS=darwin on amd64 and arm64, with CGO_ENABLED=0, on Linux.
#
# Two parts of Fyne 2.7.1 are cgo on macOS and have no cgo-free variant there:
#   - the GLFW/OpenGL driver (fyne.io/fyne/v2/app → internal/driver/glfw → github.com/go-gl/gl,
#     github.com/go-gl/glfw, AppKit menus): only the root package (main.go) imports it, so the root
#     package is the one package not vetted here;
#   - fyne.io/fyne/v2/internal/widget's scroller_behavior_darwin.go, one function asking AppKit
#     whether a click in a scroll bar pages (isScrollerPageOnTap), which every Fyne widget imports
#     and so app/ and docs/. For them, Fyne is vetted from a copy of its module (in the user's
#     cache folder, outside the repository, whose checks would take the copy for project code)
#     where that function is a Go stub returning false, through an alternate go.mod (-modfile)
#     replacing fyne.io/fyne/v2 by the copy; the checked-in go.mod and the module cache are not
#     touched (the go command refuses overlays of files in the module cache).
# Then the tests that need no Mac (DEVELOPING.md §11): the build-tag-free
# helpers of the *_darwin.go files, run on Linux.
set -euo pipefail
cd "$(dirname "$0")/../.."
TAGS=${TAGS:-no_animations}
work=${ZIPING_DARWIN_CHECK_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/ziping-darwin-check}
fyne_dir=$(go list -m -f '{{.Dir}}' fyne.io/fyne/v2)
fyne_ver=$(go list -m -f '{{.Version}}' fyne.io/fyne/v2)
stub=internal/widget/scroller_behavior_darwin.go
if [ "$(cat "$work/fyne.version" 2>/dev/null)" != "$fyne_ver" ]; then
	rm -rf "$work" && mkdir -p "$work"
	cp -r "$fyne_dir" "$work/fyne" && chmod -R u+w "$work/fyne"
	# The stub must replace exactly the cgo function named above: a Fyne upgrade that changes
	# the file fails here instead of vetting something else.
	grep -q 'return C.getScrollerPagingBehavior() == 0' "$work/fyne/$stub" || {
		echo "darwin-check: $stub of Fyne $fyne_ver is not the one this stub replaces" >&2; exit 1; }
	rm "$work/fyne/${stub%.go}.m"
	printf '//go:build darwin\n\npackage widget\n\n// Stub for make darwin-check (tools/darwin/check.sh): AppKit is not reachable without cgo.\nfunc isScrollerPageOnTap() bool { return false }\n' >"$work/fyne/$stub"
	echo "$fyne_ver" >"$work/fyne.version"
fi
cp go.mod "$work/go.mod" && cp go.sum "$work/go.sum"
go mod edit -modfile="$work/go.mod" -replace "fyne.io/fyne/v2=$work/fyne"
pkgs=$(go list ./... | grep -v '^ziping$')
for arch in amd64 arm64; do
	start=$SECONDS
	echo "go vet GOOS=darwin GOARCH=$arch CGO_ENABLED=0: $(echo "$pkgs" | wc -l) packages (all but the root, ziping: Fyne's GLFW driver is cgo)"
	GOOS=darwin GOARCH=$arch CGO_ENABLED=0 go vet -modfile="$work/go.mod" -tags "$TAGS" $pkgs
	echo "  ok, $((SECONDS - start)) s"
done
# The root package for macOS, to show why it is left out: it must fail on cgo, and only on cgo.
if out=$(GOOS=darwin GOARCH=arm64 CGO_ENABLED=0 go list -deps -tags "$TAGS" . 2>&1); then
	echo "darwin-check: the root package now builds for macOS without cgo: vet it here" >&2; exit 1
fi
echo "$out" | grep -q 'github.com/go-gl/gl/v2.1/gl: build constraints exclude all Go files' || {
	echo "darwin-check: the root package fails for macOS for another reason than cgo:" >&2; echo "$out" >&2; exit 1; }
echo "root package ziping: not vetted for macOS (needs cgo: fyne.io/fyne/v2/app → github.com/go-gl/gl)"
# The macOS logic tested through build-tag-free helpers, on this system.
go test -count=1 -tags "$TAGS" -run 'Darwin|MacOS' ./app/ ./storage/ ./internal/...

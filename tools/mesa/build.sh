#!/bin/bash
# Builds Mesa's software OpenGL for Windows (opengl32.dll and the libgallium_wgl.dll it loads: the
# gallium WGL target with softpipe) from Debian's mesa source package with MinGW-w64, and copies
# the stripped DLLs into OUTDIR (default assets/windows/mesa) with their sha256 in SHA256SUMS and
# Mesa's licence in LICENSE-mesa.txt.
# The program loads them when a PC has no working OpenGL 2.1 driver
# (internal/platform/opengl_windows.go); `make mesa-windows` runs this script.
#
# Why softpipe and not llvmpipe: llvmpipe needs LLVM built for MinGW, which no Debian package
# provides; softpipe needs no LLVM and draws the window well enough, only slower.
#
# Debian's source comes through apt with a private deb-src list (the machine's own sources are
# left alone), pinned to MESA_DEB_VERSION so that assets/windows/mesa/README.md says what was built;
# Debian's patches (debian/patches/series) are applied as Debian's own build does.
# The work tree (MESA_WORK, default /tmp/ziping-mesa) is kept between runs: a second run only
# rebuilds what changed. The build uses at most MESA_JOBS (default 2) jobs under nice.
set -euo pipefail

cd "$(dirname "$0")/../.."
root=$PWD
out=${1:-assets/windows/mesa}
case $out in /*) ;; *) out=$root/$out ;; esac
work=${MESA_WORK:-/tmp/ziping-mesa}
version=${MESA_DEB_VERSION:-22.3.6-1+deb12u2}
jobs=${MESA_JOBS:-2}
upstream=${version%%-*}
# Meson's Python must have mako: Debian's python3, not a Python earlier on PATH.
export PATH=/usr/bin:$PATH

need=(meson ninja-build python3-mako bison flex dpkg-dev gcc-mingw-w64-x86-64 g++-mingw-w64-x86-64)
missing=()
for p in "${need[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=; [ "$(id -u)" = 0 ] || sudo=sudo
  echo "installing Debian packages: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get -o DPkg::Lock::Timeout=600 install -y -qq "${missing[@]}"
fi

src=$work/mesa-$version
if [ ! -f "$src/.patched" ]; then
  mkdir -p "$work/apt/lists/partial" "$work/apt/parts"
  . /etc/os-release
  cat > "$work/apt/parts/deb-src.sources" <<EOF
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: $VERSION_CODENAME $VERSION_CODENAME-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

Types: deb-src
URIs: http://deb.debian.org/debian-security
Suites: $VERSION_CODENAME-security
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
EOF
  apt=(-o Dir::Etc::SourceList=/dev/null -o "Dir::Etc::SourceParts=$work/apt/parts"
       -o "Dir::State::Lists=$work/apt/lists" -o APT::Sandbox::User=root)
  apt-get "${apt[@]}" update -qq
  (cd "$work" && apt-get "${apt[@]}" source --download-only "mesa=$version")
  rm -rf "$src"
  dpkg-source -x "$work/mesa_$version.dsc" "$src"
  (cd "$src" && while read -r p; do
     case $p in ''|'#'*) continue ;; esac
     patch -p1 -s < "debian/patches/$p"
   done < debian/patches/series)
  touch "$src/.patched"
fi

build=$work/build-$version
if [ ! -f "$build/build.ninja" ]; then
  # Only what the WGL opengl32.dll needs: no LLVM, no Vulkan, no GLES, EGL, GLX or GBM, no shader
  # cache (and so no zlib or zstd), no tests or tools.
  meson setup "$build" "$src" --cross-file "$root/tools/mesa/x86_64-w64-mingw32.ini" \
    -Dbuildtype=release -Doptimization=2 -Db_ndebug=true \
    -Dplatforms=windows -Dgallium-drivers=swrast -Dvulkan-drivers= -Dllvm=disabled \
    -Dopengl=true -Dgles1=disabled -Dgles2=disabled -Degl=disabled -Dglx=disabled -Dgbm=disabled \
    -Dosmesa=false -Dshared-glapi=disabled -Dshader-cache=disabled -Dzlib=disabled -Dzstd=disabled \
    -Dbuild-tests=false -Dtools= -Dvideo-codecs= -Dvalgrind=disabled -Dlibunwind=disabled \
    -Dlmsensors=disabled -Dmicrosoft-clc=disabled -Dspirv-to-dxil=false -Dgallium-va=disabled \
    -Dgallium-vdpau=disabled -Dgallium-omx=disabled -Dgallium-xa=disabled -Dgallium-nine=false \
    -Dgallium-opencl=disabled -Dgallium-d3d10umd=false -Dperfetto=false
fi
nice ninja -C "$build" -j "$jobs" src/gallium/targets/libgl-gdi/opengl32.dll

mkdir -p "$out"
for dll in src/gallium/targets/libgl-gdi/opengl32.dll src/gallium/targets/wgl/libgallium_wgl.dll; do
  x86_64-w64-mingw32-strip -o "$out/$(basename "$dll")" "$build/$dll"
done
# The DLLs must import nothing but Windows' own DLLs (no MinGW runtime beside them).
imports=$(for f in "$out"/*.dll; do x86_64-w64-mingw32-objdump -p "$f" | sed -n 's/^\tDLL Name: //p'; done | sort -u)
echo "imports:" $imports
if echo "$imports" | grep -qiE 'libgcc|libstdc|winpthread|mingw'; then
  echo "error: a DLL needs a MinGW runtime DLL" >&2
  exit 1
fi
# Mesa's licence (docs/license.rst: MIT for the core, the licence of each component) and Debian's
# list of every file's copyright and licence, which the DLLs must carry.
{
  echo "Mesa $upstream (Debian source package mesa $version): opengl32.dll, libgallium_wgl.dll"
  echo
  echo "==== docs/license.rst"
  cat "$src/docs/license.rst"
  echo
  echo "==== debian/copyright"
  cat "$src/debian/copyright"
} > "$out/LICENSE-mesa.txt"
(cd "$out" && sha256sum opengl32.dll libgallium_wgl.dll > SHA256SUMS)
echo "mesa $version ($upstream) -> $out:"
(cd "$out" && ls -l opengl32.dll libgallium_wgl.dll && cat SHA256SUMS)

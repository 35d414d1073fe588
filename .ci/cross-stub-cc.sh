#!/usr/bin/env bash
# A stand-in C compiler and archiver for .ci/cross-check.sh.
#
# Why it exists: build scripts of some dependencies (ring's, for its C and assembly parts)
# compile C code even under `cargo check`, and this Linux machine has no MSVC or Apple C
# toolchain (nor their headers). A type check never links, so those objects are never
# used: it is enough that every file the build script asks for exists. This script writes
# an empty file wherever it is asked to write one and exits 0, for the compiler flags
# cc-rs uses (`-o FILE`, `-oFILE`, `-FoFILE`, `/FoFILE`, `-out:FILE`, `/OUT:FILE`) and for
# `ar`'s archive argument (`ar crs ARCHIVE objects...`, `ar s ARCHIVE`).
# Never use it for anything that is linked or run.
set -euo pipefail

touch_out() { mkdir -p -- "$(dirname -- "$1")" && : >"$1"; }

wrote=0
for ((i = 1; i <= $#; i++)); do
  arg=${!i}
  case "$arg" in
    -o) next=$((i + 1)); [ "$next" -le $# ] && touch_out "${!next}" && wrote=1 ;;
    -out:* | -OUT:* | /out:* | /OUT:*) touch_out "${arg#*:}" && wrote=1 ;;
    -o?*) touch_out "${arg#-o}" && wrote=1 ;;
    -Fo?* | /Fo?*) touch_out "${arg#?Fo}" && wrote=1 ;;
  esac
done

# ar style: the first argument bundles the operation letters, the second is the archive.
if [ "$wrote" -eq 0 ] && [ "$#" -ge 2 ] && [[ "$1" =~ ^[a-zA-Z]+$ ]] && [[ "$2" == *.a || "$2" == *.lib ]]; then
  touch_out "$2"
fi
exit 0

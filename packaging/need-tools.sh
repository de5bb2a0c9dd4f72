#!/usr/bin/env bash
# Install missing command-line tools from Debian:  need-tools.sh TOOL=PACKAGE...
# e.g. `need-tools.sh objdump=binutils`. Used by `make bundle` (PyInstaller reads ELF files
# with objdump) and `make bundle-check` (the freedesktop validators); tests install nothing.
set -euo pipefail
missing=()
for pair in "$@"; do
  command -v "${pair%%=*}" >/dev/null || missing+=("${pair#*=}")
done
((${#missing[@]})) || exit 0
if ! command -v apt-get >/dev/null; then
  echo "need-tools: missing ${missing[*]} and no apt-get here; install them by hand" >&2
  exit 1
fi
sudo=()
((EUID == 0)) || sudo=(sudo)
echo "need-tools: installing ${missing[*]}"
"${sudo[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null

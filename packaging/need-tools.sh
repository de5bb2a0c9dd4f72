#!/usr/bin/env bash
# Install the freedesktop validators that tests/packaging uses, from Debian, if they are missing:
# desktop-file-validate (desktop-file-utils), appstreamcli (appstream), update-mime-database
# (shared-mime-info). Used by `make bundle-check`; tests never install anything themselves.
set -euo pipefail
declare -A package_of=(
  [desktop-file-validate]=desktop-file-utils
  [appstreamcli]=appstream
  [update-mime-database]=shared-mime-info
)
missing=()
for tool in "${!package_of[@]}"; do
  command -v "$tool" >/dev/null || missing+=("${package_of[$tool]}")
done
((${#missing[@]})) || exit 0
if ! command -v apt-get >/dev/null; then
  echo "install-validators: missing ${missing[*]} and no apt-get here; install them by hand" >&2
  exit 1
fi
sudo=()
((EUID == 0)) || sudo=(sudo)
echo "install-validators: installing ${missing[*]}"
"${sudo[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null

#!/usr/bin/env bash
# Install the built bundle with its desktop entry, AppStream metainfo, MIME type and icon:
#   packaging/install.sh [PREFIX]        (default ~/.local; BUNDLE=dir overrides dist/vscdesk)
# The desktop entry runs `vscdesk`, so PREFIX/bin must be on PATH (~/.local/bin usually is).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
prefix=${1:-$HOME/.local}
bundle=${BUNDLE:-$root/dist/vscdesk}
id=org.vscdesk.vscdesk
if [[ ! -x $bundle/vscdesk ]]; then
  echo "install: no bundle in $bundle; run make bundle first" >&2
  exit 1
fi
share=$prefix/share
mkdir -p "$prefix/lib" "$prefix/bin" "$share/applications" "$share/metainfo" \
  "$share/mime/packages" "$share/icons/hicolor/scalable/apps"
rm -rf "$prefix/lib/vscdesk"
cp -a "$bundle" "$prefix/lib/vscdesk"
ln -sfn ../lib/vscdesk/vscdesk "$prefix/bin/vscdesk"
install -m 644 "$root/packaging/$id.desktop" "$share/applications/$id.desktop"
install -m 644 "$root/packaging/$id.metainfo.xml" "$share/metainfo/$id.metainfo.xml"
install -m 644 "$root/packaging/$id.mime.xml" "$share/mime/packages/$id.xml"
install -m 644 "$root/resources/icons/vscdesk.svg" "$share/icons/hicolor/scalable/apps/$id.svg"
if command -v update-mime-database >/dev/null; then update-mime-database "$share/mime"; fi
if command -v update-desktop-database >/dev/null; then update-desktop-database -q "$share/applications"; fi
echo "installed vscdesk in $prefix (command: $prefix/bin/vscdesk)"

"""Render the app icon (resources/icons/vscdesk.svg) as Windows .ico and macOS .icns files.

    .venv/bin/python packaging/make_icons.py      # rewrites packaging/vscdesk.ico and .icns

Run it when the SVG changes and commit both files: PyInstaller needs them on the Windows and
macOS build machines, which then need neither Qt's SVG renderer nor Pillow at build time.
Both containers hold PNG images (Windows Vista+ and macOS 10.7+ read those), written here
in a few lines rather than through an image library that would become a build dependency.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SVG = ROOT / "resources" / "icons" / "vscdesk.svg"
ICO = ROOT / "packaging" / "vscdesk.ico"
ICNS = ROOT / "packaging" / "vscdesk.icns"
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
#: icns element types holding PNG data, by pixel size (the @2x types reuse the larger image)
ICNS_TYPES = ((b"icp4", 16), (b"icp5", 32), (b"icp6", 64), (b"ic07", 128), (b"ic08", 256),
              (b"ic09", 512), (b"ic10", 1024), (b"ic11", 32), (b"ic12", 64), (b"ic13", 256),
              (b"ic14", 512))


def render_png(size: int) -> bytes:
    """The icon drawn at ``size`` × ``size`` pixels, as PNG bytes."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(SVG))
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(0)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data)


def ico_bytes(images: dict[int, bytes]) -> bytes:
    """An ICO container: a directory of (size, PNG) entries followed by the PNGs."""
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = len(header) + 16 * len(images)
    entries, blobs = b"", b""
    for size, png in sorted(images.items()):
        side = 0 if size >= 256 else size  # 0 means 256 in an ICO directory
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset)
        blobs += png
        offset += len(png)
    return header + entries + blobs


def icns_bytes(images: dict[int, bytes]) -> bytes:
    """An ICNS container: big-endian (type, length, PNG) elements after an 'icns' header."""
    body = b"".join(kind + struct.pack(">I", 8 + len(images[size])) + images[size]
                    for kind, size in ICNS_TYPES)
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841 - fonts
    sizes = sorted({*ICO_SIZES, *(size for _, size in ICNS_TYPES)})
    images = {size: render_png(size) for size in sizes}
    ICO.write_bytes(ico_bytes({size: images[size] for size in ICO_SIZES}))
    ICNS.write_bytes(icns_bytes(images))
    print(f"wrote {ICO.relative_to(ROOT)} ({ICO.stat().st_size} bytes), "
          f"{ICNS.relative_to(ROOT)} ({ICNS.stat().st_size} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

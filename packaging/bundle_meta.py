"""What the Windows and macOS bundles say about themselves, for packaging/vscdesk.spec.

Kept apart from the spec (which runs only inside PyInstaller) so the tests can check it on any
machine: the Windows version resource and the macOS Info.plist that registers ``*.vsc.json``.
"""

from __future__ import annotations

import re

APP_NAME = "vscdesk"
BUNDLE_ID = "org.vscdesk.vscdesk"  # also the desktop file's and the Wayland app id
DOCUMENT_UTI = "org.vscdesk.document"
DESCRIPTION = "Value streams across the value chain"
COPYRIGHT = "© vscdesk contributors, MIT licence"


def version_numbers(version: str) -> tuple[int, int, int, int]:
    """"0.1.0" → (0, 1, 0, 0): Windows wants four numbers, each 0-65535."""
    numbers = [int(part) for part in re.findall(r"\d+", version)[:4]]
    numbers += [0] * (4 - len(numbers))
    return tuple(min(n, 65535) for n in numbers)  # type: ignore[return-value]


def windows_version_info(version: str):
    """The version resource Explorer shows under Properties ▸ Details (PyInstaller's classes)."""
    from PyInstaller.utils.win32.versioninfo import (FixedFileInfo, StringFileInfo, StringStruct,
                                                     StringTable, VarFileInfo, VarStruct,
                                                     VSVersionInfo)

    numbers = version_numbers(version)
    strings = [
        StringStruct("CompanyName", "vscdesk"),
        StringStruct("FileDescription", f"vscdesk – {DESCRIPTION}"),
        StringStruct("FileVersion", version),
        StringStruct("InternalName", APP_NAME),
        StringStruct("LegalCopyright", COPYRIGHT),
        StringStruct("OriginalFilename", f"{APP_NAME}.exe"),
        StringStruct("ProductName", APP_NAME),
        StringStruct("ProductVersion", version),
    ]
    return VSVersionInfo(
        ffi=FixedFileInfo(filevers=numbers, prodvers=numbers, mask=0x3F, flags=0x0, OS=0x40004,
                          fileType=0x1, subtype=0x0, date=(0, 0)),
        kids=[StringFileInfo([StringTable("040904B0", strings)]),  # US English, Unicode
              VarFileInfo([VarStruct("Translation", [0x0409, 1200])])],
    )


def macos_info_plist(version: str) -> dict:
    """Info.plist entries beyond what PyInstaller's BUNDLE writes itself.

    ``*.vsc.json`` is declared as our own type (conforming to JSON), and the app registers as
    its owner and as an alternative editor of any JSON file: macOS identifies files by their
    last extension only, so a ``.vsc.json`` file is plain JSON to the Finder until the user
    picks vscdesk once under Get Info ▸ Open with ▸ Change All (docs/packaging.md)."""
    return {
        "CFBundleName": APP_NAME,
        "CFBundleDisplayName": APP_NAME,
        "CFBundleShortVersionString": version,
        "CFBundleVersion": version,
        "NSHumanReadableCopyright": COPYRIGHT,
        "NSHighResolutionCapable": True,
        "NSRequiresAquaSystemAppearance": False,  # follow the system's dark mode
        "LSMinimumSystemVersion": "11.0",
        "LSApplicationCategoryType": "public.app-category.productivity",
        "UTExportedTypeDeclarations": [{
            "UTTypeIdentifier": DOCUMENT_UTI,
            "UTTypeDescription": "vscdesk value stream map",
            "UTTypeConformsTo": ["public.json", "public.data"],
            "UTTypeIconFile": "vscdesk.icns",
            "UTTypeTagSpecification": {"public.filename-extension": ["vsc.json"],
                                       "public.mime-type": ["application/x-vscdesk+json"]},
        }],
        "CFBundleDocumentTypes": [
            {"CFBundleTypeName": "vscdesk value stream map", "CFBundleTypeRole": "Editor",
             "LSHandlerRank": "Owner", "LSItemContentTypes": [DOCUMENT_UTI],
             "CFBundleTypeIconFile": "vscdesk.icns"},
            {"CFBundleTypeName": "JSON document", "CFBundleTypeRole": "Editor",
             "LSHandlerRank": "Alternate", "LSItemContentTypes": ["public.json"]},
        ],
    }

"""The questions of the Share menu: host options, the join link to copy, a link to join.

Kept apart so tests can answer them (``tests/app/test_share.py``)."""

from __future__ import annotations

import getpass
import socket

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

DEFAULT_PORT = 8765


def default_name() -> str:
    try:
        return getpass.getuser() or "Architect"
    except (OSError, KeyError, ImportError):
        return "Architect"


def local_addresses() -> list[str]:
    """Addresses to listen on: this machine only first, then its networks, then all."""
    found = ["127.0.0.1"]
    try:
        for address in socket.gethostbyname_ex(socket.gethostname())[2]:
            if address not in found:
                found.append(address)
    except OSError:
        pass
    return [*found, "0.0.0.0"]


def _buttons(dialog: QDialog, layout: QVBoxLayout | QFormLayout, ok: str) -> None:
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                           | QDialogButtonBox.StandardButton.Cancel)
    box.button(QDialogButtonBox.StandardButton.Ok).setText(ok)
    box.accepted.connect(dialog.accept)
    box.rejected.connect(dialog.reject)
    layout.addWidget(box) if isinstance(layout, QVBoxLayout) else layout.addRow(box)


def ask_host(parent: QWidget) -> tuple[str, str, int] | None:
    """(your name, address to listen on, port) or None."""
    dialog = QDialog(parent)
    dialog.setWindowTitle("Host workshop")
    form = QFormLayout(dialog)
    name = QLineEdit(default_name())
    address = QComboBox()
    address.addItems(local_addresses())
    address.setEditable(True)
    port = QSpinBox()
    port.setRange(0, 65535)
    port.setValue(DEFAULT_PORT)
    form.addRow(QLabel("Others in the room join this map live. Only those with the\n"
                       "link (it holds a new random token) can join; it stops when you\n"
                       "choose Share ▸ Stop workshop or close the window."))
    form.addRow("Your &name:", name)
    form.addRow("&Listen on:", address)
    form.addRow("&Port:", port)
    _buttons(dialog, form, "Start")
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return name.text().strip() or default_name(), address.currentText().strip(), port.value()


def show_link(parent: QWidget, url: str) -> None:
    """The join link, with a button that copies it."""
    dialog = QDialog(parent)
    dialog.setWindowTitle("Workshop started")
    layout = QVBoxLayout(dialog)
    layout.addWidget(QLabel("Give this link to the people who should join (Share ▸ Join "
                            "workshop…):"))
    row = QHBoxLayout()
    field = QLineEdit(url)
    field.setReadOnly(True)
    field.setMinimumWidth(460)
    copy = QPushButton("&Copy")
    copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(url))
    row.addWidget(field)
    row.addWidget(copy)
    layout.addLayout(row)
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    box.rejected.connect(dialog.reject)
    layout.addWidget(box)
    dialog.exec()


def ask_join(parent: QWidget) -> tuple[str, str] | None:
    """(the link, your name) or None."""
    dialog = QDialog(parent)
    dialog.setWindowTitle("Join workshop")
    form = QFormLayout(dialog)
    link = QLineEdit(QGuiApplication.clipboard().text().strip()
                     if QGuiApplication.clipboard().text().startswith(("ws://", "wss://")) else "")
    link.setPlaceholderText("ws://host:port/map?token=…")
    link.setMinimumWidth(420)
    name = QLineEdit(default_name())
    form.addRow("Workshop &link:", link)
    form.addRow("Your &name:", name)
    _buttons(dialog, form, "Join")
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return link.text().strip(), name.text().strip() or default_name()

"""The small menu shown when a highlight is clicked: labels (or event types) and verdicts."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QPoint
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import QMenu, QWidget

from hakam.desk.index import ItemKey
from hakam.desk.review import Reviewer
from hakam.desk.session import SPAN
from hakam.store import ACCEPTED


def swatch(color: str) -> QIcon:
    pixmap = QPixmap(12, 12)
    pixmap.fill(QColor(color))
    return QIcon(pixmap)


def item_menu(parent: QWidget, reviewer: Reviewer, key: ItemKey, language: str) -> QMenu:
    session = reviewer.session
    schema = session.store.schema
    item = session.item(key)
    menu = QMenu(parent)
    menu.setObjectName("item-menu")
    if key[0] == SPAN:
        for name, entry in schema.entities.items():
            action = menu.addAction(swatch(entry.color), f"{entry.title(language)}\t{entry.key}")
            action.triggered.connect(lambda _=False, n=name: reviewer.label(n))
    else:
        for name, entry in schema.events.items():
            action = menu.addAction(swatch(entry.color), f"{entry.title(language)}\tE {entry.key.upper()}")
            action.triggered.connect(lambda _=False, n=name: reviewer.event_type(n))
    menu.addSeparator()
    menu.addAction(QCoreApplication.translate("Popup", "Accept")).triggered.connect(reviewer.accept)
    menu.addAction(QCoreApplication.translate("Popup", "Reject")).triggered.connect(reviewer.reject)
    if item is not None and item.status == ACCEPTED:
        menu.addAction(QCoreApplication.translate("Popup", "Delete")).triggered.connect(reviewer.delete)
    return menu


def show_item_menu(parent: QWidget, reviewer: Reviewer, key: ItemKey, where: QPoint, language: str) -> None:
    item_menu(parent, reviewer, key, language).popup(where)

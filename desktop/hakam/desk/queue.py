"""The document queue: filter by status, search the text, order by import or uncertainty."""

from __future__ import annotations

from bisect import bisect_left

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QComboBox, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from hakam.store import IGNORED, REVIEWED, TODO, DocumentView, Store

_TITLE_CHARS = 70
_ORDER_ROLE = Qt.ItemDataRole.UserRole + 1
_LIMIT = 5000


class QueuePanel(QWidget):
    documentChosen = Signal(int)

    def __init__(self, store: Store, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.status = QComboBox(objectName="queue-status")
        for text, value in ((self.tr("To review"), TODO), (self.tr("Reviewed"), REVIEWED),
                            (self.tr("Ignored"), IGNORED), (self.tr("All"), "")):  # fmt: skip
            self.status.addItem(text, value)
        self.order = QComboBox(objectName="queue-order")
        self.order.addItem(self.tr("Import order"), "import")
        self.order.addItem(self.tr("Most uncertain first"), "uncertain")
        self.search = QLineEdit(
            objectName="queue-search", placeholderText=self.tr("Search text…"), clearButtonEnabled=True
        )
        self.list = QListWidget(objectName="queue-list")
        self.list.setUniformItemSizes(True)
        self.list.setWordWrap(False)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # elide long titles
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        for widget in (self.status, self.order, self.search, self.list):
            layout.addWidget(widget)
        self._search_timer = QTimer(self, singleShot=True, interval=250)
        self._search_timer.timeout.connect(self.refresh)
        self.search.textChanged.connect(self._search_timer.start)
        self.status.currentIndexChanged.connect(self.refresh)
        self.order.currentIndexChanged.connect(self.refresh)
        self.list.itemActivated.connect(self._chosen)
        self.list.itemClicked.connect(self._chosen)
        self._current: int | None = None

    def set_order(self, order: str) -> None:
        """``import`` or ``uncertain`` (most uncertain suggestions first)."""
        self.order.setCurrentIndex(max(0, self.order.findData(order)))

    def refresh(self) -> None:
        """Re-read the queue (after a filter change or a document's status change)."""
        documents = self.store.documents.find(self.status.currentData() or None, self.search.text().strip() or None,
                                         self.order.currentData(), limit=_LIMIT)  # fmt: skip
        self.list.blockSignals(True)
        self.list.clear()
        for doc in documents:
            self.list.addItem(self._row(doc))
        self.list.blockSignals(False)
        self.mark_current(self._current)

    def _row(self, doc: DocumentView) -> QListWidgetItem:
        title = str(doc.meta.get("title") or doc.text.strip().split("\n", 1)[0])
        if len(title) > _TITLE_CHARS:
            title = title[:_TITLE_CHARS] + "…"
        item = QListWidgetItem(title)  # plain text: the list never renders HTML
        item.setData(Qt.ItemDataRole.UserRole, doc.id)
        item.setData(_ORDER_ROLE, self._order_key(doc))
        item.setToolTip(f"{doc.ext_id} · {doc.status}")
        return item

    def _order_key(self, doc: DocumentView) -> tuple:
        if self.order.currentData() == "uncertain":
            return (doc.uncertainty is None, -(doc.uncertainty or 0.0), doc.id)
        return (doc.id,)

    def _matches(self, doc: DocumentView) -> bool:
        status, search = self.status.currentData(), self.search.text().strip()
        return (not status or doc.status == status) and (not search or search in doc.text or search in doc.ext_id)

    def update_document(self, document_id: int) -> None:
        """One document's status changed: add, update or drop its row alone (no re-read of the queue)."""
        doc = self.store.documents.get(document_id)
        ids = self.ids()
        present = document_id in ids
        if present and not self._matches(doc):
            self.list.takeItem(ids.index(document_id))
        elif present:
            self.list.item(ids.index(document_id)).setToolTip(f"{doc.ext_id} · {doc.status}")
        elif self._matches(doc):
            row = self._row(doc)
            keys = [self.list.item(n).data(_ORDER_ROLE) for n in range(self.list.count())]
            self.list.insertItem(bisect_left(keys, row.data(_ORDER_ROLE)), row)
            self.mark_current(self._current)

    def ids(self) -> list[int]:
        return [self.list.item(n).data(Qt.ItemDataRole.UserRole) for n in range(self.list.count())]

    def mark_current(self, document_id: int | None) -> None:
        self._current = document_id
        ids = self.ids()
        if document_id in ids:
            self.list.setCurrentRow(ids.index(document_id))

    def neighbour(self, document_id: int, step: int) -> int | None:
        """The document ``step`` rows away from ``document_id`` in the queue as shown."""
        ids = self.ids()
        if document_id not in ids:
            return ids[0] if ids else None
        at = ids.index(document_id) + step
        return ids[at] if 0 <= at < len(ids) else None

    def _chosen(self, item: QListWidgetItem) -> None:
        self.documentChosen.emit(item.data(Qt.ItemDataRole.UserRole))

"""The event card: type, arguments with roles, attributes, verdict.

It shows the session's current event (the last trigger focused), so an entity
can be focused and given a role (R then a letter, or the role box) while the
card stays on its event. The argument rows follow the focused argument (G), and
Delete on a row removes it; every button is reached by Tab. Every edit is one
store call through the reviewer.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from hakam.core.schema import Attribute
from hakam.desk.i18n import fmt
from hakam.desk.review import Reviewer
from hakam.desk.session import Session
from hakam.store import ACCEPTED, EventView

_MAX_ROWS = 8


class EventCard(QGroupBox):
    def __init__(self, session: Session, reviewer: Reviewer, language: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("event-card")
        self.session, self.reviewer, self.language = session, reviewer, language
        schema = session.store.schema
        self.header = QLabel(objectName="event-header", textFormat=Qt.TextFormat.PlainText, wordWrap=True)
        self.type = QComboBox(objectName="event-type")
        for name, item in schema.events.items():
            self.type.addItem(
                f"{item.title(language)}  (E {item.key.upper()})" if item.key else item.title(language), name
            )
        self.type.activated.connect(self._type_chosen)

        self.arguments = QTreeWidget(objectName="event-arguments")
        self.arguments.setHeaderLabels([self.tr("Role"), self.tr("Text")])
        self.arguments.setRootIsDecorated(False)
        self.arguments.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.arguments.currentItemChanged.connect(self._row_chosen)
        self.arguments.installEventFilter(self)
        self.role = QComboBox(objectName="event-role")
        for name, item in schema.roles.items():
            self.role.addItem(
                f"{item.title(language)}  (R {item.key.upper()})" if item.key else item.title(language), name
            )
        add = QPushButton(self.tr("Add focused entity or selection"), objectName="event-add-argument")
        add.clicked.connect(lambda: self.reviewer.set_argument(self.role.currentData()))
        remove = QPushButton(self.tr("Remove argument"), objectName="event-remove-argument")
        remove.clicked.connect(self._remove_argument)
        argument_row = QHBoxLayout()
        argument_row.addWidget(self.role, 1)
        argument_row.addWidget(add)

        self.fields: dict[str, QLineEdit] = {}
        form = QFormLayout()
        for attribute in schema.attributes.values():
            field = QLineEdit(objectName=f"attribute-{attribute.name}")
            field.setPlaceholderText("YYYY-MM-DD" if attribute.type == "date" else "")
            field.editingFinished.connect(lambda a=attribute: self._attribute_edited(a))
            self.fields[attribute.name] = field
            title = attribute.ar if language.startswith("ar") else attribute.en
            form.addRow(title, field)
        self.error = QLabel(objectName="attribute-error", textFormat=Qt.TextFormat.PlainText, wordWrap=True)
        self.error.setStyleSheet("color: #c92a2a; font-weight: bold;")
        self.error.hide()

        accept = QPushButton(self.tr("Accept event"), objectName="event-accept")
        accept.clicked.connect(lambda: self.reviewer.event_verdict(True))
        reject = QPushButton(self.tr("Reject event"), objectName="event-reject")
        reject.clicked.connect(lambda: self.reviewer.event_verdict(False))
        verdict = QHBoxLayout()
        verdict.addWidget(accept)
        verdict.addWidget(reject)

        for button in (add, remove, accept, reject):
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # reached by Tab; a click leaves the keys in the article
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(self.type)
        layout.addWidget(QLabel(self.tr("Arguments (G: next, R then a letter: role, Delete: remove)")))
        layout.addWidget(self.arguments)
        layout.addWidget(remove)
        layout.addLayout(argument_row)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addLayout(verdict)
        chain = [self.type, self.arguments, remove, self.role, add, *self.fields.values(), accept, reject]
        for first, second in zip(chain, chain[1:]):
            QWidget.setTabOrder(first, second)
        session.eventChanged.connect(self.show_event)
        session.argumentChanged.connect(self._argument_focused)
        self.show_event(None)

    def event_view(self) -> EventView | None:
        current = self.session.current_event
        return self.session.events.get(current) if current is not None else None

    def show_event(self, _event_id: int | None) -> None:
        event = self.event_view()
        self.setEnabled(event is not None)
        self.setTitle(self.tr("Event"))
        self.arguments.clear()
        if event is None:
            self.header.setText(self.tr("Focus an event trigger (coloured text) to edit its event."))
            for field in self.fields.values():
                field.clear()
            return
        text = self.session.doc.text if self.session.doc else ""
        status = self.tr("accepted") if event.status == ACCEPTED else self.tr("suggested")
        score = f" · {event.score:.2f}" if event.score is not None else ""
        self.header.setText(f"«{text[event.start : event.end]}» · {status}{score}")
        self.type.setCurrentIndex(max(self.type.findData(event.type), 0))
        roles = self.session.store.schema.roles
        for argument in event.arguments:
            role = roles.get(argument.role)
            row = QTreeWidgetItem(
                [role.title(self.language) if role else argument.role, text[argument.start : argument.end]]
            )
            row.setData(0, Qt.ItemDataRole.UserRole, (argument.role, argument.start, argument.end))
            self.arguments.addTopLevelItem(row)
        self._fit_rows()
        self._argument_focused(self.session.argument)
        for name, field in self.fields.items():
            value = event.attributes.get(name)
            field.setText("" if value is None else str(value))
            field.setStyleSheet("")
        self.error.hide()

    def _fit_rows(self) -> None:
        """Tall enough for every argument (up to ``_MAX_ROWS``; then it scrolls), never cutting a row."""
        rows = min(max(self.arguments.topLevelItemCount(), 2), _MAX_ROWS)
        row_height = self.arguments.sizeHintForRow(0) if self.arguments.topLevelItemCount() else 0
        row_height = max(row_height, self.fontMetrics().height() + 6)
        header = self.arguments.header().sizeHint().height()
        self.arguments.setFixedHeight(header + rows * row_height + 2 * self.arguments.frameWidth() + 2)

    def _argument_focused(self, index: int | None) -> None:
        self.arguments.blockSignals(True)
        item = self.arguments.topLevelItem(index) if index is not None else None
        self.arguments.setCurrentItem(item)
        if item is None:
            self.arguments.clearSelection()
        self.arguments.blockSignals(False)

    def _row_chosen(self, current: QTreeWidgetItem | None, _previous: QTreeWidgetItem | None) -> None:
        if current is not None:
            self.session.set_argument_focus(self.arguments.indexOfTopLevelItem(current))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.arguments and event.type() == QEvent.Type.KeyPress:
            if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
                self._remove_argument()
                return True
        return super().eventFilter(watched, event)

    def _type_chosen(self, _index: int) -> None:
        event = self.event_view()
        if event is not None and self.type.currentData() != event.type:
            self.reviewer.retype_current(self.type.currentData())

    def _remove_argument(self) -> None:
        row = self.arguments.currentItem()
        if row is not None:
            self.session.set_argument_focus(self.arguments.indexOfTopLevelItem(row))
            self.reviewer.remove_focused_argument()

    def _attribute_edited(self, attribute: Attribute) -> None:
        event = self.event_view()
        field = self.fields[attribute.name]
        if event is None:
            return
        value = field.text().strip()
        problem = self._problem(attribute, value)
        if problem:
            field.setStyleSheet("border: 2px solid #c92a2a;")
            self.error.setText(problem)
            self.error.show()
            return
        field.setStyleSheet("")
        self.error.hide()
        if attribute.parse(value) != event.attributes.get(attribute.name):
            self.reviewer.set_attribute(attribute.name, value)

    def _problem(self, attribute: Attribute, value: str) -> str | None:
        """Why ``value`` cannot be stored, in the reviewer's words (``None``: it can)."""
        title = attribute.ar if self.language.startswith("ar") else attribute.en
        try:
            attribute.parse(value)
        except ValueError:
            if attribute.type == "int":
                return fmt(self.tr("%1: write a whole number, 0 or more"), title)
            if attribute.type == "date":
                return fmt(self.tr("%1: write a date as YYYY-MM-DD"), title)
            return fmt(self.tr("%1: not a valid value"), title)
        return None

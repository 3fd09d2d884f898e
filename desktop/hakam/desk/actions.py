"""The one action table: id, translatable text, default keys, menu, scope.

Menus, shortcuts and the F1 help overlay are all built from it. Keys for labels,
event types and roles come from the schema. A user override per action is read
from the store setting ``desk.shortcuts`` (JSON, keys separated by ``;``: ``{"accept": "Return; A"}``).

Direction keys follow the text, which runs right to left: Shift+← moves the
left edge (the span's end) one token further left, Shift+→ pulls it back;
Ctrl+Shift+→ moves the right edge (the span's start) one token further right,
Ctrl+Shift+← pulls it back. Without a focused highlight these keys select text;
W selects the caret's word and each W adds the next word (Shift+W drops one).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import orjson
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMenuBar, QWidget

from hakam.core.schema import Schema
from hakam.desk.i18n import fmt

ARTICLE, WINDOW = "article", "window"  # where a key works: in the article view, or anywhere
MENUS = (
    ("file", QT_TRANSLATE_NOOP("Menus", "&File")),
    ("review", QT_TRANSLATE_NOOP("Menus", "&Review")),
    ("labels", QT_TRANSLATE_NOOP("Menus", "&Labels")),
    ("events", QT_TRANSLATE_NOOP("Menus", "&Events")),
    ("document", QT_TRANSLATE_NOOP("Menus", "&Document")),
    ("view", QT_TRANSLATE_NOOP("Menus", "&View")),
    ("help", QT_TRANSLATE_NOOP("Menus", "&Help")),
)


@dataclass(frozen=True, slots=True)
class ActionSpec:
    id: str
    text: str  # source text, translated in context "Actions"; "%1" takes ``arg``
    keys: tuple[str, ...]  # QKeySequence portable text; the first is shown in menus
    menu: str
    scope: str = ARTICLE
    arg: str = ""  # a schema title filled into ``text``


_T = QT_TRANSLATE_NOOP
ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec("import", _T("Actions", "Import documents…"), ("Ctrl+O",), "file", WINDOW),
    ActionSpec("import-folder", _T("Actions", "Import a folder…"), ("Ctrl+Shift+O",), "file", WINDOW),
    ActionSpec("export", _T("Actions", "Export reviewed documents…"), ("Ctrl+E",), "file", WINDOW),
    ActionSpec("suggest", _T("Actions", "Suggest for this document"), ("Ctrl+R",), "file", WINDOW),
    ActionSpec("suggest-all", _T("Actions", "Suggest for all documents to review"), ("Ctrl+Shift+R",), "file", WINDOW),
    ActionSpec("annotator", _T("Actions", "Annotator name…"), (), "file", WINDOW),
    ActionSpec("train", _T("Actions", "Train from reviewed…"), ("Ctrl+T",), "file", WINDOW),
    ActionSpec("preferences", _T("Actions", "Preferences…"), ("Ctrl+,",), "file", WINDOW),
    ActionSpec("quit", _T("Actions", "Quit"), ("Ctrl+Q",), "file", WINDOW),
    ActionSpec("next", _T("Actions", "Next suggestion"), ("J", "Tab"), "review"),
    ActionSpec("previous", _T("Actions", "Previous suggestion"), ("K", "Shift+Tab"), "review"),
    ActionSpec("next-item", _T("Actions", "Next item, accepted ones too"), ("N",), "review"),
    ActionSpec("previous-item", _T("Actions", "Previous item, accepted ones too"), ("P",), "review"),
    ActionSpec("accept", _T("Actions", "Accept"), ("Return", "Enter", "A"), "review"),
    ActionSpec("reject", _T("Actions", "Reject"), ("X", "Backspace"), "review"),
    ActionSpec("delete", _T("Actions", "Delete the accepted highlight or the focused argument"), ("Delete",), "review"),
    ActionSpec("select-word", _T("Actions", "Select the word at the caret, then one more word"), ("W",), "review"),
    ActionSpec("unselect-word", _T("Actions", "One word less in the selection"), ("Shift+W",), "review"),
    ActionSpec("grow-end", _T("Actions", "Grow: move the left edge one word left"), ("Shift+Left",), "review"),
    ActionSpec("shrink-end", _T("Actions", "Shrink: move the left edge one word right"), ("Shift+Right",), "review"),
    ActionSpec(
        "grow-start", _T("Actions", "Grow: move the right edge one word right"), ("Ctrl+Shift+Right",), "review"
    ),
    ActionSpec(
        "shrink-start", _T("Actions", "Shrink: move the right edge one word left"), ("Ctrl+Shift+Left",), "review"
    ),
    ActionSpec("clear-focus", _T("Actions", "Clear focus and selection"), ("Escape",), "review"),
    ActionSpec("next-argument", _T("Actions", "Next argument of the selected event"), ("G",), "events"),
    ActionSpec("previous-argument", _T("Actions", "Previous argument of the selected event"), ("Shift+G",), "events"),
    ActionSpec(
        "accept-all", _T("Actions", "Accept all remaining in this document"), ("Ctrl+Shift+A",), "document", WINDOW
    ),
    ActionSpec(
        "reviewed", _T("Actions", "Mark reviewed and open next"), ("Ctrl+Return", "Ctrl+Enter"), "document", WINDOW
    ),
    ActionSpec("ignore", _T("Actions", "Ignore document and open next"), ("Ctrl+I",), "document", WINDOW),
    ActionSpec("reopen", _T("Actions", "Reopen document for review"), (), "document", WINDOW),
    ActionSpec("next-document", _T("Actions", "Next document"), ("Ctrl+PgDown",), "document", WINDOW),
    ActionSpec("previous-document", _T("Actions", "Previous document"), ("Ctrl+PgUp",), "document", WINDOW),
    ActionSpec("undo", _T("Actions", "Undo"), ("Ctrl+Z",), "document", WINDOW),
    ActionSpec("redo", _T("Actions", "Redo"), ("Ctrl+Shift+Z", "Ctrl+Y"), "document", WINDOW),
    ActionSpec("search", _T("Actions", "Search documents"), ("Ctrl+F",), "view", WINDOW),
    ActionSpec("dashboard", _T("Actions", "Dashboard"), ("F9",), "view", WINDOW),
    ActionSpec("focus-article", _T("Actions", "Back to the article"), ("F6",), "view", WINDOW),
    ActionSpec("focus-entities", _T("Actions", "Entities list (Enter shows the entity)"), ("F7",), "view", WINDOW),
    ActionSpec("focus-events", _T("Actions", "Events list (Enter shows the event)"), ("F8",), "view", WINDOW),
    ActionSpec("zoom-in", _T("Actions", "Larger text"), ("Ctrl++", "Ctrl+="), "view", WINDOW),
    ActionSpec("zoom-out", _T("Actions", "Smaller text"), ("Ctrl+-",), "view", WINDOW),
    ActionSpec("zoom-reset", _T("Actions", "Normal text size"), ("Ctrl+0",), "view", WINDOW),
    ActionSpec("help", _T("Actions", "Keyboard help"), ("F1", "?"), "help", WINDOW),
    ActionSpec("load-samples", _T("Actions", "Load the sample articles"), (), "help", WINDOW),
    ActionSpec("check-database", _T("Actions", "Check the database"), (), "help", WINDOW),
)


def schema_actions(schema: Schema, language: str) -> tuple[ActionSpec, ...]:
    """Label keys (1–9), event-type keys (E then a letter) and role keys (R then a letter)."""
    specs = [
        ActionSpec(
            f"label:{name}",
            _T("Actions", "Label: %1"),
            (item.key,) if item.key else (),
            "labels",
            arg=item.title(language),
        )  # fmt: skip
        for name, item in schema.entities.items()
    ]
    specs += [
        ActionSpec(
            f"event:{name}",
            _T("Actions", "Event type: %1"),
            (f"E, {item.key.upper()}",) if item.key else (),
            "events",
            arg=item.title(language),
        )  # fmt: skip
        for name, item in schema.events.items()
    ]
    specs += [
        ActionSpec(
            f"role:{name}",
            _T("Actions", "Argument role: %1"),
            (f"R, {item.key.upper()}",) if item.key else (),
            "events",
            arg=item.title(language),
        )  # fmt: skip
        for name, item in schema.roles.items()
    ]
    return tuple(specs)


def spec_text(spec: ActionSpec) -> str:
    return fmt(QCoreApplication.translate("Actions", spec.text), spec.arg)


_NATIVE = QKeySequence.SequenceFormat.NativeText
_LRM = "\u200e"


def ltr(keys: str) -> str:
    """Keys read left to right in the mirrored Arabic UI: left-to-right marks around them keep
    "Ctrl+," from being shown as "+Ctrl," (QMenu draws the text after a tab as the shortcut)."""
    return f"{_LRM}{keys}{_LRM}"


def parse_overrides(raw: str | None) -> dict[str, tuple[str, ...]]:
    """``desk.shortcuts`` setting: action id -> key sequences."""
    if not raw:
        return {}
    try:
        data = orjson.loads(raw)
    except orjson.JSONDecodeError:
        return {}
    return {str(k): tuple(s.strip() for s in str(v).split(";") if s.strip()) for k, v in data.items()}


class ActionTable:
    """QActions built from the specs; ``handlers`` maps an action id (or a prefix such as ``label:``) to a callable."""

    def __init__(self, window: QWidget, article: QWidget, specs: tuple[ActionSpec, ...],
                 handlers: dict[str, Callable[[str], None]], overrides: dict[str, tuple[str, ...]]):  # fmt: skip
        self.specs = specs
        self.actions: dict[str, QAction] = {}
        for spec in specs:
            action = QAction(spec_text(spec), window)
            keys = overrides.get(spec.id, spec.keys)
            action.setShortcuts([QKeySequence(k, QKeySequence.SequenceFormat.PortableText) for k in keys])
            if spec.scope == ARTICLE:
                action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
                article.addAction(action)
            else:
                action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
                window.addAction(action)
            if keys and window.isRightToLeft():
                action.setText(f"{spec_text(spec)}\t{ltr(action.shortcut().toString(_NATIVE))}")
            handler = handlers.get(spec.id) or handlers.get(spec.id.split(":")[0] + ":")
            if handler is not None:
                action.triggered.connect(lambda _=False, h=handler, i=spec.id: h(i))
            self.actions[spec.id] = action

    def fill_menus(self, bar: QMenuBar) -> dict[str, QMenu]:
        menus = {key: bar.addMenu(QCoreApplication.translate("Menus", title)) for key, title in MENUS}
        for spec in self.specs:
            menus[spec.menu].addAction(self.actions[spec.id])
        return menus

    def keys_text(self, action_id: str) -> str:
        """The keys of an action as the user sees them (native text)."""
        shortcuts = self.actions[action_id].shortcuts()
        return "  /  ".join(s.toString(_NATIVE) for s in shortcuts)

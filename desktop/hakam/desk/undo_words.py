"""What an undo or redo reverted, in the reviewer's words ("Undone: Relabel «حلب»")."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from hakam.store import Change, Store

_ACTIONS = {
    "accept": QT_TRANSLATE_NOOP("Decisions", "Accept"),
    "reject": QT_TRANSLATE_NOOP("Decisions", "Reject"),
    "relabel": QT_TRANSLATE_NOOP("Decisions", "Relabel"),
    "resize": QT_TRANSLATE_NOOP("Decisions", "Resize"),
    "delete": QT_TRANSLATE_NOOP("Decisions", "Delete"),
    "add": QT_TRANSLATE_NOOP("Decisions", "New entity"),
    "accept-all": QT_TRANSLATE_NOOP("Decisions", "Accept all"),
    "event-accept": QT_TRANSLATE_NOOP("Decisions", "Accept event"),
    "event-reject": QT_TRANSLATE_NOOP("Decisions", "Reject event"),
    "event-delete": QT_TRANSLATE_NOOP("Decisions", "Delete event"),
    "event-retype": QT_TRANSLATE_NOOP("Decisions", "Event type"),
    "event-resize": QT_TRANSLATE_NOOP("Decisions", "Resize trigger"),
    "event-argument": QT_TRANSLATE_NOOP("Decisions", "Argument"),
    "event-argument-remove": QT_TRANSLATE_NOOP("Decisions", "Remove argument"),
    "event-attribute": QT_TRANSLATE_NOOP("Decisions", "Event attribute"),
    "event-add": QT_TRANSLATE_NOOP("Decisions", "New event"),
    "review": QT_TRANSLATE_NOOP("Decisions", "Mark reviewed"),
    "ignore": QT_TRANSLATE_NOOP("Decisions", "Ignore document"),
    "reopen": QT_TRANSLATE_NOOP("Decisions", "Reopen document"),
}


def reverted_action(store: Store, change: Change) -> str:
    """The action an undo/redo ``change`` reverted (its own action if it is neither)."""
    decisions = store.decisions.log(change.document_id)
    batches = {d["batch"]: d for d in decisions}
    reverts = batches.get(change.batch, {}).get("reverts")
    original = batches.get(reverts) if reverts is not None else None
    return original["action"] if original else change.action


def describe_action(action: str) -> str:
    source = _ACTIONS.get(action)
    return QCoreApplication.translate("Decisions", source) if source else action

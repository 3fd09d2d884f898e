"""Undo and redo of the curator's settlements in the curation view.

Taking a reading writes several actions to the decision log (delete what was there, add
what was taken); one curator step groups them, so Ctrl+Z reverts the whole settlement with
the store's own per-annotator undo, and reopens the difference it settled."""

from __future__ import annotations

from dataclasses import dataclass

from hakam.desk.curation_state import CurationState


@dataclass(frozen=True, slots=True)
class CuratorStep:
    """One settlement or relabelling: its document, the difference's key, how it stood
    before and after (None: open), how many logged actions it took, and what it was."""

    document_id: int
    key: tuple[str, int, int]
    before: int | None
    after: int | None
    actions: int
    what: str


class CurationHistory:
    """The curator's steps of this session, undone and redone whole."""

    def __init__(self, state: CurationState):
        self.state = state
        self._undo: list[CuratorStep] = []
        self._redo: list[CuratorStep] = []

    def record(self, step: CuratorStep) -> None:
        if step.actions:
            self._undo.append(step)
            self._redo.clear()

    def undo(self) -> CuratorStep | None:
        """Revert the last step (None: nothing to undo); raises DecisionError when stale."""
        if not self._undo:
            return None
        step = self._undo.pop()
        for _ in range(step.actions):
            self.state.store.decisions.undo()
        self.state.mark(step.document_id, step.key, step.before)
        self._redo.append(step)
        return step

    def redo(self) -> CuratorStep | None:
        if not self._redo:
            return None
        step = self._redo.pop()
        for _ in range(step.actions):
            self.state.store.decisions.redo()
        self.state.mark(step.document_id, step.key, step.after)
        self._undo.append(step)
        return step

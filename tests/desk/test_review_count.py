"""Issue 15, "Measured": a whole review of a news article by keyboard only, with the
corrections a new annotator met (a wrongly accepted place, an entity one word too
short carrying an event argument, a missed name that becomes an argument), counted
key by key. Prints the count; it must stay at 50 or below."""

from __future__ import annotations

from PySide6.QtCore import Qt

from hakam.core.model import Argument, Document, Event, Span
from hakam.store import ACCEPTED, PENDING, REJECTED, REVIEWED, Store

from .conftest import find, open_window

K = Qt.Key
CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier
ARTICLE = (
    "بغداد (وكالات) - قتل ثلاثة من عناصر قوات الأمن العراقية وأصيب خمسة آخرون في هجوم شنه مسلحون من "
    "تنظيم داعش على نقطة تفتيش في قضاء الحويجة جنوب غرب كركوك مساء الأحد، بحسب ما أفادت خلية الإعلام "
    "الأمني في بيان.\n\n"
    "وقال البيان إن المهاجمين استخدموا الأسلحة الخفيفة والقنابل اليدوية، قبل أن ينسحبوا باتجاه وادي الشاي. "
    "وأضاف أن قوة من الحشد الشعبي طاردت المهاجمين، فيما نقل الجرحى إلى مستشفى كركوك العام.\n\n"
    "وفي سياق متصل، نفذت طائرات القوة الجوية العراقية غارات على مخابئ التنظيم في سلسلة جبال حمرين، "
    "أسفرت عن مقتل ستة مسلحين، وفق ما أعلنت قيادة العمليات المشتركة. وقال اللواء يحيى رسول إن العمليات "
    "ستستمر حتى تطهير المنطقة من بقايا التنظيم.\n\n"
    "وفي البصرة، تظاهر المئات للتنديد بانقطاع الكهرباء، وقطعوا طرقا رئيسية قرب حقل الرميلة، بينما دعت "
    "وزارة الداخلية المتظاهرين إلى الالتزام بالسلمية."
)
SPANS = (
    ("بغداد", "GPE"), ("الأمن العراقية", "ORG"), ("تنظيم داعش", "ORG"), ("الحويجة", "GPE"), ("كركوك", "GPE"),
    ("الأحد", "DATE"), ("خلية الإعلام الأمني", "ORG"), ("وادي الشاي", "GPE"), ("الحشد الشعبي", "ORG"),
    ("مستشفى كركوك العام", "FAC"), ("القوة الجوية العراقية", "ORG"), ("ستة", "DATE"),
    ("قيادة العمليات المشتركة", "ORG"), ("يحيى رسول", "PERS"), ("البصرة", "GPE"), ("الكهرباء", "ORG"),
    ("حقل الرميلة", "FAC"), ("وزارة الداخلية", "ORG"),
)  # fmt: skip
WRONG = {"ستة", "الكهرباء"}


def _span(word: str, label: str) -> Span:
    return Span(*find(ARTICLE, word), label, 0.7, "rules@1")


def _event(trigger: str, kind: str, *arguments: tuple[str, str]) -> Event:
    args = tuple(Argument(role, _span(word, "ORG")) for role, word in arguments)
    return Event(kind, _span(trigger, kind), args, {}, 0.8, "rules@1")


def suggested(store: Store) -> int:
    doc = store.documents.add(Document(ARTICLE, "kirkuk", {"title": "هجوم في الحويجة"}))
    events = [
        _event("قتل", "KILLING", ("VICTIM", "الأمن العراقية")),
        _event("أصيب", "INJURY"),
        _event("هجوم", "ATTACK", ("AGENT", "تنظيم داعش"), ("PLACE", "الحويجة")),
        _event("غارات", "AIRSTRIKE", ("AGENT", "القوة الجوية العراقية")),
        _event("مقتل", "KILLING"),
        _event("تظاهر", "PROTEST", ("PLACE", "البصرة")),
    ]
    store.suggestions.replace(doc, [_span(w, label) for w, label in SPANS], events)
    return doc


class Keys:
    """Presses keys on the article and counts them."""

    def __init__(self, qtbot, window):
        self.qtbot, self.window, self.count = qtbot, window, 0

    def __call__(self, *keys: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
        for key in keys:
            self.qtbot.keyClick(self.window.article, key, modifier)
            self.count += 1

    def focused(self) -> str:
        session = self.window.session
        return session.text_of(session.focus) if session.focus else ""


def test_keyboard_review_of_an_article(tmp_path, qtbot):
    store = Store(tmp_path / "review.sqlite", annotator="reviewer")
    store.settings.set("annotator", "reviewer")
    doc = suggested(store)
    window = open_window(qtbot, store)
    press = Keys(qtbot, window)
    assert press.focused() == "بغداد"
    press(K.Key_Return, K.Key_Return)  # بغداد, قتل
    assert press.focused() == "الأمن العراقية"
    press(K.Key_Right, modifier=CTRL | SHIFT)  # one word more on the right: قوات الأمن العراقية
    press(K.Key_Return)
    for _ in range(7):  # أصيب هجوم تنظيم داعش الحويجة كركوك الأحد خلية الإعلام الأمني
        press(K.Key_Return)
    assert press.focused() == "وادي الشاي"
    press(K.Key_Return)  # accepted as a GPE by mistake…
    press(K.Key_P, K.Key_4)  # …back to it (accepted items are reachable) and make it a location
    press(K.Key_J)
    for _ in range(3):  # الحشد الشعبي, مستشفى كركوك العام, القوة الجوية العراقية
        press(K.Key_Return)
    assert press.focused() == "غارات"
    hills = find(ARTICLE, "جبال")[0]
    while window.session.caret != hills:  # word by word on to the missed name (Ctrl+← in RTL text)
        press(K.Key_Left, modifier=CTRL)
        assert press.count < 40
    press(K.Key_W, K.Key_W, K.Key_4)  # select جبال حمرين, label it a location
    press(K.Key_R, K.Key_P)  # the place of the airstrike on the card
    press(K.Key_P)  # back to the airstrike trigger
    assert press.focused() == "غارات"
    session = window.session
    while session.focus is not None and session.item(session.focus).status == PENDING:
        press(K.Key_X if press.focused() in WRONG else K.Key_Return)
        assert press.count < 60
    press(K.Key_Return, modifier=CTRL)  # mark reviewed
    print(f"\nkeyboard review: {press.count} key presses for {len(SPANS)} entity and 6 event suggestions")

    assert store.documents.get(doc).status == REVIEWED
    spans = {(ARTICLE[s.start : s.end], s.label): s.status for s in store.items.spans(doc, include_closed=True)}
    assert spans[("قوات الأمن العراقية", "ORG")] == spans[("وادي الشاي", "LOC")] == ACCEPTED
    assert spans[("جبال حمرين", "LOC")] == ACCEPTED
    assert spans[("ستة", "DATE")] == spans[("الكهرباء", "ORG")] == REJECTED
    assert PENDING not in spans.values()
    events = {ARTICLE[e.start : e.end]: e for e in store.items.events(doc)}
    assert {e.status for e in events.values()} == {ACCEPTED} and len(events) == 6
    roles = {(a.role, ARTICLE[a.start : a.end]) for a in events["قتل"].arguments}
    assert roles == {("VICTIM", "قوات الأمن العراقية")}  # the argument followed the resize
    assert ("PLACE", "جبال حمرين") in {(a.role, ARTICLE[a.start : a.end]) for a in events["غارات"].arguments}
    assert press.count <= 50
    window.close()
    store.close()

"""What the name patterns look at: the words, the knowledge base and the words
already taken by gazetteer names, with lookups that respect proclitics and spelling."""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass

from hakam.core.arabic import stems
from hakam.suggest.cands import Cand
from hakam.suggest.gazetteer import compatible
from hakam.suggest.kb import KB
from hakam.suggest.words import Text, Word

# ال words that end a name rather than continue it.
NOT_NAME = frozenset(
    {"الذي", "التي", "الذين", "اللذين", "اللتين", "اللواتي", "اللاتي", "الان", "اليوم", "العام", "الشهر",
     "الاسبوع", "الساعه", "الليله", "الماضي", "الماضيه", "المقبل", "المقبله", "الجاري", "الحالي"}
)  # fmt: skip


SPEAKER_OF = frozenset({"باسم", "باسمها", "باسمه", "باسمهم"})  # المتحدث باسم …: not the name باسم
_ARTICLE_LOOKALIKES = frozenset({"الى", "الا", "الي", "الان"})
_PRONOUN_ENDINGS = ("ها", "هم", "هما", "هن")


_ARABIC = re.compile("[\u0621-\u064a]{2,}")


def arabic(form: str) -> bool:
    return _ARABIC.fullmatch(form) is not None


def definite(form: str) -> bool:
    """A word with the article (not إلى or إلا, which normalise to ال…)."""
    return len(form) >= 4 and form.startswith("ال") and form not in _ARTICLE_LOOKALIKES


def clitic_article(form: str) -> bool:
    """و/ف/ب/ك/ل + ال (باللغة، والجيش): never a name word."""
    return len(form) > 4 and form[0] in "وفبك" and (form[1:3] == "ال" or form[2:4] == "ال") or form.startswith("لل")


@dataclass
class Context:
    text: Text
    kb: KB
    taken: dict[int, Cand]  # word index -> gazetteer candidate covering it

    def __post_init__(self) -> None:
        self.words: list[Word] = self.text.words
        self.forms = [w.form for w in self.words]

    def form(self, i: int) -> str:
        return self.forms[i] if 0 <= i < len(self.forms) else ""

    def stem_in(
        self, i: int, table: Collection[str], spellings: Mapping[str, set[str]] | None = None
    ) -> tuple[int, str] | None:
        """(prefix length, key) of word ``i`` when one of its readings is in ``table``
        (and, given ``spellings``, is written like a listed form: على is not علي)."""
        if not 0 <= i < len(self.forms):
            return None
        for prefix, key in stems(self.forms[i]):
            if key in table and (spellings is None or self.spelled(i, prefix, spellings.get(key))):
                return prefix, key
        return None

    def spelled(self, i: int, prefix: int, listed: set[str] | None) -> bool:
        if not listed:
            return True
        word = self.words[i]
        written = self.text.original_form(word.start + prefix, word.end)
        return any(compatible(written, form[-len(written) :]) for form in listed)

    def title_at(self, i: int) -> bool:
        """A title or the first word of one (رئيس of رئيس الوزراء), kunya markers aside."""
        kb = self.kb
        found = self.stem_in(i, kb.titles, kb.title_spellings) or self.stem_in(i, kb.title_heads, kb.title_spellings)
        return bool(found) and found[1] not in kb.kunya

    def name_like(self, i: int) -> bool:
        """A word that may be part of a name: Arabic, unknown to the lexicons, not taken."""
        form = self.form(i)
        kb = self.kb
        return arabic(form) and i not in self.taken and not kb.lexical(form) and form not in kb.nationality \
            and not clitic_article(form) and form not in SPEAKER_OF  # fmt: skip

    def plain_word(self, i: int, initial_fa: bool = False) -> bool:
        """A name-like word without the marks of a common word: no و/ف before it (with
        ``initial_fa``, ف may start it: فيراكو), no pronoun after it (حزبه), no adjective
        ending (محلية)."""
        word = self.words[i]
        written = self.text.original_form(word.start, word.end)
        pronoun = written.endswith(_PRONOUN_ENDINGS) or (
            written.endswith("ه") and written[-2:-1] != "ي"
        )  # حزبه, not فقيه
        return self.name_like(i) and written[0] not in ("و" if initial_fa else "وف") and not pronoun \
            and not written.endswith(("ية", "يون", "يين"))  # fmt: skip

    def family(self, i: int) -> bool:
        """An ال family name (الحسن, الأسد)."""
        form = self.form(i)
        if not (definite(form) and arabic(form)) or i in self.taken:
            return False
        kb, bare = self.kb, form[2:]
        return form not in NOT_NAME and form not in kb.triggers and form not in kb.dates \
            and form not in kb.nationality and not any(w in t for w in (form, bare)
                                                       for t in (kb.titles, kb.org_heads, kb.place_heads))  # fmt: skip

    def adjective(self, i: int) -> bool:
        """An ال adjective that may close a facility or organisation name (العسكري، العام)."""
        form = self.form(i)
        kb = self.kb
        return definite(form) and arabic(form) and i not in self.taken and form not in NOT_NAME - {"العام"} \
            and form not in kb.triggers and form not in kb.org_heads and form not in kb.place_heads  # fmt: skip

    def cand(self, i: int, prefix: int, last: int, label: str, score: float) -> Cand:
        """A candidate over words ``[i, last)``, its start moved past ``prefix`` letters."""
        return Cand(self.words[i].start + prefix, self.words[last - 1].end, label, score, i, last)

"""How a word behaves in general Arabic text, as CRF features (wordfreq's Arabic list).

Arabic has no capital letters, so what sets a name apart from a common word is
how it is used: a common noun or adjective is frequent with the article and with
plural or feminine endings (مدينة → المدينة, مدن), a name mostly is not (بوش,
ساركوزي are rare as البوش, ساركوزيات). These features carry that from a list of
620k word frequencies (Wikipedia, news, subtitles, web; the ``wordfreq``
package, data CC BY-SA 4.0), so the tagger can recognise names it never saw in
reviewed data. Zipf values (log10 of occurrences per billion words) are
bucketed to whole numbers; 0 means the form is not in the list.
"""

from __future__ import annotations

import math
import threading

import numpy as np

_LOCK = threading.Lock()
_TABLE: tuple[np.ndarray, np.ndarray] | None = None
_COMMON: list[str] = []  # normalised forms of Zipf 3.5 or more, most frequent first
_COMMON_ZIPF = 3.5


def _table() -> tuple[np.ndarray, np.ndarray]:
    """(sorted hashes of normalised forms, their Zipf buckets), built once per process
    (about two seconds); 540k forms in 5 MB, where a dict would take 200 MB. Read from
    the list file itself: wordfreq's own dict would stay cached in memory."""
    global _TABLE
    with _LOCK:
        if _TABLE is None:
            from wordfreq import available_languages, read_cBpack

            from hakam.core.arabic import normalize_word

            summed: dict[int, float] = {}
            # Bucket n of the list holds the words of n centibels below one: frequency 10^(-n/100).
            for centibels, bucket in enumerate(read_cBpack(available_languages("large")["ar"])):
                share = 10 ** (-centibels / 100)
                forms = normalize_word("\n".join(bucket)).split("\n") if bucket else []  # one translate a bucket
                if 9 - centibels / 100 >= _COMMON_ZIPF:
                    _COMMON.extend(forms)
                for form in forms:
                    key = hash(form)  # str hashes are stable within a process, which is all the table lives
                    summed[key] = summed.get(key, 0.0) + share
            keys = np.fromiter(summed, dtype=np.int64, count=len(summed))
            buckets = np.fromiter((math.log10(v) + 9 for v in summed.values()), dtype=np.float64, count=len(summed))
            order = np.argsort(keys)
            _TABLE = keys[order], np.maximum(buckets[order], 0).astype(np.uint8)
        return _TABLE


def common_forms() -> list[str]:
    """Normalised forms of general Arabic text of Zipf 3.5 or more (about 30k), most
    frequent first, repeats possible (forms that differ only before normalising)."""
    _table()
    return _COMMON


def zipf(form: str) -> int:
    """Zipf bucket of a normalised form (0: not in the list)."""
    keys, buckets = _table()
    key = hash(form)
    at = int(np.searchsorted(keys, key))
    return int(buckets[at]) if at < len(keys) and keys[at] == key else 0


def features(form: str) -> list[str]:
    """Frequency features of a normalised Arabic-letter form: its own bucket, and how
    much more (or less) frequent it is with the article (``zdef``); without the
    article, also its bucket with the article and whether it takes ات or ة."""
    if len(form) < 2:
        return []
    own = zipf(form)
    out = [f"zf={own}"]
    if form.startswith("ال") and len(form) > 3:
        bare = zipf(form[2:])
        out += [f"zbare={bare}", f"zdef={_clamp(own - bare)}"]
    else:
        definite = zipf("ال" + form)
        stem = form[:-1] if form.endswith("ه") else form  # مدينة → مدينات
        inflects = (zipf(stem + "ات") > 0) + (zipf(stem + "ه") > 0)
        out += [f"zal={definite}", f"zdef={_clamp(definite - own)}", f"zinf={inflects}"]
    return out


def _clamp(value: int, limit: int = 3) -> int:
    return max(-limit, min(limit, value))

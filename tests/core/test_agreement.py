"""Agreement figures against hand computations on small documents.

Each expected value below is worked out by hand from the definition (units are the
non-whitespace code points; a unit's value is the covering span's label or O), not by
calling the code under test another way.
"""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hakam.core.agreement import agreement, kappa_of
from hakam.core.model import Event, Layer, LayeredDocument, Span

# Four 4-letter words; between them a space, a no-break space and a tab, none of them units.
TEXT = "دمشق\u00a0حلبا بيرو\tعمان"
W1, W2, W3, W4 = (0, 4), (5, 9), (10, 14), (15, 19)


def span(word: tuple[int, int], label: str) -> Span:
    return Span(word[0], word[1], label)


def test_cohen_kappa_and_span_f1_of_a_pair() -> None:
    ana = Layer((span(W1, "PERS"), span(W2, "ORG")))
    omar = Layer((span(W1, "PERS"), span(W3, "ORG")))
    result = agreement([LayeredDocument(TEXT, {"ana": ana, "omar": omar})])
    pair = result.pairs[0]
    # Units (ana, omar): W1 4×(PERS, PERS), W2 4×(ORG, O), W3 4×(O, ORG), W4 4×(O, O).
    # Observed 8/16; both annotators: O 8, ORG 4, PERS 4 → expected (64 + 16 + 16) / 256.
    observed, expected = 8 / 16, 96 / 256
    assert pair.kappa.units == 16 and pair.kappa.agreed == 8
    assert pair.kappa.expected == pytest.approx(expected)
    assert pair.kappa.kappa == pytest.approx((observed - expected) / (1 - expected))  # 0.2
    assert pair.kappa.kappa == pytest.approx(0.2)
    # PERS one-vs-rest: the 4 PERS units agree, the 12 others too → κ 1.
    assert pair.kappa_by_label["PERS"].kappa == pytest.approx(1.0)
    # ORG one-vs-rest: agreed 8 (W1, W4), ORG 4 each → expected (12·12 + 4·4) / 256.
    assert pair.kappa_by_label["ORG"].kappa == pytest.approx((0.5 - 160 / 256) / (1 - 160 / 256))  # -1/3
    # Spans: PERS W1 on both; ORG W2 only ana's, ORG W3 only omar's → F1 2·1 / (2·1 + 1 + 1).
    assert (pair.spans.both, pair.spans.only_a, pair.spans.only_b) == (1, 1, 1)
    assert pair.spans.f1 == pytest.approx(0.5)
    assert pair.spans_by_label["PERS"].f1 == 1.0 and pair.spans_by_label["ORG"].f1 == 0.0


def test_krippendorff_alpha_of_three_annotators_overall_and_per_label() -> None:
    layers = {"ana": Layer((span(W1, "PERS"),)), "badr": Layer((span(W1, "PERS"),)),
              "omar": Layer((span(W1, "ORG"),))}  # fmt: skip
    result = agreement([LayeredDocument(TEXT, layers)])
    # W1: 4 units (PERS, PERS, ORG), each adds 1 to o[PERS,PERS], o[PERS,ORG], o[ORG,PERS]
    # (pairs / (m - 1) = 2/2); W2-W4: 12 units (O, O, O), each adds 3 to o[O,O].
    # n_PERS = 8, n_ORG = 4, n_O = 36, n = 48; disagreement D_o = 8 (off-diagonal).
    n, off_diagonal = 48, 8
    expected_off = (n * n - (8 * 8 + 4 * 4 + 36 * 36)) / (n - 1)
    assert result.alpha.units == 16 and result.alpha.disputed == 4
    assert result.alpha.alpha == pytest.approx(1 - off_diagonal / expected_off)
    # PERS vs rest: n_PERS 8, n_rest 40; ORG vs rest: n_ORG 4, n_rest 44; D_o 8 in both.
    assert result.alpha_by_label["PERS"].alpha == pytest.approx(1 - 8 / ((n * n - 64 - 1600) / (n - 1)))
    assert result.alpha_by_label["ORG"].alpha == pytest.approx(1 - 8 / ((n * n - 16 - 1936) / (n - 1)))
    kappas = {(p.a, p.b): p.kappa.kappa for p in result.pairs}
    assert kappas[("ana", "badr")] == pytest.approx(1.0)
    # ana/omar: agreed 12/16; ana PERS 4, O 12; omar ORG 4, O 12 → expected (12·12)/256.
    assert kappas[("ana", "omar")] == pytest.approx((12 / 16 - 144 / 256) / (1 - 144 / 256))


def test_alpha_counts_only_documents_everyone_reviewed_kappa_those_of_the_pair() -> None:
    everyone = LayeredDocument(TEXT, {"ana": Layer((span(W1, "PERS"),)), "badr": Layer((span(W1, "PERS"),)),
                                      "omar": Layer((span(W1, "PERS"),))})  # fmt: skip
    two = LayeredDocument("ابجد", {"ana": Layer((Span(0, 4, "LOC"),)), "badr": Layer()})
    result = agreement([everyone, two])
    assert result.documents == 1 and result.alpha.units == 16
    pairs = {(p.a, p.b): p for p in result.pairs}
    assert pairs[("ana", "badr")].documents == 2 and pairs[("ana", "badr")].kappa.units == 20
    assert pairs[("ana", "omar")].documents == 1 and pairs[("ana", "omar")].kappa.units == 16
    assert (pairs[("ana", "badr")].spans.both, pairs[("ana", "badr")].spans.only_a) == (1, 1)
    # Compared two at a time, a and b share both documents and α uses them.
    assert agreement([everyone, two], ["ana", "badr"]).alpha.units == 20


def test_the_innermost_of_nested_spans_gives_the_value() -> None:
    outer_and_inner = Layer((Span(0, 9, "ORG"), span(W2, "GPE")))
    result = agreement([LayeredDocument(TEXT, {"ana": outer_and_inner, "omar": Layer((span(W2, "GPE"),))})])
    pair = result.pairs[0]
    # Units: W1 (ORG, O), W2 (GPE, GPE), W3 and W4 (O, O): agreed 12 of 16.
    assert pair.kappa.agreed == 12
    assert pair.kappa_by_label["GPE"].kappa == pytest.approx(1.0)


def test_event_f1_matches_trigger_and_type_only() -> None:
    place = Span(10, 14, "PLACE")
    ana = Layer(events=(Event("AIRSTRIKE", span(W1, "AIRSTRIKE")), Event("CLASH", span(W2, "CLASH"))))
    omar = Layer(events=(Event("AIRSTRIKE", span(W1, "AIRSTRIKE"), ()), Event("ATTACK", span(W2, "ATTACK")),
                         Event("KILLING", span(W4, "KILLING"), (), {"place": place.start})))  # fmt: skip
    pair = agreement([LayeredDocument(TEXT, {"ana": ana, "omar": omar})]).pairs[0]
    assert (pair.events.both, pair.events.only_a, pair.events.only_b) == (1, 1, 2)
    assert pair.events.f1 == pytest.approx(2 / 5)
    assert pair.events_by_type["AIRSTRIKE"].f1 == 1.0 and pair.events_by_type["CLASH"].f1 == 0.0


def test_undefined_figures_are_none_not_nan() -> None:
    result = agreement([LayeredDocument(TEXT, {"ana": Layer(), "omar": Layer()})])
    assert result.alpha.alpha is None and result.pairs[0].kappa.kappa is None
    assert result.pairs[0].kappa.agreed == 16 and result.pairs[0].spans.f1 is None
    assert agreement([LayeredDocument(TEXT, {"ana": Layer(), "omar": Layer(), "x": Layer()})], ["ana", "omar"]).pairs
    with pytest.raises(ValueError, match="two annotators"):
        agreement([LayeredDocument(TEXT, {"ana": Layer()})])


def test_kappa_of_a_textbook_table() -> None:
    # Cohen (1960)-style 2×2: 20 yes/yes, 5 yes/no, 10 no/yes, 15 no/no → po 0.7, pe 0.5, κ 0.4.
    result = kappa_of(np.array([[20, 5], [10, 15]]))
    assert result.kappa == pytest.approx(0.4) and result.expected == pytest.approx(0.5)


LABELS = ["PERS", "ORG", "GPE"]
layers_strategy = st.lists(st.tuples(st.integers(0, 11), st.integers(1, 4), st.sampled_from(LABELS)), max_size=4).map(
    lambda items: Layer(tuple(Span(s, min(s + n, 12), label) for s, n, label in items))
)


@given(st.lists(st.tuples(layers_strategy, layers_strategy, layers_strategy), min_size=1, max_size=4))
@settings(max_examples=80, deadline=None)
def test_alpha_equals_krippendorff_on_every_code_point_and_kappa_the_plain_formula(docs) -> None:
    """The folded computation equals the library run on one column per unit."""
    import krippendorff

    text = "ابت ثجح\nخدذ ر"  # 12 code points, 3 of them whitespace
    names = ["a", "b", "c"]
    documents = [LayeredDocument(text, dict(zip(names, layers))) for layers in docs]
    result = agreement(documents)
    codes = {"O": 0, **{label: i for i, label in enumerate(result.labels, 1)}}

    def values(layer: Layer) -> list[int]:
        out = ["O"] * len(text)
        for s in sorted(layer.spans, key=lambda s: (s.start - s.end, s.start)):
            out[s.start : s.end] = [s.label] * (s.end - s.start)
        return [codes[v] for v, ch in zip(out, text) if not ch.isspace()]

    table = np.array([[v for layers in docs for v in values(layers[i])] for i in range(3)], dtype=float)
    if len(np.unique(table)) > 1:
        assert result.alpha.alpha == pytest.approx(krippendorff.alpha(reliability_data=table,
                                                                      level_of_measurement="nominal"))  # fmt: skip
    else:
        assert result.alpha.alpha is None
    left, right = table[0], table[1]
    observed = float(np.mean(left == right))
    expected = sum(np.mean(left == v) * np.mean(right == v) for v in np.unique(table))
    pair = result.pairs[0]
    assert pair.kappa.kappa == (None if expected == 1 else pytest.approx((observed - expected) / (1 - expected)))

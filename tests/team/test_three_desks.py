"""Two annotators and a curator on one PostgreSQL database from three processes, each
connected as its own role: the annotators review at the same time, the curator settles
their differences, the owner exports the curated layer."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

from tests.team.test_row_security import as_role

from hakam.cli import main
from hakam.core.model import Document, Span
from hakam.store import Store

TEXT = "قصفت الطائرات مدينة دمشق أمس، وقالت وزارة الدفاع إن 5 أشخاص قتلوا."

ANNOTATE = textwrap.dedent(
    """
    import sys
    from hakam.store import Store
    store = Store(sys.argv[1])
    keep = set(sys.argv[2].split(","))
    for document_id in store.documents.ids():
        for span in store.items.spans(document_id):
            (store.decisions.accept if span.label in keep else store.decisions.reject)(span.id)
        store.decisions.mark_reviewed(document_id)
    print(store.annotator)
    """
)

CURATE = textwrap.dedent(
    """
    import sys
    from hakam.desk.curation_state import CurationState
    from hakam.store import Store
    state = CurationState(Store(sys.argv[1]))
    for document_id, names in state.documents().items():
        curated = state.open(document_id, names)
        for difference in curated.differences:
            state.settle(curated, difference, 0)  # the reading most annotators chose, else the first
    print(state.store.annotator)
    """
)


def run(script: str, *args: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", script, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)  # fmt: skip


def test_two_annotators_and_a_curator_from_three_processes(pg_server, tmp_path: Path) -> None:
    url = pg_server.new_database()
    owner = Store(url, annotator="lead")
    documents = [owner.documents.add(Document(f"{TEXT} {n}", f"d{n}")) for n in range(3)]
    for document_id in documents:
        owner.suggestions.replace(document_id, [Span(20, 24, "GPE"), Span(25, 28, "DATE"), Span(36, 48, "ORG")])
    owner.team.assign({document_id: ["amal3d", "badr3d"] for document_id in documents})
    assert main(["--db", url, "team", "init"]) == 0
    for name, curator in (("amal3d", False), ("badr3d", False), ("rana3d", True)):
        assert main(["--db", url, "team", "add", name, *(["--curator"] if curator else [])]) == 0
    annotators = [run(ANNOTATE, as_role(url, "amal3d"), "GPE,DATE,ORG"), run(ANNOTATE, as_role(url, "badr3d"), "GPE")]
    outputs = [p.communicate(timeout=120) for p in annotators]
    assert [p.returncode for p in annotators] == [0, 0], outputs
    assert [out.strip() for out, _ in outputs] == ["amal3d", "badr3d"]  # each is who the server says
    assert all(owner.documents.get(d).status == "reviewed" for d in documents)
    curator = run(CURATE, as_role(url, "rana3d"))
    out, err = curator.communicate(timeout=120)
    assert curator.returncode == 0, err
    out_file = tmp_path / "curated.jsonl"
    assert main(["--db", url, "export", str(out_file)]) == 0
    records = [json.loads(line) for line in out_file.read_text(encoding="utf-8").splitlines()]
    assert len(records) == 3
    # GPE agreed (pre-accepted); DATE and ORG differed and the curator took amal's reading (first).
    assert all([s["label"] for s in r["spans"]] == ["GPE", "DATE", "ORG"] for r in records)
    credited = Store(url).items.accepted(owner.documents.get(documents[0]), "curated")[1]
    assert credited == {(20, 24, "GPE"): "amal3d, badr3d", (25, 28, "DATE"): "rana3d", (36, 48, "ORG"): "rana3d"}

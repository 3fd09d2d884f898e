"""Row-level security on a real PostgreSQL server: an annotator's connection cannot write
into another's layer, log a decision as someone else, or read a document not assigned to
them — the server refuses or hides it, whatever the client does."""

from __future__ import annotations

import itertools

import psycopg
import pytest

from hakam.cli import main
from hakam.core.model import Document, Span
from hakam.store import PENDING, Store

TEXT = "قصفت الطائرات مدينة دمشق أمس، وقالت وزارة الدفاع إن 5 أشخاص قتلوا."
OTHER = "اشتباكات عنيفة في ريف إدلب بين فصائل المعارضة والجيش السوري."
_names = itertools.count(1)


def as_role(url: str, role: str) -> str:
    """The same database, connecting as ``role`` (the test server trusts its Unix socket)."""
    scheme, rest = url.split("://", 1)
    return f"{scheme}://{role}@{rest.split('@', 1)[1]}"


@pytest.fixture
def team(pg_server):
    """A database with two documents, d1 dealt to two annotators, d2 to nobody; roles
    are per server, so each test gets its own names."""
    url = pg_server.new_database()
    n = next(_names)
    amal, badr, rana = f"amal{n}", f"badr{n}", f"rana{n}"
    owner = Store(url, annotator="lead")
    d1 = owner.documents.add(Document(TEXT, "d1"))
    d2 = owner.documents.add(Document(OTHER, "d2"))
    owner.suggestions.replace(d1, [Span(20, 24, "GPE"), Span(25, 28, "DATE")])
    owner.suggestions.replace(d2, [Span(22, 26, "GPE")])
    owner.team.assign({d1: [amal, badr]})
    owner.close()
    assert main(["--db", url, "team", "init"]) == 0
    for name in (amal, badr):
        assert main(["--db", url, "team", "add", name]) == 0
    assert main(["--db", url, "team", "add", rana, "--curator"]) == 0
    return url, (amal, badr, rana), (d1, d2)


def test_the_annotator_is_the_connection_and_sees_only_assigned_documents(team) -> None:
    url, (amal, badr, _), (d1, d2) = team
    store = Store(as_role(url, amal), annotator="someone-else")
    assert store.annotator == amal and store.team.layer == amal
    assert [v.id for v in store.documents.find()] == [d1]
    with psycopg.connect(as_role(url, amal)) as con:
        assert con.execute("SELECT count(*) FROM document").fetchone()[0] == 1
        assert con.execute("SELECT text FROM document WHERE id = %s", (d2,)).fetchone() is None
        assert con.execute("SELECT count(*) FROM suggestion WHERE document_id = %s", (d2,)).fetchone()[0] == 0
        assert con.execute("SELECT count(*) FROM span_item WHERE document_id = %s", (d2,)).fetchone()[0] == 0


def test_an_annotator_cannot_write_into_another_layer_or_decide_as_someone_else(team) -> None:
    url, (amal, badr, _), (d1, _) = team
    badr_store = Store(as_role(url, badr))
    badr_store.decisions.accept(badr_store.items.spans(d1)[0].id)  # badr's own layer: fine
    amal_store = Store(as_role(url, amal))
    amal_store.items.spans(d1)  # amal's layer is seeded on first read
    with psycopg.connect(as_role(url, amal), autocommit=True) as con:
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="row-level security"):
            con.execute("INSERT INTO span_item (document_id, start, \"end\", label, status, layer)"
                        " VALUES (%s, 0, 4, 'GPE', 'accepted', %s)", (d1, badr))  # fmt: skip
        # badr's rows are invisible to amal: an update reaches none of them.
        changed = con.execute("UPDATE span_item SET status = 'rejected' WHERE layer = %s", (badr,)).rowcount
        assert changed == 0
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="row-level security"):
            con.execute("UPDATE span_item SET layer = %s WHERE layer = %s", (badr, amal))
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="row-level security"):
            con.execute("INSERT INTO decision (document_id, batch, action, target, item_id, annotator, at)"
                        " VALUES (%s, 1, 'accept', 'span', 1, %s, 0)", (d1, badr))  # fmt: skip
        # The schema and team settings are the owner's: an update reaches no row, an insert is refused.
        assert con.execute("UPDATE setting SET value = 'x' WHERE key = 'schema_toml'").rowcount == 0
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="row-level security"):
            con.execute("INSERT INTO setting (key, value) VALUES ('team_members', '[]')")
    assert sorted(s.status for s in Store(as_role(url, badr)).items.spans(d1, include_closed=True)) == \
        ["accepted", PENDING]  # fmt: skip


def test_the_curator_reads_every_layer_and_writes_only_the_curated_one(team) -> None:
    url, (amal, _, rana), (d1, d2) = team
    with psycopg.connect(as_role(url, rana), autocommit=True) as con:
        assert con.execute("SELECT count(*) FROM document").fetchone()[0] == 2
        rows = con.execute("SELECT DISTINCT layer FROM span_item WHERE document_id = %s", (d1,)).fetchall()
        assert {amal, "badr" + amal[4:]} <= {layer for (layer,) in rows}  # (and the owner's, "lead")
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="row-level security"):
            con.execute("INSERT INTO span_item (document_id, start, \"end\", label, status, layer)"
                        " VALUES (%s, 0, 4, 'GPE', 'accepted', %s)", (d1, amal))  # fmt: skip
        con.execute("INSERT INTO span_item (document_id, start, \"end\", label, status, layer)"
                    " VALUES (%s, 0, 4, 'GPE', 'accepted', 'curated')", (d1,))  # fmt: skip
    curator = Store(as_role(url, rana))
    assert curator.annotator == rana and curator.team.layer == "curated"


def test_roles_need_postgresql_and_sane_names(tmp_path, team, capsys) -> None:
    url, _, _ = team
    assert main(["--db", str(tmp_path / "x.sqlite"), "team", "init"]) == 1
    assert "need PostgreSQL" in capsys.readouterr().err
    assert main(["--db", url, "team", "add", "Robert'); DROP TABLE document;--"]) == 1
    assert "a role name is lower-case letters" in capsys.readouterr().err


def test_an_annotators_whole_review_works_under_the_policies(team) -> None:
    url, (amal, badr, _), (d1, _) = team
    stores = {name: Store(as_role(url, name)) for name in (amal, badr)}
    for name, store in stores.items():
        first = store.items.spans(d1)[0]
        store.decisions.accept(first.id)
        store.decisions.undo()
        store.decisions.redo()
        store.documents.set_position(d1, 12)
        store.suggestions.replace(d1, [Span(20, 24, "GPE"), Span(36, 48, "ORG")])  # Ctrl+R: own layer only
        store.decisions.mark_reviewed(d1)
    owner = Store(url)
    assert owner.documents.get(d1).status == "reviewed"
    for name in (amal, badr):
        doc, _ = owner.items.accepted(owner.documents.get(d1), name)
        assert [s.key for s in doc.spans] == [(20, 24, "GPE")]
    assert {d["annotator"] for d in owner.decisions.log(d1)} == {amal, badr}


def test_team_groups_count_only_where_team_mode_is_on_and_never_for_a_superuser(team, pg_server) -> None:
    url, (amal, _, rana), _ = team
    owner = Store(url, annotator="lead")  # the superuser that ran team init: not a member
    assert owner.annotator == "lead" and owner.team.layer != "curated"
    owner.close()
    elsewhere = pg_server.new_database()  # the same server, team mode never switched on
    store = Store(elsewhere, annotator="lead")
    assert store.annotator == "lead" and store.team.layer != "curated"
    store.close()
    curator = Store(as_role(url, rana))
    assert curator.annotator == rana and curator.team.layer == "curated"

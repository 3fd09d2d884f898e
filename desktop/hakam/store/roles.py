"""PostgreSQL team mode: one database role per annotator, and row-level security so that
the server itself, not the desk, keeps each annotator to their own layer and their own
documents (``hakam team init``, ``hakam team add``).

- ``hakam_annotator`` members read the documents assigned to them (and their suggestions),
  read and write items only in the layer named after them, and log decisions only as
  themselves; the annotator is ``current_user``.
- ``hakam_curator`` members read every layer and write only the ``curated`` one.
- The role that created the tables (the one running ``team init``) owns them and is not
  bound by the policies: it imports, assigns and exports.
"""

from __future__ import annotations

import re
import secrets
from typing import TYPE_CHECKING

from hakam.store.database import StoreError

if TYPE_CHECKING:
    from hakam.store.store import Store

ANNOTATOR, CURATOR = "hakam_annotator", "hakam_curator"
_NAME = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")
# Keys a team member may write in the setting table (their place in the queue, their name,
# the curator's settled differences); the schema and team settings stay the owner's.
_OWN_SETTINGS = "(key LIKE 'last_document:%' OR key = 'annotator' OR key LIKE 'curation:%')"

_POLICIES = f"""
CREATE OR REPLACE FUNCTION hakam_assigned(doc integer, who name) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS
    $$ SELECT EXISTS (SELECT 1 FROM assignment WHERE document_id = doc AND annotator = who) $$;
REVOKE ALL ON FUNCTION hakam_assigned(integer, name) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION hakam_assigned(integer, name) TO {ANNOTATOR}, {CURATOR};
GRANT USAGE ON SCHEMA public TO {ANNOTATOR}, {CURATOR};
GRANT SELECT, INSERT, UPDATE ON ALL TABLES IN SCHEMA public TO {ANNOTATOR}, {CURATOR};
GRANT DELETE ON argument_item TO {ANNOTATOR}, {CURATOR};
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {ANNOTATOR}, {CURATOR};

ALTER TABLE document ENABLE ROW LEVEL SECURITY;
CREATE POLICY annotator_reads ON document FOR SELECT TO {ANNOTATOR} USING (hakam_assigned(id, current_user));
CREATE POLICY annotator_updates ON document FOR UPDATE TO {ANNOTATOR} USING (hakam_assigned(id, current_user));
CREATE POLICY curator_all ON document FOR ALL TO {CURATOR} USING (true);

ALTER TABLE assignment ENABLE ROW LEVEL SECURITY;
CREATE POLICY annotator_reads ON assignment FOR SELECT TO {ANNOTATOR}
    USING (hakam_assigned(document_id, current_user));
CREATE POLICY annotator_updates ON assignment FOR UPDATE TO {ANNOTATOR}
    USING (annotator = current_user) WITH CHECK (annotator = current_user);
CREATE POLICY curator_reads ON assignment FOR SELECT TO {CURATOR} USING (true);
CREATE POLICY curator_own ON assignment FOR INSERT TO {CURATOR} WITH CHECK (annotator = 'curated');

ALTER TABLE suggestion ENABLE ROW LEVEL SECURITY;
CREATE POLICY annotator_reads ON suggestion FOR SELECT TO {ANNOTATOR} USING (hakam_assigned(document_id, current_user));
CREATE POLICY annotator_adds ON suggestion FOR INSERT TO {ANNOTATOR}
    WITH CHECK (hakam_assigned(document_id, current_user));
CREATE POLICY curator_reads ON suggestion FOR SELECT TO {CURATOR} USING (true);

ALTER TABLE decision ENABLE ROW LEVEL SECURITY;
CREATE POLICY own_reads ON decision FOR SELECT TO {ANNOTATOR}, {CURATOR} USING (annotator = current_user);
CREATE POLICY annotator_logs ON decision FOR INSERT TO {ANNOTATOR}
    WITH CHECK (annotator = current_user AND hakam_assigned(document_id, current_user));
CREATE POLICY curator_logs ON decision FOR INSERT TO {CURATOR} WITH CHECK (annotator = current_user);

ALTER TABLE setting ENABLE ROW LEVEL SECURITY;
CREATE POLICY everyone_reads ON setting FOR SELECT TO {ANNOTATOR}, {CURATOR} USING (true);
CREATE POLICY own_adds ON setting FOR INSERT TO {ANNOTATOR}, {CURATOR} WITH CHECK {_OWN_SETTINGS};
CREATE POLICY own_updates ON setting FOR UPDATE TO {ANNOTATOR}, {CURATOR} USING {_OWN_SETTINGS}
    WITH CHECK {_OWN_SETTINGS};

ALTER TABLE model_version ENABLE ROW LEVEL SECURITY;
CREATE POLICY everyone_reads ON model_version FOR SELECT TO {ANNOTATOR}, {CURATOR} USING (true);
"""

_ITEM_POLICIES = """
ALTER TABLE {table} ENABLE ROW LEVEL SECURITY;
CREATE POLICY own_layer ON {table} FOR ALL TO {annotator}
    USING (layer = current_user AND hakam_assigned(document_id, current_user))
    WITH CHECK (layer = current_user AND hakam_assigned(document_id, current_user));
CREATE POLICY curator_reads ON {table} FOR SELECT TO {curator} USING (true);
CREATE POLICY curator_writes ON {table} FOR INSERT TO {curator} WITH CHECK (layer = 'curated');
CREATE POLICY curator_updates ON {table} FOR UPDATE TO {curator} USING (layer = 'curated')
    WITH CHECK (layer = 'curated');
"""

_ARGUMENT_POLICIES = f"""
ALTER TABLE argument_item ENABLE ROW LEVEL SECURITY;
CREATE POLICY own_layer ON argument_item FOR ALL TO {ANNOTATOR}
    USING (EXISTS (SELECT 1 FROM event_item e WHERE e.id = event_id AND e.layer = current_user))
    WITH CHECK (EXISTS (SELECT 1 FROM event_item e WHERE e.id = event_id AND e.layer = current_user));
CREATE POLICY curator_reads ON argument_item FOR SELECT TO {CURATOR} USING (true);
CREATE POLICY curator_writes ON argument_item FOR ALL TO {CURATOR}
    USING (EXISTS (SELECT 1 FROM event_item e WHERE e.id = event_id AND e.layer = 'curated'))
    WITH CHECK (EXISTS (SELECT 1 FROM event_item e WHERE e.id = event_id AND e.layer = 'curated'));
"""


def _require_postgresql(store: Store) -> None:
    if not store.is_postgresql:
        raise StoreError("database roles need PostgreSQL; on a SQLite file each annotator gives their name "
                         "with --annotator")  # fmt: skip


def initialised(store: Store) -> bool:
    return bool(store.execute("SELECT 1 FROM pg_policies WHERE tablename = 'span_item' LIMIT 1").fetchone())


def init(store: Store) -> None:
    """Create the two group roles and the policies (once; run as the owner of the tables)."""
    _require_postgresql(store)
    if initialised(store):
        return
    with store.atomic():
        for group in (ANNOTATOR, CURATOR):
            if not store.execute("SELECT 1 FROM pg_roles WHERE rolname = ?", (group,)).fetchone():
                store.execute(f"CREATE ROLE {group} NOLOGIN")
        sql = _POLICIES + "".join(_ITEM_POLICIES.format(table=t, annotator=ANNOTATOR, curator=CURATOR)
                                  for t in ("span_item", "event_item")) + _ARGUMENT_POLICIES  # fmt: skip
        store.db.execute_sql(sql.replace("%", "%%"))  # no parameters: a literal % is written %%
    store.team.enable()


def add(store: Store, name: str, curator: bool = False, password: str | None = None) -> str:
    """A login role for ``name`` in the annotators' (or curators') group; returns its password
    (a new random one unless given). Run as the owner of the tables after ``init``."""
    _require_postgresql(store)
    if not _NAME.match(name):
        raise StoreError(f"{name!r}: a role name is lower-case letters, digits and _ (at most 63)")
    if name == "curated":
        raise StoreError("'curated' is the curated layer's name, not an annotator's")
    init(store)
    password = password or secrets.token_urlsafe(15)
    group = CURATOR if curator else ANNOTATOR
    exists = store.execute("SELECT 1 FROM pg_roles WHERE rolname = ?", (name,)).fetchone()
    # Role statements take no bind parameters: the password goes in as a quoted literal.
    literal = "'" + password.replace("'", "''") + "'"
    with store.atomic():
        store.execute(f"{'ALTER' if exists else 'CREATE'} ROLE {name} LOGIN PASSWORD {literal}")
        store.execute(f"GRANT {group} TO {name}")
    store.team.add_member(name)
    return password


def member_of(store: Store) -> tuple[str, str | None]:
    """``current_user`` and its team group (None: not a team member, e.g. the owner).
    The ``hakam_*`` groups belong to the whole server, so membership counts only in a
    database whose team mode is on (``team init`` enabled row-level security here), and
    a superuser, who ``pg_has_role`` says is in every group, is never taken for one."""
    user, superuser, team_on = store.execute(
        "SELECT current_user, (SELECT rolsuper FROM pg_roles WHERE rolname = current_user),"
        " COALESCE((SELECT relrowsecurity FROM pg_class WHERE oid = to_regclass('document')), false)"
    ).fetchone()
    if superuser or not team_on:
        return user, None
    for group in (CURATOR, ANNOTATOR):
        if (
            store.execute("SELECT 1 FROM pg_roles WHERE rolname = ?", (group,)).fetchone()
            and store.execute("SELECT pg_has_role(current_user, ?, 'MEMBER')", (group,)).fetchone()[0]
        ):
            return user, group
    return user, None

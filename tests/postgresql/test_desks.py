"""Several desks on one server database: writes from two desks at once lose nothing (each
takes the next sequence number and the audit chain's next link, as on one SQLite file),
and a desk reads what another committed."""

from __future__ import annotations

import threading
from datetime import date

from sqlalchemy import func, select, text

from antt_desktop.services.context import Actor, Ctx
from antt_desktop.services.units import add_area
from antt_desktop.store import audit
from antt_desktop.store.database import Database, open_database
from antt_desktop.store.models import Area

OFFICER = Actor("canbo1", "officer")
EACH = 12


def _second_desk(db: Database) -> Database:
    url = db.engine.url.render_as_string(hide_password=False)
    return open_database(url, local_dir=db.path.parent)


def test_two_desks_writing_at_once_lose_nothing(db: Database) -> None:
    other = _second_desk(db)
    failures: list[BaseException] = []
    start = threading.Barrier(2)

    def desk(database: Database, name: str) -> None:
        try:
            start.wait()
            for i in range(EACH):
                with database.write() as session:
                    add_area(Ctx(session, OFFICER, date(2026, 11, 22)), name=f"{name} {i}")
        except BaseException as exc:  # reported below: a thread's failure is the test's
            failures.append(exc)

    threads = [
        threading.Thread(target=desk, args=(d, n))
        for d, n in ((db, "Bàn A tổ"), (other, "Bàn B tổ"))
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    other.close()
    assert failures == []
    with db.read() as session:
        seqs = session.execute(select(Area.local_seq).where(Area.name.like("Bàn %"))).scalars()
        seqs = list(seqs)
        node_seq = session.execute(text("SELECT seq FROM local_node")).scalar_one()
        assert len(seqs) == 2 * EACH
        assert len(set(seqs)) == 2 * EACH  # no two writes took the same number
        assert max(seqs) <= node_seq
        assert audit.verify_chain(session) == []  # every link of the chain follows the last


def test_a_desk_reads_what_another_committed(db: Database) -> None:
    other = _second_desk(db)
    try:
        with other.write() as session:
            add_area(Ctx(session, OFFICER, date(2026, 11, 22)), name="Tổ dân phố số 9")
        with db.read() as session:
            found = session.execute(
                select(func.count()).select_from(Area).where(Area.name == "Tổ dân phố số 9")
            ).scalar_one()
        assert found == 1
    finally:
        other.close()

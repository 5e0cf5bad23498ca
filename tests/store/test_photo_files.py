"""Photos older versions kept as loose files in the data folder move into the encrypted
database when it is opened, and the files are deleted."""

from __future__ import annotations

import hashlib
from pathlib import Path

from antt_desktop.store import photos
from tests.conftest import make_post, open_post
from tests.pictures import portrait


def test_loose_photo_files_move_into_the_database(tmp_path: Path) -> None:
    path = tmp_path / "post.sqlite3"
    make_post(path)
    folder = tmp_path / "attachments"
    folder.mkdir()
    picture = portrait(300, 400)
    good = hashlib.sha256(picture).hexdigest()
    (folder / good).write_bytes(picture)
    junk = b"not a picture"
    bad = hashlib.sha256(junk).hexdigest()
    (folder / bad).write_bytes(junk)
    (folder / ".incoming-x1y2").write_bytes(picture[:100])  # an interrupted import's copy
    with open_post(path) as db, db.read() as session:
        assert photos.get(session, good) == picture  # kept as it was: records name its hash
        assert photos.get(session, bad) is None
    assert sorted(p.name for p in folder.iterdir()) == [bad]  # only the refused file stays
    (folder / bad).unlink()
    with open_post(path) as db, db.read() as session:
        assert photos.get(session, good) == picture
    assert not folder.exists()

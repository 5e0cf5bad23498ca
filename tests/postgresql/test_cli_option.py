"""``--database`` / ``$ANTT_DATABASE_URL`` on the command line: a server's address is taken,
anything else is a usage error, and a server not there says so in the officer's words."""

from __future__ import annotations

import pytest

from antt_desktop.cli import main


def test_no_server_there_is_said_without_the_password(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("ANTT_USER", "canbo")
    monkeypatch.setenv("ANTT_PASSWORD", "x")
    code = main(["--database", "postgresql://canbo:bi-mat@127.0.0.1:1/xa", "search", "hoa"])
    err = capsys.readouterr().err
    assert code == 5
    assert "không kết nối được máy chủ dữ liệu" in err
    assert "127.0.0.1" in err and "bi-mat" not in err


def test_the_variable_names_the_server_too(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("ANTT_DATABASE_URL", "postgresql://canbo@127.0.0.1:1/xa")
    monkeypatch.setenv("ANTT_USER", "canbo")
    monkeypatch.setenv("ANTT_PASSWORD", "x")
    assert main(["--lang", "en", "search", "hoa"]) == 5
    assert "cannot connect to the database server" in capsys.readouterr().err


def test_a_path_is_not_a_server_address(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["--database", "/tmp/post.sqlite3", "search", "hoa"])
    assert exited.value.code == 2
    assert "postgresql://" in capsys.readouterr().err

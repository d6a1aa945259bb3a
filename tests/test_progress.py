"""Long work shows a progress bar on stderr when stderr is a terminal, and nothing otherwise."""

from __future__ import annotations

import io

import pytest

from tracker.domain import progress
from tracker.cli.main import main


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.fixture
def many(tmp_path):
    """A file with enough records for the loops to report on (EVERY is lowered to 2)."""
    from tracker.actions import records as actions
    from tracker.store.store import Store

    path = tmp_path / "many.json"
    store = Store(path)
    for i in range(6):
        actions.add_event(store, date="2025-05", title=f"Event {i}", record_id=f"event-{i}")
    return path


@pytest.mark.parametrize("argv", [["validate"], ["export", "--format", "csv", "-o", "OUT"]])
def test_slow_work_draws_a_bar_on_a_terminal(many, tmp_path, monkeypatch, argv):
    monkeypatch.setattr(progress, "DELAY", 0.0)
    monkeypatch.setattr("tracker.store.transaction.EVERY", 2)
    monkeypatch.setattr("tracker.exchange.tabular.EVERY", 2)
    err = Terminal()
    monkeypatch.setattr("sys.stderr", err)
    argv = [str(tmp_path / "out.csv") if a == "OUT" else a for a in argv]
    assert main(["--db", str(many), *argv]) == 0
    assert "/6" in err.getvalue()  # "2/6", "4/6": the bar's count of records done


def test_nothing_extra_goes_to_a_pipe(many, monkeypatch, capsys):
    monkeypatch.setattr(progress, "DELAY", 0.0)
    monkeypatch.setattr("tracker.store.transaction.EVERY", 2)
    assert main(["--db", str(many), "validate"]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    assert out.strip() == f"{many}: ok (0 articles, 6 events, 0 predictions)"

"""The store remembers what it read and wrote: unchanged bytes are never decoded twice,
a write checks only the records it changes, an import is one read and one write, and
`show` reads one prediction without parsing the file."""

from __future__ import annotations

import json
import os

import orjson
import pytest

from conftest import ARTICLE, CONFIRMED, EVENT, PENDING, run_tracker
from tracker.actions import records as actions
from tracker.domain import codec
from tracker.store import store as storage
from tracker.cli.main import main
from tracker.exchange.tabular import export_csv
from tracker.domain.model import Status
from tracker.store.snapshots import forget
from tracker.store.store import Store


def test_loading_unchanged_bytes_twice_decodes_them_once(sample_db, decodes):
    forget()
    first = Store(sample_db).load()
    assert len(decodes) == len(first)
    again = Store(sample_db).load()
    assert len(decodes) == len(first)
    assert again.predictions[PENDING] == first.predictions[PENDING]


def test_a_write_checks_only_the_record_it_changes_and_the_reload_is_free(sample_db, decodes):
    Store(sample_db).load()
    decodes.clear()
    actions.mark(Store(sample_db), PENDING, "confirmed", known_on="2025-06")
    assert decodes == [PENDING]  # the marked record, checked before writing; nothing else
    reloaded = Store(sample_db).load()
    assert decodes == [PENDING]
    assert reloaded.predictions[PENDING].status is Status.CONFIRMED
    forget()  # what another process sees: the file itself says confirmed
    assert Store(sample_db).load().predictions[PENDING].status is Status.CONFIRMED


def test_a_change_by_another_process_is_read_again(sample_db):
    Store(sample_db).load()
    code = run_tracker("--db", str(sample_db), "mark", PENDING, "refuted", "--on", "2025-06",
                       cwd=sample_db.parent).returncode
    assert code == 0
    assert Store(sample_db).load().predictions[PENDING].status is Status.REFUTED


def test_a_refused_change_leaves_what_is_remembered_untouched(sample_db):
    before = Store(sample_db).load()
    with pytest.raises(RuntimeError):
        with Store(sample_db).transaction() as session:
            session.put(actions.replace(session.get("prediction", PENDING), claim="Changed"))
            raise RuntimeError("the body fails after changing the session")
    assert Store(sample_db).load().predictions[PENDING].claim == before.predictions[PENDING].claim
    forget()
    assert Store(sample_db).load().predictions[PENDING].claim == before.predictions[PENDING].claim


def test_an_import_parses_the_file_once_and_writes_it_once(sample_db, tmp_path, monkeypatch):
    rows = tmp_path / "rows.csv"
    rows.write_bytes(export_csv(Store(sample_db).load().records()))
    writes: list[str] = []
    real = storage.atomic_write
    monkeypatch.setattr(storage, "atomic_write", lambda path, data: (writes.append(path.name), real(path, data)))
    parses: list[str] = []
    real_parse = Store._parse
    monkeypatch.setattr(Store, "_parse", lambda self, raw, *a: (parses.append(self.path.name), real_parse(self, raw, *a))[1])
    target = tmp_path / "copy.json"
    assert main(["--db", str(target), "import", str(rows)]) == 0
    assert writes == ["copy.json"]
    assert sorted(r.id for r in Store(target).load().records()) == \
        sorted(r.id for r in Store(sample_db).load().records())
    # and importing the same rows again parses the file once (the transaction only checks that
    # the bytes are still the ones it parsed)
    parses.clear()
    forget()
    assert main(["--db", str(target), "import", str(rows)]) == 0
    assert parses.count("copy.json") == 1


def test_show_reads_a_prediction_from_a_hand_formatted_file_the_same_way(sample_db, tmp_path, capsys):
    assert main(["--db", str(sample_db), "show", PENDING]) == 0
    canonical = capsys.readouterr().out
    loose = tmp_path / "loose.json"
    loose.write_text(json.dumps(orjson.loads(sample_db.read_bytes()), indent=4, ensure_ascii=False),
                     encoding="utf-8")
    assert main(["--db", str(loose), "show", PENDING]) == 0
    assert capsys.readouterr().out == canonical
    assert f"{EVENT} — " in canonical and f"{ARTICLE} — " in canonical  # links resolved on the fast path


def test_show_of_a_prediction_does_not_parse_the_whole_file(sample_db, monkeypatch, capsys):
    forget()
    size = sample_db.stat().st_size
    real = orjson.loads

    def loads(data, *args):
        assert len(data) < size / 2, "parsed the whole file"
        return real(data, *args)

    monkeypatch.setattr(orjson, "loads", loads)
    assert main(["--db", str(sample_db), "show", CONFIRMED]) == 0
    assert "Trump will not abandon Article 5" in capsys.readouterr().out


def test_show_still_refuses_a_file_of_another_schema_version(sample_db, capsys):
    forget()
    text = sample_db.read_text(encoding="utf-8").replace('"schema_version": 1', '"schema_version": 2')
    sample_db.write_text(text, encoding="utf-8")
    assert main(["--db", str(sample_db), "show", PENDING]) == 1
    assert "schema_version 2 is not supported" in capsys.readouterr().err
    assert os.path.exists(sample_db)


def test_a_write_never_builds_on_bytes_that_changed_under_the_same_signature(sample_db):
    """A rewrite within one clock tick, same size, same inode: only the bytes tell it apart."""
    Store(sample_db).load()
    stat = sample_db.stat()
    text = sample_db.read_text(encoding="utf-8")
    changed = text.replace("Poland will not accept the inspections", "Poland will not accept the inspectionz")
    assert len(changed) == len(text)
    with open(sample_db, "r+", encoding="utf-8") as f:  # in place: the inode stays
        f.write(changed)
    os.utime(sample_db, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # and the clock did not tick
    actions.mark(Store(sample_db), CONFIRMED, "pending")
    forget()
    assert Store(sample_db).load().predictions[PENDING].claim.endswith("inspectionz")


def test_a_judged_prediction_reads_the_same_on_the_quick_path_and_the_careful_one(sample_db):
    stored = orjson.loads(sample_db.read_bytes())["predictions"][CONFIRMED]
    assert stored["history"] and stored["status"] == "confirmed"
    quick = codec._DECODE_CLEAN["prediction"](CONFIRMED, stored)
    careful = codec.decode_fields("prediction", CONFIRMED, stored, "w", parse_date=lambda text: codec.parse_stored(text))
    assert quick is not None and quick == careful
    broken = {**stored, "history": [{**stored["history"][0], "from": ["not", "a", "status"]}]}
    assert codec._DECODE_CLEAN["prediction"](CONFIRMED, broken) is None  # left to the careful path
    with pytest.raises(codec.RecordError):
        codec.decode_fields("prediction", CONFIRMED, broken, "w")


@pytest.mark.parametrize("history", [{}, 0, False, ""])
def test_a_history_that_is_not_a_list_is_refused_even_when_it_looks_empty(sample_db, history, capsys):
    data = orjson.loads(sample_db.read_bytes())
    data["predictions"][PENDING]["history"] = history
    sample_db.write_bytes(orjson.dumps(data))
    assert main(["--db", str(sample_db), "validate"]) == 1
    out = capsys.readouterr()
    assert f"{PENDING}" in out.out + out.err and "history: must be a list" in out.out + out.err


def test_a_bad_known_on_in_a_history_is_named_with_its_record_and_entry(sample_db, capsys):
    data = orjson.loads(sample_db.read_bytes())
    data["predictions"][CONFIRMED]["history"][0]["known_on"] = "garbage"
    sample_db.write_bytes(orjson.dumps(data))
    assert main(["--db", str(sample_db), "validate"]) == 1
    out = capsys.readouterr()
    text = out.out + out.err
    assert CONFIRMED in text and "history[0]" in text and "known_on" in text and "Traceback" not in text

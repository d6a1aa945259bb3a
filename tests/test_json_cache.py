"""Each record's --json text kept in the disk cache (tracker/jsoncache.py): `list --json`,
`review --json` and `export --format json` print exactly the bytes they would print by encoding
every record, and text
that no longer matches its record (changed since, damaged, another entry's) is never used."""

from __future__ import annotations

import orjson
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import PENDING
from tracker.actions import records as actions
from tracker.store import diskcache
from tracker.store import jsoncache
from tracker.cli.main import main
from tracker.domain.encoding import encode_record
from tracker.store.snapshots import forget
from tracker.store.store import Store


@pytest.fixture(autouse=True)
def _cache_every_size(monkeypatch):
    """The sample file is small; cache it anyway (the real threshold only skips tiny files)."""
    monkeypatch.setattr(diskcache, "MIN_BYTES", 0)


@pytest.fixture
def db(sample_db, tmp_path):
    """The sample's bytes in a file tracker has never read (so its first read writes a full entry,
    not a delta over the entries the sample's building left)."""
    copy = tmp_path / "copy.json"
    copy.write_bytes(sample_db.read_bytes())
    return copy


COMMANDS = (["list", "--json"], ["list", "--kind", "prediction", "--status", "pending", "--json"],
            ["review", "--json", "--today", "2026-11-29", "--within", "5y"], ["export", "--format", "json"])


def _outputs(path, capsys) -> list[str]:
    """What each command prints, as a new process would (this process's memory dropped)."""
    printed = []
    for args in COMMANDS:
        forget()
        assert main(["--db", str(path), *args]) == 0
        printed.append(capsys.readouterr().out)
    return printed


def _encoding_everything(path, capsys, monkeypatch) -> list[str]:
    """What the commands print when every record is encoded (the plain path, no cached text)."""
    with monkeypatch.context() as m:
        m.setattr(jsoncache, "fragment", lambda records, encoded, depth: [encode_record(r) for r in records])
        return _outputs(path, capsys)


def _used_texts(monkeypatch) -> list[int]:
    """How many records' cached texts each --json command took from the cache."""
    used: list[int] = []
    real = jsoncache.Encoded.texts

    def counting(self, records):
        texts = real(self, records)
        used.append(sum(t is not None for t in texts))
        return texts
    monkeypatch.setattr(jsoncache.Encoded, "texts", counting)
    return used


def test_cached_texts_print_the_same_bytes_as_encoding_every_record(db, capsys, monkeypatch):
    expected = _encoding_everything(db, capsys, monkeypatch)
    used = _used_texts(monkeypatch)
    assert _outputs(db, capsys) == expected
    assert PENDING in expected[1] and used[0] == used[-1] == 7  # every record's text was taken from the cache


def test_a_record_marked_since_the_entry_was_written_shows_its_new_status(db, capsys, monkeypatch):
    _outputs(db, capsys)  # the full entry and its texts are written
    actions.mark(Store(db), PENDING, "refuted", known_on="2025-06")  # a delta over that entry
    expected = _encoding_everything(db, capsys, monkeypatch)
    got = _outputs(db, capsys)
    assert got == expected
    listed = {r["id"]: r for r in orjson.loads(got[0])}
    assert listed[PENDING]["status"] == "refuted"


def test_damaged_texts_are_not_used(db, capsys, monkeypatch):
    expected = _encoding_everything(db, capsys, monkeypatch)
    texts = jsoncache.entry_path(db)
    data = bytearray(texts.read_bytes())
    at = data.rindex(b'"status": "pending"')
    data[at + 11:at + 18] = b"refuted"  # same length: only the payload's CRC-32 tells
    texts.write_bytes(bytes(data))
    used = _used_texts(monkeypatch)
    assert _outputs(db, capsys) == expected and used == []


def test_texts_written_for_other_bytes_of_the_file_are_not_used(db, tmp_path, capsys, monkeypatch):
    _outputs(db, capsys)
    stale = jsoncache.entry_path(db).read_bytes()
    # Changed by hand (an editor, a `git checkout`): the next read decodes it and writes a new entry.
    db.write_bytes(db.read_bytes().replace(b"Poland will not accept", b"Poland will NOT accept"))
    expected = _encoding_everything(db, capsys, monkeypatch)
    jsoncache.entry_path(db).write_bytes(stale)  # the old bytes' texts put back
    used = _used_texts(monkeypatch)
    got = _outputs(db, capsys)
    assert got == expected and "Poland will NOT accept" in got[0] and used == []


def _nest(value, depth: int):
    for _ in range(depth):
        value = {"k": value}
    return value


_sample: dict = {}


@settings(max_examples=80, deadline=None)
@given(data=st.data())
def test_a_list_of_cached_texts_is_what_orjson_writes_for_the_encoded_records(tmp_path_factory, data):
    from conftest import build_sample

    if "path" not in _sample:
        built = build_sample(tmp_path_factory.mktemp("db") / "sample.json")
        _sample["path"] = built.with_name("copy.json")  # never written by tracker: a full entry
        _sample["path"].write_bytes(built.read_bytes())
    forget()
    store = Store(_sample["path"])
    database = store.load()
    encoded = store.encoded_json(database)
    assert encoded is not None
    chosen = data.draw(st.lists(st.sampled_from(list(database.records())), max_size=12))
    depth = data.draw(st.integers(0, 3))
    fast = _nest(jsoncache.fragment(chosen, encoded, depth), depth)
    plain = _nest([encode_record(r) for r in chosen], depth)
    assert orjson.dumps(fast, option=orjson.OPT_INDENT_2) == orjson.dumps(plain, option=orjson.OPT_INDENT_2)

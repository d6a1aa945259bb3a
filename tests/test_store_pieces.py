"""The file read and written in pieces (tracker.store.pieces): the same tables and the same bytes
as one orjson call, and every file that is not exactly canonical sent to the careful whole read."""

from __future__ import annotations

import orjson
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tracker.store import pieces
from tracker.store.layout import StoreError
from tracker.store.pieces import encode_tables, parse_canonical
from tracker.store.store import Store

OPTIONS = orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS


def whole(tables) -> bytes:
    return orjson.dumps(tables, option=OPTIONS) + b"\n"


texts = st.text(st.characters(blacklist_categories=("Cs",)), max_size=8)
values = st.recursive(st.none() | st.booleans() | st.integers(-10**6, 10**6) | texts,
                      lambda inner: st.lists(inner, max_size=3) | st.dictionaries(texts, inner, max_size=3),
                      max_leaves=4)
records = st.dictionaries(texts, st.dictionaries(texts, values, max_size=4), max_size=8)
files = st.dictionaries(st.sampled_from(["articles", "events", "meta", "predictions", "proposals", "ü", '"q"']),
                        records, min_size=1, max_size=5)


@pytest.fixture
def small_pieces(monkeypatch):
    """Pieces of one or two records, so that generated files are cut many times."""
    monkeypatch.setattr(pieces, "PIECE", 1)
    monkeypatch.setattr(pieces, "RECORDS", 2)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(files)
def test_pieces_give_what_one_call_gives(small_pieces, tables):
    raw = whole(tables)
    assert encode_tables(tables) == raw
    assert parse_canonical(raw) == orjson.loads(raw)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(files, st.data())
def test_changed_bytes_are_never_taken_for_canonical_unless_they_are(small_pieces, tables, data):
    """Whatever is cut out of, or put into, a canonical file: the pieces either read exactly
    what the careful reading does, of bytes that are canonical, or decline."""
    raw = whole(tables)
    at = data.draw(st.integers(0, len(raw)))
    cut = data.draw(st.integers(0, 12))
    insert = data.draw(st.sampled_from([b"", b" ", b"\n", b",", b'"', b"}", b'  "x": 1,\n',
                                        b',\n    "a": {}', b',\n  "b": {}']))
    changed = raw[:at] + insert + raw[at + cut:]
    parsed = parse_canonical(changed)
    if parsed is not None:
        assert whole(parsed) == changed  # canonical: so no key can be in it twice


def test_a_record_given_twice_in_two_pieces_is_not_read_in_pieces(small_pieces):
    raw = whole({"predictions": {"a": {"claim": "x"}, "b": {"claim": "y"}, "c": {"claim": "z"}}})
    twice = raw.replace(b'"c": {', b'"a": {')  # sorted order broken across the pieces' edge
    assert parse_canonical(twice) is None


def test_a_key_given_twice_inside_one_record_is_not_read_in_pieces():
    raw = whole({"predictions": {"a": {"claim": "x", "hedge": "y"}}})
    twice = raw.replace(b'"hedge"', b'"claim"')
    assert parse_canonical(twice) is None


def test_a_file_with_a_record_given_twice_is_still_refused_by_the_store(tmp_path, small_pieces):
    db = tmp_path / "p.json"
    raw = whole({"meta": {"schema": {"schema_version": 1}},
                 "predictions": {"a": {"claim": "x"}, "b": {"claim": "y"}, "c": {"claim": "z"}}})
    db.write_bytes(raw.replace(b'"b": {', b'"a": {'))
    with pytest.raises(StoreError, match=r"predictions\[a\] appears more than once"):
        Store(db).read()


def test_the_store_reads_a_canonical_file_in_many_pieces(tmp_path, small_pieces, monkeypatch):
    """A canonical file never goes through the whole-file parse: the pieces read it."""
    db = tmp_path / "p.json"
    tables = {"meta": {"schema": {"schema_version": 1}}, "articles": {},
              "events": {}, "predictions": {f"p{i}": {"claim": f"claim {i}"} for i in range(20)}}
    db.write_bytes(whole(tables))
    calls = []
    real = orjson.loads
    monkeypatch.setattr(pieces.orjson, "loads", lambda b: calls.append(len(b)) or real(b))
    transaction = Store(db).read()
    assert sorted(transaction.table("prediction").raw()) == sorted(tables["predictions"])
    assert len([n for n in calls if n > 20]) >= 10  # ten or more pieces of records
    assert max(calls) < len(db.read_bytes()) / 5


def test_a_large_table_is_written_in_pieces_with_the_same_bytes(monkeypatch):
    tables = {"meta": {"schema": {"schema_version": 1}},
              "predictions": {f"p{i:04d}": {"claim": "é" * (i % 7), "tags": ["a"] * (i % 3)} for i in range(1000)}}
    sizes = []
    real = orjson.dumps
    monkeypatch.setattr(pieces.orjson, "dumps", lambda v, **kw: (b := real(v, **kw), sizes.append(len(b)))[0])
    assert encode_tables(tables) == whole(tables)
    assert len(sizes) >= 1000 // pieces.RECORDS


def test_a_table_holding_only_a_stray_quote_is_not_read_in_pieces():
    raw = b'{\n  "meta": {\n    "schema": {\n      "schema_version": 1\n    }\n  },\n  "predictions": {\n    "\n  }\n}\n'
    assert parse_canonical(raw) is None


def test_a_stray_separator_before_a_tables_end_is_not_read_in_pieces(small_pieces):
    raw = whole({"predictions": {"a": {"claim": "x"}, "b": {"claim": "y"}}})
    broken = raw.replace(b'\n  }\n}\n', b',\n    "\n  }\n}\n')
    assert parse_canonical(broken) is None


def test_a_table_name_written_with_escapes_is_not_canonical():
    raw = whole({"predictions": {"a": {"claim": "x"}}}).replace(b'"predictions"', b'"pred\\u0069ctions"')
    assert orjson.loads(raw) == {"predictions": {"a": {"claim": "x"}}}
    assert parse_canonical(raw) is None

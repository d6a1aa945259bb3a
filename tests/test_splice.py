"""Splicing changed records into a canonical file gives exactly the bytes of a full write."""

from __future__ import annotations

import orjson
from hypothesis import given, settings
from hypothesis import strategies as st

from tracker.store.layout import encode_file
from tracker.store import splice as splice_module
from tracker.store.splice import splice as splice_parts


def splice(raw, changes):
    parts = splice_parts(raw, changes)
    return None if parts is None else b"".join(parts)

# Text a record may hold: Japanese, markup-like, quotes, backslashes and control characters.
_TEXT = st.text(alphabet=st.sampled_from(list("aZ09 -_.") + list("記事予測確認") + list('[]/=@"\\{},:')
                                         + ["\n", "\t", "\x00", "\x1b", "\u202e", "\x7f", "é", "😀"]),
                max_size=12)
_IDS = st.text(alphabet=st.sampled_from(list("abz09-_.") + list("記予") + ['"', ":", "{", "\x01", "é", "\uff21", "😀"]),
               min_size=1, max_size=6)
_LEAF = st.one_of(_TEXT, st.integers(-10**6, 10**6), st.booleans(), st.none(),
                  st.floats(allow_nan=False, allow_infinity=False))
_VALUE = st.recursive(_LEAF, lambda inner: st.one_of(st.lists(inner, max_size=3),
                                                       st.dictionaries(_TEXT, inner, max_size=3)), max_leaves=8)
_DOC = st.dictionaries(_TEXT, _VALUE, max_size=5)
_TABLE = st.dictionaries(_IDS, _DOC, max_size=6)


def _file(articles, events, predictions, proposals=None):
    tables = {"meta": {"schema": {"schema_version": 1}}, "articles": articles, "events": events,
              "predictions": predictions}
    if proposals is not None:
        tables["proposals"] = proposals
    return tables


@settings(max_examples=60, deadline=None)
@given(_TABLE, _TABLE, _TABLE, st.one_of(st.none(), _TABLE), st.integers(0, 400),
       st.lists(st.tuples(st.sampled_from(["articles", "events", "predictions", "proposals"]),
                          st.one_of(_IDS, st.integers(0, 500)), _DOC), max_size=25))
def test_splicing_any_change_gives_the_bytes_of_a_full_write(articles, events, predictions, proposals, filler,
                                                             edits):
    # Filler records make the binary search take many steps, among the random ids.
    predictions.update({f"{'a' if i % 3 else 'z'}{i:04d}": {"n": i, "t": "予測 [b]x[/b]"} for i in range(filler)})
    tables = _file(articles, events, predictions, proposals)
    raw = encode_file(tables)
    changes: dict[str, dict] = {}
    for table, record_id, doc in edits:
        if table not in tables:
            continue
        if isinstance(record_id, int):  # an existing record, when there is one
            existing = sorted(tables[table])
            if not existing:
                continue
            record_id = existing[record_id % len(existing)]
        changes.setdefault(table, {})[record_id] = doc
    spliced = splice(raw, changes)
    for table, docs in changes.items():
        tables[table].update(docs)
    full = encode_file(tables)
    if spliced is None:  # only an empty table is left to the full write
        assert any(docs and not orjson.loads(raw)[table] for table, docs in changes.items())
    else:
        assert spliced == full


def test_a_file_not_laid_out_by_tracker_is_not_spliced():
    tables = _file({"a": {"x": 1}}, {}, {"p": {"claim": "c"}})
    compact = orjson.dumps(tables)
    assert splice(compact, {"predictions": {"p": {"claim": "new"}}}) is None


def test_many_changes_in_one_table_are_spliced_in_place(monkeypatch):
    monkeypatch.setattr(splice_module, "_WINDOW", 7)  # long searches go a few bytes at a time
    predictions = {f"p{i:03d}": {"claim": f"c{i}", "status": "pending"} for i in range(200)}
    tables = _file({"a": {"x": 1}}, {"e": {"title": "t"}}, predictions, {"p001": {"state": "open"}})
    raw = encode_file(tables)
    changes = {f"p{i:03d}": {"claim": f"予測 {i}", "status": "confirmed"} for i in range(0, 200, 3)}
    changes.update({f"p{i:03d}x": {"claim": "new"} for i in range(0, 200, 7)})
    spliced = splice(raw, {"predictions": changes})
    predictions.update(changes)
    assert spliced == encode_file(tables)


# ---- through the store: what a user's writes leave in the file ------------------------------

import pytest  # noqa: E402

from tracker.actions import records as actions  # noqa: E402

from tracker.store import diskcache
from tracker.store.snapshots import forget  # noqa: E402
from tracker.store.store import Store  # noqa: E402

from conftest import ARTICLE, PENDING, JA_PENDING, build_sample  # noqa: E402


@pytest.fixture
def parses(monkeypatch) -> list[str]:
    """The names of the files whose whole JSON is parsed from here on."""
    seen: list[str] = []
    real = Store._parse
    monkeypatch.setattr(Store, "_parse", lambda self, raw, *a: (seen.append(self.path.name), real(self, raw, *a))[1])
    return seen


def _canonical(path) -> bool:
    raw = path.read_bytes()
    return encode_file(orjson.loads(raw)) == raw


def test_writes_to_a_file_tracker_laid_out_parse_no_json_and_leave_it_as_a_full_write_would(tmp_path, parses,
                                                                                            monkeypatch):
    monkeypatch.setattr(diskcache, "MIN_BYTES", 0)  # a large file, in miniature
    db = build_sample(tmp_path / "db.json")
    store = Store(db)
    store.load()
    parses.clear()
    actions.mark(store, PENDING, "refuted", note="制裁は続いた [b]x[/b]\x1b[31m")
    actions.add_prediction(store, record_id="aaa-first", claim="予測: \"quoted\" {braces}", resolve_by="2030",
                           probability="0.6")
    actions.add_prediction(store, record_id="zzz-last", claim="[@click=app.quit]x", resolve_by="2031-02",
                           hedge="probably")
    actions.edit_record(store, JA_PENDING, {"claim": "日銀は利上げする\u202e"})
    actions.snooze(store, JA_PENDING, "30d")
    assert parses == []
    assert _canonical(db)
    forget()  # a new process: the decoded records come from the disk cache, still no parse
    actions.mark(store, "zzz-last", "void", note="moot")
    assert parses == []
    assert _canonical(db)
    prediction = Store(db).load().predictions["zzz-last"]
    assert prediction.status.value == "void"
    assert Store(db).load().predictions["aaa-first"].claim == '予測: "quoted" {braces}'


def test_a_file_laid_out_by_hand_is_written_whole_in_tracker_layout(tmp_path):
    db = build_sample(tmp_path / "db.json")
    db.write_bytes(orjson.dumps(orjson.loads(db.read_bytes())))  # valid, one line
    forget()
    actions.mark(Store(db), PENDING, "confirmed")
    assert _canonical(db)
    assert Store(db).load().predictions[PENDING].status.value == "confirmed"


def test_a_mark_in_a_new_process_decodes_only_the_records_it_reads(tmp_path, monkeypatch, parses, decodes):
    monkeypatch.setattr(diskcache, "MIN_BYTES", 0)  # a large file, in miniature
    db = build_sample(tmp_path / "db.json")
    Store(db).load()  # cached (and its layout noted) for the next process
    forget()
    parses.clear()
    decodes.clear()
    loads = []  # whole databases taken from the disk cache
    real_load = diskcache.load
    monkeypatch.setattr(diskcache, "load", lambda *a, **k: (loads.append(a[0]), real_load(*a, **k))[1])
    actions.mark(Store(db), PENDING, "confirmed", note="as said")
    assert parses == [] and loads == []
    assert set(decodes) <= {PENDING, ARTICLE}  # the prediction and its article
    forget()
    assert Store(db).load().predictions[PENDING].status.value == "confirmed"
    assert _canonical(db)

"""CSV and JSON export/import: the documented columns, and round trips that lose nothing."""

from __future__ import annotations

import csv
import io
import json

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from conftest import ARTICLE, CONFIRMED, EVENT, JA_CLAIM, JA_PENDING, MARKUP_QUOTE, PENDING, encoded
from tracker.actions import records as actions
from tracker.exchange import importing
from tracker.cli.main import main
from tracker.domain.encoding import encode_record
from tracker.domain.dates import PDate
from tracker.exchange.tabular import CSV_COLUMNS, ImportFileError, export_csv, export_json, read_import_file
from tracker.domain.model import HistoryEntry, Prediction, Status
from tracker.domain.query import timeline_key
from tracker.store.store import Store

DOCUMENTED_COLUMNS = ["id", "kind", "date", "title", "claim", "quote", "hedge", "probability", "made_on",
                      "resolve_by", "status", "author", "article", "tags", "note", "evidence"]


def _records(path):
    return sorted(Store(path).load().records(), key=timeline_key)


def _rows(data: bytes) -> dict[str, dict[str, str]]:
    return {row["id"]: row for row in csv.DictReader(io.StringIO(data.decode("utf-8")))}


def _round_trip(records, tmp_path, suffix: str):
    exported = tmp_path / f"export{suffix}"
    exported.write_bytes(export_csv(records) if suffix == ".csv" else export_json(records))
    return read_import_file(exported)


def test_csv_columns_start_with_the_documented_order(sample_db):
    header = export_csv(_records(sample_db)).decode("utf-8").splitlines()[0].split(",")
    assert header[:16] == DOCUMENTED_COLUMNS
    assert list(CSV_COLUMNS) == DOCUMENTED_COLUMNS
    assert len(header) == len(set(header))


def test_tags_are_joined_with_semicolons_and_evidence_with_spaces(sample_db):
    rows = _rows(export_csv(_records(sample_db)))
    assert rows[PENDING]["tags"] == "poland;nato"
    assert rows[JA_PENDING]["tags"] == "日本;rates"
    assert rows[CONFIRMED]["evidence"] == "https://example.org/nato-1 https://example.org/nato-2"
    assert rows[CONFIRMED]["note"] == "Article 5 still in force"
    assert rows[CONFIRMED]["status"] == "confirmed"


def test_csv_puts_dates_and_links_where_a_spreadsheet_user_looks(sample_db):
    rows = _rows(export_csv(_records(sample_db)))
    assert (rows[EVENT]["date"], rows[EVENT]["article"]) == ("2025-05", ARTICLE)
    assert rows[ARTICLE]["date"] == "2025-02-22"                 # an article's date is its publication
    assert rows[PENDING]["probability"] == "0.7"
    assert (rows[PENDING]["made_on"], rows[PENDING]["resolve_by"]) == ("2025-02-22", "2025-12")


def test_csv_is_utf8_with_japanese_as_is(sample_db):
    data = export_csv(_records(sample_db))
    assert JA_CLAIM.encode("utf-8") in data


def test_json_export_is_an_array_of_records_id_and_kind_first(sample_db):
    docs = json.loads(export_json(_records(sample_db)))
    assert [list(d)[:2] for d in docs] == [["id", "kind"]] * 7
    assert docs[0]["id"] == ARTICLE


@pytest.mark.parametrize("suffix", [".csv", ".json"])
def test_japanese_and_markup_text_survive_the_round_trip(tmp_path, suffix):
    store = Store(tmp_path / "db.json")
    actions.add_prediction(store, record_id="markup", claim="Poland [red]will[/] not [/] accept",
                           quote=MARKUP_QUOTE, hedge="可能性は低い", resolve_by="2026年6月",
                           made_on="2025年2月23日", tags=["[b]", "日本"], condition="if [$accent] holds")
    actions.mark(store, "markup", "refuted", note="[/] 反証された [bold red]", known_on="2025-06",
                 evidence=["https://example.org/a?x=[1]"])
    actions.add_event(store, record_id="ja-event", date="2025年5月", title="日本の選挙 [/]",
                      summary="要約: \"quoted\", with, commas\nand a second line")
    records = _records(tmp_path / "db.json")

    back = _round_trip(records, tmp_path, suffix)

    assert sorted((encode_record(r) for r in back), key=lambda d: d["id"]) == \
        sorted((encode_record(r) for r in records), key=lambda d: d["id"])
    by_id = {r.id: r for r in back}
    assert by_id["markup"].quote == MARKUP_QUOTE
    assert by_id["markup"].history[-1].note == "[/] 反証された [bold red]"
    assert by_id["ja-event"].title == "日本の選挙 [/]"


@pytest.mark.parametrize("suffix", [".csv", ".json"])
def test_the_sample_database_survives_the_round_trip(sample_db, tmp_path, suffix):
    back = _round_trip(_records(sample_db), tmp_path, suffix)
    fresh = Store(tmp_path / "fresh.json")
    importing.import_records(fresh, back)
    assert encoded(tmp_path / "fresh.json") == encoded(sample_db)


def test_an_unstated_probability_stays_unstated(tmp_path):
    record = Prediction(id="vague", claim="Something will change", probability=None,
                        made_on=PDate(2025, 1), resolve_by=PDate(2026), hedge="reckons")
    for suffix in (".csv", ".json"):
        [back] = _round_trip([record], tmp_path, suffix)
        assert back == record


def test_a_resolved_row_without_history_gets_the_entry_that_resolved_it(tmp_path):
    source = tmp_path / "resolved.csv"
    source.write_text("id,kind,claim,probability,made_on,resolve_by,status,note,evidence\n"
                      "p1,prediction,X,0.6,2025-01,2025-12,refuted,it did not,"
                      "https://example.org/1 https://example.org/2\n", "utf-8")
    [record] = read_import_file(source)
    assert record.status is Status.REFUTED
    [entry] = record.history
    assert (entry.from_status, entry.to_status, entry.note) == ("pending", "refuted", "it did not")
    assert entry.evidence == ["https://example.org/1", "https://example.org/2"]


def test_a_spreadsheet_csv_with_a_byte_order_mark_is_read(tmp_path):
    source = tmp_path / "excel.csv"
    source.write_bytes("\ufeffkind,claim,made_on,tags,hedge\nprediction,日銀は利上げする,2025-03,日本; rates,だろう\n"
                       .encode("utf-8"))
    [record] = read_import_file(source)
    assert record.claim == "日銀は利上げする"
    assert record.tags == ["日本", "rates"]


def test_a_row_with_more_cells_than_the_header_is_named(tmp_path):
    source = tmp_path / "ragged.csv"
    source.write_text("kind,claim,made_on,probability\nprediction,Fine,2025-01,0.5\n"
                      "prediction,Too,2025-01,0.5,many\n", "utf-8")
    with pytest.raises(ImportFileError) as caught:
        read_import_file(source)
    assert caught.value.problems == [f"{source} row 3: has more cells than the header"]


def test_typed_dates_short_rows_and_blank_lines_read_as_stored_ones(tmp_path):
    source = tmp_path / "typed.csv"
    source.write_text("kind,id,claim,made_on,probability,resolve_by\n"
                      "prediction,iso,Same,2025-05-03,0.5,2026\n"
                      "\n"  # a blank line is no row, and does not count in the row numbers
                      "prediction,typed,Same,\"May 3, 2025\",0.5,2026年\n"
                      "prediction,short,Same,２０２５-05-03,0.5\n"  # cells missing at the end are empty
                      "prediction,bad,Same,2025-02-30,0.5,2026\n", "utf-8")
    with pytest.raises(ImportFileError) as caught:
        read_import_file(source)
    [problem] = caught.value.problems
    assert problem.startswith(f"{source} row 5 (bad)") and "2025-02-30" in problem
    source.write_text(source.read_text("utf-8").rsplit("prediction,bad", 1)[0], "utf-8")
    iso, typed, short = read_import_file(source)
    assert typed.made_on == short.made_on == iso.made_on == PDate(2025, 5, 3)
    assert typed.resolve_by == iso.resolve_by == PDate(2026)
    assert short.resolve_by == PDate(2026, 5, 3)  # the default horizon: a year after it was made


def test_a_csv_without_a_kind_column_is_refused(tmp_path):
    source = tmp_path / "notours.csv"
    source.write_text("name,age\nAlice,30\n", "utf-8")
    with pytest.raises(ImportFileError, match="no 'kind' column"):
        read_import_file(source)


def test_a_csv_quote_never_closed_is_named_with_its_row(tmp_path):
    source = tmp_path / "bad.csv"
    source.write_text('id,kind,claim,resolve_by\nfine,prediction,"X will happen",2026\n'
                      '"unterminated,prediction,x,2026\nok,prediction,y,2026\n', "utf-8")
    with pytest.raises(ImportFileError) as refused:
        read_import_file(source)
    assert refused.value.problems == [f"{source} row 3: a quote opened in this row is never closed"]
    inner = tmp_path / "inner.csv"  # a quote inside an unquoted cell is the cell's own (5" screen)
    inner.write_text('id,kind,claim,resolve_by,probability,made_on\nok,prediction,A 5" screen will ship,2026,0.6,2025-01\n', "utf-8")
    assert read_import_file(inner)[0].claim == 'A 5" screen will ship'


def test_tags_typed_with_a_semicolon_survive_the_csv_round_trip(tmp_path, capsys):
    db = tmp_path / "db.json"
    assert main(["--db", str(db), "add", "event", "--date", "2025", "--title", "Talks",
                 "--tag", "nato;poland"]) == 0
    capsys.readouterr()
    back = _round_trip(_records(db), tmp_path, ".csv")
    assert [encode_record(r) for r in back] == [encode_record(r) for r in _records(db)]


# ---- property: any text a user can type survives CSV --------------------------------

def _typed_text(min_size: int = 0):
    # What a user can type: any printable character, line breaks inside; no surrounding white space
    # (every way in strips it) and no control characters.
    alphabet = st.characters(blacklist_categories=("Cs", "Cc"), whitelist_characters="\n\t")
    return st.text(alphabet, min_size=min_size, max_size=40).map(str.strip).filter(
        lambda s: len(s) >= min_size)


_tag = _typed_text(1).filter(lambda t: ";" not in t)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(claim=_typed_text(1), quote=_typed_text(), note=_typed_text(), tags=st.lists(_tag, max_size=3,
                                                                                     unique=True))
def test_any_typed_text_survives_the_csv_round_trip(tmp_path, claim, quote, note, tags):
    record = Prediction(
        id="p1", claim=claim, quote=quote, probability=0.6, made_on=PDate(2025, 1),
        resolve_by=PDate(2025, 12), tags=tags, status=Status.CONFIRMED,
        history=[HistoryEntry(at="2025-06-01T00:00:00Z", action="status", from_status="pending",
                              to_status="confirmed", note=note, known_on=PDate(2025, 6))])
    [back] = _round_trip([record], tmp_path, ".csv")
    assert back == record


def test_known_on_travels_with_a_status_in_csv(tmp_path):
    from tracker.actions import records as acts
    from tracker.cli.main import main
    from tracker.store.store import Store as S

    db = tmp_path / "db.json"
    acts.add_prediction(S(db), claim="It happens", probability="0.6", made_on="2025-01", resolve_by="2025-06",
                        record_id="p")
    source = tmp_path / "marks.csv"
    source.write_text("id,kind,status,note,known_on\np,prediction,confirmed,seen,2025-06\n", "utf-8")
    assert main(["--db", str(db), "import", str(source)]) == 0
    entry = S(db).load().predictions["p"].history[-1]
    assert (entry.to_status, entry.note, entry.known_on.iso()) == ("confirmed", "seen", "2025-06")
    exported = tmp_path / "out.csv"
    assert main(["--db", str(db), "export", "--format", "csv", "-o", str(exported)]) == 0
    assert "2025-06" in exported.read_text("utf-8").splitlines()[1].split(",")[CSV_COLUMNS.index("evidence") + 1]

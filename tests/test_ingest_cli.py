"""`tracker ingest` and the proposal commands, driven through tracker.cli.main.main and checked
through the library."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import ARTICLE, PENDING, build_sample, encoded, run_tracker
from tracker.cli.main import main
from tracker.ingest.proposals import listing
from tracker.store.store import Store

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
BLOG = FIXTURES / "blog_small.txt"
ENGLISH = FIXTURES / "en_sahel.md"


def cli(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def proposals(db: Path, state: str | None = "proposed") -> dict[str, dict]:
    return dict(listing(Store(db).read(missing_ok=True), state))


def test_dry_run_prints_candidates_and_writes_nothing(tmp_path, capsys):
    db = tmp_path / "db.json"
    code, out, err = cli(capsys, "--db", db, "ingest", BLOG, "--dry-run")
    assert code == 0
    assert "https://example.substack.com/p/serbia-and-kosovo-are-heading" in out
    assert "2025-09" in out and "would propose" in err
    assert not db.exists()


def test_ingest_json_is_shaped_like_list_json_with_quote_and_source(tmp_path, capsys):
    code, out, _ = cli(capsys, "--db", tmp_path / "db.json", "ingest", ENGLISH, "--dry-run", "--json")
    data = json.loads(out)
    assert set(data) == {"articles", "events", "predictions"}
    assert data["articles"][0]["url"] == "https://example.org/analysis/niger-uranium"
    prediction = next(p for p in data["predictions"] if "Orano" in p["claim"])
    assert prediction["kind"] == "prediction" and prediction["status"] == "pending"
    assert prediction["quote"] == "Orano will probably take the dispute to international arbitration within months."
    assert prediction["source"]["section"] == "body" and prediction["source"]["sentence"] > 0
    assert prediction["probability"] == 0.7 and prediction["made_on"] == "2025-01-15"
    unlikely = next(p for p in data["predictions"] if "junta" in p["claim"])
    assert unlikely["claim"].startswith("The junta will not reverse") and unlikely["probability"] == 0.7


def test_ingest_stores_proposals_that_count_nowhere_until_accepted(tmp_path, capsys):
    db = tmp_path / "db.json"
    assert cli(capsys, "--db", db, "ingest", ENGLISH)[0] == 0
    assert len(proposals(db)) > 3
    database = Store(db).load()
    assert len(database.articles) == 1 and not database.predictions and not database.events
    code, out, _ = cli(capsys, "--db", db, "list", "--json")
    assert [r["kind"] for r in json.loads(out)] == ["article"]
    assert cli(capsys, "--db", db, "validate")[0] == 0


def test_ingesting_the_same_article_twice_proposes_nothing_new_even_after_a_rejection(tmp_path, capsys):
    db = tmp_path / "db.json"
    cli(capsys, "--db", db, "ingest", BLOG)
    first = proposals(db)
    some = next(iter(first))
    assert cli(capsys, "--db", db, "reject", some, "--note", "vague")[0] == 0
    code, _, err = cli(capsys, "--db", db, "ingest", BLOG)
    assert code == 0 and "proposed 0 " in err
    assert set(proposals(db, None)) == set(first)
    assert proposals(db, "rejected")[some]["note"] == "vague"


def test_accepting_a_japanese_claim_asks_for_english_and_keeps_the_quote(tmp_path, capsys):
    db = tmp_path / "db.json"
    cli(capsys, "--db", db, "ingest", BLOG)
    pid, doc = next((p, d) for p, d in proposals(db).items() if "再開" in d["fields"].get("claim", ""))
    code, _, err = cli(capsys, "--db", db, "accept", pid)
    assert code == 1 and "English" in err and len(err.strip().splitlines()) == 1
    assert not Store(db).load().predictions
    code, out, _ = cli(capsys, "--db", db, "accept", pid, "--claim",
                       "The EU-mediated Serbia-Kosovo dialogue will not resume soon", "--tag", "serbia",
                       "--forecaster", "Example Writer", "--resolve-by", "2025-12")
    assert code == 0
    record_id = out.split("→")[1].strip()
    prediction = Store(db).load().predictions[record_id]
    assert prediction.quote == doc["fields"]["quote"] and "再開される可能性は低い" in prediction.quote
    assert prediction.probability == 0.7 and prediction.hedge == "可能性は低い"
    assert prediction.tags == ["serbia"] and prediction.resolve_by.iso() == "2025-12"
    assert proposals(db, "accepted")[pid]["record"] == record_id
    assert cli(capsys, "--db", db, "accept", pid, "--claim", "again")[0] == 1  # decided once


def test_a_probability_outside_the_hedge_is_kept_as_the_readers_own_reading(tmp_path, capsys):
    db = tmp_path / "db.json"
    cli(capsys, "--db", db, "ingest", ENGLISH)
    pid, doc = next((p, d) for p, d in proposals(db).items() if "Orano" in d["fields"].get("claim", ""))
    assert cli(capsys, "--db", db, "accept", pid, "--probability", "0.2")[0] == 0
    (prediction,) = Store(db).load().predictions.values()
    assert prediction.probability == 0.2 and prediction.hedge == doc["fields"]["hedge"]  # the hedge stays
    (entry,) = [h for h in prediction.history if h.field == "probability"]
    assert entry.note.startswith("the reader's own reading") and entry.new == 0.2
    assert cli(capsys, "--db", db, "validate")[0] == 0  # validate accepts the reader's reading
    # a hedge given with it must still agree with it
    cli(capsys, "--db", db, "ingest", ENGLISH)
    other = next(p for p, d in proposals(db).items() if d["state"] == "proposed" and d["kind"] == "prediction")
    code, _, err = cli(capsys, "--db", db, "accept", other, "--hedge", "likely", "--probability", "0.2")
    assert code == 1 and "does not agree" in err


def test_merging_adds_the_quote_and_source_to_an_existing_prediction(tmp_path, capsys):
    db = build_sample(tmp_path / "db.json")
    cli(capsys, "--db", db, "ingest", BLOG)
    pid, doc = next((p, d) for p, d in proposals(db).items() if d["kind"] == "prediction")
    code, out, _ = cli(capsys, "--db", db, "merge-proposal", pid, PENDING)
    assert code == 0
    merged = Store(db).load().predictions[PENDING]
    entry = merged.history[-1] if merged.history[-1].field == "source" else merged.history[-2]
    assert entry.field == "source" and entry.new == doc["fields"]["quote"] and pid in entry.note
    assert proposals(db, "merged")[pid]["record"] == PENDING
    event_pid = next(p for p, d in proposals(db).items() if d["kind"] == "event")
    assert cli(capsys, "--db", db, "merge-proposal", event_pid, PENDING)[0] == 1  # kinds differ


def test_merging_another_forecasters_sentence_into_a_call_says_so(tmp_path, capsys):
    db = build_sample(tmp_path / "db.json")
    article = tmp_path / "other.md"
    article.write_text("# Baltic power\nBy Jane Doe\nDate: 2025-03-01\n\n"
                       "Poland will probably reject the inspections before the summer.\n", encoding="utf-8")
    cli(capsys, "--db", db, "ingest", article)
    pid = next(p for p, d in proposals(db).items() if d["kind"] == "prediction")
    code, out, err = cli(capsys, "--db", db, "merge-proposal", pid, PENDING)
    target = Store(db).load().predictions[PENDING]
    assert code == 0 and out.strip() == f"{pid} → merged into {PENDING}"
    assert f"tracker: warning: the proposal is the call of Jane Doe; {PENDING} is the call of {target.forecaster}" in err
    assert f"the proposal is from article doe-2025-03-01-baltic-power; {PENDING} from {target.article}" in err
    # The same forecaster and article: nothing to say.
    cli(capsys, "--db", db, "ingest", BLOG)
    same = next(p for p, d in proposals(db).items() if d["kind"] == "prediction" and d["state"] == "proposed")
    from tracker.ingest.proposals import merge_differences

    doc = proposals(db)[same]
    assert merge_differences(replace_fields(target, doc), doc) == []


def replace_fields(target, doc):
    from dataclasses import replace

    return replace(target, forecaster=doc["fields"]["forecaster"] or doc["fields"]["author"],
                   article=doc["fields"]["article"])


def test_an_ingested_article_is_reused_by_url(tmp_path, capsys):
    db = tmp_path / "db.json"
    cli(capsys, "--db", db, "ingest", BLOG)
    cli(capsys, "--db", db, "ingest", BLOG)
    assert len(Store(db).load().articles) == 2


@pytest.mark.parametrize("content,message", [
    (b"", "empty"), (b"\x00\x01binary\x00", "binary"), (b'{"a": 1}', "JSON"),
    (b"Only a title\n", "no article text"), (b"A title\n\nThe minister will resign.\n", "no date"),
    ("日本語の題\n\n本文だけで日付がない。\n".encode(), "no date"),
], ids=["empty", "binary", "json", "title-only", "no-date", "no-date-ja"])
def test_bad_input_is_refused_in_one_line_and_nothing_is_written(tmp_path, content, message):
    db = build_sample(tmp_path / "db.json")
    before = db.read_bytes()
    article = tmp_path / "article.txt"
    article.write_bytes(content)
    result = run_tracker("--db", str(db), "ingest", str(article), cwd=tmp_path)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and message in result.stderr
    assert db.read_bytes() == before


def test_date_and_author_from_the_command_line_fill_what_the_text_lacks(tmp_path, capsys):
    article = tmp_path / "a.md"
    article.write_text("# Kosovo talks\n\nThe talks will probably resume next month.\n")
    db = tmp_path / "db.json"
    assert cli(capsys, "--db", db, "ingest", article, "--date", "2025-04-10", "--author", "Jo Doe")[0] == 0
    (only,) = Store(db).load().articles.values()
    assert only.author == "Jo Doe" and only.published.iso() == "2025-04-10"
    # a forecast names a date but is no event: the date is the prediction's horizon
    assert not [d for d in proposals(db).values() if d["kind"] == "event"]
    (prediction,) = [d for d in proposals(db).values() if d["kind"] == "prediction"]
    assert prediction["fields"]["made_on"] == "2025-04-10" and prediction["fields"]["resolve_by"] == "2025-05"


def test_inbox_lists_proposals_and_validate_checks_them(tmp_path, capsys):
    db = build_sample(tmp_path / "db.json")
    cli(capsys, "--db", db, "ingest", BLOG)
    code, out, _ = cli(capsys, "--db", db, "inbox")
    assert code == 0 and len(out.strip().splitlines()) == len(proposals(db))
    data = json.loads(db.read_text())
    first = next(iter(data["proposals"]))
    data["proposals"][first]["state"] = "maybe"
    data["proposals"][first]["fields"]["article"] = "nowhere"
    db.write_text(json.dumps(data))
    code, _, err = cli(capsys, "--db", db, "validate")
    assert code == 1 and "state: 'maybe'" in err and "no article 'nowhere'" in err
    assert encoded(db)  # the records still load: proposals never break the file


def test_export_and_import_of_a_database_with_proposals(tmp_path, capsys):
    db = build_sample(tmp_path / "db.json")
    cli(capsys, "--db", db, "ingest", BLOG)
    out_file = tmp_path / "out.json"
    assert cli(capsys, "--db", db, "export", "-o", out_file)[0] == 0
    assert all(r["kind"] in ("article", "event", "prediction") for r in json.loads(out_file.read_text()))
    copy = tmp_path / "copy.json"
    assert cli(capsys, "--db", copy, "import", db)[0] == 0
    assert ARTICLE in Store(copy).load().articles


def test_what_is_already_recorded_is_not_proposed_again(tmp_path, capsys):
    from tracker.actions import records as actions
    db = tmp_path / "db.json"
    store = Store(db)
    actions.add_article(store, record_id="serbia", title="Serbia And Kosovo", author="Example Writer",
                        published="2025-03-01", url="https://example.substack.com/p/serbia-and-kosovo-are-heading")
    actions.add_event(store, record_id="vucic-press-conference", date="2025-02-28",
                      title="Vučić accuses Kosovo at a press conference", articles=["serbia"])
    actions.add_prediction(store, record_id="talks-stall", claim="Serbia's EU accession talks will stall",
                           hedge="だろう", resolve_by="2025-12", article="serbia",
                           quote="セルビアがロシアとの関係を維持する限り、EU加盟交渉は停滞するだろう。")
    code, out, _ = cli(capsys, "--db", db, "ingest", BLOG, "--dry-run")
    assert "known: recorded as vucic-press-conference" in out
    assert "known: recorded as talks-stall" in out
    cli(capsys, "--db", db, "ingest", BLOG)
    texts = [d["fields"].get("quote", "") + d["fields"].get("summary", "") for d in proposals(db).values()]
    assert not any("停滞するだろう" in t for t in texts) and not any("2025年2月28日" in t for t in texts)
    assert len(Store(db).load().articles) == 2  # the recorded article reused, the other added


TWO_CALLS = ("# Poland and the US\n\nBy Jo Doe\nDate: 2025-11-12\nURL: https://example.org/poland-and-the-us\n\n"
             "He's unlikely to pull US troops out of Poland, but NATO policy will certainly change in the "
             "coming years.\n")


def test_a_sentence_with_two_calls_gives_two_proposals_and_one_can_become_two_records(tmp_path, capsys):
    article, db = tmp_path / "a.md", tmp_path / "db.json"
    article.write_text(TWO_CALLS)
    cli(capsys, "--db", db, "ingest", article)
    claims = sorted(d["fields"]["claim"] for d in proposals(db).values() if d["kind"] == "prediction")
    assert claims == ["He will not pull US troops out of Poland.", "NATO policy will change in the coming years."]
    # a reader who wants one proposal as two records says so with --claim twice
    pid = next(p for p, d in proposals(db).items() if d["fields"]["claim"].startswith("NATO"))
    code, out, _ = cli(capsys, "--db", db, "accept", pid, "--claim", "NATO will cut its budget by 2027",
                       "--claim", "NATO will move its headquarters by 2027")
    assert code == 0 and out.count(",") == 1
    predictions = Store(db).load().predictions.values()
    assert sorted(p.claim for p in predictions) == ["NATO will cut its budget by 2027",
                                                    "NATO will move its headquarters by 2027"]
    assert all("NATO policy will certainly change" in p.quote for p in predictions)
    (doc,) = [d for d in proposals(db, "accepted").values()]
    assert len(doc["records"]) == 2 and doc["record"] == doc["records"][0]
    assert cli(capsys, "--db", db, "validate")[0] == 0


def test_a_new_resolve_by_replaces_the_default_horizon_note(tmp_path, capsys):
    article, db = tmp_path / "a.md", tmp_path / "db.json"
    article.write_text("# Kosovo\n\nBy Jo Doe\nDate: 2025-04-10\n\nThe talks will probably resume.\n")
    cli(capsys, "--db", db, "ingest", article)
    ((pid, doc),) = proposals(db).items()
    assert "default: end of 2025" in doc["fields"]["horizon_note"]
    assert cli(capsys, "--db", db, "accept", pid, "--resolve-by", "2026-06")[0] == 0
    (prediction,) = Store(db).load().predictions.values()
    assert prediction.resolve_by.iso() == "2026-06"
    assert "default" not in prediction.horizon_note and "2026-06" in prediction.horizon_note


def test_the_same_article_from_a_mirror_url_is_reused_by_title_and_date(tmp_path, capsys):
    db = tmp_path / "db.json"
    first, mirror = tmp_path / "a.md", tmp_path / "b.md"
    first.write_text(TWO_CALLS)
    mirror.write_text(TWO_CALLS.replace("https://example.org/", "https://mirror.example.net/2025/11/"))
    cli(capsys, "--db", db, "ingest", first)
    code, out, _ = cli(capsys, "--db", db, "ingest", mirror)
    assert code == 0 and "known article" in out
    assert len(Store(db).load().articles) == 1


"""The bundled predictions.json: a faithful, checkable record of the five seed articles."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from tracker import hedges
from tracker.model import Status
from tracker.storage import Store
from tracker.validate import database_problems

ROOT = Path(__file__).resolve().parents[1]
BUNDLED = ROOT / "predictions.json"
SEED = ROOT.parent / "shared" / "seeds" / "000_cb25776d9ac0b15e.txt"

# Ids are how users and scripts refer to records: they must not change by accident.
EXPECTED_ARTICLES = {
    "korybko-2025-02-23-duda-trump-cpac",
    "korybko-2025-02-23-russia-pakistan-freight-train",
    "korybko-2025-02-23-russia-mali-algeria",
    "korybko-2025-02-22-poland-belarus-inspections",
    "korybko-2025-02-22-trump-nato-article-5",
}
ANCHOR_PREDICTIONS = {
    "russia-pakistan-freight-train-launches-2025-03-15",
    "polish-presidential-election-held-may-2025",
    "trump-keeps-nato-article-5",
    "trump-does-not-withdraw-all-us-troops-from-cee",
}


@pytest.fixture(scope="module")
def db():
    return Store(BUNDLED).load()


@pytest.fixture(scope="module")
def seed_text() -> str:
    if not SEED.exists():
        pytest.skip(f"seed file not found at {SEED} (../shared must sit beside the repo)")
    return SEED.read_text(encoding="utf-8")


def test_bundled_file_validates_without_a_single_problem(db):
    assert database_problems(db) == []
    assert len(db.articles) == 5


def test_every_quote_occurs_verbatim_in_the_seed(db, seed_text):
    missing = [p.id for p in db.predictions.values() if not p.quote or p.quote not in seed_text]
    assert missing == []


def test_every_hedge_is_in_its_quote_and_in_the_table(db):
    for p in db.predictions.values():
        assert p.hedge and p.hedge in p.quote, p.id
        reading = hedges.lookup(p.hedge)
        assert reading is not None, f"{p.id}: hedge {p.hedge!r} is not in the table"
        assert p.probability == reading.probability, p.id


def test_every_prediction_ships_pending_with_no_asserted_outcome(db):
    for p in db.predictions.values():
        assert p.status is Status.PENDING, p.id
        assert p.history == [], p.id


def test_predictions_are_dated_by_their_article_and_attributed(db):
    for p in db.predictions.values():
        article = db.articles[p.article]
        assert p.made_on == article.published, p.id
        assert p.author == article.author == "Andrew Korybko"
        assert p.horizon_note, f"{p.id}: every resolve-by says why"


def test_article_ids_and_urls_are_canonical(db):
    assert set(db.articles) == EXPECTED_ARTICLES
    for article in db.articles.values():
        assert article.url.startswith("https://korybko.substack.com/p/")
        assert "?" not in article.url and "utm_" not in article.url
        assert article.summary_title and article.summary_language == "ja"


def test_fifth_posts_citation_is_corrected(db):
    nato = db.articles["korybko-2025-02-22-trump-nato-article-5"]
    assert nato.url.endswith("/trump-is-unlikely-to-pull-all-us")
    assert "Belarus" not in nato.title and "Article 5" in nato.title
    assert "Poland Should Accept Belarus" in nato.source_note  # says what was wrong


def test_the_three_anchor_items_are_there(db):
    train = db.events["2025-03-15-russia-pakistan-freight-train-launch"]
    assert train.date.iso() == "2025-03-15" and train.date.precision == "day"
    election = db.events["2025-05-polish-presidential-election"]
    assert election.date.iso() == "2025-05" and election.date.precision == "month"
    assert ANCHOR_PREDICTIONS <= set(db.predictions)
    assert db.predictions["russia-pakistan-freight-train-launches-2025-03-15"].resolve_by.iso() == "2025-03-15"
    assert db.predictions["polish-presidential-election-held-may-2025"].resolve_by.iso() == "2025-05"
    article5 = db.predictions["trump-keeps-nato-article-5"]
    assert "Article 5" in article5.claim and "not" in article5.claim
    assert article5.probability > 0.5  # stored in the author's direction


def test_one_spelling_for_trzaskowski(db):
    texts = [p.claim for p in db.predictions.values()] + [e.summary + e.title for e in db.events.values()]
    assert any("Trzaskowski" in t for t in texts)
    assert not any("Trzaskowsk" not in t and "Czaskowski" in t for t in texts)


def test_ids_are_unique_across_kinds(db):
    ids = [r.id for r in db.records()]
    assert len(ids) == len(set(ids))


def test_events_at_the_precision_the_text_gives(db, seed_text):
    for event in db.events.values():
        assert event.articles and all(a in db.articles for a in event.articles), event.id
        assert event.id.startswith(event.date.iso()), event.id
    text = unicodedata.normalize("NFKC", seed_text)
    assert "2021年12月" in text and db.events["2021-12-putin-security-guarantee-demands"].date.precision == "month"

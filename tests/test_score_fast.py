"""The fast scores (tracker.scoring.score_fast, what `tracker score` prints) are the plain definitions'
(scoring.score_current, one group at a time) to the last bit, on generated records with every
kind of prediction; and the shared bootstrap draws are the ones each group used to draw."""

from __future__ import annotations

import datetime as dt
import json
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tracker.scoring import bootstrap

from tracker.scoring import scores as scoring
from tracker.cli.main import main
from tracker.domain.dates import PDate
from tracker.domain.model import Database, HistoryEntry, Prediction, Status
from tracker.scoring.score_fast import group_scores, score_pool

TODAY = dt.date(2026, 3, 1)
HEDGES = ["", "likely", "unlikely", "may", "almost certainly", "可能性が高い", "not a hedge"]


def _date(rng: random.Random, first: int = 2022, last: int = 2027) -> PDate:
    year = rng.randint(first, last)
    shape = rng.random()
    if shape < 0.2:
        return PDate(year)
    month = rng.randint(1, 12)
    return PDate(year, month) if shape < 0.5 else PDate(year, month, rng.randint(1, 28))


def _probability(rng: random.Random, hedge: str) -> float | None:
    reading = scoring._read_probability(hedge)
    shape = rng.random()
    if shape < 0.08:
        return None
    if shape < 0.5 and reading is not None:
        return reading  # inferred from its hedge
    return rng.choice([0.5, 0.5, 0.1, 0.3, 0.7, 0.9, 0.99, 0.005, round(rng.uniform(0.001, 0.999), 3)])


def _history(rng: random.Random, status: Status) -> list[HistoryEntry]:
    history: list[HistoryEntry] = []
    if rng.random() < 0.2:
        history.append(HistoryEntry(at="2025-05-01T00:00:00Z", action="snooze", until=_date(rng, 2025, 2026)))
    if status is not Status.PENDING:
        known = None if rng.random() < 0.15 else _date(rng, 2024, 2026)  # some judged after TODAY
        if rng.random() < 0.1:  # judged twice: the latest status entry counts
            history.append(HistoryEntry(at="2025-01-01T00:00:00Z", action="status", from_status="pending",
                                        to_status="confirmed", note="n", known_on=_date(rng, 2024, 2025)))
        at = rng.choice(["2025-06-01T00:00:00Z", "2026-12-01T00:00:00Z"])
        history.append(HistoryEntry(at=at, action="status", from_status="pending", to_status=status.value,
                                    note="n", known_on=known))
    dispute = rng.random()
    if dispute < 0.12:
        history.append(HistoryEntry(at="2025-07-01T00:00:00Z", action="dispute", field="status",
                                    values=[{"value": "confirmed", "by": "A"}, {"value": "refuted", "by": "B"}]))
        if dispute < 0.05:  # settled: scored again
            history.append(HistoryEntry(at="2025-08-01T00:00:00Z", action="settle", field="status",
                                        new=status.value))
    if rng.random() < 0.1:
        history.append(HistoryEntry(at="2025-09-01T00:00:00Z", action="snooze", until=_date(rng, 2025, 2027)))
    return history


def generated_database(seed: int, size: int) -> Database:
    """Forecasters from a handful of predictions to several hundred, so every interval kind shows:
    none (<20 scored), Python's bootstrap (<50), numpy's (≤200) and the normal interval (>200)."""
    rng = random.Random(seed)
    weights = [1, 3, 8, 15, 30, 60, 90, 140, 300, 1000]
    names = ["", "Ａｌｉｃｅ", "bob", "Bob", "Carol", "Dan", "エミ", "Fay", "Gus", "Hal"]
    predictions = {}
    for i in range(size):
        hedge = rng.choice(HEDGES)
        status = rng.choices(list(Status), weights=[5, 3, 3, 1])[0]
        made = _date(rng, 2022, 2026)
        due = _date(rng, made.year, 2028)
        predictions[f"p{i}"] = Prediction(
            id=f"p{i}", claim=f"claim {i}", probability=_probability(rng, hedge), hedge=hedge,
            alt_hedge=rng.choice(["", "", "", "may", "likely", "very unlikely"]), status=status,
            history=_history(rng, status), made_on=made, resolve_by=due,
            forecaster=rng.choices(names, weights=weights)[0], author="x",
            article=rng.choice(["", "a1", "a2", "記事"]),
            tags=rng.choice([[], [], ["x"], ["x", "y"], ["y", "y"], ["日本"]]))
    return Database(predictions=predictions)


def plain_groups(db: Database, by: str, today: dt.date, matured: bool, author: str | None = None) -> list[dict]:
    """score_groups as it was: each group through scoring.score_current."""
    keys = scoring.group_keys(by)
    groups: dict[str, list[Prediction]] = {}
    for p in scoring.select(db, author, today):
        for key in keys(p):
            groups.setdefault(key, []).append(p)
    return [{"group": key, **scoring.score_current(members, today, matured)}
            for key, members in sorted(groups.items())]


def interval_kind(score: dict) -> str:
    """Which way the Brier interval was worked out, by the number of scored predictions."""
    scored = sum(row["n"] for row in score["calibration"])
    if scored < bootstrap.BOOTSTRAP_MIN:
        return "none"
    if scored < bootstrap.BOOTSTRAP_NUMPY:
        return "python"
    return "numpy" if scored <= bootstrap.BOOTSTRAP_MAX else "normal"


def exact(value: object) -> str:
    """A score as text with every float's shortest repr: equal text, equal bits."""
    return json.dumps(value, ensure_ascii=False, sort_keys=False)


@pytest.mark.parametrize("seed", [1, 2])
def test_grouped_scores_are_the_plain_per_group_scores_bit_for_bit(seed):
    db = generated_database(seed, 1500)
    intervals = set()
    for today in (TODAY, dt.date(2025, 6, 15)):
        for by in scoring.GROUPINGS:
            for matured in (False, True):
                fast = scoring.score_groups(db, by, today, matured)
                assert exact(fast) == exact(plain_groups(db, by, today, matured)), (by, today, matured)
                intervals |= {interval_kind(g) for g in fast}
    assert intervals >= {"none", "python", "numpy", "normal"}  # every interval kind was compared


def test_one_score_of_everyone_is_the_plain_one_bit_for_bit():
    db = generated_database(3, 1500)
    for today in (TODAY, dt.date(2024, 12, 31)):
        for matured in (False, True):
            for trend_by in ("year", "quarter"):
                current = scoring.select(db, None, today)
                assert (exact(score_pool(current, today, matured, trend_by))
                        == exact(scoring.score_current(current, today, matured, trend_by)))


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 10_000), st.integers(0, 80), st.sampled_from(scoring.GROUPINGS), st.booleans())
def test_small_records_score_the_same_either_way(seed, size, by, matured):
    db = generated_database(seed, size)
    assert exact(group_scores(scoring.select(db, None, TODAY), by, TODAY, matured)) == exact(
        plain_groups(db, by, TODAY, matured))


@pytest.mark.parametrize("args", [["--by", "forecaster"], ["--by", "tag", "--matured"], ["--by", "year"],
                                  ["--by", "article"], [], ["--matured"], ["--author", "bob"],
                                  ["--by", "year", "--author", "BOB", "--matured"]])
def test_the_score_command_prints_the_plain_figures(tmp_path, capsys, args):
    from tracker.store.store import Store

    path = tmp_path / "db.json"
    with Store(path).transaction() as db:
        db.put_many(generated_database(4, 900).predictions.values())
    db = Store(path).load()
    assert main(["--db", str(path), "score", *args, "--today", TODAY.isoformat(), "--json"]) == 0
    printed = json.loads(capsys.readouterr().out)
    author = args[args.index("--author") + 1] if "--author" in args else None
    matured = "--matured" in args
    if "--by" in args:
        want = plain_groups(db, args[args.index("--by") + 1], TODAY, matured, author)
    else:
        want = scoring.score_current(scoring.select(db, author, TODAY), TODAY, matured)
    assert exact(printed) == exact(want)


@pytest.mark.parametrize("n", [50, 51, 97, 128, 129, 200])
def test_shared_bootstrap_draws_give_the_interval_each_group_drew_for_itself(n):
    import numpy as np

    rng = random.Random(n)
    errors = sorted((rng.choice([0.1, 0.3, 0.7, 0.9, rng.random()]) - rng.randint(0, 1)) ** 2 for _ in range(n))
    # The definition before draws were shared: a fresh generator, a gather, a row sum, a full sort.
    draws = np.random.default_rng(bootstrap.BOOTSTRAP_SEED).integers(
        0, n, size=(bootstrap.BOOTSTRAP_SAMPLES, n), dtype=np.uint16)
    means = sorted((np.asarray(errors)[draws].sum(axis=1) / n).tolist())
    want = [means[50], means[1950]]
    assert bootstrap.interval_of_errors(errors) == want
    assert bootstrap.interval_of_errors(list(errors)) == want  # again, from the shared draws
    assert bootstrap.bootstrap_brier([(e ** 0.5, 0) for e in errors]) == bootstrap.interval_of_errors(
        sorted((e ** 0.5) ** 2 for e in errors))


@pytest.mark.parametrize("args", [["--by", "forecaster"], ["--by", "tag", "--matured"], [], ["--author", "bob"]])
def test_the_score_tables_are_the_plain_figures_tables(tmp_path, capsys, args):
    from tracker.cli.score import groups_text, score_text
    from tracker.store.store import Store

    path = tmp_path / "db.json"
    with Store(path).transaction() as db:
        db.put_many(generated_database(5, 600).predictions.values())
    db = Store(path).load()
    assert main(["--db", str(path), "score", *args, "--today", TODAY.isoformat()]) == 0
    printed = capsys.readouterr().out
    author = args[args.index("--author") + 1] if "--author" in args else None
    if "--by" in args:
        by = args[args.index("--by") + 1]
        want = groups_text(plain_groups(db, by, TODAY, "--matured" in args), by, author, cut=False)
    else:
        chosen = scoring.select(db, author, TODAY)
        who = "forecasters matching 'bob'" if author else "all forecasters"  # (bob and Bob)
        want = score_text(scoring.score_current(chosen, TODAY), f"Track record of {who} as of {TODAY.isoformat()}")
    assert printed == want + "\n"

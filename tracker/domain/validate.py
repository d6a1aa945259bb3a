"""Checks that span records: references, hedges against probabilities, history against status."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from tracker.domain import hedges

from tracker.domain import schema
from tracker.domain.encoding import FIELDS
from tracker.domain.errors import Problem
from tracker.domain.model import Article, Database, Prediction, Record
from tracker.domain.status import history_problems
from tracker.domain.text import a_or_an

Exists = Callable[[str, str], bool]  # (kind, id) -> is there such a record?
# The fields naming other records, from the field table: (field, the kind it names).
REFERENCES = {kind: tuple((f.name, f.refers) for f in fields if f.refers) for kind, fields in schema.SCHEMA.items()}


def record_problems(record: Record, exists: Exists) -> list[str]:
    """Problems with one record, given a way to ask which other records exist."""
    where = f"{record.kind}s[{record.id}]"
    problems: list[str] = []
    for name, kind in REFERENCES[record.kind]:
        value = getattr(record, name)
        for other in value if isinstance(value, list) else [value] if value else []:
            if not exists(kind, other):
                problems.append(Problem(where, name, f"no {kind} {other!r}"))
    problems += _url_problems(record, where)
    if isinstance(record, Prediction):
        problems += _prediction_problems(record, exists, where)
    return problems + _verdict_problems(record, where)


# The fields holding a web address, from the field table.
URL_FIELDS = {kind: tuple(f.name for f in fields if f.type == schema.URL) for kind, fields in schema.SCHEMA.items()}


def _url_problems(record: Record, where: str) -> list[str]:
    """Web addresses (a URL field, a status change's evidence) by the rule `add` and `mark` apply."""
    from tracker.domain.fields import url_problem

    problems = []
    for name in URL_FIELDS[record.kind]:
        value = getattr(record, name)
        if value and (problem := url_problem(value)):
            problems.append(Problem(where, name, problem))
    for i, entry in enumerate(record.history):
        for url in entry.evidence or ():
            if problem := url_problem(url):
                problems.append(Problem(where, f"history[{i}].evidence", problem))
    return problems


def _verdict_problems(record: Record, where: str) -> list[str]:
    """A dispute must name a field of the record; a settle must follow a dispute of its field."""
    problems = []
    disputed: set[str] = set()
    for i, entry in enumerate(record.history):
        if entry.action == "dispute":
            if entry.field not in FIELDS[record.kind]:
                problems.append(Problem(where, f"history[{i}]", f"disputes {entry.field!r}, "
                                f"not a field of {'an' if record.kind[0] in 'aeiou' else 'a'} {record.kind}"))
            disputed.add(entry.field)
        elif entry.action == "settle" and entry.field not in disputed:
            problems.append(Problem(where, f"history[{i}]", f"settles {entry.field!r}, which no earlier entry disputes"))
    return problems


def _prediction_problems(p: Prediction, exists: Exists, where: str) -> list[str]:
    problems = []
    if p.hedge and p.probability is not None and not hedges.probability_agrees(p.hedge, p.probability) \
            and not hedges.reader_set_probability(p.history, p.probability):
        low, high = hedges.lookup(p.hedge).call_range
        problems.append(Problem(where, "probability", f"{p.probability} does not agree with hedge "
                        f"{p.hedge!r} ({low:.2f}-{high:.2f}, see `tracker hedges`)"))
    if p.alt_hedge and hedges.lookup(p.alt_hedge) is None:
        problems.append(Problem(where, "alt_hedge", f"{p.alt_hedge!r} is not in the hedge table (`tracker hedges`)"))
    if p.resolve_by.last_day() < p.made_on.first_day():
        problems.append(Problem(where, "resolve_by", f"{p.resolve_by} is before made_on {p.made_on}"))
    problems += history_problems(p, where)
    last = p.last_status_entry()
    if last is not None and last.to_status != p.status.value:
        problems.append(Problem(where, "status", f"{p.status.value!r} but its history last moved it to "
                        f"{last.to_status!r}"))
    if last is None and p.status.closed:
        problems.append(Problem(where, "status", f"{p.status.value!r} with no history entry saying when or why"))
    return problems


def made_before_published(p: Prediction, article: Article | None) -> list[str]:
    """A prediction made (all of its made_on) before the day its article was published."""
    if article is None or p.made_on.last_day() >= article.published.first_day():
        return []
    return [Problem(f"predictions[{p.id}]", "made_on", f"{p.made_on} is before its article "
                    f"{article.id!r} was published ({article.published})")]


def published_after_predictions(article: Article, predictions: Iterable[Prediction]) -> list[str]:
    """``made_before_published`` seen from the article (a new published date): put on published."""
    return [Problem(f"articles[{article.id}]", "published", f"{article.published} is after "
                    f"prediction {p.id!r} was made ({p.made_on})")
            for p in predictions if p.article == article.id and made_before_published(p, article)]


def database_problems(db: Database) -> list[str]:
    """Every cross-record problem in the database."""
    problems: list[str] = []
    seen: dict[str, str] = {}

    def exists(kind: str, record_id: str) -> bool:
        return record_id in db.table(kind)

    for record in db.records():
        if record.id in seen:
            problems.append(Problem(f"{record.kind}s[{record.id}]", "", f"id is also used by {seen[record.id]}"))
        seen.setdefault(record.id, a_or_an(record.kind))
        problems += record_problems(record, exists)
        if isinstance(record, Prediction) and record.article:
            problems += made_before_published(record, db.articles.get(record.article))
    return problems

"""Each kind's field table, read from the model's declarations (tracker/model.py).

A field is declared once, on its attribute in the model (tracker.domain.fieldspec says how).
The codec (which fields are stored, which are text, which are converted), CSV exchange,
the typing of what a user gives (:mod:`tracker.domain.fields`), the CLI's ``add`` and ``edit``
flags, `show`, the search, the add/edit form and the list of scored fields read this
table, so a field added to the model is stored, read back, typed, editable and shown.
"""

from __future__ import annotations

from tracker.domain.fieldspec import DATE, LIST, PROBABILITY, STATUS, TEXT, URL, Field, table  # noqa: F401 (re-exported)
from tracker.domain.model import Article, Event, Prediction

ARTICLE, EVENT, PREDICTION = table(Article), table(Event), table(Prediction)
SCHEMA: dict[str, tuple[Field, ...]] = {"article": ARTICLE, "event": EVENT, "prediction": PREDICTION}


def names(kind: str) -> tuple[str, ...]:
    """The stored fields of a kind, in the order they are declared."""
    return tuple(f.name for f in SCHEMA[kind])


def editable() -> list[Field]:
    """Every field `tracker edit` can set, of any kind, each name once."""
    seen: dict[str, Field] = {}
    for fields in SCHEMA.values():
        for f in fields:
            if f.editable:
                seen.setdefault(f.name, f)
    return list(seen.values())


def form(kind: str) -> list[Field]:
    """The fields the add/edit form shows for a kind, in the form's order."""
    return sorted((f for f in SCHEMA[kind] if f.placeholder is not None), key=lambda f: f.form_at)


def shown(kind: str) -> list[Field]:
    """The fields `tracker show` lists for a kind, in its order."""
    return sorted((f for f in SCHEMA[kind] if f.shown), key=lambda f: f.show_at)


def searched(kind: str) -> tuple[str, ...]:
    """The fields a text search looks in."""
    return tuple(f.name for f in SCHEMA[kind] if f.searched)


def accepted(kind: str) -> tuple[str, ...]:
    """The fields a reader may set when accepting a proposal: what `edit` can set, but not
    what the proposal takes from its source."""
    return tuple(f.name for f in SCHEMA[kind] if f.editable and not f.from_source)

"""Each kind's fields, declared once: name, type, CSV column, CLI flag, label, whether scored.

The codec (which fields are stored, which are text, which are converted), the typing of
what a user gives (:mod:`tracker.fields`), the CLI's ``edit`` flags and the list of scored
fields read this table, so a field added here is stored, read back, typed and editable.
Plain data: this module imports nothing from tracker.
"""

from __future__ import annotations

from dataclasses import dataclass

# What a value is: how it is stored and how what a user typed becomes one.
TEXT, DATE, LIST, PROBABILITY, STATUS, URL = "text", "date", "list", "probability", "status", "url"


@dataclass(frozen=True, slots=True)
class Field:
    name: str                 # the attribute in the model and the key in the file
    type: str = TEXT          # TEXT, DATE, LIST, PROBABILITY, STATUS or URL
    label: str = ""           # how `show` and forms name it (default: the name, spaced)
    required: bool = False    # a record without it is refused
    scored: bool = False      # changing it on a judged prediction rewrites its score (needs --force)
    editable: bool = True     # `tracker edit` can set it (status goes through `mark`)
    csv: str | None = None    # its CSV column when that is not its name

    @property
    def flag(self) -> str:
        """The CLI option that sets it: ``--resolve-by``."""
        return "--" + self.name.replace("_", "-")

    @property
    def heading(self) -> str:
        return self.label or self.name.replace("_", " ")

    @property
    def column(self) -> str:
        return self.csv or self.name


ARTICLE = (
    Field("title", required=True), Field("author", required=True), Field("published", DATE, csv="date"),
    Field("url", URL), Field("language"), Field("summary_title"), Field("summary_language"),
    Field("summary_posted"), Field("summary_source"), Field("source_note"),
)
EVENT = (
    Field("date", DATE), Field("title", required=True), Field("summary"), Field("articles", LIST, csv="article"),
    Field("tags", LIST),
)
PREDICTION = (
    Field("claim", required=True, scored=True), Field("condition"), Field("quote"), Field("hedge"),
    Field("alt_hedge", label="other reading"), Field("probability", PROBABILITY, scored=True),
    Field("made_on", DATE, label="made on"), Field("resolve_by", DATE, label="resolve by", scored=True),
    Field("horizon_note"), Field("author"), Field("forecaster", scored=True), Field("article"), Field("event"),
    Field("tags", LIST), Field("status", STATUS, editable=False),
)
SCHEMA: dict[str, tuple[Field, ...]] = {"article": ARTICLE, "event": EVENT, "prediction": PREDICTION}


def names(kind: str) -> tuple[str, ...]:
    """The stored fields of a kind, in the order they are declared."""
    return tuple(f.name for f in SCHEMA[kind])


def of_type(kind: str, *types: str) -> tuple[str, ...]:
    return tuple(f.name for f in SCHEMA[kind] if f.type in types)


def typed(*types: str) -> set[str]:
    """Every field name, of any kind, whose type is one of ``types``."""
    return {f.name for fields in SCHEMA.values() for f in fields if f.type in types}


def scored(kind: str = "prediction") -> tuple[str, ...]:
    return tuple(f.name for f in SCHEMA[kind] if f.scored)


def editable() -> list[Field]:
    """Every field `tracker edit` can set, of any kind, each name once."""
    seen: dict[str, Field] = {}
    for fields in SCHEMA.values():
        for f in fields:
            if f.editable:
                seen.setdefault(f.name, f)
    return list(seen.values())

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
    # The add/edit form: the field is in it when it has a placeholder; `form_at` orders the form
    # (ties keep the order declared here, so a new field comes last).
    placeholder: str | None = None
    form_label: str = ""      # default: the heading, capitalised
    form_at: int = 100
    # `tracker show` and the TUI details pane: `show_at` orders the rows (ties as declared);
    # `precision` adds a date's precision: "May 2025 (month)".
    shown: bool = True
    show_at: int = 100
    precision: bool = False
    searched: bool = False    # the search box and `list --search` look in it

    @property
    def flag(self) -> str:
        """The CLI option that sets it: ``--resolve-by``."""
        return "--" + self.name.replace("_", "-")

    @property
    def heading(self) -> str:
        return self.label or self.name.replace("_", " ")

    @property
    def form_heading(self) -> str:
        return self.form_label or self.heading.capitalize()

    @property
    def column(self) -> str:
        return self.csv or self.name


ARTICLE = (
    Field("title", required=True, searched=True), Field("author", required=True, searched=True),
    Field("published", DATE, csv="date"), Field("url", URL, searched=True), Field("language"),
    Field("summary_title", searched=True), Field("summary_language", shown=False), Field("summary_posted"),
    Field("summary_source"), Field("source_note"),
)
EVENT = (
    Field("date", DATE, precision=True, placeholder="2025-03-15, 2025-05, 2025…", form_at=2),
    Field("title", required=True, searched=True, placeholder="what happened or is scheduled", form_at=1),
    Field("summary", searched=True, placeholder="optional", form_at=3),
    Field("articles", LIST, csv="article", placeholder="separated by ;", form_label="Article ids", form_at=4),
    Field("tags", LIST, searched=True, placeholder="separated by ;", form_at=5),
)
PREDICTION = (
    Field("claim", required=True, scored=True, searched=True, show_at=1, form_at=1,
          placeholder="English, the author's direction, judgeable"),
    Field("condition", searched=True, show_at=2, form_at=11, placeholder="for 'if X then Y': the X"),
    Field("quote", searched=True, show_at=7, form_at=10, placeholder="the source sentence, in its own language"),
    Field("hedge", searched=True, show_at=5, form_at=2,
          placeholder="likely, 可能性は低い…: sets the probability"),
    Field("alt_hedge", label="also read as", show_at=6),
    Field("probability", PROBABILITY, scored=True, show_at=4, form_at=3, placeholder="of the claim: 0.7 or 70%"),
    Field("made_on", DATE, label="made on", show_at=8, form_at=5, placeholder="blank: the article's date, else today"),
    Field("resolve_by", DATE, label="resolve by", scored=True, precision=True, show_at=9, form_at=4,
          placeholder="2025-12, May 2025, 2025年5月, 2029…"),
    Field("horizon_note", show_at=10, form_at=12, placeholder="why this resolve-by date"),
    Field("author", show_at=11, form_at=6, placeholder="blank: the article's author"),
    Field("forecaster", scored=True, show_at=12),
    Field("article", show_at=15, form_at=7, form_label="Article id",
          placeholder="e.g. korybko-2025-02-22-nato-article-5"),
    Field("event", show_at=16, form_at=8, form_label="Event id", placeholder="optional"),
    Field("tags", LIST, searched=True, show_at=13, form_at=9, placeholder="separated by ;"),
    Field("status", STATUS, editable=False, show_at=3),
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


def form(kind: str) -> list[Field]:
    """The fields the add/edit form shows for a kind, in the form's order."""
    return sorted((f for f in SCHEMA[kind] if f.placeholder is not None), key=lambda f: f.form_at)


def shown(kind: str) -> list[Field]:
    """The fields `tracker show` lists for a kind, in its order."""
    return sorted((f for f in SCHEMA[kind] if f.shown), key=lambda f: f.show_at)


def searched(kind: str) -> tuple[str, ...]:
    """The fields a text search looks in."""
    return tuple(f.name for f in SCHEMA[kind] if f.searched)

"""How a record's field is declared, once, on its attribute in the model.

Each attribute of Article, Event and Prediction (tracker/model.py) is declared with one of
:func:`text`, :func:`url`, :func:`date`, :func:`strings`, :func:`probability` or
:func:`status`: its type, its default (from the type) and everything the rest of tracker
needs to know about it (CSV column, CLI flag, labels, form, whether it is scored) in one
:class:`Field`. :mod:`tracker.domain.schema` reads them back as each kind's field table; the codec,
CSV exchange, `edit`'s flags, `show`, the search and the add/edit form all read that table.
Plain vocabulary: this module imports nothing from tracker.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

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
    # (ties keep the order declared, so a new field comes last).
    placeholder: str | None = None
    form_label: str = ""      # default: the heading, capitalised
    form_at: int = 100
    # `tracker show` and the TUI details pane: `show_at` orders the rows (ties as declared);
    # `precision` adds a date's precision: "May 2025 (month)".
    shown: bool = True
    show_at: int = 100
    precision: bool = False
    searched: bool = False    # the search box and `list --search` look in it
    # A proposal (tracker ingest) takes it from where it was found: accepting cannot change it.
    from_source: bool = False
    refers: str = ""          # the kind of record it names by id (validate checks it; merge renames it)
    # A text field left empty in a file reads as `default`, or as the field named by `fallback`
    # (a prediction's forecaster is its author unless someone else made the call).
    default: Any = ""
    fallback: str = ""

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


def _declare(type_: str, spec: dict[str, Any]) -> Any:
    """The dataclass field of an attribute: its default from its type, its Field in the metadata.
    A required field and a date have no default (the constructor needs them)."""
    meta = {"field": Field("", type_, **spec)}
    if type_ == DATE or spec.get("required"):
        return dataclasses.field(metadata=meta)
    if type_ == LIST:
        return dataclasses.field(default_factory=list, metadata=meta)
    return dataclasses.field(default=spec.get("default", None if type_ == PROBABILITY else ""), metadata=meta)


def text(**spec: Any) -> Any:
    """A text field (default ``""``, or ``default=``)."""
    return _declare(TEXT, spec)


def url(**spec: Any) -> Any:
    """An http(s) URL, or empty."""
    return _declare(URL, spec)


def date(**spec: Any) -> Any:
    """A date of day, month or year precision (a PDate); always given."""
    return _declare(DATE, spec)


def strings(**spec: Any) -> Any:
    """A list of text (tags, ids): ``a;b`` in CSV and on the command line."""
    return _declare(LIST, spec)


def probability(**spec: Any) -> Any:
    """A number strictly between 0 and 1, or None when never stated."""
    return _declare(PROBABILITY, spec)


def status(**spec: Any) -> Any:
    """A prediction's status (give ``default=``); changed through `mark`, never `edit`."""
    return _declare(STATUS, {"editable": False, **spec})


def table(cls: type) -> tuple[Field, ...]:
    """The Fields declared on a model class, named and in the order they are declared."""
    return tuple(dataclasses.replace(f.metadata["field"], name=f.name)
                 for f in dataclasses.fields(cls) if "field" in f.metadata)

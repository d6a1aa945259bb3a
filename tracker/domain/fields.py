"""Turning what a user typed (CLI option, TUI form, CSV cell) into field values.

One place, so that the CLI, the TUI and import refuse the same things with the
same words.
"""

from __future__ import annotations

import datetime as _dt
import re
import unicodedata
from typing import Any
from urllib.parse import urlparse

from tracker.domain import hedges

from tracker.domain import schema
from tracker.domain.errors import Problem, TrackerError
from tracker.domain.dates import DateError, PDate, parse_date
from tracker.domain.model import Status


class FieldError(TrackerError, ValueError):
    """A value a field cannot take; the message starts with the field's name."""

    def __init__(self, field: str, message: str):
        problem = Problem("", field, message)
        super().__init__(problem, [problem])
        self.field = field
        self.message = message


# Each field's type, from the field table, and the two values a mark takes that are not
# fields of a record (a name means the same thing in every kind that has it).
TYPES = {**{f.name: f.type for fields in schema.SCHEMA.values() for f in fields},
         "known_on": schema.DATE, "evidence": schema.LIST}


def parse_probability(text: Any, field: str = "probability") -> float:
    """``0.7``, ``.7``, ``70%``: strictly between 0 and 1."""
    if isinstance(text, bool):
        raise FieldError(field, f"{text!r} is not a number")
    if isinstance(text, (int, float)):
        value = float(text)
    else:
        raw = unicodedata.normalize("NFKC", str(text)).strip()
        percent = raw.endswith("%")
        try:
            value = float(raw.rstrip("%").strip())
        except ValueError:
            raise FieldError(field, f"{text!r} is not a number (try 0.7 or 70%)") from None
        if percent:
            value /= 100
    value = round(value, 4)  # rounded first, so what is stored is what was checked
    if not 0 < value < 1:
        raise FieldError(field, f"{text!r} is not strictly between 0 and 1 (to 4 places)")
    return value


def parse_date_field(text: Any, field: str) -> PDate:
    if isinstance(text, PDate):
        return text
    try:
        return parse_date(str(text))
    except DateError as exc:
        raise FieldError(field, str(exc)) from None


def parse_known_on(text: Any, today: _dt.date) -> PDate:
    """When an outcome became known: a date (default today), never in the future."""
    known = parse_date_field(text, "known_on") if text not in (None, "") else PDate.from_date(today)
    if known.first_day() > today:
        raise FieldError("known_on", f"{known} is in the future")
    return known


def split_list(text: Any, field: str = "tags") -> list[str]:
    """Tags or ids from ``a;b``, ``a, b`` or a list; evidence URLs split on white space."""
    # URLs may hold commas and semicolons but never white space: evidence splits on white space only.
    separators = r"\s+" if field == "evidence" else r"[;,]"
    values = text if isinstance(text, (list, tuple)) else [text or ""]
    items = [item for value in values for item in re.split(separators, str(value))]
    seen: list[str] = []
    for item in (i.strip() for i in items):
        if item and item not in seen:
            seen.append(item)
    return seen


def url_problem(url: str) -> str | None:
    """What is wrong with a web address, or None for an http(s) URL with a host and no white
    space (no CR/LF to split a calendar line, no ``javascript:``). The one rule for every path:
    add, edit, mark's evidence, import, ingest's accept, and validate."""
    try:
        parts = urlparse(url)
        ok = parts.scheme in ("http", "https") and bool(parts.netloc) and not any(c.isspace() for c in url) \
            and _host_ok(parts.hostname or "")
    except ValueError:  # e.g. "http://[x": an unbalanced IPv6 bracket
        ok = False
    return None if ok else f"{url!r} is not an http(s) URL"


_LABEL = re.compile(r"[\w-]+")  # a host name's label: letters (any script), digits, hyphens


def _host_ok(host: str) -> bool:
    """A host name of labels (``example.org``, ``例え.jp``, ``localhost``, one final dot allowed)
    or an IPv6 literal: not ``...`` (the placeholder ``https://...`` was taken for a URL)."""
    if ":" in host:  # urlparse took the brackets off an IPv6 literal
        return True
    labels = host[:-1].split(".") if host.endswith(".") else host.split(".")
    return bool(host) and all(_LABEL.fullmatch(label) for label in labels)


def check_urls(urls: list[str], field: str = "evidence") -> list[str]:
    for url in urls:
        problem = url_problem(url)
        if problem:
            raise FieldError(field, problem)
    return urls


def parse_status(text: Any) -> Status:
    try:
        return Status(str(text).strip().lower())
    except ValueError:
        raise FieldError("status", f"{text!r} is not one of {', '.join(s.value for s in Status)}") from None


def parse_field(name: str, value: Any) -> Any:
    """The typed value of one field from what the user gave, as its type in the table says."""
    kind = TYPES.get(name, schema.TEXT)
    if kind == schema.DATE:
        return parse_date_field(value, name)
    if kind == schema.PROBABILITY:
        return parse_probability(value, name)
    if kind == schema.LIST:
        items = split_list(value, name)
        return check_urls(items) if name == "evidence" else items
    if kind == schema.STATUS:
        return parse_status(value)
    if name == "language" and not str(value or "").strip():
        raise FieldError("language", "cannot be empty (a language code such as en or ja)")
    if kind == schema.URL:
        text = str(value or "").strip()
        if text:
            check_urls([text], name)
        return text
    return str(value if value is not None else "").strip()


def resolve_probability(probability: Any, hedge: str) -> float:
    """The probability given, or the hedge's reading; refuses a pair that disagrees."""
    reading = hedges.lookup(hedge) if hedge else None
    if probability is None or probability == "":
        if reading is None:
            if hedge:
                raise FieldError("hedge", f"{hedge!r} is not in the hedge table; give --probability "
                                          "or a phrase from `tracker hedges`")
            raise FieldError("probability", "give a probability or a hedge phrase")
        return reading.probability
    value = parse_field("probability", probability)
    if reading is not None and not hedges.probability_agrees(hedge, value):
        low, high = reading.call_range
        raise FieldError("probability", f"{value} does not agree with hedge {hedge!r} "
                                        f"({low:.2f}-{high:.2f})")
    return value

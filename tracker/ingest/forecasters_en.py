"""Round 23 of issue 22 (after heldout29's first run): the name of a forecaster the author reports, where the last run
of capitals (:func:`tracker.ingest.speakers_en.speaker_name`) named only a part of it:

- a group qualified by a possessive name: "Brazil's biggest polling firms had predicted…" is the polling firms', not
  Brazil's ("Goldman's economists", "the Fed's staff");
- a named source of a forecast: "according to the latest Reuters poll" is the Reuters poll's, not Reuters'
  ("a Bloomberg survey", "the CME FedWatch tool");
- a list of examples: "Other forecasters such as Redfin and Realtor.com also predict…" names Redfin and Realtor.com
  (split at "and", only the last was kept).
"""

from __future__ import annotations

import re

_NAME = r"[A-Z][\w'.&-]*(?:\s+[A-Z][\w'.&-]*){0,3}"
_POSSESSIVE_GROUP = re.compile(r"^(?:the\s+)?(?P<name>" + _NAME + r")(?:'s|’s)\s+(?P<group>(?:[a-z][\w-]*\s+){0,3}"
                               r"(?:firms|pollsters|economists|analysts|strategists|forecasters|banks|staff|officials|"
                               r"experts|researchers|traders|investors|models|polls|surveys|markets|bookmakers|"
                               r"forecast|projections?|estimates?|economist|analyst|strategist))$")
_NAMED_SOURCE = re.compile(r"^(?:the\s+|a\s+|an\s+)?(?:(?:latest|new|recent|last|monthly|weekly|quarterly|annual|"
                           r"closely\s+watched)\s+)*(?P<name>" + _NAME + r")\s+(?P<kind>poll|survey|consensus|model|"
                           r"projection|estimate|forecast|tool|tracker|index|barometer)$")
_LISTED = re.compile(r"\b(?:such\s+as|including|like|led\s+by)\s+(?P<names>" + _NAME + r"(?:,\s+" + _NAME + r")*,?\s+"
                     r"(?:and|or)\s+" + _NAME + r")(?:\s+(?:also|too|both|all|now|still))?\s*$")


def group_name(who: str) -> str:
    """The forecaster ``who`` names when it is a possessive group, a named source or a list of examples; "" if none."""
    who = who.strip(" ,\"'")
    found = _POSSESSIVE_GROUP.match(who)
    if found:
        return f"{found['name']}'s {found['group']}"
    found = _NAMED_SOURCE.match(who)
    if found:
        return f"{found['name']} {found['kind']}"
    found = _LISTED.search(who)
    if found:
        return found["names"]
    return ""


# "X is expected to V1, according to the latest Reuters poll, and will likely V2": the poll's forecast, then a call of
# the author's own (a second verb phrase with a hedge of its own after the attribution), said as two clauses.
_ACCORDING_THEN = re.compile(r"^(?P<subj>(?:the\s+)?[A-Z][^,;]{2,80}?)\s+(?P<vp1>(?:is|are)\s+(?:expected|likely|set|poised|"
                             r"due)\s+to\s+[^;]+?),\s+(?P<acc>according\s+to\s+[^,;]{2,60}),\s+and\s+(?P<vp2>(?:will|should|"
                             r"may|might|could|(?:is|are)\s+(?:also\s+)?likely\s+to)\b[^;]+)$")


def split_according(text: str) -> str:
    """"X is expected to V1, according to P, and will likely V2" -> "X is expected to V1, according to P; X will likely
    V2" (``text`` as it was when the form is not there)."""
    found = _ACCORDING_THEN.match(text.strip())
    if not found:
        return text
    return f"{found['subj']} {found['vp1']}, {found['acc']}; {found['subj'][:1].upper()}{found['subj'][1:]} {found['vp2']}"


def clause_attribution(text: str, start: int, attribution: tuple[str, bool] | None) -> tuple[str, bool] | None:
    """The sentence's attribution for the clause at ``start``: none for a clause after a semicolon when the attribution
    was a trailing "…, according to P" ending the part before it ("X will V1, according to P; X will likely V2")."""
    semicolon = text.find(";")
    if attribution is None or semicolon < 0 or start <= semicolon:
        return attribution
    return None if re.search(r",\s+according\s+to\s+[^,;]{2,60}$", text[:semicolon].rstrip()) else attribution


# Round 25: what a call is read from, no one who makes it ("All the evidence suggests that X will", "Every sign points
# to…", "History suggests…"): the author's call, at its own modal
EVIDENCE = re.compile(r"^(?:(?:all|every|each|much|most|some)\s+(?:of\s+)?)?(?:the\s+|this\s+|that\s+|such\s+)?"
                      r"(?:available\s+|current\s+|latest\s+|recent\s+)?(?:evidence|signs?|indications?|indicators?|"
                      r"history|logic|common sense|facts?|everything)$", re.IGNORECASE)

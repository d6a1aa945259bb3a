"""Hedge phrases (Japanese and English) read as probabilities.

The bands are those of the US Intelligence Community's ICD 203 (2015)
"expressions of likelihood". Each phrase is placed in the band it expresses
about the thing it qualifies, and read at that band's point value.

A prediction always stores *the author's call*: when the phrase puts the
thing below even chance ("unlikely", 「可能性は低い」), the claim is worded as
its negation and carries the complementary probability. So "Trump is
unlikely to abandon Article 5" becomes the claim "Trump will not abandon
Article 5" at 1 - 0.30 = 0.70, and its probability band is 55-80%.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Band:
    key: str
    label: str
    low: float
    high: float
    point: float


BANDS: tuple[Band, ...] = (
    Band("almost_no_chance", "almost no chance", 0.01, 0.05, 0.03),
    Band("very_unlikely", "very unlikely", 0.05, 0.20, 0.10),
    Band("unlikely", "unlikely", 0.20, 0.45, 0.30),
    Band("roughly_even", "roughly even chance", 0.45, 0.55, 0.50),
    Band("likely", "likely", 0.55, 0.80, 0.70),
    Band("very_likely", "very likely", 0.80, 0.95, 0.90),
    Band("almost_certain", "almost certain", 0.95, 0.99, 0.97),
)
BANDS_BY_KEY = {band.key: band for band in BANDS}


@dataclass(frozen=True, slots=True)
class Hedge:
    """One phrase and how it reads."""

    phrase: str
    language: str
    band: Band

    @property
    def negates(self) -> bool:
        """True when the phrase puts the thing below even chance: the claim is its negation."""
        return self.band.point < 0.5

    @property
    def probability(self) -> float:
        """The probability of the author's call (the stored claim)."""
        return round(1 - self.band.point, 2) if self.negates else self.band.point

    @property
    def call_range(self) -> tuple[float, float]:
        """The band of the author's call, for readings that move within it."""
        if self.negates:
            return (round(1 - self.band.high, 2), round(1 - self.band.low, 2))
        return (self.band.low, self.band.high)


_JAPANESE: dict[str, tuple[str, ...]] = {
    "almost_no_chance": ("あり得ない", "ありえない", "絶対にない"),
    "very_unlikely": ("まずない", "ほとんどない", "可能性は極めて低い"),
    "unlikely": (
        "可能性は低い", "可能性が低い", "考えにくい", "しないだろう", "ないだろう", "難しい",
        "見通しは立っていない", "実現のハードルは高い", "最も極端なシナリオ",
    ),
    "roughly_even": (
        "可能性がある", "可能性もある", "可能性があり", "可能性", "かもしれない", "得る", "あり得る",
        "考えられる", "ことも考えられる", "不透明", "五分五分",
    ),
    "likely": (
        "だろう", "であろう", "見込み", "見込みが強い", "可能性が高い", "と考えられる", "予想される",
        "と予想される", "予想", "予測", "はず", "でしょう",
    ),
    "very_likely": ("可能性が非常に高い", "予定", "予定されている", "予定されており", "予定である",
                    "確実視", "に違いない"),
    "almost_certain": ("確実", "ほぼ確実", "間違いない", "必ず"),
}
_ENGLISH: dict[str, tuple[str, ...]] = {
    "almost_no_chance": ("no chance", "almost no chance", "impossible", "will never", "remote chance",
                         "no realistic chance"),
    "very_unlikely": ("very unlikely", "highly unlikely", "highly improbable", "almost certainly not"),
    "unlikely": ("unlikely", "probably won't", "probably will not", "probably not", "improbable",
                 "doubtful", "not very likely", "not likely", "difficult to imagine", "don't think", "don't believe",
                 "don't expect", "doubt"),
    "roughly_even": ("may", "might", "could", "possibly", "possible", "perhaps", "roughly even",
                     "even chance", "toss-up"),
    "likely": ("likely", "probably", "probable", "expected to", "should", "would", "most likely", "tipped to",
               "can assume", "think", "believe", "expect", "reckon", "foresee", "predict", "bet", "suspect",
               "my forecast is", "my bet is", "my guess is", "only … can", "my prediction is",
               "realistic to expect"),
    "very_likely": ("very likely", "highly likely", "will", "scheduled", "is set to", "impending", "destined to",
                    "bound to"),
    "almost_certain": ("almost certain", "almost certainly", "certainly", "definitely", "certain"),
}


# Cached: an import reads the same few phrases on every row, three times (reading, checking, validating).
@functools.lru_cache(maxsize=4096)
def _normalise(phrase: str) -> str:
    text = unicodedata.normalize("NFKC", phrase).strip().strip("「」\"'").casefold()
    return text.replace("’", "'")


def _build_table() -> dict[str, Hedge]:
    table: dict[str, Hedge] = {}
    for language, groups in (("ja", _JAPANESE), ("en", _ENGLISH)):
        for band_key, phrases in groups.items():
            for phrase in phrases:
                key = _normalise(phrase)
                if key in table:
                    raise ValueError(f"hedge phrase {phrase!r} is listed twice")
                table[key] = Hedge(phrase, language, BANDS_BY_KEY[band_key])
    return table


HEDGES: dict[str, Hedge] = _build_table()


def lookup(phrase: str) -> Hedge | None:
    """The table's reading of a hedge phrase, or None when the phrase is not in it."""
    if not phrase:
        return None
    return HEDGES.get(_normalise(phrase))


def all_hedges() -> list[Hedge]:
    """Every phrase in the table, from the least to the most confident band."""
    order = {band.key: i for i, band in enumerate(BANDS)}
    return sorted(HEDGES.values(), key=lambda h: (order[h.band.key], h.language, h.phrase))


_NEGATION_WORDS = re.compile(
    r"\b(not|no|never|neither|nor|without|fail|fails|refuse|refuses|reject|rejects|remain|remains|"
    r"keep|keeps|stay|stays)\b|n't|ない|せず|しない", re.IGNORECASE)


def looks_negated(claim: str) -> bool:
    """A rough check that a claim is worded as a negation ("will not", "won't", "fails to"...)."""
    return bool(_NEGATION_WORDS.search(claim.replace("’", "'")))


# The note of a history entry recording a probability a reader set against the hedge's band
# (`tracker accept --probability`): the hedge stays as the author wrote it, the probability is
# the reader's reading, and `validate` accepts the pair.
READER_READING = "the reader's own reading"


def reader_set_probability(history, probability: float | None) -> bool:
    """Whether the record's last probability edit is a reader's own reading of this probability."""
    for entry in reversed(history):
        if entry.action == "edit" and entry.field == "probability":
            return (entry.note or "").startswith(READER_READING) and entry.new == probability
    return False


def probability_agrees(hedge_phrase: str, probability: float) -> bool:
    """True when a probability lies within the call band of a known hedge (unknown hedges pass)."""
    hedge = lookup(hedge_phrase)
    if hedge is None:
        return True
    low, high = hedge.call_range
    return low - 1e-9 <= probability <= high + 1e-9

"""What every prediction finder returns: one hedged clause of a sentence, read."""

from __future__ import annotations

from dataclasses import dataclass

from tracker.domain.hedges import Hedge


@dataclass(slots=True)
class Call:
    """A forecast found in a sentence: the claim (already in the author's direction), its hedge,
    condition and forecaster; ``start``/``end`` locate the clause in the sentence."""

    claim: str
    hedge_text: str  # the phrase as written in the sentence
    hedge: Hedge | None  # the table's reading (None for a phrase read through another one)
    probability: float
    negated: bool  # the claim was negated because the hedge is below even chance
    condition: str = ""
    forecaster: str = ""  # empty: the article's author
    start: int = 0
    end: int = 0

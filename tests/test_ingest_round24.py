"""Round 24 of issue 22 (after heldout30's first run): the evaluation's direction check on a headline's capital after
"will not"; a headline's call before a colon and its speaker; a sentence that presents a list of predictions; a
condition after the author's frame kept with its main clause; event dates told as "thus far this year", "the year
before last", and a date that frames a thought nobody could have had; on sentences written for these tests, not taken
from the evaluation set."""

from __future__ import annotations

from tracker.ingest.evaluate import claim_is_negative


# --- the evaluation's direction check --------------------------------------------------------------------------------

def test_not_after_an_auxiliary_before_a_capital_is_the_predicates_negation():
    """A headline's capitals ("Tariffs Will Not Stop China") made "not Stop China." read as an alternative set aside
    ("…, and not Cruz"): the call read positive, flagged as reversed."""
    assert claim_is_negative("Tariffs & Quotas will not Stop China.")
    assert claim_is_negative("The Fed Will Not Cut Rates.")
    assert not claim_is_negative("Kasich may be the darling and not Cruz.")
    assert not claim_is_negative("Labour will win under a new leader, not one handpicked by the party.")

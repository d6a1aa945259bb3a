"""Round 31 of issue 22 (after heldout37's first run): a degree adverb before "likely"/"unlikely" ("extremely unlikely
to be true", "fairly likely to collapse") reads as the adverb-less call; the present's -s taken off when a clause is
said the other way ("that the deal survives": "will not survive"); a deliberation after "whether … should" is no call;
a past date in a question asked in the past tense is a told event; on sentences written for these tests, not taken
from the evaluation set."""

from __future__ import annotations

from ingest_helpers import claims, extract_article

from tracker.ingest.predfind_en import find_calls


def test_a_degree_adverb_before_likely_or_unlikely_keeps_the_call():
    """"extremely unlikely to V" gave no call, "fairly likely to V" the claim "X is fairly to V"."""
    assert claims("This plan is extremely unlikely to work.") == ["This plan will not work."]
    assert claims("I think the rumour is exceedingly unlikely to be true.") == ["The rumour will not be true."]
    assert claims("The truce is fairly likely to collapse.") == ["The truce will collapse."]
    assert claims("A default is increasingly likely to happen.") == ["A default will happen."]
    assert claims("A ceasefire is extremely unlikely this year.") == ["A ceasefire will not happen this year."]
    assert all(c.negated for c in find_calls("This plan is extremely unlikely to work."))
    # left as they were
    assert claims("He is very unlikely to win.") == ["He will not win."]
    assert claims("He is likely to win.") == ["He will win."]


def test_a_present_verb_said_the_other_way_loses_its_s():
    """"It is unlikely that the deal survives" gave "The deal will not surviv."."""
    assert claims("It is unlikely that the deal survives.") == ["The deal will not survive."]
    assert claims("It is unlikely that the bill passes.") == ["The bill will not pass."]
    assert claims("It is unlikely that prices fall.") == ["Prices will not fall."]


def test_a_deliberation_after_whether_should_is_no_call():
    """"They were split on whether Biden should stay committed to the plan" gave "…whether Biden will stay…"."""
    assert claims("The agencies were split on whether the president should stay committed to the plan.") == []
    assert claims("They were divided over whether the council should remain in office.") == []
    assert claims("The Rams should contend for the title.") == ["The Rams will contend for the title."]


def test_a_past_date_in_a_question_asked_in_the_past_is_an_event(tmp_path):
    """"…, was she an outsider at the time of her victory in 2016?" gave no event (a question names none)."""
    events, _ = extract_article(tmp_path, "Looking back, was she an outsider at the time of her victory in 2016, "
                                          "or was she part of the establishment?", "2020-10-01")
    assert [d for d, _ in events] == ["2016"]
    events, _ = extract_article(tmp_path, "Why did the peso fall in March 2020?", "2020-10-01")
    assert [d for d, _ in events] == ["2020-03"]
    # a question about what is ahead still names no event
    events, _ = extract_article(tmp_path, "Will the bank cut rates in 2021?", "2020-10-01")
    assert events == []

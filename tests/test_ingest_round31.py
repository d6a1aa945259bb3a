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


def test_litotes_not_unlikely_is_a_positive_call():
    """"X is not unlikely to V" gave "X is not not unlikely to V", "It isn't unlikely that X will V" "…X will not V":
    the claim said the other way."""
    assert claims("The ruling party is not unlikely to lose its majority.") == ["The ruling party will lose its majority."]
    assert claims("It isn't unlikely that the ceasefire will hold.") == ["The ceasefire will hold."]
    assert claims("It is not unlikely that the ceasefire will hold.") == ["The ceasefire will hold."]
    assert not any(c.negated for c in find_calls("It isn't unlikely that the ceasefire will hold."))
    assert claims("The ceasefire is unlikely to hold.") == ["The ceasefire will not hold."]  # left as it was


def test_hardly_and_scarcely_before_a_hedge_deny_the_call():
    """"X is hardly likely to V" gave "X is hardly to V" (said the positive way), "X is hardly going to V" no call,
    "X will hardly V" a claim whose direction the check cannot read."""
    assert claims("The junta is hardly likely to hold elections.") == ["The junta will not hold elections."]
    assert claims("The junta is hardly going to hold elections.") == ["The junta is not going to hold elections."]
    assert claims("The sanctions will scarcely dent the economy.") == ["The sanctions will not dent the economy."]
    assert claims("The junta will hardly ever hold elections.") == ["The junta will almost never hold elections."]


def test_an_expectation_denied_is_a_negative_call():
    """"X can't be expected to V" gave "X can't will V"."""
    assert claims("The regime can't be expected to change course.") == ["The regime will not change course."]
    assert claims("Brussels cannot be expected to back down.") == ["Brussels will not back down."]
    assert claims("Brussels can hardly be expected to back down.") == ["Brussels will not back down."]


def test_no_way_that_x_will_and_will_never():
    """"There's no way that X will V" kept the whole sentence as the claim; "X will never V" gave "X will not never V"."""
    assert claims("There's no way that the opposition will win back the capital.") == \
        ["The opposition will not win back the capital."]
    assert claims("There is no way the opposition will win back the capital.") == \
        ["The opposition will not win back the capital."]
    assert claims("Tehran will never trust Washington again.") == ["Tehran will never trust Washington again."]
    assert claims("Tehran will never again trust Washington.") == ["Tehran will never again trust Washington."]


def test_wouldnt_be_surprised_if_a_past_form_is_said_ahead():
    """"I wouldn't be surprised if X V-ed" gave the past as written ("The junta postponed the vote."), a claim of
    what was done; its "didn't V" gave "X didn't V"."""
    assert claims("It wouldn't surprise me if the junta postponed the vote.") == ["The junta will postpone the vote."]
    assert claims("I wouldn't be surprised if the talks collapsed by spring.") == ["The talks will collapse by spring."]
    assert claims("We wouldn't be shocked if Beijing won the bid.") == ["Beijing will win the bid."]
    assert claims("I wouldn't be surprised if Kiev didn't attend the summit.") == ["Kiev will not attend the summit."]
    assert claims("Don't be surprised if the central bank hikes again.") == ["The central bank will hike again."]


def test_an_irregular_past_tells_of_a_season_or_year_gone_by(tmp_path):
    """"The war broke out over the summer" (written in October) gave no event: a year-precision date of the article's
    year needed a past in "-ed"; "The treaty expired this year" none either (only verbs of change counted)."""
    events, _ = extract_article(tmp_path, "The uprising broke out over the summer.", "2022-10-15")
    assert [d for d, _ in events] == ["2022"]
    events, _ = extract_article(tmp_path, "The treaty expired this year.", "2022-10-15")
    assert [d for d, _ in events] == ["2022"]
    events, _ = extract_article(tmp_path, "The truce collapsed at the start of this year.", "2022-10-15")
    assert [d for d, _ in events] == ["2022"]
    # what is ahead, or the year a purpose is for, stays no event
    events, _ = extract_article(tmp_path, "The treaty will expire this year.", "2022-10-15")
    assert events == []
    events, _ = extract_article(tmp_path, "The clubs made upgrades in order to contend this year.", "2022-10-15")
    assert events == []


def test_decades_ago_and_this_past_weekend_or_season(tmp_path):
    """"a decade ago", "three decades ago" gave no date ("two years ago" did); "this past weekend", "this past spring"
    none either ("last weekend", "last spring" did)."""
    events, _ = extract_article(tmp_path, "The junta seized power a decade ago.", "2022-10-15")
    assert [d for d, _ in events] == ["2012"]
    events, _ = extract_article(tmp_path, "The republic declared independence three decades ago.", "2022-10-15")
    assert [d for d, _ in events] == ["1992"]
    events, _ = extract_article(tmp_path, "The runoff was held this past weekend.", "2022-10-15")
    assert [d for d, _ in events] == ["2022-10"]
    events, _ = extract_article(tmp_path, "The accord was signed this past spring.", "2022-10-15")
    assert [d for d, _ in events] == ["2022"]


def test_a_doubt_denied_or_told_gives_the_calls_direction():
    """"There is no doubt that X will V" kept its frame (its "no" read the call as negative); "It is doubtful that X will
    V" gave the claim as written (said the positive way); "I have no doubt that X" and "X will, in all probability, V"
    gave no call; "doomed to" none either."""
    assert claims("There is no doubt that the coalition will collapse.") == ["The coalition will collapse."]
    assert claims("There is little doubt that the coalition will collapse.") == ["The coalition will collapse."]
    assert claims("It is doubtful that the coalition will survive.") == ["The coalition will not survive."]
    assert all(c.negated for c in find_calls("It is doubtful that the coalition will survive."))
    assert claims("I have no doubt that the coalition will collapse.") == ["The coalition will collapse."]
    assert claims("The coalition will, in all probability, collapse.") == ["The coalition will collapse."]
    assert claims("The coalition is doomed to fail.") == ["The coalition will fail."]
    assert claims("I have no doubts about the plan.") == []

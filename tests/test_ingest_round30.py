"""Round 30 of issue 22 (after heldout36's first run): a likelihood denied ("X is not as unlikely as Y might claim",
"X is not unlikely", "It isn't unlikely that X will V": X will happen, was a claim said the other way); the author's
fear and his expectation in the conditional as frames ("I'm afraid that X will V", "I would expect X to V"); what is
past, asked or commonly said taken for a call (a guess about the past, a finding, a modal moved back after a verb of
saying or in a past narrative, an indirect question, "as anyone will tell you", a concession's modal); dates (the month
"May" no modal, irregular pasts, "this past weekend", "The vote is on Friday", years judged in a concession, a title
after a colon); on sentences written for these tests, not taken from the evaluation set."""

from __future__ import annotations

from ingest_helpers import extract_article

from tracker.ingest.leadlists_en import find_calls


def _claims(sentence: str, previous: str = "") -> list[str]:
    return [c.claim for c in find_calls(sentence, previous)]


def test_a_likelihood_denied_is_a_positive_call():
    """"X is not unlikely" was "X is not not unlikely", negated: a claim said the other way."""
    calls = find_calls("Still, a recession is not as unlikely as the government might like to claim.")
    assert [c.claim for c in calls] == ["A recession will happen."]
    assert not calls[0].negated
    assert _claims("Further strikes are not unlikely.") == ["Further strikes will happen."]
    assert _claims("A snap election is far from unlikely this year.") == ["A snap election will happen this year."]
    assert _claims("A rate cut is not unlikely to come in June.") == ["A rate cut will come in June."]
    assert _claims("It isn't unlikely that rates will rise again.") == ["Rates will rise again."]  # was "…will not rise…"
    assert not find_calls("It isn't unlikely that rates will rise again.")[0].negated
    assert not any(c.negated for c in find_calls("Further strikes are not unlikely."))
    # left to the clause reader: a plain "unlikely", someone else's view
    assert _claims("A deal is unlikely.") == ["There will not be a deal."]
    assert all("not not" not in c for c in _claims("She said a deal is not unlikely."))
    # "not impossible" stays low odds, as the set reads it (round 16)
    assert _claims("It is not impossible that we see two budgets this year.") == ["We will not see two budgets this year."]


def test_a_likelihood_no_longer_there_and_a_picture_denied_are_negative_calls():
    """"X is no longer likely to V" was "X is no longer to V"; "I can't imagine X V-ing" gave no call."""
    assert _claims("The strike is no longer likely to end this month.") == ["The strike will not end this month."]
    assert _claims("A deal is hardly likely to come before May.") == ["A deal will not come before May."]
    assert _claims("I can't imagine the Fed cutting rates this year.") == ["The Fed will not cut rates this year."]
    assert _claims("I can't imagine how hard it was.") == []


def test_the_authors_fear_frames_a_call():
    """"I am afraid that X will V" gave no call."""
    assert _claims("I am afraid that what looks like a breakthrough today will be a footnote in a decade.") == \
        ["What looks like a breakthrough today will be a footnote in a decade."]
    assert _claims("I'm afraid the ceasefire will collapse.") == ["The ceasefire will collapse."]
    assert _claims("We fear that prices will keep rising.") == ["Prices will keep rising."]
    assert _claims("I'm afraid I can't agree with that.") == []


def test_a_guess_about_the_past_or_a_finding_is_no_call():
    assert _claims("I suspect some bargaining has taken place just to get the rebels to the table.") == []
    assert _claims("A later study showed the drug to be less likely to cause side effects.") == []
    assert _claims("In March the general sent the committee into a panic when he testified that the rebels could "
                   "take the capital within a year.") == []
    # a call about what is not yet known stays
    assert _claims("The central bank has most likely put off any hike for a few years.") != []


def test_could_in_a_past_narrative_is_no_call():
    told = "Last winter far too many households refused to switch suppliers."
    assert _claims("Most families, though, could not afford the new tariffs.", told) == []
    # with a time ahead, or after a sentence that looks ahead, it stays a call
    assert _claims("Most families could not afford the new tariffs next winter.", told) != []
    assert _claims("Most families could not afford the new tariffs.", "Prices will rise again.") != []


def test_an_indirect_question_is_no_call():
    assert _claims("By the spring we'll know which reform will stick and which will fade.") == []
    assert _claims("The ministries were split over whether the president should stay committed to his predecessor's "
                   "plan or keep the troops there indefinitely.") == []
    # a "whether" clause of its own before the call, and "whether or not" after it, leave the call
    assert _claims("I did wonder whether they might win Bath, but I think the Liberals will take that seat.") == \
        ["The Liberals will take that seat."]
    assert _claims("Prices will rise whether or not the Fed acts.") == ["Prices will rise whether or not the Fed acts."]


def test_what_anyone_will_tell_you_and_a_concessions_modal_are_no_calls():
    assert _claims("As any trader will tell you, timing the market is a fool's errand.") == []
    assert _claims("That never stops us from guessing, however foolish the exercise may seem.") == []
    assert _claims("However hard it may seem, the Fed will cut rates.") == ["The Fed will cut rates."]


def test_years_judged_in_a_concession_are_no_events(tmp_path):
    events, _ = extract_article(tmp_path, "However unsettling 2019 and 2020 were, the coming year could easily prove "
                                "the hardest since the war. The central bank raised rates in March 2020.", "2021-01-03")
    assert [d for d, _ in events] == ["2020-03"]


def test_an_events_title_is_the_clause_after_a_colon_that_holds_its_date(tmp_path):
    events, _ = extract_article(tmp_path, "Poor countries clearly won't get there: at the end of 2021, fewer than 5 "
                                "percent of their people were vaccinated.", "2022-01-03")
    assert events == [("2021", "Fewer than 5 percent of their people were vaccinated")]


def test_the_authors_expectation_in_the_conditional_is_his_call():
    """"I would expect X to V" was credited to "I would"; "I'd expect…", "I would think…" gave no call."""
    calls = find_calls("We would expect the ECB to hold rates.")
    assert [(c.claim, c.forecaster) for c in calls] == [("The ECB will hold rates.", "")]
    assert _claims("For instance, I would expect the rebels to ask for a truce.") == ["The rebels will ask for a truce."]
    assert _claims("I'd expect prices to rise.") == ["Prices will rise."]
    assert _claims("I would think the Fed will hike.") == ["The Fed will hike."]
    assert _claims("I'd imagine the talks will fail.") == ["The talks will fail."]
    assert find_calls("I'd imagine the talks will fail.")[0].probability < 0.9  # not "will" outright
    assert _claims("I would imagine some money has changed hands.") == []  # a guess about the past


def test_the_month_may_is_no_modal_for_another_months_clause(tmp_path):
    """"Kiev lost Bakhmut in May, and Avdiivka fell in October": "May" was read as the modal, October put ahead (2024)."""
    events, _ = extract_article(tmp_path, "The rebels lost the port in May, and the capital fell in October.", "2023-11-02")
    assert [d for d, _ in events] == ["2023-05", "2023-10"]


def test_an_irregular_past_verb_tells_of_the_past(tmp_path):
    """"Avdiivka came under attack this autumn" gave no event (the clause had no past tense the rules knew)."""
    events, _ = extract_article(tmp_path, "The town came under attack this autumn.", "2023-11-02")
    assert events == [("2023", "The town came under attack")]
    events, _ = extract_article(tmp_path, "The new plant will be built this autumn.", "2023-08-02")
    assert events == []  # a participle after "be": ahead, a frame


def test_this_past_weekend_season_and_week(tmp_path):
    events, _ = extract_article(tmp_path, "This past weekend, protests spread to the capital.", "2023-11-02")
    assert [d for d, _ in events] == ["2023-10"]  # Saturday 28 October
    events, _ = extract_article(tmp_path, "The fighting intensified this past summer.", "2024-03-05")
    assert [d for d, _ in events] == ["2023"]
    events, _ = extract_article(tmp_path, "Strikes broke out this past week.", "2023-11-08")
    assert [d for d, _ in events] == ["2023-11"]


def test_a_schedule_told_with_the_copula_names_the_coming_weekday(tmp_path):
    """"The vote is on Friday", written on a Wednesday, was dated the Friday before."""
    events, _ = extract_article(tmp_path, "The vote is on Friday.", "2023-11-01")
    assert [d for d, _ in events] == ["2023-11-03"]
    events, _ = extract_article(tmp_path, "The vote was on Friday.", "2023-11-01")
    assert [d for d, _ in events] == ["2023-10-27"]

"""Round 25 of issue 22 (after heldout31's first run): event dates told with a compound adjective in "-ed", a
schedule's plural present and a weekday after the day a season opens; calls told as "…, and look for X to V",
"…, and I don't expect X to V", "Expect A to V and B to W", an object pronoun as the subject of a call; no call in an
embedded question ("to say which party will win"); the evidence that points to a call is no forecaster; on sentences
written for these tests, not taken from the evaluation set."""

from __future__ import annotations

from ingest_helpers import claims, extract_article

from tracker.ingest.predfind_en import find_calls

# --- event dates -----------------------------------------------------------------------------------------------------

def test_a_participle_after_a_hyphen_is_no_past_tense(tmp_path):
    """"the Labour-led bloc" read "led" as the clause's past: "Tuesday's vote" was the Tuesday gone by."""
    events, _ = extract_article(tmp_path, "The two leading parties (the Labour-led bloc and the Tory-backed alliance) "
                                          "are confident of a win in Tuesday's vote.", "2021-03-06")
    assert [d for d, _ in events] == ["2021-03-09"]


def test_a_schedule_told_in_the_plural_present_looks_ahead(tmp_path):
    """"The Wolves open their season … on Saturday": the coming Saturday, as "opens" already was."""
    events, _ = extract_article(tmp_path, "The Wolves open their season with a trip away to face the Hawks on Saturday "
                                          "evening.", "2021-03-02")
    assert [d for d, _ in events] == ["2021-03-06"]
    events, _ = extract_article(tmp_path, "The Wolves host the Hawks on Saturday evening.", "2021-03-02")
    assert [d for d, _ in events] == ["2021-03-06"]


def test_a_weekday_after_the_day_a_season_opens_is_in_the_week_after_it(tmp_path):
    """Written on a Friday: "X host Y on Thursday night to start the season. Z open their season … on Sunday": the
    Sunday after the opening Thursday, not the one two days after the article."""
    events, _ = extract_article(tmp_path, "The Rivals will host the Bears on Thursday night to start the season. The "
                                          "Wolves open their season with a trip away to face the Hawks on Sunday "
                                          "afternoon.", "2022-09-02")
    assert [d for d, _ in events] == ["2022-09-08", "2022-09-11"]
    # no opening named: the nearest weekday stands
    events, _ = extract_article(tmp_path, "The Fed meets on Thursday. Retail sales come out on Tuesday.", "2022-09-02")
    assert [d for d, _ in events] == ["2022-09-08", "2022-09-06"]


# --- calls -----------------------------------------------------------------------------------------------------------

def test_an_imperative_of_expectation_after_and_is_the_authors_call():
    """"The West is loaded, and look for X to V": the call is the second clause's (gave none)."""
    assert claims("The West is loaded, and look for the Lions to finally win that division.") == \
        ["The Lions will finally win that division."]


def test_i_dont_expect_after_a_clause_and_and_is_a_negative_call():
    """"…, and I don't expect X to V" after a clause of its own: "X will not V" (was "X will not to V")."""
    assert claims("In the East, the summer has not been smooth, and I don't expect the Jets to make the playoffs.") == \
        ["The Jets will not make the playoffs."]


def test_an_object_pronoun_is_a_claims_subject_in_the_subject_case():
    """"I expect them to win" read "Them will win"."""
    assert claims("I expect them to win the title.") == ["They will win the title."]
    assert claims("We don't expect him to run again.") == ["He will not run again."]


def test_one_expect_over_two_subjects_gives_two_calls():
    """"Expect A to V and B to W": two calls (B's was left in A's claim); "I expect X to A and to B" too."""
    assert claims("Expect wages to keep rising and the jobless rate to hold steady at 4%.") == \
        ["Wages will keep rising.", "The jobless rate will hold steady at 4%."]
    assert claims("I expect the Fed to raise rates and to signal more hikes in June.") == \
        ["The Fed will raise rates.", "The Fed will signal more hikes in June."]


def test_the_evidence_a_call_is_read_from_is_no_forecaster():
    """"All the evidence suggests that X will V": the author's call (was credited to "evidence")."""
    calls = find_calls("All the evidence suggests that there will be a recount in the capital next month.")
    assert [(c.claim, c.forecaster) for c in calls] == [("There will be a recount in the capital next month.", "")]
    calls = find_calls("History suggests that the incumbent will lose the vote in the autumn.")
    assert [(c.claim, c.forecaster) for c in calls] == [("The incumbent will lose the vote in the autumn.", "")]


def test_a_question_embedded_after_a_verb_of_saying_or_knowing_is_no_call():
    """"(The nation looks to pollsters) to say which party will win": no call ("Which party will win." was one)."""
    assert claims("The nation looks to pollsters (like me) to say which party will win the most seats.") == []
    assert claims("Nobody knows how many seats the Greens will win in the capital next month.") == []
    assert claims("The Greens will win the most seats in the capital next month.") == \
        ["The Greens will win the most seats in the capital next month."]


def test_what_we_can_expect_and_the_weeks_calendar_are_no_calls():
    """"our thoughts on what we can expect in the markets" (the text's subject) and "We'll end the week with Friday's
    employment report" (the calendar) were proposed as calls."""
    assert claims("Welcome to the Weekly Note, where we give our thoughts on what we can expect in the markets and "
                  "the economy over the coming week.") == []
    assert claims("We'll end the week with Friday's employment report and the Fed's minutes.") == []
    assert claims("I expect the markets to rally hard into the end of the year.") == \
        ["The markets will rally hard into the end of the year."]


def test_today_in_as_we_know_it_today_is_no_date(tmp_path):
    """"the S&P 500 as we know it today began in 1957" was also an event of the article's day."""
    events, _ = extract_article(tmp_path, "A bit of history: the S&P 500 as we know it today began in 1957. The index "
                                          "rose today.", "2018-04-30")
    assert [d for d, _ in events] == ["1957", "2018-04-30"]


def test_the_family_of_a_denied_expectation_gives_negative_calls():
    """"I don't expect X to V" was read; its kin gave no call: "Don't expect (look for) X to V", "I wouldn't expect",
    "I'm not expecting X to V", "I can't (don't) see X V-ing", "I can't see how X will V"."""
    want = ["The Fed will not cut rates before the end of this year."]
    for sentence in ("Don't expect the Fed to cut rates before the end of this year.",
                     "Don't look for the Fed to cut rates before the end of this year.",
                     "I wouldn't expect the Fed to cut rates before the end of this year.",
                     "I'm not expecting the Fed to cut rates before the end of this year.",
                     "We don't see the Fed cutting rates before the end of this year.",
                     "I can't see the Fed cutting rates before the end of this year.",
                     "I can't see how the Fed will cut rates before the end of this year."):
        assert claims(sentence) == want, sentence
    calls = find_calls("We don't see the Fed cutting rates before the end of this year.")
    assert calls[0].negated and not calls[0].forecaster
    assert claims("I don't see the point in raising rates before the end of this year.") == []


def test_count_on_x_to_v_is_read_as_look_for_x_to_v():
    """"Count on X to V" gave "There will be X to V"."""
    assert claims("Count on the Fed to hold rates steady through the end of the summer.") == \
        ["The Fed will hold rates steady through the end of the summer."]
    assert claims("Bet on Macron winning the second round comfortably in April.") == \
        ["Macron will win the second round comfortably in April."]


def test_a_session_told_in_the_bare_present_looks_ahead(tmp_path):
    """"Parliament reconvenes on Tuesday", "Voters go to the polls on Sunday", "The tournament gets under way on
    Saturday": the coming day (were the day gone by); told in the past, the day gone by."""
    for body, day in (("Parliament reconvenes on Tuesday after the recess.", "2022-09-06"),
                      ("The talks resume on Wednesday in Geneva.", "2022-09-07"),
                      ("Voters go to the polls on Sunday.", "2022-09-04"),
                      ("The tournament gets under way on Saturday in Paris.", "2022-09-03"),
                      ("Parliament returns to work on Tuesday.", "2022-09-06"),
                      ("The talks resumed on Wednesday in Geneva.", "2022-08-31")):
        events, _ = extract_article(tmp_path, body, "2022-09-02")
        assert [d for d, _ in events] == [day], body


def test_a_weekday_with_its_week_is_that_weekday_of_that_week(tmp_path):
    """"on Tuesday last week" was this week's Tuesday, with "last week" left in the title."""
    events, _ = extract_article(tmp_path, "The central bank raised rates on Tuesday last week.", "2023-04-12")
    assert events == [("2023-04-04", "The central bank raised rates")]
    events, _ = extract_article(tmp_path, "The central bank will raise rates on Friday of next week.", "2023-04-12")
    assert [d for d, _ in events] == ["2023-04-21"]


def test_a_day_of_the_month_named_alone_is_dated_by_the_tense(tmp_path):
    """"on the 14th" gave no date: the last 14th not after the article, or the next one when the clause looks ahead;
    "the 21st century", "the 3rd place" are no dates."""
    for body, day in (("The central bank cut rates on the 14th.", ["2023-03-14"]),
                      ("The vote will be held on the 3rd.", ["2023-05-03"]),
                      ("He was born in the 21st century.", []),
                      ("The team finished on the 3rd place.", [])):
        events, _ = extract_article(tmp_path, body, "2023-04-12")
        assert [d for d, _ in events] == day, body


def test_a_day_told_without_an_opening_of_its_own_stays_the_nearest(tmp_path):
    """Ticket sales told after the day a festival opens come before it: only a sentence that tells an opening of its
    own (a team beginning its season) is read in the week after the opening."""
    events, _ = extract_article(tmp_path, "The festival opens its season on Thursday. Tickets will go on sale on Sunday.",
                                "2022-09-02")
    assert [d for d, _ in events] == ["2022-09-08", "2022-09-04"]

"""Round 19 of issue 22 (after heldout25's first run): a date in a "when he said …" clause's own tense, a date
only compared with, a list of picks written as labelled lines ("Ohio: Kasich"), a bare present "X carries Y" in an
article of predictions, picks with other names kept apart; on sentences written for these tests, not taken from the
evaluation set."""

from __future__ import annotations

from tracker.domain.dates import PDate
from tracker.ingest.datefind import find_dates
from tracker.ingest.predfind_en import find_calls
from tracker.ingest.samecall_en import different_calls

from ingest_helpers import extract_article


def _extract(tmp_path, body: str, date: str = "2019-08-05"):
    return extract_article(tmp_path, body, date)


# --- dates ---------------------------------------------------------------------------------------------------------

def test_a_month_told_in_the_past_keeps_its_year_whatever_a_when_clause_plans():
    """"The governor rattled investors in late March when she said the state planned to sell the utility": the
    March gone by, not the next one ("planned to" is the "when" clause's)."""
    sentence = ("The governor rattled investors in late March when she said the state planned to sell the utility "
                "once prices recover.")
    assert [m.date for m in find_dates(sentence, PDate(2019, 8, 5), "en")] == [PDate(2019, 3)]


def test_a_date_only_compared_with_is_not_the_events(tmp_path):
    """"better than last month's, the show opens on Saturday": Saturday is the event's day."""
    events, _ = _extract(tmp_path, "With a cast far stronger than last month's, the revival will open on Saturday.")
    assert [d for d, _ in events] == ["2019-08-10"], events


# --- calls ---------------------------------------------------------------------------------------------------------

def test_a_list_of_picks_in_labelled_lines_gives_one_call_per_line(tmp_path):
    body = ("Who takes the county races tomorrow? Here are my picks.\n\nAshford: Palmer\nBexley: Quinn\n"
            "Crowborough: Palmer\nDenton: Rhodes")
    _, calls = _extract(tmp_path, body)
    assert sorted(calls) == sorted(["Palmer will win Ashford.", "Quinn will win Bexley.", "Palmer will win Crowborough.",
                                    "Rhodes will win Denton."]), calls


def test_labelled_lines_of_prose_stay_one_paragraph(tmp_path):
    """Two lines are no list; a line that ends a sentence is prose."""
    _, calls = _extract(tmp_path, "Note: the count starts at ten.\nUpdate: Palmer will win Ashford easily.")
    assert calls == ["Palmer will win Ashford easily."], calls


def test_a_bare_present_carries_in_a_list_of_picks(tmp_path):
    body = ("Here are the candidates I foresee winning each race.\n\nLabour: Jane Palmer carries Ashford, Bexley and "
            "Crowborough North.\n\nTom Rhodes carries Denton.")
    _, calls = _extract(tmp_path, body)
    assert calls == ["Jane Palmer will carry Ashford, Bexley and Crowborough North.", "Tom Rhodes will carry Denton."], calls


def test_no_list_no_bare_present_call():
    assert find_calls("Tom Rhodes carries Denton.") == []


def test_picks_with_other_names_are_other_calls():
    assert different_calls("Palmer will win Ashford.", "Palmer will win Bexley.")
    assert not different_calls("Palmer will win Ashford.", "Palmer will win in Ashford.")


# --- whose call -------------------------------------------------------------------------------------------------------

def _calls(sentence: str) -> list[tuple[str, str]]:
    return [(c.claim, c.forecaster) for c in find_calls(sentence)]


def test_a_crowd_left_unnamed_expecting_is_not_the_author():
    """"many expect that X will…": no call of the author's (and no one to name, so none)."""
    assert _calls("If the talks fail, many expect that both unions will strike in the autumn.") == []


def test_a_plural_noun_saying_at_the_end_is_the_forecaster():
    assert _calls("Prices will fall in the spring, analysts said.") == [("Prices will fall in the spring, analysts said.",
                                                                        "analysts")]


def test_a_poll_of_economists_credits_the_economists():
    calls = _calls("Retail sales are expected to rise 2% in June, according to economists polled by Bloomberg.")
    assert [f for _, f in calls] == ["economists polled by Bloomberg"], calls


def test_should_before_its_subject_is_a_condition_not_a_call():
    """"…permutations should Verstappen finish lower": "if he finishes lower", no "will"."""
    assert _calls("There are other permutations around the race should Hartley finish further down, but in essence she "
                  "needs to outscore Lee by eight points.") == []
    assert _calls("Prices should fall next year.") == [("Prices will fall next year.", "")]


def test_predicting_no_x_and_not_foreseeing_any_x_are_negative_calls():
    assert [(c.claim, c.negated) for c in find_calls(
        "And I'm going out on a limb and predicting no folding tablet (more on that in a later post).")] == \
        [("There will be no folding tablet.", True)]
    assert [(c.claim, c.negated) for c in find_calls("However, I don't foresee any changes to the $1,299 base model.")] == \
        [("There will be no changes to the $1,299 base model.", True)]


def test_predictive_should_we_see_pack_and_do_well():
    """"we should see a new X" tells what will come; "should pack", "should do well" an outcome; "we should see this
    as a chance" stays a duty."""
    assert _calls("Around the same time, we should see a cheaper laptop with the new chip.") == [
        ("Around the same time, we will see a cheaper laptop with the new chip.", "")]
    assert _calls("The larger model should pack the faster chip.") == [("The larger model will pack the faster chip.", "")]
    assert _calls("In Ohio Kasich should do well.") == [("In Ohio Kasich will do well.", "")]
    assert _calls("We should see this as a chance.") == []


def test_i_see_x_v_ing_after_a_past_clause():
    """"Turnout has fallen in every ward, and I see the decline continuing": the author's call in the last clause."""
    assert _calls("Turnout has fallen in every ward, and I see the decline continuing next year.") == [
        ("The decline will continue next year.", "")]


def test_a_months_count_is_the_month_measured():
    """"below June's count of 195,000 new positions" in a July preview: the June gone by."""
    sentence = "That is a little under June's count of 210,000 new jobs."
    assert [m.date for m in find_dates(sentence, PDate(2013, 7, 29), "en")] == [PDate(2013, 6)]


def test_not_until_a_date_is_when_it_happens_not_a_deadline():
    ref = PDate(2022, 10, 6)
    assert [m.deadline for m in find_dates("The panel will not publish its findings until next week.", ref, "en")] == [False]
    assert [m.deadline for m in find_dates("The talks will go on until next week.", ref, "en")] == [True]


def test_a_frames_second_piece_with_no_verb_is_no_call():
    """"I think the coupe will be offered with a V6 and V8 Sport engines": no call "V8 Sport engines"."""
    claims = [c.claim for c in find_calls("I think the coupe will be offered with a V6 and V8 Sport engines.")]
    assert all(" will " in c for c in claims) and claims, claims

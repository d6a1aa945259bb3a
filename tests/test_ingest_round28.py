"""Round 28 of issue 22 (after heldout34's first run): the past of an unreal condition looks ahead; a month's name that
names a person; "the start (end…) of the month (year)"; a title told after a leading participle and a lead of a list;
a call whose verbs are the items of a list under its lead; two objects of one verb, two calls; a headline told as an
imperative of expectation; "It would be odd if X did not V"; an inference under an unreal condition, a modal moved
back after a past verb of showing or feeling, and a theory's content are no calls; on sentences written for these
tests, not taken from the evaluation set."""

from __future__ import annotations

from tracker.domain.dates import PDate
from tracker.ingest.datefind import find_dates

from tracker.ingest.extract import title_calls
from tracker.ingest.samecall_en import different_calls

from ingest_helpers import claims
from ingest_helpers import extract_article


# --- dates -----------------------------------------------------------------------------------------------------------

def test_a_weekday_in_an_unreal_condition_is_the_coming_one(tmp_path):
    """"It would be odd if X did not V on Wednesday" was read as told in the past ("did"): the Wednesday gone by, or the
    one after a day named in the sentence before."""
    events, _ = extract_article(tmp_path, "Markets would rally if the central bank cut rates on Thursday.", "2021-06-08")
    assert ("2021-06-10", "Markets would rally if the central bank cut rates") in events
    events, _ = extract_article(tmp_path, "The senators rejected the bill on 4 May. It would be strange if they did not "
                                "reject it again on Friday.", "2021-06-08")
    assert ("2021-06-11", "It would be strange if they did not reject it again") in events


def test_a_supposition_about_the_past_stays_past(tmp_path):
    """"If X had V-ed on Thursday, it would have…" and a sentence that tells the past elsewhere keep the day gone by."""
    events, _ = extract_article(tmp_path, "If the bank had cut rates on Thursday, markets would have rallied.", "2021-06-08")
    assert events and events[0][0] == "2021-06-03"
    events, _ = extract_article(tmp_path, "The minister resigned on Thursday, and it would be odd if he returned.",
                                "2021-06-08")
    assert events and events[0][0] == "2021-06-03"


def test_a_month_that_names_a_person_is_no_date(tmp_path):
    """"On Theresa May's deal" and "Since May has not got the EU to agree" gave events of May."""
    events, _ = extract_article(tmp_path, "On Prime Minister May's plan, the cabinet is split. Since May has not won the "
                                "party over, the plan stalls.", "2019-03-12")
    assert events == []
    events, _ = extract_article(tmp_path, "Since May has lost twice, the rebels who voted down May's plan on 15 January "
                                "are calm.", "2019-03-12")
    assert [d for d, _ in events] == ["2019-01-15"]
    events, _ = extract_article(tmp_path, "Mrs June Smith told reporters that the talks in June were useful.", "2019-08-12")
    assert [d for d, _ in events] == ["2019-06"]


def test_a_month_stays_a_month_after_a_preposition_or_as_a_subject_inside_a_clause(tmp_path):
    events, _ = extract_article(tmp_path, "Inflation since May has been high. Since May, prices have risen. Early May saw "
                                "protests.", "2019-08-12")
    assert [d for d, _ in events] == ["2019-05", "2019-05", "2019-05"]


def test_the_start_of_the_month_is_the_articles_month(tmp_path):
    """"At the start of the month the author warned…" gave no event."""
    events, _ = extract_article(tmp_path, "At the start of the month the governor warned of a recession.", "2021-11-24")
    assert events == [("2021-11", "The governor warned of a recession")]
    found = find_dates("At the beginning of the year the party changed its leader.", PDate(2021, 11, 24), "en")
    assert [(f.text, f.date.iso()) for f in found] == [("the beginning of the year", "2021")]


def test_the_end_of_another_month_named_is_not_the_articles(tmp_path):
    events, _ = extract_article(tmp_path, "The strike began on 3 March and ended at the end of the month.", "2021-11-24")
    assert [d for d, _ in events] == ["2021-03-03"]


def test_a_participle_opening_the_date_phrase_goes_with_it_and_a_lead_title_is_cut(tmp_path):
    """"In two rounds, starting on Sunday 4 June, the party is likely to:" gave the title "Starting, the party is likely
    to" (a participle and a dangling "to" left)."""
    events, _ = extract_article(tmp_path, "In two rounds, starting on Sunday 4 June, the assembly is likely to:\n\n"
                                "1. elect a new speaker,\n\n2. pass the budget.", "2023-05-30")
    assert events == [("2023-06-04", "The assembly is likely to…")]


# --- calls -----------------------------------------------------------------------------------------------------------

def test_the_items_of_a_list_under_a_lead_are_calls_of_the_lead(tmp_path):
    """"X is likely to:" over "1. V …", "2. V …": the lead gave "X will." and the items nothing."""
    _, calls = extract_article(tmp_path, "After the summer recess, the Senate is likely to:\n\n1. confirm the new "
                               "judge,\n\n2. reject the tariff bill, and\n\n3. extend the debt ceiling.", "2023-08-01")
    assert calls == ["The Senate will confirm the new judge.", "The Senate will reject the tariff bill.",
                     "The Senate will extend the debt ceiling."]
    _, calls = extract_article(tmp_path, "We expect the central bank to:\n\n- hold rates in June\n\n- cut in "
                               "September", "2023-05-01")
    assert calls == ["The central bank will hold rates in June.", "The central bank will cut in September."]


def test_a_list_after_a_colon_that_is_no_lead_stays_as_it_was(tmp_path):
    _, calls = extract_article(tmp_path, "Three things are on the agenda:\n\n1. the budget,\n\n2. the judges.\n\n"
                               "The Senate will confirm the judges.", "2023-08-01")
    assert calls == ["The Senate will confirm the judges."]


def test_one_verb_of_two_objects_one_not_named_by_the_other_is_two_calls():
    assert different_calls("The House will reject a hard Brexit.", "The House will reject Theresa May's Brexit deal.")
    assert not different_calls("Labour will win the election.", "Labour will win the election in a landslide.")


def test_a_headline_told_as_an_imperative_of_expectation_is_a_call():
    """"Expect An Intensification Of X" gave no call (no hedge word in the headline)."""
    assert [c.claim for c in title_calls("Expect A Sharp Rise In Food Prices This Winter")] == \
        ["There will be A Sharp Rise In Food Prices This Winter."]
    assert title_calls("What To Expect From The Summit") == []


def test_it_would_be_odd_if_x_did_not_v_is_the_call_that_x_will_v():
    """Was "It will be odd." (and "It will be surprising." for the negative)."""
    assert claims("It would be strange if the council did not approve the plan in June.") == \
        ["The council will approve the plan in June."]
    assert claims("It would be a surprise if the bank raised rates next week.") == \
        ["The bank will not raise rates next week."]


def test_an_inference_under_an_unreal_condition_is_no_call(tmp_path):
    """"If X did not V, it would mean that Y had…" gave "It will mean that Y had…"; "this could prove difficult" stays."""
    _, calls = extract_article(tmp_path, "If the board did not approve the merger, it would mean that the bidders had "
                               "misjudged it. This could prove difficult for the bidders.", "2023-08-01")
    assert calls == ["This will prove difficult for the bidders."]


def test_a_modal_moved_back_after_a_past_verb_of_showing_or_feeling_is_no_call(tmp_path):
    """"showed that it could win" gave "showed that it will win", "feared that X might V" "feared that X will V"."""
    _, calls = extract_article(tmp_path, "The party showed that it could win big cities. Farmers feared that the "
                               "drought might ruin the harvest. The party will win the capital.", "2023-08-01")
    assert calls == ["The party will win the capital."]


def test_a_theorys_content_is_no_call(tmp_path):
    _, calls = extract_article(tmp_path, "Two ideas compete: the pendulum theory, that voters will punish the party in "
                               "power, and the loyalty theory, meaning that voters will reward it.", "2023-08-01")
    assert calls == []

"""Round 35 of issue 22 (after heldout41's first run): a time gone by told with a half, a weekend gone by beside a
modal, an occasion named before its date inside a call, and calls credited to a pronoun, an impersonal remark, odds
someone else gives, a likelihood said to be low, a role said to be key and what a state of things promises; on
sentences written for these tests, not taken from the evaluation set."""

from __future__ import annotations

from tests.ingest_helpers import extract_article


def test_so_many_units_and_a_half_ago(tmp_path):
    """"two and a half years ago" was no date ("two years ago" was read)."""
    events, _ = extract_article(tmp_path, "The plant closed almost three and a half years ago.\n\n"
                                          "The mayor resigned a year and a half ago.", "2021-03-10")
    assert [d for d, _ in events] == ["2017", "2019"]


def test_a_weekend_gone_by_beside_a_modal_is_an_event(tmp_path):
    """"over the weekend" is the one gone by, dated to its month; a modal elsewhere in the sentence ("would") and a
    month that runs past the article's day made it read as a forecast's date."""
    events, _ = extract_article(tmp_path, "Thousands of nurses marched over the weekend against cuts that would close "
                                          "four wards.", "2022-11-14")
    assert [d for d, _ in events] == ["2022-11"]


def test_an_occasion_named_before_its_date_inside_a_call(tmp_path):
    """"the regional elections in the spring" and "the local elections of May 2024" inside a call were a frame."""
    events, calls = extract_article(tmp_path, "The party will probably shift its focus to the regional elections in "
                                              "the spring.\n\nHer standing before the local elections of May 2024 "
                                              "will likely decide the leadership.", "2023-01-20")
    assert ("2023", ) == tuple(d for d, _ in events if d == "2023")
    assert "2024-05" in [d for d, _ in events]
    assert len(calls) == 2


def _calls(sentence: str) -> list[tuple[str, str]]:
    from tracker.ingest.leadlists_en import find_calls
    return [(c.claim, c.forecaster) for c in find_calls(sentence)]


def test_a_pronoun_is_the_author_and_an_impersonal_remark_no_call():
    """"We should expect X to V" was credited to "We should", "It should be noted that X will V" to "It"; "It should go
    without saying that X …" was proposed as "It will go without saying…"."""
    assert _calls("We should expect the council to raise parking fees.") == [("The council will raise parking fees.", "")]
    assert _calls("You can expect the vote to be close.") == [("The vote will be close.", "")]
    assert _calls("It should be noted that the mill will not reopen.") == [("The mill will not reopen.", "")]
    assert _calls("It should go without saying that both sides blame the other for the drought.") == []
    assert _calls("It must be stressed that the league has no plan B.") == []


def test_odds_someone_gives_are_his_forecast():
    """"The bookmakers put at 80% the probability that X will V" was the author's call, worded as the whole sentence."""
    assert _calls("Right now the bookmakers put at 80% the probability that the Tories will hold the seat.") == [
        ("The Tories will hold the seat.", "bookmakers")]
    assert _calls("Futures markets put the probability that the central bank will cut rates in March at 65%.") == [
        ("The central bank will cut rates in March.", "Futures markets")]


def test_a_likelihood_said_to_be_low_or_high_is_a_call_of_its_own():
    """"…, although the likelihood of X remains low" was read as the first clause's call with it kept (a claim said
    the other way by its main clause); the likelihood alone was no call."""
    calls = _calls("A longer strike could hurt exports, although the likelihood of a national walkout remains low.")
    assert ("There will not be a national walkout.", "") in calls
    assert _calls("The chances that the ceasefire will hold are good.") == [("The ceasefire will hold.", "")]


def test_what_will_matter_is_no_call():
    assert _calls("The turnout among young voters will be crucial for the opposition.") == []
    assert _calls("Her ability to unite the party will be key to its recovery.") == []
    assert _calls("The opposition will win the vote.") == [("The opposition will win the vote.", "")]


def test_a_state_of_things_that_promises_something_is_a_call():
    """"This set-up promises a severe confrontation over the coming months" was no call; someone who promises makes
    none."""
    assert _calls("This stalemate promises a long and bitter winter for the coalition.") == [
        ("There will be a long and bitter winter for the coalition.", "")]
    assert _calls("The mayor promises a new stadium by 2026.") == []


def test_a_habit_of_a_weekday_and_what_something_is_today_date_no_event(tmp_path):
    """"Every Friday, readers can send questions" was an event of the article's Friday, "what is today X" one of its
    day."""
    events, _ = extract_article(tmp_path, "Every Friday, readers can send questions to the panel.\n\nThe town lies in "
                                          "what is today the province of Lviv.\n\nOn Friday the panel answered ten "
                                          "questions.", "2023-03-08")
    assert [d for d, _ in events] == ["2023-03-03"]

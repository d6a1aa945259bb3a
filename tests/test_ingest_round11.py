"""Round 11 of issue 22 (after heldout16's first run): attitudes named as nouns and others' moods as someone's view,
the author's nominal frames, clauses listed with commas or with a bare noun for subject, one hedge over two
infinitives, a course told in the present progressive; a heading on a line of its own over the line below it, a
dated heading over a narrative line, a forecast riding on a schedule; on sentences written for these tests, not taken
from the evaluation set."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tracker.domain.dates import parse_date
from tracker.ingest.datefind import find_dates
from tracker.ingest.evaluate import score_gold
from tracker.ingest.extract import extract
from tracker.ingest.predfind_en import find_calls
from tracker.ingest.reader import read_articles
from tracker.ingest.sentences import split


def _claims(sentence: str) -> list[tuple[str, str]]:
    return [(c.claim, c.forecaster) for c in find_calls(sentence)]


def _candidates(tmp_path, date: str, body: str, title: str = "Notes"):
    article = tmp_path / "a.md"
    article.write_text(f"# {title}\n\nBy Jo Doe\nDate: {date}\n\n{body}\n")
    return extract(read_articles(article), "a.md")


# --- whose call -------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "Mounting fears that office loans may be the next source of trouble.",
    "The mood has turned to worry: worry that the offensive will stall; and worry that the allies will not pay.",
    "There is a growing sense that the war will only get worse before it gets better.",
    "Looking back, they gained seats when they had been expected to lose them.",
    "Of those seats, 12 are rated toss-ups, 9 lean Democratic and 13 are likely Republican.",
    "I assume X and Y will happen this year, and if they do, I predict Z.",
])
def test_not_the_authors_call(sentence):
    assert _claims(sentence) == []


def test_an_attitude_the_author_owns_stays_his_call():
    assert _claims("I have a sense that the war will get worse.") == [("The war will get worse.", "")]


def test_a_named_ones_mood_is_his_forecast():
    found = _claims("Markets rallied, with Theresa May appearing optimistic that the EU will open trade talks soon.")
    assert found == [("The EU will open trade talks soon.", "Theresa May")]


def test_the_authors_nominal_frame_and_emphatic_do():
    assert _claims("My best guess right now is that Republicans will gain a net 22 seats.") == \
        [("Republicans will gain a net 22 seats.", "")]
    assert _claims("Although I do expect Walker to win a plurality, the runoff is open.")[0][1] == ""
    assert _claims("and I assume he'll win in Arizona.") == [("He will win in Arizona.", "")]


# --- several calls in one sentence --------------------------------------------------------------------------------

def test_clauses_listed_with_commas_and_a_subject_of_two_names():
    found = [c for c, _ in _claims("Portman will cruise in Ohio, Rubio will squeak out a win in Florida, and Burr and "
                                   "Blunt will both hang on.")]
    assert found == ["Portman will cruise in Ohio.", "Rubio will squeak out a win in Florida.", "Burr and Blunt will both hang on."]


def test_a_bare_noun_subject_starts_a_second_call():
    found = [c for c, _ in _claims("Retail sales are expected to drop 0.2% and jobless claims are expected to hold at 230k.")]
    assert found == ["Retail sales will drop 0.2%.", "Jobless claims will hold at 230k."]


def test_a_reported_forecast_before_while_leaves_the_authors_second_clause():
    found = _claims("Earnings are forecast to post 2.5%, while the jobless rate is expected to stay at a 42 year low.")
    assert found == [("The jobless rate will stay at a 42 year low.", "")]


def test_one_hedge_over_two_infinitives_gives_two_calls():
    found = [c for c, _ in _claims("Republicans are likely to pick up more House seats and to take control of the Senate.")]
    assert found == ["Republicans will pick up more House seats.", "Republicans will take control of the Senate."]


def test_a_course_in_the_present_progressive_is_a_call():
    found = _claims("The conflict, which is really a proxy war, is trending towards a military stalemate.")
    assert found == [("The conflict will end up in a military stalemate.", "")]


# --- events --------------------------------------------------------------------------------------------------------

def test_a_heading_on_its_own_line_is_its_own_sentence():
    pieces = [s for _, s in split("Monday\nToday will be quiet. The US will release data.\nTuesday\nThe UK is in focus.\n"
                                  "May prices rise\nsteadily.", "en")]
    assert pieces == ["Monday", "Today will be quiet.", "The US will release data.", "Tuesday", "The UK is in focus.",
                      "May prices rise steadily."]


def test_a_preview_whose_day_headings_sit_over_their_lines(tmp_path):
    body = ("Monday\nThe US will be releasing the JOLTS figure, expected to slip to 6.03m.\n\n"
            "Wednesday\nWednesday will open with the release of UK labour data. "
            "Across the pond, the Fed is expected to raise interest rates to 1.5%.")
    found = _candidates(tmp_path, "2017-12-11", body, "Week Ahead")
    events = sorted(c.fields["date"] for c in found if c.kind == "event")
    calls = [c.fields["claim"] for c in found if c.kind == "prediction"]
    assert events == ["2017-12-11", "2017-12-13", "2017-12-13"]
    assert "The JOLTS figure will slip to 6.03m." in calls or any("6.03m" in c for c in calls)
    assert not any("labour data" in c for c in calls)


def test_a_dated_heading_over_a_narrative_line(tmp_path):
    body = "Timeline\n\nWednesday, March 8:\n\nSilvergate Bank announced that it intends to wind down."
    events = [c.fields["date"] for c in _candidates(tmp_path, "2023-03-13", body) if c.kind == "event"]
    assert events == ["2023-03-08"]


def test_two_calendar_lines_of_one_day_are_two_events(tmp_path):
    body = "FOMC Meeting Minutes | US (April 13)\n\nEmployment Change | Australia (April 13)"
    events = [c.fields["date"] for c in _candidates(tmp_path, "2023-04-10", body, "Week ahead") if c.kind == "event"]
    assert events == ["2023-04-13", "2023-04-13"]


def test_looking_back_to_a_year_names_it():
    mentions = find_dates("Looking back to 2020, they lost the White House.", parse_date("2022-11-07"), "en")
    assert [m.date.iso() for m in mentions] == ["2020"]


def test_heldout16_keeps_its_events_and_dates():
    found = gold = right = 0
    for path in sorted((Path(__file__).parent / "fixtures" / "ingest_eval" / "heldout16").glob("*.txt")):
        articles = read_articles(path)
        s = score_gold(extract(articles, path.name), json.loads(path.with_suffix(".json").read_text()),
                       articles[0].author)
        found, gold, right = found + s.events_found, gold + s.events_gold, right + s.events_date_right
    assert found / gold >= 0.9 and right >= found - 1, (found, gold, right)

"""Rules added in the sixth round of issue 22, after heldout9's first run: an event said to be certain, a
list after an imperative "Expect", the name the author writes under, "on the brink of", a statement before
a rhetorical question, "the same goes for", the reversal check's "unable to"; dates "ahead of" a month, a
possessive date that is no deadline, and a coarser date that only frames a finer one. Each test fails
without its rule."""

from __future__ import annotations

from pathlib import Path

from tracker.domain.dates import PDate
from tracker.ingest.datefind import find_dates
from tracker.ingest.evaluate import claim_is_negative
from tracker.ingest.extract import extract
from tracker.ingest.predfind_en import find_calls
from tracker.ingest.reader import read_articles
from tracker.ingest.speakers_en import own_names


def _en(sentence: str, in_forecasts: bool = False, names: tuple[str, ...] = ()) -> list[tuple[str, float, bool, str]]:
    return [(c.claim, c.probability, c.negated, c.forecaster) for c in find_calls(sentence, "", in_forecasts, False, names)]


def _dates(sentence: str, ref: PDate) -> list[tuple[str, str, bool]]:
    return [(m.text, m.date.iso(), m.deadline) for m in find_dates(sentence, ref, "en")]


def test_an_indefinite_event_said_to_be_certain_is_a_call():
    assert _en("A global recession is a certainty.") == [("There will be a global recession.", 0.97, False, "")]
    assert _en("A rate cut in March is now all but a foregone conclusion.")[0][:2] == \
        ("There will be a rate cut in March.", 0.97)
    assert _en("The outcome is certain.") == []  # a definite subject: no event to come


def test_a_statement_before_a_rhetorical_question_is_read():
    assert _en("A global recession is a certainty – the only question is how deep, how widespread, and how long?") == \
        [("There will be a global recession.", 0.97, False, "")]
    assert _en("Will the Fed cut – and when?") == []


def test_expect_with_a_list_of_noun_phrases():
    calls = _en("Expect increased global hunger, migration, civil strife, possible coups, and certain developing "
                "countries unable to repay their debts.")
    assert calls and calls[0][0].startswith("There will be increased global hunger, migration, civil strife")
    assert _en("Expect it, this, and that.") == []


def test_an_adjective_before_an_ing_noun_is_no_subject():
    assert _en("We expect intense wrangling over allies.")[0][0] == "There will be intense wrangling over allies."
    assert _en("I expect Democrats losing the House.")[0][0] == "Democrats will lose the House."


def test_the_name_the_author_writes_under_is_the_author():
    names = own_names("Africa Matters", "At AML, we will be closely watching four key strands this year.")
    assert names == ("Africa Matters", "AML")
    sentence = "AML expects intense wrangling over allies and electoral rules, and in two of the three, a contested result."
    claim = "There will be intense wrangling over allies and electoral rules, and in two of the three, a contested result."
    assert _en(sentence, names=names) == [(claim, 0.7, False, "")]
    assert _en(sentence) == []  # someone else's name: not the author's call
    assert own_names("Jane Doe", "We at Capital Economics think so.") == ("Jane Doe", "Capital Economics")


def test_on_the_brink_of_a_gerund_reads_as_likely():
    assert _en("The euro is on the verge of breaking parity with the dollar.") == \
        [("The euro will break parity with the dollar.", 0.7, False, "")]
    calls = _en("In the 13 months since it began, it has become clear that International Relations are on the brink of "
                "splitting three ways, into the West, the Entente, and the Global South.")
    assert calls[0][0] == "International Relations will split three ways, into the West, the Entente, and the Global South."


def test_the_same_goes_for_is_no_listed_call():
    assert _en("The same goes for extreme weather events.", in_forecasts=True) == []
    assert _en("Labour wins the election.", in_forecasts=True)[0][0] == "Labour will win the election."


def test_unable_to_inside_a_noun_phrase_is_no_negation():
    assert not claim_is_negative("There will be hunger and countries unable to repay their debts.")
    assert claim_is_negative("Ukraine will be unable to retake Crimea.")


def test_a_month_ahead_of_which_polls_are_held_is_the_coming_one():
    ref = PDate(2022, 1, 27)
    assert _dates("The electoral season is well under way ahead of presidential polls in Kenya and Angola in August.",
                  ref) == [("in August", "2022-08", False)]
    assert _dates("President Ramaphosa has a long year ahead of him before a leadership election in December.",
                  ref) == [("in December", "2022-12", False)]
    assert _dates("Turnout was low in Kenya and Angola in August.", ref)[0][1] == "2021-08"


def test_a_possessive_date_names_an_event_not_a_deadline():
    assert _dates("The transition began long before last year's start of the operation.", PDate(2023, 3, 18)) == \
        [("last year", "2022", False)]
    assert _dates("It will be over before next year.", PDate(2023, 3, 18))[0][2] is True


def test_a_year_that_frames_a_day_of_the_same_sentence_gives_no_event_of_its_own(tmp_path: Path):
    path = tmp_path / "gdpnow.txt"
    path.write_text("GDPNow\n\nBy ForexLive\nDate: 2023-09-19\nURL: https://example.com/gdpnow\n\n"
                    "The model estimate for growth in the third quarter of 2023 is 4.9 percent on September 19, "
                    "unchanged from September 14 after rounding.\n")
    events = [c.fields["date"] for c in extract(read_articles(path), path.name) if c.kind == "event"]
    assert "2023" not in events and "2023-09-19" in events

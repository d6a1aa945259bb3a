"""Round 12 of issue 22 (a new user's defects): an event's title without its whole date phrase, a weekday named with a
day checked against it, a byline with a control character, the help text on HTML, and a bare weekday in a past-tense
narrative read in the week that narrative named; on sentences written for these tests."""

from __future__ import annotations

import re

import pytest

from tracker.cli.main import main
from tracker.domain.dates import PDate
from tracker.ingest.datefind import find_dates
from tracker.ingest.extract import extract
from tracker.ingest.reader import read_articles
from tracker.ingest.source import IngestError



def _candidates(tmp_path, date: str, body: str, byline: str = "By Jo Doe"):
    article = tmp_path / "a.md"
    article.write_text(f"# Notes\n\n{byline}\nDate: {date}\n\n{body}\n")
    return extract(read_articles(article), "a.md")


def _events(tmp_path, date: str, body: str) -> list[tuple[str, str]]:
    return [(c.fields["date"], c.fields["title"]) for c in _candidates(tmp_path, date, body) if c.kind == "event"]


# --- 1. an event's title loses the whole date phrase -----------------------------------------------------------

@pytest.mark.parametrize("date,sentence,title", [
    ("2025-03-01", "On March 15, 2025 the leaders met in Warsaw to discuss troop deployments.",
     "The leaders met in Warsaw to discuss troop deployments"),
    ("2025-03-01", "The election will be held on Thursday 8 May.", "The election will be held"),
    ("2025-03-01", "On March 15, 2025, the leaders met in Warsaw.", "The leaders met in Warsaw"),
    ("2022-12-28", "The U.S. stock and bond markets were closed on Monday, December 26, for Christmas Day.",
     "The U.S. stock and bond markets were closed for Christmas Day"),
    ("2022-05-01", "Not since before the decision of March 5, 2009, when the rate was halved, has the bank moved.",
     "Not since before the decision, when the rate was halved, has the bank moved"),
    ("2021-09-30", "Gunfire broke out around the palace on the morning of September 5 as the coup began.",
     "Gunfire broke out around the palace as the coup began"),
    ("2016-11-01", "Ohio was decided by about 120K votes in the contested 2004 election.",
     "Ohio was decided by about 120K votes in the contested election"),
    ("2022-09-19", "Economic outlook: Part of this week's meeting will see officials issue new projections.",
     "Economic outlook: Part of the meeting will see officials issue new projections"),
    ("2021-10-24", "GDP numbers from the USA and Canada come out on Thursday and Friday nights respectively.",
     "GDP numbers from the USA and Canada come out respectively"),
    ("2023-01-29", "The FOMC meets on Tuesday and Wednesday.", "The FOMC meets"),
    ("2017-12-11", "Today will be a very quiet start to the week.", "Today will be a very quiet start to the week"),
    ("2022-11-07", "My forecast for tomorrow is a 50-49 GOP edge in the senate.", "My forecast is a 50-49 GOP edge in the senate"),
    ("2022-12-26", "Yale Hirsch coined the term back in 1972.", "Yale Hirsch coined the term"),
])
def test_an_event_title_loses_the_whole_date_phrase(tmp_path, date, sentence, title):
    assert title in [t for _, t in _events(tmp_path, date, sentence)]


# --- 2. a weekday named with a day is checked -------------------------------------------------------------------

def test_a_weekday_picks_the_later_year_the_tense_allows(tmp_path):
    # 8 June 2026 is a Monday, 8 June 2027 a Tuesday: of the two years after the article, the one that matches
    assert _events(tmp_path, "2025-11-12", "The vote will take place on Tuesday 8 June.")[0][0] == "2027-06-08"
    # told in the past: of the two years before it (8 June 2024 is a Saturday)
    assert _events(tmp_path, "2025-11-12", "The summit was held on Saturday 8 June.")[0][0] == "2024-06-08"


def test_a_weekday_that_matches_no_year_the_tense_allows_is_flagged(tmp_path, capsys):
    # 8 June 2025 is a Sunday, but it is before the article and the sentence looks ahead: 2026 stays, and is flagged
    got = _candidates(tmp_path, "2025-11-12", "The vote will take place on Sunday 8 June.")
    event = next(c for c in got if c.kind == "event")
    assert event.fields["date"] == "2026-06-08" and "is a Monday" in event.fields["summary"]
    prediction = next(c for c in got if c.kind == "prediction")
    assert prediction.fields["resolve_by"] == "2026-06-08" and "is a Monday" in prediction.fields["horizon_note"]
    article = tmp_path / "a.md"
    article.write_text("# Vote ahead\n\nBy Jane Doe\nDate: 2025-11-12\n\nThe vote will take place on Thursday 8 June.\n")
    assert main(["--db", str(tmp_path / "db.json"), "ingest", str(article), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "event 2026-06-08" in out
    assert re.search(r"\n  ! \[body #1\] Thursday with '8 June': 8 Jun 2026 is a Monday", out)


def test_a_weekday_that_matches_is_no_flag():
    mention = find_dates("The election will be held on Thursday 8 May.", PDate(2025, 3, 1), "en")[0]
    assert mention.date == PDate(2025, 5, 8) and mention.mismatch == "" and "Thursday" not in mention.note


# --- 3. a byline with a control character ------------------------------------------------------------------------

@pytest.mark.parametrize("byline,author", [
    ("By Jane\x07 Doe", "Jane\x07 Doe"), ("\x07By Jane Doe", "Jane Doe"), ("By Jane Doe\x07", "Jane Doe"),
    ("By Jane\x07 Doe, Reuters", "Jane\x07 Doe"), ("By Jane Doe, Reuters", "Jane Doe"), ("By Jane Doe; Reuters", "Jane Doe"),
    ("By Jane Doe, a former ambassador to the region", "Jane Doe"), ("By Jane\x1b[31m Doe", "Jane\x1b[31m Doe"),
    ("By Jane\x07 Doe 2", "Jane\x07 Doe 2"),
])
def test_a_byline_with_a_control_character_or_an_outlet_is_read_with_the_date(tmp_path, byline, author):
    article = tmp_path / "a.md"
    article.write_text(f"Vote ahead\n{byline}\nDate: 2025-11-12\n\nThe vote will take place on 8 June 2026.\n")
    got = read_articles(article)[0]
    assert (got.author, got.published) == (author, PDate(2025, 11, 12))


def test_a_subtitle_before_the_date_line_does_not_hide_the_date(tmp_path):
    article = tmp_path / "a.md"
    article.write_text("Vote ahead\nWhat the spring vote means for the coalition\nBy Jane Doe\nDate: 2025-11-12\n\n"
                       "The vote will take place on 8 June 2026.\n")
    got = read_articles(article)[0]
    assert (got.author, got.published) == ("Jane Doe", PDate(2025, 11, 12))
    assert all("spring vote" not in p.text for p in got.paragraphs)
    article.write_text("Vote ahead\n\nThe vote will take place on 8 June 2026.\n")
    with pytest.raises(IngestError, match="has no date"):
        read_articles(article)


def test_a_control_character_in_a_byline_is_shown_escaped_and_kept_out_of_the_id(tmp_path, capsys):
    article = tmp_path / "a.md"
    article.write_text("Vote ahead\nBy Jane\x07Doe\nDate: 2025-11-12\n\nThe vote will take place on 8 June 2026.\n")
    assert main(["--db", str(tmp_path / "db.json"), "ingest", str(article), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "new article doe-2025-11-12-vote-ahead: Vote ahead — Jane\\x07Doe, 2025-11-12" in out
    assert "\x07" not in out


# --- 4. the help says what is read --------------------------------------------------------------------------------

def test_the_help_says_html_is_refused(tmp_path, capsys):
    with pytest.raises(SystemExit):
        main(["ingest", "--help"])
    out = " ".join(capsys.readouterr().out.split())
    assert "Markdown or HTML file" not in out and "HTML is refused" in out
    page = tmp_path / "a.html"
    page.write_text("<html><body><p>On 8 June the vote was held.</p></body></html>")
    with pytest.raises(IngestError, match="looks like HTML/XML.*save the article as text"):
        read_articles(page)


# --- 5. a bare weekday in a narrative ------------------------------------------------------------------------------

def test_a_weekday_in_a_past_narrative_is_in_the_week_it_named(tmp_path):
    body = ("The press release came out after markets closed on Wednesday, March 8.\n\n"
            "The result was a steep fall in the share price. Depositors caught on as well.\n\n"
            "Regulators closed the bank less than 48 hours after the Wednesday press release went out. "
            "On Sunday, regulators took over a second bank.")
    got = _events(tmp_path, "2023-05-15", body)
    assert [d for d, _ in got] == ["2023-03-08", "2023-03-10", "2023-03-12"]


def test_a_weekday_after_the_narrative_returns_to_the_present_is_the_articles_week(tmp_path):
    body = ("About two months ago (May 13, 2022), I published an article on the race.\n\n"
            "Well, that was putting it mildly. And he seems to have more issues.\n\n"
            "On Thursday, The Daily Beast reported that he has three more children.")
    assert ("2022-07-07", "The Daily Beast reported that he has three more children") in \
        _events(tmp_path, "2022-07-09", body) or "2022-07-07" in [d for d, _ in _events(tmp_path, "2022-07-09", body)]
    # a narrative of a week ago is the article's week already: nothing moves
    body = "The bank failed on Friday, May 12. Its shares had dropped on Wednesday."
    assert [d for d, _ in _events(tmp_path, "2023-05-15", body)] == ["2023-05-12", "2023-05-10"]

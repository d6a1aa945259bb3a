"""Round 9 of issue 22: schedules read by the grammar of their predicate ("X is to publish", "Y to speak",
"Z due", "will testify") and weekdays of a preview placed in the week it looks at, on sentences written
for these tests, not taken from the evaluation set."""

from __future__ import annotations

import pytest

from tracker.domain.dates import PDate
from tracker.ingest import schedules_en
from tracker.ingest.datefind import find_dates
from tracker.ingest.extract import extract
from tracker.ingest.predfind_en import find_calls
from tracker.ingest.reader import read_articles


def _candidates(tmp_path, title: str, date: str, body: str):
    article = tmp_path / "a.md"
    article.write_text(f"# {title}\n\nBy Jo Doe\nDate: {date}\n\n{body}\n")
    return extract(read_articles(article), "a.md")


def _events(tmp_path, title: str, date: str, body: str) -> list[tuple[str, str]]:
    return [(c.fields["date"], c.fields["title"]) for c in _candidates(tmp_path, title, date, body) if c.kind == "event"]


@pytest.mark.parametrize("clause", [
    "Norway is to publish its trade balance",
    "The central bank's minutes are to be released",
    "Governor Smith to speak in Oslo",
    "The Riksbank governor and two deputies to testify",
    "Payrolls are due out",
    "The auction is scheduled to close at noon",
    "Statistics Norway is expected to publish GDP figures",
    "Parliament will debate the budget",
])
def test_a_schedule_is_read_by_its_predicate(clause):
    assert schedules_en.is_schedule(clause)


@pytest.mark.parametrize("clause", [
    "Prices are expected to rise",       # a forecast, not a calendar act
    "The minutes were published",        # told in the past
    "Governor Smith spoke in Oslo",
    "Fed officials want to speak less",  # a finite verb before "to"
])
def test_no_schedule_without_a_schedule_predicate(clause):
    assert not schedules_en.is_schedule(clause)


def test_the_bare_present_is_a_schedule_only_when_the_text_looks_ahead():
    assert not schedules_en.is_schedule("The Norges Bank meets in the morning")
    assert schedules_en.is_schedule("The Norges Bank meets in the morning", ahead=True)


def test_two_scheduled_clauses_of_one_line_are_two_acts():
    assert schedules_en.clauses("Sweden is to publish retail sales, and the Riksbank is to release its minutes.") == \
        ["Sweden is to publish retail sales", "The Riksbank is to release its minutes"]


def test_schedules_under_a_day_heading_are_events_on_that_day_and_no_calls(tmp_path):
    body = ("Here is the coming week's calendar.\n\nTuesday, June 6\n\nNorway is to publish its trade balance.\n\n"
            "Denmark will mark Constitution Day, a holiday, so its markets will be closed.\n\n"
            "Wednesday, June 7\n\nSweden is to publish retail sales, and the Riksbank is to release its minutes.\n\n"
            "Finland: industrial output (April).\n\nGovernor Lind to speak at a banking conference.")
    got = _candidates(tmp_path, "Nordic calendar", "2023-06-05", body)
    events = sorted((c.fields["date"], c.fields["title"]) for c in got if c.kind == "event")
    assert ("2023-06-06", "Norway is to publish its trade balance") in events
    assert any(d == "2023-06-06" and t.startswith("Denmark will mark Constitution Day") for d, t in events)
    assert ("2023-06-07", "Sweden is to publish retail sales") in events
    assert ("2023-06-07", "The Riksbank is to release its minutes") in events
    assert ("2023-06-07", "Finland: industrial output (April)") in events
    assert ("2023-06-07", "Governor Lind to speak at a banking conference") in events
    assert [c for c in got if c.kind == "prediction"] == []  # a line of the calendar is no call


@pytest.mark.parametrize("sentence", [
    "Chair Jones will testify before the Senate Banking Committee.",
    "Japan will mark the Marine Day holiday, so markets there will be shut.",
])
def test_an_appearance_or_a_holiday_is_a_schedule_not_a_call(sentence):
    assert find_calls(sentence, "") == []


def test_a_preview_written_on_a_sunday_looks_at_the_coming_week(tmp_path):
    body = "Two central banks decide rates this week. The Norges Bank meets on Thursday. Inflation data follow on Friday."
    got = _events(tmp_path, "Markets this week", "2023-06-04", body)  # a Sunday
    assert ("2023-06-08", "The Norges Bank meets") in [(d, t[:21]) for d, t in got]
    assert any(d == "2023-06-09" for d, _ in got)


def test_a_week_named_by_its_number_is_that_week():
    assert str(schedules_en.coming_week("Markets – Calendar Week 23, 2023", "", PDate(2023, 6, 4))) == "2023-06-05"


def test_next_week_in_the_title_on_a_weekday_is_the_next_week():
    assert str(schedules_en.coming_week("Next week's economics", "", PDate(2023, 6, 2))) == "2023-06-05"
    assert str(schedules_en.coming_week("The week ahead", "", PDate(2023, 6, 5))) == "2023-06-05"
    assert schedules_en.coming_week("Why rates matter", "Rates rose last week.", PDate(2023, 6, 4)) is None


def test_a_weekday_with_a_schedule_predicate_is_the_coming_one():
    ref = PDate(2023, 6, 7)  # a Wednesday, in no preview
    mentions = find_dates("The Norges Bank decision is due on Monday.", ref, "en")
    assert str(schedules_en.ahead_of("The Norges Bank decision is due on Monday.", mentions, ref, None)[0].date.iso()) \
        == "2023-06-12"


def test_a_weekday_told_in_the_past_stays_in_a_preview():
    ref = PDate(2023, 6, 4)
    sentence = "On Friday, the futures market put the odds of a hike at 90%."
    moved = schedules_en.ahead_of(sentence, find_dates(sentence, ref, "en"), ref, schedules_en.coming_week(
        "The week ahead", "", ref))
    assert moved[0].date.iso() == "2023-06-02"


def test_an_occasion_named_with_its_date_is_an_event_in_a_hedged_sentence(tmp_path):
    body = ("Trade talks may be overshadowed by the row, an issue that will top the council's meeting on Thursday. "
            "The Norges Bank is expected to hold rates at its meeting this week.")
    got = _events(tmp_path, "Week ahead", "2023-06-05", body)
    assert "2023-06-08" in [d for d, _ in got]
    assert "2023-06" in [d for d, _ in got]


def test_a_remark_with_a_colon_is_no_calendar_line():
    assert schedules_en.labelled_item("Finland: industrial output (April).") == "Finland: industrial output (April)"
    assert schedules_en.labelled_item("Watch: NOK crosses.") is None


# --- fixed after heldout13's first run (benchmarks/ingest_eval_heldout13_first_run.txt) -------------------

def test_an_abbreviated_weekday_in_brackets_is_a_day():
    ref = PDate(2023, 6, 4)  # a Sunday
    (mention,) = find_dates("Norway's PMI (Wed) should rise.", ref, "en")
    assert mention.text == "(Wed)" and mention.date.day is not None
    moved = schedules_en.ahead_of("Norway's PMI (Wed) should rise.", [mention], ref,
                                  schedules_en.coming_week("The Week Ahead", "", ref))
    assert moved[0].date.iso() == "2023-06-07"


def test_a_preview_written_on_a_friday_takes_the_weekend_before_the_week():
    ref = PDate(2023, 6, 2)  # a Friday
    week = schedules_en.coming_week("Week Ahead", "", ref)
    sentence = "Two MPC members are due to speak, one on Saturday and one on Monday, and GDP is due on Friday."
    got = [m.date.iso() for m in schedules_en.ahead_of(sentence, find_dates(sentence, ref, "en"), ref, week)]
    assert got == ["2023-06-03", "2023-06-05", "2023-06-09"]


def test_a_participle_is_no_past_in_a_previews_opening():
    assert str(schedules_en.coming_week("Bank week", "This week opens with inflation data, followed by two rate "
                                        "decisions.", PDate(2023, 6, 4))) == "2023-06-05"


def test_lines_led_by_a_clock_time_under_a_bare_day_heading_are_that_days_events(tmp_path):
    body = ("This week opens with jobs data, followed by the Norges Bank.\n\nTuesday\n\n"
            "At 8:00 AM, wages are expected to rise 0.4% and unemployment is expected to stay at 3.6%.\n\n"
            "Thursday\n\nThe day opens with the Norges Bank decision.")
    got = _candidates(tmp_path, "Nordic week", "2023-06-04", body)  # a Sunday
    events = [(c.fields["date"], c.fields["title"]) for c in got if c.kind == "event"]
    assert ("2023-06-06", "Wages are expected to rise 0.4%") in events
    assert ("2023-06-06", "Unemployment is expected to stay at 3.6%") in events
    assert "2023-06-08" in [d for d, _ in events]
    assert [c for c in got if c.kind == "prediction"]  # a reading expected is still a call


def test_a_value_expected_is_no_schedule_but_an_appearance_is():
    assert not schedules_en.is_schedule("Jobless claims are expected to hold at 230k")
    assert schedules_en.is_schedule("Governor Lind will also make an appearance")


def test_an_appearance_on_a_weekday_is_an_event_beside_a_hedge(tmp_path):
    body = "Governor Lind will also make an appearance on Tuesday, so we could learn where she stands."
    assert "2023-06-06" in [d for d, _ in _events(tmp_path, "Week ahead", "2023-06-04", body)]


def test_a_race_named_with_its_date_is_an_occasion():
    from tracker.ingest.eventdates_en import names_an_occasion
    sentence = "I will say what is going to happen in the Senate races in November."
    (mention,) = find_dates(sentence, PDate(2016, 10, 3), "en")
    assert names_an_occasion(sentence, mention)


def test_next_week_is_the_month_of_the_week_after_the_article():
    (mention,) = find_dates("The vote comes next week.", PDate(2023, 6, 28), "en")
    assert mention.text == "next week" and mention.date.iso() == "2023-07"
    (mention,) = find_dates("Much is due in the week ahead.", PDate(2023, 6, 2), "en")
    assert mention.date.iso() == "2023-06"

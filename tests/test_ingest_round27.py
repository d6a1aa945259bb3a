"""Round 27 of issue 22 (after heldout33's first run), on sentences written for these tests, not taken from the
evaluation set."""

from __future__ import annotations

from ingest_helpers import claims, extract_article

# --- dates -----------------------------------------------------------------------------------------------------------

def test_the_articles_own_weekday_told_ahead_is_that_day(tmp_path):
    """Written on a Thursday, "will sign the accord on Thursday afternoon" was dated a week later (a schedule's
    predicate already read it as the day itself; other verbs did not)."""
    events, _ = extract_article(tmp_path, "Ministers will sign the accord on Thursday afternoon.", "2023-03-23")
    assert [d for d, _ in events] == ["2023-03-23"]
    events, _ = extract_article(tmp_path, "The strikers will march later on Monday.", "2021-06-07")
    assert [d for d, _ in events] == ["2021-06-07"]


def test_next_weekday_or_a_week_from_it_keeps_the_week(tmp_path):
    events, _ = extract_article(tmp_path, "Ministers will sign the accord next Thursday evening.", "2023-03-23")
    assert [d for d, _ in events] == ["2023-03-30"]
    events, _ = extract_article(tmp_path, "Ministers will sign the accord next Thursday.", "2023-03-23")
    assert [d for d, _ in events] == ["2023-03-30"]
    events, _ = extract_article(tmp_path, "Ministers will sign the accord a week from Thursday.", "2023-03-23")
    assert [d for d, _ in events] == ["2023-03-30"]


def test_a_month_a_past_verb_takes_as_its_object_is_that_month(tmp_path):
    """"a model that survived October" gave no date (a bare month is read only after "in", "last", "by"…)."""
    events, _ = extract_article(tmp_path, "The fund holds a strategy that weathered March without a loss.", "2020-05-10")
    assert [d for d, _ in events] == ["2020-03"]
    events, _ = extract_article(tmp_path, "Bank shares ended September sharply lower.", "2022-10-04")
    assert [d for d, _ in events] == ["2022-09"]


# --- calls -----------------------------------------------------------------------------------------------------------

def test_a_negated_expect_imperative_is_the_authors_negative_call():
    """"Expect X to Y" was read as a call, "Just don't expect X to Y" not at all."""
    from tracker.ingest.predfind_en import find_calls
    calls = find_calls("Just don't expect the governor to admit it.")
    assert [c.claim for c in calls] == ["The governor will not admit it."] and calls[0].negated
    assert claims("But do not look for the cartel to raise output before spring.") == \
        ["The cartel will not raise output before spring."]
    assert claims("Don't count on a ceasefire this winter.") == ["There will not be a ceasefire this winter."]


def test_a_negated_imperative_about_the_reader_is_no_call():
    assert claims("Don't expect me to vote for him.") == []


def test_my_gut_or_our_model_saying_so_is_the_authors_own_frame():
    """"My gut says that X might be raised" was credited to "My"; "my gut tells me X" gave "Me X"."""
    from tracker.ingest.predfind_en import find_calls
    calls = find_calls("My gut says that the dividend might be raised.")
    assert [(c.claim, c.forecaster) for c in calls] == [("The dividend will be raised.", "")]
    calls = find_calls("My instinct tells me the strike will end soon.")
    assert [(c.claim, c.forecaster) for c in calls] == [("The strike will end soon.", "")]


def test_a_person_of_the_authors_is_someone_else_named_by_the_phrase():
    from tracker.ingest.predfind_en import find_calls
    calls = find_calls("My colleague says the strike will end soon.")
    assert [c.forecaster for c in calls] == ["My colleague"]


def test_a_present_progressive_in_a_list_of_predictions_tells_now_not_a_call(tmp_path):
    """Items of a list of predictions in the bare present are calls; "X is becoming Y", "Most firms are waking up to
    Z" told beside them were made "X will be becoming Y"; a verb of coming or a time ahead still looks ahead."""
    body = ("Here are my predictions for 2024:\n\n"
            "1. Quantum computing goes mainstream. Chipmakers are becoming the new oil majors. "
            "Most banks are quietly waking up to the threat.\n\n"
            "2. A wave of mergers is coming in Q2 2024.")
    _, calls = extract_article(tmp_path, body, "2023-12-30")
    assert "Quantum computing will go mainstream." in calls
    assert not [c for c in calls if "becoming" in c or "waking" in c]
    assert [c for c in calls if c.startswith("A wave of mergers will be coming")]


def test_what_the_writers_will_do_with_their_game_or_text_is_no_call():
    """"We will give ourselves more points…", "We will then decide a winner after the ceremony", "(Certainly) can't let
    that happen again" were proposed as calls; "We will see a recession" stays one."""
    assert claims("We will award ourselves two points for each correct upset.") == []
    assert claims("We will then decide the winner of our contest after the final.") == []
    assert claims("We'll keep you posted as results come in.") == []
    assert claims("Surely can't let that happen twice.") == []
    assert claims("We will see a recession in 2024.") == ["We will see a recession in 2024."]


def test_a_modal_on_a_verb_of_foreseeing_is_the_subjects_expectation_not_the_authors_call():
    """"The market may anticipate a big drop…; however, I expect that X will Y" proposed "The market will anticipate a big
    drop" as the author's call; the author's own call after it stays."""
    from tracker.ingest.predfind_en import find_calls
    calls = find_calls("Traders may anticipate a sharp fall in orders; however, I expect that demand will hold up.")
    assert [(c.claim, c.forecaster) for c in calls] == [("Demand will hold up.", "")]
    calls = find_calls("Some investors might expect that the bank will cut in June.")
    assert [c.forecaster for c in calls] == ["investors"]


def test_today_as_at_present_beside_a_figure_ahead_is_no_date(tmp_path):
    """"The user base will grow to 50M from 10M today" was an event of the article's day; "Stocks fell 2% today"
    keeps its day."""
    events, _ = extract_article(tmp_path, "Subscriptions will climb to 8 million from 3 million today. Output will be "
                                          "far higher than today.", "2023-01-05")
    assert events == []
    events, _ = extract_article(tmp_path, "Shares fell 2% today.", "2023-01-05")
    assert [d for d, _ in events] == ["2023-01-05"]


def test_the_authors_doubt_that_he_can_picture_it_is_his_negative_call():
    """"I can't see the Fed cutting this year" gave no call (only "I see X V-ing" was read)."""
    from tracker.ingest.predfind_en import find_calls
    calls = find_calls("I can't see the union accepting this offer.")
    assert [c.claim for c in calls] == ["The union will not accept this offer."] and calls[0].negated
    assert claims("We don't see the central bank raising rates before autumn.") == \
        ["The central bank will not raise rates before autumn."]
    assert claims("I can't see it happening.") == []


def test_a_chance_of_a_noun_phrase_says_whether_it_will_come():
    """"There is little chance of a deal before May" gave no call; "a good chance of rain" gave "Of rain."."""
    from tracker.ingest.predfind_en import find_calls
    low = find_calls("There is little chance of a ceasefire before the spring.")
    assert [c.claim for c in low] == ["There will not be a ceasefire before the spring."] and low[0].negated
    assert claims("There's a strong chance of a rebound in exports next quarter.") == \
        ["There will be a rebound in exports next quarter."]


def test_only_a_matter_of_time_and_a_hunch_are_the_authors_calls():
    """"It is only a matter of time before X", "I have a hunch X" (no "that", a bare present) gave no call."""
    assert claims("It is only a matter of time before the housing bubble bursts.") == ["The housing bubble will burst."]
    assert claims("I have a hunch the merger falls apart.") == ["The merger will fall apart."]
    assert claims("I have a sense of humour about these things.") == []


def test_a_name_or_an_infinitive_backed_is_worded_as_what_will_happen():
    """"My money is on Alcaraz" gave "There will be Alcaraz."; "Bet on gold to outperform" "There will be gold to…"."""
    assert claims("My money is on Sinner.") == ["Sinner will win."]
    assert claims("Bet on silver to outperform.") == ["Silver will outperform."]
    assert claims("Count on more layoffs in 2023.") == ["There will be more layoffs in 2023."]


def test_a_gerund_said_the_other_way_and_a_frame_left_out_of_the_claim():
    """"It's hard to see Beijing backing down" gave "Beijing will not backing down."; "It's a safe bet that X will" and
    "It looks like X will" kept their frame in the claim."""
    assert claims("It's hard to see the regime backing down.") == ["The regime will not back down."]
    assert claims("It's a safe bet that turnout will be high.") == ["Turnout will be high."]
    assert claims("It looks like the strike will drag on.") == ["The strike will drag on."]


def test_the_start_or_end_of_the_month_is_the_articles_month_or_the_one_the_text_named(tmp_path):
    """"agreed at the start of the month", "Earlier in the week" gave no date."""
    events, _ = extract_article(tmp_path, "The cartel agreed at the start of the month to raise output.", "2022-06-16")
    assert [d for d, _ in events] == ["2022-06"]
    events, _ = extract_article(tmp_path, "Earlier in the week, the governor warned of a recession.", "2022-06-16")
    assert [d for d, _ in events] == ["2022-06"]
    events, _ = extract_article(tmp_path, "The bank failed on 3 March 2020. At the end of the month, its rival followed.",
                                "2022-06-16")
    assert [d for d, _ in events] == ["2020-03-03", "2020-03"]


def test_a_list_of_months_gives_each_month(tmp_path):
    """"cut rates in both March and April" gave no date; "in March and April 2021" dated March by the tense."""
    events, _ = extract_article(tmp_path, "The bank cut rates in both March and April.", "2022-06-16")
    assert sorted(d for d, _ in events) == ["2022-03", "2022-04"]
    events, _ = extract_article(tmp_path, "Cases surged in March and April 2021.", "2022-06-16")
    assert sorted(d for d, _ in events) == ["2021-03", "2021-04"]


def test_the_year_a_record_is_measured_back_to_stays_an_event(tmp_path):
    """The set annotates "the fastest quarterly growth since early 2021" (heldout10) as an event of that year, so a rule
    that left "the highest since 1981" out was tried and dropped: the year stays an event beside the sentence's own."""
    events, _ = extract_article(tmp_path, "Prices rose 8.6% in May, the fastest pace since 1981.", "2022-06-16")
    assert sorted(d for d, _ in events) == ["1981", "2022-05"]


def test_a_year_joined_by_a_hyphen_to_early_mid_late_is_that_year(tmp_path):
    """"The economy reopened in mid-2021" gave no date ("in mid 2021" and "in early 2021" did)."""
    events, _ = extract_article(tmp_path, "The economy reopened in mid-2021.", "2022-10-14")
    assert [d for d, _ in events] == ["2021"]
    events, _ = extract_article(tmp_path, "Prices peaked in late-2019 and fell.", "2022-10-14")
    assert [d for d, _ in events] == ["2019"]


def test_the_nth_weekday_of_a_month_is_that_day(tmp_path):
    """"on the last Sunday of September" was two wrong dates (a Sunday near the article, and September)."""
    events, _ = extract_article(tmp_path, "The referendum took place on the last Sunday of September.", "2022-10-14")
    assert [d for d, _ in events] == ["2022-09-25"]
    events, _ = extract_article(tmp_path, "Voters will go to the polls on the first Tuesday in November 2026.",
                                "2026-06-01")
    assert [d for d, _ in events] == ["2026-11-03"]


def test_odds_put_low_or_against_are_a_negative_call_not_a_claim_said_the_other_way():
    """"Chances are slim that X" gave the positive claim "Slim that X…", "Odds are against X" "Against X."."""
    from tracker.ingest.predfind_en import find_calls
    calls = find_calls("Chances are slim that the minister survives the vote.")
    assert [c.claim for c in calls] == ["The minister will not survive the vote."] and calls[0].negated
    calls = find_calls("The odds are against a breakthrough at the talks.")
    assert [c.claim for c in calls] == ["There will not be a breakthrough at the talks."] and calls[0].negated
    assert claims("The odds favour a narrow Conservative win.") == ["There will be a narrow Conservative win."]
    assert claims("The odds are against him.") == []
    assert claims("Chances are that yields stay high.") == ["Yields will stay high."]


def test_signs_trends_and_bets_worded_as_calls():
    """Each gave no call."""
    assert claims("All signs point to a rate hike in July.") == ["There will be a rate hike in July."]
    assert claims("This shift to streaming is here to stay.") == ["This shift to streaming will stay."]
    assert claims("The worst is yet to come.") == ["The worst will come."]
    assert claims("Mortgage rates are headed higher.") == ["Mortgage rates will go higher."]
    from tracker.ingest.predfind_en import find_calls
    calls = find_calls("I see no reason why the bank would stop buying bonds.")
    assert [c.claim for c in calls] == ["The bank will not stop buying bonds."] and calls[0].negated
    assert claims("We're betting that the cartel blinks first.") == ["The cartel will blink first."]
    assert claims("I wouldn't bet against Swiatek.") == ["Swiatek will win."]
    assert claims("Don't rule out a snap election.") == ["There will be a snap election."]
    assert claims("There's a real risk that the talks collapse.") == ["The talks will collapse."]


def test_a_title_cased_line_is_no_trend_call():
    """A quoted headline ("Remote Work Is Here to Stay") is read as a headline, not as the author's call."""
    assert claims("Remote Work Is Here to Stay") == []


def test_a_list_item_whose_noun_ends_in_ed_takes_the_tense_before_it(tmp_path):
    """"The ECB meets on 27 October and the Fed on 2 November" dated the Fed's meeting a year back ("Fed" read as a
    verb in the past, the item's own)."""
    events, _ = extract_article(tmp_path, "The ECB meets on 27 October and the Fed on 2 November.", "2022-10-10")
    assert sorted(d for d, _ in events) == ["2022-10-27", "2022-11-02"]


def test_a_holiday_is_the_day_it_falls_on_in_the_year_the_tense_gives(tmp_path):
    """"on Christmas Day", "on New Year's Eve", "On Election Day", "a strong Black Friday" gave no date."""
    events, _ = extract_article(tmp_path, "Markets will be closed on Christmas Day.", "2022-12-20")
    assert [d for d, _ in events] == ["2022-12-25"]
    events, _ = extract_article(tmp_path, "The talks collapsed on New Year's Eve.", "2023-01-05")
    assert [d for d, _ in events] == ["2022-12-31"]
    events, _ = extract_article(tmp_path, "On Election Day, turnout was high in the suburbs.", "2022-11-10")
    assert [d for d, _ in events] == ["2022-11-08"]
    events, _ = extract_article(tmp_path, "Retailers had a strong Black Friday.", "2022-11-28")
    assert events == [("2022-11-25", "Retailers had a strong Black Friday")]
    events, _ = extract_article(tmp_path, "Churches were full on Easter Sunday.", "2023-04-20")
    assert [d for d, _ in events] == ["2023-04-09"]


def test_a_narratives_next_morning_or_same_day_is_counted_from_the_day_named_last(tmp_path):
    """"The next morning", "That same day", "Later that day", "That evening" gave no date."""
    events, _ = extract_article(tmp_path, "The vote was held on 4 September. The next morning, the president conceded.",
                                "2022-10-10")
    assert sorted(d for d, _ in events) == ["2022-09-04", "2022-09-05"]
    events, _ = extract_article(tmp_path, "The bank collapsed on 10 March. That same day, regulators took control of it.",
                                "2022-10-10")
    assert [d for d, _ in events] == ["2022-03-10", "2022-03-10"]
    events, _ = extract_article(tmp_path, "That evening, police arrived.", "2022-10-10")
    assert events == []  # no day named before: no date


def test_each_of_a_list_of_months_and_mid_month(tmp_path):
    """"in each of June, July and September" dated June alone; "Mid-month," gave no date."""
    events, _ = extract_article(tmp_path, "The bank raised rates in each of June, July and September.", "2022-10-10")
    assert sorted(d for d, _ in events) == ["2022-06", "2022-07", "2022-09"]
    events, _ = extract_article(tmp_path, "Mid-month, the yen slid past 150.", "2022-10-25")
    assert [d for d, _ in events] == ["2022-10"]


def test_a_chance_of_v_ing_a_doubt_and_nobody_should_expect():
    """"X has little chance of V-ing", "I am not convinced X will V", "Nobody should expect X" gave no call."""
    from tracker.ingest.predfind_en import find_calls
    calls = find_calls("The reform has little chance of passing the Senate.")
    assert [c.claim for c in calls] == ["The reform will not pass the Senate."] and calls[0].negated
    assert claims("Lula stands a good chance of winning the runoff.") == ["Lula will win the runoff."]
    calls = find_calls("I am not convinced the recovery will last.")
    assert [c.claim for c in calls] == ["The recovery will not last."] and calls[0].negated
    calls = find_calls("Nobody should expect a quick settlement.")
    assert [c.claim for c in calls] == ["There will not be a quick settlement."] and calls[0].negated


def test_a_figures_period_is_past_unless_a_forecast_puts_it_ahead():
    """Merging rounds 25 and 27: "so-called" no longer told a past (round 25's hyphen rule), and "is helping" then put
    "the year through September" of a November article a year ahead; a figure's period is told once it is over."""
    from tracker.domain.dates import PDate
    from tracker.ingest.datefind import find_dates

    def dated(text):
        return [f.date.iso() for f in find_dates(text, PDate(2022, 11, 2), "en")]

    assert dated("The so-called spiral is helping to keep inflation high, up 8.2% in the year through September.") \
        == ["2022-09"]
    assert dated("Prices will rise 5% in the 12 months to March.") == ["2023-03"]
    assert dated("Inflation is expected to reach 4% in the year to March.") == ["2023-03"]

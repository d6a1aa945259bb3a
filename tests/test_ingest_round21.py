"""Round 21 of issue 22 (after heldout27's first run): a guess at the past told with a modal perfect, an appraisal of
the past, someone's past expectation and an invitation to the reader are no calls; a likelihood that grows "more and
more" is a call; a headline after a short label and a colon is the author's call; on sentences written for these
tests, not taken from the evaluation set."""

from __future__ import annotations

from tracker.ingest.extract import title_calls

from ingest_helpers import claims
from ingest_helpers import extract_article


# --- the past, guessed at or appraised: no call ---------------------------------------------------------------------

def test_a_modal_perfect_is_a_guess_at_the_past():
    """"X might have been Y", "he could have felt that…": the past guessed at, not "X will have been Y"."""
    assert claims("Looking back, the delay might have been linked to the audit, since the mayor could have felt that "
                  "the auditor would decide the matter.") == []
    assert claims("The minister may have known about the leak.") == []


def test_have_with_a_noun_is_still_a_call():
    """"could have serious consequences": "have" is the verb, no past participle follows."""
    assert claims("The storm could have serious consequences for the harvest.") == \
        ["The storm will have serious consequences for the harvest."]


def test_an_appraisal_of_the_past_is_no_call():
    """"It's unlikely that X would have sat back": not "X will not have sat back"."""
    assert claims("Moreover, it's unlikely that the board would have stood aside and let the sale go ahead.") == []
    assert claims("It's likely that the committee would have approved it anyway.") == []


def test_someones_past_expectation_is_no_call():
    assert claims("The union expected that it could win the dispute through talks alone.") == []
    assert claims("Investors hoped the bank would cut rates, but it did not.") == []
    # a passive "is expected to" stays the author's call, and the clause after it too
    assert claims("Retail sales are expected to rise in May, which could lift the currency.") == \
        ["Retail sales will rise in May.", "This will lift the currency."]


def test_an_invitation_to_the_reader_and_what_the_text_will_do_are_no_calls():
    assert claims("Curious readers can go through the earlier report to learn more, while the present one will focus "
                  "on the budget.") == []
    assert claims("You can read the full statement here.") == []


# --- a likelihood that grows ----------------------------------------------------------------------------------------

def test_more_and_more_plausible_is_a_call():
    assert claims("A long strike at the port looks more and more plausible.") == ["There will be a long strike at the port."]
    assert claims("A snap election seems increasingly plausible.") != []


# --- headlines --------------------------------------------------------------------------------------------------------

def test_a_headline_after_a_label_and_a_colon_is_read():
    found = title_calls("Smith To French Radio: The New Treaty Will Reshape The Region")
    assert [c.claim for c in found] == ["The New Treaty Will Reshape The Region."]
    assert [c.claim for c in title_calls("Analysis: the ceasefire will not hold")] == ["The ceasefire will not hold."]


def test_a_colon_after_a_clause_or_a_long_label_is_not_a_label():
    assert title_calls("Markets are calm: the Fed will hold") == []
    assert title_calls("Week Ahead: What to Expect From the Central Banks") == []


def test_a_labelled_headline_in_an_article(tmp_path):
    path = tmp_path / "a.md"
    path.write_text("# Jones To Local Media: The Bridge Will Open Late\n\nBy Jo Doe\nDate: 2023-05-02\n\n"
                    "The works went on through the winter.\n")
    from tracker.ingest.extract import extract
    from tracker.ingest.reader import read_articles
    found = [c.fields["claim"] for c in extract(read_articles(path), "a.md") if c.kind == "prediction"]
    assert found == ["The Bridge Will Open Late."]
    assert extract_article(tmp_path, "Looking back, the plan might have been doomed from the start.", "2023-05-02")[1] == []


# --- what reports say -------------------------------------------------------------------------------------------------

def test_will_reportedly_is_the_reports_not_the_authors():
    assert claims("Senior officials will reportedly meet on Friday to discuss the crisis.") == []
    # a call of the author's in the same sentence keeps the sentence as it is
    assert claims("The firm will reportedly cut 500 jobs, but its shares will likely rise.") != []

"""Round 32 of issue 22 (after heldout38's first run): a clause said to be doubtful ("whether X gets Y is hugely
doubtful": X will not get Y); "would" with a hedge and no condition; "it's true that" no part of the claim; "not only
A, but it will also B" one call; no call of the generic "one", of an ability told as evidence seen, nor of what the
text will do to itself; "So far" kept whole; "X remains very likely" read as a call. On sentences written for these
tests, not taken from the evaluation set."""

from __future__ import annotations

from ingest_helpers import claims, extract_article

from tracker.ingest.leadlists_en import find_calls


def _claims(sentence: str) -> list[str]:
    """The claims of the whole reader (the round-28 list reader, what notcalls_en leaves out)."""
    return [c.claim for c in find_calls(sentence)]


def test_a_clause_said_to_be_doubtful_will_not_happen():
    """"Whether X gets Y is doubtful" gave no call, "It is doubtful that X will V" the claim said the positive way."""
    assert claims("But whether the coalition wins the support of the smaller parties is highly doubtful.") == \
        ["The coalition will not win the support of the smaller parties."]
    assert claims("It is doubtful that the ceasefire will hold.") == ["The ceasefire will not hold."]
    assert claims("It's doubtful whether the talks will resume this year.") == ["The talks will not resume this year."]
    assert claims("Whether the junta will step down remains in doubt.") == ["The junta will not step down."]
    assert claims("It is questionable whether the treaty survives the vote.") == ["The treaty will not survive the vote."]
    assert find_calls("It is doubtful that the ceasefire will hold.")[0].negated
    # a clause only said to be unclear is no call
    assert claims("Whether the talks resume this year is unclear.") == []


def test_a_doubtful_clause_keeps_its_direction_in_an_article(tmp_path):
    """The call's offsets are those of the reworded text: its direction is checked on the whole sentence (it was
    flagged and left out)."""
    _, predictions = extract_article(tmp_path, "The bloc threatened force. But whether it gets the backing of its "
                                                "members is hugely doubtful.", "2023-08-10")
    assert predictions == ["It will not get the backing of its members."]


def test_would_with_a_hedge_and_no_condition_is_a_call():
    """"X would likely V" with no "if" gave no call; the concession frame "it's true that" is no part of the claim."""
    assert claims("As for the cost, it's true that the taxpayers would likely be left to foot the bill.") == \
        ["The taxpayers will be left to foot the bill."]
    assert claims("The bank would probably raise rates again.") == ["The bank will raise rates again."]
    assert claims("It is true that rates will probably rise.") == ["Rates will rise."]
    # left as they were: told by someone, a past not come, a bare "would" with no condition
    assert claims("He said the bank would probably raise rates again.") == []
    assert claims("The bank would likely have raised rates.") == []
    assert claims("The bank would raise rates.") == []


def test_a_present_verb_negated_in_its_base_form():
    """"It is unlikely that the deal survives" gave "The deal will not surviv." (the "-es" cut off "survives")."""
    assert claims("It is unlikely that the deal survives.") == ["The deal will not survive."]
    assert claims("It's unlikely that the bill passes.") == ["The bill will not pass."]
    assert claims("It's unlikely that the Fed cuts in June.") == ["The Fed will not cut in June."]


def test_not_only_but_also_is_one_call():
    """", but it will also" cut the sentence into two calls, the second proposed as the same call again."""
    assert _claims("The strike will not only delay the harvest, but it will also push up bread prices.") == \
        ["The strike will delay the harvest, and it will also push up bread prices."]
    assert _claims("The strike will delay the harvest, but it will not push up bread prices.") == \
        ["The strike will delay the harvest.", "It will not push up bread prices."]


def test_no_call_of_the_generic_one():
    """"a country that one may struggle to find on a map" gave "… one will struggle to find…"."""
    assert _claims("It is a country that one may struggle to find on a map.") == []
    assert _claims("One might argue that the reform will fail.") == []
    assert _claims("One of the two parties will win the seat.") == ["One of the two parties will win the seat."]
    assert _claims("No one can stop the reform now.") == []


def test_no_call_of_an_ability_told_as_evidence():
    """"So far we have seen little evidence of factions that could oppose the junta" gave "Far we have seen … that
    will effectively oppose the junta." (and "So far" lost its "So")."""
    assert _claims("So far we have seen little evidence of rebels that could threaten the capital.") == []
    assert _claims("There is no sign of a rival who could challenge the president.") == []
    assert claims("So far the central bank will hold rates.") == ["So far the central bank will hold rates."]


def test_no_call_of_what_the_text_will_do_to_itself():
    """"…, after which a few remarks on the global context will conclude this analysis" was proposed as a call."""
    assert _claims("His points are listed below, after which a few remarks will conclude this analysis.") == []
    assert _claims("The summit will conclude the negotiations.") == ["The summit will conclude the negotiations."]


def test_a_noun_phrase_that_remains_very_likely():
    """"X remains very likely in Niger" gave "X remains very in Niger" ("likely" cut, "very" left)."""
    assert claims("Unrest remains very likely in the capital over the coming weeks.") == \
        ["Unrest will happen in the capital over the coming weeks."]
    assert claims("A deal looks quite likely this year.") == ["A deal will happen this year."]
    assert claims("A recession remains likely.") == ["A recession will happen."]


def test_recently_is_no_date(tmp_path):
    """"Mali and Burkina Faso, which recently succumbed to coups, …" was an event of the article's month."""
    events, _ = extract_article(tmp_path, "Two neighbours, which recently succumbed to coups of their own, pledged to "
                                          "defend the junta. The bloc met on Thursday.", "2023-08-16")
    assert events == [("2023-08-10", "The bloc met")]

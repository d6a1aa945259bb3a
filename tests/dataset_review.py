"""What a reviewer looked at in predictions.json and decided (tests/test_dataset.py checks the file against it).

Every list here is a judgement made by reading the seed in Japanese; a test fails when the file
holds a case nobody has judged yet (a new look-alike pair, a new announcement attributed to the
author, a new exclusive pair without a reason), so each such case is looked at once and recorded.
"""

from __future__ import annotations

# Quotes that report what someone else announced or scheduled: the record is that someone's forecast,
# tracked under their name and never counted in the article author's score.
ANNOUNCED = {
    "russia-pakistan-freight-train-launches-2025-03-15": "Pakistan Railways (Sufiyan Sarfraz Dogar)",
    "polish-presidential-election-held-may-2025": "Polish election calendar",
}

# Words in a quote that mark a report of someone else's announcement, schedule or report.
ANNOUNCEMENT_MARKERS = ("発表", "予定", "によると", "によれば", "報じ", "according to", "announced", "scheduled")

# Quotes with such a marker that are nevertheless the author's own call, and why. (None today.)
OWN_CALLS_DESPITE_MARKER: dict[str, str] = {}

# Pairs of predictions from one article that look alike (the same quote sentence, or claims with much
# the same words): each was looked at; the verdict says why they are two claims.
LOOKED_AT_PAIRS = {
    frozenset({"trump-does-not-withdraw-all-us-troops-from-cee", "trump-keeps-nato-article-5"}):
        "two claims in one sentence (troops out of Central and Eastern Europe; Article 5): either can "
        "happen without the other",
    frozenset({"mali-tuareg-conflict-prolonged", "sahel-wide-destabilisation"}):
        "two claims in one sentence: the conflict in Mali lasting, instability spreading beyond Mali",
    frozenset({"baltics-provoke-conflict-with-russia-expecting-us-help",
               "trump-tells-baltics-no-us-support-if-they-provoke-conflict"}):
        "different actors: the Baltic states starting a conflict, Trump saying the US would not back them",
    frozenset({"baltics-provoke-conflict-with-russia-expecting-us-help", "us-withdraws-troops-from-baltics"}):
        "different actors and acts: the Baltics provoking Russia, the US pulling its troops out",
    frozenset({"pakistan-abandons-russia-route-via-iran", "russia-pakistan-trade-relies-on-iran-route"}):
        "opposite outcomes, not one claim: listed in EXCLUSIVE with their horizons",
    frozenset({"pakistan-seeks-afghan-route-if-iran-route-lost", "russia-pakistan-trade-relies-on-iran-route"}):
        "the Afghan-route claim is conditional on losing the Iran route; the other says the Iran route "
        "stays in use for now",
    frozenset({"po-presidential-win-weakens-poland-us-ties", "poland-us-relations-deepen"}):
        "opposite outcomes (one conditional on a PO win): listed in EXCLUSIVE",
    frozenset({"eucom-hq-moves-to-poland", "eucom-hq-not-moved-to-poland"}):
        "one record renamed (issue 19): the old id said the opposite of its negated claim and ids cannot "
        "change, so it is void as renamed (not judged) and the record continues under the new id",
    frozenset({"trump-does-not-withdraw-all-us-troops-from-cee", "us-keeps-troops-in-poland"}):
        "different scope: all US troops out of the whole region, or out of Poland; the first can hold "
        "while troops leave Poland",
}

# Claims that cannot both come true: their probabilities must be coherent (sum <= 1 at equal
# horizons); where the horizons differ, the reason says why that is the text's reading.
EXCLUSIVE = {
    frozenset({"russia-pakistan-trade-relies-on-iran-route", "pakistan-abandons-russia-route-via-iran"}):
        "【要点】 separates them: 当面はイラン経由に依存せざるを得ないが、長期的にはリスクが大きい (relying on the "
        "Iran route for now, a risk in the long run): reliance by 2025-12, abandonment by the end of Trump's "
        "term (2029-01)",
    frozenset({"poland-us-relations-deepen", "po-presidential-win-weakens-poland-us-ties"}): "",
}

# Records taken out of the file: merged ones name the survivor and the hedge the merged one had
# (kept as the survivor's alt_hedge); removed ones say why.
MERGED: dict[str, tuple[str, str]] = {}
REMOVED = {
    "us-withholds-support-if-baltics-start-conflict":
        "once merged into trump-tells-baltics-no-us-support-if-they-provoke-conflict with its 可能性が高い as "
        "alt_hedge; issue 19 found it a different, conditional forecast (what the US would do if a Baltic "
        "state started a conflict) that only 【要点】 states, compressing the fuller sections' 'Trump may tell "
        "them': the summariser's wording, not the author's own call, so neither merged nor recorded",
    "duda-conservatives-favoured-to-regain-power":
        "the text says only that a situation favourable to the conservatives' bid to regain power may "
        "arise (有利な状況が生まれるかもしれない), depending on developments; it names no observable test, and "
        "the election result it used to be judged by is not what was said",
}

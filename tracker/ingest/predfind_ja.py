"""Japanese forecasts: a hedge from the table at the end of a clause, and the clause it closes.

A hedge counts only where it ends a clause (可能性が高い。/ 可能性があり、/ 予想されるが、),
optionally followed by a frame (…と考えられる, …と予測している) that says who thinks so.
A clause whose verb is past or progressive (強めた可能性, している可能性) is a reading of
what happened, not a forecast, and is skipped; so is "これは…可能性があるとみられる" (what a fact
just reported means), an outcome too vague to score (影響を与える, 構造を変える), and a
"Xかどうかは不透明であり、Y…" clause when Y, the call it premises, follows in the sentence.
The claim is the clause without connective, condition, attribution and hedge; a hedge below
even chance gives the negated claim.
"""

from __future__ import annotations

import re

from tracker.domain.hedges import HEDGES, lookup
from tracker.ingest.hedgespan import Call

_PHRASES = sorted((h.phrase for h in HEDGES.values() if h.language == "ja"), key=len, reverse=True)
_HEDGE = re.compile("|".join(map(re.escape, _PHRASES)))
# What may follow a hedge inside its clause: a copula, a frame naming who thinks so, a conjunction.
_FRAME = (r"(?:と(?:考えられる|考えられている|考えている|みられる|見られる|みている|されている|される|予想される|"
          r"予想されている|予想している|予測している|予測される|指摘されている|いう見解を示している|述べた|"
          r"述べている|発表した|報じている|報じた|警告している|主張している|示唆している)"
          r"|との見方(?:が(?:多い|強い|ある|広がっている))?)")
_TAIL = re.compile(r"^(?:である|であり|であろう|だ|です|でしょう|であるが)?(?:" + _FRAME + r")?"
                   r"(?:が|けれども|ものの|し)?\s*(?:[、。！？]|$)")
# Phrases too common to be a hedge on their own: only in these surroundings.
_GUARDS = {
    "可能性": re.compile(r"^[がも]?指摘"),
    "予想": re.compile(r"^(?:して|する|され)"),
    "予測": re.compile(r"^(?:して|する|され)"),
    "予定": re.compile(r"^(?:だ|で|さ|し|。|$)"),
    "確実": re.compile(r"^(?!で(?:は)?な|ではな|とは言え)"),
    "見込み": re.compile(r"^(?:だ|で|が|。|$)"),
}
_BEFORE_GUARDS = {"得る": re.compile(r"(?:なり|あり|し|起こり|生じ|起き|変わり)$")}
_NOT_FORECAST = re.compile(r"(?:た|だ|ていた|ている|ておる|てきた|であった|していた)(?:こと|の)?[はがもを]?$")
_ADVERB = re.compile(r"おそらく|恐らく|たぶん|多分")
_CONNECTIVE = re.compile(r"^(?:[・\-*⇨→]|最善のシナリオとしては|[^、。:：「」]{1,30}[:：]|\d+[.．、]|しかし|また|特に|さらに|一方|むしろ|このため|したがって|ただし|"
                         r"とはいえ|結論として|現実的には|現在の状況では|その結果|これにより|つまり|なお|そして|"
                         r"ただ|とりわけ|結果として|将来的に|(?:今後の)?展開次第では|[^、。]{1,40}?(?:を考慮すると|を踏まえると|背景のもと|"
                         r"が高まる中|が進む中|が続く中))[、,\s]*")
_CONDITION = re.compile(r"^(?P<cond>(?:もし|仮に)?.{1,80}?(?:場合(?:に(?:は)?)?|(?<=[れけせてめえべねげ])ば|なら(?:ば)?|"
                        r"たら|(?<=仮に).{0,60}?(?:ても|としても)))[、,]\s*")
_ANAPHORIC = re.compile(r"^(?:そうなれば|そうなった場合|これが実現すれば|その場合|そうすれば)$")
_ATTRIBUTION = re.compile(r"^(?P<who>[^、。「」]{1,60}?)(?:によると|によれば)[、,]?\s*")
_REPORTED = re.compile(r"^(?P<who>[^、。「」]{1,60}?)は[、,]?\s*(?P<rest>.*)と(?:発表|述べ|語っ|主張|報じ|警告|"
                       r"明らかにし|指摘し)")
_AUTHOR = re.compile(r"^(?:[A-Za-z][\w.\- ]*氏|筆者|著者)は[、,]?\s*")
_STATIVE = re.compile(r"(?:ある|いる|おり|である|一環|一因|狙い|ため|もの|意図はない)$")
_FRAMES = ("と考えられる", "考えられる", "とみられる")
_VERB_END = re.compile(r"[うくすつぬふむゆるぐずぶぷ]$|ない$")
_ANAPHOR = re.compile(r"(?<=ており)、|(?<=示唆し)、|、(?=これ[はがにを]|この[^、]{1,10}[はが])")
_SEEN_BY = re.compile(r"^(?P<who>[^、。]{1,20})では[、,]\s*")
_WISH = re.compile(r"こと(?:が望ましい|である)が、")
# An outcome no one could check: "will have an influence", "will become clearer", "will be questioned".
_VAGUE = re.compile(r"(?:影響を(?:与える|及ぼす|もたらす)|影響が(?:出る|及ぶ|予想される)|明確になる|選択肢となる|"
                    r"構図が形成される|(?:構造|構図|勢力図|力学)を(?:変える|変化させる|塗り替える)|(?:が|も)?問われる|疑問視される|波及する影響|注目される|議論を呼ぶ)$")
# "これは/これらは…": the author's reading of what the sentence before reported, not a forecast.
_READS_THE_LAST = re.compile(r"^(?:これ|これら|それ|それら)は[、,]?")
# "Whether X is unclear": open, unless nothing else in the sentence answers it.
_OPEN_QUESTION = re.compile(r"(?:かどうか|か)$")
_TRAILING = re.compile(r"(?:ことは|ことも|ことが|ことを|こと|のは|の|は|が|も|を|と|、|\s)+$")


def find_calls(sentence: str, previous: str = "") -> list[Call]:
    """Every hedged clause of a Japanese sentence that reads as a forecast."""
    calls: list[Call] = []
    clause_start = 0
    for m in _HEDGE.finditer(sentence):
        phrase, after = m.group(), sentence[m.end():]
        guard = _GUARDS.get(phrase)
        if guard and not guard.match(after):
            continue
        before_guard = _BEFORE_GUARDS.get(phrase)
        if before_guard and not before_guard.search(sentence[:m.start()]):
            continue
        tail_end = _clause_end(sentence, m.end())
        if not _TAIL.match(sentence[m.end():tail_end + 1]):
            continue
        call = _read_clause(sentence, clause_start, m.start(), m.end(), phrase, previous)
        clause_start = tail_end + 1
        if call is not None:
            calls.append(call)
    if not calls:
        adverb = _ADVERB.search(sentence)
        if adverb and not _NOT_FORECAST.search(sentence.rstrip("。")):
            call = _read_clause(sentence, 0, adverb.start(), adverb.end(), adverb.group(), previous,
                                claim_end=len(sentence.rstrip("。")))
            if call is not None:
                calls.append(call)
    if len(calls) > 1:  # "Xかどうかは不透明であり、Yの可能性が高い": Y is the call, X its premise
        calls = [c for c in calls if not _OPEN_QUESTION.search(c.claim)] or calls
    return calls


def _clause_end(sentence: str, pos: int) -> int:
    for i in range(pos, len(sentence)):
        if sentence[i] in "、。！？":
            return i
    return len(sentence)


def _read_clause(sentence: str, start: int, hedge_start: int, hedge_end: int, phrase: str,
                 previous: str, claim_end: int | None = None) -> Call | None:
    hedge = lookup(phrase) or lookup("だろう")  # an adverb (おそらく) reads as "likely"
    raw = sentence[start:hedge_start] if claim_end is None else (
        sentence[start:hedge_start] + sentence[hedge_end:claim_end])
    text, forecaster = _strip_front(raw)
    seen_by = _SEEN_BY.match(text)
    if seen_by and "との見方" in sentence[hedge_end:hedge_end + 6]:  # 市場では、…との見方が多い
        forecaster, text = seen_by["who"], text[seen_by.end():]
    condition = ""
    cond = _CONDITION.match(text)
    if cond:
        condition, text = cond["cond"], text[cond.end():]
        if _ANAPHORIC.match(condition) and previous:
            before = previous.rstrip("。")
            condition = f"{condition}({before if len(before) <= 100 else before[:99] + '…'})"
        text, more_forecaster = _strip_front(text)
        forecaster = forecaster or more_forecaster
    wish = _WISH.search(text)
    if wish and phrase.startswith(("実現", "見通し")):  # "Xことが望ましいが、現状では実現の見通しは…"
        text = _CONNECTIVE.sub("", text[:wish.start()])
    parts = _ANAPHOR.split(text)
    text = parts[-1] if len(parts) > 1 else text  # "…しており、これは X": the claim is "これは X"
    claim = _ADVERB.sub("", _TRAILING.sub("", text)).strip()
    if _READS_THE_LAST.match(claim) and not condition:
        return None  # "これは…に有利に働く可能性があるとみられる": what the reported fact means
    if len(claim) < 4 or _NOT_FORECAST.search(claim) or _STATIVE.search(claim) or _VAGUE.search(claim):
        return None
    if phrase in _FRAMES and not _VERB_END.search(claim):
        return None  # "…戦略の一環と考えられる" reads a situation; it forecasts nothing
    negated = hedge is not None and hedge.negates
    if negated and phrase in ("ないだろう", "しないだろう") and not _DICTIONARY_FORM.search(claim):
        claim += "ない" if phrase == "ないだろう" else "しない"  # the negation is in the phrase
    elif negated:
        claim += "ことはない" if re.search(r"[\u3040-\u309f]$", claim) else "はない"
    probability = hedge.probability if hedge else 0.5
    if phrase.startswith("予定") and claim.endswith(("選挙", "会談", "会議", "投票")):
        claim += "が予定どおり行われる"
    return Call(claim=claim, hedge_text=phrase, hedge=lookup(phrase), probability=probability,
                negated=negated, condition=condition, forecaster=forecaster, start=start, end=hedge_end)


# A verb in its dictionary form ("達する", "行う"): "ない" cannot follow it ("…に達することはない
# だろう" strips to "…に達する"), "ことはない" can.
_DICTIONARY_FORM = re.compile(r"[うくすつぬふむゆるぐずづぶぷ]$")


def _strip_front(text: str) -> tuple[str, str]:
    """The clause without leading connectives and attribution, and who it is attributed to."""
    forecaster = ""
    while True:
        text = text.strip()
        for pattern in (_CONNECTIVE, _AUTHOR):
            m = pattern.match(text)
            if m and m.end():
                text = text[m.end():]
                break
        else:
            m = _ATTRIBUTION.match(text)
            if m:
                forecaster, text = _name(m["who"]), text[m.end():]
                continue
            m = _REPORTED.match(text)
            if m:
                forecaster, text = _name(m["who"]), m["rest"]
                continue
            return text, forecaster


def strip_connectives(text: str) -> str:
    """The sentence without leading connectives and bullets (for an event's title)."""
    text = text.strip()
    while (m := _CONNECTIVE.match(text)) and m.end():
        text = text[m.end():]
    return text


def _name(who: str) -> str:
    """The person or body in an attribution: 'パキスタン鉄道…のCEOであるドガル氏' -> 'ドガル氏'."""
    who = re.split(r"である|であった", who)[-1].strip()
    m = re.search(r"[^、。のは]{1,30}氏", who)
    return m.group() if m else who

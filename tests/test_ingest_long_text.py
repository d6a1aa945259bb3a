"""Ingest stays linear on long text: pysbd (quadratic in what it is given) never sees more than a
bounded piece, and an article past the size cap is refused in one line, nothing written."""

from __future__ import annotations

from tracker.ingest import sentences


def _paragraph(n: int) -> str:
    return " ".join(f"The minister said that claim number {i:,} will likely happen." for i in range(n))


def test_the_sentence_splitter_is_never_handed_more_than_a_chunk(monkeypatch):
    seen: list[int] = []
    real = sentences._segmenter()

    class Recording:
        def processor(self, text):
            seen.append(len(text))
            return real.processor(text)

    monkeypatch.setattr(sentences, "_segmenter", lambda: Recording())
    text = _paragraph(200) + " The army will likely grow to 12,345 soldiers. " + _paragraph(200) + " " + "x" * 5_000
    # sentences, then a stretch with nowhere to cut
    found = sentences.split(text, "en")
    assert max(seen) <= sentences.CHUNK
    assert len(found) >= 400
    # Every sentence is where it says it is, and the thousands comma did not cut a claim.
    assert all(text[offset:offset + len(s)] == s for offset, s in found)
    assert "The army will likely grow to 12,345 soldiers." in [s for _, s in found]


def test_chunks_cover_the_text_and_end_where_sentences_end():
    text = _paragraph(300)
    chunks = sentences._chunks(text)
    assert "".join(piece for _, piece in chunks) == text
    assert all(text[offset:offset + len(piece)] == piece for offset, piece in chunks)
    assert all(piece.rstrip().endswith(".") for _, piece in chunks[:-1])


def test_splitting_in_chunks_finds_the_same_sentences_as_one_piece():
    text = _paragraph(120)
    assert len(text) > sentences.CHUNK
    # pysbd's own places (char_span=True), which tracker finds without a pattern per sentence
    import pysbd

    spans = pysbd.Segmenter(language="en", clean=False, char_span=True).segment(text)
    whole = [(span.start + span.sent.index(span.sent.strip()), span.sent.strip()) for span in spans if span.sent.strip()]
    assert sentences.split(text, "en") == whole


def test_each_sentence_is_placed_where_pysbd_places_it_even_when_it_repeats():
    import pysbd

    reference = pysbd.Segmenter(language="en", clean=False, char_span=True)
    for text in ["Yes.  Yes. Yes.", "A. A. A.", "He left.\u00a0He left. Mr. Smith said no. He left.",
                 "U.S. troops will leave. They won't. U.S. troops will leave."]:
        assert sentences._segments(text) == [(span.start, span.sent) for span in reference.segment(text)]


def test_an_article_past_the_size_cap_is_refused_in_one_line(tmp_path, capsys):
    from tracker.cli.main import main
    from tracker.ingest.reader import MAX_ARTICLE_BYTES

    article = tmp_path / "huge.txt"
    article.write_text("Title: Huge\nAuthor: X\nDate: 2023-01-05\n\n" + "word " * (MAX_ARTICLE_BYTES // 5 + 10),
                       "utf-8")
    db = tmp_path / "db.json"
    assert main(["--db", str(db), "ingest", str(article)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "too long for an article" in err and "Traceback" not in err
    assert not db.exists()


def test_english_text_split_again_compiles_no_pattern_again(monkeypatch):
    # pysbd builds a pattern per abbreviation for every text: more than Python's cache of 512 holds, so each
    # article compiled hundreds again (a fifth of ingest's time). They are kept now: a second text compiles none.
    import re._compiler

    from tracker.ingest import sentences

    text = ("Mr. Smith met Dr. Jones in the U.S. on Jan. 5. They said e.g. that prices will rise. "
            "Gen. Lee and Sen. Ray agreed; Prof. Kim did not. It is 5 p.m. now.")
    first = sentences.split(text, "en")
    compiled = []
    real = re._compiler.compile
    monkeypatch.setattr(re._compiler, "compile", lambda *a, **k: compiled.append(a[0]) or real(*a, **k))
    for _ in range(3):
        re.purge()  # whatever else the process compiled since, as another article's rules would
        assert sentences.split(text.replace("5", "6"), "en") == [(at, s.replace("5", "6")) for at, s in first]
    assert len(compiled) < 20, len(compiled)  # pysbd's own few module patterns at most, not its hundreds

"""Article ingestion: read an article, find its dated events and predictions, propose them.

Pure library code (no Textual, no TinyDB): :mod:`reader` turns a file into
:class:`~tracker.ingest.source.SourceArticle` objects (the blog format or plain
text/Markdown), :mod:`sentences` splits them, :mod:`datefind` and :mod:`predfind`
find candidates, :mod:`extract` assembles and de-duplicates them, and
:mod:`proposals` keeps them in the database until a reader accepts or rejects each.
"""

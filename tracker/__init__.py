"""tracker: keep a pundit's dated events and predictions, mark them, score them.

Importing this package is cheap on purpose: the CLI must start fast, and the
TUI (Textual) is only imported when it is opened.
"""

__version__ = "0.1.0"

import os
import sys

from tracker.cli.main import main


def run() -> None:
    """`tracker` and `python -m tracker`: one command, then leave without the interpreter's teardown."""
    code = main()
    if "textual" in sys.modules or not isinstance(code, int):
        sys.exit(code)
    # A command over a large file leaves millions of objects that the interpreter would free one
    # by one at exit (1-3 s at 100,000 records, longer than the command). Everything tracker writes
    # is written, fsynced and closed by now: flush what was printed and leave without that teardown.
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except BrokenPipeError:  # `tracker list | head`: the reader has what it wanted
        pass
    os._exit(code)


if __name__ == "__main__":
    run()

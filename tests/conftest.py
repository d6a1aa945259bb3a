"""Fixtures that build small databases in a temp folder.

Nothing here (or in any test) may touch the real ./predictions.json: every
database lives under ``tmp_path``, and TRACKER_DB points there as a guard for a
command that forgets ``--db``.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

# The suite starts `python -m tracker` a few hundred times: each child reuses the compiled modules
# instead of compiling the package again (a machine that sets PYTHONDONTWRITEBYTECODE made every
# child compile every module it imports: a fifth of the CLI tests' time). Set before tracker is
# imported here and before pytest-xdist starts its workers, which inherit it.
os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
sys.dont_write_bytecode = False

# Hypothesis's two clocks (a 200 ms deadline per example, and the health check that fails a test
# whose inputs take long to generate) measure the machine, not the code: on a busy machine, or with
# more workers than cores, they failed tests whose every assertion held. Tests that name their own
# health checks to suppress add too_slow themselves.
settings.register_profile("tracker", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("tracker")

def _share_parsed_css() -> None:
    """Every TUI test starts its own app, and each Textual app parses the same CSS again (its
    stylesheet's parse cache is the app's own): a sixth of an app's start, about 250 times a run.
    The parsed rules are shared here between the apps of one test process, keyed on everything
    the parse reads (the CSS, where it came from, its flags and the theme's variables). A parse
    that fails is not kept, so a CSS error still fails every test that meets it."""
    from textual.css.stylesheet import Stylesheet

    parse, parsed = getattr(Stylesheet, "_parse_rules", None), {}
    if parse is None:  # a Textual that parses otherwise: every app parses for itself
        return

    def shared(self, css, *args, **kwargs):
        key = (css, args, tuple(sorted(kwargs.items())), tuple(sorted(self._variables.items())))
        rules = parsed.get(key)
        if rules is None:
            rules = parsed[key] = parse(self, css, *args, **kwargs)
        return rules

    Stylesheet._parse_rules = shared


_share_parsed_css()

from tracker.actions import records as actions  # noqa: E402

from tracker.domain import codec  # noqa: E402

from tracker.store import transaction  # noqa: E402
from tracker.domain.encoding import encode_record  # noqa: E402
from tracker.store.store import Store  # noqa: E402

# Ids of the sample database, named so tests read like the data they use.
ARTICLE = "korybko-poland-and-belarus"
JA_ARTICLE = "yamada-boj"
EVENT = "2025-05-polish-presidential-election"
PENDING = "poland-rejects-inspections"        # pending, hedge "probably won't", due Dec 2025
CONFIRMED = "trump-keeps-article-5"           # confirmed, no hedge, due 2029
JA_PENDING = "boj-raises-rates"               # pending, Japanese claim, hedge だろう, due Jun 2026
FAR_FUTURE = "moon-base-by-2099"              # pending, due 2099: never overdue in these tests

MARKUP_QUOTE = "Warsaw [red]will not[/] accept [b]inspections[/b] [$accent]"
JA_CLAIM = "日銀は2026年6月までに利上げするだろう"


@pytest.fixture(autouse=True)
def _guard_default_database(monkeypatch, tmp_path):
    """A command run without --db must never reach the project's real predictions.json."""
    monkeypatch.setenv("TRACKER_DB", str(tmp_path / "guard-default.json"))


@pytest.fixture(autouse=True)
def _fixed_reader_name(monkeypatch):
    """History entries name who made them: one fixed name, so no output depends on the machine.
    Tests of where the name comes from unset it."""
    monkeypatch.setenv("TRACKER_USER", "Test Reader")


def build_sample(path: Path) -> Path:
    """A small database with one of each thing the commands care about."""
    store = Store(path)
    actions.add_article(store, record_id=ARTICLE, title="Poland and Belarus", author="Andrew Korybko",
                        published="2025-02-22", url="https://example.org/poland-belarus")
    actions.add_article(store, record_id=JA_ARTICLE, title="日銀の次の一手", author="山田 太郎",
                        published="2025-03", language="ja")
    actions.add_event(store, record_id=EVENT, date="2025-05", title="Polish presidential election",
                      articles=[ARTICLE], tags=["poland"])
    actions.add_prediction(store, record_id=PENDING, claim="Poland will not accept the inspections",
                           hedge="probably won't", resolve_by="2025-12", article=ARTICLE,
                           quote=MARKUP_QUOTE, tags=["poland", "nato"], event=EVENT)
    actions.add_prediction(store, record_id=CONFIRMED, claim="Trump will not abandon Article 5",
                           probability="0.8", made_on="2025-01-10", resolve_by="2029",
                           author="Andrew Korybko", tags=["nato"])
    actions.mark(store, CONFIRMED, "confirmed", note="Article 5 still in force",
                 evidence=["https://example.org/nato-1", "https://example.org/nato-2"],
                 known_on="2025-06")
    actions.add_prediction(store, record_id=JA_PENDING, claim=JA_CLAIM, hedge="だろう",
                           resolve_by="2026-06", article=JA_ARTICLE, tags=["日本", "rates"])
    actions.add_prediction(store, record_id=FAR_FUTURE, claim="A crewed moon base will exist",
                           probability="0.1", made_on="2025-02", resolve_by="2099")
    return path


@pytest.fixture
def decodes(monkeypatch) -> list[str]:
    """Store tests: the ids of every record decoded from here on (the codec's decode_fields is wrapped)."""
    seen: list[str] = []
    real = codec.decode_fields

    def counting(kind, record_id, *args, **kwargs):
        seen.append(record_id)
        return real(kind, record_id, *args, **kwargs)

    monkeypatch.setattr(transaction, "decode_fields", counting)  # where the store decodes
    return seen


@pytest.fixture(scope="session")
def _sample_bytes(tmp_path_factory) -> bytes:
    """The sample database's file, built once (through the library, as build_sample does) in the
    environment every test gets: a few hundred tests start from it, and each gets its own copy."""
    with pytest.MonkeyPatch.context() as env:
        folder = tmp_path_factory.mktemp("sample")
        env.setenv("TRACKER_DB", str(folder / "guard-default.json"))
        env.setenv("TRACKER_USER", "Test Reader")
        return build_sample(folder / "sample.json").read_bytes()


@pytest.fixture
def sample_db(tmp_path, _sample_bytes) -> Path:
    """Path to a small database: 2 articles, 1 event, 4 predictions (one confirmed)."""
    path = tmp_path / "sample.json"
    path.write_bytes(_sample_bytes)
    return path


@pytest.fixture
def missing_db(tmp_path) -> Path:
    """A database path in an existing folder, with no file yet."""
    return tmp_path / "new.json"


def encoded(path: Path) -> list[dict]:
    """Every record in the file in its exported form, sorted by kind and id: comparable across files."""
    db = Store(path).load()
    return sorted((encode_record(r) for r in db.records()), key=lambda d: (d["kind"], d["id"]))


def run_tracker(*args: str, cwd: Path, env: dict | None = None,
                timeout: float = 30) -> subprocess.CompletedProcess:
    """`python -m tracker ARGS` in a real process, as a user would run it."""
    full_env = {**os.environ, **(env or {})}
    return subprocess.run([sys.executable, "-m", "tracker", *args], cwd=cwd, env=full_env,
                          capture_output=True, text=True, encoding="utf-8", timeout=timeout)


@pytest.fixture
def terminal(monkeypatch):
    """``terminal(80)``: `main` writes as into a terminal 80 columns wide (captured output is
    otherwise a pipe, which is never cut whatever COLUMNS says)."""
    def at(columns: int) -> None:
        monkeypatch.setattr("tracker.cli.console.is_terminal", lambda: True)
        monkeypatch.setenv("COLUMNS", str(columns))
    return at


def run_in_terminal(*args: str, cwd: Path, columns: int, timeout: float = 30) -> tuple[int, str, str]:
    """`python -m tracker ARGS` with standard output a pseudo-terminal ``columns`` wide (no
    COLUMNS in the environment: the width comes from the terminal, as a user's would).
    Returns (exit code, what the terminal got, standard error)."""
    import fcntl
    import pty
    import select
    import struct
    import tempfile
    import termios

    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 50, columns, 0, 0))
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}
    with tempfile.TemporaryFile() as err:
        proc = subprocess.Popen([sys.executable, "-m", "tracker", *args], cwd=cwd, env=env,
                                stdin=subprocess.DEVNULL, stdout=slave, stderr=err)
        os.close(slave)
        chunks = []
        try:
            while select.select([master], [], [], timeout)[0]:
                try:
                    data = os.read(master, 65536)
                except OSError:  # EIO: the child closed its end
                    break
                if not data:
                    break
                chunks.append(data)
            code = proc.wait(timeout)
        finally:
            os.close(master)
            if proc.poll() is None:
                proc.kill()
        err.seek(0)
        stderr = err.read().decode("utf-8")
    return code, b"".join(chunks).decode("utf-8").replace("\r\n", "\n"), stderr

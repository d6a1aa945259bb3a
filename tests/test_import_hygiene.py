"""Scripted commands must start fast: the core never imports Textual (nor TinyDB on `import tracker`).

Each check runs in a fresh interpreter, since this test process has imported everything already.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import pytest

from conftest import PENDING


def _modules_after(code: str, cwd) -> dict:
    """Run ``code`` in a fresh interpreter; it must print a JSON object as its last line."""
    result = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], cwd=cwd,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.splitlines()[-1])


@pytest.mark.parametrize(
    "command",
    [["list"], ["list", "--json", "--search", "poland"], ["show", PENDING], ["show", PENDING, "--json"],
     ["mark", PENDING, "refuted", "--on", "2025-06"], ["validate"], ["hedges"], ["review", "--json"],
     ["snooze", PENDING, "30d"], ["score", "--by", "tag"], ["report"], ["export", "--format", "ics"]],
    ids=" ".join,
)
def test_cli_commands_never_import_textual(sample_db, tmp_path, command):
    loaded = _modules_after(f"""
        import json, sys
        from tracker.cli.main import main
        code = main(["--db", {str(sample_db)!r}, *{command!r}])
        print(json.dumps({{"code": code, "textual": "textual" in sys.modules,
                           "tui": "tracker.tui" in sys.modules}}))
    """, cwd=tmp_path)
    assert loaded == {"code": 0, "textual": False, "tui": False}


def test_a_command_really_ran_in_the_hygiene_check(sample_db, tmp_path):
    # Guards the test above: the mark must have landed, so main() did the work it claims.
    _modules_after(f"""
        from tracker.cli.main import main
        main(["--db", {str(sample_db)!r}, "mark", {PENDING!r}, "refuted", "--on", "2025-06"])
        print("{{}}")
    """, cwd=tmp_path)
    from tracker.store.store import Store
    assert Store(sample_db).load().predictions[PENDING].status.value == "refuted"


def test_importing_tracker_alone_imports_neither_textual_nor_tinydb(tmp_path):
    loaded = _modules_after("""
        import json, sys
        import tracker
        print(json.dumps({"version": tracker.__version__,
                          "heavy": sorted(m for m in ("textual", "tinydb", "rich", "dateutil")
                                          if m in sys.modules)}))
    """, cwd=tmp_path)
    assert loaded["heavy"] == []
    assert loaded["version"]


def test_the_check_itself_can_see_textual(tmp_path):
    # If this failed, the checks above would pass for the wrong reason.
    loaded = _modules_after("""
        import json, sys
        import textual.app
        print(json.dumps({"textual": "textual" in sys.modules}))
    """, cwd=tmp_path)
    assert loaded == {"textual": True}


@pytest.mark.parametrize("command", [["list"], ["show", PENDING], ["score"], ["score", "--by", "forecaster"],
                                     ["export", "--format", "json", "-o", "out.json"]], ids=" ".join)
def test_read_commands_leave_out_what_only_other_commands_need(sample_db, tmp_path, command):
    # OpenSSL's hashes (a new id for a text with no words), calendar with locale, and dateutil's
    # parser (dates as people type them): 15-25 ms of start-up that a read of the file never uses.
    loaded = _modules_after(f"""
        import json, sys
        from tracker.cli.main import main
        code = main(["--db", {str(sample_db)!r}, *{command!r}])
        print(json.dumps({{"code": code, "heavy": sorted(m for m in ("hashlib", "calendar", "dateutil")
                                                      if m in sys.modules)}}))
    """, cwd=tmp_path)
    assert loaded == {"code": 0, "heavy": []}

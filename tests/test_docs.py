"""The documents a new user reads first: whole (no merge left half done) and true to the project."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def tracked_text_files() -> list[Path]:
    listed = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True)
    if listed.returncode != 0:  # not a git checkout (an sdist): the documents at least
        return [ROOT / "README.md", ROOT / "CHANGELOG.md"]
    return [ROOT / name for name in listed.stdout.splitlines()
            if name.endswith((".md", ".py", ".toml", ".cfg", ".txt")) and (ROOT / name).is_file()]


def test_no_file_keeps_the_markers_of_an_unfinished_merge():
    marker = re.compile(r"^(<{7} |>{7} |={7}$)", re.MULTILINE)
    left = [f"{path.relative_to(ROOT)}:{text.count(chr(10), 0, m.start()) + 1}"
            for path in tracked_text_files()
            for text in [path.read_text(encoding="utf-8", errors="replace")]
            for m in marker.finditer(text)]
    assert left == []


def test_the_quick_start_is_two_commands_and_the_ci_runs_the_second():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    quick = readme.split("## Quick start", 1)[1].split("```sh\n", 1)[1].split("```", 1)[0]
    commands = [line for line in quick.splitlines() if line.strip()]
    assert len(commands) == 2
    assert commands[0].endswith("python3 -m tracker") and "pytest" in commands[1]
    assert "python3 -m pytest" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


# -- the documentation site (docs/, mkdocs.yml) ----------------------------------------------

def gen_cli():
    """docs/gen_cli.py, the script that writes the command reference from the parser."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("gen_cli", ROOT / "docs" / "gen_cli.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_command_reference_is_what_the_parser_gives():
    written = (ROOT / "docs" / "reference.md").read_text(encoding="utf-8")
    assert written == gen_cli().reference(), (
        "docs/reference.md is stale: run `python3 docs/gen_cli.py` and commit it")


def reference_sections() -> dict[str, str]:
    """Each `` `tracker ...` `` heading of docs/reference.md -> the text up to the next heading."""
    text = (ROOT / "docs" / "reference.md").read_text(encoding="utf-8")
    parts = re.split(r"^#{2,6} `(tracker[^`]*)`$", text, flags=re.MULTILINE)
    sections = dict(zip(parts[1::2], parts[2::2]))
    assert len(sections) == len(parts[1::2]), "a command has two headings"
    return sections


def test_every_command_and_flag_is_in_the_reference():
    """Walks the parser itself (not the script): each command and kind has its heading, and each
    of its flags and positional arguments is in its section (--db once, under `tracker`)."""
    import argparse

    from tracker.cli.main import build_parser

    sections = reference_sections()
    missing = []

    def visit(parser: argparse.ArgumentParser, path: tuple[str, ...]) -> None:
        name = " ".join(("tracker", *path))
        section = sections.get(name)
        if section is None:
            missing.append(name)
            return
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                for sub_name, sub in action.choices.items():
                    visit(sub, (*path, sub_name))
            elif isinstance(action, argparse._HelpAction) or action.help == argparse.SUPPRESS:
                continue
            elif action.dest == "db" and path:
                assert "--db PATH" in sections["tracker"]
            elif action.option_strings:
                missing.extend(f"{name} {flag}" for flag in action.option_strings
                               if not re.search(rf"`{re.escape(flag)}[` ]", section))
            else:  # a positional argument, by its metavar, its choices or its name
                shown = action.metavar or ("{%s}" % ",".join(action.choices) if action.choices
                                           else action.dest.upper())
                if f"`{shown}`" not in section:
                    missing.append(f"{name} {action.dest}")

    visit(build_parser(), ())
    assert missing == [], "not in docs/reference.md (run python3 docs/gen_cli.py)"
    assert len(sections) > 20  # every command, and the kinds of `add`


def test_the_site_builds_with_strict_checks(tmp_path):
    """`mkdocs build --strict`: every page in the nav, every link and anchor resolves, and the
    hook finds the command reference current. Only MkDocs is needed (the `test` extra has it)."""
    import importlib.util
    import sys

    if importlib.util.find_spec("mkdocs") is None:
        import pytest

        pytest.skip("mkdocs is not installed (python3 -m pip install -e '.[test]' installs it)")
    site = tmp_path / "site"
    # Not --quiet: it drops the warnings that --strict counts, and the build would pass anyway.
    built = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict",
                            "--config-file", str(ROOT / "mkdocs.yml"), "--site-dir", str(site)],
                           cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert built.returncode == 0, built.stderr + built.stdout
    for page in ("index.html", "reference.html", "tui.html", "development.html", "images/tui.svg"):
        assert (site / page).is_file(), page
    assert 'id="tracker-list"' in (site / "reference.html").read_text(encoding="utf-8")


def test_the_readme_shows_the_screenshot_and_its_links_lead_somewhere():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "docs/images/tui.svg" in readme and (ROOT / "docs/images/tui.svg").is_file()
    targets = re.findall(r"\]\(([^)#\s]+)(?:#[^)]*)?\)", readme)
    local = [t for t in targets if "://" not in t]
    assert any(t.startswith("docs/") for t in local)
    assert [t for t in local if not (ROOT / t).exists()] == []


def test_the_readme_stays_an_introduction():
    """The reference lives in docs/; the README is what a newcomer reads first."""
    lines = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
    assert len(lines) < 150


def test_every_example_command_in_the_readme_and_docs_parses():
    """Each `tracker ...` line of a ```sh block (continuations joined, comments dropped) is a
    command line the parser accepts: a renamed command or flag cannot linger in an example."""
    import contextlib
    import io
    import shlex

    from tracker.cli.main import build_parser

    checked, refused = 0, []
    for path in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]:
        text = path.read_text(encoding="utf-8")
        for block in re.findall(r"```sh\n(.*?)```", text, flags=re.DOTALL):
            for line in block.replace("\\\n", " ").splitlines():
                if not line.startswith("tracker"):
                    continue
                checked += 1
                said = io.StringIO()
                try:
                    with contextlib.redirect_stderr(said), contextlib.redirect_stdout(io.StringIO()):
                        build_parser().parse_args(shlex.split(line, comments=True)[1:])
                except SystemExit as exc:
                    if exc.code:
                        refused.append(f"{path.name}: {line.strip()}: {said.getvalue().strip()}")
    assert refused == []
    assert checked > 50

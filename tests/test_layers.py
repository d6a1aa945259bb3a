"""The layers hold, and the checks that say so can fail.

import-linter checks the contracts in pyproject.toml ([tool.importlinter]); a copy of the package
with a forbidden import planted in it shows that each contract breaks when it should (with the
import made indirectly, through another module, too). And no import cycle exists among tracker's
modules, counting the imports made inside functions.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
pytest.importorskip("importlinter")


def lint(root: Path) -> subprocess.CompletedProcess:
    """lint-imports over the package found in ``root`` (with the project's contracts)."""
    env = {**os.environ, "PYTHONPATH": str(root)}
    code = ("import sys; from importlinter.cli import lint_imports; "
            f"sys.exit(lint_imports(config_filename={str(ROOT / 'pyproject.toml')!r}, no_cache=True))")
    return subprocess.run([sys.executable, "-c", code], cwd=root, env=env, capture_output=True, text=True,
                          timeout=120)


def test_the_import_contracts_are_kept():
    result = lint(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


@pytest.fixture(scope="module")
def planted(tmp_path_factory) -> subprocess.CompletedProcess:
    """A copy of the package in which the library imports what it must not: Textual in
    scoring, the TUI in sharing (so Textual indirectly), and the CLI's parser in a handler."""
    root = tmp_path_factory.mktemp("planted")
    shutil.copytree(ROOT / "tracker", root / "tracker", ignore=shutil.ignore_patterns("__pycache__"))
    plant = {
        "scoring/scores.py": "import textual.app  # planted\n",
        "sharing/merge.py": "from tracker.tui.app import TrackerApp  # planted\n",
        "cli/score.py": "from tracker.cli import main as _main  # planted\n",
    }
    for name, line in plant.items():
        path = root / "tracker" / name
        path.write_text(path.read_text("utf-8") + "\n" + line, "utf-8")
    return lint(root)


@pytest.mark.parametrize("contract, culprit", [
    ("each layer imports only the layers", "tracker.sharing.merge -> tracker.tui.app"),
    ("the library never imports Textual", "tracker.scoring.scores -> textual"),
    ("the library never imports Textual", "tracker.sharing.merge -> tracker.tui.app"),  # indirect
    ("CLI handlers never import the parser", "tracker.cli.score -> tracker.cli.main"),
])
def test_a_planted_violation_breaks_its_contract(planted, contract, culprit):
    out = planted.stdout
    assert planted.returncode != 0, out
    broken = out[out.index("Broken contracts"):] if "Broken contracts" in out else ""
    assert contract in broken and culprit in broken, out


def test_no_module_imports_itself_back():
    """No cycle among tracker's modules: grimp counts imports inside functions too."""
    grimp = pytest.importorskip("grimp")
    graph = grimp.build_graph("tracker", include_external_packages=False)
    cycles = []
    for module in sorted(graph.modules):
        for imported in graph.find_modules_directly_imported_by(module):
            if imported != module and graph.chain_exists(importer=imported, imported=module):
                cycles.append(f"{module} -> {imported} -> … -> {module}")
    assert cycles == []

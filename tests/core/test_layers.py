"""The apps depend one way (`cms.core` ← `cms.knowledge` ← `cms.groups` ← `cms.home` ←
`search` ← `cms.api | cms.demo`): the layers contract in pyproject.toml, checked by
import-linter exactly as `lint-imports` checks it, imports inside functions included.

The contract is also run on a copy of the code with one forbidden import added, so that a
contract that no longer sees the packages (a renamed layer, a root package missing) fails here
instead of passing for want of anything to check.
"""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("cms", "search")
LINT_IMPORTS = "from importlinter.cli import lint_imports_command; lint_imports_command()"


def lint_imports(root: Path) -> subprocess.CompletedProcess:
    """`lint-imports` run from `root`, whose pyproject.toml and packages it reads."""
    return subprocess.run(
        [sys.executable, "-c", LINT_IMPORTS, "--no-cache"],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def _not_python(directory: str, names: list[str]) -> list[str]:
    return [
        name
        for name in names
        if name == "__pycache__"
        or (not name.endswith(".py") and not (Path(directory) / name).is_dir())
    ]


@pytest.fixture
def code_copy(tmp_path) -> Path:
    """The project's Python packages and pyproject.toml, copied to a directory of their own."""
    for package in PACKAGES:
        shutil.copytree(REPO_ROOT / package, tmp_path / package, ignore=_not_python)
    shutil.copy(REPO_ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    return tmp_path


def test_the_apps_depend_one_way():
    result = lint_imports(REPO_ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 kept, 0 broken" in result.stdout


@pytest.mark.parametrize(
    ("module", "forbidden_import", "broken_rule"),
    [
        (
            "cms/core/pagination.py",
            "from cms.home import models as home_models",
            "cms.core is not allowed to import cms.home",
        ),
        (
            # Inside a function, where an import is easy to overlook.
            "cms/core/templatetags/cordata_tags.py",
            "def _partners():\n    from cms.groups.models import PartnerPage\n\n"
            "    return PartnerPage",
            "cms.core is not allowed to import cms.groups",
        ),
        (
            "search/selectors.py",
            "from cms.api import errors as api_errors",
            "search is not allowed to import cms.api",
        ),
        (
            "cms/knowledge/models.py",
            "from search import text as search_text",
            "cms.knowledge is not allowed to import search",
        ),
    ],
)
def test_a_forbidden_import_breaks_the_contract(code_copy, module, forbidden_import, broken_rule):
    path = code_copy / module
    path.write_text(path.read_text() + f"\n\n{forbidden_import}\n")
    result = lint_imports(code_copy)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "0 kept, 1 broken" in result.stdout
    assert broken_rule in result.stdout

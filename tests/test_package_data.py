"""Every file the package reads at run time goes into a built wheel.

setuptools puts only .py files in a wheel unless `[tool.setuptools.package-data]` names the others;
an installation from a wheel then fails at the first question (the sentence ranker's weights) or the
first int8 index (the calibration text), while the editable install the tests use works."""

import fnmatch
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_every_data_file_under_bot_is_package_data():
    package_data = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["package-data"]
    missed = []
    for path in (ROOT / "bot").rglob("*"):
        if not path.is_file() or path.suffix in {".py", ".pyc"} or "__pycache__" in path.parts:
            continue
        package = ".".join(path.parent.relative_to(ROOT).parts)
        patterns = package_data.get(package, [])
        if not any(fnmatch.fnmatch(path.name, pattern) for pattern in patterns):
            missed.append(str(path.relative_to(ROOT)))
    assert not missed, f"not in [tool.setuptools.package-data]: {missed}"

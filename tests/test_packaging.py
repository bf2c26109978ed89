"""The install ships every package of the source tree (engine/ installs as gradrepl_engine)."""

import pathlib

import pytest

tomllib = pytest.importorskip("tomllib")  # Python 3.11+

ROOT = pathlib.Path(__file__).parent.parent


def test_every_package_directory_is_installed():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]
    installed = {name: ROOT / config["package-dir"][name] for name in config["packages"]}
    for top, import_name in (("gradrepl", "gradrepl"), ("engine", "gradrepl_engine")):
        for init in (ROOT / top).rglob("__init__.py"):
            package = ".".join([import_name] + list(init.parent.relative_to(ROOT / top).parts))
            assert installed.get(package) == init.parent, package

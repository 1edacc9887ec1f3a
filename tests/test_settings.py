"""Every setting is documented in the README and can be overridden from the environment."""

from pathlib import Path

import pytest

from lagebild.settings import SETTINGS, setting

README = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", SETTINGS)
def test_every_setting_is_in_the_readme(name):
    assert SETTINGS[name].env in README


def test_the_environment_overrides_the_default(monkeypatch):
    monkeypatch.setenv("LAGEBILD_MIN_CONFIDENCE", "0.9")
    assert setting("min_confidence") == "0.9"

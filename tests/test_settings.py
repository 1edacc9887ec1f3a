"""Every setting is documented in the README and can be overridden from the environment."""

from pathlib import Path

import pytest

from lagebild.errors import ConfigError
from lagebild.settings import SETTINGS, check_settings, setting

README = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", SETTINGS)
def test_every_setting_is_in_the_readme(name):
    assert SETTINGS[name].env in README


def test_the_environment_overrides_the_default(monkeypatch):
    monkeypatch.setenv("LAGEBILD_MIN_CONFIDENCE", "0.9")
    assert setting("min_confidence") == 0.9


@pytest.mark.parametrize(
    "name, value, reason",
    [
        ("min_confidence", "abc", "is not a number"),
        ("min_confidence", "1.5", "is not between 0 and 1"),
        ("page_size", "abc", "is not a whole number"),
        ("page_size", "0", "is not between 1 and 1,000"),
        ("page_size", "5000", "is not between 1 and 1,000"),
        ("port", "99999", "is not between 1 and 65,535"),
    ],
)
def test_a_bad_value_is_one_error_naming_the_variable(monkeypatch, name, value, reason):
    monkeypatch.setenv(SETTINGS[name].env, value)
    with pytest.raises(ConfigError) as raised:
        check_settings()
    assert str(raised.value) == f"{SETTINGS[name].env}={value!r} {reason}"

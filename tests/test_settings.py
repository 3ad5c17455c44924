import dataclasses
import tomllib
from importlib import resources

import pytest

from newsfuse.errors import ConfigError
from newsfuse.settings import Settings


def test_defaults_file_and_dataclass_agree():
    defaults = tomllib.loads(resources.files("newsfuse").joinpath("defaults.toml").read_text())
    assert set(defaults) == {f.name for f in dataclasses.fields(Settings)}
    assert Settings().as_dict() == defaults


def test_every_default_has_a_comment():
    """Each key sits in a block (no blank line between) that starts with a comment saying why."""
    lines = resources.files("newsfuse").joinpath("defaults.toml").read_text().splitlines()
    for i, line in enumerate(lines):
        if "=" in line and not line.startswith("#"):
            j = i
            while j > 0 and lines[j - 1].strip() and not lines[j - 1].startswith("#"):
                j -= 1
            assert j > 0 and lines[j - 1].startswith("#"), f"no comment for {line!r}"


def test_unknown_setting_lists_valid_ones():
    with pytest.raises(ConfigError, match=r"unknown setting 'wrods'.*words"):
        Settings.load(wrods=100)


def test_bad_values_name_the_setting():
    with pytest.raises(ConfigError, match="'words' expects a positive integer"):
        Settings(words=0)
    with pytest.raises(ConfigError, match="'fact_similarity'"):
        Settings(fact_similarity=1.5)
    with pytest.raises(ConfigError, match="'words' expects a value of type int"):
        Settings(words="many")  # type: ignore[arg-type]
    with pytest.raises(ConfigError, match=r"unknown selector 'magic\.v9'"):
        Settings(selector="magic.v9")


def test_layering_defaults_then_file_then_overrides(tmp_path):
    config = tmp_path / "newsfuse.toml"
    config.write_text("words = 90\nkey_facts = 3\n")
    settings = Settings.load(config, words=120, query=None)
    assert (settings.words, settings.key_facts, settings.query) == (120, 3, "")


def test_bad_config_file_is_a_clear_error(tmp_path):
    config = tmp_path / "bad.toml"
    config.write_text("words = = 3\n")
    with pytest.raises(ConfigError, match="not valid TOML"):
        Settings.load(config)
    with pytest.raises(ConfigError, match="cannot read config file"):
        Settings.load(tmp_path / "missing.toml")

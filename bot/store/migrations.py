"""Schema changes, in order. Never edit a released migration: add the next number."""

MIGRATIONS: list[tuple[int, str]] = [
    (1, """
    CREATE TABLE answers (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        guild_id INTEGER,
        channel_id INTEGER,
        user_id INTEGER NOT NULL,
        question TEXT NOT NULL,
        question_key TEXT NOT NULL,
        tier TEXT NOT NULL,
        top_score REAL NOT NULL,
        asked_at TEXT NOT NULL
    );
    CREATE INDEX answers_gaps ON answers (guild_id, tier, asked_at);
    CREATE TABLE feedback (
        answer_id INTEGER NOT NULL REFERENCES answers (id) ON DELETE CASCADE,
        user_id INTEGER NOT NULL,
        helpful INTEGER NOT NULL,
        voted_at TEXT NOT NULL,
        PRIMARY KEY (answer_id, user_id)
    );
    """),
]

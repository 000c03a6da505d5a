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

MIGRATIONS.append((2, """
    CREATE TABLE quiz_schedules (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        guild_id INTEGER NOT NULL,
        channel_id INTEGER NOT NULL,
        local_time TEXT NOT NULL,
        timezone TEXT NOT NULL,
        days TEXT NOT NULL,
        questions INTEGER NOT NULL,
        open_for_seconds INTEGER NOT NULL,
        topic TEXT NOT NULL DEFAULT '',
        paused INTEGER NOT NULL DEFAULT 0,
        created_by INTEGER,
        created_at TEXT NOT NULL,
        resumed_at TEXT,
        removed_at TEXT
    );
    CREATE TABLE quiz_missed (
        schedule_id INTEGER NOT NULL REFERENCES quiz_schedules (id),
        local_date TEXT NOT NULL,
        reason TEXT NOT NULL,
        PRIMARY KEY (schedule_id, local_date)
    );
    CREATE INDEX quiz_schedules_guild ON quiz_schedules (guild_id);
    CREATE TABLE quiz_posts (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        schedule_id INTEGER REFERENCES quiz_schedules (id),
        guild_id INTEGER NOT NULL,
        channel_id INTEGER NOT NULL,
        local_date TEXT NOT NULL,
        slot INTEGER NOT NULL,
        item_id TEXT NOT NULL,
        item_json TEXT NOT NULL,
        message_id INTEGER,
        opens_at TEXT NOT NULL,
        closes_at TEXT NOT NULL,
        status TEXT NOT NULL,
        revealed_at TEXT,
        UNIQUE (schedule_id, local_date, slot)
    );
    CREATE INDEX quiz_posts_status ON quiz_posts (status, closes_at);
    CREATE INDEX quiz_posts_guild_item ON quiz_posts (guild_id, item_id);
    CREATE TABLE quiz_answers (
        post_id INTEGER NOT NULL REFERENCES quiz_posts (id) ON DELETE CASCADE,
        user_id INTEGER NOT NULL,
        user_name TEXT NOT NULL,
        choice INTEGER NOT NULL,
        correct INTEGER NOT NULL,
        answered_at TEXT NOT NULL,
        changes INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (post_id, user_id)
    );
    CREATE TABLE quiz_reports (
        post_id INTEGER NOT NULL REFERENCES quiz_posts (id) ON DELETE CASCADE,
        user_id INTEGER NOT NULL,
        item_id TEXT NOT NULL,
        reported_at TEXT NOT NULL,
        PRIMARY KEY (post_id, user_id)
    );
    CREATE TABLE quiz_retired (
        guild_id INTEGER NOT NULL,
        item_id TEXT NOT NULL,
        retired_by INTEGER,
        retired_at TEXT NOT NULL,
        PRIMARY KEY (guild_id, item_id)
    );
    """))

# 3: spaced review. One FSRS card per (guild, student, question); `due` is UTC ISO 8601 with
# microseconds (fixed width, so text order is time order) and indexed for "what is due now".
# review_log keeps every review (from a quiz reveal or from /review) and names its student, so
# /quiz forget-me can erase it; deleting a card deletes its log.
MIGRATIONS.append((3, """
    CREATE TABLE review_cards (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        guild_id INTEGER NOT NULL,
        user_id INTEGER NOT NULL,
        item_id TEXT NOT NULL,
        item_json TEXT NOT NULL,
        card_json TEXT NOT NULL,
        due TEXT NOT NULL,
        reps INTEGER NOT NULL DEFAULT 0,
        lapses INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (guild_id, user_id, item_id)
    );
    CREATE INDEX review_cards_due ON review_cards (guild_id, user_id, due);
    CREATE TABLE review_log (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        card_id INTEGER NOT NULL REFERENCES review_cards (id) ON DELETE CASCADE,
        guild_id INTEGER NOT NULL,
        user_id INTEGER NOT NULL,
        post_id INTEGER,
        rating INTEGER NOT NULL,
        source TEXT NOT NULL,
        reviewed_at TEXT NOT NULL,
        due_after TEXT NOT NULL
    );
    CREATE INDEX review_log_card ON review_log (card_id, post_id);
    CREATE INDEX review_log_user ON review_log (guild_id, user_id);
    """))

# 4: teachers' decisions on generated quiz items, keyed by the item's content (kind, prompt,
# options, answer and source sentence), so that they outlive every build of the index.
MIGRATIONS.append((4, """
    CREATE TABLE quiz_decisions (
        content_key TEXT PRIMARY KEY,
        item_id TEXT NOT NULL,
        status TEXT NOT NULL,
        reason TEXT NOT NULL DEFAULT '',
        edited_json TEXT,
        decided_by TEXT NOT NULL,
        decided_at TEXT NOT NULL
    );
    """))

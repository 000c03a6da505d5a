-- A state file made by the store at PRAGMA user_version 4 (before PostgreSQL), as sqlite3's iterdump
-- wrote it: tests/store/test_migrations.py checks that an installation of that day keeps its data.
BEGIN TRANSACTION;
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
INSERT INTO "answers" VALUES(1,1234567890123456789,600,42,'Who replaced Peng Dehuai?','who replaced peng dehuai','confident',0.8,'2026-03-02T09:00:00+00:00');
INSERT INTO "answers" VALUES(2,1234567890123456789,600,43,'What is the Krebs cycle?','what is the krebs cycle','not_covered',0.1,'2026-03-02T09:00:00+00:00');
CREATE TABLE feedback (
        answer_id INTEGER NOT NULL REFERENCES answers (id) ON DELETE CASCADE,
        user_id INTEGER NOT NULL,
        helpful INTEGER NOT NULL,
        voted_at TEXT NOT NULL,
        PRIMARY KEY (answer_id, user_id)
    );
INSERT INTO "feedback" VALUES(1,43,1,'2026-03-02T09:00:00+00:00');
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
INSERT INTO "quiz_answers" VALUES(1,43,'You',0,1,'2026-03-02T09:05:00+00:00',0);
CREATE TABLE quiz_decisions (
        content_key TEXT PRIMARY KEY,
        item_id TEXT NOT NULL,
        status TEXT NOT NULL,
        reason TEXT NOT NULL DEFAULT '',
        edited_json TEXT,
        decided_by TEXT NOT NULL,
        decided_at TEXT NOT NULL
    );
INSERT INTO "quiz_decisions" VALUES('k1','q1','approved','',NULL,'teacher','2026-03-02T09:00:00+00:00');
CREATE TABLE quiz_missed (
        schedule_id INTEGER NOT NULL REFERENCES quiz_schedules (id),
        local_date TEXT NOT NULL,
        reason TEXT NOT NULL,
        PRIMARY KEY (schedule_id, local_date)
    );
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
INSERT INTO "quiz_posts" VALUES(1,1,1234567890123456789,600,'2026-03-02',1,'q1','{"id": "q1", "kind": "multiple_choice", "prompt": "Who replaced Peng Dehuai?", "answer": "Lin Biao", "options": ["Lin Biao", "Liu Shaoqi"], "source": null, "explanation": "", "origin": "generated", "topic": "", "aliases": [], "tests": "", "quality": 0.0}',99,'2026-03-02T09:00:00+00:00','2026-03-02T11:00:00+00:00','revealed','2026-03-02T11:00:00+00:00');
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
INSERT INTO "quiz_schedules" VALUES(1,1234567890123456789,600,'09:00','UTC','0,1,2,3,4,5,6',1,7200,'',0,42,'2026-03-01T09:00:00+00:00',NULL,NULL);
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
INSERT INTO "review_cards" VALUES(1,1234567890123456789,43,'q1','{"id": "q1", "kind": "multiple_choice", "prompt": "Who replaced Peng Dehuai?", "answer": "Lin Biao", "options": ["Lin Biao", "Liu Shaoqi"], "source": null, "explanation": "", "origin": "generated", "topic": "", "aliases": [], "tests": "", "quality": 0.0}','{"card_id": 1772449200000, "state": 2, "step": null, "stability": 2.3065, "difficulty": 2.118103970459016, "due": "2026-03-04T11:00:00+00:00", "last_review": "2026-03-02T11:00:00+00:00"}','2026-03-04T11:00:00.000000+00:00',1,0,'2026-03-02T11:00:00.000000+00:00','2026-03-02T11:00:00.000000+00:00');
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
INSERT INTO "review_log" VALUES(1,1,1234567890123456789,43,1,3,'quiz','2026-03-02T11:00:00.000000+00:00','2026-03-04T11:00:00.000000+00:00');
CREATE INDEX answers_gaps ON answers (guild_id, tier, asked_at);
CREATE INDEX quiz_schedules_guild ON quiz_schedules (guild_id);
CREATE INDEX quiz_posts_status ON quiz_posts (status, closes_at);
CREATE INDEX quiz_posts_guild_item ON quiz_posts (guild_id, item_id);
CREATE INDEX review_cards_due ON review_cards (guild_id, user_id, due);
CREATE INDEX review_log_card ON review_log (card_id, post_id);
CREATE INDEX review_log_user ON review_log (guild_id, user_id);
DELETE FROM "sqlite_sequence";
INSERT INTO "sqlite_sequence" VALUES('answers',2);
INSERT INTO "sqlite_sequence" VALUES('quiz_schedules',1);
INSERT INTO "sqlite_sequence" VALUES('quiz_posts',1);
INSERT INTO "sqlite_sequence" VALUES('review_cards',1);
INSERT INTO "sqlite_sequence" VALUES('review_log',1);
COMMIT;
PRAGMA user_version = 4;

"""The bot's state (feedback, quizzes, reviews) in SQLite or PostgreSQL, through SQLAlchemy Core."""

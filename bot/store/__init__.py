"""SQLite storage for the bot's state (feedback, quizzes, reviews)."""

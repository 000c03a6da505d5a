"""The services the adapters call, beside `bot.service.StudyService` (the index and answers):
quizzes, results, spaced review and classroom questions. They take and return plain values and
know nothing of Discord; every decision and every record of the quiz is made here."""

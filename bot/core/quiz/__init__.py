"""Quizzes: question items from the notes and teachers' banks, schedules, grading, spaced review."""

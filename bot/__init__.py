"""StudyBot: answers from the course notes, with citations, and daily quizzes, on Discord and the
command line. Importing the package does nothing: settings and resources are built at the entry point."""

__version__ = "0.1.0"

"""A stand-in for the service behind `studybot chat`, for tests of the chat and its quiz mode: it
holds a question bank and records the questions asked, which it never answers."""

from __future__ import annotations

from bot.errors import StudyBotError


class FakeBank:
    def __init__(self, items):
        self.items = list(items)


class FakeChatService:
    name = "default"  # the course it stands for (StudyService.name)

    def __init__(self, items=()):
        self.bank = FakeBank(items)
        self.asked: list[str] = []

    def quiz_bank(self):
        return self.bank

    def ask(self, question):
        self.asked.append(question)
        raise StudyBotError("no index in this test")

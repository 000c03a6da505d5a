"""A heading holding the date or number a question asks for is shown with a sentence under it that
lacks one ("When was the Great Leap Forward?" / "The Great Leap Forward (1958-1961)"). The document's
title above sections of its own dates the whole subject, not what a section tells: "Gideon v.
Wainwright (1963): The Right to a Lawyer" answered "On what date did the break-in happen?" and "When
did Gideon send his petition?" before the sentence giving the date (ans28, session 25)."""

from __future__ import annotations

from bot.core.documents import Chunk
from bot.core.sentences import comparable_texts

PASSAGE = ("Gideon was arrested and charged with breaking and entering. Early on the morning of June 3, 1961, "
           "someone broke into the Bay Harbor Poolroom.")
TITLE = "Gideon v. Wainwright (1963): The Right to a Lawyer"


def _texts(path: tuple[str, ...], text: str = PASSAGE) -> list[str]:
    return comparable_texts(Chunk("c0", "notes.docx", path, None, 0, text), 400)


def test_a_heading_above_the_passages_own_dates_no_passage_giving_dates():
    assert not any("1963" in t for t in _texts((TITLE, "2. The crime")))


def test_a_passage_without_a_date_is_still_dated_by_the_headings_above_it():
    assert any("1963" in t for t in _texts((TITLE, "2. The crime"), "Gideon was arrested and charged."))
    # The passage's own heading dates it whatever the passage holds.
    assert any("1958-1961" in t for t in _texts(("China under Mao", "The Great Leap Forward (1958-1961)"),
                                                "Villages built furnaces in 1959. The iron was useless."))

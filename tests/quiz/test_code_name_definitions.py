"""A lower-case name the notes set as code and class at once ("`sftp` is an interactive command,
similar to `ftp`.", "`scp` is a command line tool that can be used like `cp`, ..."): "What is sftp?"
is asked though the notes name the tool in one passage only, and a likeness after the description
("similar to X") no longer refuses the question. Session 21, quiztech (held-out set 10's remote-login
note). Dotted or called code and a description after an adverb stay unasked. Made-up notes of no course
of the pool; real spaCy."""

from __future__ import annotations

from bot.core import nlp
from bot.core.documents import Chunk, make_chunk_id
from bot.core.quiz.gen_questions import identity_question
from bot.core.quiz.generator import generate_items


def _chunks(title: str, paragraphs: list[str]) -> list[Chunk]:
    return [Chunk(make_chunk_id("notes.md", (title,), text, i), "notes.md", (title,), None, i, text)
            for i, text in enumerate(paragraphs)]


def _cards(paragraphs: list[str]) -> dict[str, str]:
    return {i.prompt: i.answer for i in generate_items(_chunks("Harbour Booking", paragraphs), learned_cutoff=False)
            if i.kind == "flashcard"}


PIERS = [
    "The harbour office keeps the timetable of every crossing on a central server.",
    "Clerks reach the server from the quay huts over the harbour network.",
    "The harbour office offers two booking services. `dcp` is a desk tool that can be used like "
    "`rbook`, except that every crossing is prefixed with the name of its pier.",
    "`pbook` is an interactive command, similar to `rbook`.",
]


def test_a_code_name_the_notes_class_is_asked():
    cards = _cards(PIERS)
    assert "an interactive command, similar to rbook." in cards.get("What is pbook?", "").lower(), cards
    assert "a desk tool that can be used like rbook" in cards.get("What is dcp?", "").lower(), cards


def test_dotted_code_and_a_remark_are_not_asked():
    paragraphs = [*PIERS[:2],
                  "`pier.open` is a low-level routine which takes the number of a pier and unlocks its gate.",
                  "`rsh` is in fact only a small wrapper around `pbook` that the clerks run at dawn."]
    cards = _cards(paragraphs)
    assert not any(p in cards for p in ("What is pier.open?", "What is rsh?")), cards


def test_a_likeness_after_the_description_closes_it():
    likened, listed = nlp.parse_lines(["pbook is an interactive command, similar to rbook.",
                                       "pbook is an interactive command, a desk tool and a ledger."])
    question = identity_question(likened)
    assert question is not None and question.prompt == "What is pbook?", question
    assert question.answer == "An interactive command, similar to rbook."
    assert identity_question(listed) is None  # a list the parse split still has no one answer


def test_only_a_one_word_code_name_classed_at_once_passes():
    from bot.core.quiz.gen_code_marks import _words_only
    from bot.core.quiz.generator import _Generator
    raw = _chunks("Harbour Booking", [*PIERS, "`pier.open` is a routine. `Rbook` is a tool."])
    generator = _Generator(_words_only(raw), [c.text for c in raw])
    assert generator._code_name_classed("pbook", "An interactive command, similar to rbook.")
    assert not generator._code_name_classed("pier.open", "A routine.")  # dotted: code, read as code
    assert not generator._code_name_classed("Rbook", "A tool.")  # capitalised: a name like any other
    assert not generator._code_name_classed("pbook", "The name of the harbour booking program.")  # no class
    assert not generator._code_name_classed("pbook", "In fact only a small wrapper around rbook.")  # a remark
    assert not generator._code_name_classed("harbour", "A place where ships moor.")  # not set as code

""""Who was X?" cards of what the notes set beside a name between commas ("Frederick William,
Elector of Brandenburg, invited ..."): only a whole apposition that says what the name is."""

from __future__ import annotations

from bot.core import nlp
from bot.core.documents import Chunk, make_chunk_id
from bot.core.quiz.gen_questions import apposition_questions
from bot.core.quiz.generator import generate_items


def questions(line: str) -> list:
    return apposition_questions(nlp.parse_lines([line])[0])


def test_a_role_between_commas_is_what_the_name_is():
    [question] = questions("Frederick William, Elector of Brandenburg, invited Huguenots to settle in his realms.")
    assert (question.prompt, question.answer) == ("Who was Frederick William?", "Elector of Brandenburg.")
    [question] = questions("The fort was named after Edward Braddock, the newly arrived British Army commander, in 1755.")
    assert question.answer == "The newly arrived British Army commander."


def test_lists_pointing_words_and_second_claims_are_no_description():
    assert not questions("Legislation can be blocked by a majority in Parliament, a minority in the Council, "
                         "and a majority in the Commission.")
    assert not questions("John Harvard, its first benefactor, left his library to the college.")
    assert not questions("Loudoun, a capable administrator but a cautious field commander, planned one operation.")
    assert not questions("The rebels were supported by Albany, New York, and by Boston.")  # a place, not a role


def _notes(lines: list[str]) -> list[Chunk]:
    return [Chunk(make_chunk_id("war.txt", ("War",), line, i), "war.txt", ("War",), None, i, line)
            for i, line in enumerate(lines)]


def test_one_card_a_name_and_only_for_names_the_notes_return_to():
    chunks = _notes([
        "In 1758 William Pitt, the Secretary of State responsible for the colonies, sent more regiments to America.",
        "William Pitt, the Secretary of State, raised taxes to pay for the war.",  # one role, told twice
        "Charles Hardy, an admiral of the fleet, blockaded the harbour during the winter of 1757.",
        # The war's commander, the person these notes are about (the most named): no "Who was" card.
        "James Wolfe, the commander of the army, landed below the city in 1759.",
        "James Wolfe climbed the cliffs at night with five thousand men.",
        "The French were surprised when James Wolfe formed his line on the plain.",
        "James Wolfe was wounded in the first volley of the battle.",
        "The city surrendered five days after the death of James Wolfe.",
    ])
    cards = [i for i in generate_items(chunks, learned_cutoff=False) if i.prompt.startswith("Who was")]
    assert [(c.prompt, c.answer) for c in cards] == [
        ("Who was William Pitt?", "The Secretary of State responsible for the colonies.")]  # Hardy: one passage

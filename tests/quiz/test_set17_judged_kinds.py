"""Set 17's judged kinds (issue 8, session 25, precision): wrong options of another kind than the answer, and
stems a student cannot answer or that have several answers. Real spaCy on made-up notes of no course of the pool.

- a glossary item's wrong options are of the answer's kind by the notes' own definitions ("Noble metal" among
  a process and a temperature; "Erythrocyte" against two forms of the parasite): `gen_defined`;
- "What do related forms include?" (related to what?) and "What do highly alloyed stainless steels show?"
  (one property of many): `gen_function`;
- "What is Painting?" keyed to "a cost-effective way to ...": a claim, not what it is (`gen_genus`);
- "What are gametocytes?" keyed to what they do when the glossary says what they are (`generator`);
- a step of a worked example ("Why does Chipland's curve have a slope of minus 1?"): `gen_text`.
"""

from __future__ import annotations

import pytest

from bot.core import nlp
from bot.core.documents import Chunk, make_chunk_id
from bot.core.quiz.gen_function import asks_any_of_a_kind, relational_subject
from bot.core.quiz.gen_genus import judged_means
from bot.core.quiz.gen_text import is_worked_example
from bot.core.quiz.generator import generate_items

TITLE = "Soldering and Brazing for the Workshop"
GLOSSARY = (
    "- Soft solder: a solder that melts below 450 degrees and joins copper pipes.\n"
    "- Hard solder: a solder that melts above 450 degrees, such as silver solder.\n"
    "- Tinning: the coating of a copper tip with a thin layer of molten filler.\n"
    "- Fluxing: the cleaning of a joint with a chemical paste before heating.\n"
    "- Sweating: the heating of a pipe joint until the filler runs into the gap.\n"
    "- Melting point: the temperature at which a solid metal turns liquid.\n"
    "- Iron: a hand tool with a heated copper tip.\n"
    "- Blowtorch: a hand tool that burns gas to heat a joint.\n"
    "- Dross: the waste metal that floats on a bath of molten filler.\n"
    "- Flux: a chemical paste that keeps a joint clean while it is heated."
)
PROSE = (
    "A good joint needs a clean surface. Dross is the layer that a plumber skims off the bath before dipping a "
    "joint. The workshop keeps both tools on a rack beside the bench."
)
EXAMPLE = (
    "Two plumbers join the same pipe. Plumber B's joint is stronger, because his flux was fresh. "
    "Plumber A's joint leaks, because the pipe was greasy."
)


def _notes() -> list[Chunk]:
    texts = (GLOSSARY, PROSE, EXAMPLE)
    heads = ((TITLE, "Key terms"), (TITLE, "Tools"), (TITLE, "Worked Example 1: Two Plumbers"))
    return [Chunk(make_chunk_id("solder.md", h, t, i), "solder.md", h, None, i, t)
            for i, (h, t) in enumerate(zip(heads, texts))]


@pytest.fixture(scope="module")
def items():
    return generate_items(_notes(), learned_cutoff=False)


def _defined(items) -> dict:
    return {i.answer: i for i in items if "which term means" in i.prompt}


def test_a_process_is_asked_among_processes_only(items):
    tinning = _defined(items)["Tinning"]
    assert set(tinning.options) == {"Tinning", "Fluxing", "Sweating"}


def test_no_item_when_the_answer_shows_its_kind_and_too_few_share_it(items):
    # "a solder that ...": "Soft solder" and "Hard solder" are the only solders; any other option is struck
    # out at sight, so no item rather than a give-away.
    defined = _defined(items)
    assert "Soft solder" not in defined and "Hard solder" not in defined


def test_no_two_wrong_options_of_a_kind_the_answer_is_not(items):
    # "Iron" and "Blowtorch" are both "a hand tool": beside "Flux" (a paste) they would leave it the odd one out.
    for item in _defined(items).values():
        if item.answer not in {"Iron", "Blowtorch"}:
            assert not {"Iron", "Blowtorch"} <= set(item.options), item


def test_a_term_whose_form_shows_another_kind_is_no_option(items):
    # "Melting point" (a point), the solders and the processes are no options of "a chemical paste".
    for item in _defined(items).values():
        if item.answer in {"Flux", "Dross", "Iron", "Blowtorch"}:
            assert not set(item.options) & {"Melting point", "Soft solder", "Hard solder", "Tinning", "Fluxing",
                                            "Sweating"}, item


def test_no_what_is_card_off_the_glossary_line(items):
    # "Dross: the waste metal that floats on a bath of molten filler." is what dross is; "Dross is the layer that
    # a plumber skims off ..." is not the answer to "What is dross?".
    assert not [i for i in items if i.prompt.lower().startswith("what is dross") and "skims" in i.source.quote]


def test_no_item_on_a_worked_example(items):
    assert not [i for i in items if "Worked Example" in i.source.section]
    assert is_worked_example((TITLE, "Worked Example 3: Shirtland and Chipland"))
    assert not is_worked_example((TITLE, "Examples of corrosion"))


@pytest.mark.parametrize("sentence, relational", [
    ("Related faults include cold joints, dry joints and bridged joints.", True),
    ("Similar tools include the gas iron and the hot-air gun.", True),
    ("Faults related to overheating include burnt flux and oxidised tips.", False),
    ("Common faults include cold joints, dry joints and bridged joints.", False),
])
def test_a_subject_related_to_what_the_passage_names(sentence, relational):
    assert relational_subject(nlp.parse_lines([sentence])[0]) is relational


@pytest.mark.parametrize("sentence, any_of_a_kind", [
    ("Hard solders show a higher melting point, the temperature at which they flow.", True),
    ("The pressure gauge shows the pressure in the gas bottle.", False),
])
def test_what_any_thing_of_a_kind_shows(sentence, any_of_a_kind):
    assert asks_any_of_a_kind(nlp.parse_lines([sentence])[0]) is any_of_a_kind


@pytest.mark.parametrize("sentence, judged", [
    ("Varnishing is a cheap way to protect a wooden floor from water.", True),
    ("Shorthand is a way to write speech as fast as it is spoken.", False),
    ("Logging is a means of tracking events that happen when a program runs.", False),
])
def test_a_judged_means_is_no_definition(sentence, judged):
    assert judged_means(nlp.parse_lines([sentence])[0]) is judged


def test_two_options_of_one_kind_beside_an_answer_of_another_are_not_both_offered():
    # "a red blood cell" against "the form of the parasite ..." twice (set 17, borderline): here "the waste
    # metal ..." against two hand tools; the options are taken in their order, so both would be offered.
    from bot.core.quiz.gen_defined import Definition, defined_term_question
    dross = Definition("Dross", "the waste metal that floats on a bath of molten filler", False, "metal",
                       glossary=True)
    others = [Definition("Blowtorch", "a hand tool that burns gas to heat a joint", False, "tool", glossary=True),
              Definition("Flux", "a chemical paste that keeps a joint clean while it is heated", False, "paste",
                         glossary=True),
              Definition("Iron", "a hand tool with a heated copper tip", False, "tool", glossary=True)]
    question = defined_term_question(dross, others, "", TITLE, lambda o: o)
    assert question is not None and question.answer == "Dross"
    assert not {"Blowtorch", "Iron"} <= set(question.options)


def test_an_answer_of_its_own_kind_against_options_of_kinds_the_notes_group_is_no_item():
    # "Erythrocyte: a red blood cell" against "Vector" (one of three organisms) and "Gametocyte" (one of three
    # forms of the parasite): the only term of its kind, found as the odd one out (set 17, borderline).
    from bot.core.quiz.gen_defined import Definition, defined_term_question
    dross = Definition("Dross", "the waste metal that floats on a bath of molten filler", False, "metal",
                       glossary=True)
    grouped = [Definition("Blowtorch", "a hand tool that burns gas to heat a joint", False, "tool", glossary=True),
               Definition("Iron", "a hand tool with a heated copper tip", False, "tool", glossary=True),
               Definition("Flux", "a chemical paste that keeps a joint clean while it is heated", False, "paste",
                          glossary=True),
               Definition("Resin", "a sticky paste that bonds a wire to its pad", False, "paste", glossary=True)]
    assert defined_term_question(dross, grouped, "", TITLE, lambda o: o) is None
    wick = Definition("Wick", "a braid of copper wire that soaks up molten filler", False, "braid", glossary=True)
    question = defined_term_question(dross, grouped + [wick], "", TITLE, lambda o: o)
    assert question is not None and "Wick" in question.options

"""Key terms main refused (session 26, lane qlabels), each as a form:

- a "Term. Definition." line whose definition joins two facts with one ";" is read as its first part;
- a glossary definition that repeats a word of its term ("Electoral vote. A vote cast by an elector.") can
  still be a card when it has words of its own and the same number as its term;
- the notes' subject's own line among its key definitions ("Cholera. An infection of ...") is a card, never
  a "which term means" item;
- a name inside the object of a definition's object ("by some strains of the bacterium Vibrio cholerae") is
  no role toward a named thing ("the mayor of Warsaw" still is);
- a term written in capitals, each word ("Members Business"), keeps them in its question.

Real spaCy on made-up notes of no course of the pool."""

from __future__ import annotations

from bot.core import nlp
from bot.core.documents import Chunk, make_chunk_id
from bot.core.quiz.gen_defined import Definition, dotted_definition, first_of_joined
from bot.core.quiz.gen_defined_cards import same_number, says_more_than_the_term, says_what_it_is
from bot.core.quiz.gen_term_form import term_as_asked
from bot.core.quiz.generator import generate_items


def _chunks(document, sections) -> list[Chunk]:
    return [Chunk(make_chunk_id(document, h, t, i), document, h, None, i, t) for i, (h, t) in enumerate(sections)]


def test_a_semicolon_joining_two_facts_keeps_the_first():
    found = dotted_definition("Oasis.", "A fertile spot in a desert where water is found; today often a town.")
    assert found is not None and found.definition == "a fertile spot in a desert where water is found"
    assert first_of_joined("a town; (see below) more") == "a town; (see below) more"  # too short: left as written
    assert dotted_definition("Oasis.", "A fertile spot in a desert; a town; a well of water.") is None  # three facts


def test_a_definition_repeating_its_term_says_more_than_the_term():
    line = Definition("Reef fish", "a fish that lives among coral reefs", False, glossary=True, dotted=True)
    assert says_more_than_the_term("Reef fish", line)
    echo = Definition("Licensee", "the one licensed", False, glossary=True)
    assert not says_more_than_the_term("Licensee", echo)  # nothing of its own
    whole = Definition("Reef fish", "any reef fish of the lagoon", False, glossary=True)
    assert not says_more_than_the_term("Reef fish", whole)  # holds the whole term
    prose = Definition("Reef fish", "a fish that lives among coral reefs", False, prose=True, glossary=True)
    assert not says_more_than_the_term("Reef fish", prose)


def test_a_singular_term_is_not_defined_by_plural_things():
    term = nlp.parse_lines(["Harbour blog"])[0]
    assert not same_number(term, nlp.parse_lines(["Harbour blog is harbour and river barriers."])[0], 2)
    term = nlp.parse_lines(["Reef fish"])[0]
    assert same_number(term, nlp.parse_lines(["Reef fish is a fish that lives among coral reefs."])[0], 2)


def test_a_name_deep_in_the_object_is_no_role():
    doc = nlp.parse_lines(["Blight is a disease of the leaves caused by some strains of the fungus Phytophthora infestans."])[0]
    assert says_what_it_is("Blight", "a disease of the leaves caused by some strains of the fungus Phytophthora infestans", doc)
    doc = nlp.parse_lines(["Burmistrz is the mayor of Warsaw."])[0]
    assert not says_what_it_is("Burmistrz", "the mayor of Warsaw", doc)


def test_a_title_case_term_keeps_its_capitals():
    assert term_as_asked("Members Business", {"members"}) == "Members Business"
    assert term_as_asked("Colonialism", {"colonialism"}) == "colonialism"


def test_the_subjects_own_key_definition_is_a_card():
    title = "Blight: Cause, Spread and Control"
    chunks = _chunks("blight.md", [
        ((title, "1. Introduction"), "Blight is one of the worst diseases of crops. Blight is also a lesson in "
                                      "how famines begin. Blight is a problem for every farmer."),
        ((title, "2. Key definitions"),
         "Blight. A disease of potato leaves caused by a water mould.\n"
         "Spore. A tiny cell that spreads the mould through the air.\n"
         "Fungicide. A chemical sprayed on crops to kill the mould."),
    ])
    items = generate_items(chunks, learned_cutoff=False)
    cards = [i for i in items if i.prompt == 'What is meant by "Blight"?']
    assert cards and cards[0].answer == "A disease of potato leaves caused by a water mould."
    assert not any("which term means" in i.prompt and i.answer == "Blight" for i in items)
    assert not any("which term means" in i.prompt and "Blight" in i.options for i in items)


def test_a_definition_that_only_unpacks_its_term_is_no_card():
    """Rounds 41-42, borderline ("the answer just restates the term"): "Electoral vote. A vote cast by an
    elector.", "Glomerular filtration rate. The rate at which blood is filtered through the glomeruli."."""
    from bot.core.quiz.gen_defined_cards import restates_the_term

    def restates(term, definition):
        return restates_the_term(term, nlp.parse_lines([definition])[0])
    assert restates("Harbour toll", "A toll paid at a harbour.")
    assert restates("Canal lock rate", "The rate at which boats are locked through the canal.")
    assert not restates("Harbour toll", "A fee of two shillings a ton that ships paid to the town council.")
    assert not restates("Seawall", "A stone barrier that keeps the tide off the quay.")  # no word of the term
    chunks = _chunks("port.md", [
        (("Ostra port", "1. Introduction"), "Ostra was a port town. Ships paid tolls at Ostra. The port grew rich."),
        (("Ostra port", "2. Key definitions"),
         "Harbour toll. A toll paid at a harbour.\n"
         "Wharfinger. The official who kept the wharf and collected its fees.\n"
         "Bollard. A short post on the quay to which ships were tied.")])
    prompts = [i.prompt for i in generate_items(chunks, learned_cutoff=False)]
    assert 'What is meant by "Harbour toll"?' not in prompts

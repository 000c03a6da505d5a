"""The kinds set 19's judge marked (round 37) and its key terms written "Term. Definition.", each as a form:

- a key-terms line written "Term. Definition." (the term a sentence of its own) is a glossary line;
- "The bulk of the population: farmers, ..." is a description, not a term (a glossary writes terms bare);
- "Plant types: impoundment, run-of-river and pumped storage" labels a list by its plural head;
- a who-question from a line labelled "The <event>." is asked in that event;
- a who-question whose stem names the person the section pairs with the answer gives it away;
- "Who was X?" of a person a heading of the section names is not keyed to one sentence of who they were.

Real spaCy on made-up notes of no course of the pool."""

from __future__ import annotations

from bot.core import nlp
from bot.core.documents import Chunk, make_chunk_id
from bot.core.quiz import generator as gen
from bot.core.quiz.gen_defined import dotted_definition, dotted_term, glossary_definition, lists_instances
from bot.core.quiz.gen_questions import Question
from bot.core.quiz.gen_text import Sentence
from bot.core.quiz.generator import generate_items

TITLE = "Volcanoes: How They Form and Erupt"
KEY_TERMS = (
    "Magma. Molten rock stored beneath the surface of the earth.\n"
    "Lava. Molten rock that has reached the surface through a vent.\n"
    "Caldera. A large hollow that forms when a volcano collapses into its emptied magma chamber.\n"
    "Vent. An opening in the crust through which lava and gases escape.\n"
    "Tephra / Pyroclastic material. Fragments of rock thrown into the air by an eruption.\n"
    "The big eruptions. Some volcanoes erupt only once in many centuries."
)


def _chunks(sections) -> list[Chunk]:
    return [Chunk(make_chunk_id("volcanoes.md", h, t, i), "volcanoes.md", h, None, i, t)
            for i, (h, t) in enumerate(sections)]


def test_a_dotted_key_term_line_is_a_glossary_line():
    found = dotted_definition("Caldera.", "A large hollow that forms when a volcano collapses into its emptied "
                              "magma chamber.")
    assert found is not None and found.term == "Caldera" and found.glossary
    assert found.definition == "a large hollow that forms when a volcano collapses into its emptied magma chamber"
    assert dotted_term("Tephra / Pyroclastic material.").group("term") == "Tephra"
    assert dotted_term("The big eruptions.") is None  # a label over what follows, not a term


def test_dotted_key_terms_are_asked_as_which_term_they_define():
    chunks = _chunks([((TITLE, "2. Key terms"), KEY_TERMS),
                      ((TITLE, "3. Eruptions"), "An eruption begins when pressure in the magma chamber rises.")])
    every = generate_items(chunks, learned_cutoff=False)
    items = {i.answer: i for i in every if "which term means" in i.prompt}
    # (lane qgloss: "Vent" (an opening) and "Caldera" (a hollow) have no other term of their kind here, and are
    # asked as cards, 'What is meant by "Vent"?')
    assert any(i.prompt in ('What is meant by "Vent"?', 'What is meant by "Caldera"?') and i.tests == "definition"
               for i in every)
    assert not any("big eruptions" in i.prompt.lower() for i in items.values())


def test_a_description_after_an_article_is_no_term():
    assert glossary_definition("The bulk of the population: farmers, herders and others, organised in villages.") is None
    assert glossary_definition("Hive: a wooden box in which a colony of bees is kept.") is not None


def test_a_plural_head_labels_a_list():
    term, listed = nlp.parse_lines(["Rock types", "basalt, andesite and rhyolite, plus pumice"])
    assert lists_instances(term, listed)
    term, defined = nlp.parse_lines(["Rock types", "the kinds of rock a volcano makes from its magma"])
    assert not lists_instances(term, defined)


SIEGE = ("The siege of 1683. The Ottoman army camped outside the walls for two months. "
         "John Sobieski led the relief army down the hills on 12 September. The Ottoman camp was taken by evening.")


def test_a_who_question_is_asked_in_its_lines_label():
    chunks = _chunks([(("The Siege of Vienna", "4. The relief"), SIEGE)])
    g = gen._Generator(chunks)
    quote = "John Sobieski led the relief army down the hills on 12 September."
    s = Sentence(quote, chunks[0], 0, False, quote=quote)
    assert g._in_its_label(s, "Who led the relief army down the hills on 12 September?") == \
        "In the siege of 1683, who led the relief army down the hills on 12 September?"
    assert g._in_its_label(s, "Who led the relief army at the siege of 1683?") == \
        "Who led the relief army at the siege of 1683?"  # the stem names its event already
    assert g._in_its_label(s, "What did the relief army do?") is None  # not asked under a label it does not name


TIE = ("In the contest of 1852 Walter Grimsby and Henry Oakes tied for the chair. "
       "Many members preferred Oakes to their old rival Grimsby. "
       "On the first vote, eight members chose Grimsby and six chose Oakes. "
       "Grimsby was elected chairman by ten votes to four, with Oakes as his deputy.")


def test_a_stem_that_names_the_answers_counterpart_gives_it_away():
    chunks = _chunks([(("The Harbour Board", "7. The tie of 1852"), TIE),
                      (("The Harbour Board", "8. Later years"),
                       "Walter Grimsby served until 1860. Henry Oakes left the board in 1855. "
                       "Grimsby built the new quay. Oakes wrote a history of the board.")])
    g = gen._Generator(chunks)
    quote = "Grimsby was elected chairman by ten votes to four, with Oakes as his deputy."
    s = Sentence(quote, chunks[0], 0, False, quote=quote)
    q = Question("Who was elected chairman by ten votes to four, with Oakes as his deputy?", "Walter Grimsby",
                 "subject")
    assert g._names_the_counterpart(s, q)
    alone = Question("Who was elected chairman by ten votes to four?", "Walter Grimsby", "subject")
    assert not g._names_the_counterpart(s, alone)


def test_who_was_x_is_not_asked_of_a_person_a_heading_names():
    chunks = _chunks([
        (("Early Computing", "5. Ada Lovelace and the Analytical Engine (1843)", "5.1 Who was Ada Lovelace?"),
         "Ada Lovelace (1815–1852) was an English mathematician and a noted writer. She worked with Charles "
         "Babbage on his Analytical Engine."),
        (("Early Computing", "5. Ada Lovelace and the Analytical Engine (1843)", "5.2 The notes of 1843"),
         "In 1843 Lovelace published notes on the engine. Her notes describe an algorithm for Bernoulli numbers."),
    ])
    items = generate_items(chunks, learned_cutoff=False)
    assert not any(i.prompt.startswith("Who was Ada Lovelace") for i in items)
    g = gen._Generator(chunks)
    assert g._headed_person("Ada Lovelace", chunks[0], "5.1 Who was Ada Lovelace?")
    assert not g._headed_person("Charles Babbage", chunks[0], "5.1 Who was Ada Lovelace?")


def test_a_term_with_its_article_and_a_term_whose_plural_comes_last_stay_terms():
    assert glossary_definition("The crater rim – the raised edge that surrounds the mouth of a volcano.") is not None
    term, defined = nlp.parse_lines(["Field duties", "unpaid work that a tenant owed on the estate, two days a week"])
    assert not lists_instances(term, defined)  # a genus with its clause, not a run of things
    term, defined = nlp.parse_lines(["Noble gases", "unreactive elements, such as helium, neon and argon"])
    assert not lists_instances(term, defined)  # a plural genus agreeing with its term, examples after it


def test_a_labelled_sentence_is_no_dotted_definition():
    # "Sediment. Dams trap sediment ...": a sentence about its label, naming it
    assert dotted_definition("Sediment.", "Dams trap sediment that would otherwise be carried downstream.") is None
    # "Storage. Water collects in ...": a step, a clause as the sentence is parsed (generator, with the docs)
    chunks = _chunks([((TITLE, "4. How an eruption unfolds"),
                       "Melting. Heat from the mantle slowly turns the rock into magma.\nRising. Magma rises through cracks in the crust.\n"
                       "Vent. An opening in the crust through which lava and gases escape.")])
    g = gen._Generator(chunks)
    terms = {d.term for ds in g.definitions.values() for d, _ in ds}
    assert "Melting" not in terms and "Rising" not in terms

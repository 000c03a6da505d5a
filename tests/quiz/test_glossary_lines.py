"""A glossary line of notes, "Term: definition" with the definition a lower-case noun phrase, is asked as
which term it defines, the other terms the notes define so as options (gen_defined.glossary_definition;
issue 8, session 24: set 24's psychology, law and software notes defined ten terms each so and made no
item of them). Real spaCy on made-up notes of no course of the pool."""

from __future__ import annotations

import pytest

from bot.core.documents import Chunk, make_chunk_id
from bot.core.quiz.gen_defined import glossary_definition
from bot.core.quiz.generator import generate_items

TITLE = "Beekeeping for Beginners"
GLOSSARY = (
    "- Hive: a wooden box in which a colony of bees is kept by the beekeeper.\n"
    "- Drone: a male bee whose only task is to mate with a young queen.\n"
    "- Nectar: a sugary liquid made by flowers that bees turn into honey.\n"
    "- Propolis: a sticky resin that bees gather from tree buds to seal gaps.\n"
    "- Swarming: the departure of a queen with half the workers to found a new colony.\n"
    "- Before inspection: the keeper lights the smoker and puts on a veil.\n"
    "- Requeening: a queen is replaced by the keeper when she grows old."
)
SEASONS = (
    "In spring the colony grows fast. Example: a strong hive may double its workers in six weeks. "
    "In summer the bees store honey. Example: a good hive fills three supers by August. "
    "In autumn the keeper feeds syrup. Example: a weak hive needs ten litres before winter."
)


def _notes() -> list[Chunk]:
    texts = (GLOSSARY, SEASONS)
    heads = ((TITLE, "Key terms"), (TITLE, "The beekeeping year"))
    return [Chunk(make_chunk_id("bees.md", h, t, i), "bees.md", h, None, i, t)
            for i, (h, t) in enumerate(zip(heads, texts))]


def _items():
    return {i.answer: i for i in generate_items(_notes(), learned_cutoff=False) if "which term means" in i.prompt}


def test_a_glossary_line_is_asked_as_which_term_it_defines():
    items = _items()
    drone = items["Drone"]
    assert drone.prompt == ("In the notes, which term means “a male bee whose only task is to mate with a young "
                            "queen”?")
    assert drone.kind == "multiple_choice" and drone.tests == "definition"
    assert "Drone" in drone.options and len(drone.options) >= 3
    assert set(drone.options) <= {"Hive", "Drone", "Nectar", "Propolis", "Swarming"}


def test_clauses_lead_ins_and_labels_are_no_terms():
    items = _items()
    assert "Requeening" not in items  # "a queen is replaced by ...": a clause, not a noun phrase
    assert "Before inspection" not in items  # a lead-in, not a term
    assert "Example" not in items  # a label before three lines, not a term
    assert all("Example" not in i.options and "Before inspection" not in i.options for i in items.values())


@pytest.mark.parametrize("sentence, term, definition", [
    ("Stimulus: any event in the environment that an organism can detect.", "Stimulus",
     "any event in the environment that an organism can detect"),
    ("Abstract syntax tree (AST): the internal representation of a document in the converter.",
     "Abstract syntax tree", "the internal representation of a document in the converter"),
    ("Search: a government intrusion into an area where a person expects privacy (see section 6).", "Search",
     "a government intrusion into an area where a person expects privacy"),
])
def test_the_forms_of_a_glossary_line(sentence, term, definition):
    found = glossary_definition(sentence)
    assert found is not None and found.glossary
    assert (found.term, found.definition) == (term, definition)


@pytest.mark.parametrize("sentence", [
    "Nectar: A sugary liquid made by flowers.",  # a capital: the flashcard's "Term: Sentence." line (gen_cards)
    "Weeks v. United States (1914): exclusionary rule created for federal courts.",  # a case, not a term
    "Ratio versus interval: ratio schedules count responses; interval schedules reinforce a response.",
    "HTML: weasyprint;",  # too short to recognise
])
def test_not_glossary_lines(sentence):
    assert glossary_definition(sentence) is None


FAMILY = (
    "- Unconditioned stimulus (UCS): a stimulus that naturally produces a response without any learning.\n"
    "- Unconditioned response (UCR): the natural, unlearned response to the UCS.\n"
    "- Conditioned stimulus (CS): a stimulus that was neutral at first but comes to produce a response.\n"
    "- Conditioned response (CR): the learned response to the CS.\n"
    "- Orienting stimulus: a stimulus that makes the organism turn towards where it came from.\n"
    "- Extinction: the weakening and eventual loss of a learned response when pairing stops.\n"
    "- Response: a behaviour produced by the organism, such as blinking or pressing a lever."
)


def test_a_family_word_the_terms_share_gives_no_term_away():
    """"a stimulus that was neutral at first ..." defines the CS among the UCS and the responses: "stimulus" is
    the family's word two terms end on, not a give-away. Its options are the other stimuli only (session 25: the
    answer shows its kind, "a stimulus", so a term of another kind would be struck out at sight)."""
    chunk = Chunk(make_chunk_id("learning.md", ("Learning", "Terms"), FAMILY, 0), "learning.md",
                  ("Learning", "Terms"), None, 0, FAMILY)
    items = {i.answer: i for i in generate_items([chunk], learned_cutoff=False) if "which term means" in i.prompt}
    cs = items["Conditioned stimulus"]
    assert cs.prompt == ("In the notes, which term means “a stimulus that was neutral at first but comes to produce "
                         "a response”?")
    assert set(cs.options) == {"Conditioned stimulus", "Unconditioned stimulus", "Orienting stimulus"}


def test_an_abbreviation_in_the_stem_that_stands_for_the_answers_words_is_no_item():
    """"the natural, unlearned response to the UCS" is "... to the Unconditioned stimulus": "Unconditioned
    response" is found by pairing the letters, and "the learned response to the CS" points so to "Conditioned
    response" (round 27: borderline twice). Neither is asked."""
    chunk = Chunk(make_chunk_id("learning.md", ("Learning", "Terms"), FAMILY, 0), "learning.md",
                  ("Learning", "Terms"), None, 0, FAMILY)
    items = {i.answer: i for i in generate_items([chunk], learned_cutoff=False) if "which term means" in i.prompt}
    assert "Unconditioned response" not in items and "Conditioned response" not in items
    assert "Conditioned stimulus" in items  # its stem holds no abbreviation


KINDS = (
    "- Hive tool: a flat steel lever that the keeper uses to prise frames apart.\n"
    "- Royal cell: a large cell that the workers build to raise a new queen.\n"
    "- Storage cell: a small cell capped with wax in which the colony keeps its food.\n"
    "- Drone cell: a wide cell in which the colony raises its males.\n"
    "- Drone: a male bee whose only task is to mate with a young queen.\n"
    "- Nectar: a sugary liquid made by flowers that bees turn into honey.\n"
    "- Propolis: a sticky resin that bees gather from tree buds to seal gaps."
)


def test_a_term_that_names_its_kind_is_asked_among_its_kind_only():
    """"Hive tool" says in its own words what kind of thing it is, and the notes define no other tool or lever:
    among a bee, a liquid and a resin the stem's "a flat steel lever" gives it away (round 27: "a folder where
    ..." keyed "User data directory" among a document, a reader and a writer; "a lower standard than ..."
    keyed "Reasonable suspicion" among a warrant, a search and a seizure). "Royal cell" has the other cells,
    "Storage cell" and "Drone cell", for its options, and no term of another kind (session 25: "a large cell"
    names the kind its own words show); a one-word term ("Drone") shows no kind by its form and is asked as before."""
    chunk = Chunk(make_chunk_id("bees.md", (TITLE, "Key terms"), KINDS, 0), "bees.md", (TITLE, "Key terms"), None,
                  0, KINDS)
    items = {i.answer: i for i in generate_items([chunk], learned_cutoff=False) if "which term means" in i.prompt}
    assert "Hive tool" not in items
    assert "Royal cell" in items and set(items["Royal cell"].options) == {"Royal cell", "Storage cell", "Drone cell"}
    assert "Drone" in items


def test_the_genus_is_read_after_an_aside_the_definition_leaves_out():
    """"an atom (or group of atoms) that carries ...": the aside is cut from the stem, and the genus ("atom")
    is still read from the line (it was "", so the term had no kind)."""
    from bot.core import nlp
    from bot.core.quiz.gen_defined import with_head
    line = "Ion: an atom (or group of atoms) that carries an electrical charge because it has lost electrons."
    assert with_head(glossary_definition(line), nlp.parse_lines([line])[0]).head == "atom"


def test_the_subject_before_the_titles_colon_is_not_asked_the_terms_after_it_are():
    """"Using Pandoc: A User's Guide" is about Pandoc ("Pandoc: a Haskell library ..." is no question), while
    "The Fourth Amendment: Search and Seizure" teaches its terms "Search" and "Seizure"."""
    title = "Beekeeping: Drones and Nectar"
    text = GLOSSARY.replace("- Hive:", "- Beekeeping: the keeping of colonies of bees in hives for their honey.\n- Hive:")
    chunks = [Chunk(make_chunk_id("bees.md", (title, "Key terms"), text, 0), "bees.md", (title, "Key terms"), None,
                    0, text)]
    items = {i.answer: i for i in generate_items(chunks, learned_cutoff=False) if "which term means" in i.prompt}
    assert "Drone" in items and "Nectar" in items
    assert "Beekeeping" not in items and all("Beekeeping" not in i.options for i in items.values())


def test_a_kind_of_the_term_is_no_wrong_option_of_it():
    """"Cation: a positive ion ..." is an ion too: offered beside "Ion" it would be a second answer. Held by
    gen_defined.defined_through (the licences' rule: a term defined as the answer is no wrong option of it)."""
    text = ("- Ion: an atom that carries an electrical charge because it has lost or gained electrons.\n"
            "- Cation: a positive ion, formed when an atom loses electrons.\n"
            "- Anion: a negative ion, formed when an atom gains electrons.\n"
            "- Octet: a set of eight valence electrons in the outer shell.\n"
            "- Isotope: a form of an element with a different number of neutrons.")
    chunks = [Chunk(make_chunk_id("chem.md", ("Chemistry", "Terms"), text, 0), "chem.md", ("Chemistry", "Terms"),
                    None, 0, text)]
    items = {i.answer: i for i in generate_items(chunks, learned_cutoff=False) if "which term means" in i.prompt}
    assert "Ion" not in items or not {"Cation", "Anion"} & set(items["Ion"].options)

"""Sibling sections of one kind (session 28, lane qsibs; gen_sibling_sections), each kind as a form:

- a heading naming a kind by a plural noun over three or more sub-headings naming members makes "which <kind> is
  ...?" (the sentence's subject is the member) or "which <kind> does this describe: “...”?" items, the sibling
  members' headings the options;
- a kind heading followed at its own level by headings numbered 1, 2, 3 (plain text) is the same;
- a heading naming one thing (a possessive, a year), a question, a verb's subject or a glossary gives no kind;
- sub-headings that are questions, led by a verb, two things, "other ...", about the kind itself, or used under
  two parents are no members, and a parent most of whose sub-headings are not members asks nothing;
- a sentence naming a sibling, or its member outside its subject, or a bare plural's general truth, is not asked.

Real spaCy on made-up notes of no course of the pool."""

from __future__ import annotations

from bot.core.documents import Chunk, make_chunk_id
from bot.core.quiz.gen_sibling_sections import SiblingSections, member_label, parent_kind
from bot.core.quiz.generator import generate_items

TITLE = ("Glaciers: Course Notes",)
TYPES = TITLE + ("4. Types of glacier",)
GLACIERS = [
    (TYPES + ("4.1 Valley glaciers",), "A valley glacier is a slow river of snow that flows downhill between "
                                       "steep rock walls."),
    (TYPES + ("4.2 Cirque glaciers",), "A cirque glacier is a small frozen mass that fills a bowl-shaped hollow "
                                       "high on a mountain side."),
    (TYPES + ("4.3 Piedmont glaciers",), "Piedmont glaciers spread out as broad lobes where they leave the "
                                         "mountains for a flat plain."),
    (TYPES + ("4.4 Tidewater glaciers",), "The front reaches the sea, where blocks break off and float away as "
                                          "icebergs."),
]
INTRO = (TITLE + ("1. Introduction",), "Glaciers cover about a tenth of the land surface of the Earth today and "
                                       "shape the valleys they move through.")


def _chunks(document, sections) -> list[Chunk]:
    return [Chunk(make_chunk_id(document, h, t, i), document, h, None, i, t) for i, (h, t) in enumerate(sections)]


def _questions(sections, document="glaciers.md"):
    chunks = _chunks(document, sections)
    sibs = SiblingSections(chunks)
    return [q for c in chunks for q in sibs.questions(c, "glaciers")], sibs


def test_member_sections_under_a_kind_heading_ask_which_member():
    asked, _ = _questions([INTRO] + GLACIERS)
    by_answer = {q.answer: q for q in asked}
    assert by_answer["Valley glaciers"].prompt == ("In the notes on glaciers, which type of glacier is a slow river of snow "
                                                   "that flows downhill between steep rock walls?")
    assert set(by_answer["Valley glaciers"].options) == {"Valley glaciers", "Cirque glaciers", "Piedmont glaciers",
                                                          "Tidewater glaciers"}
    # a plural subject is asked in the plural
    assert by_answer["Piedmont glaciers"].prompt.startswith("In the notes on glaciers, which types of glacier spread")
    # a sentence that does not name its member is asked as a description
    assert by_answer["Tidewater glaciers"].prompt == ("In the notes on glaciers, which type of glacier does this "
                                                      "describe: “The front reaches the sea, where blocks break off "
                                                      "and float away as icebergs”?")


def test_the_generator_posts_the_sibling_items():
    items = generate_items(_chunks("glaciers.md", [INTRO] + GLACIERS), learned_cutoff=False)
    asked = [i for i in items if "which type of glacier" in i.prompt]
    assert asked and all(i.answer in i.options and len(i.options) == 4 for i in asked)


def test_a_kind_heading_before_a_numbered_run_at_its_own_level():
    forms = TITLE + ("Forms of Ice Loss",)
    sections = [INTRO, (forms, "Ice is lost from a glacier in several ways."),
                (TITLE + ("1. Surface melting",), "Surface melting happens when warm air and sunshine heat the top "
                                                  "of the glacier in summer."),
                (TITLE + ("2. Basal melting",), "Basal melting is caused by heat from the ground beneath a thick glacier."),
                (TITLE + ("3. Sublimation",), "Sublimation turns ice straight into water vapour in dry, windy air.")]
    asked, _ = _questions(sections)
    assert {q.answer for q in asked} >= {"Basal melting", "Sublimation"}
    assert all("which form of ice loss" in q.prompt for q in asked)


def test_headings_naming_one_thing_or_no_kind_give_none():
    assert parent_kind("5. The facts of Gideon's case") is None  # a possessive: one case's story
    assert parent_kind("3. Origins: the Constitutional Convention of 1787") is None  # a year
    assert parent_kind("7. What drives the plates?") is None
    assert parent_kind("3. How monopolies arise") is None  # the plural noun is a verb's subject
    assert parent_kind("Government intervention") is None
    assert parent_kind("Key Definitions") is None  # a glossary: its sub-headings are terms
    assert parent_kind("3. How monopolies arise: barriers to entry").phrase == "barrier"
    assert parent_kind("Forms of Corrosion").phrase == "form of corrosion"  # Title Case read in sentence case
    assert parent_kind("3. Long-term causes: how the plains were ploughed").phrase == "long-term cause"


def test_sub_headings_that_are_no_members():
    kind = parent_kind("6. The three types of plate boundary")
    assert member_label("6.1 Divergent boundaries (constructive)", kind) == "Divergent boundaries (constructive)"
    assert member_label("2. Pitting corrosion", parent_kind("Forms of Corrosion")) == "Pitting corrosion"
    for heading in ("6.4 Comparing the three boundaries", "6.6 Why boundaries move?", "6.7 Surplus and efficiency",
                    "6.8 Other variations", "6.9 Effects of plate types", "Stage 1: confiscation",
                    "8.1 Germany, 1921-1923", "What a boundary shows"):
        assert member_label(heading, kind) is None, heading


def test_a_topic_whose_sub_headings_are_aspects_asks_nothing():
    topic = TITLE + ("5. Moraines",)
    sections = [INTRO, (topic + ("5.1 How moraines form",), "Rock debris carried by the ice is dropped where the "
                                                           "ice melts and piles up in ridges."),
                (topic + ("5.2 Comparing moraines and eskers",), "Eskers are sorted by meltwater but moraines are "
                                                                "unsorted mixtures of clay and boulders."),
                (topic + ("5.3 Terminal moraines",), "A terminal moraine is a ridge of debris that marks the "
                                                     "furthest advance of a glacier."),
                (topic + ("5.4 Lateral moraines",), "A lateral moraine is a ridge of debris along the side of a "
                                                    "valley glacier.")]
    asked, _ = _questions(sections)
    assert asked == []  # two members of four sub-headings: the heading names a topic, not a kind


def test_generic_sub_headings_are_no_members():
    sections = [INTRO] + GLACIERS + [
        (TYPES + ("Summary",), "Most glaciers in the world are retreating because summers have grown warmer."),
        (TITLE + ("5. Kinds of glacial lake",), "Lakes form behind moraines and in hollows scoured by the ice."),
        (TITLE + ("5. Kinds of glacial lake", "Summary"), "Many lakes drain suddenly when their dams of ice fail.")]
    asked, sibs = _questions(sections)
    assert all("Summary" not in q.options for q in asked)


def test_members_naming_the_kind_leave_out_a_sibling_that_does_not():
    filters = TITLE + ("12. Filters",)
    sections = [INTRO, (filters + ("12.1 JSON filters",), "A JSON filter reads the tree from its standard input."),
                (filters + ("12.2 Lua filters",), "A Lua filter runs inside the converter without a separate program."),
                (filters + ("12.3 Order of processing",), "The converter applies them in the order they are given.")]
    asked, sibs = _questions(sections)
    assert not sibs.groups  # two members, "Order of processing" an aspect of the topic


def test_sentences_naming_a_sibling_or_a_general_truth_are_not_asked():
    sections = [INTRO] + GLACIERS[:3] + [
        (TYPES + ("4.4 Tidewater glaciers",), "Unlike piedmont glaciers, they end in the sea and calve icebergs.")]
    sections[3] = (TYPES + ("4.3 Piedmont glaciers",), "Broad lobes of snow spread out where mountains meet flat plains.")
    asked, sibs = _questions(sections)
    answers = {q.answer for q in asked}
    assert "Tidewater glaciers" not in answers and "Piedmont glaciers" not in answers
    assert any(why == "a general truth" for _, why, _ in sibs.refused)


def test_an_aside_goes_with_the_subject_and_a_superlative_is_not_asked():
    sections = [INTRO] + GLACIERS
    sections[1] = (TYPES + ("4.1 Valley glaciers",), "A valley glacier, also called an alpine glacier, is a slow river "
                                                     "of snow that flows downhill.")
    sections[2] = (TYPES + ("4.2 Cirque glaciers",), "A cirque glacier is the smallest kind of body on a mountain.")
    asked, sibs = _questions(sections)
    by_answer = {q.answer: q for q in asked}
    assert by_answer["Valley glaciers"].prompt == ("In the notes on glaciers, which type of glacier is a slow river of "
                                                   "snow that flows downhill?")
    assert "Cirque glaciers" not in by_answer

"""Round 11's weak forms on notes nobody tuned for, by kind (bench/RESULTS.md 8.25-8.26): a card on a
piece of a notation the question does not show, a naming card that drops its condition, term options
of which three share a head noun the answer lacks, a why-card on one more reason of a passage or on a
purpose of one verb and one noun, and a year that only labels a thing. Real spaCy, on made-up notes
of no course of the pool."""

from __future__ import annotations

from bot.core import nlp
from bot.core.quiz.gen_concept_causes import adds_to_previous, bare_purpose
from bot.core.quiz.gen_concept_terms import CentralTerms, term_question
from bot.core.quiz.gen_naming import naming_question
from bot.core.quiz.gen_text import notation_pieces
from bot.core.quiz.gen_year_worth import labels_a_noun
from bot.core.quiz.generator import _Generator, generate_items
from tests.quiz.parsed_notes import chunks_of


def _prompts(paragraphs: list[str], title: str) -> list[str]:
    return [i.prompt for i in generate_items(chunks_of(paragraphs, title), learned_cutoff=False)]


# --- a piece of a notation given by an example ----------------------------------------------------

FIRMWARE = [
    "Every firmware image of the Lumen lamp is stored in a file named lamp_MMM-PPP_BBB.img on the flash card.",
    "The MMM component is the model number printed by the manufacturer on the base of the lamp.",
    "The PPP component is the patch level chosen by the maintainer of the firmware.",
    "The BBB component is the board revision that the image was built for.",
    "The Lumen lamp reads the MMM component first and refuses an image built for another model.",
    "The Lumen lamp is a reading lamp with a programmable dimmer and a small flash card.",
]


def test_no_card_on_a_piece_of_a_notation_the_question_does_not_show(monkeypatch):
    """"What is the VVV component?" of foo_VVV-RRR_AAA.deb (round 11: dropped, no referent)."""
    assert notation_pieces("\n".join(FIRMWARE)) == {"MMM", "PPP", "BBB"}
    assert not any(w in p for p in _prompts(FIRMWARE, "Lumen lamp") for w in ("MMM", "PPP", "BBB"))
    monkeypatch.setattr("bot.core.quiz.generator.notation_pieces", lambda text: set())
    assert any(w in p for p in _prompts(FIRMWARE, "Lumen lamp") for w in ("MMM", "PPP", "BBB"))


def test_plain_words_of_addresses_and_dotted_names_are_prose():
    text = "Write to lists.lumen.org. The Lumen Project ships UTF-8 text. Use os.path and Lamp.dim to set it."
    assert notation_pieces(text) == set()


# --- a naming card keeps its condition ------------------------------------------------------------


def test_a_naming_card_keeps_the_condition_the_name_holds_under():
    """"What is an object called?" of "An object is called iterable if you can get an iterator for it"
    (round 11: dropped, no answer without the condition)."""
    doc = nlp.parse_lines(["A kettle is called cordless when its base can be left on the counter."])[0]
    question = naming_question(doc)
    assert question is not None and question.prompt == "What is a kettle called when its base can be left on the counter?"
    assert question.answer == "Cordless."
    # A name under no condition keeps its plain question (an answer naming "kettle" again would be
    # refused for giving itself away: gen_naming._shares_head).
    doc = nlp.parse_lines(["A kettle with a spout on each side is called a samovar."])[0]
    question = naming_question(doc)
    assert question is not None and question.prompt == "What is a kettle with a spout on each side called?"
    assert question.answer == "A samovar."


# --- term options of one head noun the answer lacks ------------------------------------------------

BALLOT = [
    "The notice period starts when a proposal is sent to the members of the allotment society.",
    "The notice period lasts two weeks and may be shortened by the chair.",
    "The voting period follows the notice period and lasts one week.",
    "The voting period is announced on the notice board of the allotment society.",
    "The counting period begins when the voting period closes.",
    "The counting period ends when the secretary publishes the result.",
    "A proposal may not be changed during the voting period or the counting period.",
    "The fallback option is added to every ballot by the secretary.",
    "The fallback option has no sponsors, and cannot be amended or withdrawn.",
    "The fallback option wins when no proposal is ranked above it by a majority.",
    "The notice period, the voting period and the counting period are set by the society's rules.",
]


def _term_questions(paragraphs: list[str], title: str) -> list:
    g = _Generator(chunks_of(paragraphs, title))
    return [q for q in (term_question(doc, g.central_terms, text) for text, doc in g.docs.items()) if q]


def test_term_options_do_not_single_out_one_by_its_head_noun(monkeypatch):
    """"Default option" among three periods (round 11: dropped, another kind of thing); a "fallback
    option" among periods as a wrong option singles itself out the same way."""
    assert _term_questions(BALLOT, "Allotment society") == []
    choose = CentralTerms._choose
    monkeypatch.setattr(CentralTerms, "_choose", lambda self, *a, distinct_heads=False, **k: choose(self, *a, **k))
    made = _term_questions(BALLOT, "Allotment society")  # the options as they were chosen before
    assert any(q.answer == "Fallback option" for q in made)
    assert all("Fallback option" in q.options for q in made)


# --- why-cards on one more reason, or a purpose most rules have ------------------------------------


def test_a_why_card_is_not_made_of_one_more_reason_or_a_bare_purpose():
    assert adds_to_previous("Moreover, tenants come under a duty not to copy the rules, in order to prevent confusion.")
    assert adds_to_previous("In addition, the chair keeps the minutes.")
    assert not adds_to_previous("Morecambe lies on the bay.")
    assert bare_purpose("In order to prevent confusion.")
    assert bare_purpose("To save time.")
    assert not bare_purpose("To ensure that the army received ample resources.")
    assert not bare_purpose("So that they may be run continuously.")
    notes = ["Tenants of the allotment society must register every shed with the secretary.",
             "Moreover, tenants come under a duty not to copy the society's rules into their own leases, "
             "in order to prevent confusion.",
             "Tenants of the allotment society pay their rent every spring."]
    assert not any(p.startswith("Why") for p in _prompts(notes, "Allotment society"))


# --- a year that labels a thing -------------------------------------------------------------------


def test_a_year_that_labels_a_thing_is_not_asked():
    """"the 1988 Hamas charter took a more uncompromising stand" made false as "the 1991 ... charter"
    (round 11: a date swap, judged trivia)."""
    cases = [("Unlike the guild, the 1887 harbour charter took a stricter line on tolls.", "1887", True),
             ("The Port Venn Treaty (1902) secured the harbour dues for the town.", "1902", True),
             ("In 1902 the town signed the Port Venn Treaty.", "1902", False),
             ("On March 3, 1902, the town signed the Port Venn Treaty.", "1902", False)]
    for text, year, label in cases:
        doc = nlp.parse_lines([text])[0]
        assert labels_a_noun(doc, text.index(year)) is label, text


def test_a_keyword_mark_left_by_the_loader_is_not_shown():
    """reST's "!else" (a keyword not to be linked) read "Why is the use of the !else clause ...?"."""
    from bot.core.quiz.gen_text import readable_text
    assert readable_text("The !finally clause of a !try statement always runs.") == \
        "The finally clause of a try statement always runs."
    assert readable_text("Hello! World.") == "Hello! World."

"""Session 28, lane qcause2: cause and relation sentences no template read (session 27's census of itemless
sections). "What does X depend on?"; "X, so it ..." with the pronoun standing for the cause's subject; "X, so Y"
after a change, whose comparative needs no "than"; a cause opening "For <which things>"; a passive cause with an
apposition after its name; a present-tense passive completed by a phrase is no deed lacking its setting. Real
spaCy on made-up sentences of no course of the pool."""

from __future__ import annotations

from bot.core import nlp
from bot.core.quiz.gen_caused import caused_question
from bot.core.quiz.gen_concept_causes import lacks_setting, so_question
from bot.core.quiz.gen_function import depends_question
from bot.core.quiz.gen_questions import why_question


def parse(text: str):
    return nlp.parse_lines([text])[0]


def test_what_a_quantity_depends_on_is_asked_with_the_whole_on_phrase():
    question = depends_question(parse("The yield of the orchard depends on the depth of the soil and on the "
                                      "hours of frost in spring."))
    assert question is not None
    assert question.prompt == "What does the yield of the orchard depend on?"
    assert question.answer == "The depth of the soil and the hours of frost in spring."


def test_no_depends_card_of_a_negation_an_addition_a_bare_noun_or_a_pointer():
    for text in ("The yield of the orchard does not depend on the soil, but on the frost.",
                 "The yield of the orchard also depends on the depth of the soil.",
                 "Yield depends on the depth of the soil.",
                 "The yield of the orchard depends on this.",
                 "Its yield depends on the depth of the soil.",
                 "The yield of the orchard depended on the depth of the soil."):
        assert depends_question(parse(text)) is None, text


def test_a_pronoun_after_so_is_the_cause_subject_written_out():
    question = so_question(parse("Molten basalt is very fluid, so it spreads over wide plains."))
    assert question is not None
    assert question.prompt == "Why does molten basalt spread over wide plains?"
    assert question.answer == "Because molten basalt is very fluid."


def test_no_pronoun_written_out_when_another_noun_could_be_its_referent():
    for text in ("Molten basalt melts the old crust, so it spreads over wide plains.",
                 "Molten basalt is very fluid, so they spread over wide plains."):
        assert so_question(parse(text)) is None, text


def test_a_comparative_after_a_change_needs_no_than():
    question = so_question(parse("Grain became scarce, so the millers could charge higher prices."))
    assert question is not None
    assert question.prompt == "Why could the millers charge higher prices?"


def test_a_cause_opening_with_for_which_things_is_a_claim():
    question = so_question(parse("For most common alloys in dry air the oxide film is stable, so the surface is "
                                 "protected from further attack."))
    assert question is not None
    assert question.prompt == "Why is the surface protected from further attack?"
    assert so_question(parse("For example, the oxide film is stable, so the surface is protected from further "
                             "attack.")) is None


def test_a_passive_cause_named_then_described_is_answered_with_the_name():
    question = caused_question(parse("Leaf blight is caused by Phytophthora infestans, a water mould of warm summers."))
    assert question is not None
    assert question.prompt == "What causes leaf blight?"
    assert question.answer == "Phytophthora infestans."


def test_a_present_passive_completed_by_a_phrase_has_its_setting():
    doc = parse("Spot brazing is usually classed as a fusion process, because the filler melts below the metal.")
    assert not lacks_setting(doc, "Why is spot brazing usually classed as a fusion process?")
    doc = parse("Steel mesh is added, because the slab is weak in tension.")
    assert lacks_setting(doc, "Why is steel mesh added?")


def test_a_cause_before_a_semicolon_is_asked_of_the_first_clause():
    from bot.core.quiz.gen_concept_causes import cut_cause_question
    doc = parse("The pump lifts water into the upper tank so that the turbines can run at night; without the pump the "
                "plant stops.")
    assert why_question(doc) is None  # rooted in the clause after the semicolon
    question = cut_cause_question(doc)
    assert question is not None
    assert question.prompt == "Why does the pump lift water into the upper tank?"
    assert question.answer == "So that the turbines can run at night."


def test_an_adjective_after_the_subject_with_its_own_phrase_situates_nothing():
    from bot.core.quiz.gen_function import situated_subject
    assert not situated_subject(parse("The heat available from the exhaust depends on the load of the engine."))
    assert situated_subject(parse("The available heat depends on the load of the engine."))
    question = depends_question(parse("The heat available from the exhaust depends on the load of the engine."))
    assert question is not None and question.prompt == "What does the heat available from the exhaust depend on?"


def test_a_condition_is_asked_under_the_topic_before_a_title_colon():
    from bot.core.quiz.gen_conditions import outcome_prompt
    assert outcome_prompt("the kiln cools", "Kiln Firing: Course Notes") == \
        "In the notes on Kiln Firing, what happens if the kiln cools?"
    assert outcome_prompt("the kiln cools", "The Kiln Age, 1600–1700: Course Notes") == ""


def test_a_definite_subject_named_as_a_term_of_the_notes_stands_in_a_condition():
    from bot.core.quiz.gen_conditions import outcome_card
    doc = parse("If the primary winding is opened under load, a high voltage appears across the secondary coil.")
    assert outcome_card(doc, doc.text) is None  # "the ..." told before, unless the notes use it as a term
    card = outcome_card(doc, doc.text, term=lambda phrase: phrase == "primary winding")
    assert card is not None and card.consequence.startswith("A high voltage appears across the secondary coil")


def test_depends_answer_says_on_once():
    question = depends_question(parse("The yield of the orchard depends on the depth of the soil and on the hours of "
                                      "frost in spring."))
    assert question is not None and " and on " not in question.answer


def test_no_condition_card_of_a_bare_kind_the_notes_name_kinds_of(tmp_path):
    from bot.core.chunking import chunk_document
    from bot.core.loaders import load_document
    from bot.core.quiz import generator as gen
    path = tmp_path / "styling.md"
    path.write_text("# Styling Guide\n\nThe css option links the output to a CSS style sheet for web pages. The style "
                    "of the citations is set by a CSL style sheet, named with the csl option. If no style sheet is "
                    "given, the plain author-date style is used by default.\n", encoding="utf-8")
    chunks = chunk_document(load_document(path, path.name), max_chars=900)
    g = gen._Generator(chunks)
    doc = next(d for t, d in g.docs.items() if t.startswith("If no style sheet"))
    assert g._kind_left_open(doc, chunks[0].document)
    other = next(d for t, d in g.docs.items() if t.startswith("The css option"))
    assert not g._kind_left_open(other, chunks[0].document)  # its subject has no such kinds


def test_a_cause_told_again_or_the_effect_as_a_cause_is_no_second_explanation():
    from bot.core.quiz.gen_caused import explained_elsewhere
    texts = ["Leaf blight is caused by Phytophthora infestans.",
             "Phytophthora infestans is the water mould that causes most leaf blight in potatoes.",
             "Leaf blight remains a major cause of crop loss in wet summers."]
    assert not explained_elsewhere("Leaf blight", texts[0], texts, "Phytophthora infestans.")
    texts.append("Leaf blight spread quickly in 1846 because the summer was wet.")
    assert explained_elsewhere("Leaf blight", texts[0], texts, "Phytophthora infestans.")


def test_one_name_of_the_course_setting_before_a_kind_names_no_other_kind(tmp_path):
    from bot.core.chunking import chunk_document
    from bot.core.loaders import load_document
    from bot.core.quiz import generator as gen
    path = tmp_path / "union.md"
    path.write_text("# Union Law\n\nEU member states keep their own courts. Many member states opened their markets. "
                    "If a member state appeals to the safety clause, the measures it takes must be proportionate.\n",
                    encoding="utf-8")
    chunks = chunk_document(load_document(path, path.name), max_chars=900)
    g = gen._Generator(chunks)
    doc = next(d for t, d in g.docs.items() if t.startswith("If a member state"))
    assert not g._kind_left_open(doc, chunks[0].document)

"""The kinds held-out set 21 showed (main's 49 items, judged in round 48), each as a form that holds on any notes:

- a label of a run of facts about one thing ("Facts about X:" then "- Composition: ...", "- Timing: X is ...")
  read as a glossary term, keyed and offered as an option (judged wrong once);
- a one-word adjective label of a kind ("Thermal: exposure to high temperature"), an adverb-led fact ("Usually
  a layer of graphite"), a run of measures ("Pack design. Thermal barriers ..., ..., ..., and ...") and a
  remark's lead with its article ("A common confusion: ...") asked as terms;
- a name among common words as options ("Cuzco" beside "mit'a", "chasqui");
- case names cut at "v." in list items, and "what comes after" two entries of one year;
- a short name widened to a person where the notes also name a case by it ("After Sweatt");
- finished items: a worked example's figures, a pro-form adverb in a condition ("go elsewhere"), a bare
  relational subject ("What do sources include?"), a kept cross-reference "(section 8)", a card keyed "Now a
  ...", an actor named in the notes' title, a blank qualified by ", <Place>".

Real spaCy on made-up notes of no course of the pool (a rope works, a varnish shop, a canal court)."""

from __future__ import annotations

from bot.core import nlp
from bot.core.quiz.gen_defined import (category_label, glossary_definition, hedged_fact, runs_of_things,
                                       written_as)
from bot.core.quiz.gen_finished_forms import (bare_relational_subject, cross_reference, example_figures,
                                              hedged_answer, opens_a_case_name, points_back, qualified_blank,
                                              title_names_answer)
from bot.core.quiz.gen_named_lists import _names, _same_year
from bot.core.quiz.generator import generate_items
from bot.core.quiz.items import QuizItem, QuizSource
from tests.quiz.parsed_notes import section_chunks


def _items(document: str, sections) -> list:
    return generate_items(section_chunks(document, sections), learned_cutoff=False)


VARNISH = [
    (("Varnish Making", "1. Key terms"),
     "- Resin: a sticky substance that hardens when it dries.\n"
     "- Solvent: a liquid that dissolves the resin so that it can be brushed.\n"
     "- Drier: a metal salt that speeds the hardening of the oil.\n"
     "- Primer: a first coat that seals the bare wood."),
    (("Varnish Making", "2. Spar varnish (SV)"),
     "Spar varnish must bend with the timber of a boat. Facts about SV:\n"
     "- Composition: a mixture of tung oil and resin, thinned with turpentine.\n"
     "- Higher flexibility: SV bends with the wood instead of cracking. This suits masts.\n"
     "- Cause of the flexibility: SV keeps its oil soft for years."),
]


def test_a_label_among_facts_about_one_thing_is_no_term():
    items = _items("varnish.md", VARNISH)
    assert not any(i.answer == "Composition" or "Composition" in i.options for i in items)
    assert any(i.answer == "Resin" for i in items)  # the glossary's own terms are asked as before


def test_a_heading_that_names_the_rules_own_subject_is_no_clause():
    # main: 'According to the Varnish Making, what does "Spar varnish (SV)" require?' keyed to the section's text
    assert not any("require?" in i.prompt for i in _items("varnish.md", VARNISH))


def test_an_adjective_label_of_a_kind_is_no_term():
    term, definition = nlp.parse_lines(["Thermal", "exposure to high temperature"])
    assert category_label(term, definition)
    term, definition = nlp.parse_lines(["Ductile", "able to be drawn out into a thin wire"])
    assert not category_label(term, definition)


def test_a_fact_led_by_an_adverb_is_no_definition():
    assert hedged_fact(nlp.parse_lines(["usually a layer of graphite, which also stores lithium ions"])[0])
    assert not hedged_fact(nlp.parse_lines(["very small particles of clay suspended in water"])[0])


def test_a_run_of_measures_is_no_definition():
    assert runs_of_things(nlp.parse_lines([
        "brick walls between the kilns, steel doors, separate storerooms, and chimneys for the fumes"])[0])
    assert not runs_of_things(nlp.parse_lines(["unreactive elements, such as helium, neon and argon"])[0])
    assert not runs_of_things(nlp.parse_lines(["a hard, grey, brittle metal"])[0])


def test_a_remarks_lead_with_its_article_is_no_term():
    assert glossary_definition("A common mistake: the varnish is brushed on too thickly.") is None
    assert glossary_definition("Primer: a first coat that seals the bare wood.") is not None


def test_how_the_prose_writes_a_term_says_a_name_from_a_word():
    text = "The court sat in Dunmore. Appeals went to Dunmore by barge. A ferrier carried the writs; two ferriers rode."
    assert written_as("Dunmore", text) == "name"
    assert written_as("Ferrier", text) == "word"
    assert written_as("Tollgate", text) == ""


CASES = ["Brock v. Ohio: Brock, who had himself been refused entry to the college, forced it to admit him.",
         "Tolliver v. Board of Regents of the University of Iowa (1948).",
         "Haskins v. Carter (1950): Paul Haskins applied to the medical school of the state university.",
         "Lomax v. Nevada State Regents for Higher Education (1950)."]


def test_case_names_cut_at_an_abbreviation_are_no_members():
    assert _names(CASES, nlp.parse_lines) is None  # main read "Brock v", "Tolliver v", ... and asked their order
    assert _names(["Bowman's capsule, which filters the blood.", "The proximal convoluted tubule.",
                   "The loop of Henle."], nlp.parse_lines) is not None


def test_two_entries_of_one_year_have_no_after():
    assert _same_year("Price v. Lyle (1910): tolls were capped.", "Lyle v. Dent (1910): the cap was upheld.")
    assert not _same_year("Hale v. Barrow (1901): ...", "Price v. Lyle (1910): ...")


def _item(tests: str, prompt: str, answer: str, options=(), quote: str = "") -> QuizItem:
    return QuizItem("x", "flashcard" if not options else "multiple_choice", prompt, answer, tuple(options),
                    QuizSource("notes.md", "", quote or answer), tests=tests)


def test_a_worked_examples_figures_are_not_asked():
    assert example_figures(_item("cause", "What leads to a 15% fall in the sales of bus tickets?",
                                 "A 20% rise in fares."))
    assert example_figures(_item("cause", "Why is the price elasticity about 0.4?",
                                 "Because a 10% rise in price cuts sales by 4%."))
    assert not example_figures(_item("cause", "In the notes on Fares, what happens if a fare rise cuts revenue?",
                                     "Demand is elastic."))


def test_a_condition_that_points_back_is_not_asked():
    assert points_back(_item("cause", "In the notes on Fares, what happens if many riders go elsewhere?",
                             "Demand is elastic and revenue falls."))
    assert not points_back(_item("cause", "In the notes on Fares, what happens if a fare rise cuts revenue?",
                                 "Demand is elastic."))


def test_a_bare_relational_subject_names_nothing():
    assert bare_relational_subject(nlp.parse_lines(["What do sources include?"])[0])
    assert not bare_relational_subject(nlp.parse_lines(["What do the sources of lead include?"])[0])


def test_a_kept_cross_reference_is_not_asked():
    assert cross_reference(_item("cause", "Why does the pressure cap matter?",
                                 "Because a burst pipe floods the cellar (section 8)."))
    assert not cross_reference(_item("cause", "Why does the pressure cap matter?", "Because pipes burst."))


def test_a_card_keyed_to_what_a_thing_is_now_is_not_asked():
    doc = nlp.parse_lines(["Now a museum of the canal."])[0]
    assert hedged_answer(_item("definition", "What is the Lock House?", "Now a museum of the canal."), doc)
    doc = nlp.parse_lines(["A house built for the lock keeper."])[0]
    assert not hedged_answer(_item("definition", "What is the Lock House?", "A house built for the lock keeper."), doc)


def test_an_actor_the_title_names_is_given_away():
    options = ("Ada Hale", "Tom Barrow", "Jane Price", "Will Kent")
    assert title_names_answer(_item("actor", "Who sued the canal company?", "Tom Barrow", options),
                              "Barrow v. Canal Company (1901)")
    assert not title_names_answer(_item("actor", "Who sued the canal company?", "Ada Hale", options),
                                  "Barrow v. Canal Company (1901)")


def test_a_blank_qualified_by_a_place_is_not_asked():
    options = ("Leeds", "York", "Hull", "Wales")
    assert qualified_blank(_item("enumeration", "Which does NOT belong? “Mills in _____, Yorkshire, closed.”",
                                 "Wales", options))
    assert not qualified_blank(_item("enumeration", "Which does NOT belong? “Mills in _____ closed.”",
                                     "Wales", options))
    assert not qualified_blank(_item("date", "In _____, Americans who opposed the war founded a league.", "1898",
                                     ("1898", "1901", "1895", "1904")))


def test_a_short_name_that_opens_a_case_name_is_not_widened_to_a_person():
    text = "Brock v. Ohio Canal Company (1948): Ada Brock refused the toll. After Brock, Green planned the next phase."
    assert opens_a_case_name("Brock", text)
    assert not opens_a_case_name("Green", text)


def test_a_topic_heading_over_a_rule_on_a_part_of_it_is_no_clause():
    from bot.core.quiz.gen_clauses import clause_card
    topic = "Oxygen produced in the leaves must be carried to the roots."
    assert clause_card(("Plant Physiology", "5. Oxygen transport"), [topic], nlp.parse_lines([topic])[0]) is None
    rule = "All sharing of Guild Recipes must be under the terms of this Charter."
    assert clause_card(("The Bakers' Charter", "3.1 Sharing of Recipes"), [rule], nlp.parse_lines([rule])[0]) is not None

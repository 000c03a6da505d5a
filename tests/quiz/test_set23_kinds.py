"""The kinds held-out set 23 showed (main's 45 items, judged before any change: 29 kept, 1 wrong), each as a form
that holds on any notes:

- "X does not make Y, so it tells A from B" asked "Why does X tell A from B?": the pronoun resolved to the subject
  while the object it stands for was tagged as no noun (the wrong item);
- an enumeration in a sentence on the notes themselves ("These notes cover ..., diagnosis, treatment and
  prevention") taken for peers of one kind, so the notes' section names were offered as options;
- a "Term (in this case). Definition." line asked without its qualifier;
- a definition that points to the line before ("another landform of ...");
- a label's one-sentence fact with a share for its subject ("About 90 percent ... develop ...");
- who-did-what stems with a negated verb or an aspect verb without its act;
- two wrong options of one root ("Bullion", "Bullionism");
- "What does X contain?" keyed to one thing; "Body fluids ... include ..." after "the blood or other body fluids";
- an abbreviation of a body the notes' sources cite ("WHO ... fact-sheet");
- a label line of the notes' summary offered as a term ("Aftermath: ...").

Real spaCy on made-up notes of no course of the pool (a glassworks, a canal company)."""

from __future__ import annotations

from bot.core import nlp
from bot.core.quiz.gen_concept_causes import so_question
from bot.core.quiz.gen_concept_terms import enumerations
from bot.core.quiz.gen_defined import _summing_up, dotted_definition
from bot.core.quiz.gen_finished_forms import (another_of_before, label_of_facts, one_content, open_actor_stem,
                                              rooted_pair)
from bot.core.quiz.generator import generate_items
from bot.core.quiz.items import QuizItem, QuizSource
from tests.quiz.parsed_notes import section_chunks


def _card(tests: str, prompt: str, answer: str, quote: str = "", options=()) -> QuizItem:
    return QuizItem("x", "multiple_choice" if options else "flashcard", prompt, answer, tuple(options),
                    QuizSource("glass.md", "", quote or answer), tests=tests)


def test_a_pronoun_after_so_is_not_the_subject_when_an_object_untagged_as_noun_could_be_it():
    wrong = so_question(nlp.parse_line("Annealing does not produce anti-SSc, so it distinguishes infection from "
                                       "annealing."))
    assert wrong is None
    kept = so_question(nlp.parse_line("Soda ash is strongly alkaline, so it lowers the melting point of sand."))
    assert kept is not None and kept.prompt.endswith("lower the melting point of sand?")


def test_an_enumeration_in_a_sentence_on_the_notes_themselves_names_no_peers():
    docs = nlp.parse_lines(["These notes cover the kiln, how bricks are fired, the course of the firing, "
                            "inspection, repair and maintenance.",
                            "The peers of the notes are loggers, handlers, filters and formatters."])
    found = enumerations(docs)
    assert {"logger", "handler", "filter", "formatter"} in found
    assert not any("inspection" in keys for keys in found)  # (read as peers without the rule)


def test_a_term_qualified_by_an_aside_of_its_setting_is_not_defined_without_it():
    assert dotted_definition("Monopoly (in this case).", "An exclusive right, granted by the town, to run barges "
                             "on the canal.") is None
    kept = dotted_definition("Head (hydraulic head).", "The height difference between the water above and below "
                             "the lock.")
    assert kept is not None and kept.term == "Head"


def test_a_definition_beside_the_line_before_points_back():
    assert another_of_before(_card("definition", 'What is meant by "Seeds"?',
                                   "Another fault of glass found in blown bottles."))
    assert another_of_before(_card("definition", "In the notes, which term means “another fault of glass found in "
                                   "blown bottles”?", "Seeds", options=("Seeds", "Cords", "Stones")))
    assert not another_of_before(_card("definition", 'What is meant by "Cullet"?',
                                       "Another name for broken glass returned to the furnace."))


def test_a_labels_share_doing_something_is_no_meaning():
    answer = "About 90 percent or more develop fine cracks in the first year."
    assert label_of_facts(_card("definition", 'What is meant by "Unannealed bottles"?', answer),
                          nlp.parse_line(answer))
    one = "Villages built small kilns to fire bricks for the locks."
    assert not label_of_facts(_card("definition", 'What is meant by "Village kilns"?', one), nlp.parse_line(one))


def test_a_who_stem_negated_or_with_an_aspect_verb_alone_is_open():
    options = ("Ann Reid", "Tom Hale", "Jo Marsh")
    assert open_actor_stem(_card("actor", "Who did not need to rely on the charter?", "Ann Reid", options=options))
    assert open_actor_stem(_card("actor", "Who began with the history of the canal?", "Ann Reid", options=options))
    assert not open_actor_stem(_card("actor", "Who began the survey of the canal in 1790?", "Ann Reid",
                                     options=options))
    assert not open_actor_stem(_card("actor", "Who won the most votes but not a majority?", "Ann Reid",
                                     options=options))


def test_two_wrong_options_of_one_root_single_out_the_key():
    assert rooted_pair(_card("definition", "Which term means a tax on imports?", "Tariff",
                             options=("Tariff", "Bullion", "Bullionism")))
    assert not rooted_pair(_card("definition", "Which term means a tax on imports?", "Tariff",
                                 options=("Tariff", "Bullion", "Quota")))


def test_what_a_thing_contains_asked_of_one_thing_is_open():
    assert one_content(_card("definition", "What does the charter contain?", "A list of tolls set by the board."))
    assert not one_content(_card("definition", "What do early faults of glass include?", "Seeds, cords and stones."))


def test_a_subject_the_passage_set_apart_as_the_others_is_not_asked():
    from types import SimpleNamespace
    from bot.core.quiz.gen_tpl_questions import _others_before
    quote = "Liquids that can etch the glass include vinegar, lye, brine and urine."
    before = "Glass is spoiled by contact with water or other liquids, when these reach the surface. "
    sentence = SimpleNamespace(quote=quote, chunk=SimpleNamespace(text=before + quote))
    assert _others_before("liquids that can etch the glass", sentence)
    plain = SimpleNamespace(quote=quote, chunk=SimpleNamespace(text="Glass is spoiled by water. " + quote))
    assert not _others_before("liquids that can etch the glass", plain)


def test_an_abbreviation_of_a_body_the_sources_cite_is_not_asked():
    text = ("The Northern Glass Institute (NGI) estimated that in 2015 the works made 25 million bottles. "
            "The NGI later counted 4 million more in 2016. The NGI also counts the cullet. "
            "Batches are weighed by hand.")
    sections = [(("Glass", "1. Output"), text), (("Glass", "2. Trade"), "The NGI reports the trade each year."),
                (("Glass", "Sources"), "- NGI glass output fact-sheet (example.org)")]
    prompts = [i.prompt for i in generate_items(section_chunks("glass.md", sections), learned_cutoff=False)]
    assert not any("NGI stand for" in p for p in prompts)
    without = [i.prompt for i in generate_items(section_chunks("glass.md", sections[:2]), learned_cutoff=False)]
    assert any("NGI stand for" in p for p in without)


def test_a_label_under_the_notes_summary_is_no_term():
    assert _summing_up(("Glass", "11. Summary"))
    assert _summing_up(("Key points",))
    assert not _summing_up(("Glass", "Summary of the trials"))


def test_a_term_item_keyed_to_a_parent_sections_name_generalises_its_sub_sections_claim():
    from bot.core.quiz.gen_finished_forms import parent_heading_key
    options = ("Annealing", "Blowing", "Cutting", "Melting")
    under = QuizItem("x", "multiple_choice", "According to the notes, which of these takes about six hours?",
                     "Annealing", options, QuizSource("glass.md", "Glass > 8. ANNEALING > 8.2 Thick bottles",
                                                      "Annealing takes about six hours."), tests="term")
    assert parent_heading_key(under)
    own = QuizItem("x", "multiple_choice", "According to the notes, which of these takes about six hours?",
                   "Annealing", options, QuizSource("glass.md", "Glass > 8. Annealing", "Annealing takes about six hours."),
                   tests="term")
    assert not parent_heading_key(own)

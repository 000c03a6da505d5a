"""The kinds held-out set 22 showed (main's 63 items, judged before any change: 44 kept, 1 wrong), each as a form
that holds on any notes:

- a "which is NOT" list item keying a thing the notes give as one of the list's kind elsewhere: "poor conditions"
  as no long-term cause, though section "3. Long-Term Causes" names "poor conditions of life" (the wrong item);
- cards whose key is cut short ("... (potential GDP) and."), one of several coordinated parts ("depends on A, B
  and C" keyed A; "must support X, or resign" keyed without "or resign"), a "because" answer carrying a second
  argued thing (", and that ..."); a bare relational noun with its article ("What is an example?"); a row label
  of a comparison asked as a term ('What is meant by "Violence"?');
- "How is X associated?" of "X is associated with a rate of 99.9%" (a measure, no means);
- a clause card on a lead-in to a list ("may include some or all of the following features");
- "Who writing about ..., compared ...?" (a participle set off by commas read as the main verb);
- a name met only in the notes' sources offered as a person ("Marx Memorial Library" beside Kerensky);
- a relational noun alone as an option ("Result"), the keyed option alone with a figure ("Day 0");
- sequence events dated by one instance ("for example in 1901") or holding a second dated thing;
- "What was the Winter Palace?" from an apposition where the notes also write "the Tsar's Winter Palace".

Real spaCy on made-up notes of no course of the pool (a canal company, a glassworks, a lighthouse board)."""

from __future__ import annotations

from bot.core import nlp
from bot.core.quiz.gen_actors import notes_people
from bot.core.quiz.gen_clauses import clause_card
from bot.core.quiz.gen_concept_lists import list_question
from bot.core.quiz.gen_context import NameContexts
from bot.core.quiz.gen_finished_forms import (bare_relational_subject, cut_short, label_of_facts, one_of_several,
                                              only_with_a_figure)
from bot.core.quiz.gen_howto import passive_means_question
from bot.core.quiz.gen_questions import who_question
from bot.core.quiz.gen_sequence import event_of
from bot.core.quiz.generator import _Generator, generate_items
from bot.core.quiz.items import QuizItem, QuizSource
from tests.quiz.parsed_notes import parsed_notes, section_chunks

LAW = """\
The three sources of Ardian law are primary law, secondary law and supplementary law.
Primary law consists of the founding treaties of the league.
Secondary law is made by the council under the treaties.
Supplementary law fills the gaps left by the treaties.
The courts of Ardia make case law when they decide disputes.
The lower courts of Ardia must follow case law."""


def test_a_lists_odd_one_out_is_never_found_under_a_heading_naming_the_lists_kind():
    lines = LAW.splitlines()
    docs, lexicon = parsed_notes(LAW)
    plain = list_question(docs[0], lexicon, NameContexts(docs), lines, lines[0])
    assert plain is not None and plain.answer == "case law"
    headings = {line: ["2. Other sources of Ardian law"] for line in lines[4:]}
    headed = list_question(docs[0], lexicon, NameContexts(docs), lines, lines[0], headings)
    assert headed is None or headed.answer != "case law"


def test_a_lists_odd_one_out_is_never_found_in_a_sentence_naming_the_lists_kind():
    text = LAW.replace("The lower courts of Ardia must follow case law.",
                       "Judges of Ardia count case law among the sources they follow.")
    lines = text.splitlines()
    docs, lexicon = parsed_notes(text)
    question = list_question(docs[0], lexicon, NameContexts(docs), lines, lines[0], {})
    assert question is None or question.answer != "case law"


def _card(tests: str, prompt: str, answer: str, quote: str = "", options=()) -> QuizItem:
    return QuizItem("x", "multiple_choice" if options else "flashcard", prompt, answer, tuple(options),
                    QuizSource("canal.md", "", quote or answer), tests=tests)


def test_an_answer_cut_off_on_a_conjunction_is_cut_short():
    assert cut_short(nlp.parse_line("The difference between what a mill could grind at full power (its capacity) and."))
    assert not cut_short(nlp.parse_line("The difference between what a mill could grind and what it grinds."))


def test_a_card_keyed_to_one_of_several_coordinated_parts():
    quote = "The choice of barge depends on the depth of the canal, its width and bends, and the season of the year."
    assert one_of_several(_card("cause", "What does the choice of barge depend on?", "The depth of the canal.", quote),
                          nlp.parse_line(quote))
    quote = "Lock duty means that every keeper must open the gates for any boat, or pay a fine."
    assert one_of_several(_card("definition", "What does lock duty mean?",
                                "That every keeper must open the gates for any boat.", quote), nlp.parse_line(quote))
    # a last word left off inside a phrase, with no comma: the answer still says what is asked
    quote = "The usual repair of a leaking lock is puddling to seal the clay floor and walls."
    assert not one_of_several(_card("definition", "What is the usual repair of a leaking lock?",
                                    "Puddling to seal the clay floor", quote), nlp.parse_line(quote))


def test_a_because_answer_carrying_a_second_argued_thing():
    quote = ("Supporters of the canal argue that it lowers prices, because coal arrives cheaply, and that it "
             "employs many men.")
    item = _card("cause", "Why do supporters of the canal argue that it lowers prices?",
                 "Because coal arrives cheaply, and that it employs many men.", quote)
    assert one_of_several(item, nlp.parse_line(quote))


def test_a_relational_noun_with_only_its_article_names_nothing():
    assert bare_relational_subject(nlp.parse_line("What is an example?"))
    assert not bare_relational_subject(nlp.parse_line("What is an example of a flux?"))


def test_a_row_label_of_a_comparison_is_no_term():
    answer = "The canal moved coal at walking pace. The railway moved it far faster."
    assert label_of_facts(_card("definition", 'What is meant by "Speed"?', answer), nlp.parse_line(answer))
    one = "Villages built small kilns to fire bricks for the locks."  # a practice, described: a term kept
    assert not label_of_facts(_card("definition", 'What is meant by "Village kilns"?', one), nlp.parse_line(one))


def test_the_keyed_option_alone_with_a_figure_gives_itself_away():
    options = ("Stage 2", "Annealing", "Fining", "Batch")
    assert only_with_a_figure(_card("definition", "Which term means the second heating?", "Stage 2", options=options))
    assert not only_with_a_figure(_card("date", "In which year ...?", "Stage 2", options=options))
    assert not only_with_a_figure(_card("definition", "Which term means the melt?", "Batch", options=options))


def test_a_measure_a_thing_goes_with_is_no_means():
    assert passive_means_question(nlp.parse_line("Glass rot is associated with a loss rate of 12%.")) is None
    assert passive_means_question(nlp.parse_line("Green glass is coloured with iron oxides.")) is not None


def test_a_lead_in_to_a_list_is_no_clause():
    path = ("Charter of the Lighthouse Board", "4. Duties of the Keepers")
    lead = "A keeper of the board may take some or all of the following duties."
    assert clause_card(path, [lead, "1. Trimming the wicks."], nlp.parse_line(lead)) is None
    rule = "A keeper of the board must trim the wicks of the lamp every evening."
    assert clause_card(path, [rule], nlp.parse_line(rule)) is not None


def test_a_participle_set_off_by_commas_is_no_main_verb():
    doc = nlp.parse_line("Stevenson, writing about the Bell Rock, compared it favourably with the Eddystone light, "
                         "criticising the wooden tower of Rudyerd.")
    question = who_question(doc)
    assert question is None or not question.prompt.split()[1].endswith("ing")


def test_a_name_met_only_in_the_sources_is_no_person_of_the_notes():
    sections = [
        (("Lighthouses", "1. Builders"), "Robert Stevenson built the Bell Rock lighthouse. Robert Stevenson also "
                                        "trained his sons as engineers. Thomas Smith lit the first lamps."),
        (("Lighthouses", "2. Lamps"), "Thomas Smith designed reflectors for the lamps of the northern lights."),
        (("Sources",), "- Alan Brodie, \"Keepers of the light\" (2004).\n- Alan Brodie, \"Northern lights\" (2009)."),
    ]
    chunks = section_chunks("lighthouses.md", sections)
    generator = _Generator(chunks, [c.text for c in chunks])
    assert "Alan Brodie" in notes_people(generator.lexicon, generator.full_names)
    assert "Alan Brodie" not in generator.people and "Robert Stevenson" in generator.people


def test_a_year_given_as_one_instance_dates_no_event():
    assert event_of("Heavy tolls led to frequent riots on the towpaths, for example in 1821, and boatmen went "
                    "hungry.") is None
    assert event_of("In 1793 the company opened the first lock on the upper river.") is not None


def test_an_option_holding_a_second_dated_thing_is_no_event():
    assert event_of("On 30 August 1794 the chief engineer was dismissed by the board, and in September the "
                    "works stopped.") is None


CANAL = [
    (("The Wey Canal", "1. The company"),
     "The Wey Canal Company was formed by the millers of Guildford. The Wey Canal Company bought the Long House. "
     "The Wey Canal Company met every quarter."),
    (("The Wey Canal", "2. The strike"),
     "In the spring the boatmen surrounded and took the Long House, the seat of the Wey Canal Company. "
     "The boatmen held the Long House for a week."),
]


def _prompts(sections) -> list[str]:
    return [i.prompt for i in generate_items(section_chunks("canal.md", sections), learned_cutoff=False)]


def test_a_name_the_notes_also_write_after_a_possessive_is_not_asked_by_its_apposition():
    assert "What was the Long House?" in _prompts(CANAL)
    owned = [CANAL[0], (CANAL[1][0], CANAL[1][1] + " The Long House had been the miller's Long House before.")]
    owned[0] = (owned[0][0], owned[0][1].replace("bought the Long House", "bought Lord Onslow's Long House"))
    assert "What was the Long House?" not in _prompts(owned)


def test_what_a_term_means_keeps_the_clauses_whole_list():
    from bot.core.quiz.gen_naming import meaning_question
    question = meaning_question(nlp.parse_line(
        "Lock duty means that every keeper must open the gates for any boat at night, or pay a fine."))
    assert question is not None and question.answer.endswith("or pay a fine.")


def test_what_is_called_a_term_is_everything_before_is_called():
    from bot.core.quiz.gen_prose_defined import prose_definition
    found = prose_definition(nlp.parse_line("The difference between what a farm could grow at full use (potential "
                                            "yield) and what the farm actually grows is called the yield gap."))
    assert found is not None and found.definition.endswith("what the farm actually grows")


def test_an_abbreviation_named_in_passing_in_a_clause_on_another_thing_is_not_asked():
    from bot.core.quiz.gen_tpl_cards import _named_in_passing
    assert _named_in_passing("The standard test for glass rot is the crizzling count (CC), a procedure recommended by "
                             "the Northern Glass Institute (NGI).", "Northern Glass Institute")
    assert not _named_in_passing("The Northern Glass Institute (NGI) sets the standard test for glass rot.",
                                 "Northern Glass Institute")

"""The kinds set 20 showed (main's 35 items, before and in round 45), each as a form that holds on any notes:

- "X has been a Y ...", "X can be a Y": a claim over time or a possibility, no "What is X?" card (main asked
  "What been tuberculosis?");
- "Causes include ..." under a heading "<Topic>: types, causes and effects": the causes of the heading's topic,
  no "What do causes include?" card;
- a list under "Three reasons are usually given:" / "The main explanations are:": reasons for what? no card;
- "Cracks: serious defects that are almost never acceptable.": a quality judged, not what a crack is;
- "X is another <kind>": one more of a kind the passage began, no definition card;
- "“Ambition must be made to counteract ambition.”": a common noun capitalised by its place is no party of
  a who-may item.

Real spaCy on made-up notes of no course of the pool (a rope works, a canal company)."""

from __future__ import annotations

from bot.core import nlp
from bot.core.quiz.gen_defined_cards import says_what_it_is
from bot.core.quiz.gen_function import heading_aspect_subject
from bot.core.quiz.gen_genus import be_with_auxiliary, one_more_of_a_kind, quality_only
from bot.core.quiz.gen_named_lists import named_lists
from bot.core.quiz.gen_parties import parties_of
from bot.core.quiz.generator import generate_items
from tests.quiz.parsed_notes import section_chunks

TITLE = "Rope Making: Course Notes"


def _doc(sentence: str):
    return nlp.parse_lines([sentence])[0]


def _prompts(sections) -> list[str]:
    return [i.prompt for i in generate_items(section_chunks("ropes.md", sections), learned_cutoff=False)]


def test_a_perfect_or_modal_be_is_no_definition():
    assert be_with_auxiliary(_doc("Scurvy has been a scourge of sailors for hundreds of years."))
    assert be_with_auxiliary(_doc("A rope can be a dangerous tool."))
    assert not be_with_auxiliary(_doc("Scurvy is a disease caused by a lack of vitamin C."))


def test_another_of_a_kind_is_no_definition():
    assert one_more_of_a_kind(_doc("Lime juice is another citrus drink."))
    assert not one_more_of_a_kind(_doc("Lime juice is a citrus drink made from pressed limes."))


def test_a_perfect_or_modal_be_makes_no_what_is_card():
    prompts = _prompts([((TITLE, "1. Introduction"),
                         "Rope making has been a craft of sailors and farmers for thousands of years. "
                         "A ropewalk is a long covered lane where strands are twisted into rope. "
                         "Hemp rope was used on sailing ships until steel cable replaced it.")])
    assert not any(p.lower().startswith(("what been", "what has been", "what been rope")) for p in prompts)
    assert not any("rope making" in p.lower() and p.startswith("What") and "been" in p for p in prompts)


def test_a_bare_subject_the_heading_names_as_an_aspect_leans_on_it():
    sentence = _doc("Causes include poor fibre, damp storage, careless splicing and heavy loads.")
    assert heading_aspect_subject(sentence, "10. ROPE FAILURES: TYPES, CAUSES AND EFFECTS")
    assert heading_aspect_subject(sentence, "Causes of rope failure")
    # the heading's own topic stands: "Fibres include ..." under "Fibres"
    assert not heading_aspect_subject(_doc("Fibres include hemp, sisal, cotton and nylon."), "3. Fibres")
    # a subject with its own words says what it is of
    assert not heading_aspect_subject(_doc("Common causes include poor fibre and damp storage."),
                                      "Rope failures: types, causes and effects")


def test_no_function_card_of_a_heading_aspect():
    prompts = _prompts([((TITLE, "10. ROPE FAILURES: TYPES, CAUSES AND EFFECTS"),
                         "Rope failures are breaks or weak spots in a rope under load. "
                         "Causes include poor fibre, damp storage, careless splicing and heavy loads.")])
    assert "What do causes include?" not in prompts


def _lists(lead: str):
    chunks = section_chunks("ropes.md", [((TITLE, "4. Why ropes are tarred"),
                                          f"Old ropewalks tarred their rope. {lead}\n- Rot resistance\n"
                                          "- Water resistance\n- Grip in the hand\n")])
    return named_lists(chunks, nlp.parse_lines)


def test_a_lead_in_of_a_bare_relational_noun_makes_no_list_card():
    assert _lists("Three reasons are usually given:") == []
    assert _lists("The main explanations are:") == []
    # a modifier that says what kind they are stands
    found = _lists("The three main benefits of tarring are:")
    assert found and found[0].category.startswith("the three main benefits of tarring")


def test_a_quality_judged_of_the_genus_is_no_definition():
    assert quality_only(_doc("Kinks are serious faults that are almost never acceptable."))
    term, definition = "Kinks", "serious faults that are almost never acceptable"
    assert not says_what_it_is(term, definition, _doc(f"{term} is {definition}."))
    # a phrase or a clause with a verb of its own sets it apart
    assert not quality_only(_doc("Kinks are sharp bends in the strand that weaken the rope."))
    assert not quality_only(_doc("Fraying is a loosening of the outer fibres that is visible at the ends."))


def test_one_more_of_a_kind_makes_no_definition_card():
    prompts = _prompts([((TITLE, "6. Other fibres"),
                         "Sisal is a stiff fibre from the leaves of the agave plant. "
                         "Manila is another hard leaf fibre.")])
    assert "What is manila?" not in [p.lower().replace("Manila", "manila") for p in prompts]
    assert not any(p.lower() == "what is manila?" for p in prompts)


def test_a_capital_of_its_place_is_no_party():
    docs = [_doc(t) for t in (
        "The Board must approve every new tariff.",
        "The Board must publish its accounts each year.",
        "The Engineer may close a lock for repairs.",
        "The Engineer may hire lock keepers.",
        "The founders wrote: “Ambition must be made to counteract ambition.”",
        "Ambition must be checked by the rules, the founders said.",
    )]
    parties = parties_of(docs)
    assert "Board" in parties and "Engineer" in parties
    assert "Ambition" not in parties


def test_a_comma_run_after_a_plural_label_lists_things():
    from bot.core.quiz.gen_defined import lists_instances
    term, definition = nlp.parse_lines(["Rope shifters", "fibre prices, related goods, tastes, expectations, number of mills"])
    assert lists_instances(term, definition)
    term, definition = nlp.parse_lines(["Metals", "hard, grey, brittle solids"])
    assert not lists_instances(term, definition)


def test_a_glossary_definition_then_a_fact_of_it_is_read_as_its_first_part():
    from bot.core.quiz.gen_defined import glossary_definition
    found = glossary_definition("Wet rot – decay that has reached the core; it weakens the rope from inside.")
    assert found is not None and found.definition == "decay that has reached the core"
    # the rest of a list, or the other side of a comparison, is no fact of the term
    assert glossary_definition("Rope: before, hemp twisted by hand; after, steel cable from the mill.") is None
    assert glossary_definition("Winners: mills, whose rope sold at a premium; and sailors, who had it cheap.") is None


def test_a_quotation_the_answer_opens_is_closed():
    from bot.core.quiz.gen_naming import _sentence_case
    assert _sentence_case('Lay, a name taken from a Norse word meaning "twist') == 'Lay, a name taken from a Norse word meaning "twist".'
    assert _sentence_case("Lay, the twist of the strands") == "Lay, the twist of the strands."


def test_which_term_options_come_from_the_answers_own_heading():
    sections = [
        ((TITLE, "Key terms"),
         "- Strand: several yarns twisted together, the unit a rope is laid from.\n"
         "- Tar: a dark liquid that soaks into the fibres and keeps water out.\n"
         "- Lay: the direction in which the strands of a rope are twisted.\n"
         "- Hawser: a thick cable used for mooring or towing a ship.\n"
         "- Whipping: a binding of thin cord round the end of a rope to stop it unravelling.\n"),
        ((TITLE, "Key terms", "Common faults"),
         "- Kinking: a sharp twist that forms when a rope is pulled out of a coil the wrong way.\n"
         "- Fraying: a loosening of the outer fibres that happens where a rope rubs on stone.\n"
         "- Glazing: a hard shine on the fibres that is left when a rope slips on a hot drum.\n"),
    ]
    items = generate_items(section_chunks("ropes.md", sections), learned_cutoff=False)
    faults, terms = {"Kinking", "Fraying", "Glazing"}, {"Strand", "Tar", "Lay", "Hawser", "Whipping"}
    asked = [i for i in items if "which term means" in i.prompt and i.options and i.answer in faults]
    assert asked
    for item in asked:  # a heading naming a kind ("Common faults"): its lines are offered among themselves only
        assert set(item.options) <= faults, (item.prompt, item.options)
    # "Key terms" names no kind of thing: its lines are offered among the glossary's terms, but for those under a
    # heading that names their own kind
    assert all(set(i.options) <= terms for i in items if i.options and i.answer in terms)


def test_a_term_the_parser_reads_as_a_verb_still_gets_its_card():
    sections = [((TITLE, "1. Introduction"),
                 "Rope making is an old craft. Key terms to learn in this topic:\n"
                 "- Mycobacterium tuberculosis – the rod-shaped bacterium that causes most TB in humans.\n"
                 "- Hawser – a thick cable used for mooring or towing a ship.\n"
                 "- Whipping – a binding of thin cord round the end of a rope to stop it unravelling.\n"),
                ((TITLE, "2. Disease"), "Mycobacterium tuberculosis infected many rope makers. "
                 "Mycobacterium tuberculosis spread in the damp sheds.")]
    prompts = _prompts(sections)
    assert 'What is meant by "Mycobacterium tuberculosis"?' in prompts


def test_a_glossary_definition_then_another_name_is_read_as_its_first_part():
    from bot.core.quiz.gen_defined import glossary_definition
    found = glossary_definition("Breaking load – the weight at which a new rope parts; also called the rated strength.")
    assert found is not None and found.definition == "the weight at which a new rope parts"


def test_an_adjective_completing_the_definitions_own_verb_is_no_complement_of_is():
    from bot.core.quiz.gen_defined import reads_as_copula_glossary
    # (set 20's own line: the parse's slip is the parser's, and made-up lines of the form parse right)
    term = nlp.parse_lines(["Judicial review"])[0]
    frame = _doc("Judicial review is the power of courts to declare laws or executive actions unconstitutional.")
    assert any(t.dep_ == "acomp" and t.head.dep_ == "ROOT" for t in frame)  # the slip this reads past
    assert reads_as_copula_glossary(term, frame)
    # "is" with an adjective of its own stays no definition
    assert not reads_as_copula_glossary(nlp.parse_lines(["Hemp"])[0], _doc("Hemp is strong and cheap."))


def test_how_a_term_of_the_notes_is_done_by_a_passive_means():
    from bot.core.quiz.gen_howto import passive_means_question
    found = passive_means_question(_doc("Tar is applied to the strands with a heated brush."))
    assert found is None or found.prompt == "How is tar applied?"
    found = passive_means_question(_doc("Rot is spread from rope to rope mainly through damp storage."))
    assert found is not None and found.prompt.lower() == "how is rot spread?" \
        and found.answer.lower().endswith("through damp storage.")
    # an agent ("by"), a past event, a modal, a clause after the means: no card
    for sentence in ("Rot is spread by beetles.", "Rot was spread through the fleet in 1820.",
                     "Rot can be spread through damp storage.", "Rot is spread through damp storage, which ruins it."):
        assert passive_means_question(_doc(sentence)) is None, sentence
    rot = "Rot in Ropes: Course Notes"
    sections = [((rot, "5. Rot"), "Rot is a decay of the fibres caused by fungi. Rot weakens the rope."),
                ((rot, "6. Storage"), "Ropes are stored in dry lofts. Rot is spread from rope to rope mainly "
                 "through damp storage. The loft is connected with the ropewalk."),
                ((rot, "7. Care"), "Old rope with rot is burned. Sailors check the loft and the ropes for rot each week.")]
    prompts = [i.prompt for i in generate_items(section_chunks("rot.md", sections), learned_cutoff=False)]
    assert "How is rot spread?" in prompts
    assert not any(p.startswith("How is the loft") for p in prompts)  # a side thing: "with" relates it


def test_a_term_with_its_other_name_as_an_aside_is_still_defined():
    sections = [((TITLE, "3. Tarring"),
                 "Hot tarring, also called pitch dipping, is a treatment that coats rope yarn with boiling tar. "
                 "Hot tarring was done in a shed beside the ropewalk."),
                ((TITLE, "4. Costs"), "Hot tarring added a fifth to the price of a rope. Hot tarring was dangerous work.")]
    items = generate_items(section_chunks("ropes.md", sections), learned_cutoff=False)
    cards = {i.prompt.lower(): i.answer for i in items}
    assert cards.get("what is hot tarring?", "").startswith("Hot tarring, also called pitch dipping, is a treatment")

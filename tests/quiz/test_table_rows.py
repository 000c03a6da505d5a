"""Set 17's wrong definition cards (issue 8, precision): "What is meant by X?" keyed to a row of a comparison
("Severity: P. falciparum is the most lethal species ...") or a step of a worked example ("Absolute advantage:
Chipland can make more of both goods ..."). A "Label: explanation" line whose explanation is a clause about
something else, naming a thing the run's other lines name too, describes that thing attribute by attribute:
no definition of the label. A table row read as " | "-joined cells is none either. Made-up notes of no course
of the pool (two harbours compared, a mill's costs worked out, a bakery's glossary, frost on an orchard).
And an odd one out of "NOT one of the early symptoms" taken from the "Additional symptoms" that follow them."""

from __future__ import annotations

from bot.core.quiz.gen_cards import term_definition
from bot.core.quiz.gen_rules import Member, NotesList, _comparable
from bot.core.quiz.generator import generate_items
from tests.quiz.parsed_notes import section_chunks

COMPARISON = [
    (("Harbours", "Comparison: Portbury and Eastmouth"),
     "It is useful to compare the two harbours.\n"
     "- Depth: Portbury is the deeper harbour and takes the largest ships; Eastmouth silts up every winter.\n"
     "- Tides: Eastmouth-bound ships wait for high water at the bar; Portbury ships can enter at any tide.\n"
     "- Charges: Pilotage is compulsory for large ships in Portbury; charges in general depend on tonnage."),
]

WORKED = [
    (("Mill costs", "Worked Example: Kestrel Mill and Heron Mill"),
     "Two mills grind the same wheat. Kestrel Mill grinds 40 sacks a day and Heron Mill grinds 25.\n"
     "- Average cost: Kestrel Mill spends less per sack, so it has the lower average cost of the two.\n"
     "- Break-even: for Heron Mill each sack costs two shillings more than it sells for."),
]

GLOSSARY = [
    (("Baking", "Key Terms"),
     "- Levain: A starter of flour and water that ferments wild yeasts before the dough is mixed.\n"
     "- Proofing: Yeast fills the shaped dough with gas in a final rise before it goes into the oven.\n"
     "- Gluten: A network of wheat proteins that traps gas and gives the bread its chewy structure."),
]


def _prompts(document: str, sections) -> list[str]:
    return [i.prompt for i in generate_items(section_chunks(document, sections), learned_cutoff=False)]


def test_a_comparison_row_is_no_definition():
    prompts = _prompts("harbours.md", COMPARISON)
    assert not any(p.startswith("What is meant by") for p in prompts), prompts


def test_a_worked_example_step_is_no_definition():
    prompts = _prompts("mills.md", WORKED)
    assert 'What is meant by "Average cost"?' not in prompts, prompts


def test_a_glossary_still_gives_its_definitions():
    prompts = _prompts("baking.md", GLOSSARY)
    # "Proofing: Yeast fills ...": a clause about something else, but naming nothing another line names
    assert {'What is meant by "Levain"?', 'What is meant by "Proofing"?'} <= set(prompts), prompts


def test_a_table_row_of_cells_is_no_definition():
    assert term_definition("Depth: Portbury is the deeper harbour. | Eastmouth silts up every winter.") is None
    assert term_definition("Depth: Portbury is the deeper harbour and takes the largest ships.") is not None


# --- the true/false kind: an odd one out taken from a list that adds to the asked one -------------------

def test_a_list_that_adds_to_another_gives_it_no_odd_one_out():
    # "Early symptoms include fever, chills and headache. ... Additional symptoms can include ... nausea":
    # set 17 keyed nausea as NOT an early symptom, which the notes' "Early symptoms" section lists.
    chunk = section_chunks("frost.md", [(("Frost", "Early signs"), "x y")])[0]
    member = Member("x y", "x y", chunk)

    def listed(label):
        return NotesList("frost.md", "matter", label, False, [member], member)
    early = listed("early signs")
    assert not _comparable(early, listed("additional signs"))
    assert not _comparable(early, listed("other signs"))
    assert not _comparable(listed("further signs"), early)
    assert _comparable(early, listed("late signs"))  # each its own modifier: still two kinds

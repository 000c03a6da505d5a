"""Which entry a one-line summary of a summary list stands for (gen_dated_entries, issue 8: set 24's
"Summary of leading cases", "- Kyllo v. United States (2001): thermal imaging of a home is a search.",
fourteen lines no template read). Made-up notes of no course of the pool (a river's bridges)."""

from __future__ import annotations

from bot.core.quiz.gen_dated_entries import summary_of, summary_options, dated_entries
from bot.core.quiz.generator import generate_items
from tests.quiz.parsed_notes import section_chunks

BRIDGES = ("River Crossings", "9. Summary of the main bridges")
LINES = "\n".join([
    "- Mill Bridge (1802): first stone arch over the lower river.",
    "- Ferry Lane Bridge (1840): replaced the horse ferry; Mill Bridge widened.",
    "- Iron Bridge (1861): first cast iron span of the county.",
    "- Station Bridge (1889): carried the railway over the marsh.",
    "- St. Anne's Bridge (1903): opened for trams.",
    "- Tide Bridge (1931): lifts for tall ships.",
])


def _chunks(text=LINES):
    return section_chunks("bridges.md", [(BRIDGES, text)])


def test_a_summary_line_is_read_and_a_paragraph_is_not():
    assert summary_of("- Iron Bridge (1861): first cast iron span of the county.") == \
        "first cast iron span of the county"
    assert summary_of("Iron Bridge (1861): Built by the county. This was the first iron span.") is None
    assert summary_of("- Iron Bridge (1861): It was the first iron span.") is None  # leans on its label


def test_options_are_the_lists_other_labels_never_one_the_summary_names():
    owners, lists = dated_entries(_chunks())
    entries = next(iter(lists.values()))
    ferry = next(e for e in entries if e.label == "Ferry Lane Bridge")
    options = summary_options(ferry, entries, "replaced the horse ferry; Mill Bridge widened")
    assert "Ferry Lane Bridge" in options and "Mill Bridge" not in options and len(options) == 4


def test_the_generator_posts_it_with_the_headings_noun():
    items = [i for i in generate_items(_chunks(), learned_cutoff=False) if i.answer == "Station Bridge"]
    asked = [i for i in items if i.prompt == 'Which bridge do the notes sum up as "carried the railway over the marsh"?']
    assert asked and len(asked[0].options) == 4 and "Station Bridge" in asked[0].options


def test_a_list_with_a_long_entry_is_no_summary_list():
    text = LINES.replace("opened for trams.", "opened for trams. It was painted green in 1950 and again in 1990.")
    items = generate_items(_chunks(text), learned_cutoff=False)
    assert not any("sum up as" in i.prompt for i in items)


def test_an_abbreviation_in_a_label_is_no_sentence_break():
    owners, lists = dated_entries(_chunks())  # "St. Anne's Bridge", "Kyllo v. United States"
    assert "St. Anne's Bridge" in [e.label for e in next(iter(lists.values()))]

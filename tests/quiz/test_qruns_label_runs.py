"""Labelled paragraphs in runs (session 27, lane qruns; gen_label_runs), each kind as a form:

- three or more "Label. Sentence." siblings under a heading naming their kind ("Causes of the famine") make
  "which cause does this describe: “...”?" items, the run's other labels the options;
- a heading that names one thing (a case, an experiment) gives no kind: its labels are parts of one story;
- a label used over clause paragraphs under two headings is generic (a case brief's "Facts"): not asked, no option;
- "Label: ..." rows are a comparison table; numbered or ordinal labels give the answer by place; a worked example
  is one made-up case: none asked;
- a first sentence that names its label or a sibling's, leans back ("As above", "He ...", "such a ..."), or
  speaks of the kind itself is not asked;
- a first sentence whose verb is the label's ("Grazing. Sheep graze ...") is a card "what happens in ...?".

Real spaCy on made-up notes of no course of the pool."""

from __future__ import annotations

from bot.core import nlp
from bot.core.documents import Chunk, make_chunk_id
from bot.core.quiz.gen_label_runs import LabelRuns, leans_back, names_word_of, run_kind
from bot.core.quiz.generator import generate_items

CAUSES = ("Skye Crofting Notes", "3. Causes of the famine")
CAUSE_LINES = ("- Blight. A fungus destroyed most of the potato harvest in the wet summer of 1846.\n"
               "- Rents. Landlords demanded payment in cash that tenants could not raise after the harvest failed.\n"
               "- Clearances. Whole townships were emptied so that sheep could replace the tenants on the hills.\n"
               "- Isolation. Relief ships could not reach the western glens before the winter storms began.")


def _chunks(document, sections) -> list[Chunk]:
    return [Chunk(make_chunk_id(document, h, t, i), document, h, None, i, t) for i, (h, t) in enumerate(sections)]


def _questions(sections, document="skye.md"):
    chunks = _chunks(document, sections)
    runs = LabelRuns(chunks)
    return [q for c in chunks for q in runs.questions(c, "the Highland famine")], runs


def test_a_run_under_a_kind_heading_asks_which_member():
    asked, _ = _questions([(CAUSES, CAUSE_LINES)])
    by_answer = {q.answer: q for q in asked}
    assert "Blight" in by_answer and "Isolation" in by_answer
    q = by_answer["Blight"]
    assert q.prompt == ("In the notes on the Highland famine, which cause of the famine does this "
                        "describe: “A fungus destroyed most of the potato harvest in the wet summer of 1846”?")
    # the line's own full stop is left out before the stem's question mark (round 57: “....”?)
    assert set(q.options) == {"Blight", "Rents", "Clearances", "Isolation"}


def test_the_generator_posts_the_run_items():
    chunks = _chunks("skye.md", [(("Skye Crofting Notes",), "These notes follow the crofting townships of Skye "
                                  "through the famine years of the 1840s and after."), (CAUSES, CAUSE_LINES)])
    items = generate_items(chunks, learned_cutoff=False)
    asked = [i for i in items if "which cause of the famine does this describe" in i.prompt]
    assert asked and all(i.answer in i.options and len(i.options) == 4 for i in asked)


def test_the_kind_is_the_headings_plural_noun():
    assert run_kind("5.1 Political causes").phrase == "political cause"
    assert run_kind("Types of volcanic rock").phrase == "type of volcanic rock"
    assert run_kind("The investigation, step by step").phrase == "step"
    assert run_kind("The steps of non-cyclic electron flow").phrase == "step of non-cyclic electron flow"
    assert run_kind("9.2 Smith v. Jones (1990)") is None  # one case: its Facts/Decision are parts, no kind
    assert run_kind("Hydropower today") is None
    assert run_kind("Advantages and disadvantages of dams") is None  # two kinds side by side


def test_a_heading_naming_one_thing_gives_no_items():
    lines = ("Facts. The tenant refused to leave the croft after the rent was raised.\n"
             "Decision. The court ordered the landlord to restore the tenant to the holding.\n"
             "Reasoning. The lease had been renewed by the factor without any written notice.")
    asked, _ = _questions([(("Notes", "9.2 Macleod v. Ross (1886)"), lines)])
    assert asked == []


def test_a_label_used_under_two_headings_is_generic():
    other = ("Facts. A fisherman was fined for landing herring on the sabbath day.\n"
             "Ruling. The sheriff held that the old statute no longer applied to the island.\n"
             "Appeal. The crown took the case to the higher court in the following spring.")
    lines = CAUSE_LINES + "\n- Facts. Most tenants held their land from year to year without any lease."
    asked, runs = _questions([(("Notes", "Cases in brief"), other), (CAUSES, lines)])
    assert "facts" in runs.generic
    assert all("Facts" not in q.options for q in asked) and asked


def test_comparison_rows_numbers_and_worked_examples_are_not_asked():
    rows = ("Rents. Landlords: paid in cash. Tenants: paid in labour.\n"
            "Land. Landlords: owned it. Tenants: held it yearly.\n"
            "Law. Landlords: the old statutes. Tenants: the new act.")
    assert _questions([(("Notes", "Differences between landlords and tenants"), rows)])[0] == []
    numbered = CAUSE_LINES.replace("Blight.", "First cause.").replace("Rents.", "Second cause.")
    assert _questions([(CAUSES, numbered)])[0] == []
    assert _questions([(("Notes", "Worked examples of causes"), CAUSE_LINES)])[0] == []


def test_a_sentence_naming_a_label_or_leaning_back_is_not_asked():
    assert names_word_of("Landlords demanded rent in cash.", "Rents")
    assert names_word_of("Firms spend money reprinting menus.", "Menu costs")
    assert names_word_of("People may be taxed on phantom income.", "Tax costs")
    assert not names_word_of("Smallpox killed much of the population.", "Disease")
    for text in ("As above, the models could not explain the slump.", "He examined the water on 3 September.",
                 "Snow was sure such a swift outbreak meant bad water.", "Many historians still disagree about this."):
        assert leans_back(nlp.parse_lines([text])[0]), text
    assert not leans_back(nlp.parse_lines(["Smallpox killed much of the population."])[0])
    lines = CAUSE_LINES.replace("Whole townships", "They said whole townships")
    asked, runs = _questions([(CAUSES, lines)])
    assert "Clearances" not in {q.answer for q in asked}
    assert ("Clearances", "leans back") in {(label, why) for label, why, _ in runs.refused}


def test_a_label_given_away_by_its_stem_or_its_negation_is_not_asked():
    # Round 46: "The Spanish formed alliances with ..." gave away "Native allies", "little defence" gave away
    # "Undefended targets": one family though the spelling turns or a negating prefix stands before it.
    assert names_word_of("The Spanish formed alliances with peoples who resented tribute.", "Native allies")
    assert names_word_of("Monasteries had rich treasures and little defence.", "Undefended targets")
    assert not names_word_of("Smallpox killed much of the population.", "Disease")
    assert not names_word_of("The plant's process was slow.", "Produce")


def test_a_sentence_speaking_of_the_kind_is_not_asked():
    lines = CAUSE_LINES + "\n- Legacy. Even later historians disagree about which cause mattered most in the glens."
    asked, _ = _questions([(CAUSES, lines)])
    assert "Legacy" not in {q.answer for q in asked}


def test_a_sentence_doing_what_its_label_names_is_a_card():
    lines = ("- Grazing. The shepherds graze the flock on the cleared hill ground in summer.\n"
             "- Shearing. The fleeces are cut by hand in the pens each June.\n"
             "- Dipping. The flock is driven through a trough of insecticide against ticks.")
    asked, _ = _questions([(("Notes", "4. The shepherd's year: the work in steps"), lines)])
    cards = [q for q in asked if not q.options]
    assert [q.prompt for q in cards] == ["In the notes on the Highland famine, under “The shepherd's year: the work in "
                                         "steps”, what happens in “Grazing”?"]
    assert cards[0].answer == "The shepherds graze the flock on the cleared hill ground in summer."


def test_a_numbered_heading_under_the_notes_subtitle_is_named_alone():
    # "10. Advantages" under the subtitle line "Course notes for an applied-science unit ...": the subtitle says
    # nothing of what the advantages are of, so the prompt names "Advantages" alone (session 27's heading fix
    # made the section, and its first item read "under “Course notes for ...: advantages”").
    kind = run_kind("10. Advantages")
    path = ("HYDRO NOTES", "Course notes for a unit on energy", "10. Advantages")
    assert LabelRuns._heading(path, kind) == "Advantages"
    phases = run_kind("5.2 The three phases")
    assert LabelRuns._heading(("Notes", "5. The Calvin cycle", "5.2 The three phases"), phases) == \
        "The Calvin cycle: the three phases"

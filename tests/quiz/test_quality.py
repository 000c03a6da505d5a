"""The quality score of generated quiz items (bot/core/quiz/gen_quality.py): each measurement sees
what it is meant to see on made-up notes, the model file matches the measurements, and the cut-off
leaves out the items it scores under it."""

from __future__ import annotations

import pytest

from bot.core import nlp
from bot.core.quiz import gen_quality
from bot.core.quiz.gen_lexicon import CONCEPT_KINDS
from bot.core.quiz.gen_quality import FEATURES, NotesEvidence, QualityModel, item_features, item_parts, keep_likely
from bot.core.quiz.items import MULTIPLE_CHOICE, TRUE_FALSE, QuizItem, QuizSource, make_item_id

NOTES = [
    "The fortress of Arnholt was besieged by the army of Veldria in 1610.",
    "Veldria and Ostmark signed the Treaty of Kessel in 1612.",
    "Ostmark declared war on Veldria in 1620.",
    "The army of Ostmark marched to the city of Brandow.",
    "Queen Maren of Veldria sent envoys to Ostmark.",
    "Queen Maren ruled Veldria for thirty years.",
    "General Tobias Lind defended Arnholt for six months.",
    "General Tobias Lind later fought at the city of Brandow.",
    "Van Gend en Loos was a trading house of Brandow.",
    "Veldria made peace with Ostmark after the war.",
    "Queen Maren made peace with Ostmark in 1625.",
]


@pytest.fixture(scope="module")
def evidence() -> NotesEvidence:
    return NotesEvidence(nlp.parse_lines(NOTES))


def choice(stem: str, answer: str, wrong: list[str], quote: str, tests: str = "place") -> QuizItem:
    return QuizItem(id=make_item_id(MULTIPLE_CHOICE, stem, "|".join([answer, *wrong])), kind=MULTIPLE_CHOICE, prompt=stem, answer=answer, options=(answer, *wrong),
                    source=QuizSource("notes.txt", "History", quote), tests=tests)


def features(item: QuizItem, evidence: NotesEvidence) -> dict[str, float]:
    return item_features(item, evidence, nlp.parse_line)


def test_a_false_statement_is_taken_apart_into_the_value_swapped_in():
    quote = "Ostmark declared war on Veldria in 1620."
    item = QuizItem(id="x", kind=TRUE_FALSE, prompt=f"True or false? {quote.replace('Ostmark', 'Brandow')}",
                    answer="False", options=("True", "False"), source=QuizSource("n", "s", quote), tests="place")
    parts = item_parts(item)
    assert parts.swapped == "Brandow" and parts.statement.startswith("Brandow declared")
    stem = choice("In 'History': Ostmark declared war on _____ in 1620.", "Veldria", ["Brandow", "Arnholt"], quote)
    parts = item_parts(stem)
    assert parts.statement == "Ostmark declared war on Veldria in 1620." and parts.wrong == ("Brandow", "Arnholt")


def test_wrong_options_the_notes_never_put_in_the_answers_place_are_measured(evidence):
    # "_____ declared war": the notes make Veldria and Ostmark subjects of verbs, never a fortress
    # or a city (the judges' "a fort offered as a power" give-away).
    quote = "Ostmark declared war on Veldria in 1620."
    same = features(choice("_____ declared war on Veldria in 1620.", "Ostmark", ["Veldria", "Queen Maren"], quote),
                    evidence)
    odd = features(choice("_____ declared war on Veldria in 1620.", "Ostmark", ["Arnholt", "Brandow"], quote), evidence)
    assert odd["slot_misfit"] > same["slot_misfit"]


def test_a_piece_of_a_longer_name_is_measured(evidence):
    quote = "The army of Ostmark marched to the city of Brandow."
    item = choice("The army of Ostmark marched to the city of _____.", "Brandow", ["Loos", "Arnholt"], quote)
    assert features(item, evidence)["piece_of_name"] == 1.0  # "Loos" only ever stands in "Van Gend en Loos"
    clean = choice("The army of Ostmark marched to the city of _____.", "Brandow", ["Arnholt", "Veldria"], quote)
    # "Veldria" stands once in "Queen Maren of Veldria" but mostly alone; "Kessel" would not do
    assert features(clean, evidence)["piece_of_name"] < 0.5


def test_a_stem_that_points_back_is_measured(evidence):
    quote = "General Tobias Lind later fought at the city of Brandow."
    leaning = choice("He later fought at the city of _____.", "Brandow", ["Arnholt", "Ostmark"], quote)
    standing = choice("General Tobias Lind fought at the city of _____.", "Brandow", ["Arnholt", "Ostmark"], quote)
    assert features(leaning, evidence)["pointing_back"] > features(standing, evidence)["pointing_back"]


def test_a_wrong_option_the_notes_tie_to_the_same_facts_is_measured(evidence):
    # The notes say Queen Maren made peace with Ostmark too: a second defensible answer.
    quote = "Veldria made peace with Ostmark after the war."
    tied = choice("_____ made peace with Ostmark after the war.", "Veldria", ["Queen Maren", "Arnholt"], quote)
    loose = choice("_____ made peace with Ostmark after the war.", "Veldria", ["Arnholt", "Brandow"], quote)
    assert features(tied, evidence)["option_support"] > features(loose, evidence)["option_support"]


def test_the_model_file_weighs_only_measurements_the_code_makes():
    # The fit keeps the measurements that help held out (RESULTS 8.5: the centrality ones); every one
    # it weighs is one item_features makes, standardised by its own mean and scale.
    model = QualityModel.load()
    assert model.weights and set(model.weights) <= set(FEATURES)
    assert set(model.weights) == set(model.means) == set(model.scales)
    assert 0.0 < model.cutoff < 1.0


def test_the_cut_off_leaves_out_the_items_scored_under_it(evidence):
    quote = "The army of Ostmark marched to the city of Brandow."
    good = choice("The army of Ostmark marched to the city of _____.", "Brandow", ["Arnholt", "Veldria"], quote)
    bad = choice("The army of Ostmark marched to the city of _____.", "Brandow", ["Loos", "Kessel"], quote)
    teacher = QuizItem(id="t", kind=MULTIPLE_CHOICE, prompt="Pick one", answer="A", options=("A", "B"), origin="teacher")
    # A model that weighs pieces of names only: the item offering two of them scores under the cut-off.
    model = QualityModel({"piece_of_name": -4.0}, {}, {}, 2.0, cutoff=0.5)
    assert model.score(features(bad, evidence)) < 0.5 < model.score(features(good, evidence))
    assert keep_likely([bad, good, teacher], nlp.parse_lines(NOTES), model) == [good, teacher]
    # A concept item is never cut: the score does not rank concept items held out (RESULTS 8.5).
    concept = QuizItem(id="c", kind=MULTIPLE_CHOICE, prompt=bad.prompt, answer=bad.answer, options=bad.options,
                       source=bad.source, tests="definition")
    assert model.score(features(concept, evidence)) < 0.5
    assert keep_likely([concept, bad], nlp.parse_lines(NOTES), model) == [concept]
    # The fitted model runs on the same measurements and gives probabilities.
    assert 0.0 < QualityModel.load().score(features(good, evidence)) < 1.0


def test_true_false_on_a_name_is_left_out(evidence):
    quote = "Ostmark declared war on Veldria in 1620."
    named = QuizItem(id="n", kind=TRUE_FALSE, prompt="True or false? Brandow declared war on Veldria in 1620.",
                     answer="False", options=("True", "False"), source=QuizSource("n", "s", quote), tests="place")
    dated = QuizItem(id="d", kind=TRUE_FALSE, prompt="True or false? Ostmark declared war on Veldria in 1625.",
                     answer="False", options=("True", "False"), source=QuizSource("n", "s", quote), tests="date")
    assert gen_quality.undecidable(named) and not gen_quality.undecidable(dated)
    assert keep_likely([named, dated], nlp.parse_lines(NOTES), QualityModel({}, {}, {}, 0.0, 0.0)) == [dated]


def test_scores_are_probabilities_even_far_off_the_fitted_range():
    model = QualityModel({"card": 1000.0}, {}, {}, 0.0, 0.5)
    assert model.score({"card": 1.0}) == pytest.approx(1.0) and model.score({"card": -1.0}) == pytest.approx(0.0)
    assert gen_quality.default_model() == QualityModel.load()


def test_generate_items_posts_only_what_passes_the_cut_off():
    # The default note (RESULTS 8.5). What is made is exactly what keep_likely leaves of every template's items, and
    # still holds items a schedule can post.
    from bot.core.chunking import chunk_document
    from bot.core.loaders import load_document
    from bot.core.quiz import generator
    from bot.core.quiz.items import POSTABLE_KINDS
    from tests.conftest import DEFAULT_CORPUS

    note = "china-under-mao.txt"
    chunks = chunk_document(load_document(DEFAULT_CORPUS / note, note), max_chars=900)
    every = generator.generate_items(chunks, learned_cutoff=False)
    made = generator.generate_items(chunks)
    made_by = generator._Generator(chunks)
    for chunk in chunks:
        made_by.chunk_candidates(chunk)  # a name swap gen_swaps checked the notes rule out is decided
    scores = gen_quality.scores_of(every, NotesEvidence(list(made_by.docs.values()), chunks))
    cutoff = QualityModel.load().cutoff
    assert {i.id for i in made} == {i.id for i in every
                                     if (i.id in made_by.checked_swaps or not gen_quality.undecidable(i))
                                     and (i.tests in CONCEPT_KINDS or scores[i.id] >= cutoff
                                          or i.id in made_by.actor_choices)}  # who-did-what with options: not cut
    assert 4 <= len(made) <= len(every)  # a bank is left (on this note every item made passes since round 7a)
    assert {i.kind for i in made} >= set(POSTABLE_KINDS)


def test_a_fact_about_someone_the_notes_meet_once_is_measured():
    # "Captain Osric Hale" is in one passage only: his surrender is a side fact (rounds 7-8: the year a
    # governor-general died, a commander got his command); Tobias Lind, in two, is not; the notes' own
    # subject (the title's words) and a pronoun are not measured.
    from bot.core.documents import Chunk, make_chunk_id

    lines = [*NOTES, "Captain Osric Hale surrendered the north gate of Arnholt in 1611.",
             "The Veldrian War ended with the Treaty of Kessel."]
    chunks = [Chunk(make_chunk_id("war.txt", ("The Veldrian War",), line, i), "war.txt", ("The Veldrian War",), None,
                    i, line) for i, line in enumerate(lines)]
    notes = NotesEvidence(nlp.parse_lines(lines), chunks)

    def once(stem: str, answer: str, quote: str) -> float:
        return features(choice(stem, answer, ["1605", "1615", "1618"], quote, tests="date"), notes)["actor_once"]

    assert once("Captain Osric Hale surrendered the north gate of Arnholt in _____.", "1611", lines[-2]) == 1.0
    assert once("General Tobias Lind defended Arnholt until _____.", "1611", NOTES[6]) == 0.0
    assert once("The Veldrian War ended in _____.", "1626", lines[-1]) == 0.0
    assert once("He surrendered the north gate in _____.", "1611", lines[-2]) == 0.0

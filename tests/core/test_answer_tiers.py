"""When an answer is confident, hedged or declined, on notes other than the default one, with the
real model: heavily misspelt questions about the notes are answered, and the tier of a question
does not change when the course holds more notes about other things."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from bot.core.answering import CLOSEST, CONFIDENT, NOT_COVERED
from tests.conftest import indexed_course
from tests.core.test_answer_kinds import NOTES

DATA = Path(__file__).resolve().parents[1] / "data"
DEFAULT_NOTES = Path(__file__).resolve().parents[2] / "corpus" / "china-under-mao.txt"


def _course(root: Path, embedder, extra: list[Path]):
    return indexed_course(root, NOTES, embedder, tuple(extra))


@pytest.fixture(scope="module")
def small(tmp_path_factory, real_embedder):
    return _course(tmp_path_factory.mktemp("small"), real_embedder, [])


@pytest.fixture(scope="module")
def larger(tmp_path_factory, real_embedder):
    """The same five documents beside notes on China under Mao and on photosynthesis: several
    times as many passages, none about the questions asked below."""
    return _course(tmp_path_factory.mktemp("larger"), real_embedder,
                   [DEFAULT_NOTES, DATA / "courses" / "photosynthesis.md"])


@pytest.mark.parametrize("question, fact", [
    ("wat hapend to king harrold godwinsen at the batle of hastings", "killed"),
    ("wen did the vikngs raid the monastary of lindisfarne", "793"),
    ("were does the krebs cycel take place", "mitochondria"),
])
def test_heavily_misspelt_questions_about_the_notes_are_answered(small, question, fact):
    answer = small.ask(question)
    assert not answer.abstained, answer.reason
    assert fact in answer.text, answer.sentences


def test_misspelt_words_of_another_subject_are_still_declined(small):
    # Edit distance against the notes' own words: a word of another subject is not made one of them.
    assert small.ask("wat is the speed of lihgt in a vacum").tier == NOT_COVERED


@pytest.mark.parametrize("question", [
    "In what year was the Magna Carta sealed?",
    "When was the Battle of Hastings fought?",
    "Which monastery did the Vikings raid in 793?",
    "Where does the Krebs cycle take place?",
    "What does a loop repeat?",
    "Who sealed the Magna Carta, and in what year?",  # two parts, both answered by one sentence
])
def test_the_tier_does_not_depend_on_how_many_notes_the_course_holds(small, larger, question):
    alone, among_more = small.ask(question), larger.ask(question)
    assert larger.info().manifest.chunk_count >= 3 * small.info().manifest.chunk_count
    assert alone.tier == CONFIDENT, (question, alone.sentences)
    assert (among_more.tier, among_more.sentences[:1]) == (alone.tier, alone.sentences[:1])


def test_a_name_whose_words_the_notes_never_use_together_is_still_declined(small):
    # "English" and "Pope" are both words of the notes, never one name: looking for the name in
    # the whole notes, not only in the passages found, does not make it theirs.
    answer = small.ask("What did the English Pope annul?")
    assert answer.tier == NOT_COVERED and "English Pope" in answer.reason, (answer.reason, answer.sentences)


@pytest.mark.parametrize("question, fact", [
    ("What did Kng John seal at Runnymede?", "Magna Carta"),
    ("When did Kng John seal the Magna Carta?", "1215"),
    ("What did Lor Harold do at Hastings?", "Hastings"),
])
def test_a_misspelt_short_name_is_answered_where_both_searches_find_one_passage(small, question, fact):
    # "Kng", "Lor": too short for the spelling correction, an edit from the notes' "King", "Lord".
    # The word search and the dense search put the same passage first: answered, as the closest.
    answer = small.ask(question)
    assert answer.tier == CLOSEST, (answer.reason, answer.sentences)
    assert fact in answer.text, answer.sentences


@pytest.mark.parametrize("question", ["What is the Calvin cycle?",
                                      "Who killed Harold Godwinson at the Battle of Gettysburg?"])
def test_a_name_that_is_no_misspelling_of_the_notes_is_declined_though_the_searches_agree(small, question):
    answer = small.ask(question)
    assert answer.tier == NOT_COVERED and "never mention" in answer.reason, (answer.reason, answer.sentences)


SCIENCE_NOTES = [
    "Dmitri Mendeleev was a Russian chemist who taught in Saint Petersburg. In 1869 he arranged the known "
    "elements by atomic weight into a table with gaps.",
    "The Siekierkowski Bridge was designed by the engineers Anna Kowalczyk and Jan Nowicki. Its two pylons carry "
    "the deck on steel cables.",
    "Rivers carry silt to the sea.", "Glaciers carve valleys over many centuries.", "Volcanoes form where plates meet.",
    "Deserts receive little rain each year.", "Forests store carbon in wood and soil.", "Coral reefs grow in warm water.",
]


def _sentence_answers(question: str, passage: str, sentence: str) -> bool:
    """Whether the passage's sentence starting `sentence` may answer, at a cosine with the question
    (0.45) below `semantic_on_topic`: its words must do it."""
    from dataclasses import replace

    from bot.core.answering import AnswerPolicy, _answers
    from bot.core.documents import Chunk
    from bot.core.lexical import LexicalIndex
    from bot.core.query import query_names, query_terms
    from bot.core.retrieval import Hit
    from bot.core.sentences import candidates_from, score_candidates

    lexical = LexicalIndex.build(SCIENCE_NOTES)
    terms = query_terms(question, lexical)
    names = query_names(question, terms, lexical)
    hit = Hit(Chunk("c0", "science.md", ("Science",), None, 0, passage), 0, 0.5, 1.0, 1.0)
    chosen = next(c for c in candidates_from([hit]) if c.text.startswith(sentence))
    scored = score_candidates([chosen], terms, names, None, question)
    assert scored[0].on_topic == "off", "the rule under test is for sentences that look off topic"
    return _answers(replace(scored[0], similarity=0.45), AnswerPolicy(), True, terms, names)


def test_a_sentence_said_where_the_question_names_are_may_answer():
    table = SCIENCE_NOTES[0].split(". ", 1)[1]
    # "he arranged ... by atomic weight": the name is in the sentence before, in the same passage.
    assert _sentence_answers("What did Mendeleev arrange by atomic weight?", SCIENCE_NOTES[0], "In 1869")
    # The same sentence in a passage that never names Mendeleev: about someone else, for all it says.
    assert not _sentence_answers("What did Mendeleev arrange by atomic weight?", table, "In 1869")
    # Every name of the question in the sentence, most of its weight, though not its other words.
    assert _sentence_answers("What were Anna Kowalczyk and Jan Nowicki known for?", SCIENCE_NOTES[1], "The Siek")


def test_a_confident_answer_comes_from_the_passage_the_word_search_ranks_best():
    from bot.core.answering import AnswerPolicy, answer_question
    from bot.core.documents import Chunk
    from bot.core.lexical import LexicalIndex
    from bot.core.retrieval import Hit, SearchResult

    passages = ["King John sealed the Magna Carta at Runnymede in 1215.",
                "The barons met King John at Runnymede to make peace."]
    lexical = LexicalIndex.build(passages)
    question = "When did King John seal the Magna Carta at Runnymede?"

    def tier(lexical_scores):
        hits = [Hit(Chunk(f"c{i}", "notes.md", ("Notes",), None, i, text), i, 0.7 - 0.1 * i, score, 1.0 - 0.1 * i)
                for i, (text, score) in enumerate(zip(passages, lexical_scores))]
        return answer_question(SearchResult(question, [], None, hits), lexical, AnswerPolicy()).tier

    assert tier([2.0, 1.0]) == CONFIDENT
    # The same sentence, but the question's own words point to the other passage: the closest.
    assert tier([1.0, 2.0]) == CLOSEST


@pytest.mark.parametrize("question", ["What did the king's army destroy in the raid?",
                                      "What did the pope think of the great leap?"])
def test_a_question_sharing_single_words_and_no_phrase_with_the_notes_is_declined(larger, question):
    # King, army and raid are words of the notes, never together: another subject's question.
    answer = larger.ask(question)
    assert answer.tier == NOT_COVERED and "something else" in answer.reason, (answer.reason, answer.sentences)
    # The weak-answer rule's further steps (test_weak_answer_steps) and the elsewhere step
    # (test_elsewhere_step) may decline it too; without them the missing phrase alone declines it,
    # and nothing else does.
    policy = larger.policy
    larger.policy = replace(larger.policy, scant_answer_similarity=0.0, remote_answer_similarity=0.0,
                            thin_answer_similarity=-2.0, elsewhere_answer_similarity=-2.0)
    try:
        assert larger.ask(question).abstained
        larger.policy = replace(larger.policy, phrase_similarity=0.0)
        assert not larger.ask(question).abstained  # what declines it is the missing phrase
    finally:
        larger.policy = policy  # the module's fixture serves the tests after this one


def test_another_subjects_question_is_declined_by_the_weak_answer_steps_without_the_phrase_rule(larger):
    # Real model: the best sentence shares single words with "What did the king's army destroy in the
    # raid?" and is not close enough in meaning for the little of its weight it carries.
    question = "What did the king's army destroy in the raid?"
    policy = larger.policy
    larger.policy = replace(larger.policy, phrase_similarity=0.0)
    try:
        answer = larger.ask(question)
        assert answer.tier == NOT_COVERED and "something else" in answer.reason, (answer.reason, answer.sentences)
        larger.policy = replace(larger.policy, scant_answer_similarity=0.0, remote_answer_similarity=0.0,
                                thin_answer_similarity=-2.0, elsewhere_answer_similarity=-2.0)
        assert not larger.ask(question).abstained
    finally:
        larger.policy = policy  # the module's fixture serves the tests after this one


@pytest.mark.parametrize("question, fact", [
    ("What law governed the region of eastern England?", "Danish law"),
    ("Where did later raiders settle?", "Danelaw"),
    ("What did Caroline Herschel find in her garden?", "comets"),
])
def test_questions_in_other_words_about_the_notes_are_still_answered(larger, question, fact):
    answer = larger.ask(question)
    assert not answer.abstained, answer.reason
    assert fact in answer.text, answer.sentences


# A course of one subject: its own words ("steam", "locomotive", "engine") are in most passages.
LOCOMOTIVE_NOTES = {"locomotives.md": (
    "# Steam locomotives\n"
    "\n"
    "## Origins\n"
    "The steam locomotive grew out of the stationary steam engines that pumped water from mines. Richard Trevithick built the first working steam locomotive in 1804 for the Penydarren ironworks in Wales.\n"
    "\n"
    "## The Rocket\n"
    "George Stephenson and his son Robert built the Rocket in 1829. The Rocket won the Rainhill Trials, a contest held to choose the engines for the Liverpool and Manchester Railway.\n"
    "\n"
    "## Boilers\n"
    "A locomotive boiler turns water into steam by burning coal in the firebox. Hot gases from the firebox pass through fire tubes that run the length of the boiler. Fusible plugs of lead sit in the crown of the firebox and melt if the water level falls too low.\n"
    "\n"
    "## Cylinders and valves\n"
    "Steam from the boiler drives pistons inside the cylinders. The valve gear admits steam to each side of the piston in turn. Walschaerts valve gear became the most common design on steam locomotives in the twentieth century.\n"
    "\n"
    "## Measuring performance\n"
    "Engineers tested steam locomotives on stationary test plants and with dynamometer cars. The most useful instrument for analysing the performance of a steam engine is the indicator, which draws the pressure in the cylinder against the stroke of the piston.\n"
    "\n"
    "## Speed records\n"
    "The fastest steam locomotive was Mallard, which reached 126 miles per hour in 1938 on a slight downhill gradient. Mallard was a streamlined A4 class engine designed by Nigel Gresley.\n"
    "\n"
    "## Decline\n"
    "Diesel and electric locomotives replaced steam on most railways after the Second World War. Diesel engines needed less maintenance and fewer crew than steam engines.\n"
    "\n"
    "## Preservation\n"
    "Many steam locomotives are kept running on heritage railways by volunteers. The Flying Scotsman was the first steam locomotive officially recorded at 100 miles per hour, in 1934.\n"
)}


@pytest.fixture(scope="module")
def one_subject(tmp_path_factory, real_embedder):
    return indexed_course(tmp_path_factory.mktemp("one-subject"), LOCOMOTIVE_NOTES, real_embedder)


@pytest.fixture(scope="module")
def one_subject_among_others(tmp_path_factory, real_embedder):
    return indexed_course(tmp_path_factory.mktemp("one-subject-among-others"), LOCOMOTIVE_NOTES, real_embedder,
                          (DEFAULT_NOTES, DATA / "courses" / "photosynthesis.md"))


@pytest.mark.parametrize("question", [
    # "analysing" for "examine": weighed by the notes, the subject's words ("steam", "engine") count
    # for little in a course of one subject and much among other subjects' notes, so the share the
    # sentence carries fell under the confident tier's alone only (issue 15.5).
    "What instrument is used to examine steam engine performance?",
    "Who built the first working steam locomotive?",
    "What replaced steam locomotives after the Second World War?",
    "Which valve gear was most common on steam locomotives?",
    "Who designed Mallard?",
])
def test_the_tier_does_not_depend_on_what_else_the_course_holds(one_subject, one_subject_among_others, question):
    alone, among_others = one_subject.ask(question), one_subject_among_others.ask(question)
    assert alone.tier == CONFIDENT, (question, alone.sentences, alone.tier_match)
    assert (among_others.tier, among_others.sentences[:1]) == (alone.tier, alone.sentences[:1])


# Five documents of one subject: "volcano", "magma", "lava" and "eruption" are in most passages, so
# the notes' IDF weighs them down alone and up among other subjects' notes (issue 15.5).
VOLCANO_NOTES = {
    "magma.md": "# Magma\n\nMagma forms in the mantle where rock melts under falling pressure. Magma that reaches "
                "the surface of a volcano is called lava. Basaltic magma is runny because it holds little silica, "
                "and rhyolitic magma is sticky because it holds much silica.\n",
    "kinds.md": "# Kinds of volcano\n\nShield volcanoes are broad, gentle domes built by runny lava flows; Mauna Loa "
                "in Hawaii is the largest shield volcano on Earth. Stratovolcanoes are steep cones of lava and ash "
                "layers built by explosive eruptions. A caldera is a wide crater left when a volcano collapses into "
                "its emptied magma chamber.\n",
    "vesuvius.md": "# Vesuvius\n\nMount Vesuvius erupted in 79 AD and buried the Roman town of Pompeii under ash. "
                   "Pliny the Younger described the eruption in two letters to the historian Tacitus. The column of "
                   "ash and gas that rose from the volcano gave its name to Plinian eruptions.\n",
    "krakatoa.md": "# Krakatoa\n\nKrakatoa, a volcano in the Sunda Strait, erupted in August 1883. The explosion was "
                   "heard on Rodrigues Island nearly 4,800 kilometres away. Ash from the eruption lowered average "
                   "global temperatures by about 0.4 degrees the following year.\n",
    "monitoring.md": "# Monitoring volcanoes\n\nVolcanologists watch for swarms of small earthquakes as magma rises "
                     "beneath a volcano. Tiltmeters measure the swelling of the ground before an eruption. "
                     "Rising levels of sulphur dioxide in the gas from a vent warn that fresh magma is near the "
                     "surface.\n",
}


@pytest.fixture(scope="module")
def volcanoes(tmp_path_factory, real_embedder):
    return indexed_course(tmp_path_factory.mktemp("volcanoes"), VOLCANO_NOTES, real_embedder)


@pytest.fixture(scope="module")
def volcanoes_among_others(tmp_path_factory, real_embedder):
    return indexed_course(tmp_path_factory.mktemp("volcanoes-among-others"), VOLCANO_NOTES, real_embedder,
                          (DEFAULT_NOTES, DATA / "courses" / "photosynthesis.md"))


@pytest.mark.parametrize("question, fact", [
    ("When did Mount Vesuvius erupt?", "79 AD"),
    ("Which town did Vesuvius bury under ash?", "Pompeii"),
    ("What is the largest shield volcano on Earth?", "Mauna Loa"),
    ("Where was the explosion of Krakatoa heard?", "Rodrigues Island"),
    ("What do tiltmeters measure?", "swelling of the ground"),
    ("Why is basaltic magma runny?", "little silica"),
    ("Who described the eruption of Vesuvius, and to whom?", "Tacitus"),  # two parts, one sentence
])
def test_a_word_for_word_answer_in_five_documents_of_one_subject_is_confident_alone_and_among_others(
        volcanoes, volcanoes_among_others, question, fact):
    alone, among_others = volcanoes.ask(question), volcanoes_among_others.ask(question)
    assert alone.tier == CONFIDENT and fact in alone.sentences[0], (question, alone.sentences, alone.tier_match)
    assert (among_others.tier, among_others.sentences[:1]) == (alone.tier, alone.sentences[:1])


WARFARE_NOTES = {
    "weapons.md": "# Weapons of empire\n\nBy the 1880s, the machine gun had become an effective battlefield weapon. "
                  "Colonial armies used it against forces far larger than their own.\n",
    "trade.md": "# Trade\n\nChartered companies held monopolies over the spice and tea routes. Their ships carried "
                "cotton cloth from Lancashire to ports in Asia.\n",
    "rule.md": "# Rule\n\nGovernors ruled through local elites who collected taxes for the crown.\n",
}


@pytest.fixture(scope="module")
def warfare(tmp_path_factory, real_embedder):
    return indexed_course(tmp_path_factory.mktemp("warfare"), WARFARE_NOTES, real_embedder)


def test_a_question_sharing_no_word_with_the_notes_is_answered_when_a_passage_is_close_in_meaning(warfare):
    # None of "invented", "1880", "revolutionized", "warfare" is a word of these notes; among other
    # courses' notes one of them was, and the question was answered; alone it was declined as "no
    # passage is close", though the passage saying it was the closest by far (RESULTS 6v).
    answer = warfare.ask("what was invented in 1880 that revolutionized warfare?")
    assert not answer.abstained, (answer.reason, answer.top_score)
    assert "machine gun" in answer.sentences[0], answer.sentences
    # A question of another subject sharing no word with the notes is still declined.
    assert warfare.ask("What is the boiling point of mercury?").abstained


def test_another_subjects_question_is_declined_by_the_elsewhere_step_alone(larger):
    # Real model: "king", "army" and "raid" are the notes' words, standing elsewhere than in the best
    # sentence's passage; with the phrase rule and the staircase off, the elsewhere step declines it.
    question = "What did the king's army destroy in the raid?"
    policy = larger.policy
    larger.policy = replace(larger.policy, phrase_similarity=0.0, scant_answer_similarity=0.0,
                            remote_answer_similarity=0.0, thin_answer_similarity=-2.0)
    try:
        answer = larger.ask(question)
        assert answer.tier == NOT_COVERED and "something else" in answer.reason, (answer.reason, answer.sentences)
        larger.policy = replace(larger.policy, elsewhere_answer_similarity=-2.0)
        assert not larger.ask(question).abstained
    finally:
        larger.policy = policy  # the module's fixture serves the tests after this one

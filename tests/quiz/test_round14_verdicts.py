"""Round 14's verdicts on version 47: a clause card answered with all its rules listed a limit of a
permission as one more thing the clause allows and left its duty out (MPL 3.5, borderline), and the
deed items offered one actor's deeds under several forms of his name, or deeds of another century
(yuan-dynasty, both weak). Made-up notes on beekeeping and an invented steppe realm, of no course of
the pool."""

from __future__ import annotations

from bot.core import nlp
from bot.core.documents import Chunk, make_chunk_id
from bot.core.quiz.gen_deeds import DeedPool, deed_of, same_actor
from bot.core.quiz.gen_precision import all_rules_answer, mixed_rules
from bot.core.quiz.generator import generate_items

# --- a clause card lists its rules only when they are all of one kind, none limiting another ----------

CLAUSES = [
    ("1. We will share what we breed",
     "When we raise a new queen line, we will give its records to every member of the guild. "
     "We will keep the breeding book open at the hall on every market day of the year. "
     "We will send our surplus nuclei to members who lost colonies over the winter."),
    ("2. Selling Honey at the Market",
     "You may sell honey from guild hives at the valley market and charge a fee for tasting it there. "
     "However, You may do so only under Your own name, and not under the name of the guild. "
     "You may label the jars with the name of the valley and the flowers the bees worked."),
    ("3. Lending Equipment",
     "You may lend a smoker, a veil or a hive tool to another keeper of the guild for a season. "
     "You must record every loan in the equipment book at the hall before the season begins. "
     "You may lend the honey extractor to a member of the guild for one week."),
]


def _pledge() -> list[Chunk]:
    title = "The Beekeepers' Pledge"
    return [Chunk(make_chunk_id("pledge.txt", (title, heading), body, i), "pledge.txt", (title, heading), None, i,
                  body) for i, (heading, body) in enumerate(CLAUSES)]


def _sentences(body: str) -> list[str]:
    return [s.strip() + "." for s in body.split(". ") if s.strip()]


def test_no_list_of_what_a_clause_allows_with_a_limit_or_a_duty_among_them():
    """MPL 3.5: "You may do so only on Your own behalf, and not on behalf of any Contributor" was listed
    as a thing the clause allows, and its "You must make it absolutely clear ..." left out. A clause
    of promises all of one kind keeps its list (the Debian Social Contract's)."""
    for heading, body in CLAUSES[1:]:
        texts = _sentences(body)
        docs = nlp.parse_lines(texts)
        assert mixed_rules("allow", texts, docs), heading
        assert all_rules_answer("allow", texts, docs) == ""
    promises = _sentences(CLAUSES[0][1])
    assert mixed_rules("promise", promises, nlp.parse_lines(promises)) == ""
    answers = {i.prompt: i.answer for i in generate_items(_pledge(), learned_cutoff=False)
               if i.prompt.startswith("According to")}
    assert answers.get("According to the Beekeepers' Pledge, what does “We will share what we breed” promise?", "") \
        .startswith("It promises: when we raise a new queen line")
    assert not any("Selling Honey" in p or "Lending Equipment" in p for p in answers)


# --- a deed item's wrong options: three actors, of the question's time ----------------------------------

REALM = {"Ogul Khan": "person", "Ogul": "person", "Emperor Ogul Khan": "person", "Bator Khan": "person",
         "Bator": "person", "Sarna Dey": "person", "Vessa Lor": "person", "Idris Mol": "person",
         "Tarn Vey": "person", "Tarn": "person", "Kel Asha": "person", "Mira Tos": "person"}


def _deed_pool(sentences):
    deeds = [d for d in (deed_of(doc, REALM.get) for doc in nlp.parse_lines(sentences)) if d is not None]
    return deeds, DeedPool(deeds, sentences)


def test_the_wrong_options_are_deeds_of_three_actors_an_actors_names_one():
    """yuan-dynasty: "What did Möngke Khan do?" offered three deeds of Kublai, named "Kublai Khan" in one
    sentence and "Emperor Kublai Khan" in another (round 14: weak)."""
    sentences = [
        "Bator Khan commenced a long campaign against the Serat kingdom in the south.",
        "Ogul Khan promoted trade along the caravan roads of the western steppe.",
        "Emperor Ogul Khan invited the scholars of Orun to the court at Karsh.",
        "Ogul created an academy of medicine for the physicians of the court.",
        "Sarna Dey rebuilt the temple of the river goddess at Orun.",
    ]
    deeds, pool = _deed_pool(sentences)
    assert [d.actor for d in deeds] == ["Bator Khan", "Ogul Khan", "Emperor Ogul Khan", "Ogul", "Sarna Dey"]
    assert same_actor("Emperor Ogul Khan", "Ogul") and not same_actor("Ogul Khan", "Bator Khan")
    assert not same_actor("Tan", "Tangut people")  # whole words, not letters
    assert pool.question(deeds[0], ("Bator",)) is None  # two actors: Ogul (three names) and Sarna Dey
    deeds, pool = _deed_pool([*sentences, "Vessa Lor mapped the salt lakes of the western desert."])
    question = pool.question(deeds[0], ("Bator",))
    assert question is not None
    wrong = set(question.options) - {question.answer}
    assert len(wrong & {d.deed for d in deeds if same_actor(d.actor, "Ogul")}) == 1


def test_the_wrong_options_are_of_the_time_of_the_question():
    """yuan-dynasty: "With the dismissal of Bayan, what did Toghtogha do?" (a chancellor of 1340) was
    offered three of Kublai's deeds of the 1270s (round 14: weak). A deed's time is its sentence's
    years, else the years the notes place its actor in (gen_periods, as for a who-item's people)."""
    sentences = [
        "In 1340, Tarn Vey seized the seal of the chancellery at Karsh.",
        "In 1272, Ogul Khan promoted trade along the caravan roads of the western steppe.",
        "In 1275, Sarna Dey rebuilt the temple of the river goddess at Orun.",
        "In 1278, Vessa Lor mapped the salt lakes of the western desert.",
        "In 1336, Idris Mol dug the first canal across the eastern plain.",
        "In 1345, Kel Asha founded a school of astronomers at the river port.",
        "Mira Tos raised a fleet of river barges for the grain trade.",
    ]
    deeds, pool = _deed_pool(sentences)
    question = pool.question(deeds[0], ("Tarn",))
    assert question is not None  # 1336, 1345 and Mira Tos, whom the notes do not place
    assert set(question.options) - {question.answer} == {deeds[4].deed, deeds[5].deed, deeds[6].deed}
    deeds, pool = _deed_pool(sentences[:5])
    assert pool.question(deeds[0], ("Tarn",)) is None  # only one deed of the 1330s-1340s
    # undated, the deed is placed by its actor's years; so is an undated option
    undated = ["Tarn Vey seized the seal of the chancellery at Karsh.", *sentences[1:4],
               "Ogul created an academy of medicine for the physicians of the court."]
    deeds, pool = _deed_pool(undated)
    pool.placed = lambda actor, years={"Tarn Vey": {1340}, "Ogul": {1272}}: years.get(actor, set())
    assert pool.question(deeds[0], ("Tarn",)) is None
    pool.placed = lambda actor: set()
    assert pool.question(deeds[0], ("Tarn",)) is not None  # nothing placed: no time to fit

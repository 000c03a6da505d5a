"""Round 14's verdicts on version 47: a clause card answered with all its rules listed a limit of a
permission as one more thing the clause allows and left its duty out (MPL 3.5, borderline), and the
deed items offered one actor's deeds under several forms of his name, or deeds of another century
(yuan-dynasty, both weak). Made-up notes on beekeeping and an invented steppe realm, of no course of
the pool."""

from __future__ import annotations

from bot.core import nlp
from bot.core.documents import Chunk, make_chunk_id
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

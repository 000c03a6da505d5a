"""Round 14's two borderline kinds that repeat or give away (bench/RESULTS.md 8.32): several "Who ...?"
items of one bank with the same person keyed among the same option set, and an abbreviation card whose
expansion is the course's title words and stock words of a body's name. Made-up notes and items (a
guild of Ruritania, a council of Lyr); each test also shows the item made without its rule."""

from __future__ import annotations

from bot.core.documents import Chunk, make_chunk_id
from bot.core.quiz import gen_bank_shape, generator
from bot.core.quiz.gen_bank_shape import _Candidates, _shape_bank
from bot.core.quiz.generator import generate_items
from bot.core.quiz.items import QuizItem, QuizSource

PEOPLE = ("Anna Vell", "Boris Tamm", "Carl Oder", "Dora Lisk")


def _who(prompt: str, answer: str, options: tuple[str, ...], quality: float, quote: str) -> QuizItem:
    source = QuizSource(document="lyr.md", chunk_id=quote[:8], section="Lyr", quote=quote)
    return QuizItem(id=prompt[:12], kind="multiple_choice", prompt=prompt, answer=answer, options=options,
                    source=source, tests="actor", quality=quality)


def _bank(same_set: bool = True):
    first = _who("Who founded the Lyr salt council?", "Anna Vell", PEOPLE, 0.77, "Anna Vell founded the salt council.")
    second = _who("Who taxed the river barges of Lyr?", "Anna Vell", PEOPLE[::-1], 0.8, "Anna Vell taxed the barges.")
    other_set = _who("Who drained the marsh of Lyr?", "Anna Vell", ("Anna Vell", "Boris Tamm", "Carl Oder", "Eli Frost"),
                     0.7, "Anna Vell drained the marsh.")
    return [_Candidates(i.source.quote, "lyr.md", [i]) for i in (first, second if same_set else other_set)]


def test_one_who_item_per_person_and_option_set():
    # The better of the two with the same four names stays; another set of names is another question.
    assert [i.prompt for i in _shape_bank(_bank())] == ["Who taxed the river barges of Lyr?"]
    assert len(_shape_bank(_bank(same_set=False))) == 2


def test_without_the_rule_both_repeats_stay(monkeypatch):
    monkeypatch.setattr(gen_bank_shape, "_one_who_per_option_set", lambda candidates, choice, live, prompts: live)
    assert len(_shape_bank(_bank())) == 2


def _guild_notes() -> list[Chunk]:
    title = "Ruritanian Assembly"
    paragraphs = [
        "The Ruritanian Assembly meets in Strelsau. In 1921 the Ruritanian National Party (RNP) won its first "
        "seats in the Ruritanian Assembly, and the Grain Marketing Board (GMB) was set up to buy the harvest.",
        "The RNP formed a government with the farmers' bloc in 1925. The GMB fixed the price of rye each spring.",
        "By 1930 the RNP held half the seats, and the GMB had stores in every valley of the country.",
    ]
    return [Chunk(make_chunk_id("ruritanian-assembly.md", (title,), text, n), "ruritanian-assembly.md", (title,),
                  None, n, text) for n, text in enumerate(paragraphs)]


def _abbreviation_prompts() -> list[str]:
    return [i.prompt for i in generate_items(_guild_notes(), learned_cutoff=False) if "abbreviation" in i.prompt]


def test_no_card_for_an_expansion_the_title_gives_away():
    prompts = _abbreviation_prompts()
    assert "What does the abbreviation RNP stand for?" not in prompts


def test_without_the_rule_the_card_is_made(monkeypatch):
    monkeypatch.setattr(generator._Generator, "_guessable_expansion", lambda self, long, chunk: False)
    assert "What does the abbreviation RNP stand for?" in _abbreviation_prompts()


def test_guessable_expansion_words():
    gen = generator._Generator(_guild_notes())
    chunk = _guild_notes()[0]
    assert gen._guessable_expansion("Ruritanian National Party", chunk)
    assert not gen._guessable_expansion("Grain Marketing Board", chunk)  # nothing of the title
    assert not gen._guessable_expansion("Treaty on Ruritanian Assembly", chunk)  # a word of its own: Treaty

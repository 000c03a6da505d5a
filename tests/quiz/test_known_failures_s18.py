"""Session 18 (quizprec): forms of items past judges borderlined or dropped that the generator still
posted, each taken out by a rule about form (bench/RESULTS.md, the quizprec section of session 18)."""

from __future__ import annotations

from bot.core.quiz.gen_sequence import Event, sequences


def _events(years):
    return [Event(f"Event number {n} happened in the town", year, f"q{n}", n) for n, year in enumerate(years)]


def test_no_sequence_whose_answer_leads_by_a_sliver_of_a_long_span():
    # 1273, 1276, 1281, 1351: "which happened first?" hinges on three years out of 78 (the Imperial
    # Library Directorate before the fall of Hangzhou), an exact date rather than the order of things.
    assert sequences(_events([1273, 1276, 1281, 1351])) == []
    # The same lead in a short span is an order a student can know.
    assert len(sequences(_events([1273, 1276, 1281, 1290]))) == 1
    # A lead that is a real share of a long span stays.
    assert len(sequences(_events([1250, 1276, 1300, 1340]))) == 1


# --- a stem that holds what the notes say the answer is (gen_term_cloze.TermKin.stem_describes) -------

from tests.quiz.test_term_cloze import ECONOMICS, _clozes  # noqa: E402

_TOLD = "Sunk costs consist mainly of money already spent on machinery."
_ASKED = "A careful manager writes off sunk costs once the machinery is bought."


def test_a_term_cloze_whose_stem_holds_what_the_answer_is_is_not_made():
    # "Individuals may rely on _____ ... if the Treaty provisions have a direct effect": the notes say
    # primary law "consists mainly of the founding treaties", so "Treaty" in the stem gives it away.
    assert _ASKED not in _clozes([*ECONOMICS, _TOLD, _ASKED], "Economics")


def test_the_same_stem_is_asked_when_the_notes_do_not_say_the_answer_is_that():
    q = _clozes([*ECONOMICS, "Sunk costs are often large in heavy industry.", _ASKED], "Economics")[_ASKED]
    assert q.answer == "sunk costs"


def test_a_stem_that_says_what_the_answer_is_stays_a_question():
    # "The main sources of _____ are the Treaties ...": what it is, is what the item asks.
    asked = "The main part of sunk costs is money already spent on machinery."
    assert asked in _clozes([*ECONOMICS, _TOLD, asked], "Economics")


# --- round 18 (held-out set 8 and version 56's new items): forms of the final wording ------------------

from bot.core.documents import Chunk, make_chunk_id  # noqa: E402
from bot.core.quiz.gen_card_answers import open_list, worth_recalling  # noqa: E402
from bot.core.quiz.gen_posted_form import answer_spelled_by_stem, cut_word  # noqa: E402
from bot.core.quiz.gen_bank_shape import _who_set  # noqa: E402
from bot.core.quiz.generator import generate_items  # noqa: E402
from bot.core.quiz.items import MULTIPLE_CHOICE, QuizItem, QuizSource  # noqa: E402

_HARBOUR = ("Ships unload at the harbour in an order the harbour master sets. "
            "A pre-clearance is very demanding for the crane, because it adds a strict constraint on the "
            "ordering of the ships to unload. "
            "The harbour master keeps a list of the ships waiting outside the harbour.")


def test_a_prompt_never_keeps_half_of_a_hyphenated_word():
    # "Why is a pre very demanding for apt?" of "A pre-dependency is very demanding for apt, because ..."
    assert cut_word("Why is a pre very demanding for apt?", "A pre-dependency is very demanding for apt, because x.") == "pre"
    assert cut_word("What is a pre-dependency?", "A pre-dependency is very demanding for apt.") == ""
    assert cut_word("Why is the crane slow?", "The crane is slow because of the wind.") == ""
    chunk = Chunk(make_chunk_id("harbour.md", ("Harbour",), _HARBOUR, 0), "harbour.md", ("Harbour", "Unloading"),
                  None, 0, _HARBOUR)
    prompts = [i.prompt for i in generate_items([chunk], learned_cutoff=False)]
    assert not any(" pre " in p for p in prompts)  # "Why is a pre very demanding for the crane?" without the rule


def test_a_one_word_answer_built_from_a_word_of_the_question_is_given_away():
    assert answer_spelled_by_stem("Which module offers more control over printing objects?", "pprint",
                                  ["pprint", "bisect", "locale", "string"]) == "printing"
    assert answer_spelled_by_stem("Which module provides tools for tracking objects without creating a reference?",
                                  "weakref", ["decimal", "bisect", "heapq", "weakref"]) == "reference"
    # Letters every option shares ("list." of list methods) tell nothing; nor do unrelated words.
    assert answer_spelled_by_stem("Which list method removes all items from the list?", "list.clear",
                                  ["list.clear", "list.count", "list.pop", "list.remove"]) == ""
    assert answer_spelled_by_stem("Which module provides a function for making file lists from directory wildcard "
                                  "searches?", "glob", ["shutil", "re", "glob", "sys"]) == ""
    assert answer_spelled_by_stem("Which tool builds the harbour ledger?", "Mason", ["Mason", "Carter", "Smith"]) == ""


def test_an_open_list_is_no_card_answer():
    answer = "Graphics cards, sound cards, network interface cards, and so on."
    assert open_list(answer) and not worth_recalling("What do option boards include?", answer)
    assert open_list("Tea, coffee, sugar etc.")
    assert not open_list("Graphics cards, sound cards and network interface cards.")
    assert worth_recalling("What do option boards include?", "Graphics cards, sound cards and network cards.")


def _actor_item(prompt: str, answer: str, options: tuple[str, ...]) -> QuizItem:
    return QuizItem(id=prompt, kind=MULTIPLE_CHOICE, prompt=prompt, answer=answer, options=options,
                    source=QuizSource("notes.txt", None, prompt, None, "c1"), tests="actor")


def test_two_which_of_these_actor_items_with_one_answer_and_option_set_are_one_repeat():
    a = _actor_item("By the 1840s, which of these had adopted free trade?", "Britain",
                    ("Japan", "Germany", "United States", "Britain"))
    b = _actor_item("Following 1815, which of these enjoyed a century of dominance?", "Britain",
                    ("Germany", "Japan", "United States", "Britain"))
    assert _who_set(a, "notes.txt") is not None and _who_set(a, "notes.txt") == _who_set(b, "notes.txt")


def test_a_name_whose_stem_the_question_writes_is_no_wrong_option():
    from bot.core.quiz.gen_actors import _one_stem, stem_names
    stem = stem_names("During World War I, took German-leased territories in China's Shandong Province")
    assert _one_stem("Germany", stem)  # ruled out: Germany cannot take German-leased territories
    assert not _one_stem("France", stem) and not _one_stem("United States", stem)
    # Lower-case words of the stem are no names: "united" in "a united front" leaves United States an option.
    assert not _one_stem("United States", stem_names("formed a united front against the empire"))


def test_a_manual_page_with_its_section_is_no_call_of_a_function():
    # "dpkg(1)", "deb822(5)" in the Debian handbook made dpkg a "function" among file formats (round 18).
    from bot import core  # noqa: F401
    from bot.core import nlp
    from bot.core.quiz.gen_named import NamedThings
    lines = ["The format is described in the manual pages deb822(5) and pkgtool(1).",
             "The pkgtool program removes the files of a package.",
             "Call sorted(items) to get a new sorted list, and sorted returns a list."]
    things = NamedThings(lines, dict(zip(lines, nlp.parse_lines(lines))))
    assert "pkgtool" not in things.extra["function"] and "deb822" not in things.extra["function"]
    assert "sorted" in things.extra["function"]  # a call stays a call


def test_a_country_the_notes_have_acting_only_a_generation_later_is_no_option_for_an_earlier_deed():
    from bot.core.quiz.gen_actors import not_yet_acting
    # Germany acting from 1871 on, offered as the power that dominated trade by 1840: ruled out by the time.
    assert not not_yet_acting({1871, 1884, 1914}, {1840})
    assert not_yet_acting({1800, 1871}, {1840})  # acting by then
    assert not_yet_acting({1850}, {1840})  # within a generation
    assert not_yet_acting(set(), {1840}) and not_yet_acting({1914}, set())  # never placed, or no time asked


def test_a_card_answer_that_is_the_name_asked_and_a_noun_or_two_is_not_worth_recalling():
    from bot.core.quiz.gen_card_answers import echoes_name
    assert echoes_name("What does the standard module random implement?", "A random number generator.")
    assert not worth_recalling("What does the standard module random implement?", "A random number generator.")
    assert not echoes_name("What does the heapq module provide?", "Functions for implementing heaps based on regular lists.")
    assert not echoes_name("What does the random module provide?", "Tools for making random selections.")
    assert not echoes_name("What is the highest court?", "The European Court of Justice")



def test_a_true_false_item_is_not_refused_for_its_own_opening():
    # "True or false? ..." spells "False": the giveaway rule is for choices among names (a first version
    # took three true/false items judges kept: china-under-mao, islamism).
    assert answer_spelled_by_stem("True or false? In 1959 the minister criticised the plan.", "False",
                                  ("True", "False")) == ""

"""What went wrong on notes nobody tuned the generator for (round 10: a project's history and a
programming tutorial), by kind: a card about a person named by a first name only, one prompt made
twice, a blank whose "class word" is a name met in lower case only inside web addresses, a job title
offered as a person, code in a stem, and a technical note whose terms are taught with "are called",
"refers to", "stands for". Real spaCy, on made-up notes of no course of the pool and none of the
notes the fixes were read from."""

from __future__ import annotations

from collections import Counter

import pytest

from bot.core.quiz.gen_actors import notes_people
from bot.core.quiz.gen_lexicon import PERSON, prose_nouns
from bot.core.quiz.gen_naming import meaning_question, naming_question
from bot.core.quiz.gen_standalone import full_names_of
from bot.core.quiz.gen_term_cloze import TermKin
from bot.core.quiz.gen_text import shows_code
from bot.core.quiz.gen_bank_shape import _Candidates, _shape_bank
from bot.core.quiz.generator import _Generator, generate_items
from bot.core.quiz.items import FLASHCARD, QuizItem, QuizSource
from tests.quiz.parsed_notes import parsed_notes
from tests.quiz.parsed_notes import chunks_of


# --- a person named by a first name only ----------------------------------------------------------

GUILD = [
    "The Harbour Guild of Port Venn was founded in 1901 to keep the harbour lights burning.",
    "Tomas Vell led the Harbour Guild from 1950 until 1962.",
    "Tomas Rudd led the Harbour Guild from 1962 until 1970 and built the new lighthouse.",
    "In 1984 Tomas Ekberg repaired the north pier after a winter storm.",
    "Tomas Ekberg died in 2003. Tomas was a patient keeper of the north light for many years.",
    "The Harbour Guild still meets every spring in Port Venn.",
]


def test_no_card_asks_about_a_first_name_that_several_people_of_the_notes_share(monkeypatch):
    """"What was Martin?" of an obituary's "Martin was a young member ..." (round 10: dropped): the
    notes name three Martins, and the card names none of them."""
    chunks = chunks_of(GUILD, "Harbour Guild")
    asked = lambda: [i.prompt for i in generate_items(chunks, learned_cutoff=False)]  # noqa: E731
    assert not any("Tomas?" in p for p in asked())
    monkeypatch.setattr(_Generator, "_part_of_a_name", lambda self, name: False)
    assert any("Tomas?" in p for p in asked())  # the guard is what keeps it out


# --- one prompt, one item -------------------------------------------------------------------------


def _card(n: int, prompt: str, answer: str, quality: float) -> QuizItem:
    quote = f"{answer} ({n})"
    return QuizItem(id=f"c{n}", kind=FLASHCARD, prompt=prompt, answer=answer, source=QuizSource("n.txt", "", quote),
                    tests="definition", quality=quality)


def test_a_prompt_already_in_the_bank_gives_way_to_the_sentences_next_item():
    """"What was Clytie?" was made twice, keyed to two sentences (round 10: both dropped)."""
    first = _card(1, "What was the Orrin Stone?", "A boundary marker of the old town.", 0.83)
    second = _card(2, "What was the Orrin Stone?", "A meeting place for the town council.", 0.83)
    other = _card(3, "Who met at the Orrin Stone?", "The town council.", 0.75)
    candidates = [_Candidates(first.source.quote, "n.txt", [first]),
                  _Candidates(second.source.quote, "n.txt", [second, other])]
    bank = _shape_bank(candidates, {}, Counter({"n.txt": 2000}))
    assert [i.id for i in bank] == ["c1", "c3"]


# --- a class word met in lower case only inside addresses -----------------------------------------

PROJECT = [
    "The Corvex Project was founded by Ana Ruiz in 1994 to build a free operating system.",
    "Corvex Linux was the first release of the Corvex Project and shipped on two disks.",
    "The Corvex Project holds a Corvex Day every year before its annual conference.",
    "Corvex Linux was later renamed, but the Corvex Project kept its name.",
    "The Corvex Day of 2004 was held in a library in Lisbon.",
    "Developers discuss every change on corvex-devel and publish packages at ftp.corvex.org.",
    "The Corvex Project now has more than a thousand developers.",
]


def test_a_word_inside_a_web_address_or_list_name_is_no_common_noun_of_the_notes():
    docs, _ = parsed_notes("\n".join(PROJECT))
    nouns = set().union(*(prose_nouns(d) for d in docs))
    assert "developer" in nouns and "corvex" not in nouns


def test_names_sharing_a_first_word_are_no_class_when_that_word_is_lower_case_only_in_addresses():
    """"The _____ was founded by Ian Murdock" among Debian Project, Debian Linux, Debian Day (round
    10: Debian Linux a second answer): "debian" was read as a class word like "fort" because the
    notes write it in lower case, but only inside addresses and mailing-list names."""
    docs, lexicon = parsed_notes("\n".join(PROJECT))
    kin = TermKin(docs, lexicon, ["Project history"])
    assert not any(word == "corvex" for word, _ in kin.by_class)
    items = generate_items(chunks_of(PROJECT, "Project history"), learned_cutoff=False)
    assert not any(sum(o.startswith("Corvex") for o in i.options) >= 3 for i in items)


# --- a job title read as a person -----------------------------------------------------------------


def test_a_name_on_a_common_noun_of_the_notes_is_never_offered_as_a_person():
    """"Linux Developer" (of "InfoMagic Linux Developer's Resource") offered among the project's
    leaders (round 10): the notes write "developer" as a common noun, so it is a title, not a name."""
    text = "\n".join([
        "Karl Wendt and Lena Hoff were the first developers of the Vexa system.",
        "Karl Wendt led the Vexa project from 1996 until 1998, and Lena Hoff led it after him.",
        "The Vexa Developer guide was printed for new developers.",
        "The Vexa Developer guide was printed again in 2001.",
    ])
    docs, lexicon = parsed_notes(text)
    for name in ("Karl Wendt", "Lena Hoff", "Vexa Developer"):
        lexicon.label_votes[name] = Counter({PERSON: 3})  # as the small model may read them
    people = notes_people(lexicon, full_names_of(lexicon.label_votes))
    assert {"Karl Wendt", "Lena Hoff"} <= people and "Vexa Developer" not in people


# --- code and markup ------------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["x.f is a method object", "call repr(x) first", "the __init__ method runs",
                                  "a == b holds", "see https://example.org", "the os.path module",
                                  "written to my_file first", "use ``print``"])
def test_code_and_addresses_are_seen(text):
    assert shows_code(text)


@pytest.mark.parametrize("text", ["e.g. the U.S. army in 1944", "Python 3.1 was released", "Article 267(3) TFEU",
                                  "employee(s) of the firm", "On August 15, _____, the treaty", "St. Louis, Mo."])
def test_prose_is_not_code(text):
    assert not shows_code(text)


TUTORIAL = [
    "A bucket queue is a structure that keeps items in buckets by their priority.",
    "The builtin TaskGroup runs several tasks so that they can be cancelled together.",
    "For example: group = TaskGroup() ... group.start(job) ... group.wait()",
    "Values that never change are called immutable objects.",
    "Immutable objects can be shared between threads without a lock.",
    "Strings and tuples are immutable objects in most languages.",
    "Memory fragmentation refers to the splitting of free memory into many small pieces.",
    "Memory fragmentation grows when many small blocks are freed in a random order.",
    "A long program that runs for days suffers most from memory fragmentation.",
    "ACID stands for atomicity, consistency, isolation and durability.",
    "Every database that claims ACID must keep all four promises.",
    "ACID matters most when two clients write the same row.",
]


def test_a_name_the_notes_write_as_code_is_never_in_a_stem():
    """"Why does the builtin ExceptionGroup wrap a list of exception instances?" (round 10's tutorial):
    the name is code, written as a call in the notes' examples."""
    chunks = chunks_of(TUTORIAL, "Data structures")
    items = generate_items(chunks, learned_cutoff=False)
    assert not any("TaskGroup" in i.prompt or "TaskGroup" in i.answer for i in items)
    generator = _Generator(chunks)
    assert "TaskGroup" in generator.code_words


def test_what_the_notes_call_a_thing_and_what_their_terms_mean_are_asked():
    docs, _ = parsed_notes("\n".join(TUTORIAL))
    named = naming_question(docs[3])
    assert named and named.prompt == "What are values that never change called?"
    assert named.answer == "Immutable objects."
    meant = meaning_question(docs[6])
    assert meant and meant.prompt == "What does memory fragmentation refer to?"
    assert meant.answer == "The splitting of free memory into many small pieces."
    short = meaning_question(docs[9])
    assert short and short.prompt == "What does ACID stand for?"
    prompts = {i.prompt for i in generate_items(chunks_of(TUTORIAL, "Data structures"), learned_cutoff=False)}
    assert {"What are values that never change called?",
            "What does memory fragmentation refer to?", "What does ACID stand for?"} <= prompts


def test_a_pointing_subject_is_not_asked_what_it_means():
    docs, _ = parsed_notes("This means that every block is freed twice.\nIt refers to the size of a block.")
    assert meaning_question(docs[0]) is None and meaning_question(docs[1]) is None


def test_a_term_used_as_a_subject_elsewhere_is_not_defined_several_ways():
    """"a method is called right after it is bound", "the scope of a method is ...": a tutorial uses
    its terms as subjects all through; "What is a method?" was refused as defined several ways."""
    notes = [
        "A ledger is a book that records every payment of a firm.",
        "A ledger is opened at the start of each year.",
        "The size of a ledger is set by the number of accounts.",
        "A ledger is not a bank statement.",
        "Clerks copy each receipt into the ledger by hand.",
    ]
    prompts = [i.prompt for i in generate_items(chunks_of(notes, "Bookkeeping"), learned_cutoff=False)]
    assert "What is a ledger?" in prompts


def test_a_term_is_not_asked_of_a_predicate_that_joins_a_second_clause():
    """"Which of these play some neat tricks with namespaces, and you need to know how scopes and
    namespaces work ...?" (round 10's tutorial): the second claim is not about the term."""
    from bot.core.quiz.gen_concept_terms import _second_clause

    docs, _ = parsed_notes("Bucket queues keep items in buckets, and you need to sort them by hand.\n"
                           "Bucket queues keep items in buckets and release them in order.")
    assert _second_clause(docs[0], 2) and not _second_clause(docs[1], 2)


HOWTO = [
    "A rope bridge is a bridge hung from ropes between two anchors.",
    "Builders may stiffen a rope bridge by adding a second deck below the first.",
    "A second deck is useful for spreading the load of heavy carts.",
    "There are two kinds of anchors: rock anchors and deadman anchors.",
    "Rock anchors are drilled into a cliff on each side of the gorge.",
    "Deadman anchors are buried logs that hold the ropes where there is no rock.",
    "A rope bridge sways less once a second deck is added.",
    "Builders test every anchor before the ropes are pulled tight.",
]


def test_how_a_thing_is_done_what_it_is_good_for_and_the_kinds_the_notes_count_are_asked():
    """Tutorial prose teaches by means ("by creating a new exception class"), use ("is helpful for")
    and counted kinds ("There are two kinds of errors: ..."); round 10's tutorial gave no item."""
    from bot.core.quiz.gen_howto import good_for_question, kinds_question, means_question

    docs, _ = parsed_notes("\n".join(HOWTO))
    means = means_question(docs[1])
    assert means and means.prompt == "How may builders stiffen a rope bridge?"
    assert means.answer == "By adding a second deck below the first."
    good = good_for_question(docs[2])
    assert good and good.prompt == "What is a second deck useful for?"
    kinds = kinds_question(docs[3])
    assert kinds and kinds.prompt == "What are the two kinds of anchors?"
    assert kinds.answer == "Rock anchors and deadman anchors."
    assert means_question(parsed_notes("The bridge was built by the army in 1902.")[0][0]) is None  # an agent
    assert kinds_question(parsed_notes("There are two kinds of anchors: rock, deadman and screw.")[0][0]) is None
    paragraphs = [" ".join(HOWTO[:2]), " ".join(HOWTO[2:5]), " ".join(HOWTO[5:])]
    prompts = {i.prompt for i in generate_items(chunks_of(paragraphs, "Rope bridges"), learned_cutoff=False)}
    assert "What are the two kinds of anchors?" in prompts  # "There" opens it; it leans on nothing


def test_a_state_is_not_asked_how():
    """"How is Frame Relay, connection-oriented at layer two?" (a note of the pool): "by using" after
    "is" says how a state holds, and the question read broken."""
    from bot.core.quiz.gen_howto import means_question

    doc = parsed_notes("The Vexa link is reliable at layer two by using a checksum on every frame.")[0][0]
    assert means_question(doc) is None

"""Failures of held-out ans32 (session 29, lane ansk32) that carry to other notes by form: a year read as
the amount "How much ...?" asks; "What base year ...?" not read as asking a year; "what does it mean" read
as asking what an abbreviation "it" stands for; "What was the name of the ... who ...?" answered confident
by a sentence naming no one; a name written as typed (GREP_OPTIONS, "^", "--color") lost to sentences
sharing its words; "grep, whose name stands for Global Regular Expression Print" not read as spelling
grep out; "How many ... subtypes?" answered confident by a figure counting something else."""

from __future__ import annotations

from bot.core.documents import Chunk
from bot.core.lexical import LexicalIndex
from bot.core.query import query_terms
from bot.core.retrieval import Hit
from bot.core.sentences import candidates_from


def _candidates(text: str):
    hit = Hit(Chunk("c0", "notes.md", ("Notes",), None, 0, text), 0, 0.18, 1.0, 0.5)
    return candidates_from([hit])


def test_a_year_is_no_amount():
    from bot.core.question_kind import NUMBER, has_kind

    law = ("In 1818 the state of Maryland passed a law taxing all banks operating in the state that were not "
           "chartered by Maryland; the tax fell on the notes they issued.")
    assert not has_kind(law, NUMBER, "How much was Maryland's tax on the bank's notes?")
    assert not has_kind(law, NUMBER, "How often did Maryland tax the banks?")
    assert has_kind("The tax was $15,000 a year.", NUMBER, "How much was Maryland's tax on the bank's notes?")
    # A length of time may be given by years.
    assert has_kind("The war lasted from 1939 to 1945.", NUMBER, "How long did the war last?")
    assert has_kind("The war lasted from 1939 to 1945.", NUMBER, "How many years did the war last?")


def test_which_kind_of_year_asks_a_year_and_it_is_no_abbreviation():
    from bot.core.question_kind import DATE, EXPANSION, expected_kind

    assert expected_kind("What base year does the BEA currently use for the GDP deflator?") == DATE
    assert expected_kind("In what fiscal year was the budget balanced?") == DATE
    assert expected_kind("if the gdp deflator is above 100 what does it mean") != EXPANSION
    assert expected_kind("What does GDP mean?") == EXPANSION


def test_the_name_of_someone_described_needs_a_name():
    from bot.core.answering import _ASKS_THE_NAME_OF, _gives_a_name

    question = "What was the name of the Fujian governor who ordered farmers to plant sweet potatoes?"
    assert _ASKS_THE_NAME_OF.match(question)
    assert not _ASKS_THE_NAME_OF.match("what was the new peerage called")
    assert not _ASKS_THE_NAME_OF.match("How do I save a download under the remote file's name with curl?")
    text = ("The governor of Fujian then ordered farmers to plant the new crop. "
            "The governor, Jin Xueceng, ordered farmers to plant the new crop.")
    lexical = LexicalIndex.build([text, "Maize came from Mexico."])
    terms = query_terms(question, lexical)
    unnamed, named = _candidates(text)
    assert not _gives_a_name(unnamed, question, terms)
    assert _gives_a_name(named, question, terms)


def test_a_name_written_as_typed_is_looked_for_as_written():
    from bot.core.answering import _shows_verbatim, _typed_names

    assert _typed_names("is GREP_OPTIONS still used") == ("GREP_OPTIONS",)
    assert _typed_names("What does ^ match in a pattern?") == ("^",)
    assert _typed_names("what values can --color take") == ("--color",)
    assert _typed_names("What does -C do?") == ("-C",)
    # Not a word joined by a hyphen, nor an option naming the condition of what is asked.
    assert _typed_names("How do I run a non-interactive download?") == ()
    assert _typed_names("What content type does curl use for a -F file when it cannot guess one?") == ()
    assert _typed_names("Which HTTP method does curl use when uploading with -T?") == ()
    held, other, inside = _candidates(
        "Anchors fix a match to a position: the caret ^ matches the empty string at the beginning of a line.\n\n"
        "These options control how patterns are supplied and how they match.\n\n"
        "grep -c -v '^#' config.txt counts the lines that do not begin with #.\n")
    assert _shows_verbatim(held, ("^",))
    assert not _shows_verbatim(other, ("^",)) and not _shows_verbatim(inside, ("^",))


def test_a_name_said_to_stand_for_its_long_form():
    from bot.core.abbreviations import spells_out

    assert spells_out("First came grep, whose name stands for Global Regular Expression Print; it used what are "
                      "now called Basic Regular Expressions (BREs).", "grep")
    assert not spells_out("The manual describes grep as a pattern matching engine.", "grep")


def test_a_figure_counting_something_else():
    from bot.core.question_kind import counts_something_else

    question = "How many neuraminidase subtypes are there?"
    assert counts_something_else("Influenza A viruses are divided into subtypes according to the two surface "
                                 "proteins, hemagglutinin and neuraminidase.", question)
    assert not counts_something_else("Sixteen HA subtypes (H1 to H16) and nine NA subtypes (N1 to N9) are "
                                     "classically described.", question)
    merchants = "how many merchants challenged the writs of assistance in Boston"
    assert not counts_something_else("When the writs came up for renewal, 63 Boston merchants challenged their "
                                      "legality.", merchants)
    assert not counts_something_else("... protected by state constitutions in 36 out of the 37 states.",
                                     "How many of the 37 states protected jury trial?")
    assert not counts_something_else("No figure here.", question)


def test_a_definition_does_not_say_which_thing_it_acts_on():
    from bot.core.query import query_names
    from bot.core.sentences import score_candidates

    text = ("The virus particle is enveloped: its genome is protected by a lipid bilayer that the virus takes "
            "from the membrane of the host cell. Studded into this borrowed membrane are several viral proteins:\n\n"
            "- Hemagglutinin (HA), the attachment spike protein. It binds to sialic acid receptors on the surface "
            "of the cell the virus is about to infect. HA is a homotrimer, with a receptor-binding pocket on the "
            "globular head of each of its three units.\n"
            "- Neuraminidase (NA), which cleaves the sialic acids on the cell membrane.\n")
    question = "What receptors does HA bind to on the host cell?"
    lexical = LexicalIndex.build([text, "Neuraminidase cleaves sialic acids.", "The virus buds from the cell."])
    terms = query_terms(question, lexical)
    scored = score_candidates(_candidates(text), terms, query_names(question, terms, lexical), None, question)
    assert "sialic acid receptors" in " ".join(scored[0].parts or (scored[0].text,))

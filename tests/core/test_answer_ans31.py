"""Failures of held-out ans31 (session 28, lane ansk31) that carry to other notes: "another" in
"what's another name for polio?" read as a topic word, a question asking for the key or option itself
answered by a sentence showing none, a sentence about the notes shown first because it leans on
"This guide introduces ..." (or says "This note covers ..."), "the day before Wilson's inauguration"
not read as a date when the question gives the year, and "rehab" read as a word the notes never use."""

from __future__ import annotations

from bot.core.answering import _notes_last
from bot.core.coverage import unheld_kind, unfamiliar_words
from bot.core.documents import Chunk
from bot.core.lexical import LexicalIndex
from bot.core.query import query_names, query_terms
from bot.core.question_kind import cue_text
from bot.core.retrieval import Hit
from bot.core.sentences import about_the_notes, candidates_from, score_candidates


def _candidates(text: str):
    hit = Hit(Chunk("c0", "notes.md", ("Notes",), None, 0, text), 0, 0.18, 1.0, 0.5)
    return candidates_from([hit])


def test_another_only_says_a_name_is_asked():
    question = "what's another name for polio?"
    assert cue_text(question) == "another"
    assert cue_text("What is another term for rotors?") == "another"
    assert cue_text("how do I use a makefile with a different name") == ""
    notes = ["Poliomyelitis, often called polio or infantile paralysis, is an infectious disease.",
             "Another important advance was the identification of three polio serotypes: type 1 (PV1, or Mahoney)."]
    lexical = LexicalIndex.build(notes)
    terms = query_terms(question, lexical, ignore=cue_text(question))
    assert "anoth" not in {t.stem for t in terms} and "another" not in {t.stem for t in terms}
    scored = score_candidates(_candidates(" ".join(notes)), terms, query_names(question, terms, lexical), None,
                              question)
    assert scored[0].text.startswith("Poliomyelitis")


def test_another_name_is_confident_only_where_a_name_is_given():
    # "another" no longer costs the sentence a share of the question, so a sentence on the thing that
    # gives no other name of it would be confident (pool, steam-engine, adversarial).
    from bot.core.question_kind import asks_another_name
    from bot.core.sentences import names_what_was_asked

    question = "What is another name for a firebox?"
    sentence = "A stoking mechanism moves the fuel from a supply bin (bunker) to the firebox."
    lexical = LexicalIndex.build([sentence, "Lead fusible plugs may be present in the crown of the firebox."])
    terms = query_terms(question, lexical, ignore=cue_text(question))
    assert asks_another_name(question) and not asks_another_name("What other names did it have?")
    assert not names_what_was_asked(sentence, terms)
    assert names_what_was_asked("Air burns the fuel in a firebox (combustion chamber).", terms)


def test_a_question_asking_the_key_or_option_itself():
    from bot.core.answering import _shows_typed
    from bot.core.question_kind import asks_what_to_type

    for asked in ("What key pastes the tmux buffer?", "which key splits so the new pane is on the right",
                  "What is tmux's default prefix key?", "Which option does a dry run?",
                  "which flag sets the User-Agent", "What command gets you back into a session after you detach?"):
        assert asks_what_to_type(asked), asked
    for other in ("Which key style does tmux use by default in copy mode, vi or emacs?", "What is the key idea of X?",
                  "What was the key cause of the war?", "How do I detach from a session?"):
        assert not asks_what_to_type(other), other
    shown, plain = _candidates("The default prefix is `C-b` (hold Control and press b). "
                               "Almost every key binding is typed in two steps: first the prefix, then a key.")
    assert _shows_typed(shown) and not _shows_typed(plain)


def test_a_sentence_leaning_on_one_about_the_notes_goes_last():
    text = ("This guide introduces tmux for students. It explains the basic ideas and the buffers. "
            "`save-buffer` saves the buffer's contents to a file.")
    intro, leaning, answer = _candidates(text)
    chosen = [(leaning, "This guide introduces tmux for students. It explains the basic ideas and the buffers."),
              (answer, answer.text)]
    assert [c for c, _ in _notes_last(chosen, "How do I write a tmux buffer to a file?")] == [answer, leaning]
    assert about_the_notes("This note covers the Tariff Act of 1930 as a case study.")
    assert not about_the_notes("This note was signed by the treasurer.")


def test_a_day_placed_by_an_event():
    from bot.core.question_kind import relative_day

    assert relative_day("In 1913, the day before Woodrow Wilson's inauguration, Paul and Burns led a parade.")
    assert relative_day("Two weeks after the election the cabinet resigned.")
    assert not relative_day("The day before was quiet.")
    assert not relative_day("the days before the 1913 parade")


def test_a_five_letter_clipping_is_no_unheld_or_unfamiliar_word():
    lexical = LexicalIndex.build(["In 1927 he wrote about a polio rehabilitation facility in Warm Springs, Georgia."])
    question = "where was the polio rehab facility FDR wrote about in 1927"
    assert unheld_kind(question, lexical, lambda w: False) == []
    assert unfamiliar_words(question, lexical, lambda w: False) == []
    other = "where was the polio zorka facility FDR wrote about in 1927"
    assert unheld_kind(other, lexical, lambda w: False) == ["zorka"]


def test_a_sentence_denying_what_the_question_takes_as_done_is_no_confident_answer():
    from bot.core.answering import _denies_what_is_asked

    denied = "His vaccine was not approved for use in the United States, but it was used successfully elsewhere."
    assert _denies_what_is_asked("Why was Koprowski's 1950 vaccine approved for use in the United States?", denied)
    # A yes-or-no question, or one that negates itself, is answered by the denial.
    assert not _denies_what_is_asked("Was Koprowski's vaccine approved in the United States?", denied)
    assert not _denies_what_is_asked("Why was Koprowski's vaccine not approved in the United States?", denied)
    # A verb negated in a clause of the sentence, or another verb negated, denies nothing asked.
    assert not _denies_what_is_asked("How many times does wget retry by default?",
                                     'The default is to retry 20 times, except fatal errors like "not found", '
                                     'which are not retried.')
    assert not _denies_what_is_asked("Which option does a dry run?",
                                     "-n, --dry-run: do not actually run any commands; just print them.")

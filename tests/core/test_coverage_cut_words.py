"""A word the question cuts short and closes with a stop ("Which clause number of Art. I Sec. 8 is
necessary and proper?") is the notes' word it opens ("Article I, Section 8, Clause 18"): ans32 declined
"the notes never mention Art. I Sec" (session 30)."""

from __future__ import annotations

from bot.core.coverage import assess, unplaced_names
from bot.core.lexical import LexicalIndex

NOTES = ["Necessary and Proper Clause: Article I, Section 8, Clause 18, also called the elastic clause.",
         "Enumerated powers: powers expressly listed for Congress, mainly in Article I, Section 8."]


def test_a_word_cut_short_with_a_stop_is_the_notes_word_it_opens():
    lexical = LexicalIndex.build(NOTES)
    question = "Which clause number of Art. I Sec. 8 is necessary and proper?"
    assert assess(question, lexical).unknown_terms == ()
    assert unplaced_names(question, NOTES, lexical) == []


def test_without_the_stop_or_on_notes_without_the_word_it_stays_unknown():
    lexical = LexicalIndex.build(NOTES)
    assert assess("Which clause number of Art I Sec 8 is necessary and proper?", lexical).unknown_terms
    other = LexicalIndex.build(["The Tenth Amendment reserves powers to the states."])
    assert assess("Which clause number of Art. I Sec. 8 is necessary and proper?", other).unknown_terms

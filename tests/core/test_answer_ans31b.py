"""Failures of ans31 left by lane ansk31 (session 28, lane ansk31b) that carry to other notes: a table
row pairing what is done with what to type ("Kill a session | `tmux kill-session -t myname`", as the
git, rsync, wget and curl notes of ans26-ans30 have them) ranked below prose for a how-to question,
and moved after a prose sentence that does not show what to type because the row has no figure; "How
far did the Parthian Empire stretch?" read as asking a figure (declined: "the notes give no figure"); "the
West" not found in "Western" (a four-letter stem has no family); a timeline row ("late 17th century | End of
the Hanseatic League", ans27) put before the prose saying it whole ("... the late seventeenth century")."""

from __future__ import annotations

from bot.core.answering import _sentence_before_row
from bot.core.documents import Chunk
from bot.core.lexical import LexicalIndex
from bot.core.query import query_names, query_terms
from bot.core.retrieval import Hit
from bot.core.sentences import candidates_from, score_candidates


def _candidates(text: str):
    hit = Hit(Chunk("c0", "notes.md", ("Notes",), None, 0, text), 0, 0.18, 1.0, 0.5)
    return candidates_from([hit])


def test_a_row_of_what_to_type():
    from bot.core.sentences import _row_of_what_to_type

    for row in ("List sessions | `tmux ls` or `tmux list-sessions`", "`-x host:port` | use a proxy",
                "`-r` | `--recursive` | recurse into directories", "Resume an interrupted download | `wget -c URL`",
                "`git checkout <branch>` | make `<branch>` the current branch and update the working directory"):
        assert _row_of_what_to_type((row,)), row
    for other in ("1997 | Magna Carta Place, Canberra, named", "Press `C-b c` to open a second window.",
                  "`C-b` | `C-a`", "```\n$ tmux ls | grep lab\n```"):
        assert not _row_of_what_to_type((other,)), other


def test_a_how_to_question_is_answered_by_the_row_of_its_command():
    text = ("Once all sessions are killed, tmux exits.\n\n"
            "Start a new session | `tmux`\nKill a session | `tmux kill-session -t myname`\n")
    question = "How do I kill a tmux session?"
    lexical = LexicalIndex.build([text, "Panes split a window."])
    terms = query_terms(question, lexical)
    scored = score_candidates(_candidates(text), terms, query_names(question, terms, lexical), None, question)
    assert scored[0].text.startswith("Kill a session |")


def test_a_row_of_a_command_is_not_said_whole_by_prose_without_it():
    prose, row = _candidates("Once all sessions are killed, tmux exits.\n\n"
                             "Kill a session | `tmux kill-session -t myname`\n")
    chosen = [(row, row.text), (prose, prose.text)]
    assert _sentence_before_row(chosen) == chosen
    # A timeline's row is still said whole by the sentence giving its figures.
    said, dated = _candidates("The IMF began financial operations on 1 March 1947.\n\n"
                              "1 March 1947 | IMF begins financial operations\n")
    assert [c for c, _ in _sentence_before_row([(dated, dated.text), (said, said.text)])] == [said, dated]


def test_how_far_something_reaches_is_said_by_places():
    from bot.core.question_kind import PLACE, NUMBER, expected_kind, form_asked

    assert expected_kind("How far did the Parthian Empire stretch?") == PLACE
    assert expected_kind("How far does the network extend to the west?") == PLACE
    assert form_asked("How far did the Parthian Empire stretch?", PLACE) is None
    # A distance or a fall is still a figure.
    assert expected_kind("How far did Bank of England stock fall?") == NUMBER
    assert expected_kind("How far is Kashgar from Xi'an?") == NUMBER
    assert form_asked("How far is Kashgar from Xi'an?", NUMBER) is not None


def test_a_compass_point_and_its_adjective_are_one_family():
    from bot.core.query import QueryTerm
    from bot.core.tokens import same_family, tokenize

    west, western = tokenize("West Western")
    assert same_family(west, western) and same_family(*tokenize("east eastern"))
    assert not same_family(*tokenize("mode modern")) and not same_family(*tokenize("west wester"))
    term = QueryTerm(west, 1.0, frozenset({west}))
    assert term.found_in(set(tokenize("Among Western exports were horses, camels, honey, wine and gold.")))


def test_a_timeline_row_is_said_whole_by_prose_giving_its_figure_in_words():
    said, dated = _candidates("The Hanseatic League lasted until the late seventeenth century.\n\n"
                              "late 17th century | End of the Hanseatic League\n")
    assert [c for c, _ in _sentence_before_row([(dated, dated.text), (said, said.text)])] == [said, dated]

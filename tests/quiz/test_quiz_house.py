"""The quiz generator's shared look-ups (issue 8, code quality, session 26): one subject look-up
(gen_parse), one index of what the notes say again (gen_restated), and a plural fold by the word's form
(gen_plural) where gen_defined cut every final s ("process" -> "proce"). Real spaCy on made-up sentences
of no course of the pool (a water mill, a leaf)."""

from __future__ import annotations

from bot.core import nlp
from bot.core.quiz.gen_defined import Definition, _kinds, _term_head
from bot.core.quiz.gen_parse import root_subject
from bot.core.quiz.gen_plural import singular
from bot.core.quiz.gen_restated import Restatements


def test_root_subject_takes_a_passive_subject_only_when_asked():
    doc = nlp.parse_line("The flume is cleaned by the miller every spring.")
    assert root_subject(doc).text == "flume"
    assert root_subject(doc, passive=False) is None
    assert root_subject(nlp.parse_line("The leat joins the river below the mill."), passive=False).text == "leat"


def test_a_plural_folds_to_its_singular_and_a_singular_in_s_stays():
    assert [singular(w) for w in ("ions", "processes", "boxes", "theories", "mills")] == \
        ["ion", "process", "box", "theory", "mill"]
    assert [singular(w) for w in ("process", "glass", "status", "analysis", "physics", "mill")] == \
        ["process", "glass", "status", "analysis", "physics", "mill"]


def test_a_glossary_terms_kind_keeps_a_singular_that_ends_in_s():
    # Before: "Milling process" -> "proce", and a genus "processes" -> "processe": no kind in common.
    assert _term_head("Milling process") == "process"
    one = Definition("Milling process", "the steps that turn grain into flour", False, head="processes", glossary=True)
    assert "process" in _kinds(one) and "proce" not in _kinds(one) and "processe" not in _kinds(one)


def test_the_same_verb_of_the_same_subject_is_said_again_singular_or_plural():
    lines = ["The thylakoid membranes contain chlorophyll.",
             "The thylakoid membrane contains four protein complexes.",
             "The stroma contains enzymes."]
    docs = dict(zip(lines, nlp.parse_lines(lines)))
    said = Restatements(docs)
    assert said.said_again(docs[lines[0]], lambda d: True)
    assert not said.said_again(docs[lines[2]], lambda d: True)
    assert not said.said_again(docs[lines[0]], lambda d: False)  # the other sentence tells nothing


def test_an_abbreviation_is_spelled_out_only_by_another_sentence():
    lines = ["CAM stands for crassulacean acid metabolism.", "CAM plants open their stomata at night.",
             "The XCAM stands for nothing here."]
    said = Restatements(dict(zip(lines, nlp.parse_lines(lines))))
    assert said.spelled_out("CAM", lines[1])
    assert not said.spelled_out("CAM", lines[0])  # the sentence that spells it out is the one asked of
    assert not said.spelled_out("XCA", lines[1]) and not said.spelled_out("Cam", lines[1])

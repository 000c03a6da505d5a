"""Pure text steps of answering (no model): cleaning a chat message, other names mined from notes,
misspellings read as the notes' words, PDF text split into sentences and rejoined across lines."""

from __future__ import annotations

import re

import pytest

from bot.core.abbreviations import mine_other_names, pairs_in, read_course_names
from bot.core.loaders.pdf_format import rejoin_hyphenated
from bot.core.loaders.plaintext import Line
from bot.core.question_kind import (DATE, EXPANSION, EXPLANATION, NUMBER, PERSON, PLACE, REASON, expected_kind,
                                    gives_a_cause)
from bot.core.question_text import clean_question
from bot.core.spelling import NotesVocabulary, correct_spelling
from bot.core.text import split_sentences
from bot.core.tokens import tokenize


@pytest.mark.parametrize("message, question", [
    ("@everyone <@&123456789> What does **GLF** stand for? <:thinking:987654321>", "What does GLF stand for?"),
    ("<@!42> > when did the _Great Leap_ end? 🤔", "when did the Great Leap end?"),
    ("||what is snake_case||", "what is snake_case"),
    ("what is [the Krebs cycle](https://example.org/k)", "what is the Krebs cycle"),
    ("@here `CPS` means?", "CPS means?"),
])
def test_mentions_emoji_and_markdown_are_removed(message, question):
    assert clean_question(message) == question


def test_other_names_are_mined_from_the_notes_in_several_forms():
    texts = ["With the launch of the Great Leap Forward (GLF), collectivisation intensified.",
             "The Krebs cycle, also known as the Citric Acid Cycle, takes place in the mitochondria.",
             "Deoxyribonucleic acid, or DNA for short, carries genes.",
             "Continuation-passing style (CPS) is a way of writing functions.",
             "The Lower-stage Agricultural Producers’ Cooperatives (APCs) pooled land.",
             "Human rights in Europe\n\nThe European Court of Human Rights (ECtHR) sits in Strasbourg."]
    names = mine_other_names(texts)
    assert names["glf"] == ("great leap forward",) and names["great leap forward"] == ("glf",)
    assert "citric acid cycle" in names["krebs cycle"]
    assert "dna" in names["deoxyribonucleic acid"]
    assert "continuation passing style" in names["cps"]
    assert "agricultural producers cooperatives" in names["apc"]
    # Mixed case: its capitals are the initials (a heading above the name is not part of it).
    assert names["ecthr"] == ("european court of human rights",)


def test_brackets_whose_initials_do_not_spell_the_abbreviation_are_not_pairs():
    assert pairs_in("the main reason (CPS) was cost") == []


def test_a_capitalised_common_word_of_a_name_gives_its_initial():
    # "Name" is a common word (left out of initials), but written with a capital it is part of the name.
    assert pairs_in("The Domain Name System (DNS) translates host names.") == [("Domain Name System", "DNS")]
    assert pairs_in("the Department for Education (DfE) said") == [("Department for Education", "DfE")]
    assert pairs_in("the name server (DNS) replied") == []


def test_a_name_does_not_run_across_a_line_break():
    # A passage's text starts with its heading: "Secure Remote Login: SSH" above "The SSH (Secure
    # SHell) protocol ..." was mined as "ssh the ssh", so "What does SSH stand for?" found no expansion.
    names = mine_other_names(["Secure Remote Login: SSH\nThe SSH (Secure SHell) protocol was designed with security in mind."])
    assert names["ssh"] == ("secure shell",)
    names = mine_other_names(["Calvin's followers\nHuguenot\nJohn Calvin, also known as Jean Cauvin, wrote the Institutes."])
    assert names["john calvin"] == ("jean cauvin",)


def test_a_teachers_names_file(tmp_path):
    (tmp_path / "names.yaml").write_text("USSR: Soviet Union\nPRC: [People's Republic of China, China]\n")
    names = read_course_names(tmp_path)
    assert names["ussr"] == ("soviet union",) and "ussr" in names["soviet union"]
    assert set(names["prc"]) == {"people s republic of china", "china"} or "china" in names["prc"]
    (tmp_path / "names.yaml").write_text("- just a list\n")
    assert read_course_names(tmp_path) == {}  # a broken file is ignored, answers still work
    assert read_course_names(tmp_path / "missing") == {}


def test_misspelt_words_become_the_notes_words():
    notes = "In 1959 Peng Dehuai criticised the Great Leap Forward at the Lushan Conference."
    vocabulary = NotesVocabulary([notes])
    stems = set(tokenize(notes))
    corrected = correct_spelling("wat hapend to peng dehaui after he critisized the great leep forward",
                                 lambda: vocabulary, stems.__contains__)
    # "hapend" becomes a question word (happen or happened), which carries no topic either way.
    assert re.fullmatch(r"wat happen(s|ed)? to peng dehuai after he criticised the great leap forward", corrected)
    # A name one letter from a name of the notes may be someone else: one edit at most.
    assert correct_spelling("Who is Pang Dahuei?", lambda: vocabulary, stems.__contains__) == "Who is Pang Dahuei?"


@pytest.mark.parametrize("question, kind", [
    ("What does GLF stand for?", EXPANSION), ("What is the abbreviation for the CCP?", EXPANSION),
    ("How many households joined?", NUMBER), ("great leap forward dates", DATE),
    ("Who replaced Peng Dehuai?", PERSON), ("From whom did the settlers buy land?", PERSON), ("Where were the factories built?", PLACE),
    ("Why did the Soviets withdraw?", REASON), ("explain the great leap forward", EXPLANATION),
    ("What is the Krebs cycle?", EXPLANATION), ("who was lin biao", EXPLANATION),
])
def test_the_kind_of_answer_a_question_asks_for(question, kind):
    assert expected_kind(question) == kind


@pytest.mark.parametrize("sentence, cause", [
    ("The barons rebelled because the king raised taxes.", True),
    ("Prices rose as a result of the embargo.", True),
    ("Fear of a famine led to rationing.", True),
    # A consequence is not the reason for what it follows from.
    ("Thus, the Leap weakened China's partnership with the Soviets.", False),
    ("As a result, prices fell.", False),
    ("Consequently, the treaty was signed.", False),
])
def test_a_cause_is_told_from_a_consequence(sentence, cause):
    assert gives_a_cause(sentence) is cause


def test_sentences_split_where_pdf_text_lost_the_space():
    text = "At first this might seem peculiar.But, in fact, households save. See e.g.the U.S.Army and Node.js here."
    assert split_sentences(text) == ["At first this might seem peculiar.", "But, in fact, households save.",
                                     "See e.g.the U.S.Army and Node.js here."]


def test_words_hyphenated_across_pdf_lines_are_rejoined():
    lines = [Line("The national eco-"), Line("nomic plan was self-"),
             Line("sufficient. A self-sufficient economic plan re-"), Line("quires care.")]
    assert [line.text for line in rejoin_hyphenated(lines)] == [
        "The national economic", "plan was self-", "sufficient. A self-sufficient economic plan requires", "care."]

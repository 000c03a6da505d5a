"""Sentence splitting: the unit of chunk cutting and of quoted answers."""

from __future__ import annotations

import pytest

from bot.core.text import is_terminated, normalize_space, split_sentences


def test_splits_at_sentence_ends_followed_by_capitals_digits_and_quotes() -> None:
    text = "The plan began. 1953 was year one! Was it wise? \u201cNo,\u201d he said. 'Yes' we said."
    assert split_sentences(text) == [
        "The plan began.",
        "1953 was year one!",
        "Was it wise?",
        "\u201cNo,\u201d he said.",
        "'Yes' we said.",
    ]


def test_every_line_break_ends_a_sentence() -> None:
    text = "Key targets included:\nSteel and coal\n\nMachinery."
    assert split_sentences(text) == ["Key targets included:", "Steel and coal", "Machinery."]


@pytest.mark.parametrize(
    "text",
    [
        "Heavy industry, e.g. Steel, grew fast.",
        "Heavy industry, i.e. Steel and coal, grew fast.",
        "Dr. Li Zhisui was Mao's doctor.",
        "Mr. Khrushchev and Mrs. Mao never met.",
        "The U.S. Congress debated China policy.",
        "Born c. 1893 in Shaoshan.",
        "J. Smith wrote the standard account.",
        "Output rose 3.5 times in five years.",
        "It was listed as No. 5 on the plan.",
    ],
)
def test_does_not_split_at_abbreviations_initials_or_decimals(text: str) -> None:
    assert split_sentences(text) == [text]


def test_does_not_split_before_lower_case() -> None:
    assert split_sentences("It rose by approx. ten per cent. then fell.") == [
        "It rose by approx. ten per cent. then fell."
    ]


def test_ordinary_lower_case_words_still_end_sentences() -> None:
    assert split_sentences("Mao said no. Then Peng spoke.") == ["Mao said no.", "Then Peng spoke."]


def test_ellipsis_and_closing_quote_end_a_sentence() -> None:
    assert split_sentences("He paused... Then left. She said \u201cgo.\u201d Nobody moved.") == [
        "He paused...",
        "Then left.",
        "She said \u201cgo.\u201d",
        "Nobody moved.",
    ]


def test_empty_and_blank_text_give_no_sentences() -> None:
    assert split_sentences("") == []
    assert split_sentences("  \n \n") == []


def test_sentences_rejoin_to_the_original_words() -> None:
    text = "One. Two e.g. three. Four? Five!\nSix: seven"
    assert " ".join(split_sentences(text)).split() == text.split()


def test_is_terminated_ignores_closing_quotes() -> None:
    assert is_terminated("He said \u201cgo.\u201d")
    assert is_terminated("Done (really).")
    assert not is_terminated("Key targets included:")
    assert not is_terminated("A heading")


def test_normalize_space() -> None:
    assert normalize_space("  a\u00a0 b\n\tc ") == "a b c"

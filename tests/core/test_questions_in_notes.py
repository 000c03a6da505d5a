"""A sentence of the notes that is itself a question ("How exactly do we choose the bandwidth of
the smoother?") repeats the question's words better than any answer, but answers nothing: it is
never the answer's sentence (ans23 [162] was answered, confident, with the notes' own question;
RESULTS 6au kind K9). Made-up notes on smoothing, with the real model."""

from __future__ import annotations

import pytest

from bot.core.answering import poses_a_question
from tests.conftest import indexed_course

NOTES = {
    "smoothing.md": """# Kernel smoothing

## Bandwidth

How exactly do we choose the bandwidth of the kernel smoother for a given series? In the package you
select the kernel using the set command with the kernel parameter: Three kernels are offered: uniform, triangular
and Gaussian. A wider window gives a smoother curve with more bias.

## Edges

Near the ends of a series the kernel smoother has fewer points to average. The package pads the
series by reflection at both ends.
""",
}


@pytest.fixture(scope="module")
def course(tmp_path_factory, real_embedder):
    return indexed_course(tmp_path_factory.mktemp("posed"), NOTES, real_embedder)


def test_the_notes_own_question_is_not_the_answer(course):
    answer = course.ask("How should the bandwidth of the kernel smoother be chosen?")
    # (without the rule: the question, then the sentence after it, as a first sentence restating
    # the question is shown with what follows)
    assert "How exactly" not in " ".join(answer.sentences), answer.sentences


@pytest.mark.parametrize("text, poses", [
    ("How exactly do we choose the bandwidth?", True),
    ('In a world of graphical displays, one might ask "why bother"?', True),
    ("(Why is `NFD` invoked twice?)", True),
    ("The package sets the kernel with the kernel option.", False),
    ("```\nx = input('Continue?')\n```", False),  # code, not a sentence
])
def test_poses_a_question(text, poses):
    assert poses_a_question(text) is poses

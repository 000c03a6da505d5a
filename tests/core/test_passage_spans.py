"""Where a sentence text lies in its passage (bot.core.passage_spans): the pieces a text is
joined from are found in order, and a text that is not quoted from the passage has no span."""

from __future__ import annotations

from bot.core.passage_spans import char_spans, token_rows

PASSAGE = ("Krebs Cycle\nThe cycle takes place in the mitochondria. It releases carbon dioxide.\n"
           "Its products are:\n- NADH\n- FADH2")


def _pieces(text: str) -> list[str]:
    return [PASSAGE[a:b] for a, b in char_spans(PASSAGE, text)]


def test_a_sentence_is_one_span_and_joined_pieces_are_found_in_order():
    assert _pieces("It releases carbon dioxide.") == ["It releases carbon dioxide."]
    # The sentence before it, then it (one span: they are neighbours on the line).
    assert _pieces("The cycle takes place in the mitochondria. It releases carbon dioxide.") == [
        "The cycle takes place in the mitochondria. It releases carbon dioxide."]
    # A heading with a sentence, a list's lead-in with its item: pieces of other lines.
    assert _pieces("Krebs Cycle: It releases carbon dioxide.") == ["Krebs Cycle", "It releases carbon dioxide."]
    assert _pieces("Its products are: NADH") == ["Its products are:", "NADH"]


def test_a_text_not_quoted_from_the_passage_has_no_span():
    assert char_spans(PASSAGE, "Glycolysis happens in the cytoplasm.") is None
    assert char_spans(PASSAGE, "") is None


def test_the_tokens_of_a_span_and_none_past_the_tokens_the_model_read():
    # [CLS], "the"(0-3), "cycle"(4-9), "ends"(10-14), [SEP]
    offsets = [(0, 0), (0, 3), (4, 9), (10, 14), (0, 0)]
    assert token_rows(offsets, [(4, 14)]) == [2, 3]
    assert token_rows(offsets, [(10, 14), (0, 3)]) == [3, 1]  # in the text's order
    assert token_rows(offsets, [(4, 30)]) is None  # the passage was cut before the span ends
    assert token_rows([(0, 0), (0, 0)], [(0, 3)]) is None

"""Answers on course notes whose first sentence lacked the fact the second held (session 29, lane
ansfirst4): a rate ("1 per 1000") read as the share "What fraction ...?" asks, and a first sentence
shown opening by leaning back on what came before ("In this way ...", "Of these, ...") shown after
the earlier sentence of its section that the answer also shows."""

from __future__ import annotations

from bot.core.question_kind import expected_kind, form_asked


def test_a_rate_per_so_many_is_a_share():
    question = "What fraction of children with measles get encephalitis?"
    holds = form_asked(question, expected_kind(question))
    assert holds is not None
    assert holds("About 1 per 1000 children with measles gets an encephalitis (brain infection).")
    assert holds("About one in ten children get an ear infection.")
    assert not holds("Measles costs about $3 per dose of vaccine in the region.")


def _hit(text: str):
    from bot.core.documents import Chunk
    from bot.core.retrieval import Hit

    return Hit(Chunk("c1", "plague.md", (), None, 0, text), 0, 0.6, 1.0, 0.5)


def test_a_first_sentence_leaning_back_is_shown_after_what_it_leans_on():
    from bot.core.answering import _compared_after
    from bot.core.sentences import Candidate

    crimea = "From Crimea it was most likely carried by fleas living on the black rats that travelled on Genoese ships."
    way = "In this way it spread through the Mediterranean Basin and reached North Africa."
    evidence = "There is evidence that once it came ashore, the Black Death mainly spread from person to person."
    hit = _hit(f"{crimea} {way} {evidence}")
    # The first chosen sentence is shown after the one it leans on ("In this way ..."), which opens
    # the answer; the earlier sentence of the section, shown too, goes first.
    first = Candidate(evidence, hit, 0, 2, context=way, score=2.0, parts=(way, evidence))
    second = Candidate(way, hit, 0, 1, context=crimea, score=1.9, parts=(crimea, way))
    shown = [t for _, t in _compared_after([(first, f"{way} {evidence}"), (second, f"{crimea} {way}")])]
    assert shown == [f"{crimea} {way}", f"{way} {evidence}"]
    # "Of these, ..." leans back as well.
    these = "Of these, 15% die, and the remainder often get complications like deafness."
    rate = "About 1 per 1000 children with measles gets an encephalitis."
    hit = _hit(f"{rate} {these}")
    first = Candidate(these, hit, 0, 1, score=2.0, parts=(these,))
    before = Candidate(rate, hit, 0, 0, score=1.9, parts=(rate,))
    assert [t for _, t in _compared_after([(first, these), (before, rate)])] == [rate, these]
    # Not "Of these two, the first ..." without its comma, nor a sentence after it.
    plain = "Of these two the first is rare."
    first = Candidate(plain, hit, 0, 1, score=2.0, parts=(plain,))
    assert [t for _, t in _compared_after([(first, plain), (before, rate)])] == [plain, rate]
    later = Candidate(rate, hit, 0, 3, score=1.9, parts=(rate,))
    first = Candidate(these, hit, 0, 1, score=2.0, parts=(these,))
    assert [t for _, t in _compared_after([(first, these), (later, rate)])] == [these, rate]

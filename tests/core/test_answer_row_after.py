"""A timeline or table row, or a glossary line, chosen first while a later sentence of prose says most
of what the row says (session 29, lane anslead): the sentence goes first, with the sentences after
it in its passage; a glossary line that the next sentence does not say again stays first."""

from __future__ import annotations


def _hit(text: str):
    from bot.core.documents import Chunk
    from bot.core.retrieval import Hit

    return Hit(Chunk("c1", "silk.md", (), None, 0, text), 0, 0.6, 1.0, 0.5)


def test_a_row_goes_after_the_sentence_saying_it_in_full():
    from bot.core.answering import _row_after
    from bot.core.sentences import Candidate

    row = "1868–1872: von Richthofen works in China."
    prose = ("The term dates back to the German geographer Ferdinand Freiherr von Richthofen (1833–1905), "
             "who worked in China as a geologist and geographer from 1868 to 1872.")
    hit = _hit(f"{row}\n\n{prose}")
    first = Candidate(row, hit, 0, 0, score=2.0, parts=(row,))
    second = Candidate(prose, hit, 1, 0, score=1.9, parts=(prose,))
    assert [t for _, t in _row_after([(first, row), (second, prose)])] == [prose, row]
    # A table row as well ("1913 | ...").
    cells = "1913 | Suffrage parade of 5,000 the day before Wilson's inauguration"
    parade = ("In 1913, the day before Woodrow Wilson's inauguration, Paul and Burns led a women's "
              "suffrage parade of 5,000 people.")
    first = Candidate(cells, hit, 0, 0, score=2.0, parts=(cells,))
    second = Candidate(parade, hit, 1, 0, score=1.9, parts=(parade,))
    assert [t for _, t in _row_after([(first, cells), (second, parade)])] == [parade, cells]


def test_a_glossary_line_answering_by_itself_stays_first():
    from bot.core.answering import _row_after
    from bot.core.sentences import Candidate

    gloss = "Reader: the part of Pandoc that parses (reads) text in a given input format."
    other = "Pandoc has a modular design."
    hit = _hit(f"{gloss}\n\n{other}")
    first = Candidate(gloss, hit, 0, 0, score=2.0, parts=(gloss,))
    second = Candidate(other, hit, 1, 0, score=1.9, parts=(other,))
    assert [t for _, t in _row_after([(first, gloss), (second, other)])] == [gloss, other]
    # Nor a sentence leaning on a name said before ("In 1912 he presented ...").
    row = "1912: Wegener presents his theory of continental drift."
    he = "In 1912 he presented his case for the theory of continental drift."
    first = Candidate(row, hit, 0, 0, score=2.0, parts=(row,))
    second = Candidate(he, hit, 1, 0, score=1.9, parts=(he,))
    assert [t for _, t in _row_after([(first, row), (second, he)])] == [row, he]

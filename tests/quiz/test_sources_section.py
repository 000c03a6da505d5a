"""The notes' list of sources is read by one rule (loaders.headings.is_citation_list) in the quiz too:
a numbered "Sources" section makes no item, and a parent heading that only begins with "Sources"
("Sources of law") is a section of the course like any other."""

from bot.core.documents import Chunk
from bot.core.quiz.gen_sibling_sections import parent_kind
from bot.core.quiz.generator import _in_sources


def _chunk(heading_path: tuple[str, ...]) -> Chunk:
    return Chunk("c1", "notes.md", heading_path, None, 0, "Smith, J. (2001). A history of courts. Oxford.")


def test_a_numbered_sources_section_is_the_notes_list_of_sources():
    assert _in_sources(_chunk(("Courts", "9. Sources")))
    assert _in_sources(_chunk(("Courts", "References:")))
    assert not _in_sources(_chunk(("Courts", "Sources of law")))


def test_a_list_of_sources_is_never_a_parent_of_sibling_items():
    assert parent_kind("Sources") is None
    assert parent_kind("Further reading") is None

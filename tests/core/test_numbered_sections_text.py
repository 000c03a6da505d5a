"""Plain-text notes whose sections are numbered "1.", "2.", ... (session 27, lane qheads)."""

from __future__ import annotations

from pathlib import Path

from bot.core.chunking import chunk_document
from bot.core.documents import Document
from bot.core.loaders import load_document


def _load(tmp_path: Path, text: str) -> Document:
    path = tmp_path / "note.txt"
    path.write_text(text, encoding="utf-8")
    return load_document(path, "note.txt")


def _path_of(doc: Document, starts_with: str) -> tuple[str, ...]:
    return next(b.heading_path for b in doc.blocks if b.text.startswith(starts_with))


_WELDING = """WELDING: COURSE NOTES
An introduction to welding processes, joints, defects and safety

1. WHAT WELDING IS

Welding is a fabrication process used to join materials, usually metals, permanently.

Key terms

- Base metal (parent metal): the metal of the parts being joined.
- Filler metal: extra metal added to the joint, usually as a rod or wire.

2. WELDING COMPARED WITH BRAZING AND SOLDERING

Welding is distinct from lower-temperature joining methods such as brazing and soldering.

- In welding the base metal itself is melted.
- In brazing and soldering the base components are not melted.

3. FUSION WELDING AND SOLID-STATE WELDING

Welding processes can be divided broadly into two groups.

Fusion welding
- Heat from an external source melts the faying surfaces of the base components.
- Usually no pressure is needed.

4. ARC WELDING

Arc welding is a group of welding processes in which the heat comes from an electric arc.

SOURCES

- Science Encyclopedia, "Welding - Evolution of Welding".
"""


def test_an_unnumbered_heading_inside_a_numbered_section_is_its_sub_heading(tmp_path: Path) -> None:
    """welding.txt: "Key terms" (a back-matter label) inside "1. WHAT WELDING IS" took level 1, and every
    later numbered section nested under it ("Key terms > 8. OTHER MODERN PROCESSES" as quiz label and
    citation). It is a sub-heading of section 1, which "2." closes; headings after the last numbered
    section ("SOURCES") keep their own level."""
    doc = _load(tmp_path, _WELDING)
    top = ("WELDING: COURSE NOTES", "An introduction to welding processes, joints, defects and safety")
    assert _path_of(doc, "Base metal") == (*top, "1. WHAT WELDING IS", "Key terms")
    assert _path_of(doc, "Welding is distinct") == (*top, "2. WELDING COMPARED WITH BRAZING AND SOLDERING")
    assert _path_of(doc, "Heat from an external") == (*top, "3. FUSION WELDING AND SOLID-STATE WELDING",
                                                      "Fusion welding")
    assert _path_of(doc, "Arc welding is") == (*top, "4. ARC WELDING")
    assert _path_of(doc, "Science Encyclopedia") == ("SOURCES",)
    assert not any("Key terms" in chunk.heading_path and "ARC" in chunk.section for chunk in chunk_document(doc))


_HYDRO = """HYDROELECTRIC POWER

8. History of hydropower

8.1 Early water power

Water has been used to do work for thousands of years.

9. Hydropower today

Hydropower is the most widely used form of renewable energy.

10. Advantages

  1. Low direct emissions. Hydropower does not directly produce carbon dioxide.
  2. Low cost. The average cost of electricity from a hydro plant is low.
  3. Flexibility. Plants can be ramped up and down very quickly.

11. Disadvantages and impacts

11.1 Effects on rivers and fish

  - Barrier to migration. A dam fragments a river.

12. Summary

  - Hydropower converts the energy of water into electricity.
"""


def test_a_numbered_heading_over_an_indented_list_restarting_at_1_is_a_heading(tmp_path: Path) -> None:
    """hydroelectric-power.txt line 177: "10. Advantages" followed by a blank line and "  1. Low direct
    emissions." was read as an item of that list, so the advantages were cited under "9. Hydropower
    today"; and "11." after the list's last item was taken for its next item. A numbered section whose
    first sub-heading follows it at once ("8." then "8.1") sits at its siblings' level ("9." no longer
    nests under "8.1")."""
    doc = _load(tmp_path, _HYDRO)
    kinds = {b.text: b.kind for b in doc.blocks}
    assert kinds["10. Advantages"] == "heading"
    assert kinds["11. Disadvantages and impacts"] == "heading"
    assert _path_of(doc, "Low direct emissions") == ("HYDROELECTRIC POWER", "10. Advantages")
    assert _path_of(doc, "Flexibility") == ("HYDROELECTRIC POWER", "10. Advantages")
    assert _path_of(doc, "Hydropower is the most") == ("HYDROELECTRIC POWER", "9. Hydropower today")
    assert _path_of(doc, "Barrier to migration") == ("HYDROELECTRIC POWER", "11. Disadvantages and impacts",
                                                     "11.1 Effects on rivers and fish")
    assert _path_of(doc, "Hydropower converts") == ("HYDROELECTRIC POWER", "12. Summary")


def test_numbered_items_of_a_list_stay_items(tmp_path: Path) -> None:
    """What the change must leave alone: a numbered list after its lead-in, and one spaced out with
    blank lines, stay list items (their numbers follow on), not headings."""
    doc = _load(tmp_path, "Rust\n\nThe rusting of iron happens in steps:\n1. Water touches the iron\n"
                          "2. Iron dissolves\n\nThree nails were tested:\n\n1. A nail in boiled water\n\n"
                          "2. A nail in dry air\n\n3. A nail in air and water\n\nRust forms only on the third.\n")
    assert [b.kind for b in doc.blocks if b.text.startswith(("Water", "Iron", "A nail"))] == ["list_item"] * 5


def test_a_heading_read_without_its_section_number_keeps_a_year_and_a_word_that_opens_with_a_digit():
    # The quiz modules stripped section numbers ten ways; "^[\d.\s]+" also ate a title's opening year
    # ("1929 crash" -> "crash") and a digit of a word ("3D printing" -> "D printing").
    from bot.core.loaders.headings import has_section_number, without_section_number

    assert without_section_number("2.1 Causes") == "Causes"
    assert without_section_number("4. Anodising") == "Anodising"
    assert without_section_number("IV. Reform") == "Reform"
    assert without_section_number("B. Torts") == "Torts"
    assert without_section_number("A.1 Scope") == "Scope"
    assert without_section_number("1929 crash") == "1929 crash"
    assert without_section_number("3D printing") == "3D printing"
    assert without_section_number("") == ""
    assert has_section_number("10. Advantages") and not has_section_number("Advantages of dams")

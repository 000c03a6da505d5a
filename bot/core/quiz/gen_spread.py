"""Where in the notes an item comes from, coarsely: the section, or for a document without headings a
run of GROUP_SIZE passages ("paragraphs 4-6"). Issue 8 asks for posted items from at least 60% of a
note's sections or paragraph groups; the bank uses these groups to prefer, among items of about the
same worth, the one from a part of the notes nothing else asks about, and the benches
(quiz_generate_all.py, quiz_spread.py) count coverage with the same groups.
"""

from __future__ import annotations

from collections import defaultdict

from bot.core.documents import Chunk

GROUP_SIZE = 3  # passages (about 900 characters each) per paragraph group in a document without headings


def paragraph_groups(chunks: list[Chunk]) -> dict[str, str]:
    """Each chunk's group, by chunk id: its section when its document has more than one, else the run
    of GROUP_SIZE passages it falls in. Groups of different documents never share a name."""
    sections: dict[str, set[str]] = defaultdict(set)
    for chunk in chunks:
        sections[chunk.document].add(chunk.section)
    groups = {}
    for chunk in chunks:
        if len(sections[chunk.document]) > 1:
            name = chunk.section
        else:
            first = chunk.position // GROUP_SIZE * GROUP_SIZE
            name = f"paragraphs {first + 1}-{first + GROUP_SIZE}"
        groups[chunk.id] = f"{chunk.document}\x1f{name}" if len(sections) > 1 else name
    return groups

"""One bot process generates for many courses: a course's items must depend on its own notes only, not
on which courses the process generated before. A teacher's approve/reject decision is keyed by an
item's content, so an item that changes with the order of other courses comes back as a new draft.

Two made-up courses that share what a process could carry between them: identical sentences (spaCy's
parse cache), people of one surname and a module of one name (the lexicon's people, the named
things), each generated first and second in a fresh process. Each must come out the same both times.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SHARED = ("Thomas Hale was the chief engineer of the Riverton Canal company from 1818 to 1831.\n\n"
          "Margaret Cole was the treasurer of the Riverton Canal company and its largest shareholder.\n\n")

COURSE_B = f"""# Riverton Canal

## People

{SHARED}Margaret Cole raised the money for the eastern extension through a public subscription.

Henry Walsh was the resident engineer of the western section and a rival of Thomas Hale.

Henry Walsh surveyed the route across the marshes before the company bought the land.

Edward Price was the contractor who supplied the navvies for the western section.

Edward Price built the aqueduct over the river Lune with stone from his own quarries.

Samuel Hale, a merchant of the town, bought shares in the canal company in 1819.

Walsh resigned from the company after the collapse of the marsh embankment.

## The lock keeper's module

The locks module keeps the canal's records. Import it with `import locks`.

locks.count(start, step) returns an endless run of evenly spaced lock numbers.

locks.fill(n) opens the upper paddles of a lock until the chamber is level with the upper pound.

locks.drain(n) opens the lower paddles of a lock and empties the chamber.

locks.tally(day) adds up the boats that passed the locks on one day.

locks.log(boat) writes a boat's name and cargo in the lock book.

"""

COURSE_A = f"""# Millbrook Railway

## People

{SHARED}Thomas Hale surveyed the Millbrook Railway line through the cutting in 1833.

Anne Hale founded the Millbrook Railway company with money from her brother's foundry.

George Barlow drove the first train from Millbrook to the harbour in 1836.

George Barlow was the locomotive superintendent of the Millbrook Railway company.

Anne Hale sold the company to a rival line in 1845.

## The signalman's module

The locks module keeps the signal box's interlocking. Import it with `import locks`.

locks.count(start, step) returns the signals of a block section one by one.

locks.release(lever) frees a lever once the levers it depends on are set.

locks.cycle(levers) repeats the levers of a route without end.

"""

SCRIPT = """
import json, sys
from pathlib import Path
from bot.core.chunking import chunk_document
from bot.core.loaders import load_document
from bot.core.quiz.generator import generate_items
for name in sys.argv[1:]:
    path = Path(name)
    chunks = chunk_document(load_document(path, path.name), max_chars=900)
    made = [generate_items(chunks), generate_items(chunks, learned_cutoff=False)]
    print(json.dumps({path.stem: [[[i.id, i.tests, i.kind, i.prompt, list(i.options), i.answer, i.source.quote,
                                    i.quality] for i in items] for items in made]}))
"""


def _in_one_process(*notes: Path) -> dict:
    done = subprocess.run([sys.executable, "-c", SCRIPT, *map(str, notes)], cwd=ROOT, capture_output=True,
                          text=True, check=True, timeout=600)
    found = {}
    for line in done.stdout.strip().splitlines()[-len(notes):]:
        found.update(json.loads(line))
    return found


def test_a_course_gives_the_same_items_first_or_after_another_course(tmp_path):
    a, b = tmp_path / "course-a.md", tmp_path / "course-b.md"
    a.write_text(COURSE_A, encoding="utf-8")
    b.write_text(COURSE_B, encoding="utf-8")
    b_first = _in_one_process(b, a)
    a_first = _in_one_process(a, b)
    # Not an empty comparison: course B has items with options (who did what, which function).
    assert any(row[4] for row in b_first["course-b"][1])
    assert a_first["course-b"] == b_first["course-b"]
    assert a_first["course-a"] == b_first["course-a"]

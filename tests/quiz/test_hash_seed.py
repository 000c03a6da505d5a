"""The same notes give the same items in every process: nothing the generator keeps may hang on
Python's string hash seed (set order), which changes at each bot restart. A teacher's approve/reject
decision is keyed by an item's content, so an item that comes and goes across restarts comes back as
a draft. The made-up note has a name whose tokens tie between two entity labels (3 PERSON, 3 ORG in
"Robert Dunbar's Leith Harbour Records"), once broken by set order."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

NOTE = """# Harbour Law

## Books

The most complete book on harbour law is almost certainly Andrew Lamb's Mastering Harbour Charters, published by Blackwood.
The most useful guide to the port of Leith is probably Robert Dunbar's Leith Harbour Records, printed in Edinburgh.
Harbour law governs the use of docks, quays and moorings by merchants and shipowners.
"""

SCRIPT = """
import json, sys
from pathlib import Path
from bot.core.chunking import chunk_document
from bot.core.loaders import load_document
from bot.core.quiz.generator import generate_items
path = Path(sys.argv[1])
items = generate_items(chunk_document(load_document(path, path.name), max_chars=900))
print(json.dumps([[i.id, i.tests, i.kind, i.prompt, list(i.options), i.answer, i.source.quote] for i in items]))
"""


def _items(note: Path, seed: str) -> list:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    done = subprocess.run([sys.executable, "-c", SCRIPT, str(note)], cwd=ROOT, env=env, capture_output=True,
                          text=True, check=True, timeout=600)
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_items_do_not_depend_on_the_string_hash_seed(tmp_path):
    note = tmp_path / "harbour-law.md"
    note.write_text(NOTE, encoding="utf-8")
    assert _items(note, "11") == _items(note, "12")


# What a name-cloze item tests is the kind the notes' parse gives the names on its class word most often
# (gen_term_cloze); the names are a set, so a tie between two kinds once went to whichever name the
# string hash seed put first. Four made-up forts, two read as places and two as organisations.
TIE_SCRIPT = """
from collections import Counter
from bot.core.quiz.gen_lexicon import NotesLexicon
from bot.core.quiz.gen_term_cloze import TermKin
lexicon = NotesLexicon("")
names = ["Fort Alder", "Fort Birch", "Fort Cedar", "Fort Damson"]
for name, kind in zip(names, ["place", "organisation", "place", "organisation"]):
    lexicon.label_votes[name] = Counter({kind: 1})
print(TermKin([], lexicon, [])._tests_of("Fort Alder", set(names)))
"""


def test_a_tie_between_two_kinds_of_name_does_not_depend_on_the_string_hash_seed():
    found = set()
    for seed in ("11", "12", "13", "14", "15", "16"):  # main c692176 gave "place" under 12 and 15 only
        done = subprocess.run([sys.executable, "-c", TIE_SCRIPT], cwd=ROOT, env={**os.environ, "PYTHONHASHSEED": seed},
                              capture_output=True, text=True, check=True, timeout=300)
        found.add(done.stdout.strip().splitlines()[-1])
    assert found == {"organisation"}  # the tie goes to the kind first by its name

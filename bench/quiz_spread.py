"""Why a note's sections (or paragraph groups) get no posted quiz item: for each group, the furthest
stage any of its sentences reaches on the way to the bank, counted per note and over all notes.

Stages, in order (a group is sorted by the furthest one its sentences reach):
  filters   no sentence passes the hard filters (gen_text.candidate_sentences: length, lists, formulas)
  context   sentences pass them, but every one leans on what it does not show or has no referent
  template  sentences stand alone, but no template makes an item of them
  heuristic items are made, but every one under the templates' own QUALITY_CUTOFF
  learned   items pass that, but the learned score (gen_quality) cuts every one
  shaped    an item passes both, but the bank takes it out (one fact / one answer, year cap,
            concept share, sequences)
  posted    an item of the group is in the bank
A group stopped at heuristic, learned or shaped whose items are all year items is also counted under
"years only": years are at most a third of a bank, so such a group gets its item only when the bank
holds two more items of other kinds.

    .venv/bin/python bench/quiz_spread.py corpus/china-under-mao.txt ../shared/eval/courses/notes/*.txt
    .venv/bin/python bench/quiz_spread.py --detail DIR ...   # per note: every unposted group's
                                                             # sentences and items with their stage
    .venv/bin/python bench/quiz_spread.py --keys ...         # of the sentences standing alone in groups
                                                             # stopped at 'template': which key finder fires
    .venv/bin/python bench/quiz_spread.py --no-cutoff ...    # what if: no learned cut-off
    .venv/bin/python bench/quiz_spread.py --no-standalone ...  # what if: every sentence stands alone

Groups are gen_spread's (sections; runs of GROUP_SIZE passages without headings), as quiz_generate_all.py counts them.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.core.chunking import chunk_document  # noqa: E402
from bot.core.loaders import load_document  # noqa: E402
from bot.core.quiz import generator as gen  # noqa: E402
from bot.core.quiz import gen_tpl_cards, gen_tpl_rules  # noqa: E402
from bot.core.quiz.gen_lexicon import CONCEPT_KINDS  # noqa: E402
from bot.core.quiz.gen_quality import NotesEvidence, default_model, scores_of, undecidable  # noqa: E402
from bot.core.quiz.gen_spread import paragraph_groups  # noqa: E402
from bot.core.quiz.gen_text import candidate_sentences, chunk_sentences, readable_text  # noqa: E402

STAGES = ("filters", "context", "template", "heuristic", "learned", "shaped", "posted")


def all_candidates(chunks):
    """Every item the templates make, their own quality cut-off lifted, and the generator."""
    readers = (gen, gen_tpl_cards, gen_tpl_rules)  # the modules whose templates read the cut-off
    saved = [m.QUALITY_CUTOFF for m in readers]
    for m in readers:
        m.QUALITY_CUTOFF = -1.0
    try:
        g = gen._Generator(chunks)
        items = [i for c in chunks for entry in g.chunk_candidates(c) for i in entry.items]
    finally:
        for m, value in zip(readers, saved):
            m.QUALITY_CUTOFF = value
    return g, items


def diagnose(path: Path, learned_cutoff: bool = True):
    chunks = chunk_document(load_document(path, path.name), max_chars=900)
    group_of = paragraph_groups(chunks)
    posted = gen.generate_items(chunks, learned_cutoff=learned_cutoff)
    g, made = all_candidates(chunks)
    evidence = NotesEvidence(list(g.docs.values()), chunks)
    model = default_model()
    scores = scores_of([i for i in made if i.tests not in CONCEPT_KINDS], evidence, model)
    checked = frozenset(g.checked_swaps)

    def learned_pass(item) -> bool:
        return (item.id in checked or not undecidable(item)) and (item.id not in scores or scores[item.id] >= model.cutoff)

    reach: dict[str, int] = {grp: 0 for grp in dict.fromkeys(group_of.values())}
    detail: dict[str, list] = {grp: [] for grp in reach}
    posted_ids = {i.id for i in posted}
    for i in posted:
        reach[group_of[i.source.chunk_id]] = STAGES.index("posted")
    for chunk in chunks:
        grp = group_of[chunk.id]
        raw = {q: readable_text(q) for q, _ in chunk_sentences(chunk)}
        candidates = {s.quote: s for s in candidate_sentences(chunk)}
        for quote, text in raw.items():
            stage, why = "filters", ""
            s = candidates.get(quote)
            if s is not None:
                doc = g.docs.get(s.text)
                why = g.unasked(s, doc) if doc is not None else "unparsed"
                stage = "context" if why else "template"
            items = [i for i in made if i.source.quote == quote and i.source.chunk_id == chunk.id]
            if items:
                stage = "heuristic"
            if any(i.quality >= gen.QUALITY_CUTOFF for i in items):
                stage = "learned"
            if any(i.quality >= gen.QUALITY_CUTOFF and learned_pass(i) for i in items):
                stage = "shaped"
            if any(i.id in posted_ids for i in items):
                stage = "posted"
            reach[grp] = max(reach[grp], STAGES.index(stage))
            detail[grp].append({"sentence": text or quote, "stage": stage, "why": why,
                                "items": [{"id": i.id, "kind": i.tests, "type": i.kind, "prompt": i.prompt,
                                           "answer": i.answer, "quality": i.quality,
                                           "score": round(scores[i.id], 3) if i.id in scores else None,
                                           "posted": i.id in posted_ids} for i in items]})
    stopped = {grp for grp, n in reach.items() if STAGES[n] in ("heuristic", "learned", "shaped")}
    years_only = {grp for grp in stopped if all(i["kind"] == "date" for s in detail[grp] for i in s["items"])}
    return chunks, posted, {grp: STAGES[n] for grp, n in reach.items()}, detail, years_only


def key_finders(path: Path, template_groups: set[str]) -> Counter:
    """Of the sentences that stand alone in the groups no template asks about: which of the templates'
    key finders fires on them before the templates' later checks (a sentence may count under several;
    "none": no finder fires, so a new kind of question is needed to ask it)."""
    from bot.core.quiz.gen_concept_causes import fronted_cause_question
    from bot.core.quiz.gen_keys import definition_key, enumeration_key, name_keys
    from bot.core.quiz.gen_numbers import year_keys
    from bot.core.quiz.gen_questions import identity_question, who_question, why_question

    chunks = chunk_document(load_document(path, path.name), max_chars=900)
    group_of = paragraph_groups(chunks)
    g = gen._Generator(chunks)
    found: Counter = Counter()
    for chunk in chunks:
        if group_of[chunk.id] not in template_groups:
            continue
        for s in candidate_sentences(chunk):
            doc = g.docs.get(s.text)
            if doc is None or g.unasked(s, doc):
                continue
            root = next((t for t in doc if t.dep_ == "ROOT"), None)
            fired = [name for name, hit in (
                ("definition", definition_key(doc, g.lexicon)),
                ("identity", identity_question(doc, is_term=g._is_term)),
                ("why", why_question(doc) or fronted_cause_question(doc)),
                ("who", who_question(doc, g._is_term, g.lexicon.lowercase_words.__contains__)),
                ("list", enumeration_key(doc)),
                ("name", name_keys(doc, g.lexicon, g.titles.get(chunk.document, ""))),
                ("year", year_keys(s.text)),
                ("'X is Y'", root is not None and root.lemma_ == "be")) if hit]
            found["sentences"] += 1
            found.update(fired or ["none"])
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notes", nargs="+", type=Path)
    parser.add_argument("--detail", type=Path, help="write each note's unposted groups here (JSON)")
    parser.add_argument("--keys", action="store_true", help="which key finders fire in groups stopped at 'template'")
    parser.add_argument("--no-cutoff", action="store_true", help="what if: the bank made without the learned cut-off")
    parser.add_argument("--no-standalone", action="store_true",
                        help="what if: no sentence is turned down as leaning on context or without a referent")
    args = parser.parse_args()
    if args.no_standalone:
        gen._Generator.unasked = lambda self, s, doc: ""
    total: Counter = Counter()
    total_keys: Counter = Counter()
    print(f"{'note':24} {'words':>6} {'items':>5} {'covered':>8}  " + " ".join(f"{s:>9}" for s in STAGES[:-1])
          + "  years only")
    for path in args.notes:
        started = time.perf_counter()
        chunks, posted, reach, detail, years_only = diagnose(path, learned_cutoff=not args.no_cutoff)
        count = Counter(reach.values())
        total["years only"] += len(years_only)
        total.update(count)
        text_file = path.suffix.lower() in {".md", ".txt", ".text", ".rst"}  # a PDF's or Word file's: the loader's text
        words = (len(path.read_text(encoding="utf-8").split()) if text_file
                 else sum(len(block.text.split()) for block in load_document(path, path.name).blocks))
        print(f"{path.stem:24} {words:6} {len(posted):5} {count['posted']:3}/{len(reach):<4}  "
              + " ".join(f"{count[s]:9}" for s in STAGES[:-1]) + f"  {len(years_only):10}"
              + f"   ({time.perf_counter() - started:.1f} s)")
        if args.keys:
            keys = key_finders(path, {grp for grp, stage in reach.items() if stage == "template"})
            total_keys.update(keys)
            print(f"   {dict(keys.most_common())}")
        if args.detail:
            args.detail.mkdir(parents=True, exist_ok=True)
            (args.detail / f"{path.stem}.spread.json").write_text(json.dumps(
                {grp: {"stage": reach[grp], "sentences": detail[grp]} for grp in reach if reach[grp] != "posted"},
                ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{'all':24} {'':6} {'':5} {total['posted']:3}/{sum(total[s] for s in STAGES):<4}  "
          + " ".join(f"{total[s]:9}" for s in STAGES[:-1]) + f"  {total['years only']:10}")
    if args.keys:
        print(f"   sentences standing alone in groups stopped at 'template': {dict(total_keys.most_common())}")


if __name__ == "__main__":
    main()

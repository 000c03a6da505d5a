"""Causal sentences of the notes, form by form, and what each becomes: the count of sentences of each
causal form ("X because Y", "Because Y, X", "X, so Y", "X led to Y", "Y was caused by X", "X is due to Y",
"As a result, Y", "X in order to Y", "The main cause of X was Y", "One reason for X is Y", under a
heading "Causes ..."/"Effects ..."), and for each the furthest it gets: dropped by the hard filters,
not standing alone (`unasked`), no why-question read, a why-question refused by one of `_cause_card`'s
checks (named), or an item made (its kind; posted or not, from --posted DIRS of quiz_generate_all.py).

    PYTHONPATH=$PWD .venv/bin/python bench/quiz_causes.py --posted DIR... --detail OUT.json NOTES...
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.core.chunking import chunk_document  # noqa: E402
from bot.core.loaders import load_document  # noqa: E402
from bot.core.quiz import generator as gen  # noqa: E402
from bot.core.quiz import gen_tpl_questions  # noqa: E402
from bot.core.quiz.gen_concept_causes import (adds_to_previous, bare_purpose, caused_elsewhere,  # noqa: E402
                                              continues_previous, lacks_setting)
from bot.core.quiz.gen_left_open import object_left_open  # noqa: E402
from bot.core.quiz.gen_text import candidate_sentences, chunk_sentences, readable_text  # noqa: E402

FORMS = (
    ("because-front", re.compile(r"^(?:because|due to|owing to|as a result of)\b", re.I)),
    ("as-a-result", re.compile(r"\bas a (?:direct )?result\b(?! of)|\bconsequently\b|\bas a consequence\b", re.I)),
    ("because", re.compile(r"\bbecause\b", re.I)),
    ("due-to", re.compile(r"\b(?:due|owing) to\b|\bas a result of\b|\bon account of\b", re.I)),
    ("caused-by", re.compile(r"\b(?:is|are|was|were|be|been|being)\s+(?:\w+ly\s+)?(?:caused|triggered|brought about)\s+by\b",
                             re.I)),
    ("led-to", re.compile(r"\b(?:led|leads?|leading) to\b|\bresult(?:s|ed|ing)? in\b|\b(?:caused|causes|cause)\b(?! by)"
                          r"|\bgave rise to\b|\btriggered\b|\bbrought about\b", re.I)),
    ("so", re.compile(r",\s*so\b(?! that| as| far| much| many| long)|\btherefore\b|\bthus\b|\bhence\b", re.I)),
    ("main-cause", re.compile(r"\b(?:main|chief|primary|principal|major|key|root|immediate|underlying) "
                              r"(?:cause|reason|factor)s?\b|\b(?:one|another|a) (?:reason|cause)\b|\breasons? (?:for|why)\b",
                              re.I)),
    ("in-order-to", re.compile(r"\bin order to\b|\bso that\b|\bso as to\b", re.I)),
)
HEADING = re.compile(r"\b(?:causes?|effects?|consequences?|reasons?|results?|impacts?|why)\b", re.I)


def forms_of(text: str) -> list[str]:
    return [name for name, pattern in FORMS if pattern.search(text)]


def cause_refusal(g, s, doc) -> str:
    """Which of _cause_card's checks turns the sentence's why-question down ("" if none; "no question")."""
    question = gen_tpl_questions._cause_question(doc)
    if question is None:
        return "no question"
    if continues_previous(doc, g._previous_doc(s)):
        return "continues_previous"
    if caused_elsewhere(doc, g.docs.values()):
        return "caused_elsewhere"
    if lacks_setting(doc, question.prompt):
        return "lacks_setting"
    if object_left_open(doc):
        return "object_left_open"
    after_code, code_near, code_shows = gen_tpl_questions._code_beside(s)
    if gen_tpl_questions.unanchored_subject(doc, g.lexicon.lowercase_words, g.verbs, after_code=after_code,
                                            code_near=code_near, code_shows=code_shows):
        return "unanchored_subject"
    if adds_to_previous(s.quote) or bare_purpose(question.answer):
        return "adds/bare_purpose"
    names = re.findall(r"(?<!^)(?<![.?!] )\b([A-Z][a-z]+(?: [A-Z][a-z]+)*)", " " + question.prompt.split(" ", 1)[-1])
    if not all(g._met_often(n) for n in names):
        return "name met once"
    return ""


def posted_items(dirs: list[Path]) -> dict[str, list[dict]]:
    by_quote: dict[str, list[dict]] = defaultdict(list)
    for d in dirs:
        for f in sorted(d.glob("*.items.json")):
            for item in json.loads(f.read_text())["items"]:
                item["from"] = d.name
                by_quote[item["source_quote"]].append(item)
    return by_quote


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notes", nargs="+", type=Path)
    parser.add_argument("--posted", nargs="*", type=Path, default=[])
    parser.add_argument("--detail", type=Path)
    args = parser.parse_args()
    posted = posted_items(args.posted)
    table: dict[str, Counter] = defaultdict(Counter)
    rows = []
    for path in args.notes:
        chunks = chunk_document(load_document(path, path.name), max_chars=900)
        g = gen._Generator(chunks)
        for chunk in chunks:
            candidates = {s.quote: s for s in candidate_sentences(chunk)}
            heading = " / ".join(chunk.heading_path) if getattr(chunk, "heading_path", None) else ""
            for quote, _ in chunk_sentences(chunk):
                text = readable_text(quote) or quote
                forms = forms_of(text)
                if HEADING.search(heading.split(" / ")[-1] if heading else ""):
                    forms.append("heading")
                if not forms:
                    continue
                s = candidates.get(quote)
                items = [i for i in posted.get(quote, []) if not i["from"].endswith("below")]
                below = [i for i in posted.get(quote, []) if i["from"].endswith("below")]
                if items:
                    fate = "posted " + ",".join(sorted({i["kind"] for i in items}))
                elif s is None:
                    fate = "filters"
                else:
                    doc = g.docs.get(s.text)
                    why = g.unasked(s, doc) if doc is not None else "unparsed"
                    if why:
                        fate = f"unasked ({why})"
                    else:
                        refusal = cause_refusal(g, s, doc)
                        fate = f"why: {refusal}" if refusal else "why: made, not posted"
                        if below and refusal:
                            fate += " [below: " + ",".join(sorted({i["kind"] for i in below})) + "]"
                for form in forms:
                    table[form][fate.split(" [")[0]] += 1
                rows.append({"note": path.stem, "forms": forms, "fate": fate, "sentence": text, "heading": heading,
                             "items": [(i["kind"], i["prompt"], i["answer"]) for i in items + below]})
        print(f"{path.stem}: {sum(1 for r in rows if r['note'] == path.stem)} causal sentences", file=sys.stderr)
    for form, count in table.items():
        print(f"{form:14} {sum(count.values()):4}  " + "; ".join(f"{k} {v}" for k, v in count.most_common()))
    if args.detail:
        args.detail.write_text(json.dumps(rows, ensure_ascii=False, indent=1) + "\n")


if __name__ == "__main__":
    main()

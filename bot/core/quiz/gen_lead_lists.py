"""Lists that any notes give under a lead-in line, read as gen_rules' NotesList (issue 8).

Teachers' notes are full of lists: "The First Five-Year Plan set ambitious goals. Key targets
included:" and four marked lines; "UTF-8 has several convenient properties:" and its bullets. A
teacher asks "Which of these was NOT one of the key targets of the First Five-Year Plan?" with a
member of another list of the same notes as the odd one out; gen_rules asks it (rule_questions) once
the list says what it is of. Two lead-in forms say that:

- "<category> include/are:" ("Key targets included:"): a plural noun with a modifier; what it is of
  is the nearest heading that the notes' prose also names ("The First Five-Year Plan (1953–1957)");
- "<subject> <verb> <category>:" ("UTF-8 has several convenient properties:"): of the subject when
  it is a name, or of the heading name a "the <noun>" subject stands for ("The plan achieved some
  notable successes:" under "Outcomes of the First Five-Year Plan").

A lead-in that points back ("This led to:"), that names no plural category ("... created
disorganisation:") or whose subject is a person ("Mao faced ...": no "challenges of Mao") gives no
list. The members are the marked lines that follow, each shown as its first clause.
"""

from __future__ import annotations

import re

from bot.core.documents import Chunk
from bot.core.quiz.gen_rules import _INTRO, _PAREN, _POINTING, MAX_CATEGORY_WORDS, MAX_MEMBER_WORDS, MIN_MEMBERS, \
    Member, NotesList
from bot.core.quiz.gen_option_shape import CLAUSE, option_shape
from bot.core.quiz.gen_text import LIST_MARK, chunk_sentences, is_practice_section
from bot.core.text import split_sentences
from bot.core.tokens import fold
from bot.core.loaders.headings import without_section_number

LEAD = "lead"  # the kind of every lead-in list: comparable with each other, never with a rule block
_QUANTIFIERS = frozenset({"some", "several", "many", "few", "a", "an", "the", "following", "these", "various",
                          "two", "three", "four", "five", "six", "number", "of", "such", "all", "its", "their"})
_CLAUSE_END = re.compile(r"\s*(?:[;:]|\s[—–]\s|\s-\s)")
# Code, markup and references never read as an option.
_UNREADABLE = re.compile(r"[`=<>{}\[\]|/\\]|https?:|www\.|\b\w+\(\)|\.\w")


def lead_lists(chunks: list[Chunk], parse) -> list[NotesList]:
    """Every list of the notes under a lead-in that says what it is of (module note). `parse(lines)`
    gives spaCy docs of lines."""
    lines = [(c, line) for c in chunks if not is_practice_section(c.heading_path) for line in c.text.splitlines()
             if line.strip()]
    prose: dict[str, str] = {}
    headings: dict[str, set[str]] = {}
    for c in chunks:
        prose[c.document] = prose.get(c.document, "") + "\n" + c.text
        headings.setdefault(c.document, set()).update(c.heading_path)
    found: list[NotesList] = []
    for i, (chunk, line) in enumerate(lines):
        if line.startswith(LIST_MARK) or not line.rstrip().endswith(":") or _INTRO.match(line.strip()):
            continue
        sentences = split_sentences(line.strip())
        lead = sentences[-1] if sentences else ""
        items = []
        j = i + 1
        while j < len(lines) and lines[j][1].startswith(LIST_MARK) and lines[j][0].heading_path == chunk.heading_path:
            items.append(lines[j])
            j += 1
        if len(items) < MIN_MEMBERS or not lead:
            continue
        named = _category_and_subject(parse([lead[:-1].rstrip()])[0], chunk.heading_path, prose[chunk.document],
                                      " ".join(headings[chunk.document]))
        if named is None:
            continue
        category, subject, tense = named
        members = _members(items, parse)
        if len(members) < MIN_MEMBERS or len(members) < len(items) / 2:
            continue
        quote = next((q for q, _ in chunk_sentences(chunk) if q.strip() == lead), lead)
        found.append(NotesList(chunk.document, LEAD, f"{category} of {subject}", False, members,
                               Member(lead, quote, chunk), text=" ".join([line, *(t for _, t in items)]),
                               said=[t[len(LIST_MARK):] for _, t in items], subject=subject, tense=tense,
                               section=chunk.heading_path[0] if chunk.heading_path else ""))
    return found


def _category_and_subject(doc, heading_path: tuple[str, ...], prose: str, headings: str) -> tuple[str, str, str] | None:
    """("key targets", "the First Five-Year Plan", "was") of a lead-in's parse, or None."""
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None or root.pos_ not in {"VERB", "AUX"} or any(t.lower_ in _POINTING for t in doc):
        return None
    tense = "was" if root.tag_ == "VBD" else "is"
    subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
    after = [t for t in doc[root.i + 1:] if not t.is_punct]
    if subject is None:
        return None
    if root.lemma_ in {"include", "be", "comprise"} and not after:  # "Key targets included:"
        category = _category(subject, need_modifier=True)
        of = _heading_name(heading_path, prose)
    else:  # "UTF-8 has several convenient properties:"
        obj = next((c for c in root.children if c.dep_ == "dobj"), None)
        if obj is None or obj.i != len(doc) - 1 and not all(t.is_punct for t in doc[obj.i + 1:]):
            return None
        category = _category(obj, need_modifier=False)
        of = _subject_name(subject, heading_path, prose, headings)
    if category is None or of is None:
        return None
    return category, of, tense


def _category(noun, need_modifier: bool) -> str | None:
    """"key targets", "convenient properties": a plural noun and its modifiers, no quantifier."""
    if noun.tag_ != "NNS":
        return None
    kept = [t for t in noun.doc[noun.left_edge.i:noun.i + 1] if t.lower_ not in _QUANTIFIERS and not t.like_num]
    if not kept or kept[-1] != noun or len(kept) > MAX_CATEGORY_WORDS or any(t.pos_ in {"PRON", "DET"} for t in kept):
        return None
    if need_modifier and len(kept) < 2:  # "Features included:" says nothing of what they are features of
        return None
    text = " ".join(t.text for t in kept)
    return text if kept[0].pos_ == "PROPN" else text[:1].lower() + text[1:]


def _subject_name(subject, heading_path: tuple[str, ...], prose: str, headings: str) -> str | None:
    """What a "<subject> <verb> <category>:" lead-in's list is of: a name that is a topic of the notes
    (a heading names it, or it is a numbered standard or version: "UTF-8"), not a person ("Marlow
    faced several challenges:" asks no "challenges of Marlow"), or the heading name that "the
    <noun>" stands for."""
    span = subject.doc[subject.left_edge.i:subject.i + 1]
    if any(t.ent_type_ in {"PERSON", "NORP"} for t in span) or any(t.pos_ == "PRON" for t in span):
        return None
    if subject.pos_ == "PROPN" and all(t.pos_ in {"PROPN", "DET", "PUNCT", "NUM"} for t in span):
        topic = re.search(rf"\b{re.escape(span.text)}\b", headings) or re.search(r"\d", span.text)
        return span.text if topic else None
    if span[0].lower_ == "the" and len(span) == 2 and subject.pos_ == "NOUN":
        for name in _heading_names(heading_path, prose):
            if fold(name.split()[-1]) == fold(subject.text):
                return name
    return None


def _heading_name(heading_path: tuple[str, ...], prose: str) -> str | None:
    names = _heading_names(heading_path, prose)
    return names[0] if names else None


def _heading_names(heading_path: tuple[str, ...], prose: str) -> list[str]:
    """Names the headings give, innermost first, that the notes' prose also writes as a name ("the
    First Five-Year Plan"): a heading that describes ("Restructuring Rural and Industrial Production")
    is written nowhere else, so it never names what a list is of."""
    found = []
    for heading in reversed(heading_path):
        heading = without_section_number(_PAREN.sub("", heading))
        tail = re.split(r"\s+of\s+", heading, maxsplit=1)
        for candidate in [heading, *tail[1:]]:
            bare = re.sub(r"^(?:the|The)\s+", "", candidate)
            words = bare.split()
            if not words or not all(w[:1].isupper() or not w[:1].isalpha() or w in {"of", "and", "the", "for"}
                                    for w in words):
                continue
            if not re.search(rf"[a-z,(]\s+(?:the\s+)?{re.escape(bare)}\b", prose):
                continue  # never written mid-sentence: a description, not a name
            the = re.search(rf"\bthe\s+{re.escape(bare)}\b", prose, re.IGNORECASE)
            found.append(f"the {bare}" if the else bare)
    return found


def _members(items: list[tuple[Chunk, str]], parse) -> list[Member]:
    """The members of a list shown as options: each line's first clause, readable and short."""
    bodies = [line[len(LIST_MARK):].strip() for _, line in items]
    firsts = [(_PAREN.sub("", split_sentences(b)[0] if split_sentences(b) else b)).strip() for b in bodies]
    docs = parse(firsts)
    shown = [(chunk, line, _first_clause(first, doc)) for (chunk, line), first, doc in zip(items, firsts, docs)]
    shown = [(chunk, line, text) for chunk, line, text in shown if text]
    members = []
    for (chunk, line, text), doc in zip(shown, parse([text for _, _, text in shown])):
        quote = next((q for q, _ in chunk_sentences(chunk) if q and q in line), text)
        clause = _is_clause(doc)
        members.append(Member(text, quote, chunk, "clause" if clause else "phrase",
                              CLAUSE if clause else option_shape(doc)))
    return members


def _is_clause(doc) -> bool:
    """A sentence ("Trade through the ports doubled"), not a noun phrase ("Construction of stone quays
    at every fishing village", which spaCy may read with "quays" as a present-tense verb: a subject
    with its own "of ..." before a bare present verb is taken for a phrase)."""
    for t in doc:
        if t.dep_ not in {"nsubj", "nsubjpass", "expl"} or t.head.pos_ not in {"VERB", "AUX"}:
            continue
        verb = t.head
        if verb.tag_ in {"VBD", "MD"} or verb.lemma_ in {"be", "have"} \
                or any(c.dep_ in {"aux", "auxpass"} for c in verb.children):
            return True
        if not any(c.dep_ == "prep" for c in t.children):
            return True
    return False


def _first_clause(first: str, doc) -> str | None:
    """"Industrial output increased dramatically" of "Industrial output increased dramatically; steel
    production nearly quadrupled."; "Building of new industrial cities" of a long noun phrase cut at
    its comma; None when what is left is a fragment or too long."""
    if _UNREADABLE.search(first):
        return None
    text = _CLAUSE_END.split(first, maxsplit=1)[0]
    text = re.sub(r"[\s.,;:]+$", "", text)
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    nominal = root is not None and root.pos_ in {"NOUN", "PROPN"}
    if len(text.split()) > MAX_MEMBER_WORDS and nominal and "," in text:
        text = text.split(",")[0]
    if not 1 <= len(text.split()) <= MAX_MEMBER_WORDS or text.count("(") != text.count(")"):
        return None
    if re.search(r"\b(?:and|or|of|to|the|a|an|by|with|in|for|such as|like)$", text, re.IGNORECASE):
        return None  # cut inside a phrase
    return text[:1].upper() + text[1:]

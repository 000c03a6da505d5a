"""Cards on what a numbered clause of a charter, licence or set of rules says: under a heading
"3. Derived Works" whose first sentence is a rule ("The license must allow modifications and derived
works ..."), "According to the Debian Free Software Guidelines, what does “Derived Works” require?",
answered with the clause's words.

Charters, licences and constitutions state their content as numbered clauses, each named by its
heading and opening with what it requires, allows or promises; no other template asks them ("We
will ...", "The license must ..." lean on the document for their subject: issue 8, a social contract
gave no item). What a clause says is what a teacher of such a text asks. Only a clause whose opening
sentence is a rule: its main verb under "must", "shall" or "may" (required, forbidden or allowed), or
a promise in the first person ("we will"); a numbered section of a textbook ("3.2 Heat") states
facts, not rules, and is not asked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_NUMBERED = re.compile(r"^\s*(?:\d+(?:\.\d+)*\.?|[IVX]+\.|§\s*\d+)\s+(?P<name>[^\d\s].*?)\.?\s*$")
MAX_ANSWER_WORDS = 45  # the clause's sentences shown as the answer, as long as a student can recall
MIN_NAME_WORDS = 2  # "Definitions" names no rule


@dataclass(frozen=True)
class ClauseCard:
    prompt: str
    answer: str
    quote: str  # the clause's opening sentence, the item's source


def clause_name(heading: str) -> str:
    """The clause's name without its number ("3. Derived Works" -> "Derived Works"), "" when the
    heading is not numbered."""
    found = _NUMBERED.match(heading)
    return found.group("name").strip() if found else ""


_PREPOSITIONS = frozenset({"of", "for", "in", "on", "to", "from", "with", "by", "under", "at"})


def rule_verb(doc) -> str:
    """What the sentence's main verb says of its subject, as the card asks it: "require" (must,
    shall, must not, may not), "allow" (may), "promise" (we will); "" when it is no rule."""
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None or root.pos_ not in {"VERB", "AUX"}:
        return ""
    modal = next((c for c in root.children if c.dep_ == "aux" and c.tag_ == "MD"), None)
    subject = next((c for c in root.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if modal is None or subject is None or subject.i > root.i:
        return ""
    if subject.tag_ in {"PRP"} and subject.lower_ not in {"we", "you"}:
        return ""  # "It may not ...": a clause told before
    negated = any(c.dep_ == "neg" for c in root.children)
    word = modal.lower_
    if word in {"must", "shall"} or word == "may" and negated:
        return "require"
    if word == "may":
        return "allow"
    if word == "will" and subject.lower_ == "we":
        return "promise"
    return ""


def clause_card(heading_path: tuple[str, ...], sentences: list[str], first_doc, title: str = "") -> ClauseCard | None:
    """The card of a numbered clause (the last heading of `heading_path`), whose body's sentences are
    `sentences` (the first parsed as `first_doc`); None when it is no rule."""
    if not heading_path or not sentences:
        return None
    name = clause_name(heading_path[-1])
    if len(name.split()) < MIN_NAME_WORDS or re.search(r"[\"“”]", name):
        return None
    if ":" in name:
        # "7. Step two: tubular reabsorption": a label and the topic it opens, the heading of a stage of a
        # textbook's account, not the name of a clause (set 16: "what does “Step two: tubular
        # reabsorption” require?", garbled; a clause is named by what it rules on: "Derived Works").
        return None
    verb = rule_verb(first_doc)
    if not verb:
        return None
    if re.search(r"\b(?:the following|as follows|below)\b", sentences[0], re.IGNORECASE):
        # "A Westminster system ... may include some or all of the following features.": a lead-in to the list
        # under it, not a rule (set 22: 'what does "Main Features of the Westminster System" allow?' keyed the
        # lead-in and list item 1, dropped)
        return None
    root = next((t for t in first_doc if t.dep_ == "ROOT"), None)
    subject = next((c for c in root.children if c.dep_ in {"nsubj", "nsubjpass"}), None) if root is not None else None
    words = [w.lower() for w in re.findall(r"[A-Za-z]+", re.sub(r"\([^()]*\)", "", name))]
    cut = next((i for i, w in enumerate(words) if i and w in _PREPOSITIONS), len(words))
    head = words[cut - 1] if cut else ""
    if subject is not None and subject.pos_ in {"NOUN", "PROPN"} and subject.lower_ in words[:cut] \
            and subject.lower_ != head:
        # "5. Carbon dioxide transport" over "Carbon dioxide produced in the tissues must be carried back to the
        # lungs": the rule's subject is what the heading's head word is said of (the transport of carbon dioxide),
        # a textbook's topic, not a clause ruling on what it names (set 21: 'what does "Carbon dioxide transport"
        # require?', dropped as malformed). "All sharing of Guild Recipes ... must ..." under "Sharing of Recipes"
        # rules on the heading's own head: a clause.
        return None
    parent = heading_path[-2] if len(heading_path) > 1 else title
    setting = _setting(parent)
    if not setting:
        # "According to the notes, what does “Effect of New Versions” allow?": a heading read as the one who
        # allows, with no text named for it to belong to (held-out rounds 14-15: 4 of 5 borderline, "awkward
        # template wording"); under its document's name ("the Debian Free Software Guidelines") it reads as a clause.
        return None
    answer_sentences = [sentences[0]]
    for sentence in sentences[1:]:
        if len(" ".join([*answer_sentences, sentence]).split()) > MAX_ANSWER_WORDS:
            break
        answer_sentences.append(sentence)
    answer = " ".join(answer_sentences)
    if len(sentences[0].split()) > MAX_ANSWER_WORDS or any(a.rstrip().endswith(":") for a in answer_sentences):
        # (and a list opened inside it, cut after its first members: "There are three ways ...: As dissolved gas.")
        return None  # a list follows, or the rule is too long to recall
    return ClauseCard(f"According to {setting}, what does “{name}” {verb}?", answer, sentences[0])


def _setting(parent: str) -> str:
    """The document or part the clauses belong to, as it reads inside a question: "The Debian Free
    Software Guidelines (DFSG)" -> "the Debian Free Software Guidelines (DFSG)", "Social Contract with ..."
    -> "the Social Contract with ..." (a document's name, read with its article); "" when it is no name
    (numbered itself, in capitals only: "TERMS AND CONDITIONS", or a pronoun's: "Our commitments")."""
    parent = re.sub(r"[\"“”]", "", parent or "").strip()
    if not parent or clause_name(parent) or parent.isupper() or not re.search(r"[A-Z]", parent) \
            or re.match(r"^(?:our|my|your|their|its|his|her)\b", parent, re.IGNORECASE):
        return ""
    if parent.startswith("The "):
        return "the" + parent[3:]
    return parent if re.match(r"^(?:the|a|an)\b|^\S+'s?\b", parent, re.IGNORECASE) else f"the {parent}"

"""Who may do what under a set of rules: "Under the Constitution for the Debian Project, who may lend
authority to other Developers?" with the document's other parties as options (issue 8: rule-like notes).

The parties of a document are the named bodies and office holders its sentences make the subject of
"may", "must", "can" or "shall" ("The Technical Committee may ...", "the Presiding Officer can ..."),
met so in two sentences at least or heading a list of powers (gen_rules). A short form the notes use
("the Leader", "the Committee") stands for the one party whose name ends with it.

A question is made of a sentence whose subject is a party and whose main verb carries the modal, or of
a member of a party's list of powers; it is asked as "who <modal> <the rest>?" only when the rest
stands alone (nothing pointing back, no party named in it, short enough to read) and there are three
other parties to offer. A party is not offered when the notes, in a sentence that names it, say most of
what the question asks (it may do that too), or say it may override the answer's party (anything the
answer may do, it may then do as well), or when one's name holds the other's ("the Chair of the
Technical Committee" beside "the Technical Committee").
"""

from __future__ import annotations

import random
import re
from collections import Counter
from dataclasses import dataclass

from bot.core.quiz.gen_roles import body_name
from bot.core.quiz.gen_rules import _OVERRIDE, _POINTING, Member, NotesList
from bot.core.quiz.gen_text import content_words
from bot.core.tokens import fold

MODALS = frozenset({"may", "must", "can", "shall"})
MIN_PARTY_SENTENCES = 2
MAX_ASKED_WORDS = 20
OPTIONS = 4
MIN_OPTIONS = 3  # the answer and two other parties at least
TOLD_OVERLAP = 0.5  # a sentence naming another party that says this much of the question: a second answer


@dataclass(frozen=True)
class PartyQuestion:
    prompt: str
    answer: str  # "the Project Leader"
    options: tuple[str, ...]
    source: Member
    explanation: str


def _modal_of(verb) -> str | None:
    """"may" of "may appoint"; None when negated or the verb has no modal of rules."""
    auxes = [c for c in verb.children if c.dep_ in {"aux", "auxpass"}]
    if any(c.dep_ == "neg" for c in verb.children):
        return None
    modal = next((a.lower_ for a in auxes if a.lower_ in MODALS), None)
    return modal


def parties_of(docs: list) -> dict[str, str]:
    """Every party of a document's sentences (see the module note): name as written -> the party it
    stands for (a short form mapped to its full name)."""
    counts: Counter = Counter()
    lower = {t.text for doc in docs for t in doc if t.is_alpha and t.text.islower()}
    for doc in docs:
        for token in doc:
            if token.dep_ in {"nsubj", "nsubjpass"} and token.head.pos_ in {"VERB", "AUX"} and _modal_of(token.head):
                name = body_name(token)
                if name and not _capital_of_its_place(token, name, lower):
                    counts[name] += 1
    full = [n for n, c in counts.items() if c >= MIN_PARTY_SENTENCES and len(n.split()) >= 1]
    mapping = {n: n for n in full}
    for name in list(counts):
        if name in mapping:
            continue
        longer = [f for f in full if f != name and f.endswith(" " + name)]
        if len(longer) == 1:
            mapping[name] = longer[0]
    # "the Developer" beside "the Developers": one name read as two parties would confuse the options.
    for name in list(mapping):
        if name + "s" in mapping:
            del mapping[name]
    # A one-word party that is the short form of a longer one is not a party of its own.
    for name in list(mapping):
        longer = [f for f in full if f != name and f.endswith(" " + name)]
        if len(longer) == 1:
            mapping[name] = longer[0]
        elif len(longer) > 1:
            del mapping[name]  # "the Committee" of two committees: no one party
    return mapping


def _capital_of_its_place(token, name: str, lower: set[str]) -> bool:
    """A one-word name whose capital is only its place's: the word opens the sentence or a quotation
    ("“Ambition must be made to counteract ambition.”") with no article, and the notes write it in lower
    case elsewhere: a common noun, not a body ("the Ambition" offered beside the Senate, set 20)."""
    if " " in name or any(c.dep_ in {"det", "poss"} for c in token.children):
        return False
    before = token.doc[token.i - 1] if token.i > 0 else None
    return (before is None or before.is_quote or before.text in {":", "(", "“", "‘"}) and name.lower() in lower


def _the(name: str) -> str:
    return f"the {name}"


def party_questions(document_docs: list, lists: list[NotesList], setting_words: str, seed: str = "",
                    sentence_of=None, skip: set[str] = frozenset()) -> list[PartyQuestion]:
    """The who-items of one document: `document_docs` its sentences' parses in order, `lists` its
    lists of powers (gen_rules.block_lists), `setting_words` how a question names it ("Under the ...").
    `sentence_of(doc)` gives the Member (quote and chunk) a parse comes from; list members whose folded
    text is in `skip` are asked by another item already (one fact, one item). No two questions have
    the same answer and options."""
    mapping = parties_of(document_docs)
    for lst in lists:
        if lst.party:
            name = re.sub(r"^(?:the|an?|any|each)\s+", "", lst.label, flags=re.IGNORECASE)
            if name[:1].isupper():
                mapping.setdefault(name, name)
    parties = sorted(set(mapping.values()))
    if len(parties) < MIN_OPTIONS:
        return []
    texts = [d.text for d in document_docs]
    # A list of powers says "<party> may <member>" of each member.
    texts += [f"{lst.label} {lst.modal} {said}" for lst in lists if lst.party for said in lst.said]
    made: list[PartyQuestion] = []
    asked: set[str] = set()
    sets: set[tuple] = set()  # (answer, options): one who-item per answer and option set (round 14)
    for doc in document_docs:
        member = sentence_of(doc) if sentence_of else None
        found = _asked_of_sentence(doc, mapping)
        if found is None or member is None:
            continue
        party, modal, rest = found
        question = _question(party, modal, rest, parties, mapping, texts, setting_words, seed, member)
        if question and fold(question.prompt) not in asked and _option_set(question) not in sets:
            asked.add(fold(question.prompt))
            sets.add(_option_set(question))
            made.append(question)
    for lst in lists:
        if not lst.party:
            continue
        name = re.sub(r"^(?:the|an?|any|each)\s+", "", lst.label, flags=re.IGNORECASE)
        party = mapping.get(name)
        if party is None:
            continue
        for m in lst.members:
            if fold(m.text) in skip:
                continue
            rest = m.text[:1].lower() + m.text[1:]
            question = _question(party, lst.modal, rest, parties, mapping, texts, setting_words, seed, m)
            if question and fold(question.prompt) not in asked and _option_set(question) not in sets:
                asked.add(fold(question.prompt))
                sets.add(_option_set(question))
                made.append(question)
    return made


def _option_set(question: PartyQuestion) -> tuple:
    return question.answer, frozenset(question.options)


def _asked_of_sentence(doc, mapping: dict[str, str]) -> tuple[str, str, str] | None:
    """(party, modal, what it may do) of "<Party> <modal> <verb> ...", the party opening the sentence."""
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None or root.pos_ not in {"VERB", "AUX"}:
        return None
    modal = _modal_of(root)
    subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
    if modal is None or subject is None:
        return None
    name = body_name(subject)
    if name is None or name not in mapping:
        return None
    if subject.left_edge.i != 0:
        return None  # "If there is no Project Leader then the Chair ... may ...": asked without its condition
    aux = next(c for c in root.children if c.lower_ == modal)
    if any(t.i > subject.i and t.i < aux.i for t in doc):
        return None  # "The Project Secretary may by joint agreement": something between subject and modal
    rest = doc.text[aux.idx + len(aux.text):].strip()
    return mapping[name], modal, rest


def _question(party: str, modal: str, rest: str, parties: list[str], mapping: dict[str, str], texts: list[str],
              setting_words: str, seed: str, member: Member) -> PartyQuestion | None:
    rest = re.sub(r"\s*\([^()]*\)", "", rest).strip()
    rest = re.sub(r"[\s.;:,]+$", "", rest)
    words = re.findall(r"[A-Za-z'’-]+", rest)
    if not 2 <= len(words) <= MAX_ASKED_WORDS or {w.lower() for w in words} & _POINTING:
        return None
    if re.search(r"[;:§\"“”]|\b(?:as above|see)\b", rest):
        return None
    named = {p for n, p in mapping.items() if re.search(rf"\b{re.escape(n)}\b", rest)}
    if party in named:
        return None  # the answer named in the question
    asked = content_words(rest)
    if len(asked) < 2:
        return None
    wrong = []
    for other in parties:
        if other == party or other in party or party in other or other in named:
            continue  # "the Technical Committee" beside its Chair; a party the question names
        short = [n for n, p in mapping.items() if p == other]
        told = [t for t in texts if any(re.search(rf"\b{re.escape(n)}\b", t) for n in short)]
        if any(len(asked & content_words(t)) >= TOLD_OVERLAP * len(asked) for t in told):
            continue  # the notes give it this too
        answer_short = [n for n, p in mapping.items() if p == party]
        if any(_OVERRIDE.search(t) and any(re.search(rf"\b{re.escape(n)}\b", t) for n in answer_short) for t in told):
            continue  # it may override the answer's party: whatever the answer may do, it may do too
        wrong.append(other)
    if len(wrong) < MIN_OPTIONS - 1:
        return None
    rng = random.Random(f"party\x1f{seed}\x1f{party}\x1f{rest}")
    options = [_the(party), *(_the(o) for o in rng.sample(wrong, min(OPTIONS - 1, len(wrong))))]
    rng.shuffle(options)
    return PartyQuestion(f"{setting_words}, who {modal} {rest}?", _the(party), tuple(options), member,
                         f"The notes say that {_the(party)} {modal} {rest}.")

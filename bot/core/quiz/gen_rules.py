"""What rule-like and list-rich notes list for one party or category and not for another (issue 8).

A constitution lists the powers of each of its bodies; a statute lists the matters devolved and the
matters reserved. A teacher of such a text asks "Which of these is NOT one of the powers of the
Project Leader?" with a power of the Technical Committee as the odd one out, or "Which of these is one
of the reserved matters?" among devolved ones: the wrong options are then things the same notes list
for another party or category, of the answer's kind by the notes' own say.

Two sources of lists:

- a block: a line "<Party> may:" (must, shall, can) followed by marked items ("- Appoint Delegates
  ...", "2. Lend authority ..."), each item's first sentence a member when all read as one verb phrase
  each (parallel options), under a heading that names what they are ("5.1. Powers");
- a sentence: "<modifier> <plural noun> include/are A, B, C and D" ('Such "devolved matters" include
  education, health, ...'), or "These include ..." after a sentence "<modifier> <plural noun> are ...".

Lists are comparable when they are of one document and of one kind (the same modal under a heading of
the same name; the same head noun with another modifier) and belong to different parties or categories.
An option taken from a comparable list is offered only when nothing in the notes also gives it to the
question's party or category: it shares no content word with that list's own sentence (a sentence list)
or at most one with any of its members (a block), does not name the question's party, points back to
nothing, and no sentence of the notes that names the party or category says most of it. The keyed
option is never the only one of its shape nor far from the others' length (gen_option_shape): the
shown members are chosen to match it, and the question is not asked when none do.
"""

from __future__ import annotations

import itertools
import random
import re
from dataclasses import dataclass, field

from bot.core.documents import Chunk
from bot.core.quiz.gen_option_shape import VERB, option_shape, stands_out
from bot.core.quiz.gen_text import chunk_sentences, content_words, is_practice_section, readable_text
from bot.core.text import split_sentences
from bot.core.tokens import fold
from bot.core.loaders.headings import without_section_number

_MARK = re.compile(r"^(?:- |(?P<number>\d{1,2})\.\s+)")
_INTRO = re.compile(
    r"^(?:(?:Together|However|Also|Then),\s+)?(?P<party>(?:(?:[Tt]he|[Aa]n?|[Aa]ny|[Ee]ach)\s+)?"
    r"(?:[\w'’-]+\s+){0,3}[A-Z][\w'’-]*)\s+(?P<modal>may|must|shall|can)(?P<neg>\s+not)?:\s*$")
_STOP = re.compile(r"[.;:!?)]\s*$")
# A link's target that a text dump of a web page writes before its words ("The [https://www.debian.org/
# devel/leader]Project Leader may:"): not the party's name (held-out set 12: two of the constitution's
# four "<Party> may:" lists were never read for it).
_LINK_TARGET = re.compile(r"\[(?:https?|ftp)://[^\]\s]*\]")
_PAREN = re.compile(r"\s*\([^()]*\)")
# Words that point back or leave the option without its referent: "Amend this constitution, provided
# they agree ...", "appoint new members to itself".
_POINTING = frozenset({"they", "them", "their", "theirs", "it", "its", "itself", "themselves", "this", "these",
                       "those", "such", "he", "she", "his", "her", "him", "above", "below", "said"})
_RULE_TITLE = re.compile(r"\b(?:licen[cs]e|constitution|contract|act|treaty|charter|manifesto|guidelines|policy|"
                         r"code of conduct|rules|agreement|statute|bylaws|by-laws|regulations?)\b", re.IGNORECASE)
MIN_MEMBERS = 3
SHOWN = 3  # members shown beside the odd one out
MAX_SHOWN_CHOICES = 12  # members a matching set of shown ones is sought among (220 sets of three)
MAX_MEMBER_WORDS = 12  # a block item's first sentence, read as an option
MAX_LISTED_WORDS = 4  # a member of a list in running prose
MAX_CATEGORY_WORDS = 4
NOTES_OVERLAP = 0.6  # a sentence naming the party that says this much of an option gives it to the party too
ENUMERATION = "enumeration"
RULE_QUALITY = 0.85  # a list item with options the notes give another party: over a card of the same sentence


@dataclass(frozen=True)
class Member:
    text: str  # as an option: "Appoint Delegates or delegate decisions to the Technical Committee"
    quote: str  # the sentence of the notes it is read from, as chunk_sentences gives it
    chunk: Chunk
    form: str = ""  # "clause" or "phrase" for a lead-in list's member: options are shown of one form
    shape: str = ""  # gen_option_shape's: the keyed option is never the only one of its shape


@dataclass
class NotesList:
    document: str
    kind: str  # comparable lists share it: "may:powers" (block), "matter" (sentence)
    label: str  # "the Project Leader" (a party) / "devolved matters" (a category)
    party: bool
    members: list[Member]
    intro: Member  # the line or sentence that says what the list is
    heading: str = ""  # what a block's members are, from its heading: "powers"
    modal: str = ""
    text: str = ""  # every word of the list as the notes give it (its own sentence, or all its lines)
    said: list[str] = field(default_factory=list)  # the members' words in full, options or not
    subject: str = ""  # what a lead-in list is of (gen_lead_lists): "the First Five-Year Plan"
    tense: str = "is"  # "was" of a lead-in in the past ("Key targets included:")
    section: str = ""  # a lead-in list's top heading: lists under one are about one topic


@dataclass(frozen=True)
class RuleQuestion:
    prompt: str
    answer: str
    options: tuple[str, ...]
    source: Member
    explanation: str


def _clean(body: str) -> str:
    first = split_sentences(body)[0] if split_sentences(body) else body
    first = _PAREN.sub("", first).strip()  # "(See §6.2.)", "(requires a 3:1 majority)": no option has them
    first = re.sub(r"[\s.;,:]+$", "", first)
    first = re.sub(r"\s+(?:and|or)$", "", first)
    return first


# --- lists in blocks ---------------------------------------------------------------------------------

def block_lists(chunks: list[Chunk], parse) -> list[NotesList]:
    """Every "<Party> may:" block of the notes with its parallel members (see the module note).
    `parse(lines)` gives spaCy docs of lines."""
    lines: list[tuple[Chunk, str]] = [(c, line) for c in chunks if not is_practice_section(c.heading_path)
                                      for line in c.text.splitlines() if line.strip()]
    found: list[NotesList] = []
    for i, (chunk, line) in enumerate(lines):
        intro = _INTRO.match(_LINK_TARGET.sub("", line.strip()))
        if not intro or intro.group("neg"):
            continue
        heading = chunk.heading_path[-1] if chunk.heading_path else ""
        noun = without_section_number(heading)
        if not re.fullmatch(r"[A-Z][a-z]+s", noun):  # "Powers", "Duties", "Rights": what the members are
            continue
        all_text = [line]
        marked: list[tuple[int, int | None]] = []  # (line index, its number or None for "- ")
        j = i + 1
        while j < len(lines) and lines[j][0].heading_path == chunk.heading_path \
                and lines[j][0].document == chunk.document and not _INTRO.match(lines[j][1]):
            all_text.append(lines[j][1])
            mark = _MARK.match(lines[j][1])
            if mark:
                marked.append((j, int(mark.group("number")) if mark.group("number") else None))
            j += 1
        raw: list[tuple[Chunk, str, str]] = []  # chunk, member, its line's first sentence as quoted
        for j in _main_sequence(marked):
            c2, text = lines[j]
            body = text[_MARK.match(text).end():]
            if not _STOP.search(body) and j + 1 < len(lines) and not _MARK.match(lines[j + 1][1]):
                body = f"{body} {lines[j + 1][1].strip()}"  # a line the source wrapped
            quote = next((q for q, _ in chunk_sentences(c2) if q and q in text), body)
            raw.append((c2, _clean(body), quote))
        members = [Member(text, quote, c2) for c2, text, quote in raw if 2 <= len(text.split()) <= MAX_MEMBER_WORDS]
        if len(raw) < MIN_MEMBERS or len(members) < MIN_MEMBERS:
            continue
        # One verb phrase each, read as the intro reads it: "They may repair damaged hulls ..."
        docs = parse([f"They may {m.text[:1].lower() + m.text[1:]}" for m in members])
        members = [Member(m.text, m.quote, m.chunk, shape=VERB) for m, d in zip(members, docs)
                   if len(d) > 2 and d[2].tag_ == "VB"]
        if len(members) < MIN_MEMBERS:
            continue
        party = intro.group("party")
        party = party[:1].lower() + party[1:] if party.split()[0] in {"The", "A", "An", "Any", "Each"} else party
        found.append(NotesList(chunk.document, f"{intro.group('modal')}:{noun.lower()}", party, True, members,
                               Member(line.strip(), next((q for q, _ in chunk_sentences(chunk) if q in line), line),
                                      chunk),
                               heading=noun.lower(), modal=intro.group("modal"), text=" ".join(all_text),
                               said=[t for _, t, _ in raw]))
    return found


def _main_sequence(marked: list[tuple[int, int | None]]) -> list[int]:
    """The lines of a numbered list's own items, not of the lists nested in them. The loader writes a
    run of items with nothing between them as "- " lines ("- Make any decision ...", "- Propose ...",
    then "6. Together with ..."), so a run of "- " lines is the list's own when it fills the gap to the
    next number exactly (or ends the list); a number out of sequence is a nested list's."""
    kept, expected, k = [], 1, 0
    while k < len(marked):
        j, number = marked[k]
        if number is not None:
            if number == expected:
                kept.append(j)
                expected += 1
            k += 1
            continue
        run = []
        while k < len(marked) and marked[k][1] is None:
            run.append(marked[k][0])
            k += 1
        following = marked[k][1] if k < len(marked) else None
        if following is None or following - expected == len(run):
            kept.extend(run)
            expected += len(run)
    return kept


# --- lists in sentences ------------------------------------------------------------------------------

def sentence_lists(chunks: list[Chunk], docs: dict) -> list[NotesList]:
    """Every "<category> include/are A, B, C" sentence of the notes (see the module note); `docs` maps
    a sentence's readable text to its parse."""
    found: list[NotesList] = []
    for chunk in chunks:
        if is_practice_section(chunk.heading_path):
            continue
        previous: list = []  # the paragraph's sentences before (two at most)
        for quote, _ in chunk_sentences(chunk):
            text = readable_text(quote)
            doc = docs.get(text) if text else None
            if doc is None:
                previous = []
                continue
            listed = _sentence_list(doc, previous)
            if listed:
                category, members = listed
                head = category.root.lemma_.lower()
                label = category.text.replace('"', "").replace("“", "").replace("”", "").strip()
                first = label.split()[0]
                if not re.search(rf"[a-z,] {re.escape(first)}\b", chunk.text):  # "the Crown" keeps its capital
                    label = label[:1].lower() + label[1:]
                found.append(NotesList(chunk.document, head, label, False,
                                       [Member(m, quote, chunk, shape=_shape_in(doc, m)) for m in members],
                                       Member(text, quote, chunk), text=text, said=list(members)))
            previous = [*previous, doc][-2:]
    return found


def _sentence_list(doc, previous):
    """(category span, members) of a sentence that lists what a category includes, or None."""
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None or root.lemma_ not in {"include", "be", "comprise"}:
        return None
    subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
    first = next((c for c in root.children if c.dep_ in {"dobj", "attr"}), None)
    if subject is None or first is None:
        return None
    if subject.lower_ in {"these", "they"} and root.lemma_ == "include":
        category = next((c for c in map(_category_of_previous, previous[::-1]) if c is not None), None)
    else:
        category = _category(subject)
    if category is None:
        return None
    start = root.idx + len(root.text)
    tail = doc.text[start:].strip()
    tail = re.sub(r"[.;:]+$", "", tail)
    pieces = [p.strip() for p in tail.split(",")]
    pieces = [re.sub(r"^(?:and|or)\s+", "", p) for p in pieces if p]
    if len(pieces) < 2:
        return None
    last = re.split(r"\s+(?:and|or)\s+", pieces[-1])
    members = [_listed(doc, p, start) for p in pieces[:-1]]
    ends = [_listed(doc, p, start) for p in last]
    members += ends if all(ends) else [None] * len(ends)
    kept = [m for m in members if m]
    if len(kept) < MIN_MEMBERS or len(kept) < len(members) / 2:
        return None
    return category, kept


def _listed(doc, piece: str, after: int) -> str | None:
    """A listed thing as an option: a short noun phrase, nothing pointing, no number, no article."""
    piece = piece.strip().strip('"“”')
    words = piece.split()
    if not 1 <= len(words) <= MAX_LISTED_WORDS or re.search(r"[\d()\[\]:;]", piece):
        return None
    at = doc.text.find(piece, after)
    span = doc.char_span(at, at + len(piece), alignment_mode="expand") if at >= 0 else None
    if span is None or span[-1].pos_ not in {"NOUN", "PROPN"}:
        return None
    if any(t.lower_ in _POINTING or t.pos_ in {"DET", "PRON", "VERB", "AUX"} for t in span):
        return None
    return piece


def _shape_in(doc, piece: str) -> str:
    at = doc.text.rfind(piece)  # the listed piece, after the category that may share its words
    span = doc.char_span(at, at + len(piece), alignment_mode="expand") if at >= 0 else None
    return option_shape(span) if span is not None else ""


def _category(subject):
    """The plural noun phrase with a modifier that says what the list is ("devolved matters"), or None."""
    if subject.tag_ not in {"NNS", "NNPS"}:
        return None
    doc = subject.doc
    kept = [t for t in doc[subject.left_edge.i:subject.i + 1]
            if t.lower_ not in {"such", "these", "the", "all"} and t.text not in {'"', "“", "”"}]
    if not kept or not 2 <= len(kept) <= MAX_CATEGORY_WORDS:
        return None
    if not any(t.dep_ in {"amod", "compound"} and t.head == subject for t in kept):
        return None
    if any(t.lower_ in _POINTING or t.pos_ in {"DET", "PRON", "NUM"} for t in kept):
        return None
    return doc[kept[0].i:subject.i + 1]


def _category_of_previous(previous):
    """"Reserved matters are subjects ...": the subject of the sentence "These include ..." follows."""
    if previous is None:
        return None
    root = next((t for t in previous if t.dep_ == "ROOT"), None)
    if root is None or root.lemma_ != "be":
        return None
    subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
    return _category(subject) if subject is not None else None


# --- items -------------------------------------------------------------------------------------------

def setting(title: str, written=lambda name: None) -> str:
    """How a question names the notes: "Under the Constitution for the Debian Project", "According to
    the notes on the Scottish Parliament", "According to the notes on European Union law".
    `written(name)` gives the name as the notes' own sentences write it (gen_subject); only when they
    do not tell is the article guessed from the title's capitals."""
    title = re.sub(r"\s*\((?:v|version)\s*[\d.]+\)\s*$", "", (title or "").strip(), flags=re.IGNORECASE)
    if not title:
        return "According to the notes"
    named = written(title) or (title if re.match(r"^(?:the|a|an)\b", title, re.IGNORECASE) or not all(
        w[:1].isupper() for w in title.split() if w.lower() not in {"of", "for", "and", "on", "in", "the"})
        or len(title.split()) < 2 else f"the {title}")
    named = re.sub(r"^The\b", "the", named)
    if _RULE_TITLE.search(title):
        return f"Under {named}"
    return f"According to the notes on {named}"


def rule_questions(lists: list[NotesList], sentences: dict[str, list[str]], titles: dict[str, str],
                   seed: str = "") -> list[RuleQuestion]:
    """The items of every list with a comparable one (module note): "which is NOT one of" with three
    members and an option of another list; "which is one of" with a member not shown there and three
    such options. `sentences` are every sentence of each document; `titles` name the documents."""
    made: list[RuleQuestion] = []
    used: set[str] = set()  # members an earlier question showed or keyed: one fact, one item
    # Every list's "NOT one of" first, then "one of" with the members left, so that the second form
    # does not take the members the first needs.
    for negative in (True, False):
        for target in lists:
            question = _list_question(target, lists, sentences, titles, seed, used, negative)
            if question:
                used.update(question.options)
                made.append(question)
    return made


def _list_question(target: NotesList, lists: list[NotesList], sentences: dict[str, list[str]],
                   titles: dict[str, str], seed: str, used: set[str], negative: bool) -> RuleQuestion | None:
    others = [o for o in lists if o is not target and o.document == target.document and o.kind == target.kind
              and _comparable(target, o) and not _overrides(target, o)]
    if not others:
        return None
    title = titles.get(target.document, "")
    ignore = frozenset(content_words(title))
    forms = [m.form for m in target.members]
    form = max(sorted(set(forms)), key=forms.count) if forms else ""  # sorted: no hash-seed tie
    pool: list[Member] = []
    for other in others:
        for m in other.members:
            if m.text not in [p.text for p in pool] and m.text not in used \
                    and m.form == form and _foreign(m.text, target, sentences.get(target.document, []), ignore):
                pool.append(m)
    # Shown members point back to nothing and do not repeat the party's name ("Appoint the Chair of the
    # Technical Committee" in a question on the Technical Committee marks itself as a member).
    label_words = content_words(target.label, ignore) if target.party else set()
    own = [m for m in target.members if not set(re.findall(r"[a-z]+", fold(m.text))) & _POINTING
           and not (label_words and label_words <= content_words(m.text, ignore)) and m.text not in used
           and m.form == form]  # a phrase among sentences stands out by its form alone
    rng = random.Random(f"rules\x1f{seed}\x1f{target.label}\x1f{target.intro.quote}\x1f{negative}")
    which = f"{_setting_of(target, title)}which of these {target.tense}"
    which = which[:1].upper() + which[1:]
    what = _what(target)
    if negative:
        if not pool or len(own) < SHOWN:
            return None
        shown = _apart(own, target.members, rng)
        odd = _closest(pool, shown, rng)
        if stands_out(odd, shown):
            matched = _matching(pool, own, target.members, rng)
            if matched is None:
                return None
            odd, shown = matched
        options = [m.text for m in shown] + [odd.text]
        rng.shuffle(options)
        return RuleQuestion(f"{which} NOT one of {what}?", odd.text, tuple(options), target.intro,
                            f"The notes list {_join([m.text for m in target.members])} for {target.label}; "
                            f"“{odd.text}” is listed for {_owner(lists, odd)}.")
    if not own or len(pool) < SHOWN:
        return None
    answer = rng.choice(own)
    wrong = _spread(pool, answer, rng, lists)
    if stands_out(answer, wrong):  # another member, with wrong options of its shape first
        answer, wrong = next(((a, w) for a in sorted(own, key=lambda m: rng.random())
                              for w in [_spread(pool, a, rng, lists, by_shape=True)] if not stands_out(a, w)),
                             (None, None))
        if answer is None:
            return None
    options = [answer.text, *(m.text for m in wrong)]
    rng.shuffle(options)
    return RuleQuestion(f"{which} one of {what}?", answer.text, tuple(options), answer,
                        f"The notes list “{answer.text}” among {what}; the others are listed for "
                        f"{_join(list(dict.fromkeys(_owner(lists, m) for m in wrong)))}.")


_OVERRIDE = re.compile(r"\b(?:overrid\w*|overrul\w*|revers\w*|veto\w*|countermand\w*)\b", re.IGNORECASE)


def _overrides(target: NotesList, other: NotesList) -> bool:
    """`target` may override `other`'s decisions ("Make or override any decision authorised by the
    powers of the Technical Committee"): what `other` may do, `target` may then do as well."""
    if not (target.party and other.party):
        return False
    name = re.sub(r"^(?:the|an?|any|each)\s+", "", other.label, flags=re.IGNORECASE)
    return any(_OVERRIDE.search(said) and re.search(rf"\b{re.escape(name)}\b", said) for said in target.said)


_JUDGED = frozenset({"success", "failure", "achievement", "advantage", "disadvantage", "benefit", "drawback",
                     "strength", "weakness", "problem", "limitation", "criticism", "mistake", "flaw", "merit"})


def _head(label: str) -> str:
    """"success" of "notable successes of the First Five-Year Plan": the category's noun, singular."""
    words = re.split(r"\s+of\s+", label, maxsplit=1)[0].split()
    head = fold(words[-1]) if words else ""
    return head[:-3] + "y" if head.endswith("ies") else head[:-2] if head.endswith("sses") else \
        head[:-1] if head.endswith("s") else head


# Words by which a list adds to another of its kind ("Additional symptoms can include ... nausea" after "Early
# symptoms of malaria include ..."): English's words of addition, of no course.
_ADDED = re.compile(r"^(?:other|additional|further|more|extra)\b", re.IGNORECASE)


def _comparable(target: NotesList, other: NotesList) -> bool:
    if fold(target.label) == fold(other.label):
        return False
    if _head(target.label) == _head(other.label) and (_ADDED.match(target.label.strip())
                                                      or _ADDED.match(other.label.strip())):
        return False  # "additional symptoms" may be early symptoms too: no odd one out (set 17's judge)
    if target.subject or other.subject:
        # Lists of one thing, or under one top heading, are about one topic: two lists of the reasons
        # for one failure, the targets and the successes of one plan. A member of one may be true of
        # the other, so only a list of another thing in another part of the notes gives odd ones out.
        # A category that judges ("notable successes", "advantages") is told apart from a member of
        # another kind by its tone alone ("... launched with minimal technical planning" among the
        # successes of a plan): its odd ones out come only from a list of the same judgement.
        judged = {_head(target.label), _head(other.label)} & _JUDGED
        return fold(target.subject) != fold(other.subject) and (
            not target.section or fold(target.section) != fold(other.section)) and (
            not judged or _head(target.label) == _head(other.label))
    if target.party:
        return other.party and other.modal == target.modal
    a, b = content_words(target.label), content_words(other.label)
    return bool(a - b) and bool(b - a)  # "devolved matters" / "reserved matters": each has its own modifier


def _foreign(option: str, target: NotesList, sentences: list[str], ignore: frozenset[str]) -> bool:
    """`option` (of another list) is by nothing in the notes also one of `target`'s (module note)."""
    words = content_words(option, ignore)
    if not words or set(re.findall(r"[a-z]+", fold(option))) & _POINTING:
        return False
    label = content_words(target.label, ignore)
    if target.party and (words & label or label and label <= content_words(option)):
        return False  # "Appoint or recall the Project Leader" is no power of the Project Leader's to offer
    if target.party:
        for said in target.said:
            shared = words & content_words(said, ignore)
            if len(shared) >= 2 or len(shared) >= len(words) / 2:
                return False
    elif words & content_words(target.text, ignore) or any(words & content_words(s, ignore) for s in target.said):
        return False
    for sentence in sentences:
        folded = fold(sentence)
        if label and all(re.search(rf"\b{re.escape(w)}", folded) for w in label) \
                and len(words & content_words(sentence, ignore)) >= NOTES_OVERLAP * len(words):
            return False
    return True


def _apart(own: list[Member], members: list[Member], rng: random.Random) -> list[Member]:
    """SHOWN members no two of which stand next to each other in the notes' list, when the list is long
    enough: notes group what is alike ("coal, oil, gas, nuclear energy" among reserved matters), and
    three neighbours shown beside the odd one out make it stand out by its theme alone (round 15-mid:
    "education" among three energy sources, borderline)."""
    first = sorted(rng.sample(own, SHOWN), key=members.index)
    apart = lambda shown: all(members.index(b) - members.index(a) > 1 for a, b in zip(shown, shown[1:]))  # noqa: E731
    if apart(first) or len(own) < 2 * SHOWN - 1:
        return first  # a list too short to show three apart keeps its first draw
    for _ in range(60):
        shown = sorted(rng.sample(own, SHOWN), key=members.index)
        if apart(shown):
            return shown
    return first


def _setting_of(target: NotesList, title: str) -> str:
    """"Under the Constitution for the Debian Project, " before a rule block's question, "According to
    the notes on the Scottish Parliament, " before a sentence list's: "the powers of the Project Leader"
    and "the reserved matters" are what that text makes them, and would read as a claim about the
    world without it. A lead-in list names what it is of ("the key targets of the First Five-Year
    Plan"), and its odd one out is listed for another thing in another part of the notes (`_comparable`),
    so its question stands alone and is posted as a teacher would write it, with no setting."""
    if target.subject:
        return ""
    return f"{setting(title)}, "


def _matching(pool: list[Member], own: list[Member], members: list[Member],
              rng: random.Random) -> tuple[Member, list[Member]] | None:
    """An odd one out and SHOWN members among which it does not stand out by length or shape
    (gen_option_shape), when the first draw gave one that does: members nearest its length, apart in
    the notes' list when possible (`_apart`); None when no odd one out fits any members."""
    ties = {id(m): rng.random() for m in [*pool, *own]}
    best = None
    for odd in pool:
        size = len(odd.text.split())
        for shown in itertools.combinations(sorted(own[:MAX_SHOWN_CHOICES], key=members.index), SHOWN):
            if stands_out(odd, list(shown)):
                continue
            apart = all(members.index(b) - members.index(a) > 1 for a, b in zip(shown, shown[1:]))
            score = (not apart, sum(abs(len(m.text.split()) - size) for m in shown),
                     ties[id(odd)] + sum(ties[id(m)] for m in shown))
            if best is None or score < best[0]:
                best = (score, odd, list(shown))
    return (best[1], best[2]) if best else None


def _closest(pool: list[Member], shown: list[Member], rng: random.Random) -> Member:
    """The odd one out of about the shown members' length: the answer is not the only long option."""
    lengths = sorted(len(m.text.split()) for m in shown)
    middle = lengths[len(lengths) // 2]
    order = sorted(pool, key=lambda m: (abs(len(m.text.split()) - middle), rng.random()))
    return order[0]


def _spread(pool: list[Member], answer: Member, rng: random.Random, lists: list[NotesList],
            by_shape: bool = False) -> list[Member]:
    """Three wrong options, from as many other lists as there are, near the answer's length (and of
    its shape first, `by_shape`, when the first draw left the answer the only one of its shape)."""
    size = len(answer.text.split())
    ranked = sorted(pool, key=lambda m: (by_shape and m.shape != answer.shape, abs(len(m.text.split()) - size),
                                         rng.random()))
    chosen: list[Member] = []
    owners: set[str] = set()
    for m in ranked:  # one a list first
        if _owner(lists, m) not in owners:
            chosen.append(m)
            owners.add(_owner(lists, m))
        if len(chosen) == SHOWN:
            return chosen
    for m in ranked:
        if m not in chosen:
            chosen.append(m)
        if len(chosen) == SHOWN:
            break
    return chosen


def _owner(lists: list[NotesList], member: Member) -> str:
    return next((x.label for x in lists if member in x.members), "another part of the notes")


def _what(target: NotesList) -> str:
    if target.party:
        return f"the {target.heading} of {target.label}"
    return f"the {target.label}"


def _join(parts: list[str]) -> str:
    parts = [f"“{p}”" for p in parts]
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


# --- what a rule requires or allows under a condition ---------------------------------------------------

_CONDITIONAL = re.compile(
    r"^(?:(?:For example|However|Then|Also|Likewise|Similarly),\s+)?(?P<mark>If|When|Whenever)\s+(?P<cond>[^,;:()]+),\s+"
    r"(?:then\s+)?(?P<subj>you|You|they|[Tt]he [A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3})\s+(?P<modal>must|shall)"
    r"(?P<neg>\s+not)?\s+(?P<vp>[^;:]+?)\.?$")
MAX_CONDITION_WORDS = 18
MAX_DUTY_WORDS = 30


@dataclass(frozen=True)
class ConditionCard:
    prompt: str
    answer: str
    source: Member


def condition_card(member: Member, doc, setting_words: str) -> ConditionCard | None:
    """"Under the Constitution for the Debian Project, if the Project Leader and the current Project
    Secretary cannot agree on a new appointment, what must they do?" of a sentence "If <condition>,
    <party> must <what>." in a set of rules (`setting_words` "Under ..."). Not of "may": what a rule
    allows under a condition is seldom all it allows ("When you convey a copy of a covered work, you
    may ... remove any additional permissions": conveying allows much else). Only when the condition points back to nothing
    ("in accord with this section"), the verb is one of doing (not "may be on a different server"),
    and the answer is short enough to recall; "they" only of a condition whose subject is plural."""
    if not setting_words.startswith("Under "):
        return None
    found = _CONDITIONAL.match(member.text)
    if not found or found.group("neg"):
        return None
    cond, subject, modal, duty = found.group("cond"), found.group("subj"), found.group("modal"), found.group("vp")
    if len(cond.split()) > MAX_CONDITION_WORDS or set(re.findall(r"[a-z]+", fold(cond))) & (_POINTING | {"section"}):
        return None
    if subject == "they":  # "they" of the condition's own plural subject, nothing before it
        at = member.text.find(cond)
        first = next((t for t in doc if t.idx >= at and t.dep_ in {"nsubj", "nsubjpass"}), None)
        if first is None or first.idx >= at + len(cond) or not (
                first.tag_ in {"NNS", "NNPS"} or any(c.dep_ == "conj" for c in first.children)):
            return None
    if not 3 <= len(duty.split()) <= MAX_DUTY_WORDS or re.search(r"https?:|www\.|§", duty):
        return None
    aux = next((t for t in doc if t.lower_ == modal and t.dep_ == "aux"), None)
    if aux is None or aux.head.tag_ != "VB" or aux.head.lemma_ in {"be", "have", "consider"}:
        return None
    subject = "you" if subject in {"you", "You"} else subject if subject == "they" else subject[:1].lower() + subject[1:] \
        if subject.startswith("The ") else subject
    prompt = f"{setting_words}, {found.group('mark').lower()} {cond}, what {modal} {subject} do?"
    answer = duty[:1].upper() + duty[1:]
    return ConditionCard(prompt, answer, member)


# --- what a rule allows, and on what condition ------------------------------------------------------------

# "<Party> may <do X>, provided that <condition>." A licence grants a permission with its condition in one
# sentence; a teacher asks the condition ("Under the GNU Free Documentation License, on what condition may you
# add a section Entitled "Endorsements"?"). The condition is the answer: one defensible answer, since the
# sentence ties this permission to this condition (unlike "may" alone, whose permission is seldom all it allows).
_PERMISSION = re.compile(
    r"^(?P<subj>You|[Tt]he (?:[\w'’-]+\s+){0,4}?(?:[A-Z][\w'’-]*)(?:\s+(?:of\s+)?(?:an?\s+|the\s+)?[A-Z][\w'’-]*){0,3})"
    r"\s+may\s+(?P<vp>(?!not\b)[^;:()]+?),?\s+(?P<mark>provided that|provided|so long as|as long as|only if|if)\s+"
    r"(?P<cond>[^;:]+?)\.?$")
# A condition that opens a list still to come or names several ("at least ONE of the following:", "all of
# these conditions"), or one run on after a dash ("--for example, ..."), is cut or refused.
_OPENS_MORE = re.compile(r"\b(?:following|these conditions|this section|one of these|as follows)\b", re.IGNORECASE)
# Words that leave the permission (the stem) without its referent. "this" only before a name the document
# capitalises ("this License", "this Package": the licence's own defined terms, named by the setting).
_STEM_POINTING = frozenset({"these", "those", "such", "it", "its", "they", "them", "their", "above", "below",
                            "said", "aforementioned", "thereof", "herein", "otherwise", "also"})
MAX_PERMISSION_WORDS = 30
MAX_PERMISSION_CONDITION_WORDS = 28


def permission_card(member: Member, doc, setting_words: str) -> ConditionCard | None:
    """"Under the Mozilla Public License, on what condition may you create and distribute a Larger Work
    under terms of your choice?" -> "You comply with the requirements of this License for the Covered
    Software." of "<Party> may <do X>, provided that <condition>." in a set of rules (`setting_words`
    "Under ..."). Only when: the sentence opens with its party (no "If ..." before it: two conditions); the
    permission points back to nothing and says nothing of conditions itself ("without conditions so long
    as ..."); the condition opens no list ("one of the following:"), is not one of several ("..., or if
    ..."), and is short enough to recall; the verb is one of doing (not "may be on a different server")."""
    if not setting_words.startswith("Under "):
        return None
    text = re.sub(r"\s*--.*$", ".", member.text)  # "--for example, statements of peer review ...": an aside
    found = _PERMISSION.match(text)
    if not found:
        return None
    subject, permission, cond = found.group("subj"), found.group("vp"), found.group("cond")
    if _OPENS_MORE.search(cond) or re.search(r"\b(?:or|and),? (?:if|provided|unless|so long|as long|only if)\b|\bunless\b",
                                             text) or re.search(r"\b(?:or|and)$", permission) \
            or re.search(r"\b(?:condition|restriction)", permission, re.IGNORECASE) \
            or re.search(r"\b(?:if|unless|provided)\b", permission):
        return None  # several conditions, or a permission "without restriction" asked "on what condition"
    words = re.findall(r"[\w'’-]+", permission)
    if not 3 <= len(words) <= MAX_PERMISSION_WORDS or not 3 <= len(cond.split()) <= MAX_PERMISSION_CONDITION_WORDS:
        return None
    if {w.lower() for w in words} & _STEM_POINTING or re.search(r"\bthis\s+(?![A-Z])", permission) \
            or re.search(r"https?:|www\.|§", member.text):
        return None
    start = member.text.find(permission)
    verb = next((t for t in doc if t.idx >= start and t.pos_ in {"VERB", "AUX"}), None)
    if verb is None or verb.lemma_ in {"be", "have"} or verb.tag_ != "VB":
        return None
    party = "you" if subject == "You" else subject[:1].lower() + subject[1:]
    permission = re.sub(r"\b(You|Your)\b", lambda m: m.group(1).lower(), permission)  # "Your choice" of a licence's "You"
    prompt = f"{setting_words}, on what condition may {party} {permission}?"
    answer = cond[:1].upper() + cond[1:].rstrip(".,") + "."
    return ConditionCard(prompt, answer, member)


# A phrase the notes write in quotes: what they define ('An MMC is "eligible for relicensing" if ...').
_QUOTED = re.compile(r'["“]([^"”]{2,80})["”]')
_STATE_CONDITION = re.compile(r"^.+? (?:is|are) (?P<label>.+?)\.?$")


def quoted_labels(texts) -> set[str]:
    """Every phrase the notes write in quotes, folded: the labels a set of rules defines."""
    return {" ".join(fold(m.group(1)).split()) for text in texts for m in _QUOTED.finditer(text)}


def condition_is_label(answer: str, labels: set[str]) -> bool:
    """A permission card's condition only says that its subject is something the notes define by a label
    ("The MMC is eligible for relicensing.", where the notes say 'An MMC is "eligible for relicensing" if
    ...'): the label is not the condition, what defines it is (round 19, dropped: "close to circular ...
    the real content ... is never asked"). A condition that uses a defined term for what it asks ("You
    comply with the requirements of this License for the Covered Software.") is not a label."""
    found = _STATE_CONDITION.match(answer.strip())
    return bool(found) and " ".join(fold(found.group("label")).split()) in labels


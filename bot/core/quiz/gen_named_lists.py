"""Lists of named things under a lead-in that says what all of them are, asked as cards (issue 8).

Course notes list the parts, kinds and steps of what they teach as marked lines under a lead-in:
"If a kidney is cut in half, three regions can be seen:" and "- The cortex – the outer, darker
layer. ...", "The three main limiting factors are:" and "- Light intensity", "The parts of the
tubule, in the order the fluid passes through them, are:" and "- Bowman's capsule, which ...". A
teacher asks "What are the three regions that can be seen if a kidney is cut in half?" and, of an
ordered list, "... which of the parts of the tubule comes after the proximal convoluted tubule?".

Read from the layout and spaCy's parse, precision first:

- every line of the list gives a short name: the whole line when it is a noun phrase ("Light
  intensity", "the distal convoluted tubule (DCT);"), or its label before " – ", ": ", ". " or ", "
  when that label is one ("Fixed-ratio (FR): a reinforcer is given ...", "renin, an enzyme ...");
  one line that gives no name (a sentence, a date) and the list is not asked: the answer must be
  the notes' whole list;
- the lead-in says the members are all of a category: a plural noun with a number that is the
  list's own length ("three regions", "four main compounds"), or a definite plural subject of "are"
  ("The parts of the tubule, in the order ..., are:"); a lead-in that points back ("These include:")
  names nothing the stem could; a pronoun subject ("It has three main terminals:") or "Inside are ...:"
  is read only when the sentence before's subject is a noun the last heading names too ("MOSFET stands
  for ..." under "5.2 How a MOSFET works"), never guessed;
- a line that describes its member by a noun phrase ("- The medulla – the inner region.") also gives
  "which of <the category> is <that noun phrase>?" with the list's members as the options, unless the
  description names one of them;
- a list is ordered when its lead-in or its heading says so (a word of order: "steps", "sequence",
  "order", "stages", "series") and then asks what comes after each member but the last, or, when the
  lead-in names a category and the list is short (MAX_WHOLE_SEQUENCE), only the whole list in order:
  one sequence is one kind of item, never the whole list beside its steps.

The stem is built from the lead-in's own words ("the three regions that can be seen if a kidney is
cut in half") and names the notes ("According to the notes on ...") so it stands alone.
"""

from __future__ import annotations

import collections
import re
from dataclasses import dataclass

from bot.core.documents import Chunk
from bot.core.quiz.gen_text import LIST_MARK, chunk_sentences, is_practice_section
from bot.core.text import split_sentences
from bot.core.loaders.headings import without_section_number

MIN_MEMBERS = 3
MAX_MEMBERS = 8  # a longer list is too much to recall as one card
MAX_NAME_WORDS = 8
MAX_WHOLE_SEQUENCE = 4  # an ordered list of up to four is asked as one card, a longer one step by step
_PAREN = re.compile(r"\s*\([^()]*\)")
# a full stop after a single capital is an initial's ("Rutherford B. Hayes (1876). ..."), not the label's end
_LABEL_END = re.compile(r"\s[–—-]\s|:\s|(?<!\b[A-Z])\.\s|,\s|;\s*$|\.$|;\s")
_DATED = re.compile(r"\((?:c\.\s*)?\d{3,4}\b")  # "First trial (1964)", "Refugee camps (1971–72)"
_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8}
_ORDER = frozenset({"step", "sequence", "order", "stage", "series"})
_SMALL = frozenset({"and", "of", "the", "in", "on", "for", "a", "an", "to"})
_POSSESSIVE = re.compile(r"^(?:His|Her|Their|Its)\s+")
_ORDER_ASIDE = re.compile(r",\s*(in (?:the|this) order\b[^,:]*),\s*")
_ORDER_HEADING = re.compile(r"\b(?:steps|sequence|in order|step by step)\b", re.IGNORECASE)
_POINTING = frozenset({"this", "these", "those", "it", "its", "they", "them", "their", "such", "following", "above",
                       "below", "he", "she", "his", "her"})


@dataclass(frozen=True)
class NamedList:
    document: str
    chunk: Chunk
    lead: str  # the lead-in sentence, as the notes write it
    quote: str  # the lead-in sentence as chunk_sentences gives it
    category: str  # "the three regions that can be seen if a kidney is cut in half"
    members: tuple[str, ...]
    ordered: bool
    of: str = ""  # an ordered list's members named singly: "the parts of the tubule"
    order_words: str = ""  # ", in the order the fluid passes through them"
    lines: tuple = ()  # (chunk, first sentence as chunk_sentences gives it) of each member's line
    labels: tuple[str, ...] = ()  # the members as their lines write them ("Melting", of "- Melting. The ...")
    tense: str = "are"  # "were" of a lead-in in the past ("His main lines of evidence were:")
    said: tuple[str, ...] = ()  # what each line says of its member after the label ("the outer, darker layer")


@dataclass(frozen=True)
class NamedCard:
    prompt: str
    answer: str
    source: NamedList
    sequence: bool
    chunk: Chunk  # where its source sentence is: the lead-in's, or the keyed step's line
    quote: str
    options: tuple[str, ...] = ()  # "Which of <the category> is <what a line says>?": the list's members


def named_lists(chunks: list[Chunk], parse) -> list[NamedList]:
    """Every list of named things the notes give under a lead-in that says what they all are."""
    lines = [(c, line) for c in chunks if not is_practice_section(c.heading_path) for line in c.text.splitlines()
             if line.strip()]
    found: list[NamedList] = []
    prose: dict[str, str] = {}
    for i, (chunk, line) in enumerate(lines):
        if line.startswith(LIST_MARK) or not line.rstrip().endswith(":"):
            continue
        items, sources = [], []
        j = i + 1
        while j < len(lines) and lines[j][1].startswith(LIST_MARK) and lines[j][0].heading_path == chunk.heading_path:
            items.append(lines[j][1][len(LIST_MARK):].strip())
            c2 = lines[j][0]
            sources.append((c2, next((q for q, _ in chunk_sentences(c2) if q and q in lines[j][1]), items[-1])))
            j += 1
        if not MIN_MEMBERS <= len(items) <= MAX_MEMBERS:
            continue
        if j < len(lines) and lines[j][0].heading_path == chunk.heading_path and lines[j][1].startswith("  "):
            continue  # a nested list goes on
        members = _names(items, parse)
        if members is None:
            continue
        sentences = split_sentences(line.strip())
        lead = sentences[-1] if sentences else ""
        if not lead:
            continue
        # ", in the order the fluid passes through them," is read apart: spaCy takes the sentence's
        # subject for that clause's
        aside = _ORDER_ASIDE.search(lead)
        said = _ORDER_ASIDE.sub(" ", lead) if aside else lead
        # "His main lines of evidence were:" under the heading "3.2 Wegener's evidence": whose they are is
        # the heading's owner; the lead-in is read with "The" for the pronoun
        owner = _heading_owner(chunk.heading_path) if _POSSESSIVE.match(said) else None
        if owner:
            said = _POSSESSIVE.sub("The ", said, count=1)
        # "It has three main terminals:" / "Inside are three main structures:": the pronoun's referent (or
        # what the list is inside) is the subject of the sentence before when the heading names it too
        # ("MOSFET stands for ..." under "5.2 How a MOSFET works"); never guessed from anything else
        pronoun = _PRONOUN_LEAD.match(said)
        if pronoun:
            kind = pronoun.group(1) or pronoun.group(2)
            referent = _referent(sentences[-2] if len(sentences) > 1 else "", chunk.heading_path, parse, kind)
            if referent is None:
                continue
            if kind == "Inside":
                said = f"The {pronoun.group(4)} inside {referent} {pronoun.group(3)}:"
            else:
                said = referent[:1].upper() + referent[1:] + said[len(kind):]
        doc = parse([said[:-1].rstrip()])[0]
        read = _category(doc, len(members))
        if read is None or _POSSESSIVE.match(lead) and not owner:
            continue
        category, of, order_words = read
        if owner:
            category = re.sub(r"^the ", f"{owner}'s ", category)
            of = re.sub(r"^the ", f"{owner}'s ", of)
        root = next((t for t in doc if t.dep_ == "ROOT"), None)
        tense = "were" if root is not None and (root.tag_ == "VBD" or any(
            c.dep_ in {"aux", "auxpass"} and c.tag_ == "VBD" for c in root.children)) else "are"
        if aside:
            order_words = aside.group(1)
        heading = chunk.heading_path[-1] if chunk.heading_path else ""
        named_by_heading = _from_headings(category, chunk.heading_path) if re.fullmatch(r"the \w+ \w+", category) else None
        category = named_by_heading or category
        if category and not named_by_heading and _of_nothing(doc, len(members)):
            continue  # "Three reasons are usually given:", "The main explanations are:": reasons for what?
        ordered = bool(aside) or any(t.lemma_.lower() in _ORDER for t in doc) or bool(_ORDER_HEADING.search(heading))
        quote = next((q for q, _ in chunk_sentences(chunk) if q.strip() == lead or lead.endswith(q.strip())), lead)
        text = prose.setdefault(chunk.document, "\n".join(c.text for c in chunks if c.document == chunk.document))
        labels = tuple(members)
        members = [_as_written(m, text) for m in members]
        found.append(NamedList(chunk.document, chunk, lead, quote, category, tuple(members), ordered, of, order_words,
                               tuple(sources), labels, tense, tuple(_said(item, label) for item, label in zip(items, labels))))
    return found


_PRONOUN_LEAD = re.compile(r"^(?:(It|They)(?=\s+\w)|(Inside)\s+(are|were)\s+(.+):$)")


def _referent(before: str, heading_path: tuple[str, ...], parse, pronoun: str) -> str | None:
    """"a MOSFET" of "MOSFET stands for ..." under the heading "5.2 How a MOSFET works": the sentence
    before's subject (a noun, of the pronoun's number) as the heading names it; None unless both say it."""
    if not before or not heading_path:
        return None
    heading = without_section_number(heading_path[-1])
    prior, named = parse([before.rstrip(), heading])
    root = next((t for t in prior if t.dep_ == "ROOT"), None)
    subject = next((c for c in root.children if c.dep_ in {"nsubj", "nsubjpass"}), None) if root is not None else None
    if subject is None or subject.pos_ not in {"NOUN", "PROPN"}:
        return None
    plural = subject.tag_ in {"NNS", "NNPS"}
    if pronoun == "It" and plural or pronoun == "They" and not plural:
        return None
    for chunk in named.noun_chunks:
        head = chunk.root
        if head.lemma_.lower() != subject.lemma_.lower() and head.lower_ != subject.lower_:
            continue
        if pronoun != "Inside" and (head.tag_ in {"NNS", "NNPS"}) != plural:
            return None
        words = [t for t in chunk if t.pos_ in {"DET", "ADJ", "NOUN", "PROPN"}]
        if len(words) != len(chunk) or words[0].pos_ != "DET" and len(words) == 1 and head.pos_ == "NOUN":
            return None  # "chloroplast" alone or a chunk with more in it: not a name the stem can use
        text = chunk.text
        return text[:1].lower() + text[1:] if words[0].pos_ == "DET" else text
    return None


def _said(body: str, label: str) -> str:
    """"the outer, darker layer" of "- The cortex – the outer, darker layer. ...": the first sentence after a
    line's label, when there is one ("" of a line that is its name alone)."""
    rest = _PAREN.sub("", body.strip())
    if not rest.startswith(label):
        return ""
    rest = re.sub(r"^\s*(?:[–—-]\s|:\s|,\s|\.\s)", "", rest[len(label):], count=1)
    if rest == body[len(label):] or not rest.strip():
        return ""
    first = split_sentences(rest.strip())
    return first[0].strip().rstrip(".;,:").strip() if first else ""


def _as_written(name: str, text: str) -> str:
    """"light intensity" of the line "Light intensity" when the notes write it so mid-sentence: a
    list line's capital is the line's, not the name's."""
    first = name.split()[0]
    lower = first[:1].lower() + first[1:]
    if lower != first and re.search(rf"[a-z,] {re.escape(lower)}\b", text):
        return lower + name[len(first):]
    return name


def _names(items: list[str], parse) -> list[str] | None:
    """The name each line gives (module note), or None when a line gives none or two lines one name."""
    candidates = []
    for body in items:
        body = body.strip()
        label = _LABEL_END.split(_PAREN.sub("", body), maxsplit=1)[0].strip().rstrip(".;,:").strip()
        if not label or re.match(r"\W*\d", label) or not 1 <= len(label.split()) <= MAX_NAME_WORDS:
            return None
        if label.count('"') % 2 or label.count("(") != label.count(")"):
            return None
        if len(label.split()) > 1 and re.search(r"\s[a-z]{1,3}$", label) \
                and re.match(re.escape(label) + r"\.\s*\S", _PAREN.sub("", body)):
            return None  # a name cut at an abbreviation's full stop ("Sipuel v" of "Sipuel v. Board of Regents ...",
            # "Missouri ex rel" of "Missouri ex rel. Gaines ...": set 21, asked as "what comes after 'Murray v'?")
        candidates.append(label)
    if len({c.lower() for c in candidates}) != len(candidates):
        return None  # "Myth: ...", "Myth: ...": a tag, not a name
    # Lines dated in brackets tell a history: their labels are captions of events ("Physiology",
    # "First trial (1964)", "Newborns (1979)": set 19's cholera steps, all 7 cards dropped in round 40,
    # keyed to captions that say nothing of what happened), unless each is a name ("Benjamin Harrison
    # (1888)": the people the lead-in counts).
    dated = any(_DATED.search(body) for body in items)
    # Read in a frame, as an object ("They studied Quarrying."): a bare fragment parses at random.
    for doc in parse([f"They studied {c}." for c in candidates]):
        name = doc[2:len(doc) - 1]
        if not len(name):
            return None
        if dated and name.root.pos_ != "PROPN":
            return None
        if any(t.tag_ in {"VBD", "VBZ", "VBP", "MD", "WDT", "WP"} or t.pos_ == "PRON" and t.text != "I"
               for t in name):
            return None  # a clause ("Deep trenches are found", "the path you gave"), not a name
        if any(t.lower_ in _POINTING for t in name) or name[0].pos_ in {"ADP", "CCONJ", "ADV", "SCONJ", "PART"}:
            return None
    return candidates


def _category(doc, count: int) -> tuple[str, str, str] | None:
    """(what the members are, "the <plural noun ...>" for an ordered list's single step, the lead-in's
    order words) of a lead-in, or None when it does not say the list is all of a category."""
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    # "in the order the fluid passes through them", "in this order": words of the list's own order
    in_order = {t.i for p in doc if p.dep_ == "prep" and any(c.lemma_.lower() == "order" for c in p.children)
                for t in p.subtree}
    if root is None or any(t.lower_ in _POINTING for t in doc if t.i not in in_order):
        return None
    if any(c.dep_ == "conj" and c.pos_ in {"VERB", "AUX"} for c in root.children):
        return None  # "Three main proposals were considered, and each had objections:": two things said
    counted = [t for t in doc if t.tag_ == "NNS" and any(
        c.dep_ == "nummod" and _number(c.text) == count for c in t.children)]
    if counted:
        noun = counted[0]
        if noun.dep_ in {"nsubj", "nsubjpass"} and noun.head == root:
            return _subject_category(doc, noun, root)
        verb = noun.head
        while verb.dep_ == "xcomp" and verb.head != verb:  # "The fluid has to cross three layers ..."
            verb = verb.head
        if noun.dep_ == "dobj" and verb == root:
            return _object_category(doc, noun, root)
        return None
    subject = next((c for c in root.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subject is None or subject.pos_ not in {"NOUN", "PROPN"} or doc[subject.left_edge.i].lower_ != "the":
        return None
    if root.lemma_ != "be" or subject.tag_ != "NNS" or any(t.i > root.i and not t.is_punct for t in doc):
        # "The spread into Europe can be learned as a sequence:", "the dry process runs as follows:": the
        # steps of a process, asked one after another (no card of the whole list: the lead-in names no
        # category of them)
        if any(t.lemma_.lower() in _ORDER for t in doc[root.i:]) or re.search(r"\bas follows$", doc.text):
            if not any(c.dep_ in {"amod", "compound", "prep"} for c in subject.children):
                return None  # "The procedure was as follows:": of what?
            phrase, _ = _noun_phrase(doc, subject)
            return "", phrase, ""
        return None
    # "The parts of the tubule, in the order the fluid passes through them, are:"
    if not any(c.dep_ in {"amod", "compound", "prep"} for c in subject.children):
        return None  # "The defaults are:": of what?
    return _subject_category(doc, subject, root)


# Adjectives that rank the members among others of the same kind, and say nothing of what they are of:
# "the main explanations", "the three key reasons". English words.
_RANKING = frozenset({"main", "major", "key", "principal", "chief", "usual", "most", "important", "primary"})


def _of_nothing(doc, count: int) -> bool:
    """The lead-in's category is a noun with nothing but a number and ranking adjectives ("Three reasons
    are usually given:", "The main explanations are:", "The main tests are:"): what the reasons, the
    explanations, the tests are of or for is told only by the heading above the list, and the card's
    "what are the main explanations?" leans on it (set 20). A modifier that says what kind ("the three
    main limiting factors", "four main compounds of cement") or a clause on the noun stands."""
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None:
        return False
    counted = [t for t in doc if t.tag_ == "NNS" and any(c.dep_ == "nummod" and _number(c.text) == count
                                                         for c in t.children)]
    noun = counted[0] if counted else next((c for c in root.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if noun is None or noun.pos_ != "NOUN" or noun.head != root or noun.dep_ not in {"nsubj", "nsubjpass"}:
        return False  # "It has three main terminals": what has them is the subject
    if any(c.dep_ not in {"nsubj", "nsubjpass", "aux", "auxpass", "advmod", "neg", "punct"} for c in root.children):
        return False  # "Five presidents have been elected after losing the popular vote": the lead-in says which
    return all(c.dep_ in {"det", "nummod", "punct"} or c.dep_ == "amod" and c.lower_ in _RANKING and not any(
        True for _ in c.children) for c in noun.children)


def _heading_owner(heading_path: tuple[str, ...]) -> str | None:
    """"Wegener" of the heading "3.2 Wegener's evidence": a capitalised name with a possessive."""
    if not heading_path:
        return None
    found = re.match(r"^[\d.\s]*([A-Z][\w-]+(?:\s+[A-Z][\w-]+)*)['’]s\s+\w+", heading_path[-1].strip())
    return found.group(1) if found else None


def _from_headings(category: str, heading_path: tuple[str, ...]) -> str | None:
    """"the four basic partial schedules of reinforcement" of "the four schedules" (a lead-in that
    names the members by their number and noun alone) under the heading "5.2 The four basic partial
    schedules" in "5. Schedules of reinforcement": the heading names them in full, its parent what
    they are of."""
    number, noun = category.split()[1:]
    if not heading_path:
        return None
    heading = without_section_number(heading_path[-1])
    words = heading.split()
    if not words or words[-1].lower() != noun.lower() or number.lower() not in [w.lower() for w in words]:
        return None
    named = "the " + " ".join(w for w in words if w.lower() != "the")
    named = named[:4] + named[4:5].lower() + named[5:]
    if len(heading_path) > 1:
        parent = without_section_number(heading_path[-2])
        of = re.match(rf"(?i){re.escape(noun)}\s+(of\s+.+)$", parent)
        if of:
            named += " " + of.group(1)
    return named


def _number(text: str) -> int | None:
    return int(text) if text.isdigit() else _NUMBERS.get(text.lower())


def _noun_phrase(doc, noun) -> tuple[str, list[int]]:
    """"the three regions" of "three regions" (a quantifier "All" left out; the noun's own relative
    clause too: "four major protein complexes that work together"); the token indices it takes."""
    kept = [t for t in doc[noun.left_edge.i:noun.i + 1] if t.lower_ not in {"all", "the", "these", "both"}]
    tail = [t for c in noun.children if c.i > noun.i and (c.dep_ == "prep" or c.dep_ == "acl" and not doc[c.left_edge.i - 1].is_punct) for t in c.subtree]
    words = [*kept, *sorted(tail, key=lambda t: t.i)]
    # "Three main proposals ..." at the start of the lead-in: "the three main proposals"
    text = " ".join(t.lower_ if t.i == 0 and t.pos_ != "PROPN" else t.text for t in words)
    text = re.sub(r"\s+([,’'])", r"\1", text).replace(" - ", "-").replace("’ s", "’s").replace(" 's", "'s")
    taken = list(range(noun.left_edge.i, noun.i + 1)) + [t.i for t in tail] + [
        t.i for c in noun.children if c.dep_ in {"relcl", "acl"} for t in c.subtree]
    return f"the {text}", taken


def _rest(doc, taken: list[int]) -> tuple[str, str]:
    """The lead-in's words left once the category is taken: (after, before) it."""
    before = " ".join(t.text_with_ws.strip() if t.is_punct else t.text for t in doc if t.i < min(taken)
                      and t.i not in taken)
    after = "".join(t.text_with_ws for t in doc if t.i > max(taken) and t.i not in taken).strip()
    return re.sub(r"\s+([,.;:])", r"\1", after).strip(" ,"), re.sub(r"\s+([,.;:’])", r"\1", before).strip(" ,")


def _subject_category(doc, noun, root):
    if noun.lemma_.lower() in _ORDER and not any(c.dep_ in {"prep", "relcl", "acl"} for c in noun.children):
        return None  # "The key scientific steps were:": steps of what? (the stem cannot say)
    phrase, taken = _noun_phrase(doc, noun)
    order_words = ""
    # "The parts of the tubule, in the order the fluid passes through them, are:"
    for c in noun.children:
        if c.dep_ == "prep" and c.i > noun.i and any(t.lemma_.lower() == "order" for t in c.subtree) \
                and doc[c.i - 1].is_punct:
            order_words = "".join(t.text_with_ws for t in c.subtree).strip()
            phrase = phrase.replace(f" {order_words}", "").rstrip(",")
            phrase = re.sub(r"\s*,\s*$", "", phrase)
    after, before = _rest(doc, taken)
    after = re.sub(r"^,\s*", "", after)
    if after in {"are", "were"}:
        after = ""
    if before and not re.match(r"^(?:If|When|As|Once|After|Before)\b", before):
        return None  # "Inside are three main structures": nothing the stem can say before them
    clause = " ".join(p for p in [f"that {after}" if after else "", before[:1].lower() + before[1:]] if p)
    category = f"{phrase} {clause}".strip()
    return category, phrase, order_words


def _object_category(doc, noun, root):
    subject = next((c for c in root.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subject is None or subject.pos_ == "PRON" or subject.i > noun.i:
        return None
    phrase, taken = _noun_phrase(doc, noun)
    start = subject.left_edge.i
    words = "".join(t.text_with_ws for t in doc if start <= t.i and t.i not in taken).strip()
    words = re.sub(r"\s+([,.;:])", r"\1", words).strip(" ,")
    first = doc[start]
    if first.pos_ == "DET":
        words = words[:1].lower() + words[1:]
    if doc[:start].text.strip(" ,"):
        return None  # "In more detail, ..." / "For price discrimination to work, ...": left out of the stem
    return f"{phrase} that {words}", phrase, ""


def short_title(title: str, text: str = "") -> str:
    """What a title is about, for "According to the notes on ...": its part before a colon or a comma
    ("Photosynthesis" of "Photosynthesis: Course Notes", "The Black Death" of "The Black Death,
    1346–1353: Plague and ..."), each word small unless the notes' own sentences capitalise it mid-sentence
    more often than they write it small ("Portland cement and concrete" of "PORTLAND CEMENT AND CONCRETE",
    though "the Association of German Cement Manufacturers" writes "Cement" once; "learning theory" of
    "Learning Theory")."""
    short = re.split(r"\s*[:,]\s+|\s+[–—]\s+", title.strip(), maxsplit=1)[0].strip() or title
    words = []
    for piece in short.split():
        # the word without the brackets or quotes around it ("(October 1962)"), which it is written with again
        opening, word, closing = re.fullmatch(r"(\W*)(.*?)(\W*)", piece).groups()
        small = word.lower()
        cased = word[:1] + word[1:].lower() if word.isupper() and len(word) > 1 else word
        if word.isupper() and len(word) > 1 and re.search(rf"[a-z,] {re.escape(word)}\b", text):
            pass  # an acronym the notes write so ("DNA")
        elif small not in _SMALL and _mid_sentence(cased, text) > _mid_sentence(small, text):
            word = cased  # a name the notes capitalise mid-sentence ("the Black Death", "Portland")
        else:
            word = small
        words.append(opening + word + closing)
    return _as_the_notes_name_it(" ".join(words), text)


def _as_the_notes_name_it(short: str, text: str) -> str:
    """A name of several words the notes write mid-sentence in one casing more often than in any other is written
    so: "Cuban Missile Crisis" nine times and never small, though the notes write "missile" small more often than
    not ("missile sites"), so word by word it read "Cuban missile Crisis" (round 55)."""
    name = re.match(r"(?:the |a |an )?([^()]*[^()\s])", short)
    if not name or len(name.group(1).split()) < 2:
        return short
    written = collections.Counter(re.findall(rf"(?<=[a-z,] )(?:the |a |an )?({re.escape(name.group(1))})\b", text,
                                             re.IGNORECASE))
    if not written:
        return short
    (form, count), *rest = written.most_common()
    if count < 2 or (rest and rest[0][1] == count):
        return short
    return short[:name.start(1)] + form + short[name.end(1):]


def _mid_sentence(word: str, text: str) -> int:
    """How often the notes write `word` so after a lower-case letter or comma: a word the notes capitalise
    mid-sentence as a rule is a name ("Portland", "the Black Death"), but one they write small
    far more often is not, though a longer name holds it now and then ("the Association of German Cement
    Manufacturers", "Cement and Concrete SA" beside "the cement" ever after)."""
    return len(re.findall(rf"[a-z,] {re.escape(word)}\b", text))


def _join(names: list[str]) -> str:
    shown = [n[:1].lower() + n[1:] if k and n.split()[0] in {"The", "A", "An"} else n for k, n in enumerate(names)]
    text = shown[0] if len(shown) == 1 else ", ".join(shown[:-1]) + " and " + shown[-1]
    return text[:1].upper() + text[1:]


def named_cards(lists: list[NamedList], setting_of, parse=None) -> list[NamedCard]:
    """"<setting>, what are <the category>?" of every list; of an ordered one also "which of <them>
    comes after “<member>”?" for each member but the last. `setting_of(document)` names the notes."""
    cards = []
    for named in lists:
        where = setting_of(named.document)
        steps = []
        if named.ordered and named.of:
            order = f", {named.order_words}" if named.order_words else " in order"
            for k, (before, after) in enumerate(zip(named.labels, named.labels[1:])):
                if named.category:
                    prompt = f"{where}, which of {named.of} comes after “{before}”{order}?"
                else:
                    prompt = f"{where}, in {named.of}, what comes after “{before}”?"
                if _one_word_apart(before, after):
                    continue  # "the descending limb of the loop of Henle" -> "the ascending limb ...": the stem gives it away
                if _same_year(named.lines[k][1], named.lines[k + 1][1]):
                    continue  # two of one year ("Sweatt v. Painter (1950)", "McLaurin v. ... (1950)"): "after" is only
                    # the list's order, no fact of time (set 21)
                chunk, quote = named.lines[k + 1]
                steps.append(NamedCard(prompt, after[:1].upper() + after[1:], named, True, chunk, quote))
        if named.category:
            # one sequence, one kind of item (round 38: each step card "overlaps" the whole list's): a short
            # sequence is recalled whole, and its steps give each other away (after A, B; after B, C); a
            # longer one is asked a step at a time, a whole card of six or more steps being hard to recall or mark
            whole = not steps or len(named.members) <= MAX_WHOLE_SEQUENCE
            if whole:
                order = f", {named.order_words}" if named.ordered and named.order_words else ""
                cards.append(NamedCard(f"{where}, what {named.tense} {named.category}{order}?", _join(list(named.members)),
                                       named, bool(order), named.chunk, named.quote))
            cards.extend(_which_cards(named, where, parse))
            if whole:
                continue
        cards.extend(steps)
    return cards


def _same_year(one: str, other: str) -> bool:
    """Two lines dated in brackets with the same year: which came first the notes do not say."""
    years = [re.findall(r"\((?:c\.\s*)?(\d{3,4})\b", line) for line in (one, other)]
    return bool(years[0]) and bool(years[1]) and years[0][-1] == years[1][0]


def _one_word_apart(before: str, after: str) -> bool:
    """Two steps named alike but for one word each ("the descending limb of the loop of Henle" and "the
    ascending limb of the loop of Henle"): asking what comes after the one shows the other but for a word a
    student guesses from its opposite (round 38: borderline, "the answer is given away by the prompt")."""
    one, other = before.lower().split(), after.lower().split()
    return len(one) == len(other) >= 3 and sum(a != b for a, b in zip(one, other)) == 1


_DESCRIBED_AS = frozenset({"attr"})


def _which_cards(named: NamedList, where: str, parse) -> list[NamedCard]:
    """"<setting>, which of <the category> is <what one line says of its member>?" with the list's members as
    the options, of a line that describes its member by a noun phrase ("- The cortex – the outer, darker
    layer.", "- Grana: stacks of thylakoids that look like piles of green discs."): one of a kind by
    construction, and the notes tie the description to that member alone. A description that is a clause
    ("the drain, where they leave"), points back or names its own member is not asked."""
    if parse is None or not named.said or len(named.members) < MIN_MEMBERS:
        return []
    frames = [f"It is {d}." if d else "It is." for d in named.said]
    cards = []
    options = tuple(m[:1].upper() + m[1:] for m in named.members)
    for k, (described, doc) in enumerate(zip(named.said, parse(frames))):
        if not described or len(described.split()) < 2 or len(doc) < 4:
            continue
        named_in = [j for j, label in enumerate(named.labels)
                    if re.search(rf"(?<!\w){re.escape(re.sub(r'^(?:the|a|an) ', '', label.lower()))}(?!\w)", described.lower())]
        if named_in:
            continue  # names its own member ("the cortex – the cortex of ...") or another, which gives the answer
            # away among three ("the gate, an electrode placed between the source and the drain")
        root = doc[1]
        if root.dep_ != "ROOT" or root.lemma_ != "be":
            continue
        noun = next((c for c in root.children if c.dep_ in _DESCRIBED_AS and c.pos_ in {"NOUN", "PROPN"}), None)
        if noun is None or noun.left_edge.i != 2 or noun.right_edge.i != len(doc) - 2:
            continue  # not one noun phrase ("where charge carriers enter", "a hormone; it ...")
        if any(t.lower_ in _POINTING or t.pos_ == "PRON" and t.tag_ not in {"WDT", "WP"} for t in doc[2:-1]):
            continue
        if any(t.tag_ in {"CD"} for t in doc[2:-1]) and not any(t.is_alpha for t in doc[2:-1]):
            continue
        plural = noun.tag_ in {"NNS", "NNPS"}
        verb = {("are", False): "is", ("are", True): "are", ("were", False): "was", ("were", True): "were"}[
            (named.tense, plural)]
        chunk, quote = named.lines[k]
        cards.append(NamedCard(f"{where}, which of {named.category} {verb} {described}?", options[k], named, False,
                               chunk, quote, options))
    return cards

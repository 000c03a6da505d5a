"""What a sentence can be asked about (its keys) and wrong options of the same kind for each.

A key is a span of the sentence a student is shown: a name (person, place, organisation, group of
people), a year, a number with its unit, a defined term, a cause or effect phrase, or a list. Each
finder reads spaCy's parse of that one sentence; the wrong options come from the rest of the notes
(names of the same kind, terms of the same grammatical number, phrases after the same connective,
members of other lists), so every option reads like the answer and only the notes tell them apart.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from dataclasses import dataclass

from bot.core.quiz.gen_genus import classifies
from bot.core.quiz.gen_places import PlaceLevels
from bot.core.quiz.gen_context import NameContexts, role_words
from bot.core.tokens import fold
from bot.core.loaders.headings import without_section_number
from bot.core.quiz.gen_lexicon import (CAUSE, DEFINITION, ENUMERATION, GROUP, LABEL_KIND, NUMBER, ORGANISATION, PERSON,
                                       PLACE, TERM,
                                       NotesLexicon, entity_text, governing_verbs, is_noun_use, name_shape_ok, term_of,
                                       tests_of, words_of)

MAX_NAME_OCCURRENCES = 20  # a name the notes repeat everywhere is their subject, not a question
MIN_NAME_OCCURRENCES = 2
_HONORIFICS = frozenset({"Mr", "Mrs", "Ms", "Miss", "Dr", "Sir", "Dame", "Lord", "Lady"})
MIN_LIKENESS = 0.03  # a wrong option's sentences share at least this much with the answer's (cosine)
MIN_PLACE_LIKENESS = 0.08  # ...and a place the notes never list beside the answer's list-mates, this much


@dataclass(frozen=True)
class Key:
    text: str  # exactly as in the sentence shown
    start: int
    end: int
    tests: str  # PERSON, PLACE, ..., DEFINITION, CAUSE, ENUMERATION
    form: str = ""  # what wrong options must share: "sg"/"pl" for terms, the connective for causes
    members: tuple[str, ...] = ()  # the listed items, for an enumeration
    attribute: str = ""  # a definition's class noun ("engines" in "X are external ... engines")
    after_the: bool = False  # a name written after "the" ("the United Kingdom")
    verbs: frozenset[str] = frozenset()  # the verbs a name hangs on in its sentence
    roles: frozenset[str] = frozenset()  # the role the sentence gives a name ("architect", "Governor")


# --- names ------------------------------------------------------------------------------------


def name_keys(doc, lexicon: NotesLexicon, heading: str) -> list[Key]:
    keys = []
    for ent in doc.ents:
        kind = LABEL_KIND.get(ent.label_)
        text = entity_text(ent)
        if not kind or not text or not name_shape_ok(text, kind) or not lexicon.trusted(text, kind):
            continue
        if not is_noun_use(ent):
            continue
        if lexicon.name_occurrences(text) > MAX_NAME_OCCURRENCES:
            continue
        if any(part in heading for part in text.split() if len(part) > 3):
            continue  # the heading above the question gives it away
        start = doc.text.index(text, ent.start_char)
        end = start + len(text)
        if doc.text[start - 1:start] == "-" or doc.text[end:end + 1] == "-":
            continue  # part of a hyphenated name ("Aix-la-Chapelle")
        if re.match(r"['’]s [A-Z]", doc.text[end:end + 4]):
            continue  # part of a longer name ("King William's War")
        if kind in (PLACE, "region") and PERSON in lexicon.name_parts.get(text, ()):
            continue  # "Washington" of "George Washington": place or person, the notes do not say
        if kind != PERSON and lexicon.mostly_in_longer_names(text):
            continue  # "Loos" of "Van Gend en Loos", "Amsterdam" of "Treaty of Amsterdam"
        if text.split()[0].rstrip(".") in _HONORIFICS:
            continue  # "Ms Kücükdeveci": the title tells a claimant from the judges and commissioners
        if lexicon.name_occurrences(text) < MIN_NAME_OCCURRENCES:
            continue  # a name the notes mention once is a detail, not what the course teaches
        after_the = doc.text[:start].lower().endswith("the ")
        if after_the:  # the blank takes the article: "_____" for "the United States" or "Japan"
            start, text = start - 4, doc.text[start - 4:end]
        keys.append(Key(text, start, end, tests_of(kind), form=kind, after_the=after_the,
                        verbs=frozenset(governing_verbs(ent)), roles=frozenset(role_words(ent))))
    return keys


def name_distractors(key: Key, lexicon: NotesLexicon, visible: str, contexts: NameContexts,
                     count: int = 3, levels: PlaceLevels | None = None) -> list[str]:
    """Other trusted names of the key's kind: none in the visible text, none sharing a word with the
    key, none contained in another, one word for a one-word key and more for a longer one; when the
    sentence gives the key a role, only names the notes give that role; the names whose sentences
    are most like the key's first (see gen_context)."""
    bare = key.text[4:] if key.after_the else key.text
    kin = lexicon.kin(bare)
    key_words = words_of(bare)
    visible_folded = fold(visible)
    single = len(bare.split()) == 1
    pool = []
    for name in lexicon.names_of(key.form):
        if name == bare or (len(name.split()) == 1) != single:
            continue
        if words_of(name) & key_words or fold(name) in visible_folded:
            continue
        if any(fold(p) in visible_folded.split() for p in name.split() if len(p) > 3):
            continue
        if lexicon.name_occurrences(name) > MAX_NAME_OCCURRENCES * 2:
            continue
        if key.verbs & lexicon.verbs_with.get(name, set()):
            continue  # the notes say the same kind of thing of this name too
        if key.roles and not contexts.has_role(name, set(key.roles)):
            continue  # "Spanish architect _____": only other architects
        if key.form == PERSON and not contexts.same_part(bare, name):
            continue  # the only British general among French ones gives the answer away (gen_context)
        if key.form == PERSON and lexicon.label_votes[name][PERSON] < 2 and not contexts.roles.get(name):
            continue  # a "person" seen once with no role: too often a mislabelled place or title
        if key.form in (PLACE, GROUP) and lexicon.label_votes[name][key.form] < 2:
            continue  # a "place" seen once is as often a ship, a title or part of a longer name
        if key.form in (PLACE, "region") and PERSON in lexicon.name_parts.get(name, ()):
            continue  # "Washington", "Loudoun": also part of a person's name
        if key.form != PERSON and lexicon.mostly_in_longer_names(name):
            continue  # "Amsterdam" of "Treaty of Amsterdam": a piece of a name
        if key.form not in (PERSON, PLACE, "region") and name not in kin:
            continue  # groups, organisations: only those the notes list beside the answer or its list-mates
        if key.form in (PLACE, "region") and levels is not None and not levels.fits_among(bare, name):
            continue  # a city among countries, or a place inside the answer (gen_places)
        if key.form in (PLACE, "region") and name not in kin and contexts.similarity(bare, name) < MIN_PLACE_LIKENESS:
            continue  # a place not listed beside the answer must at least be spoken of alike
        if key.form == PERSON and lexicon.inside_longer_name(name, PERSON):
            continue  # "William Henry" of "Fort William Henry"
        if _variants(name, bare) or any(_variants(name, other) for _, other in pool):
            continue  # "Protestants" and "Protestantism": one answer in two spellings
        if key.form == GROUP and (name.endswith("s") != bare.endswith("s") or lexicon.takes_the(name) != key.after_the):
            continue  # "Catholics" against "Dutch", "the British" against "Arab": the form tells them apart
        if key.form == ORGANISATION and name.split()[-1] != bare.split()[-1]:
            continue  # "Commission" against "Commission", never a "Bureau" against a "Solicitor General"
        likeness = contexts.similarity(bare, name) + (1.0 if name in kin else 0.0)  # list-mates first
        if likeness >= MIN_LIKENESS:
            pool.append((likeness, name))
    listed = [p for p in pool if p[1] in kin]
    if key.form != PERSON and len(listed) >= 2:
        pool = listed  # list-mates of the answer's list-mates: a country among countries, never a city
    elif key.form in (PLACE, "region") and kin:
        return []  # the notes list the answer among its own kind, but too few of those are left to offer
    return as_written(key, [name for _, name in sorted(pool, key=lambda p: (-p[0], p[1]))[:count]], lexicon)


def as_written(key: Key, names: list[str], lexicon: NotesLexicon) -> list[str]:
    """Names to put in the key's place: "the" goes with a name as the notes write each one ("the United
    States", "Japan"), capitalised where the key's "The" was."""
    article = key.text[:4]
    return [f"{article}{name}" if key.after_the and lexicon.takes_the(name) else
            (name[:1].upper() + name[1:] if key.after_the and article[0].isupper() else name) for name in names]


def _variants(a: str, b: str) -> bool:
    """Two spellings of one word or name ("Protestant", "Protestantism")."""
    a, b = fold(a), fold(b)
    return len(a) >= 6 and len(b) >= 6 and a[:6] == b[:6]


# --- numbers with a unit ------------------------------------------------------------------------

_NUMBER = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")


def number_keys(doc) -> list[Key]:
    keys = []
    for ent in doc.ents:
        if ent.label_ not in {"QUANTITY", "PERCENT", "MONEY"} or not _NUMBER.search(ent.text):
            continue
        if len(_NUMBER.findall(ent.text)) != 1:
            continue
        keys.append(Key(ent.text, ent.start_char, ent.end_char, NUMBER, form=ent.label_))
    return keys


def describes_subject(doc, start: int, end: int) -> bool:
    """The figure at [start, end) modifies the noun the sentence is about, and the sentence claims
    something else of it: "Harvard's $37.6 billion financial endowment is the largest of any academic
    institution". Made false by the figure alone, the statement's claim ("the largest") stays true, so
    a student who knows it is trapped (round 9: dropped; rounds 5-9a: borderline six times, a figure
    that changes with time). A figure that is the subject ("over 90% of households were
    collectivised") or in the predicate ("alter income tax by up to 3 pence") is the claim."""
    tokens = [t for t in doc if start <= t.idx < end]
    inside = {t.i for t in tokens}
    root = next((t for t in tokens if t.head.i not in inside or t.head.i == t.i), None)
    if root is None or root.dep_ in {"nsubj", "nsubjpass"}:
        return False
    token = root
    while token.head.i != token.i:
        token = token.head
        if token.dep_ in {"nsubj", "nsubjpass"}:
            return True
        if token.pos_ in {"VERB", "AUX"}:
            return False
    return False


# A false figure: far enough that no estimate makes it right, near enough not to be absurd on its face
# ("$376.0 billion" for a $37.6 billion endowment; rounds 2-6 spotted "exactly double").
NUMBER_FACTORS = (0.6, 1.5, 1.8)


def number_distractors(key: Key, visible: str, rng: random.Random, count: int = 3) -> list[str]:
    """The key's value moved so far that no rounding or estimate makes it right: a percentage by 15-35
    points (kept within 1-99; a whole or none, 100% or 0%, is not moved), any other value by NUMBER_FACTORS."""
    match = _NUMBER.search(key.text)
    raw = match.group()
    value = float(raw.replace(",", ""))
    decimals = len(raw.split(".")[1]) if "." in raw else 0
    if key.form == "PERCENT" or key.text.rstrip().endswith("%"):
        if value in (0, 100):
            return []  # a whole or none: "Remain 100% Free" made "85%" is absurd beside "entirely free" (round 16)
        candidates = [value + d for d in (-35, -25, -15, 15, 25, 35) if 1 <= value + d <= 99]
    else:
        candidates = [value * f for f in NUMBER_FACTORS]
    seen, options = {value}, []
    for v in candidates:
        v = round(v, decimals)
        if v in seen or v <= 0 or (decimals == 0 and v != int(v)):
            continue
        seen.add(v)
        text = f"{v:,.{decimals}f}" if "," in raw or v >= 10_000 else f"{v:.{decimals}f}"
        option = key.text[:match.start()] + text + key.text[match.end():]
        if option not in visible:
            options.append(option)
    return _pick(options, rng, count)


# --- definitions --------------------------------------------------------------------------------

_NAMING_VERBS = {"call", "know", "term", "name", "refer", "dub", "define"}


def definition_key(doc, lexicon: NotesLexicon) -> Key | None:
    """The term a sentence defines: the subject of "X is/are a ... Y" when the sentence opens with it,
    or the name after "is called / known as / termed"."""
    for token in doc:
        if token.lemma_ in _NAMING_VERBS and token.tag_ == "VBN":
            target = next((c for c in token.children if c.dep_ in {"oprd", "attr"}), None)
            if target is None:
                prep = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "as"), None)
                target = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep else None
            chunk = _chunk_of(doc, target)
            if chunk is not None and term_of(chunk):
                text, _, number = term_of(chunk)
                start = doc.text.index(text, chunk.start_char)
                return Key(text, start, start + len(text), DEFINITION, form=number)
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None or root.lemma_ != "be":
        return None
    subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
    attribute = next((c for c in root.children if c.dep_ == "attr" and c.pos_ == "NOUN"), None)
    chunk = _chunk_of(doc, subject)
    if chunk is None or attribute is None or chunk.start != 0 or not term_of(chunk):
        return None
    if any(c.i > subject.i and c.dep_ != "punct" and not bracketed_aside(c) for c in subject.children):
        return None  # "The final evolution of the design was ...": a subject with a tail is no term
    if any(bracketed_aside(c) for c in subject.children) and not classifies(doc):
        # "The mermaid (syrenka) is Warsaw's symbol": no class said, so the description is what is asked
        # ("What is Warsaw's symbol?", gen_questions.identity_question), not the term (kept in ten rounds).
        return None
    text, key, number = term_of(chunk)
    if key not in lexicon.compound_terms and lexicon.term_counts[key] < 2:
        return None  # "An attractive feature", "Typical speeds": a phrase, not a term the notes teach
    lexicon.defined[key].add(attribute.lemma_.lower())
    start = doc.text.index(text, chunk.start_char)
    return Key(text, start, start + len(text), DEFINITION, form=number, attribute=attribute.lemma_.lower())


def bracketed_aside(token) -> bool:
    """`token` heads an apposition in brackets right after its head: "SELinux (Security Enhanced Linux)
    is a ...", "The MCS level (Multi-Category Security) is a ...". Technical notes spell out a name or
    give its short form there; it names the same thing again, so the subject before it is still the term
    the sentence defines (an "of ..." or a relative clause after the subject is a tail: no term)."""
    doc = token.doc
    head = token.head
    # The parse hangs the brackets on the apposition or on its head: look at the words around it.
    opening, closing = token.left_edge.i, token.right_edge.i
    if doc[opening].text != "(":
        opening -= 1
    if doc[closing].text != ")":
        closing += 1
    return (token.dep_ == "appos" and token.i > head.i and opening == head.i + 1 and closing < len(doc)
            and doc[opening].text == "(" and doc[closing].text == ")"
            and not any(t.text in "()" for t in doc[opening + 1:closing]))


def lone_noun_definition(doc, lexicon: NotesLexicon) -> Key | None:
    """The term of "A flamewar is an exceedingly impassioned debate, which ...", "Locales are a feature
    of the C library intended to help ...": one noun alone as the subject, classed by the sentence
    ("is a/an <noun>", "are <plural noun>", gen_genus.classifies). `definition_key` asks a term to be
    met twice, so that "An attractive feature" or "Typical speeds" (a judgement on a noun, met once)
    is no term; a noun with no word before it is no such judgement, and a note that defines a word
    once is introducing it (RESULTS 8.40: technical notes define a word where they first use it)."""
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None or root.lemma_ != "be" or not classifies(doc):
        return None
    subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
    chunk = _chunk_of(doc, subject)
    if chunk is None or chunk.start != 0 or subject.i > root.i:
        return None
    # "A named pipe", "A brood frame": one modifier that names a kind of the noun (a participle or a noun
    # before it), not a judgement on it (an adjective: "Typical speeds", "An attractive feature").
    modifiers = [c for c in subject.children if c.dep_ not in {"det", "punct"}]
    kind_of_noun = len(modifiers) == 1 and modifiers[0].i == subject.i - 1 and (
        modifiers[0].dep_ == "compound" and modifiers[0].pos_ == "NOUN"
        or modifiers[0].dep_ == "amod" and modifiers[0].tag_ == "VBN")
    if subject.pos_ != "NOUN" or modifiers and not kind_of_noun:
        return None  # "Typical speeds", "The final evolution of the design": a phrase, not a word defined
    if term_of(chunk) is None and 3 <= len(subject.text) < 5 and subject.is_alpha and subject.text.islower() \
            and not subject.ent_type_:
        # "A set is an unordered collection with no duplicate elements": term_of's five-letter floor
        # (a one-word term must be longer) keeps out pronouns and stray words from its term pools, but
        # a short noun the sentence classes is the word it defines ("set", "heap", "pipe").
        text, number = subject.text, "pl" if subject.tag_ == "NNS" else "sg"
    else:
        if not term_of(chunk):
            return None
        text, key, number = term_of(chunk)
        if len(text.split()) != 1 + len(modifiers):
            return None
        if key in lexicon.compound_terms or lexicon.term_counts[key] >= 2:
            return None  # definition_key's own
    attribute = next(c for c in root.children if c.dep_ == "attr")
    start = doc.text.index(text, chunk.start_char)
    return Key(text, start, start + len(text), DEFINITION, form=number, attribute=attribute.lemma_.lower())


def heading_terms(heading: str) -> set[str]:
    """What a section heading names, folded, without an article: the whole heading after its number
    ("7.4 Hybridisation"), its words before a colon, a phrase in brackets and the heading without it
    ("5. Stage 2: the Calvin cycle (light-independent reactions)" -> "light-independent reactions")."""
    heading = without_section_number(heading)
    found = {heading, re.sub(r"\s*\([^()]*\)", "", heading).strip()}
    before = re.match(r"^([^:()]+):", heading)
    if before:
        found.add(before.group(1).strip())
        # and its words after the colon, what the section comes to ("How monopolies arise: barriers to entry")
        found.add(re.sub(r"\s*\([^()]*\)", "", heading[before.end():]).strip())
    found.update(b.strip() for b in re.findall(r"\(([^()]+)\)", heading))
    return {re.sub(r"^(?:the|a|an)\s+", "", fold(f)) for f in found if f}


def headed_definition_key(doc, heading: str) -> Key | None:
    """The term of "Hybridisation is the mixing of atomic orbitals ..." under the heading "7.4 Hybridisation":
    the subject of a present "X is/are <noun> ..." that opens the sentence and is what the section's own
    heading names. `definition_key` asks a term to be met twice in the notes (so that "An attractive
    feature" is no term), or spelled as one its term reader knows ("The light-independent reactions");
    a section headed by the term and saying what it is teaches it, however often the prose repeats it."""
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None or root.lemma_ != "be" or root.tag_ not in {"VBZ", "VBP"} \
            or any(c.dep_ in {"neg", "aux"} for c in root.children):
        return None  # "was": a past state told, not what the term is; "is not", "may be": no definition
    subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
    attribute = next((c for c in root.children if c.dep_ == "attr" and c.pos_ == "NOUN"), None)
    if subject is None or attribute is None or subject.i > root.i or subject.left_edge.i != 0 \
            or attribute.i < root.i:
        return None
    terms = heading_terms(heading)
    last = subject.i
    if any(c.i > subject.i and c.dep_ != "punct" and not bracketed_aside(c) for c in subject.children) \
            or subject.i + 1 != root.i and not any(bracketed_aside(c) for c in subject.children):
        # "The final evolution of the design is ...": a subject with a tail is no term, unless the heading
        # names the whole phrase ("Barriers to entry are ..." under "How monopolies arise: barriers to entry")
        whole = doc[0:root.i]
        if subject.right_edge.i + 1 != root.i or any(t.is_punct for t in whole) \
                or re.sub(r"^(?:the|a|an)\s+", "", fold(whole.text)) not in terms:
            return None
        last = root.i - 1
    span = doc[0:last + 1]
    words = [t for t in span if not (t.i == 0 and t.lower_ in {"a", "an", "the"})]
    if not words or any(t.pos_ == "PRON" or t.is_punct and t.text != "-" for t in words):
        return None
    text = doc[words[0].i:last + 1].text
    if re.sub(r"^(?:the|a|an)\s+", "", fold(text)) not in terms:
        return None
    start = words[0].idx
    number = "pl" if subject.tag_ in {"NNS", "NNPS"} else "sg"
    return Key(text, start, start + len(text), DEFINITION, form=number, attribute=attribute.lemma_.lower())


def term_distractors(key: Key, lexicon: NotesLexicon, visible: str, rng: random.Random,
                     count: int = 3) -> list[str]:
    """Terms of the notes of the key's kind: built on the same noun ("Carnot cycle" against "Rankine
    cycle") or defined by the notes with the same class noun ("X is a network"), in the key's
    grammatical number, not in the visible text, neither part of the other. Nothing else: a term of
    another kind ("water company" against "European Union law") makes the answer stand out."""
    key_lemmas = _lemmas(key.text, lexicon)
    key_head = key_lemmas[-1] if key_lemmas else ""
    visible_folded = fold(visible)
    pool = []
    for lemma_key, (text, number) in lexicon.terms.items():
        lemmas = lemma_key.split()
        if number != key.form or not lemmas or set(lemmas) <= set(key_lemmas) or set(key_lemmas) <= set(lemmas):
            continue
        if fold(text) in visible_folded or abs(len(text.split()) - len(key.text.split())) > 2:
            continue
        if is_alias(text, key.text):
            continue
        same_head = lemmas[-1] == key_head and len(lemmas) > 1 and len(key_lemmas) > 1
        same_class = bool(key.attribute) and key.attribute in lexicon.defined.get(lemma_key, ())
        if (same_head or same_class) and (lexicon.term_counts[lemma_key] >= 2 or lemma_key in lexicon.defined):
            pool.append(text)
    return _pick(sorted(pool), rng, count)


def is_alias(a: str, b: str) -> bool:
    """One spells the other with an abbreviation: "EU law" and "European Union law"."""
    for short, long in ((a, b), (b, a)):
        for word in short.split():
            if len(word) > 1 and word.isupper():
                capitals = [w for w in long.split() if w[:1].isupper()]
                for i in range(len(capitals) - len(word) + 1):
                    if "".join(w[0] for w in capitals[i:i + len(word)]) == word:
                        return True
    return False


def _lemmas(text: str, lexicon: NotesLexicon) -> list[str]:
    for lemma_key, (term_text, _) in lexicon.terms.items():
        if term_text == text:
            return lemma_key.split()
    return [fold(w).rstrip("s") for w in text.split()]


def _chunk_of(doc, token):
    if token is None:
        return None
    return next((c for c in doc.noun_chunks if c.start <= token.i < c.end), None)


# --- causes and effects -------------------------------------------------------------------------

# Connectives grouped by what follows them: wrong options come from after the same kind of connective.
_CAUSE_MARKERS = {
    "because": r"because(?! of)",
    "reason": r"because of|due to|owing to|as a result of|thanks to|on account of",
    "effect": r"led to|leading to|resulted in|resulting in|contributed to|gave rise to",
    "purpose": r"so that|in order to",
}
_CAUSE = re.compile("|".join(f"(?P<{name}>\\b(?:{pattern})\\b)" for name, pattern in _CAUSE_MARKERS.items()),
                    re.IGNORECASE)
# A phrase runs to the end of its clause; "and" does not end it ("the yin-yang and wuxing philosophy").
_PHRASE_END = re.compile(r"[,;:.!?(]|\s(?:but|while|whereas|which|who)\s|$")


def cause_key(text: str) -> Key | None:
    """The phrase after a causal connective, up to the end of its clause: what a student must recall
    ("... never succeeded outside the stationary market due to _____")."""
    match = _CAUSE.search(text)
    if not match or len(text[:match.start()].split()) < 4:
        return None
    start = match.end() + 1
    if text[match.end():match.end() + 1] != " ":
        return None  # "because, as the article says, ...": the clause is interrupted
    end_match = _PHRASE_END.search(text, start)
    if text[end_match.start():end_match.start() + 1] == "(":
        return None  # the phrase goes on inside brackets: cut there it would be a fragment
    phrase = text[start:end_match.start()].strip()
    if not 2 <= len(phrase.split()) <= 14 or re.search(r"\b(this|that|these|those|it|them|they)\b", phrase):
        return None
    if re.search(r"[‘’“”\"']", phrase):
        return None  # a quotation cut in the middle
    begin = text.index(phrase, start)
    return Key(phrase, begin, begin + len(phrase), CAUSE, form=match.lastgroup)


def cause_distractors(key: Key, lexicon: NotesLexicon, visible: str, rng: random.Random,
                      count: int = 3) -> list[str]:
    length = len(key.text.split())
    key_words = words_of(key.text)
    pool = []
    for phrase in lexicon.cause_phrases.get(key.form, []):
        words = words_of(phrase)
        if phrase == key.text or phrase in visible or not length / 2 <= len(phrase.split()) <= length * 2 + 1:
            continue
        if len(words & key_words) > len(words | key_words) / 3:
            continue  # too close to the answer to be plainly wrong
        pool.append(phrase)
    return _pick(sorted(set(pool)), rng, count)


# Verbs that say one thing brought about another: "Poor weather ... worsened crop failures".
_CAUSAL_VERBS = frozenset("""cause lead create worsen encourage cripple produce trigger prompt force enable
    allow prevent reduce increase improve drive spark provoke undermine weaken strengthen boost stifle fuel
    result contribute hinder damage destroy limit accelerate slow threaten ensure expose deepen halt
    disrupt spur inspire""".split())


def causal_subject_key(doc) -> Key | None:
    """What brought something about, when the sentence opens with it: "_____ worsened crop
    failures." The wrong options are the openers of the notes' other causal sentences."""
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None or root.lemma_ not in _CAUSAL_VERBS or root.pos_ != "VERB":
        return None
    if not any(c.dep_ in {"dobj", "prep", "ccomp", "xcomp"} and c.i > root.i for c in root.children):
        return None
    subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
    if subject is None:
        return None
    span = doc[min(t.i for t in subject.subtree):max(t.i for t in subject.subtree) + 1]
    if span.start != 0 or not 1 <= len(span) <= 9 or subject.pos_ not in {"NOUN", "PROPN"}:
        return None
    if span[0].lower_ in {"this", "these", "that", "those", "such", "its", "their", "his", "her"}:
        return None
    if len(span) == 2 and span[0].lower_ == "the":
        return None  # "The tragedy ...": a bare noun pointing back
    if any(t.pos_ in {"PRON", "NUM"} or t.ent_type_ in {"PERSON", "DATE", "CARDINAL"} for t in span):
        return None
    if not all(re.fullmatch(r"[A-Za-z’'-]+", t.text) for t in span):
        return None
    number = "pl" if subject.tag_ in {"NNS", "NNPS"} or any(t.dep_ == "conj" for t in span) else "sg"
    return Key(span.text, span.start_char, span.end_char, CAUSE, form=f"subject-{number}")


# --- enumerations -------------------------------------------------------------------------------


def enumeration_key(doc) -> Key | None:
    """A list of three or more items of one kind ("solar power, nuclear power or geothermal
    energy"): the span from the first item to the last, and the items themselves."""
    for head in doc:
        if head.dep_ == "conj":
            continue
        chain, current = [head], head
        while True:
            nxt = next((c for c in current.children if c.dep_ == "conj"), None)
            if nxt is None:
                break
            chain.append(nxt)
            current = nxt
        if len(chain) < 3:
            continue
        members = [_member(doc, t) for t in chain]
        if any(m is None for m in members):
            continue
        kinds = {m[1] for m in members}
        texts = [m[0] for m in members]
        if len(kinds) != 1 or len({fold(t) for t in texts}) != len(texts):
            continue
        start = doc.text.index(texts[0], members[0][2])
        end = doc.text.index(texts[-1], members[-1][2]) + len(texts[-1])
        return Key(doc.text[start:end], start, end, ENUMERATION, form=kinds.pop(), members=tuple(texts))
    return None


def _member(doc, token) -> tuple[str, str, int] | None:
    """(text, kind, offset) of one list item: a name of a trusted kind or a short term."""
    if token.ent_type_:
        ent = next((e for e in doc.ents if e.start <= token.i < e.end), None)
        kind = LABEL_KIND.get(ent.label_) if ent is not None else None
        text = entity_text(ent) if ent is not None else ""
        if kind and kind != TERM and text and name_shape_ok(text, kind):
            return text, kind, ent.start_char
        return None
    chunk = _chunk_of(doc, token)
    if chunk is None or chunk.root != token:
        return None
    term = term_of(chunk)
    if not term or len(term[0].split()) > 3:
        return None
    # The item goes on past its noun chunk ("sharing of planning models"): take the whole phrase.
    tail = [t for c in token.children if c.i > token.i and c.dep_ not in {"conj", "cc", "punct", "appos"}
            for t in c.subtree]
    if tail:
        end = max(t.i for t in tail) + 1
        span = doc[chunk.start:end]
        if len(span) > 6 or any(t.dep_ in {"conj", "cc"} and t.head.i != token.i for t in span):
            return None
        text = doc.text[doc.text.index(term[0], chunk.start_char):span.end_char]
        return text, TERM, chunk.start_char
    return term[0], TERM, chunk.start_char


def enumeration_distractor(key: Key, lexicon: NotesLexicon, visible: str, rng: random.Random,
                           contexts: NameContexts, sentences: list[str],
                           avoid: Callable[[str], bool] | None = None) -> str | None:
    """One thing of the same kind that the list does not hold: for a list of names, the name of the
    notes whose sentences are most like the members'; for a list of terms, a term of the notes built
    on the same noun as a member ("wind power" among "solar power, nuclear power"). Never anything
    in the visible text, and never one the notes mention in a sentence with a member (it may belong
    to the same list elsewhere: "public security" among values the Treaties put before trade), nor
    one `avoid` says the notes may give as a member (found under a heading that names the list's kind)."""
    visible_folded = fold(visible)
    member_words = set().union(*(words_of(m) for m in key.members))

    def fits(candidate: str) -> bool:
        if fold(candidate) in visible_folded or words_of(candidate) <= member_words:
            return False
        if candidate[:1].isupper() != key.members[0][:1].isupper():
            return False
        if avoid is not None and avoid(candidate):
            return False
        if any(candidate in line and any(m in line for m in key.members) for line in sentences):
            return False
        # "Supplementary sources ... include case law" against "primary, secondary and supplementary
        # law": a sentence with a member's own modifier may list the candidate as one (round 6).
        return not any(candidate in line and any(re.search(rf"\b{re.escape(w)}\b", line, re.IGNORECASE)
                                                 for w in modifiers) for line in sentences)

    modifiers = {w for m in key.members if len(m.split()) > 1 for w in m.split()[:-1]
                 if len(w) > 3 and w.lower() not in {"with", "from", "that", "this", "their"}}

    if key.form in LABEL_KIND.values():
        kin = set().union(*(lexicon.kin(m) for m in key.members))  # listed beside the members elsewhere
        pool = [n for n in lexicon.names_of(key.form) if fits(n) and lexicon.names_count(n) >= 2 and n in kin]
        scored = sorted(((sum(contexts.similarity(m, n) for m in key.members), n) for n in pool), reverse=True)
        scored = [(v, n) for v, n in scored if v / len(key.members) >= MIN_LIKENESS]
        return scored[0][1] if scored else None
    heads = {m.split()[-1].lower().rstrip("s") for m in key.members if len(m.split()) > 1}
    candidates = {m for m in lexicon.list_members.get(key.form, ())}
    candidates |= {text for k, (text, _) in lexicon.terms.items() if lexicon.term_counts[k] >= 2}
    close = sorted(m for m in candidates if len(m.split()) > 1 and m.split()[-1].lower().rstrip("s") in heads
                   and fits(m))
    return rng.choice(close) if close else None


def _pick(pool: list[str], rng: random.Random, count: int) -> list[str]:
    if count <= 0 or not pool:
        return []
    unique = list(dict.fromkeys(pool))
    return rng.sample(unique, min(count, len(unique)))

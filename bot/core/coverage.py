"""Does the vocabulary of the notes cover a question at all?

A small embedding model gives "When did Mao die?" and "When was the Great Leap Forward?" similar
scores, so similarity alone cannot tell covered questions from near-topic ones. Words can: a name,
title or year in the question that never occurs in the notes means the notes cannot answer it
("the Long March", "the Titanic", "1970"), unless it is another name of something they do name
(mined from the notes, or in the teacher's list: see `abbreviations`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from bot.core.lexical import LexicalIndex
from bot.core.spelling import NotesVocabulary, english_derivation  # noqa: F401 - read from here too
from bot.core.tokens import NUMBER_WORDS, STOPWORDS, fold, same_family, tokenize, word_stems, words

# Forms of address that precede names ("Chairman Mao") and say nothing about coverage.
TITLES = frozenset(
    """chairman president premier minister general marshal comrade mr mrs ms dr professor prof
    king queen emperor empress prince princess sir lord lady saint st chancellor secretary""".split()
)

# A small number is written in figures or in words, the question one way and the notes the other
# ("What 3 things does the work key on?" / "The work focuses on three key ideas").
_SMALL_NUMBERS: dict[str, frozenset[str]] = {}
for _figure, _word in enumerate(NUMBER_WORDS, 1):
    _SMALL_NUMBERS[str(_figure)] = frozenset(tokenize(_word))
    _SMALL_NUMBERS.update((stem, frozenset({str(_figure)})) for stem in tokenize(_word))


def number_forms(stem: str) -> frozenset[str]:
    """The other ways the notes may write the number a question writes as `stem`: a small number in
    words or in figures ("3" / "three"), a decade with or without its "s" ("in the late 1950's",
    "between 1980 and 1990" / "the 1950s", "the 1980s")."""
    if re.fullmatch(r"\d{3}0", stem):
        return frozenset({stem + "s"})
    if re.fullmatch(r"\d{3}0s", stem):
        return frozenset({stem[:-1]})
    return _SMALL_NUMBERS.get(stem, frozenset())


_CAPITALISED_RUN = re.compile(r"(?<![\w'’])(?:[A-Z][\w'’\-]*\.?)(?:\s+(?:of|the|and|de|von|van|du|la)?\s*[A-Z][\w'’\-]*)*")
_NUMBER = re.compile(r"\b\d[\d,.]*\b")
_FIRST_PERSON = re.compile(r"I['’](?:m|ve|d|ll)")


@dataclass(frozen=True)
class CoverageReport:
    unknown_terms: tuple[str, ...]  # names or numbers of the question that the notes never use
    known_share: float  # share of the question's content words that occur in the notes

    @property
    def covered(self) -> bool:
        return not self.unknown_terms and self.known_share > 0


def named_terms(question: str) -> list[str]:
    """Capitalised runs and numbers of a question, except its first word and forms of address."""
    terms = []
    for match in _CAPITALISED_RUN.finditer(question):
        # "How do I skip files I've already downloaded?": the pronoun "I" contracted ("I've", "I'm") is
        # capitalised by English, not by being a name (ans29 declined "the notes never mention I've";
        # "I" alone has no stem and was never read as one).
        words = [w for w in re.split(r"\s+", match.group().strip(" .")) if fold(w).strip("'") not in TITLES
                 and not _FIRST_PERSON.fullmatch(w)]
        if match.start() == _first_word_start(question) and words and (
                fold(words[0]) in _QUESTION_OPENERS | STOPWORDS or _OPENING_ADVERB.fullmatch(words[0])
                or _ADVERB_BEFORE_QUESTION_WORD.match(question, match.start())):
            words = words[1:]
        if words:
            terms.append(" ".join(words))
    terms += [_year_in_full(question, m) for m in _NUMBER.finditer(question)]
    return terms


# A year, then years after it written by their last two figures: "1914-18", "in 1755, 56, 57" (a
# list of two at least: "in 1755, 56 men died" counts men).
_YEAR_RUN = re.compile(r"\b(\d\d)\d\d(?:\s*[/\u2013-]\s*\d\d\b|(?:(?:\s*,\s*|\s+and\s+|\s*,\s*and\s+)\d\d\b){2,})")


def _year_in_full(question: str, number: re.Match) -> str:
    """A number as the notes would write it: two figures following a year in a run of years are
    that year's century's ("Why did British operations fail in 1755, 56, 57?": 1757, which notes
    write in full, not 57)."""
    text = number.group().rstrip(".,")
    if len(text) == 2:
        for run in _YEAR_RUN.finditer(question):
            if run.start() < number.start() and number.end() <= run.end():
                return run.group(1) + text
    return text


def _run_known_as_written(question: str, year: str, lexical: LexicalIndex) -> bool:
    """A year the question writes by its last two figures after another year ("his 1740-44 voyage")
    is known when the notes write the run the same way ("in 1740–44"): the first year and the two
    figures both (ans33 declined "the notes never mention 1744")."""
    if not re.fullmatch(r"\d{4}", year):
        return False
    for run in _YEAR_RUN.finditer(question):
        first = run.group()[:4]
        if first[:2] == year[:2] and re.search(r"\b" + year[2:] + r"\b", run.group()[4:]):
            return first in lexical.doc_freq and year[2:] in lexical.doc_freq
    return False


# "Unsurprisingly, ...", "Originally, who ...", "Basically, what ...": an adverb opening a question
# has its capital from its place; it is no name the notes must use.
_OPENING_ADVERB = re.compile(r"[A-Z][a-z]{3,}(?:ingly|edly|ously|ively|fully|lessly|ally|ately|ably|ibly|ently|antly|stly)")

# "Roughly how many ...?", "Exactly when ...?", "Briefly, what ...?": any word in -ly right before the
# question word is an adverb of the question (the endings above miss "roughly", "nearly", "exactly",
# "mainly"); a name in -ly ("Italy", "Kelly") is not followed by "how" or "what".
_ADVERB_BEFORE_QUESTION_WORD = re.compile(r"[A-Z][a-z]{2,}ly,?\s+(?:how|what|which|who|whom|whose|when|where|why)\b")

_QUESTION_OPENERS = frozenset("explain describe define outline summarise summarize compare list "
                              "name give tell assess analyse analyze discuss evaluate identify".split()
                              # prepositions and conjunctions that open a clause before the question
                              # ("Upon learning of ..., what did ...?", "Besides Britain, where ...?"),
                              # capitalised by their place; English's closed class, not a course's words
                              + """according across against along although among amongst apart around
                              aside behind beneath beside besides beyond concerning considering despite
                              following given including inside like once outside per regarding though
                              throughout toward towards unless unlike upon via whereas whether whilst
                              within""".split())


def _first_word_start(text: str) -> int:
    match = re.search(r"\w", text)
    return match.start() if match else 0


def _term_known(term: str, lexical: LexicalIndex, vocabulary: NotesVocabulary | None = None) -> bool:
    tokens = tokenize(term)
    if tokens and all(_token_known(t, lexical) for t in tokens):
        return True
    if vocabulary is not None and _short_form_known(term, vocabulary):
        return True
    for alias in lexical.other_names(" ".join(words(term))):
        alias_tokens = tokenize(alias)
        if alias_tokens and all(t in lexical.doc_freq for t in alias_tokens):
            return True
    initials = "".join(w[0] for w in fold(term).split() if w not in STOPWORDS)
    # "People's Republic of China" is covered by notes that only ever say "PRC".
    return len(initials) >= 2 and any(t in lexical.doc_freq for t in tokenize(initials + " " + initials + "s"))


def _token_known(token: str, lexical: LexicalIndex) -> bool:
    """A stem of the notes, one a short ending apart ("african" / "africa"), or a number the notes write
    in words ("3" / "three") or as a decade ("1950" / "1950s"), or with thousands separators ("10000" / "10,000")."""
    if token in lexical.doc_freq or any(form in lexical.doc_freq for form in number_forms(token)):
        return True
    if token.isdigit():
        grouped = tokenize(f"{int(token):,}") if len(token) > 4 else []
        return len(grouped) > 1 and all(t in lexical.doc_freq for t in grouped)
    # Only a short ending apart: a longer one makes another name ("franc" / "francovich").
    if len(token) >= 5 and any(abs(len(known) - len(token)) <= 2 and same_family(token, known)
                               for known in lexical.stems_by_head.get(token[:5], ())):
        return True
    # A people's or a place's adjective of a name the notes use ("Asian" / "Asia", "European" /
    # "Europe", "Iraqi" / "Iraq"): English's own endings for them, not a course's words. Not "-ish":
    # "Spanish" is no "span" ("Jewish" / "Jews" stays unknown).
    return any(token.endswith(ending) and len(token) - len(ending) >= 3 and token[:-len(ending)] in lexical.doc_freq
               for ending in _ADJECTIVE_ENDINGS)


# A word cut short and closed by a stop ("Art. I Sec. 8", "Vol. 2", "Ch. 3"): English's way of
# abbreviating by the word's opening letters.
_STOPPED_WORD = re.compile(r"\b([A-Za-z]{2,4})\.(?=\s)")


def _abbreviated_known(term: str, question: str, lexical: LexicalIndex) -> bool:
    """Whether every word of the term the notes lack is written by the question cut short with a stop
    and opens a longer word of the notes ("Which clause number of Art. I Sec. 8 is necessary and
    proper?" on notes writing "Article I, Section 8, Clause 18": ans32 declined "the notes never
    mention Art. I Sec")."""
    stopped = {fold(m.group(1)) for m in _STOPPED_WORD.finditer(question)}
    missing = [w for w in re.findall(r"[^\W_]+", term) if tokenize(w) and not all(
        _token_known(t, lexical) for t in tokenize(w))]
    return bool(missing) and all(fold(w) in stopped and _opens_a_notes_word(fold(w), lexical) for w in missing)


def _opens(cut: str, word: str) -> bool:
    """Whether a word cut short ("art", "sec") opens a longer word ("article", "section")."""
    return word.startswith(cut) and len(word) >= len(cut) + 3


def _opens_a_notes_word(word: str, lexical: LexicalIndex) -> bool:
    return any(_opens(word, known)
               for head, stems in lexical.stems_by_head.items() if head.startswith(word[:5]) for known in stems)


_ADJECTIVE_ENDINGS = ("ian", "ean", "an", "n", "ese", "i")


def _short_form_known(term: str, vocabulary: NotesVocabulary) -> bool:
    """"SP" for notes that only write "Scottish Parliament"."""
    term = re.sub(r"['’]s?$", "", term)
    if re.fullmatch(r"[A-Z]+(?:[\s\-][A-Z]+)+", term):
        term = re.sub(r"[\s\-]", "", term)  # "WW-II", "WW II": one short form
    if not re.fullmatch(r"[A-Z]{2,6}s?", term):
        return False
    return fold(term[:-1] if len(term) > 2 and term.endswith("s") else term) in vocabulary.initialisms


def assess(question: str, lexical: LexicalIndex, vocabulary: Callable[[], NotesVocabulary] | None = None) -> CoverageReport:
    """`vocabulary` (the notes' words and names, made on first use) lets a short form of a name
    count as known."""
    unknown = tuple(t for t in named_terms(question)
                    if tokenize(t) and not _term_known(t, lexical, vocabulary() if vocabulary and re.search(r"[A-Z]{2}", t) else None)
                    and not _abbreviated_known(t, question, lexical)
                    and not _run_known_as_written(question, t, lexical))
    tokens = tokenize(question)
    share = sum(t in lexical.doc_freq for t in tokens) / len(tokens) if tokens else 0.0
    return CoverageReport(unknown, share)


# A capital after a small letter, or two capitals before a small one other than a plural's "s"
# ("MSPs"), inside one word.
_MIXED_CASE = re.compile(r"[a-z][A-Z]|[A-Z][A-Z](?:[a-rt-z]|s[a-z])")


def misspelt_terms(terms: tuple[str, ...], vocabulary: NotesVocabulary) -> bool:
    """Whether every word of these unknown terms that the notes do not use is a misspelling of
    one they do ("Lor Loudoun" / "Lord", "Forth Niagara" / "Fort", "Kng John" / "King"): a word an
    edit or two from a word of the notes, not a name of something else ("the Calvin cycle",
    "Gettysburg", "1706")."""
    for term in terms:
        if _MIXED_CASE.search(term):
            # "CMake", "GitHub", "FreeBSD": a capital inside a word is written on purpose, not slipped
            # ("CMake" is one edit from "make", but names another program).
            return False
        for word in re.findall(r"[^\W_]+", fold(term)):
            if word in vocabulary:
                continue
            if not word.isalpha() or vocabulary.closest(word, 1 if len(word) < 7 else 2) is None:
                return False
    return bool(terms)


def unfamiliar_words(question: str, lexical: LexicalIndex, common_word) -> list[str]:
    """Lower-case words of the question that are neither in the notes (in any form) nor everyday
    words: specialised terms the notes do not cover ("hukou"). Misspellings of the notes' own
    words mostly share a stem family with them and are not counted."""
    found = []
    for word, stem in word_stems(question):
        if len(word) < 4 or not word.isalpha() or stem in lexical.doc_freq or common_word(word):
            continue
        # A stem of its family other than itself shares its first five letters (same_family).
        if not any(same_family(stem, known) for known in lexical.stems_by_head.get(stem[:5], ())) \
                and not _clipped(word, lexical):
            found.append(word)
    return found


_CLIPPED_LETTERS = (4, 5)


def _clipped(word: str, lexical: LexicalIndex) -> bool:
    """Whether a four- or five-letter word is the clipped opening of a longer word of the notes
    ("auth" for "authentication", ans30 declined "the notes never mention auth"; "rehab" for
    "rehabilitation", ans31): a stem three or more letters longer that opens with the whole word."""
    if not _CLIPPED_LETTERS[0] <= len(word) <= _CLIPPED_LETTERS[1]:
        return False
    return any(known.startswith(word) and len(known) >= len(word) + 3
               for head, stems in lexical.stems_by_head.items() if head.startswith(word) for known in stems)


_COMPOUND = re.compile(r"(?<![\w-])[^\W_]+(?:-[^\W_]+)+(?![\w-])")


def compound_words(question: str) -> frozenset[str]:
    """The folded words of the question's hyphenated compounds ("systemd-nspawn": systemd, nspawn)."""
    return frozenset(w for m in _COMPOUND.finditer(question) for w in words(m.group()))


# "How do I ... with repquota?", "... using sys.exit?", "... via ProxyJump?": the word after the
# preposition naming the means (an article between) is the tool the question asks about.
_MEANS = re.compile(r"\b(?:with|using|via)\s+(?:(?:the|a|an)\s+)?([^\W_][\w'’.-]*)", re.I)


def means_words(question: str) -> frozenset[str]:
    """The folded words of what the question names as its means: the first word after "with",
    "using" or "via" (each part of a hyphenated or dotted name)."""
    return frozenset(w for m in _MEANS.finditer(question) for w in words(m.group(1)))


def transposed(word: str, other: str) -> bool:
    """Whether two words differ by two neighbouring letters swapped: the commonest slip of typing
    ("Hugeunot" / "Huguenot"), not another name."""
    if len(word) != len(other) or word == other:
        return False
    diff = [i for i, (a, b) in enumerate(zip(word, other)) if a != b]
    return len(diff) == 2 and diff[1] == diff[0] + 1 and word[diff[0]] == other[diff[1]] and word[diff[1]] == other[diff[0]]


NAME_WINDOW = 3  # the words of a two-word name stand this close together where a text uses it


NAME_PASSAGES = 20  # the notes' passages, best for a name's own words, where it is looked for


def unplaced_names(question: str, texts: list[str], lexical: LexicalIndex | None = None,
                   passages_with: Callable[[list[str], int], list[str]] | None = None) -> list[str]:
    """Names of two or more words in the question ("the Dutch Revolt", "the Scottish Parliament")
    whose words the notes never use together, though each may occur alone: the question is about
    something else that shares the notes' words. A name is looked for in `texts` (the passages
    found for the question), then in the notes' passages that best match its own words
    (`passages_with(stems, k)`, a word search): a question about one topic often names another
    one in passing ("the first Huguenot church in the New World"). A word of the notes' family
    counts ("South African" / "South Africa"). Two names joined by "and", and a possessive, are
    two names."""
    positions = [_positions(text) for text in texts]
    # A word cut short with a stop ("Art. I Sec. 8") stands where a word it opens stands ("Article I,
    # Section 8").
    cut = frozenset(fold(m.group(1)) for m in _STOPPED_WORD.finditer(question))
    unplaced = []
    opening = question.split(maxsplit=1)[0] if question.split() else ""
    for term in named_terms(question):
        if term.startswith(opening):
            # The question's first word has a capital whether or not it is a name ("Besides
            # Britain and ...", "Though Turabi ..."): only the rest of the run is a name.
            term = term[len(opening):]
        for part in re.split(r"\s+and\s+|['’]s?\b", term):
            stems = tokenize(part)
            if len(stems) < 2 or any(_together(stems, where, cut) for where in positions):
                continue
            # A name the notes or the teacher give another name for is placed where that one is.
            others = lexical.other_names(" ".join(words(part))) if lexical is not None else ()
            if any(_together(tokenize(other), where) for other in others for where in positions):
                continue
            if passages_with is not None and any(_together(stems, _positions(text), cut)
                                                 for text in passages_with(stems, NAME_PASSAGES)):
                continue
            unplaced.append(part.strip())
    return unplaced


def _positions(text: str) -> dict[str, list[int]]:
    where: dict[str, list[int]] = {}
    for i, stem in enumerate(tokenize(text)):
        where.setdefault(stem, []).append(i)
    return where


def places(stem: str, where: dict[str, list[int]]) -> list[int]:
    """Where a text uses `stem` or a word of its family ("africa" for "african")."""
    if stem in where:
        return where[stem]
    return [i for other, found in where.items() if same_family(stem, other) for i in found]


def _together(stems: list[str], where: dict[str, list[int]], cut: frozenset[str] = frozenset()) -> bool:
    found = [places(s, where) or (s in cut and [i for other, at in where.items() if _opens(s, other) for i in at])
             for s in stems]
    if not found or not all(found):
        return False
    return any(all(any(abs(q - p) <= NAME_WINDOW + len(stems) - 2 for q in other) for other in found[1:])
               for p in found[0])



_WH_WORDS = frozenset("what which who whom whose when where why how".split())


def unfamiliar_topic(question: str, found: list[str], common_word: Callable[[str], bool]) -> list[str]:
    """Of the question's unfamiliar words (`found`: see unfamiliar_words), those that name what it
    is about: a noun or its modifier ("How does vancomycin kill bacteria?", "How do fluoroquinolone
    antibiotics work?", "How does vpath work in GNU make?"), written in lower case (a capitalised
    name is `named_terms`' to read) and no everyday word with one of English's prefixes or endings
    ("unwarned", "staffing"). Not a word that names the answer rather than the topic: one the
    question word governs or stands under ("Which genotype ...?", "How many pounds of steam per
    kilowatt hour ...?"), a noun whose "of" names what it belongs to
    ("under the purview of the Scottish Parliament": the notes say it otherwise), nor a verb,
    adverb or degree ("besieging", "jokingly", "steepest"). The question is parsed only when it
    holds such a word."""
    found = [w for w in found if not english_derivation(w, common_word)]
    if not found:
        return []
    from bot.core.nlp import parse_line

    doc = parse_line(" ".join(question.split()))
    answer_side: set[int] = set()
    for tok in doc:
        if tok.lower_ in _WH_WORDS:
            # The words the question word determines ("which genotype", "how many pounds of ...")
            # and the nouns it stands under ("the capital of what country").
            phrase = tok.head if tok.dep_ in ("det", "advmod", "amod") and tok.head.pos_ in ("NOUN", "PROPN", "ADJ") else None
            if phrase is not None and phrase.dep_ != "ROOT":
                if phrase.pos_ == "ADJ" and phrase.head.pos_ in ("NOUN", "PROPN"):  # how many X
                    phrase = phrase.head
                answer_side.update(t.i for t in phrase.subtree)
            answer_side.update(t.i for t in tok.ancestors if t.pos_ in ("NOUN", "PROPN"))
    topic = []
    for tok in doc:
        word = fold(tok.text)
        parts = [p for p in re.split(r"[-/]", word) if p]
        hit = [p for p in parts if p in found]
        if not hit or tok.i in answer_side or tok.text[:1].isupper() or tok.dep_ == "ROOT":
            continue
        if tok.pos_ not in ("NOUN", "PROPN", "ADJ") or tok.tag_ in ("JJR", "JJS"):
            continue
        if any(child.dep_ == "prep" and child.lower_ == "of" for child in tok.children):
            continue
        topic += [p for p in hit if p not in topic]
    return topic


_SUBJECTS = ("nsubj", "nsubjpass")


def unheld_kind(question: str, lexical: LexicalIndex, common_word: Callable[[str], bool]) -> list[str]:
    """Nouns the question puts before its subject's noun to say which one it means, that the notes
    never use in any form, though they use the noun: the question asks about another thing of the
    same name ("How is iron-deficiency anemia treated?" on notes about sickle cell anemia, "What is
    the public safety exception to Miranda?" on notes that give other exceptions). Only a noun
    modifying a noun (a compound), of the subject: an adjective of the subject, and any word of the
    rest of the question, is most often the question's own wording ("Were Miranda's sentences
    consecutive ...?", "How many defense witnesses ...?"). Two words that make one everyday word
    written apart ("nick name") are that word. The question is parsed only when some word of it
    is unknown to the notes."""
    absent = {w for w, stem in word_stems(question) if w.isalpha() and not _token_known(stem, lexical)}
    if not absent:
        return []
    from bot.core.nlp import parse_line

    doc = parse_line(" ".join(question.split()))
    found = []
    for tok in doc:
        if tok.dep_ != "compound" or tok.pos_ != "NOUN" or tok.text[:1].isupper():
            continue
        head = tok.head
        if head.dep_ not in _SUBJECTS or head.pos_ != "NOUN" or any(c.lower_ in _WH_WORDS for c in head.subtree):
            continue
        parts = [p for p in re.split(r"[-/]", fold(tok.text)) if p]
        # (Nor a clipping of a word of the notes: "the polio rehab facility" / "rehabilitation facility".)
        missing = [p for p in parts
                   if p in absent and not english_derivation(p, common_word) and not _clipped(p, lexical)]
        if not missing or not all(_token_known(s, lexical) for s in tokenize(head.text)):
            continue
        if common_word(fold(tok.text + head.text)):
            continue
        found += missing
    return found

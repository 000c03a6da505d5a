"""A key term blanked in a sentence that uses it, with the notes' other terms of the same kind as
options: "Individuals may rely on _____ in the Court of Justice of the European Union if the Treaty
provisions have a direct effect ..." (primary law, among secondary law, supplementary law, national
law), "For mobile applications steam has been largely superseded by _____ or electric motors."
(internal combustion engines, among other engines the notes name).

Most sentences of encyclopedia notes that fit no template use a term of the subject without defining
it (RESULTS 8.12-8.13); a teacher asks which term the sentence is about. What makes such an item
fair is the options: of the answer's kind, each a term the notes teach, and none also right. Here:

- the answer is a term the notes use more than once (gen_lexicon.term_of: a common-noun phrase) of
  at least two words, a modifier and a head ("primary law", "circuit switching"), and not the
  course's own subject ("EU law" in notes on European Union law: every sentence is about it);
- the wrong options are the notes' other terms on the same head noun in the same grammatical number
  (other laws, other engines): the head says their kind, so none stands out by form;
- none is offered that the notes write in one sentence with the answer other than as a fellow member
  of a list ("compound engines ... reciprocating engines": one may be a kind of the other, so both
  could be right), none in the sentence asked, none whose own sentences say most of it.

Nothing here names a course's terms: they come from spaCy's parse of the notes.
"""

from __future__ import annotations

import random
import re
from collections import Counter, defaultdict

from bot.core.quiz.gen_context import content_words
from bot.core.quiz.gen_lexicon import (PERSON, TERM, ChoiceQuestion, NotesLexicon, entity_text, name_shape_ok,
                                      prose_nouns, term_of, tests_of)
from bot.core.quiz.gen_standalone import gives_away
from bot.core.tokens import NUMBER_WORDS, STOPWORDS, fold

OPTIONS = 4
MIN_USES = 2  # the notes use the answer and every option at least this often: terms they teach
# An answer the notes use only MIN_USES times is blanked only in the sentence that says what it is
# ("Fair market value - the amount for which an asset could be sold", kept in round 22). Met twice,
# a phrase is most often one the notes pass through, not a term they teach ("future value",
# "recording depreciation", "convertible value" in accounting notes), and nothing in them rules out
# its kin in a sentence that merely uses it: "estimate the _____ of the asset" fits salvage value too
# (round 22: four such blanks, all dropped; round 9a: "constitutional law", twice, borderline). The
# blanks kept on other notes were terms used three times or more (primary, national, international law).
TAUGHT_USES = MIN_USES + 1
# Over a year or name blanked in the same sentence: a concept of the course is what a teacher asks
# first. Under the cards the judges kept most (definitions, causes: 0.83).
TERM_CLOZE_QUALITY = 0.78
# An option one of whose own sentences holds this share of the stem's content words may be a
# second right answer (the notes say the same of it).
MAX_OPTION_SUPPORT = 0.5
_BLANK = "_____"


_YEAR = re.compile(r"\b(?:1[0-9]{3}|20[0-9]{2})\b")


class TermKin:
    """The notes' terms by head noun, and which of them the notes write together outside a list."""

    def __init__(self, docs, lexicon: NotesLexicon, titles: list[str]) -> None:
        self.lexicon = lexicon
        self.title_words = {w for t in titles for w in _words(t)}
        self.title_initials = {_initials(t) for t in titles}
        # The last word of a name holding a word of the title ("Community" of "European Community" in
        # notes on European Union law): a term it modifies is the subject under another name.
        self.subject_bodies = {fold(n.split()[-1]) for n in lexicon.label_votes if len(n.split()) >= 2
                               and _words(n) & self.title_words and fold(n.split()[-1]) not in self.title_words}
        docs = list(docs)
        self.nouns = {lemma for doc in docs for lemma in prose_nouns(doc)}  # not "debian" of "lists.debian.org"
        # The terms of each sentence, keyed by their words as written with the head noun's lemma
        # ("fixed costs" -> "fixed cost"): the lexicon's keys lemmatise modifiers too ("sunk" -> "sink").
        self.terms: dict[str, tuple[str, str]] = {}  # key -> (text as the notes write it mid-sentence, number)
        self.counts: Counter = Counter()
        self.comparative: set[str] = set()  # "smaller engines": a comparison, not a term
        self.together: dict[str, set[str]] = defaultdict(set)  # key -> keys met in one sentence, not as a list
        self.lines: list[tuple[set[str], frozenset[str]]] = []  # (term keys, content lemmas) per sentence
        self.texts: list[tuple[str, set[str]]] = []  # (sentence, its years) for names
        self.figures: list[set[tuple[str, str]]] = []  # ("2", "week") per sentence
        # key -> the content lemmas the notes say the term is or consists of ("The primary law of the EU
        # consists mainly of the founding treaties" -> found, treaty, ...): a stem holding one of them
        # and none of a wrong option's names the answer by what it is (stem_describes).
        self.told: dict[str, set[str]] = defaultdict(set)
        for doc in docs:
            keys, roots = set(), {}
            for chunk in doc.noun_chunks:
                found = _term(chunk)
                if found is None:
                    continue
                key, text, number = found
                keys.add(key)
                roots[key] = chunk.root
                self.counts[key] += 1
                if key not in self.terms or self.terms[key][0][:1].isupper() and text[:1].islower():
                    self.terms[key] = (text, number)
                if any(w.tag_ == "JJR" for w in chunk):
                    self.comparative.add(key)
                self.told[key] |= _what_it_is(chunk)
            for key in keys:
                for other in keys - {key}:
                    if _coordinate(roots[key]) is not _coordinate(roots[other]):
                        self.together[key].add(other)  # not "fixed costs and variable costs": siblings
            self.lines.append((keys, frozenset(content_words(doc))))
            self.texts.append((doc.text, set(_YEAR.findall(doc.text))))
            self.figures.append(figures_of(doc.text))
        self.by_head: dict[tuple[str, str], set[str]] = defaultdict(set)
        for key, (text, number) in self.terms.items():
            words = key.split()
            if len(words) >= 2 and self.counts[key] >= MIN_USES and not self._of_subject(text) \
                    and key not in self.comparative:
                self.by_head[(words[-1], number)].add(key)
        # Names on a class word the notes also write as a common noun ("Fort Duquesne", "Fort
        # Necessity" on "fort"; "the Services Directive" on "directive"): forts among forts.
        self.by_class: dict[tuple[str, int], set[str]] = defaultdict(set)
        titles_folded = [fold(t) for t in titles]
        for name in lexicon.label_votes:
            words = name.split()
            if len(words) < 2 or not name_shape_ok(name, "organisation") or lexicon.occurrences(name) < MIN_USES \
                    or any(fold(name) in t or t in fold(name) for t in titles_folded):
                continue
            for at in (0, -1):
                if self._class_word(words[at]):
                    self.by_class[(fold(words[at]), at)].add(name)

    def _class_word(self, word: str) -> bool:
        """A word of a name that says what kind of thing it is: the notes also write it in lower case
        as a noun ("fort", "treaty", "directive"), not an adjective ("New", "Great", "French")."""
        low = fold(word)
        return low not in STOPWORDS and (low in self.nouns or low.rstrip("s") in self.nouns)

    def _of_subject(self, text: str) -> bool:
        """Of the course's own subject: a modifier is a word of the title ("steam engine", "steam
        turbine" in notes on the steam engine), the title's initials ("EU law", "EU competition law"
        in notes on European Union law) or a body of the subject's name ("Community law": the law of
        the European Community, EU law by its old name). As an answer it is asked everywhere; as an
        option it stands out, or is a second right answer (round 9: "Community law" beside "primary
        law", dropped)."""
        words = text.split()
        return any(fold(w) in self.title_words or fold(w).rstrip("s") in self.title_words or
                   (w.isupper() and any(i.startswith(w.lower()) for i in self.title_initials)) or
                   fold(w) in self.subject_bodies for w in words[:-1])

    def cloze(self, doc, visible: str, met_often=lambda name: True) -> ChoiceQuestion | None:
        """The sentence with its best-kinned term blanked, or None. `met_often(name)`: the notes
        return to a name (a fort met in one passage is a side detail: round 9a)."""
        if _QUOTATION.search(doc.text) or _counted_back(doc):
            return None  # a quotation cut from its context; "The two forces": which two? (round 9a drops)
        best = None
        for chunk in doc.noun_chunks:
            found = _term(chunk)
            if found is None:
                continue
            key, text, number = found
            words = key.split()
            if key not in self.by_head.get((words[-1], number), ()) or self._partnered(chunk, words[-1], doc):
                continue
            if _doer(chunk):
                continue
            if self.counts[key] < TAUGHT_USES and not _defined_here(chunk):
                continue
            wrong = self._wrong(key, words[-1], number, doc, visible)
            if len(wrong) == OPTIONS - 1 and (best is None or _rank(self, key) > _rank(self, best[1])):
                best = (text, key, wrong)
        tests = TERM
        if best is None:
            best, tests = self._name_blank(doc, visible, met_often)
        if best is None:
            return None
        text, key, wrong = best
        lowered = doc.text.lower()
        start = lowered.find(text.lower())
        if start < 0 or lowered.find(text.lower(), start + 1) >= 0:
            return None  # the term twice: one blank would leave the answer in view
        text = doc.text[start:start + len(text)]
        before = doc.text[:start].rstrip().split()
        if before and before[-1].lower() in {"a", "an"}:
            return None  # "an _____": the article tells vowel from consonant
        answer = text[:1].upper() + text[1:] if start == 0 else text
        options = [answer, *(w[:1].upper() + w[1:] if start == 0 else w for w in wrong)]
        stem = doc.text[:start] + _BLANK + doc.text[start + len(text):]
        if gives_away(stem, text, wrong) or self.stem_describes(doc, key, wrong):
            return None
        random.Random(f"term-cloze\x1f{doc.text}").shuffle(options)
        return ChoiceQuestion(stem, answer, tuple(options), tests, TERM_CLOZE_QUALITY)

    def stem_describes(self, doc, key: str, wrong: list[str]) -> set[str]:
        """The stem's words that the notes' own telling of what the answer is uses and their telling
        of no wrong option does: "Individuals may rely on _____ ... if the Treaty provisions have a
        direct effect" for primary law, which the notes say "consists mainly of the founding treaties"
        (round 9 dropped it, rounds 10a, 14 and 15 borderline: "'Treaty provisions' in the stem gives
        it away"). Rubric 4: the answer is not to be given away by wording copied from the stem."""
        told = self.told.get(key, set())
        roots = [t for t in doc if t.dep_ == "ROOT"]
        if not told or any(t.lemma_.lower() in _TELLING_VERBS for t in roots):
            return set()  # "The main sources of _____ are the Treaties": what it is, is what is asked
        wrong_keys = {k for k, (text, _) in self.terms.items() if text in wrong}
        others = set().union(*(self.told.get(k, set()) for k in wrong_keys)) if wrong_keys else set()
        stem = set(content_words(doc)) - set(key.split()) - self.title_words
        return (stem & told) - others

    def _partnered(self, chunk, head: str, doc) -> bool:
        """Another term on the same head noun in the sentence, not listed with this one: "While _____
        concerns the governance structure, administrative law binds ...": the pair gives the answer
        away, and the options' own kind may be arguable (round 9a: primary law for constitutional law)."""
        for other in doc.noun_chunks:
            found = _term(other) if other.start != chunk.start else None
            if found and found[0].split()[-1] == head and _coordinate(other.root) is not _coordinate(chunk.root) \
                    and not self._of_subject(found[1]):  # "the sources of European Union law" is the course
                return True
        return False

    def _name_blank(self, doc, visible: str, met_often=lambda name: True):
        """((name, name, wrong options), what it tests) of the sentence's best name on a class word."""
        best, tests = None, TERM
        for ent in doc.ents:
            name = entity_text(ent)
            words = name.split()
            if len(words) < 2:
                continue
            for at in (0, -1):
                group = self.by_class.get((fold(words[at]), at), set())
                if name not in group or not met_often(name):
                    continue
                wrong = self._wrong_names(name, words[at], group, doc, visible)
                count = self.lexicon.occurrences(name)
                if len(wrong) == OPTIONS - 1 and (best is None or count > self.lexicon.occurrences(best[0])):
                    best, tests = (name, name, wrong), self._tests_of(name, group)
        return best, tests

    def _tests_of(self, name: str, group: set[str]) -> str:
        """What an item on the name tests, by the kind the notes' parse gives the names on its class
        word most often (a fort read now as a place, now as a person or a company by the small model):
        never a person, since a person's name has no class word; a building (spaCy's FAC) is a place."""
        votes: Counter = Counter()
        for other in group:
            votes.update(self.lexicon.label_votes[other])
        # A tie goes to the kind first by its name: `group` is a set, so the order Counter.most_common
        # keeps for equal counts would be the string hash seed's, which changes at every restart.
        ranked = sorted(votes.items(), key=lambda kind_count: (-kind_count[1], kind_count[0]))
        kinds = [k for k, _ in ranked if k != PERSON and (k.islower() or k == "FAC")]
        kind = kinds[0] if kinds else "organisation"
        return "place" if kind == "FAC" else tests_of(kind)

    def _wrong_names(self, name: str, class_word: str, group: set[str], doc, visible: str) -> list[str]:
        """Other names on the class word sharing no other word with the answer or each other (not
        "European Court of Justice" for "Court of Justice of the European Union"), not in view, and
        none of whose sentences says most of the stem or gives its year (Louisbourg and Fort Frontenac
        both fell to the British in 1758)."""
        shown = fold(visible)
        own = _words(name) - {fold(class_word)}
        wanted = set(content_words(doc)) - {t.lemma_.lower() for t in doc if t.text in name.split()}
        years = set(_YEAR.findall(doc.text))
        chosen: list[str] = []
        for other in sorted(group - {name}, key=lambda n: (-self.lexicon.occurrences(n), n)):
            others = _words(other) - {fold(class_word)}
            if fold(other) in shown or not others or others & own or any(others & (_words(c) - {fold(class_word)})
                                                                           for c in chosen):
                continue
            if self._name_support(other, wanted, years) > MAX_OPTION_SUPPORT:
                continue
            chosen.append(other)
            if len(chosen) == OPTIONS - 1:
                break
        return chosen

    def _name_support(self, name: str, wanted: set[str], years: set[str]) -> float:
        best = 0.0
        for (text, text_years), (_, lemmas) in zip(self.texts, self.lines):
            if name in text:
                if years & text_years:
                    return 1.0
                if wanted:
                    best = max(best, len(wanted & lemmas) / len(wanted))
        return best

    def _wrong(self, key: str, head: str, number: str, doc, visible: str) -> list[str]:
        shown = fold(visible)
        stem_words = set(content_words(doc)) - set(key.split())
        stem_figures = figures_of(doc.text)
        kin = sorted(self.by_head[(head, number)] - {key}, key=lambda k: (-self.counts[k], k))
        chosen: list[str] = []
        for other in kin:
            text = self.terms[other][0]
            if fold(text) in shown or other in self.together[key] or _nested(key, other):
                continue  # in view, written beside the answer outside a list, or one inside the other
            if any(_nested(other, c) for c in chosen) or self._support(other, stem_words) > MAX_OPTION_SUPPORT:
                continue
            if stem_figures and any(key_figures & stem_figures for keys, key_figures in zip(self.lines, self.figures)
                                    if other in keys[0]):
                continue  # "The _____ is 2 weeks": the notes give another period of 2 weeks too (held-out round 11-0)
            chosen.append(text)
            if len(chosen) == OPTIONS - 1:
                break
        return chosen

    def _support(self, key: str, wanted: set[str]) -> float:
        if not wanted:
            return 0.0
        return max((len(wanted & lemmas) / len(wanted) for keys, lemmas in self.lines if key in keys), default=0.0)


_NUMBER_WORDS = {"zero": "0", **{w: str(i) for i, w in enumerate(NUMBER_WORDS, 1)}}
_FIGURE = re.compile(r"\b(\d+(?:[.,]\d+)?|" + "|".join(_NUMBER_WORDS) + r")\s+([a-z]+)", re.IGNORECASE)


def figures_of(text: str) -> set[tuple[str, str]]:
    """The quantities a sentence states, as (number, unit) with number words as digits and the unit
    without a plural s: "2 weeks" and "two weeks" are both ("2", "week")."""
    found = set()
    for number, unit in _FIGURE.findall(text):
        number = _NUMBER_WORDS.get(number.lower(), number.replace(",", ""))
        unit = unit.lower()
        found.add((number, unit[:-1] if unit.endswith("s") and not unit.endswith("ss") else unit))
    return found


def _rank(kin: TermKin, key: str) -> int:
    """The term the notes use most is the one a teacher asks about."""
    return kin.counts[key]


_QUOTATION = re.compile(r"[\"“”]")


def _counted_back(doc) -> bool:
    """"The two forces", "the three men": a number of things counted before, with nothing after the
    noun saying which ("The three sources of European Union law" says it)."""
    for t in doc:
        if t.like_num and t.i > 0 and doc[t.i - 1].lower_ == "the" and t.head.pos_ == "NOUN" \
                and not any(c.dep_ in {"prep", "relcl", "acl"} for c in t.head.children):
            return True
    return False


def _doer(chunk) -> bool:
    """The term is the subject of a verb other than "be": the stem says what it does ("a group of
    justifications ... that the _____ has developed", "While _____ concerns the governance
    structure"). What one kind of law does is either so much its own that the verb gives it away or
    true of its kin too (round 9a and 9: both such blanks borderline or dropped; the blanks kept were
    objects, complements and list members)."""
    root = _coordinate(chunk.root)
    return root.dep_ in {"nsubj", "nsubjpass"} and root.head.lemma_ != "be"


_GLOSS_MARKS = frozenset({"-", "–", "—", ":"})


def _defined_here(chunk) -> bool:
    """The sentence says what the term is: it opens the sentence and is glossed after a dash or colon
    ("Fair market value - the amount ..."), or is the subject of "be", "mean", "consist" and the like
    ("The voting period is ten days")."""
    if chunk.start != 0:
        return False
    after = chunk.doc[chunk.end] if chunk.end < len(chunk.doc) else None
    if after is not None and after.text in _GLOSS_MARKS:
        return True
    return chunk.root.dep_ in {"nsubj", "nsubjpass"} and chunk.root.head.lemma_.lower() in _TELLING_VERBS


def _coordinate(token):
    """The first of the conjuncts a noun stands among ("primary law, secondary law and supplementary
    law" -> primary law's noun), or the noun itself: two terms with the same one are listed together."""
    while token.dep_ == "conj":
        token = token.head
    return token


def _term(chunk) -> tuple[str, str, str] | None:
    """(key, text, number) of a noun chunk that is a term of two words or more (gen_lexicon.term_of),
    keyed by its words in lower case with the head's lemma; the text in lower case unless a word is
    a name ("the Rankine cycle")."""
    term = term_of(chunk)
    if term is None:
        return None
    text, _, number = term
    words = text.split()
    if len(words) < 2:
        return None
    key = " ".join([*(w.lower() for w in words[:-1]), chunk.root.lemma_.lower()])
    start = chunk.doc.text.find(words[0], chunk.start_char)
    first = next((t for t in chunk if t.idx == start), None)
    if first is None:  # the term's first word is not a word of the chunk as written (found inside a longer one)
        return None
    if first.i == 0 and first.pos_ != "PROPN":
        text = text[:1].lower() + text[1:]  # "Fixed costs" opening a sentence is "fixed costs"
    return key, text, number


_TELLING_VERBS = frozenset({"be", "consist", "comprise", "include", "contain", "mean"})


def _what_it_is(chunk) -> set[str]:
    """The content lemmas of what a sentence says the term is or is made of, when the term is the
    subject of "be", "consist (of)", "comprise", "include", "contain" or "mean"; else empty."""
    root = chunk.root
    verb = root.head
    if root.dep_ not in {"nsubj", "nsubjpass"} or verb.lemma_.lower() not in _TELLING_VERBS:
        return set()
    told = set()
    for child in verb.children:
        if child.i == root.i or child.dep_ in {"nsubj", "nsubjpass", "punct", "cc", "conj", "advcl", "mark"}:
            continue
        told |= {t.lemma_.lower() for t in child.subtree if t.is_alpha and not t.is_stop and len(t.text) > 2
                 and t.pos_ in {"NOUN", "PROPN", "VERB", "ADJ"}}
    return told


def _nested(a: str, b: str) -> bool:
    """One term's words within the other's ("expansion engine", "triple expansion engine")."""
    wa, wb = set(a.split()), set(b.split())
    return wa <= wb or wb <= wa


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z]+", fold(text)) if w not in STOPWORDS}


def _initials(text: str) -> str:
    return "".join(w[0] for w in re.findall(r"[a-z]+", fold(text)) if w not in STOPWORDS)

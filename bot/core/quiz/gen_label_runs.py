"""Labelled paragraphs in runs (issue 8, session 27 lane qruns): "Label. Sentence(s)." lines, three or more
siblings under one heading that names what they are ("5.1 Costs that arise even when inflation is expected":
"Shoe-leather costs. ...", "Menu costs. ...", "Tax costs. ...", "Unit-of-account costs. ..."; "Why did the
Aztecs lose? (causes compared)": "Native allies. ...", "Disease. ...", "Weapons. ..."). Each paragraph's first
sentence is asked as "which <kind> does this describe?", the run's other labels the options: the notes
themselves set them side by side as things of one kind.

Everything is read from the notes' form, none from a list of a course's words:
- the run's kind is the heading's first plural common noun ("costs", "causes", "steps", "types of
  intermolecular force") or its "X by X" ("step by step"); a heading that names one thing (a case "Chiafalo v.
  Washington (2020)", an experiment "Little Albert (1920)", "Germany, 1921-1923", "Hydropower today") gives no
  kind, and its labels (Facts, Decision, Reasoning, Baseline, Result) are parts of one story, not members;
- a label is generic when the notes use it over clause paragraphs under two or more headings (the parts of
  every case brief: "Facts", "Decision"); it is neither asked nor an option;
- a run whose paragraphs open with a "Label: ..." row ("Classical: ... Keynesian: ...") is a comparison
  table, not a list of members; a run in a practice or worked-example section is one made-up case;
- a run of numbered or ordinal labels ("Step 2", "Second pandemic") gives its answer by its place;
- a paragraph is not asked when its first sentence names its label or a sibling's ("Firms ... reprinting
  menus" of "Menu costs"), leans on what came before ("As above, ...", "They ...", "This ..."), speaks of
  the kind itself ("Even critics accept ..." under criticisms: a remark on the run, not one of it), or is
  not a clause (a glossary line, gen_defined's)."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from bot.core import nlp
from bot.core.documents import Chunk
from bot.core.quiz.gen_defined import _LABEL, _a_clause, dotted_term
from bot.core.quiz.gen_text import chunk_sentences, is_practice_section, is_worked_example, readable_text
from bot.core.tokens import STOPWORDS, fold
from bot.core.loaders.headings import has_section_number, without_section_number

MIN_RUN = 3  # siblings a run needs: two labels are a pair, not a kind's members
MAX_OPTIONS = 4
MIN_WORDS, MAX_WORDS = 5, 40  # a first sentence too short to tell a member by, or too long for a stem
PREFIX = 5  # "critic-s" / "critic-ism", "menus" / "menu": one word's family
LABEL_RUN_QUALITY = 0.8

_BULLET = re.compile(r"^\s*(?:[-*•]|\d+[.)])\s+")
# "As above, ...", "see below", "the above": the sentence points back at another passage
_POINTS_BACK = re.compile(r"\b(?:as (?:above|below|before)|see (?:above|below)|the above|as (?:noted|mentioned|said))\b",
                          re.IGNORECASE)


@dataclass(frozen=True)
class Labelled:
    label: str  # "Menu costs" (the line's first sentence, its full stop off)
    quote: str  # the paragraph's first sentence after the label, as the chunk holds it
    text: str  # the same, readable
    chunk: Chunk


@dataclass(frozen=True)
class Kind:
    phrase: str  # "cost", "political cause", "type of intermolecular force"
    head: str  # "cost"
    heading: str  # the heading, its number off: "Costs that arise even when inflation is expected"


@dataclass(frozen=True)
class RunQuestion:
    prompt: str
    answer: str
    options: tuple[str, ...]  # () for a card
    quote: str
    chunk: Chunk


def labelled_lines(chunk: Chunk) -> list[Labelled]:
    """The chunk's "Label. Sentence." lines, bulleted or numbered or not: a sentence that is a `dotted_term`
    opening a line, and the sentence after it on that line."""
    quotes = [quote for quote, _ in chunk_sentences(chunk)]
    lines = [_BULLET.sub("", line.strip()).replace("**", "") for line in chunk.text.splitlines()]
    found = []
    for term, after in zip(quotes, quotes[1:]):
        bare = _BULLET.sub("", term.strip()).replace("**", "")
        label_text = readable_text(bare) or bare
        if dotted_term(label_text) is None:
            continue
        if not any(line.startswith(bare) and after in line[len(bare):] for line in lines):
            continue
        text = readable_text(after)
        if text:
            found.append(Labelled(label_text.rstrip(".").strip(), after, text, chunk))
    return found


def run_kind(heading: str) -> Kind | None:
    """What the heading says its members are: its first plural common noun with the adjectives before it and an
    "of"/"on" phrase after it ("Political causes" -> "political cause", "Types of intermolecular force" ->
    "type of intermolecular force"), or the noun of an "X by X" ("The investigation, step by step" -> "step");
    None when the heading names one thing rather than a kind ("Chiafalo v. Washington (2020)")."""
    shown = without_section_number(heading)
    if not shown:
        return None
    doc = nlp.parse_lines([shown])[0]
    for i, t in enumerate(doc):
        if i + 2 < len(doc) and doc[i + 1].lower_ == "by" and doc[i + 2].lower_ == t.lower_ and t.pos_ == "NOUN":
            return Kind(t.lemma_.lower(), t.lemma_.lower(), shown)
    noun = next((t for t in doc if t.tag_ == "NNS" and t.pos_ == "NOUN"), None)
    if noun is None or any(c.dep_ == "conj" for c in noun.children):
        return None  # "Advantages and disadvantages": two kinds, and a member of one is asked as of the other
    left, j = [], noun.i - 1
    while j >= 0 and doc[j].head.i == noun.i and doc[j].dep_ in {"amod", "compound"}:
        left.insert(0, doc[j])
        j -= 1
    words = [c.text.lower() if not c.text.isupper() else c.text for c in left] + [noun.lemma_.lower()]
    after = next((c for c in noun.rights if c.dep_ == "prep" and c.lower_ in {"of", "on", "to"}), None)
    if after is not None:
        words.append(doc[after.left_edge.i:after.right_edge.i + 1].text)  # "of non-cyclic electron flow" as written
    return Kind(" ".join(words), noun.lemma_.lower(), shown)


def _content_words(text: str) -> list[str]:
    return [w for w in re.findall(r"[\w’']+", fold(text)) if w not in STOPWORDS and len(w) >= 3]


_NEGATING = re.compile(r"^(?:un|non|in|dis)(?=\w{5})")  # "undefended" is of "defence"'s family


def _one_family(a: str, b: str) -> bool:
    """Two words of one family: the same first PREFIX letters, or the shorter (of four letters or more, its final e
    off) opening the longer ("bind" / "binding", "menu" / "menus", "graze" / "grazing"); a negating prefix aside
    ("undefended" / "defence"); two long words sharing their first four letters ("allies" / "alliances": the label
    is given away by its stem even where the spelling turns)."""
    bare_a, bare_b = _NEGATING.sub("", a), _NEGATING.sub("", b)
    if (bare_a, bare_b) != (a, b) and _one_family(bare_a, bare_b):
        return True
    short, long_ = sorted((a, b), key=len)
    if len(short) >= 6 and short[:4] == long_[:4]:
        return True
    if len(short) >= PREFIX:  # "graze" / "grazing", "store" / "storage": a verb's final e dropped
        return short[:PREFIX] == long_[:PREFIX] or short.endswith("e") and long_.startswith(short[:-1])
    return long_.startswith(short) and (len(short) >= 4 or len(long_) <= len(short) + 2)  # "tax" / "taxed"


def names_word_of(text: str, label: str) -> bool:
    """A word of `label` or of its family is written in `text`: "reprinting menus" names "Menu costs", "The B
    subunits bind ..." names "Binding"."""
    words = _content_words(text)
    return any(_one_family(w, x) for w in _content_words(label) for x in words)


def leans_back(doc) -> bool:
    """The sentence points at another passage ("As above, ...") or opens on a word that stands for something
    said before it: a pronoun or a demonstrative before any noun ("They ...", "This ...", "Both ..."), "such" before
    a noun, or a demonstrative standing alone anywhere."""
    if _POINTS_BACK.search(doc.text) or any(t.lower_ == "such" and t.dep_ in {"predet", "amod", "det"} and
                                             t.head.pos_ == "NOUN" for t in doc):
        return True  # "such a swift and violent outbreak": the one told before
    if any(t.pos_ == "PRON" and t.morph.get("PronType") == ["Dem"] for t in doc):
        return True  # "Historians disagree about this.": a demonstrative standing alone, anywhere
    for t in doc:
        if t.pos_ in {"NOUN", "PROPN"}:
            return False
        if t.pos_ == "PRON" and "1" not in t.morph.get("Person") and "2" not in t.morph.get("Person"):
            return True
        if t.morph.get("PronType") == ["Dem"] or t.lower_ in {"both", "neither"}:
            return True
    return False


def _numbered(label: str) -> bool:
    if re.search(r"\d", label):
        return True
    doc = nlp.parse_lines([label])[0]
    return any(t.ent_type_ in {"ORDINAL", "CARDINAL"} or t.like_num for t in doc)


def _label_a_sentence(label: str) -> bool:
    doc = nlp.parse_lines([label])[0]
    return any(t.pos_ in {"VERB", "AUX"} and t.tag_ in {"VBZ", "VBP", "VBD", "MD"} for t in doc)


def described(text: str) -> str:
    """A line as the stem quotes it: without its closing full stop, which before the stem's own "?" read “....”?"""
    return text.rstrip().rstrip(".").rstrip()


class LabelRuns:
    """The notes' runs of labelled paragraphs, by document and heading, and the items they make."""

    def __init__(self, notes: list[Chunk]) -> None:
        self.runs: dict[tuple[str, tuple[str, ...]], list[Labelled]] = defaultdict(list)
        for chunk in notes:
            for line in labelled_lines(chunk):
                self.runs[(chunk.document, chunk.heading_path)].append(line)
        # A label the notes use over clause paragraphs under two or more headings names a part of any such
        # section (a case brief's "Facts", "Decision"), not a member of one kind.
        headings: dict[str, set] = defaultdict(set)
        self._clause: dict[str, bool] = {}
        for key, run in self.runs.items():
            if len(run) >= MIN_RUN and not self._glossary(run):
                for line in run:
                    if self._is_clause(line.text):
                        headings[fold(line.label)].add(key)
        self.generic = {label for label, keys in headings.items() if len(keys) >= 2}
        self._asked: set[tuple[str, tuple[str, ...]]] = set()
        self.refused: list[tuple[str, str, str]] = []  # (label, why, first sentence): what was not asked (bench)

    def _refusal(self, line: Labelled, labels: list[str], kind: Kind, words: int) -> str:
        """Why the paragraph's first sentence is not asked, "" when it is."""
        if not (MIN_WORDS <= words <= MAX_WORDS):
            return "length"
        if not self._is_clause(line.text):
            return "not a clause"
        if names_word_of(line.text, line.label):
            return "names its label"
        if any(names_word_of(line.text, other) for other in labels):
            return "names a sibling"  # a wrong option's word: a student rules it in or out by the word alone
        if leans_back(nlp.parse_lines([line.text])[0]):
            return "leans back"
        if names_word_of(line.text, kind.head):
            return "speaks of the kind"
        if "“" in line.text or "”" in line.text or line.text.endswith("?"):
            return "quote or question"
        return ""

    def _acts_its_label(self, line: Labelled, labels: list[str], kind: Kind) -> bool:
        """The label is one noun made of a verb ("Binding", "Colonisation", "Cement grinding": its head) and the
        sentence's main verb is that verb ("bind", "colonises", "is ... ground"), with nothing of a sibling's
        or the kind's words in it, and no word standing for what came before."""
        if re.search(r"[(),/]|\s(?:and|or|of|with)\s", line.label):
            return False  # two things, or a thing of another ("Regeneration of RuBP")
        head = fold(line.label.split()[-1])
        doc = nlp.parse_lines([line.text])[0]
        if not any(t.pos_ == "VERB" and t.dep_ not in {"amod", "acl", "relcl"} and _one_family(fold(t.lemma_), head)
                   for t in doc):
            return False
        others = [label for label in labels if label != line.label]
        return not any(names_word_of(line.text, o) for o in others) and not names_word_of(line.text, kind.head) \
            and not leans_back(doc)

    @staticmethod
    def _heading(path: tuple[str, ...], kind: Kind) -> str:
        """The heading a prompt names the run by: its own, after its parent's when it says no more than the
        kind ("The three phases" under "5. The Calvin cycle": "The Calvin cycle: the three phases")."""
        doc = nlp.parse_lines([kind.heading])[0]
        # A numbered section's unnumbered parent is the notes' title or subtitle ("Course notes for an
        # applied-science unit ..." over "10. Advantages"), not a section saying what the kind is of.
        numbered_under_title = has_section_number(path[-1]) and not has_section_number(path[-2]) \
            if len(path) >= 2 else False
        if len(path) >= 2 and not numbered_under_title and all(
                t.pos_ in {"DET", "NUM", "PUNCT"} or t.lemma_.lower() == kind.head for t in doc):
            parent = without_section_number(path[-2])
            if parent:
                return f"{parent}: {kind.heading[:1].lower()}{kind.heading[1:]}"
        return kind.heading

    def _glossary(self, run: list[Labelled]) -> bool:
        """Most of the run's paragraphs open on a noun phrase, not a clause: a glossary ("Key definitions")."""
        return sum(self._is_clause(line.text) for line in run) * 2 < len(run)

    def _is_clause(self, text: str) -> bool:
        """A clause (gen_defined._a_clause), or one whose subject is a clause of its own ("Seizing Moctezuma early
        gave Cortés control ...")."""
        if text not in self._clause:
            doc = nlp.parse_lines([text])[0]
            root = next((t for t in doc if t.dep_ == "ROOT"), None)
            self._clause[text] = _a_clause(doc) or root is not None and root.pos_ in {"VERB", "AUX"} \
                and root.tag_ in {"VBZ", "VBP", "VBD"} and any(c.dep_ == "csubj" for c in root.children)
        return self._clause[text]

    def questions(self, chunk: Chunk, subject: str = "") -> list[RunQuestion]:
        """The items of the runs whose heading is this chunk's, made once a run (from the first chunk met).
        `subject`: how a prompt names the notes ("hydroelectric power"), "" to say "the notes"."""
        key = (chunk.document, chunk.heading_path)
        if key in self._asked or key not in self.runs or not chunk.heading_path:
            return []
        self._asked.add(key)
        path = chunk.heading_path
        if is_practice_section(path) or is_worked_example(path):
            return []
        run = [line for line in self.runs[key] if fold(line.label) not in self.generic
               and not _label_a_sentence(line.label)]
        labels = list(dict.fromkeys(line.label for line in run))
        if len(labels) < MIN_RUN or len(labels) != len(run):
            return []  # too few members, or a label written twice (two lists under one heading)
        if any(_LABEL.match(line.text) for line in run):
            return []  # "Timing. Classical: ... Operant: ...": a comparison table's rows
        if self._glossary(run):
            return []  # a glossary ("Key definitions"): gen_defined asks its terms
        if any(_numbered(label) for label in labels):
            return []
        kind = run_kind(path[-1])
        if kind is None:
            return []
        where = f"In the notes on {subject}" if subject else "In the notes"
        if " " not in kind.phrase:
            where += f", under “{self._heading(path, kind)}”"
        asked = []
        for n, line in enumerate(run):
            words = len(line.text.split())
            why = self._refusal(line, labels, kind, words)
            if why == "names its label" and self._acts_its_label(line, labels, kind):
                # "Binding. The B subunits bind to GM1 gangliosides ...": the sentence does what the label names,
                # so it says what happens in it; asked as a card, the label in the prompt
                prompt = f"{where}, what happens in “{line.label}”?"
                asked.append(RunQuestion(prompt, line.text, (), line.quote, line.chunk))
                continue
            if why:
                self.refused.append((line.label, why, line.text))
                continue
            others = [label for label in labels if label != line.label]
            # the nearest siblings, in the notes' order (the run's own neighbours), up to MAX_OPTIONS in all
            others = sorted(others, key=lambda o: abs(labels.index(o) - n))[:MAX_OPTIONS - 1]
            options = sorted(others + [line.label], key=fold)
            prompt = f"{where}, which {kind.phrase} does this describe: “{described(line.text)}”?"
            asked.append(RunQuestion(prompt, line.label, tuple(options), line.quote, line.chunk))
        return asked

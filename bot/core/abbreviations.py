"""Other names the notes give things themselves, so that a question may say either and still match
a sentence that says the other:

* "the Great Leap Forward (GLF)": a long name and the abbreviation its initials spell;
* "the Union of Soviet Socialist Republics, also known as the Soviet Union" (also called, better
  known as, a.k.a.);
* "the Democratic People's Republic, or DPR for short";
* "Mao Zedong (Chairman Mao)": a name and another name in brackets right after it.

And a teacher's own list (`names.yaml` beside the notes, see `read_course_names`) for names the
notes never spell out ("USSR" for notes that only say "Soviet Union"). Nothing here knows any
course: every pair comes from the notes or from the teacher.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from pathlib import Path

from bot.core.tokens import STOPWORDS, fold, words

log = logging.getLogger(__name__)

NAMES_FILE = "names.yaml"

# "Long Name (ABBR)" / "Long Names (ABBRs)" / "continuation-passing style (CPS)": the words before
# the brackets whose initials spell the abbreviation. Its capitals are the initials, whatever
# lower-case letters stand between them ("European Court of Human Rights (ECtHR)", "Department for
# Education (DfE)").
_ABBREVIATION = r"[A-Z](?:[a-z]?[A-Z]){1,7}"
_DEFINED = re.compile(rf"((?:[\w’'\-]+\s+){{1,7}})\(({_ABBREVIATION})(s?)\)")
# The words of a name stand on one line: a heading's last word and the next line's first are two
# names ("Secure Remote Login: SSH" above "The SSH (Secure SHell) protocol" is not "SSH The SSH").
_NAME = r"[A-Z][\w’'\-]*(?:[^\S\n]+(?:of|the|and|de|von|van|du|la|al)?[^\S\n]*[A-Z][\w’'\-]*){0,5}"
# A name that may end in a few lower-case words: "Deoxyribonucleic acid", "the Krebs cycle".
_LOOSE_NAME = _NAME + r"(?:[^\S\n]+[a-z][\w’'\-]*){0,2}"
_ALSO_KNOWN = re.compile(rf"({_LOOSE_NAME}),?\s+\(?(?:also|better|commonly|sometimes)\s+"
                         rf"(?:known\s+as|called|named|referred\s+to\s+as)\s+(?:the\s+)?[\"“]?({_LOOSE_NAME})")
_AKA = re.compile(rf"({_LOOSE_NAME}),?\s+\(?(?:a\.k\.a\.|aka)\s+(?:the\s+)?[\"“]?({_LOOSE_NAME})")
_FOR_SHORT = re.compile(rf"({_LOOSE_NAME}),?\s+\(?or\s+(?:the\s+|simply\s+)?[\"“]?({_NAME})[\"”]?\s+for\s+short")
_BRACKETED = re.compile(rf"({_NAME})\s+\((?:or\s+|also\s+|the\s+)?({_NAME})\)")
MAX_NAME_WORDS = 6

OtherNames = dict[str, tuple[str, ...]]  # folded name -> the other names of the same thing (folded)


@dataclass(frozen=True)
class Abbreviation:
    short: str  # as written, plural kept: "APCs"
    long: str  # as written in the sentence: "Agricultural Producers’ Cooperatives"


def abbreviations_in(text: str) -> list[Abbreviation]:
    """Each "Long Name (ABBR)" of a text whose initials spell the abbreviation."""
    found = []
    for match in _DEFINED.finditer(text):
        tail = _matching_tail(match.group(1).split(), match.group(2))
        if tail:
            found.append(Abbreviation(match.group(2) + match.group(3), " ".join(tail)))
    return found


def _matching_tail(words_: list[str], abbreviation: str, particles: bool = False) -> list[str] | None:
    """The last words of the run whose initials spell the abbreviation ("Lower-stage Agricultural
    Producers' Cooperatives (APCs)" -> the last three words). A hyphenated word gives one initial
    or one per part ("continuation-passing style (CPS)"). `particles`: a run of capitalised words
    may also spell it with its small words left out, whatever the language ("Front Islamique de
    Salut" for FIS, "Ludwig van Beethoven" for LB)."""
    capitals = "".join(ch for ch in abbreviation if ch.isupper())
    for start in range(len(words_)):
        tail = words_[start:]
        if fold(tail[0]) in STOPWORDS or not tail[0][:1].isalpha():
            continue
        # A word of the name that is also a common word gives its initial when it is written
        # with a capital ("Domain Name System (DNS)"), not otherwise ("Republic of China (ROC)").
        options = [[w for w in tail if fold(w) not in STOPWORDS],
                   [w for w in tail if fold(w) not in STOPWORDS or w[0].isupper()]]
        if particles and tail[0][0].isupper() and tail[-1][0].isupper():
            options.append([w for w in tail if w[0].isupper()])
        for content in options:
            by_word = "".join(w[0] for w in content)
            by_part = "".join(part[0] for w in content for part in w.split("-") if part)
            if capitals in (by_word.upper(), by_part.upper()):
                return tail
    return None


def pairs_in(text: str) -> list[tuple[str, str]]:
    """(name, other name) pairs a text states, as written."""
    pairs = [(a.long, a.short) for a in abbreviations_in(text)]
    for pattern in (_ALSO_KNOWN, _AKA, _FOR_SHORT, _BRACKETED):
        for match in pattern.finditer(text):
            first, second = match.group(1).strip(), match.group(2).strip()
            if pattern is _BRACKETED and _is_abbreviation_pair(first, second):
                continue  # already found with its initials checked (or a wrong pairing)
            pairs.append((first, second))
    return pairs


def _is_abbreviation_pair(first: str, second: str) -> bool:
    return re.fullmatch(_ABBREVIATION + "s?", second) is not None


def mine_other_names(texts: list[str]) -> OtherNames:
    """{name: other names}, both ways, for every pair the texts state."""
    found: dict[str, list[str]] = {}
    for text in texts:
        for first, second in pairs_in(text):
            add_pair(found, first, second)
    return {name: tuple(others) for name, others in found.items()}


def add_pair(found: dict[str, list[str]], first: str, second: str) -> None:
    a, b = _key(first), _key(second)
    if not a or not b or a == b or max(len(a.split()), len(b.split())) > MAX_NAME_WORDS:
        return
    for name, other in ((a, b), (b, a)):
        others = found.setdefault(name, [])
        if other not in others:
            others.append(other)
    if len(b) >= 3 and b.endswith("s") and second.rstrip("s").isupper():  # "APCs" -> "apc" too
        add_pair(found, first, second[:-1])


def _key(name: str) -> str:
    kept = words(name)
    while kept and kept[0] in STOPWORDS:
        kept = kept[1:]
    return " ".join(kept)


def merge(*tables: OtherNames) -> OtherNames:
    merged: dict[str, list[str]] = {}
    for table in tables:
        for name, others in table.items():
            merged.setdefault(name, [])
            merged[name] += [o for o in others if o not in merged[name]]
    return {name: tuple(others) for name, others in merged.items()}


def read_course_names(corpus_dir: Path) -> OtherNames:
    """A teacher's list of other names, `names.yaml` in the corpus folder:

        USSR: Soviet Union
        PRC: [People's Republic of China, China]

    A missing file is an empty list; a broken one is logged and ignored (answers still work)."""
    path = corpus_dir / NAMES_FILE
    if not path.is_file():
        return {}
    import yaml

    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        if not isinstance(data, dict):
            raise ValueError("expected a mapping of a name to its other names")
        found: dict[str, list[str]] = {}
        for name, others in data.items():
            for other in others if isinstance(others, list) else [others]:
                add_pair(found, str(name), str(other))
    except (ValueError, yaml.YAMLError) as exc:
        log.warning("%s ignored: %s", path, exc)
        return {}
    return {name: tuple(others) for name, others in found.items()}


# "What does IUPAC stand for?", "What does iid stand for?": the abbreviation asked about, as the
# question writes it (any case: notes write "iid" as often as "IID").
_ASKED_ABBREVIATION = re.compile(r"\b(?:does|do|did)\s+(?:the\s+)?(?:abbreviation\s+|acronym\s+)?([^\W\d_][\w&\-]*)\s+"
                                 r"(?:stand\s+for|mean)\b", re.I)
_WORD = re.compile(r"[^\W\d_][\w’'\-]*")
SPELLED_GAP = 4  # words between an abbreviation and its long form after it: "IUPAC (default) is the ..."
SPELLED_WORDS = 10  # words of a long form at most


def asked_abbreviation(question: str) -> str:
    """The abbreviation "What does X stand for / mean?" asks about, when X is one word, or ""."""
    match = _ASKED_ABBREVIATION.search(question)
    return match.group(1) if match and len(match.group(1)) >= 2 else ""


def asked_meaning(question: str) -> str:
    """The word "What does X mean?" asks about, when X is one word and no common word ("What does
    it mean ...?" asks about a situation, not a word), or ""."""
    word = asked_abbreviation(question)
    return word if word and re.search(r"\bmean\b", question, re.I) and fold(word) not in STOPWORDS else ""


# "... is called", "... are known as", "... was referred to as": a sentence that names last what it has
# described (defines_word here, sentences._names_it_at_the_end).
NAMED_AS = r"(?:is|are|was|were)\s+(?:(?:also\s+)?(?:called|termed|named|dubbed)|known\s+as|referred\s+to\s+as)"


def defines_word(text: str, word: str) -> bool:
    """Whether a line of the text opens by saying what `word` is: "The numeration is the way of
    numbering the 18 groups", "Isobaric means ...", "`notice`: conditions are normal ...". What
    "What does numeration mean?" asks, as "X (expansion)" is what "What does X stand for?" asks; or
    gives it in brackets after what it means ("to the left (sinistral)", ansdev24)."""
    quoted = rf"[`'\"“‘]?{re.escape(word)}[`'\"”’]?"
    if re.search(rf"^(?:(?:the|a|an)\s+)?{quoted}(?::\s|\s+(?:is|are|means|refers\s+to|denotes)\s)",
                 text, re.I | re.M):
        return True
    # The word given last, as the name of what the sentence has described: "Applying provisions of
    # the Bill of Rights to the states ... is called "incorporation"." (ans30).
    if re.search(rf"\s{NAMED_AS}\s+{quoted}[.!]?[\"”’']?\s*$", text, re.I | re.M):
        return True
    # The word alone in brackets right after what it means, as an abbreviation after its long form:
    # "the motion is either to the left (sinistral) or to the right (dextral)".
    return re.search(rf"\w[\w’'-]*\s+\(\s*{quoted}\s*\)", text, re.I) is not None


def spells_out(text: str, abbreviation: str) -> bool:
    """Whether the text gives `abbreviation` with a run of words whose initials spell it, next to
    it: before it ("independently and identically distributed (iid)") or just after it ("termed HAC
    (heteroskedasticity and autocorrelation consistent)", "IUPAC (default) is the International
    Union of Pure and Applied Chemistry"). The notes' own way of saying what an abbreviation
    stands for, however they bracket it: `abbreviations_in` knows only "Long Name (ABBR)" with a
    capital abbreviation. Initials are read as there (`_matching_tail`): common words give none
    unless capitalised."""
    found = _WORD.findall(text)
    key = fold(abbreviation)
    letters = abbreviation if sum(ch.isupper() for ch in abbreviation) >= 2 else abbreviation.upper()
    for i, word in enumerate(found):
        if fold(word) not in (key, key + "s"):
            continue
        before = found[max(0, i - SPELLED_WORDS): i]
        if before and _matching_tail(before, letters, particles=True) is not None:
            return True
        # "grep, whose name stands for Global Regular Expression Print": the notes saying so in words
        # put a few more between (ans32).
        gap = SPELLED_GAP + (2 if any(fold(w) in ("stand", "stands", "stood") for w in found[i + 1:i + 1 + SPELLED_GAP])
                             else 0)
        for start in range(i + 1, min(i + 1 + gap, len(found))):
            for end in range(start + 1, min(start + SPELLED_WORDS, len(found)) + 1):
                run = found[start:end]
                if fold(run[-1]) not in STOPWORDS and _matching_tail(run, letters, particles=True) == run:
                    return True
    return False

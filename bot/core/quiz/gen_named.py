"""Which named thing of the notes does what: "The gc module provides functions to perform a garbage
collection, obtain debugging statistics, and tune the collector's parameters." is asked "Which module
provides functions to perform a garbage collection, obtain debugging statistics, and tune the
collector's parameters?", the notes' other modules as options (re, sys, os).

Tutorials, HOWTOs and manuals teach what each of their modules, functions, statements, fields or
commands does (issue 8: such notes gave one item per 1,500-5,000 words, RESULTS 8.30-8.32), but name
them as code, which no other template shows. Here the name is the answer and the wrong options are
names the notes give the same kind ("the <name> <kind>"), so the answer's kind is the options' kind.

Only when:
- the sentence is "The [built-in] <name> <kind> <verb>s <what it does>." (or "The built-in function
  <name> is used to ..."), present tense, a verb of function, what it does ending the sentence; or it
  opens with the name as code, "itertools.count(start, step) returns an infinite stream of evenly
  spaced values.": a module's function asked among the functions of that module the notes call, a
  class's method among that class's, a plain name among the names of its one kind (the arguments are
  not shown; an answer is the name as the notes write it, "itertools.count");
- <name> is a name, not a word of the prose: the notes write it as code somewhere (a call, a dotted
  name, a code line, "import <name>", a "<Name>: value" field line), or, of a module, package, command
  or tool, the prose uses the word only before such a noun ("the atexit module"); and it is no adjective or
  determiner ("the same function", "the other option"; an adjective only when written as code too: the
  parser reads "the mulch function" as an adjective's);
- what it does stands alone and gives nothing away: no pointing word ("this package", "it"), no lead
  into what is still to be said (": " after "the following", "such as", or a clause ending on no noun; a
  full statement ending on a noun with a colon before its example is read as ending there), no vague
  "some ...", not the name itself ("The split method splits ...");
- the sentence says of no other name that it does it too ("also", "as well": the generator's check);
- at least two other names of the kind are left once those the notes say the same of are taken out
  (a name named with the verb and most of the words of what it does elsewhere: "group" returns a
  tuple too), and names of one family with the answer ("sub" and "subn", "group" and "groups").
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass

from bot.core.quiz.gen_function import FUNCTION_VERBS
from bot.core.quiz.gen_plural import singular
from bot.core.quiz.gen_text import is_code_line, shows_code
from bot.core.tokens import STOPWORDS

# The kinds of named thing technical notes say what each does. English nouns of software and
# documents, not any course's names.
KINDS = frozenset({"module", "function", "method", "class", "statement", "clause", "field", "command", "tool",
                   "program", "package", "attribute", "keyword", "operator", "decorator", "library", "parameter",
                   "argument", "utility", "daemon", "directive", "header", "flag", "option"})
# Verbs of what such a thing does, besides gen_function's: "The raise statement allows ...", "The
# Description field gives ...".
VERBS = FUNCTION_VERBS | {"give", "allow", "offer", "let", "enable", "run", "scan", "find", "search", "remove",
                          "delete", "add", "insert", "append", "sort", "split", "join", "compile", "read", "write",
                          "set", "build", "install", "manage", "perform", "compute", "calculate", "compare", "count",
                          "execute", "load", "save", "send", "receive", "translate", "transform", "apply", "carry",
                          "spread", "watch", "keep", "hold", "support", "rotate", "format", "filter", "emit"}
_SENTENCE = re.compile(r"^The (?P<built>built-in )?(?P<name>[A-Za-z_][\w-]*) (?P<kind>[a-z]+) (?P<verb>[a-z]+s) "
                       r"(?P<rest>.+?)\.$")
_USED = re.compile(r"^The (?P<built>built-in )?(?P<kind>[a-z]+) (?P<name>[A-Za-z_][\w-]*) (?P<verb>is used (?:to|for)) "
                   r"(?P<rest>.+?)\.$")
_POINTING = frozenset({"this", "these", "that", "those", "it", "its", "they", "them", "their", "he", "she", "his",
                       "her", "above", "below", "following", "earlier", "previous", "same", "other", "another",
                       "here", "former", "latter"})
_VAGUE_OPENING = frozenset({"some", "several", "various", "many", "few", "something", "anything", "everything"})
COMMON_MIN, COMMON_SHARE = 3, 0.04  # a word in this many of the notes' sentences is one of their topic words
MIN_WRONG = 3  # round 15-mid: three options judged weak ("only three options")
MAX_WRONG = 3
MAX_WORDS = 30  # of what the thing does: a longer stem is a paragraph, not a question
NAMED_QUALITY = 0.85  # over the card "What does the gc module provide?" of the same sentence: one fact, one item

_PROMPT = re.compile(r"^\s*(?:>>>|\.\.\.)(?: |$)")  # an interpreter's prompt: "... finally:"
_BLOCK_OPENER = re.compile(r"\s*[a-z]+\b[^.!?]{0,40}:\s*")  # "else:", "except KeyError:"
# "itertools.count(start, step) returns an infinite stream of evenly spaced values.": a call opens it.
_CALLED_SENTENCE = re.compile(r"^(?P<name>[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*)(?:\([^()]*\))? (?P<verb>[a-z]+s) (?P<rest>.+?)\.$")
_SOFTWARE_KINDS = frozenset({"module", "package", "library", "command", "tool", "utility", "program", "daemon"})
# "SMTPHandler instances send messages to a designated email address.": a class named by its family's
# suffix ("...Handler"), asked among the notes' other classes of that suffix.
_INSTANCES_SENTENCE = re.compile(r"^(?P<name>[A-Z][A-Za-z0-9]*(?P<suffix>[A-Z][a-z]+)) (?:instances|objects) "
                                 r"(?P<verb>[a-z]+) (?P<rest>.+?)\.$")
_CAMEL = re.compile(r"\b[A-Z][A-Za-z0-9]*[A-Z][a-z]+\b")
# Kinds whose names label what they hold: a field "Description" holds a description.
_LABEL_KINDS = frozenset({"field", "header", "attribute", "option", "flag", "parameter", "argument", "directive"})
_KEYWORD_KINDS = frozenset({"statement", "clause", "keyword", "operator"})
_IDENT = r"[A-Za-z_][\w-]*"
_SECTION = r"\d[a-z]?"  # a manual page's section, "(5)", "(3pm)": "deb822(5)" names a page, not a call


@dataclass(frozen=True)
class NamedQuestion:
    prompt: str
    answer: str
    options: tuple[str, ...]


def code_names(texts: list[str]) -> set[str]:
    """Names the notes write as code: a call ("sorted(...)"), a piece of a dotted name ("re.compile"),
    "import x", a word in backticks, the word opening a line of code ("try:", "raise ValueError",
    "with open(...)"), a field line's name ("Depends: libc6"). Not every word of a code line: a
    program's output and an example's own variables are no names the notes teach."""
    found: set[str] = set()
    for text in texts:
        found |= set(re.findall(rf"\b({_IDENT})\(", text))
        for dotted in re.findall(rf"\b{_IDENT}(?:\.{_IDENT})+", text):
            if not re.fullmatch(r"(?:[a-z]\.)+[a-z]?", dotted):  # "e.g.", "i.e."
                found |= set(dotted.split("."))
        found |= set(re.findall(rf"\b(?:import|from) ({_IDENT})", text))
        found |= set(re.findall(rf"`({_IDENT})`", text))
        for line in text.splitlines():
            field = re.match(r"^\s*(?:- )?([A-Z][\w-]*): \S", line)
            if field:
                found.add(field.group(1))
            if is_code_line(line) or _PROMPT.match(line) or _BLOCK_OPENER.fullmatch(line):
                opening = re.match(r"^\s*(?:>>>|\.\.\.)?\s*([a-z]+)\b(?!\s*[=.(\[])", line)
                if opening:
                    found.add(opening.group(1))  # a keyword: "try:", "raise KeyError", "for x in y:"
    return found


class NamedThings:
    """The names the notes give each kind of thing ("the gc module", "the raise statement"), and what
    each sentence of theirs says a name does, for the options' check."""

    def __init__(self, texts: list[str], docs: dict) -> None:
        self.code = code_names(texts)
        self.docs = docs
        # A word the prose never uses but before a kind of software ("the gc module", "the atexit module",
        # "unittest modules") is that thing's name, written as code or not; not a word of the prose met
        # elsewhere ("the main module" beside "the main reason", "the string module" beside "a string").
        total, before_kind = Counter(), Counter()
        for text, doc in docs.items():
            if is_code_line(text):
                continue
            for token in doc:
                if re.fullmatch(r"[a-z][a-z0-9_]+", token.text):
                    total[token.text] += 1
                    following = doc[token.i + 1].lower_ if token.i + 1 < len(doc) else ""
                    if following.rstrip("s") in _SOFTWARE_KINDS or following in _SOFTWARE_KINDS:
                        before_kind[token.text] += 1
        self.only_named = {w for w, n in before_kind.items() if n == total[w]}
        # Words the prose writes in lower case as words of its own, not before a kind's noun.
        self.prose_words = {w for w, n in total.items() if n > before_kind[w]}
        # Words met all through the notes say what they are about, not what one thing does: two names
        # described in sentences sharing only those are not said to do the same.
        spread = Counter(lemma for doc in docs.values() for lemma in {t.lemma_.lower() for t in doc})
        self.common = {w for w, n in spread.items() if n >= max(COMMON_MIN, COMMON_SHARE * len(docs))}
        prose = {w for text in docs if not is_code_line(text) for w in re.findall(_IDENT, text)}
        self.pool: dict[str, Counter] = defaultdict(Counter)  # "the gc module": named of the kind by the prose
        for text, doc in docs.items():
            for token in doc:
                kind = token.lower_.rstrip("s") if token.lower_ not in {"class", "classes"} else "class"
                if kind not in KINDS or token.i == 0:
                    continue
                name = doc[token.i - 1]
                if self._a_name(name, kind) and (name.i == 0 or doc[name.i - 1].lower_ in {"the", "a", "an", "built-in"}):
                    self.pool[kind][name.text] += 1
        # ... and of the kind by the code, when the prose names them too: what is imported is a module
        # ("import itertools"), what is called a function ("sorted(...)") or, after an object, a method
        # ("p.search(...)"; after a module imported, "re.compile(...)", a function).
        imported, functions, methods = set(), set(), set()
        for text in texts:
            imported |= set(re.findall(rf"(?m)^(?:>>> )?\s*(?:import|from) ({_IDENT})", text))
        for text in texts:
            # "deb822(5)", "dpkg(1)": a manual page with its section, a file format or a program, not a
            # call (round 18: dpkg was asked as "Which function removes ...?" among deb822, deb-control
            # and deb-conffiles, "manual pages or file formats, not tools").
            for found in re.finditer(rf"(?:\b({_IDENT})\.)?\b({_IDENT})\((?!{_SECTION}\))", text):
                owner, called = found.group(1), found.group(2)
                if owner and owner not in imported:
                    methods.add(called)
                else:
                    functions.add(called)
        self.camel = {n for text in texts for n in _CAMEL.findall(text)}  # "StreamHandler", "SMTPHandler"
        # "itertools.count", "Logger.warning": a module's functions, a class's methods, called by the notes.
        self.dotted_calls = {found for text in texts
                             for found in re.findall(rf"\b({_IDENT}\.{_IDENT})\((?!{_SECTION}\))", text)}
        self.extra: dict[str, set[str]] = {
            "module": imported, "function": {f for f in functions if f.islower()}, "method": {m for m in methods if m.islower()}}
        for kind, names in self.extra.items():
            self.extra[kind] = {n for n in names if n in prose and len(n) >= 3 and n.lower() not in STOPWORDS}

    def _a_name(self, token, kind: str = "") -> bool:
        if len(token.text) < 2 or token.lower_ in KINDS or token.lower_ in _POINTING:
            return False
        if token.text not in self.code:
            return (kind in _SOFTWARE_KINDS and token.text in self.only_named and token.lower_ not in STOPWORDS
                    and token.tag_ in {"NN", "NNS", "NNP", "FW", "XX", "ADD"})
        if kind in _KEYWORD_KINDS and token.text.islower() and token.tag_ not in {"DT", "CD", "PRP", "PRP$"}:
            return True  # "the with statement", "the else clause", "the in operator": keywords are words
        return token.lower_ not in STOPWORDS and token.tag_ not in {"DT", "CD", "PRP", "PRP$", "IN", "CC", "RB", "JJR", "JJS"}

    def question(self, text: str, doc, rng) -> NamedQuestion | None:
        text = _closed_before_example(text, doc)
        found = _SENTENCE.match(text) or _USED.match(text)
        if found:
            name, kind, verb, rest = found.group("name"), found.group("kind"), found.group("verb"), found.group("rest")
            built = found.group("built") or ""
            if kind not in KINDS or name not in self.pool.get(kind, {}):
                return None
            token = next((t for t in doc if t.text == name), None)
            if token is None or not self._a_name(token, kind):
                return None
            named = set(self.pool[kind])
            others = named | self.extra.get(kind, set())
        elif _INSTANCES_SENTENCE.match(text):
            found = _INSTANCES_SENTENCE.match(text)
            name, verb, rest, suffix = found.group("name"), found.group("verb"), found.group("rest"), found.group("suffix")
            built, kind = "", f"{suffix.lower()} class"
            others = {n for n in self.camel if n.endswith(suffix) and n != suffix}
            named = {n for n in others if re.search(rf"(?m)^\W*{n} (?:instances|objects) ", "\n".join(self.docs))}
            if _camel_parts(name) & {singular(w) for w in re.findall(r"[A-Za-z]+", rest.lower())}:
                return None  # "StreamHandler instances send messages to streams": the name says it
        else:
            found = _CALLED_SENTENCE.match(text)
            if not found:
                return None
            name, verb, rest, built = found.group("name"), found.group("verb"), found.group("rest"), ""
            kind, others = self._called_kind(name)
            if not kind:
                return None
            named = set(self.pool.get(kind, ())) if "." not in name else set()
        verb_token = next((t for t in doc if t.text == verb.split()[0] and t.idx >= len(name)), None)
        if verb.startswith("is used"):
            lemma = "use"
        elif verb_token is None or (verb_token.lower_ != verb_token.lemma_.lower() if found.re is _INSTANCES_SENTENCE
                                    else verb_token.tag_ != "VBZ") \
                or verb_token.lemma_.lower() not in VERBS \
                or verb_token.dep_ not in {"ROOT"} and found.re not in (_CALLED_SENTENCE, _INSTANCES_SENTENCE) \
                or any(c.dep_ == "conj" and c.tag_ in {"VBZ", "VBP", "VBD"} for c in verb_token.children):
            return None  # not what the thing does, or two things ("returns X, or returns Y")
        else:
            lemma = verb_token.lemma_.lower()
        words = re.findall(r"[\w'-]+", rest)
        lowered = [w.lower() for w in words]
        if not 2 <= len(words) <= MAX_WORDS or rest.rstrip().endswith(":") or lowered[0] in _VAGUE_OPENING \
                or rest_points_outside(rest, doc, len(text) - len(rest) - 1) or shows_code(rest) or re.search(r"\d\.\d|Section \d", rest) \
                or re.search(r"\.\s|\.\.|…", rest) or any(len(w) == 1 and w not in {"a", "A", "I"} and not w.isdigit()
                                                         for w in words):
            return None  # another sentence run on, an argument named by its letter ("n times")
        stem = name.rsplit(".", 1)[-1].lower()
        if any(w.startswith(stem) or stem.startswith(w) and len(w) >= 4 or len(w) >= 4 and w in stem
               or len(stem) >= 3 and stem in w for w in lowered + [verb.split()[0].lower()]):
            return None  # "The split method splits ...", "The Package field gives the package name", "islice ... a
            # slice", "groups ... the subgroups": the stem spells the answer
        if _looks_like(stem, lowered):
            return None  # "itertools" beside "iterators", "gc" beside "garbage collection" (round 15-mid: borderline)
        if kind in _LABEL_KINDS and name.lower() in self.prose_words:
            return None  # "Description", "Version": a field named by an English word names what it holds
        start = len(text) - len(rest) - 1
        wanted = {t.lemma_.lower() for t in doc if t.idx >= start and t.is_alpha and not t.is_stop and len(t.text) > 2}
        wanted = {w for w in wanted if w not in self.common} or wanted  # "try", "exception" in notes on exceptions
        options = []
        for other in sorted(others):
            low = other.rsplit(".", 1)[-1].lower()
            if other == name or low.startswith(stem) or stem.startswith(low) or low in lowered:
                continue
            if self.says_same_of(other, lemma, wanted, text):
                continue
            options.append(other)
        if len(options) < MIN_WRONG:
            return None
        # Names the notes describe in words of the same field first ("getopt ... command line options" beside
        # argparse's "command-line arguments"; held-out round 15: math and datetime beside it were implausible),
        # then those named of the kind by the prose.
        near = {o for o in options if self._shares_field(o, wanted, text)}
        wrong = sorted(options, key=lambda o: (o not in near, o not in named, rng(o)))[:MAX_WRONG]
        shown = sorted([name, *wrong], key=lambda o: rng("order" + o))
        if found.re is _INSTANCES_SENTENCE:
            return NamedQuestion(f"Instances of which {kind} {verb} {rest}?", name, tuple(shown))
        return NamedQuestion(f"Which {built}{kind} {verb} {rest}?", name, tuple(shown))

    def _called_kind(self, name: str) -> tuple[str, set[str]]:
        """The kind of a name a sentence opens with as code ("itertools.count(start, step) returns
        ..."), and the names of that kind to choose options from: a module's function among the
        functions of that module the notes call ("itertools.cycle"), a class's method among that class's
        ("Logger.warning"), a plain name among the names of its one kind. ("", set()) when the name is
        no call of the notes or an example's object ("p.match")."""
        if "." in name:
            owner = name.rsplit(".", 1)[0]
            siblings = {n for n in self.dotted_calls if n.rsplit(".", 1)[0] == owner}
            if name not in self.dotted_calls:
                return "", set()
            if owner in self.extra["module"] or owner in self.pool.get("module", {}):
                return "function", siblings
            if owner[:1].isupper() and "." not in owner:
                return "method", siblings
            return "", set()
        kinds = [k for k in ("function", "method") if name in self.extra.get(k, ()) or name in self.pool.get(k, {})]
        if len(kinds) != 1:
            return "", set()
        return kinds[0], set(self.pool.get(kinds[0], ())) | self.extra.get(kinds[0], set())

    def _shares_field(self, other: str, wanted: set[str], own: str) -> bool:
        """A sentence of the notes naming `other` shares a content word of what the answer does."""
        for text, doc in self.docs.items():
            if text != own and re.search(rf"(?<![\w.]){re.escape(other)}(?![\w])", text) \
                    and wanted & {t.lemma_.lower() for t in doc}:
                return True
        return False

    def says_same_of(self, other: str, lemma: str, wanted: set[str], own: str) -> bool:
        """The notes say of `other` what the question asks: a sentence naming it with at least half (two
        or more) of the content words of what the answer does, whatever its verb ("WallTrellis instances
        hold a climber flat against a sunny wall" beside "FanTrellis instances spread the branches of a
        fruit tree flat against a sunny wall"; "group ... will return a tuple containing ..." beside "The
        groups method returns a tuple containing the strings ..."). `lemma`, the question's verb, is not
        needed: another verb may say the same."""
        for text, doc in self.docs.items():
            if text == own or not re.search(rf"(?<![\w.]){re.escape(other)}(?![\w])", text):
                continue
            lemmas = {t.lemma_.lower() for t in doc}
            shared = len(wanted & lemmas)
            if wanted and shared * 2 >= len(wanted) and (shared >= 2 or len(wanted) == 1):
                return True
        return False


# Words after which a colon opens what the sentence still has to say ("provides the following:", "works as
# follows:", "such as:"): what follows is part of the statement, not an example of it.
_OPENING_MORE = frozenset({"following", "follows", "these", "this", "below", "as", "like", "include", "including",
                           "such", "example", "e.g", "i.e", "namely", "are", "is", "of", "to", "for", "with", "by"})


def _closed_before_example(text: str, doc) -> str:
    """A sentence that says all it says and then opens an example with a colon ("The glob module provides a
    function for making file lists from directory wildcard searches:", code follows) ends at the colon: it
    is read as ending with a full stop (same length, so the parse's offsets still hold). Not when the colon
    opens what the sentence has yet to say ("... the following:", "... such as:") or the clause before it
    ends on no noun ("... is used to:")."""
    if not text.endswith(":"):
        return text
    words = [t for t in doc if not t.is_punct]
    if not words or words[-1].lower_.rstrip(".") in _OPENING_MORE or words[-1].pos_ not in {"NOUN", "PROPN"} \
            or any(t.lower_ in {"following", "follows", "below"} for t in doc):
        return text
    return text[:-1] + "."


def _looks_like(name: str, words: list[str]) -> bool:
    """The answer's name is made of the stem's words: it opens like one of them ("itertools" and
    "iterators": four letters or more in common at the start) or is the initials of a run of them ("gc" of
    "garbage collection", "re" of "regular expression"), so the stem gives it away by form."""
    name = name.lower()
    for word in words:
        word = word.lower()
        common = 0
        for a, b in zip(name, word):
            if a != b:
                break
            common += 1
        if common >= 3 and word not in STOPWORDS:
            return True  # "argparse" beside "arguments" (held-out round 15: borderline)
        if len(singular(word)) >= 4 and word not in STOPWORDS and singular(word) in name:
            return True  # "doctest" beside "tests" (held-out round 15)
    parts = [p for w in words for p in re.split(r"[-_/]", w) if p]  # "Comma-Separated Value": c, s, v
    initials = "".join(w[:1].lower() for w in parts)
    return 2 <= len(name) <= 5 and name.isalpha() and name in initials


_PRONOUNS = frozenset({"it", "its", "they", "them", "their"})


def rest_points_outside(rest: str, doc, start: int) -> bool:
    """What the thing does points outside the question: a pointing word ("this package", "the above"), or
    a pronoun with no noun before it in the question ("... allows objects like files to be used in a way
    that ensures they are always cleaned up" points to "objects", which the question shows)."""
    seen_noun = False
    for token in doc:
        if token.idx < start:
            continue
        low = token.lower_
        if low in _PRONOUNS:
            if not seen_noun:
                return True
        elif low in _POINTING and not (low in {"that", "there"} and token.tag_ in {"WDT", "IN", "EX"}):
            return True  # "that" joining a clause ("so that", "a list that ...") and "there are" point nowhere
        if token.pos_ in {"NOUN", "PROPN"}:
            seen_noun = True
    return False


def _camel_parts(name: str) -> set[str]:
    """The words a CamelCase name is made of, in lower case: "SMTPHandler" -> {"smtp", "handler"}."""
    return {p.lower() for p in re.findall(r"[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z0-9]+|[A-Z]+", name)}

"""Which defined term a licence or a set of rules means by a definition: of ""Licensor" shall mean the
copyright owner or entity authorized by the copyright owner that is granting the License." the item
"In the Apache License, which term means “the copyright owner or entity authorized by the copyright
owner that is granting the License”?", with the other terms the same document defines as options
("Contributor", "Legal Entity", "Derivative Works").

Licences, charters and contracts open with a list of definitions (""X" shall mean ...", "“X” means
...", "To “X” a work means ...", "“X” refers to ..."), and what each defined term means is the first
thing a teacher of such a text asks (issue 8: the Apache licence gave no item at all; RESULTS 8.28).
The wrong options are terms the same document defines, so they are of the answer's kind by the
document's own say; a verb defined ("To “convey” a work means to ...") is offered among verbs only.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from bot.core.documents import Chunk
from bot.core.quiz.gen_plural import singular
from bot.core.quiz.gen_text import chunk_sentences, is_practice_section, readable_text
from bot.core.text import split_sentences
from bot.core.loaders.headings import without_section_number
from bot.core.tokens import fold

# ["1.1. "]["To "|"A "|"The "]"Term"[ (or "Terms")][ form| for a User Product| a work] means|shall mean|refers to ...
_DEFINED = re.compile(
    r"^\s*(?:\d+(?:\.\d+)*\.?\s+)?(?:(?P<to>To)\s+|(?:A|An|The)\s+)?[\"“](?P<term>[^\"“”]{1,40})[\"”]"
    r"(?P<tail>(?:\s+\((?:or|and)\s+[\"“][^\"“”]+[\"”]\))?(?:\s+[\w-]+){0,4}?)"
    r"\s+(?:shall mean|means|refers to|is defined as)\s+(?P<definition>\S.*)$")
# A glossary line of notes: "Term: definition" or "Term (ABBR): definition", the definition a noun phrase in
# lower case ("Stimulus: any event in the environment that an organism can detect, ..."; "Warrant: a written
# order issued by a judge ..."). No quotes, no "means": the colon defines (issue 8, session 24: the psychology,
# law and software notes of set 24 each define ten terms so, and none of them became an item).
# The same line with a spaced dash for its colon ("Nephron – the microscopic functional unit of the kidney.",
# "Writ of mandamus – an order from a court ..."): set 16's biology, history and law notes each write their
# key terms so, the term in bold, and none became an item (issue 8, session 25).
# (the "(ABBR)" after a term, or its other spelling in one lower-case word: "Heme (haem): the iron-containing group
# ...", set 21, read as no glossary line and so never offered beside "Globin", borderline)
_GLOSSARY = re.compile(r"^\s*(?P<term>[A-Z][\w’'-]*(?: [\w’'-]+){0,4}?)(?:\s+\((?P<short>[A-Z][A-Za-z]{1,5}|[a-z]{3,15})\))?"
                       r"(?P<mark>:|\s[–—])\s+(?P<definition>[a-z].*)$")
_DETERMINED = re.compile(r"^(?:The|A|An|This|That|These|Those|Its|Their|His|Her|Our|Some|Most|All|Each)\s", re.I)
# A glossary line written "Term. Definition." ("Electoral College. The body of electors, chosen by ...";
# "Head (hydraulic head). The height difference ..."; "Aztecs / Mexica. The people who ..."): the term a
# sentence of its own that opens the line, the definition the line's next sentence, in capitals (set 19: all
# five notes write their key terms so, the term in bold in the Markdown ones, and none became an item).
_DOTTED_TERM = re.compile(r"^\s*(?P<term>[A-Z][\w’'-]*(?: [\w’'-]+){0,4}?)(?: / [A-Z][\w’'-]*(?: [\w’'-]+){0,3})?"
                          r"(?:\s+\((?P<gloss>[^()]{1,40})\))?\.$")
_LABEL = re.compile(r"^\s*(?P<term>[A-Z][\w’'-]*(?: [\w’'-]+){0,4}?)(?:\s+\([^()]*\))?:\s+\S")  # any "Label: ..." line
_ASIDE = re.compile(r"\s*\([^()]*\)")  # "(see the Katz test in section 6)", "(reads)": an aside, not the definition
LABEL_LINES = 3  # a word opening this many "Word: ..." sentences of one document is a label, not a term
SECTION_LABEL_LINES = 2  # ... or this many of one section: a field of records compared side by side
MIN_DEFINITION_WORDS = 4  # "this document": nothing to recognise
MAX_DEFINITION_WORDS = 40  # the definition is the stem; longer ones are not read as a question
MIN_OPTIONS = 3  # the answer and two other defined terms at least: no padding with terms of another kind
MAX_OPTIONS = 4
PROCESS = "(process)"  # a glossary term that names what happens ("Setting", "Subduction"), whatever its genus word
ACT = "(act)"  # a glossary term whose genus is two nouns the notes use as verbs ("one full charge and discharge")
_HAPPENS = frozenset({PROCESS, ACT})  # what happens, not a thing: never offered among things while two are left
ACTIVITY = "(activity)"  # a prose definition that is a gerund's phrase (gen_prose_defined): what is done
QUALITY = "(quality)"  # a definition that opens with a participle or an adjective: the term names a quality
SHARED_PREFIX = 5  # "deriv-ed" / "deriv-ative", "contr-ibutes" / "contr-ibutor": one word's family
# What a definition's head noun names, in general English: a party to the text ("an individual or Legal
# Entity ...", "the copyright owner ...") is offered among parties, a thing ("any form ...", "a work
# ...") among things: "You" is no plausible name for "a work that combines Covered Software ...".
PARTY_NOUNS = frozenset({"individual", "person", "people", "entity", "owner", "organization", "organisation",
                         "party", "holder", "user", "licensee", "licensor", "author", "company", "body", "member",
                         "recipient", "contributor", "developer", "maintainer", "you", "anyone", "someone"})


@dataclass(frozen=True)
class Definition:
    term: str  # as the document writes it between its quotes: "Licensor", "covered work", "modify"
    definition: str  # the definition's first sentence after "means", without its closing full stop
    verbal: bool  # "To “modify” a work means to ...": a verb is defined, offered among verbs only
    head: str = ""  # the definition's head noun, lower case ("owner", "form", "work"); "" unknown
    # The noun phrases the definition says the term is, as written: its first ("the unmodified
    # Program") and those joined to it by "or", "and" or commas ("a work based on the Program").
    heads: tuple[str, ...] = ()
    glossary: bool = False  # read from a "Term: definition" line (glossary_definition), not a quoted term
    # the glossary line's "(ABBR)" after its term ("UCS" of "Unconditioned stimulus (UCS)") or its other spelling
    # ("haem" of "Heme (haem)"): another way the notes write the term, spelled out and kept from its options alike
    short: str = ""
    prose: bool = False  # read from a sentence of running prose (gen_prose_defined), checked by its parse there
    dashed: bool = False  # a glossary line with a spaced dash for its colon ("Nephron – the microscopic ...")
    dotted: bool = False  # a "Term. Definition." line (dotted_definition): the definition is the line's second sentence
    run: str = ""  # the lead-in ("... divides it into three groups:") a run of such lines follows (`dotted_runs`)
    acts: bool = False  # the genus is two nouns joined by "and"/"or" the notes use as verbs: "one full charge and discharge"
    # "The Duma was the elected legislative assembly ...": a past-tense definition of a thing that no longer is,
    # kept only where the notes name the term as a term (`named_as_term`)
    past: bool = False
    # "The thalassemias are a group of ...": a present-tense definition of "the <one word>", kept only where a heading
    # names the term (`named_as_term`, lane qcopula) and asked as a card only ("What are the thalassemias?")
    headed: bool = False


@dataclass(frozen=True)
class DefinedTermQuestion:
    prompt: str
    answer: str
    options: tuple[str, ...]


def definition_of(sentence: str) -> Definition | None:
    """The defined term and its definition when the sentence opens by defining a quoted term, else None."""
    found = _DEFINED.match(sentence)
    if not found:
        return None
    tail = found.group("tail").split()
    if any(w.lower() in {"also", "not", "only", "no", "in", "this", "context"} for w in tail):
        return None  # "“Copyright” also means ...": a second sense; "in this context": one of several senses
    definition = split_sentences(found.group("definition"))[0].strip() if found.group("definition") else ""
    definition = definition.rstrip(".;").strip()
    words = definition.split()
    if not MIN_DEFINITION_WORDS <= len(words) <= MAX_DEFINITION_WORDS or definition.endswith(":"):
        return None  # "means any of the following:", "means this document"
    term = found.group("term").strip()
    verbal = bool(found.group("to")) or words[0].lower() == "to"
    return Definition(term, definition, verbal)


def glossary_definition(sentence: str) -> Definition | None:
    """The term and its definition when the sentence is a glossary line "Term: definition" whose definition
    starts in lower case ("Reinforcement: a consequence that makes a behaviour more likely to happen again."),
    else None. Whether the term is a noun phrase and the definition one too (not a clause: "Positive
    reinforcement: something pleasant is added ...", nor a lead-in: "Before conditioning: the UCS ...") is
    the parse's to say (`reads_as_glossary`). An "(ABBR)" after the term is left out of the answer."""
    found = _GLOSSARY.match(sentence)
    if not found or _described(found.group("term")) or re.match(r"(?:A|An)\s+\S+\s+\S", found.group("term")):
        # (and a remark's lead, with its article: "A common confusion: the compound of hemoglobin with carbon
        # dioxide is ...", set 21, asked 'What is meant by "Common confusion"?'; a glossary's term is bare)
        # "The bulk of the population: farmers, craftsmen and others": a description of something the line
        # named before (set 19: "Macehualtin (commoners). The bulk of the population: ..." asked 'What is meant
        # by "Bulk of the population"?', dropped). A glossary writes its terms bare.
        return None
    definition = _ASIDE.sub("", split_sentences(found.group("definition"))[0]).strip().rstrip(".;").strip()
    # "Latent TB infection – infection without symptoms; the person is not contagious.": what the term is, then a
    # fact of it, read as its first part as a "Term. Definition." line's is (set 20)
    if definition.count(";") == 1 and _a_fact_after(definition.split(";")[1], definition.split(";")[0]):
        definition = first_of_joined(definition)
    words = definition.split()
    if not MIN_DEFINITION_WORDS <= len(words) <= MAX_DEFINITION_WORDS or definition.endswith(":") \
            or re.search(r"[;:()]", definition):
        return None  # a run of clauses ("ratio schedules count responses; interval schedules ..."), a cut aside
    return Definition(found.group("term").strip(), definition, words[0].lower() == "to", glossary=True,
                      short=found.group("short") or "", dashed=found.group("mark") != ":")


def _a_fact_after(part: str, first: str = "") -> bool:
    """What follows a glossary definition's ";" is a clause of its own, a fact of the term ("the person is not
    contagious", "it reflects the actual gain ..."), not the rest of a list ("and holders of real assets ...") nor
    the other side of a comparison ("after, a conscript army of commoners"; "ratio schedules count responses;
    interval schedules reinforce ...": its subject's noun in `first` too, two claims side by side)."""
    from bot.core import nlp  # a part no sentence of the notes is
    if re.match(r"^\s*(?:and|or|but)\b|^\s*\w+,", part):
        return False
    if re.match(r"^\s*(?:also|sometimes|often)\s+(?:called|known as|named)\s", part):
        return True  # "...; also called the market-clearing price": another name, the term's too (set 20)
    doc = nlp.parse_lines([part.strip().rstrip(".") + "."])[0]
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    subject = next((c for c in root.children if c.dep_ in {"nsubj", "nsubjpass"}), None) if root is not None else None
    if subject is None or root.pos_ not in {"VERB", "AUX"}:
        return False
    return subject.pos_ == "PRON" or not re.search(rf"\b{re.escape(subject.lower_)}\b", first.lower())


def _described(term: str) -> bool:
    """A "term" that is a description: opened by a determiner other than an article ("These rules", "Its
    members"), or by an article with another determiner further in ("The bulk of the population", "A member of
    its council"); "The renal pelvis" is a term written with its article."""
    words = term.split()
    if not _DETERMINED.match(term):
        return False
    return words[0].lower() not in {"the", "a", "an"} or any(_DETERMINED.match(w + " ") for w in words[1:])


def dotted_term(sentence: str) -> re.Match | None:
    """The sentence is a "Term." opening a "Term. Definition." line: a short name, nothing else (no verb
    is read here: the definition's parse decides, `reads_as_glossary`); not one opening with an article
    ("The election of 1824.": a label over the story that follows, no term)."""
    found = _DOTTED_TERM.match(sentence)
    if not found or _DETERMINED.match(found.group("term")):
        return None
    return found


def dotted_definition(term_sentence: str, sentence: str, written: str = "") -> Definition | None:
    """The term and its definition of a "Term. Definition." line, the term `term_sentence` (`dotted_term`) and
    the definition the line's next sentence (`sentence`), its first word put in lower case as after a colon
    ("The body of electors ..." -> "the body of electors ..."), as is a word the notes (`written`) write in
    lower case too; a name in capitals is kept ("Vibrio cholerae" stays). An "(ABBR)" after the term is its
    short name, another aside ("(hydraulic head)") is left out."""
    found = dotted_term(term_sentence)
    if not found:
        return None
    definition = _ASIDE.sub("", _kept_asides(sentence)).replace("\x00", "(").replace("\x01", ")")
    definition = definition.strip().rstrip(".;").strip()
    definition = first_of_joined(definition)
    words = definition.split()
    if not MIN_DEFINITION_WORDS <= len(words) <= MAX_DEFINITION_WORDS or definition.endswith(":") \
            or re.search(r"[;]|:.*:", definition) or re.search(r"[()]", re.sub(_INNER_ASIDE, "", definition)):
        return None
    if re.search(rf"(?<!\w){re.escape(fold(found.group('term')))}(?!\w)", fold(definition)):
        return None  # "Sediment. Dams trap sediment that ...": a sentence about the label, no definition of it
    first = words[0]
    if first[1:] == first[1:].lower() and (first.lower() in {"a", "an", "the", "any", "one", "each"}
                                           or re.search(rf"(?<![.!?]\s)(?<!^)\b{re.escape(first.lower())}\b", written)):
        definition = first[:1].lower() + definition[1:]  # "Raised agricultural beds ...": "raised" is written so
    gloss = found.group("gloss") or ""
    if re.match(r"(?:in|for|as|under|within|at|on|during)\s", gloss):
        return None  # "Monopoly (in this case). An exclusive right ... to run steamboats ...": the meaning the
        # notes give holds only where the aside says; asked without it the card teaches a wrong general one (set 23)
    short = gloss if re.fullmatch(r"[A-Z][A-Za-z]{1,5}", gloss) else ""
    return Definition(found.group("term").strip(), definition, first.lower() == "to", glossary=True,
                      short=short, dotted=True)


def first_of_joined(definition: str) -> str:
    """A definition of two facts joined by one ";" ("The Mexica capital, on an island in Lake Texcoco; today the
    heart of Mexico City", "Raised agricultural beds built in ...; sometimes called \"floating gardens\""): its
    first part, what the term is, when that part is a phrase of its own (no bracket, no quote, no colon open in
    it, MIN_DEFINITION_WORDS words or more); else the definition as written (refused for its ";")."""
    if definition.count(";") != 1 or re.search(r"[()\"“”:]", definition.split(";")[0]):
        return definition
    first = definition.split(";")[0].strip().rstrip(",")
    return first if len(first.split()) >= MIN_DEFINITION_WORDS else definition


def _first_part(doc, text: str):
    """The parse of what `first_of_joined` keeps of `text` ("The ruler of an altepetl" of "The ruler of an
    altepetl; the ruler of Tenochtitlan was the emperor."), read alone; else `doc`, the parse of all of it."""
    kept = first_of_joined(_ASIDE.sub("", text).strip().rstrip(".;").strip())
    if ";" in kept or ";" not in text:
        return doc
    from bot.core import nlp  # the parse of a part the notes' sentences did not hold
    return nlp.parse_lines([kept + "."])[0]


# An aside inside a definition's phrase, between two of its words: "the coexistence of stagnation (high
# unemployment) and high inflation" says what the stagnation is; left out, the answer restates the word
# ("stagnation and high inflation" for "Stagflation", set 19: borderline). One at its end ("... per second
# (m³/s)") or naming the term's short form is left out as before.
_INNER_ASIDE = re.compile(r"(?<=\w) \((?P<inner>[a-z][a-z ,'-]{2,40})\)(?= [a-z])")


def _kept_asides(sentence: str) -> str:
    """`sentence` with its inner asides (`_INNER_ASIDE`) kept from `_ASIDE`'s cut: their brackets marked."""
    return _INNER_ASIDE.sub(lambda m: f" \x00{m.group('inner')}\x01", sentence)


def _a_clause(doc) -> bool:
    """The sentence, parsed as written, is a clause: its root a verb with a subject ("Water collects in the
    reservoir behind the dam.", "Dams trap sediment ..."), not a noun phrase ("A structure that holds back
    water ...", whose verb is its relative clause's)."""
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    finite = {"VBZ", "VBP", "VBD", "MD"}  # "A smaller division ..., usually made up of ...": a participle, no clause
    return root is not None and root.pos_ in {"VERB", "AUX"} \
        and (root.tag_ in finite or any(c.dep_ in {"aux", "auxpass"} and c.tag_ in finite for c in root.children)) \
        and any(c.dep_ in {"nsubj", "nsubjpass", "expl"} for c in root.children)


def dotted_runs(chunk: Chunk) -> dict[str, str]:
    """The lead-in each "Term. Definition." line of the chunk follows: a line ending in a colon just before an
    unbroken run of such lines ("One classic description divides it into three groups:" over "Pipiltin (nobles).
    ...", "Macehualtin (commoners). ...", "Mayeques (serfs). ..."): the notes list the run's terms as things of one
    kind, whatever each definition's genus ("nobles", "the bulk of the population", "workers"). Keyed by the
    line's term sentence."""
    lines = [re.sub(r"^[-*•]\s+", "", line.strip()) for line in chunk.text.splitlines()]
    lines = [line for line in lines if line]
    found = {}
    for i, line in enumerate(lines):
        first = split_sentences(line)[0] if line else ""
        if dotted_term(readable_text(first) or first) is None or len(split_sentences(line)) < 2:
            continue
        j = i - 1
        while j >= 0 and dotted_term(readable_text(split_sentences(lines[j])[0]) or "") is not None \
                and len(split_sentences(lines[j])) >= 2:
            j -= 1
        if j >= 0 and lines[j].endswith(":"):
            found[first] = lines[j]
    return found


def dotted_lines(chunk: Chunk) -> dict[str, str]:
    """The definition sentences of the chunk's "Term. Definition." lines, each with its term's sentence: a
    sentence that is a `dotted_term` opening a line of the chunk, and the sentence after it on that line."""
    quotes = [quote for quote, _ in chunk_sentences(chunk)]
    lines = [re.sub(r"^[-*•]\s+", "", line.strip()) for line in chunk.text.splitlines()]  # a bulleted line too
    found = {}
    for term, after in zip(quotes, quotes[1:]):
        if dotted_term(readable_text(term) or term) is None:
            continue
        if any(line.startswith(term) and after in line[len(term):] for line in lines):
            found[after] = term
    return found


def reads_as_glossary(term_doc, definition_doc) -> bool:
    """A glossary line's term, parsed alone, names a thing and its definition, parsed alone, is a noun
    phrase (its root a noun: "a consequence that makes ..."), not a clause ("evidence may be admitted if
    ...") nor a participle ("first adopted by the Supreme Court in ...")."""
    term_root = next((t for t in term_doc if t.dep_ == "ROOT"), None)
    root = next((t for t in definition_doc if t.dep_ == "ROOT"), None)
    if term_root is None or root is None or term_doc[0].pos_ in {"ADP", "PRON", "SCONJ", "ADV", "AUX"}:
        return False
    if opens_a_clause(definition_doc):
        return False
    # One word alone is often read as a verb ("Warrant", "Search"): a noun by the line's form. The definition's
    # root a common noun ("the taking of property"): "the San Andreas Fault in California and ..." names instances.
    return (len(term_doc) == 1 or term_root.pos_ in {"NOUN", "PROPN"}) and root.pos_ == "NOUN"


def reads_as_copula_glossary(term_doc, frame_doc) -> bool:
    """A glossary line read as the sentence it stands for, "<term> is <definition>.", is a definition: its
    root "is", the term its subject, a noun its complement from the word after "is" ("Filter is a program
    that ...", "Tectonic plate is one of the pieces ..."), and no clause for a complement ("Course is the
    struggle began ...", "Positive reinforcement is something pleasant is added ..."). For lines whose
    definition, parsed alone, takes a verb of its relative clause for its root (issue 8, set 24)."""
    root = next((t for t in frame_doc if t.dep_ == "ROOT"), None)
    if root is None or root.lemma_ != "be" or root.i != len(term_doc) or frame_doc[0].pos_ in {"ADP", "PRON", "SCONJ", "AUX"}:
        return False  # "is" right after the term: the term is no clause itself ("Covalent bonds are directional")
    if opens_a_clause(frame_doc[root.i + 1:]):
        return False  # "Rainfall is when rain is short, the crops fail": a condition, not a definition
    children = list(root.children)
    attr = next((c for c in children if c.dep_ == "attr"), None)
    # "... is the power of courts to declare laws unconstitutional": the adjective completes the clause's verb
    # ("declare laws unconstitutional"), the parse hangs it on "is" (set 20's "Judicial review")
    slipped = {c.i for c in children if c.dep_ == "acomp" and attr is not None and attr.i < c.i and any(
        t.dep_ in {"acl", "relcl"} and t.pos_ == "VERB" and t.i < c.i for t in attr.subtree)}
    if any(c.dep_ in {"ccomp", "csubj", "acomp"} and c.i not in slipped for c in children) \
            or not any(c.dep_ == "nsubj" and c.i < root.i for c in children):
        return False
    if attr is None or attr.left_edge.i != root.i + 1:
        return False
    return attr.pos_ in {"NOUN", "PROPN"} or (attr.lower_ == "one" and any(c.lower_ == "of" for c in attr.children))


def opens_a_clause(definition_doc) -> bool:
    """The explanation after a label's colon opens with a subordinator ("when rain is short, the crops
    fail ...", "if the price rises, ..."): a condition and what follows it, a clause about the label, not
    a noun phrase saying what it is (set 18: a factor's "Label: when ... " line offered among cell parts)."""
    first = next((t for t in definition_doc if not t.is_punct), None)
    return first is not None and (first.pos_ == "SCONJ" or first.tag_ == "WRB")


def lists_instances(term_doc, definition_doc) -> bool:
    """A label of a list, not a term: the term is a bare plural noun that opens it ("Examples", "Examples of
    dry-land crops", "Uses of copper") and what follows the colon is not its plural genus but the instances
    themselves: a singular head ("copper: wire, pipes and roofing") or a run of things joined by "and"/"or"
    ("auctions, or a dealer ..."), written bare. A definition agrees with its term ("Proteins: large molecules
    that ...") or opens with an article ("Aggregates: the sand, gravel or crushed stone in concrete").
    Set 18: "Examples" keyed as the answer of a "which term means", "Examples of C4 plants" an option."""
    # The term's head, not only its first word: "Plant types: impoundment, run-of-river and pumped storage, plus
    # in-conduit" (set 19: asked 'What is meant by "Plant types"?', dropped as a list heading)
    head = next((t for t in term_doc if t.dep_ == "ROOT"), None)
    if head is not None and head.tag_ != "NNS" and head.i > 0 and term_doc[0].tag_ == "NNS":
        head = term_doc[0]  # "Examples of dry-land crops": the plural that opens it
    if head is None or head.tag_ != "NNS" or any(t.dep_ == "det" for t in term_doc):
        return False
    first = next((t for t in definition_doc if t.pos_ in {"NOUN", "PROPN"}), None)  # its head, as written first
    if first is None or definition_doc[0].pos_ == "DET":
        return False  # "Aggregates: the sand, gravel or crushed stone in concrete": a phrase with its article defines
    clause = min((c.i for c in first.children if c.dep_ in {"relcl", "acl"}), default=len(definition_doc))
    # (a conjunct after the head's own clause is the parse's slip: "trees whose seeds grow in a fruit or a pod")
    # (a plural genus agreeing with its term is a definition, instances after it or not: "Noble gases: unreactive
    # elements, such as helium, neon and argon")
    listed = any(c.dep_ == "conj" and c.i < clause for c in first.children) \
        or first.tag_ != "NNS" and _series(definition_doc)
    if head.i > 0:
        # a term whose plural comes last ("Labour services: unpaid work that a tenant owed ...") is a term defined
        # by its genus; it labels a list only when a run of things follows ("Plant types: impoundment, ...")
        return listed
    return first.tag_ in {"NN", "NNP"} or listed


def written_as(term: str, text: str) -> str:
    """How the notes write a glossary term inside their sentences (after a word in lower case or a comma): "name"
    when always with its capital, at least twice ("Cuzco", "Qhapaq Ñan"), "word" when in lower case at least once
    ("mit'a", "galvanic cell"), "" when the prose does not say (the glossary line alone)."""
    words = re.sub(r"\s*\([^()]*\)", "", term).strip()
    if not words or not words[:1].isupper():
        return ""
    small = words[:1].lower() + words[1:]
    if re.search(rf"[a-z,;] {re.escape(small)}(?:s|es)?(?![\w’'-])", text):
        return "word"  # "a chasqui", "for chasquis"
    if len(re.findall(rf"[a-z,;] {re.escape(words)}(?:s|es)?(?![\w’'-])", text)) >= 2:
        return "name"
    return ""


def hedged_fact(definition_doc) -> bool:
    """What follows the label opens with an adverb and then an article: "Usually a layer of graphite, which also
    stores lithium ions" (of "Anode (negative electrode)."), "Typically a solution of ...", "Now a National Historic
    Site": what the thing is usually made of, or is now, a fact of it; its meaning is elsewhere (set 21: 'What is
    meant by "Anode"?' keyed to graphite, the notes calling the anode the negative electrode). "Very small
    particles" (an adverb of its adjective) is a definition."""
    words = [t for t in definition_doc if not t.is_punct]
    return len(words) > 2 and words[0].pos_ == "ADV" and words[1].pos_ == "DET"


def category_label(term_doc, definition_doc) -> bool:
    """A one-word label the parse reads as an adjective, defined by a bare noun phrase: "Thermal: exposure to high
    temperature" beside "Mechanical: crushing, ..." and "Electrical: overcharging, ..." under "three kinds of
    abuse:" names a kind of the lead-in's thing, not a term (set 21: "which term means 'exposure to high
    temperature'?" keyed "Thermal"). An adjective defined as a quality ("Ductile: able to be drawn into wire")
    is asked as a quality."""
    words = [t for t in definition_doc if not t.is_punct]
    root = next((t for t in definition_doc if t.dep_ == "ROOT"), None)
    return len(term_doc) == 1 and term_doc[0].pos_ == "ADJ" and root is not None and root.pos_ == "NOUN" \
        and bool(words) and words[0].pos_ in {"NOUN", "ADJ"} and words[0].tag_ != "JJS"


def runs_of_things(definition_doc) -> bool:
    """What follows the label is a run of four or more things, bare: "Thermal barriers between cells, fire-resistant
    enclosures, division of the pack into smaller isolated sections, and ventilation for cells that vent gas" (of
    "Pack design."), the measures a heading groups, not what the label means (set 21, asked 'What is meant by "Pack
    design"?'). A definition with its article ("the sand, gravel or crushed stone ...") or a genus before "such as"
    keeps its run inside one noun."""
    words = [t for t in definition_doc if not t.is_punct]
    root = next((t for t in definition_doc if t.dep_ == "ROOT"), None)
    if root is None or root.pos_ != "NOUN" or not words or words[0].pos_ == "DET":
        return False
    # by its punctuation (the parse hangs the run on any noun of it): pieces between commas, each with a noun of
    # its own, none a clause's or opening an example ("such as", "including")
    pieces, piece = [], []
    for t in definition_doc:
        if t.text == ",":
            pieces.append(piece)
            piece = []
        else:
            piece.append(t)
    pieces.append(piece)
    if len(pieces) < 4 or sum(1 for t in definition_doc if t.dep_ == "conj") < 2:
        return False
    return all(any(t.pos_ in {"NOUN", "PROPN"} for t in p) and p[0].lower_ not in {"such", "including", "like", "e.g.",
                                                                                   "especially", "for", "which", "that"}
               and not any(t.pos_ == "AUX" or t.tag_ in {"VBD", "VBZ", "VBP"} and t.dep_ == "ROOT" for t in p)
               for p in pieces)


def _series(doc) -> bool:
    """The phrase opens with a run of things, by its punctuation: a comma before any relative word or verb, and
    "and", "or" or "plus" after it ("impoundment, run-of-river and pumped storage, plus in-conduit", which the
    parse reads as anything but a list)."""
    comma = next((t.i for t in doc if t.text == ","), None)
    if comma is None or any(t.tag_ in {"WDT", "WP"} or t.lower_ == "that" or t.pos_ in {"VERB", "AUX"}
                            for t in doc[:comma]):
        return False
    if any(t.lower_ in {"and", "or", "plus"} for t in doc[comma:]):
        return True
    # a run written with commas only, every piece a noun's ("income, related goods, tastes, expectations, number
    # of buyers", a summary's "Demand shifters: ..." line, set 20), no verb in any: "a hard, grey, brittle metal"
    # has pieces without one
    pieces, piece = [], []
    for t in doc:
        if t.text == ",":
            pieces.append(piece)
            piece = []
        elif not t.is_punct:
            piece.append(t)
    pieces.append(piece)
    return len(pieces) >= 3 and all(any(t.pos_ in {"NOUN", "PROPN"} for t in p) and not any(
        t.pos_ in {"VERB", "AUX"} and t.dep_ != "amod" or t.tag_ in {"WDT", "WP"} for t in p) for p in pieces)


def _mentions(text: str, term: str, name: str = "") -> bool:
    """`term`, or a word sharing its first SHARED_PREFIX letters with a word of it, is written in `text`:
    "derived from" in a definition of "Derivative Works", "contributes" in one of "Contributor" give
    the answer away; "Licensor" in a definition marks "Licensor" as not the answer. Words of the
    document's `name` do not count ("License" of the Apache License is in most of its definitions)."""
    folded = fold(text)
    if re.search(rf"(?<!\w){re.escape(fold(term))}(?!\w)", folded):
        return True
    own = set(re.findall(r"\w+", fold(name)))
    prefixes = {w[:SHARED_PREFIX] for w in re.findall(r"\w+", fold(term)) if len(w) >= SHARED_PREFIX}
    return any(w[:SHARED_PREFIX] in prefixes for w in re.findall(r"\w+", folded)
               if len(w) >= SHARED_PREFIX and w not in own)


def with_head(found: Definition, doc, verbs: frozenset[str] | set[str] = frozenset()) -> Definition:
    """`found` with the head noun of its definition, read from the parse `doc` of its sentence: the root
    of the first noun phrase that starts where the definition does; `acts` when that noun and the nouns joined
    to it are all words the notes use as verbs (`verbs`, lemmas): "one full charge and discharge" names what
    happens, an event (set 21: "Cycle" offered among Electrode, Electrolyte and Separator, borderline)."""
    start = doc.text.find(found.definition)
    if start < 0 and (found.prose or found.dotted):  # "The indented side ... is called the hilum": quoted as "the indented side ..."
        start = doc.text.lower().find(found.definition.lower())
    separator = re.search(r":|\s[–—]\s", doc.text) if start < 0 and found.glossary else None
    if separator:
        # An aside cut from the definition ("an atom (or group of atoms) that ...", "stipends (fixed incomes)"):
        # the definition still starts after the line's colon (or dash), and its head is read there.
        start = separator.end()
        start += len(doc.text[start:]) - len(doc.text[start:].lstrip())
    first = next((t for t in doc if start >= 0 and t.idx >= start), None)
    if first is not None and found.prose and first.tag_ == "VBG":
        # "Specialisation means concentrating production on ...": an activity the term names, not a quality
        return Definition(found.term, found.definition, found.verbal, ACTIVITY, glossary=found.glossary,
                          short=found.short, prose=True, dashed=found.dashed, dotted=found.dotted, run=found.run, past=found.past, headed=found.headed)
    if first is not None and (first.tag_ == "VBG" or first.pos_ == "ADJ" or first.lower_ == "that"):
        # "having the right to grant ...", and a clause: ""Freely Available" means that no fee is charged for
        # the item ..." names a state, not a thing ("Standard Version" and "Package" as its wrong options:
        # held-out rounds 14-15, borderline twice)
        return Definition(found.term, found.definition, found.verbal, QUALITY, glossary=found.glossary,
                          short=found.short, prose=found.prose, dashed=found.dashed, dotted=found.dotted, run=found.run, past=found.past, headed=found.headed)
    # (a chunk the parse runs on from the term over the line's colon, "Oxyhemoglobin: hemoglobin", has its root in
    # the definition: "hemoglobin" is the genus of "hemoglobin with oxygen bound to it", set 21)
    chunk = next((c for c in doc.noun_chunks if start >= 0 and (c.start_char >= start or found.glossary
                                                               and c.root.idx >= start)), None) if start >= 0 else None
    if chunk is not None and chunk.start_char < start and chunk.root.idx - start >= 12:
        chunk = None
    head = chunk.root.lemma_.lower() if chunk is not None and chunk.start_char - start < 12 else ""
    heads = ()
    if head:
        joined = set(chunk.root.conjuncts)
        heads = tuple(doc.text[max(c.start_char, start):c.end_char] for c in doc.noun_chunks
                      if c.root == chunk.root or c.root in joined)
    joined_nouns = [c for c in chunk.root.conjuncts if c.pos_ in ("NOUN", "PROPN")] if head else []
    acts = bool(joined_nouns) and all(t.lemma_.lower() in verbs for t in [chunk.root, *joined_nouns])
    return Definition(found.term, found.definition, found.verbal, head, heads, glossary=found.glossary,
                      short=found.short, prose=found.prose, dashed=found.dashed, dotted=found.dotted, run=found.run,
                      acts=acts, past=found.past, headed=found.headed)


def defined_through(other: Definition, term: str) -> bool:
    """`other` is defined as `term` itself, or as one of several things `term` is among: ""covered
    work" means either the unmodified Program or a work based on the Program" is defined through "The
    Program". Whatever defines the Program then fits a covered work too (an unmodified Program is one),
    so "covered work" is no wrong option of a question on "The Program". A term named further in
    (""Installation Information" means ... methods ... to install ... a covered work") is not."""
    name = re.sub(r"^(?:the|a|an) ", "", fold(term))
    return any(re.search(rf"(?<!\w){re.escape(name)}(?!\w)", fold(h)) for h in other.heads)


def _is_code(term: str) -> bool:
    """The term is written as a code, in capitals without a lower-case letter ("CC-BY-SA", "GPL"): among
    terms in words ("Massive Multiauthor Collaboration Site", "Modified Version") it is plainly not one of
    them (held-out round 15: "CC-BY-SA is clearly not a kind of site"), so a code is offered among codes."""
    return len(term) > 1 and not re.search(r"[a-z]", term) and bool(re.search(r"[A-Z]", term))


def _kind(found: Definition) -> str:
    """What the defined term is, for options of its kind: a verb, a quality ("Licensable": "having the
    right to grant ..."), a party, or a thing."""
    if found.verbal:
        return "verb"
    if found.head in (QUALITY, ACTIVITY):
        return found.head  # "concentrating production on ...": an activity is offered among activities only
    return "party" if found.head in PARTY_NOUNS else "thing"


def family_words(definitions: list[Definition]) -> frozenset[str]:
    """The head words two or more glossary terms of a document end on ("stimulus" of "Unconditioned
    stimulus" and "Conditioned stimulus"; "response"): a family's word, which a definition says as its
    genus ("a stimulus that naturally produces a response ...") without giving its term away."""
    ends = [fold(d.term).split()[-1] for d in definitions if d.glossary and len(d.term.split()) > 1]
    return frozenset(w for w in ends if ends.count(w) >= 2)


def _term_head(term: str) -> str:
    """The head word of a glossary term as written: its last word, or the word before its first preposition
    ("Fruit" of "Fruit of the poisonous tree", "relief" of "Post-conviction relief for federal prisoners"),
    folded, without a plural's s."""
    words = fold(term).split()
    cut = next((i for i, w in enumerate(words) if i and w in _PREPOSITIONS), len(words))
    words = words[:cut]
    return singular(words[-1]) if words else ""


# English prepositions that close a term's head: "Fruit of the poisonous tree", "Post-conviction relief for
# federal prisoners".
_PREPOSITIONS = frozenset({"of", "for", "in", "on", "to", "from", "with", "by", "under", "at"})


def _verbal(word: str) -> bool:
    """A noun made of a verb by its ending: "setting", "hardening", "taking", "hydration", "subduction",
    "reactions", "intrusion" (what happens, not a thing); not a short word ("king", "station") nor one of
    the endings that as often name a thing ("motion", "region", "suspension", "exhaustion")."""
    return bool(_GERUND.search(word)) and len(word) > 5 or bool(_NOMINAL.search(word)) and len(word) > 7


_GERUND = re.compile(r"ings?$")
_NOMINAL = re.compile(r"(?:ation|ction|ssion|usion|ption)s?$")


def _kinds(d: Definition) -> set[str]:
    """What a glossary term is, by the notes' words: its definition's genus ("response" of "the learned
    response to the CS", "folder" of "a folder where ...") and the term's own head word ("directory" of
    "User data directory", "ion" of "Ion"), both without a plural's s; PROCESS when either is a noun made
    of a verb ("Setting": "the early stiffening ...", "Hydration": "the chemical reactions ...") or the
    genus is "process" ("Subduction": "the process in which ...")."""
    kinds = {_term_head(d.term)} if d.term.split() else set()
    if d.head and d.head != QUALITY:
        kinds.add(singular(d.head))
    if d.run:
        kinds.add("run: " + d.run)  # the lines a lead-in lists ("... divides it into three groups:"), one kind
    if d.acts:
        kinds.add(ACT)
    if d.head == "process" or any(_verbal(w) for w in (_term_head(d.term), d.head if d.head != QUALITY else "")):
        kinds.add(PROCESS)
    return kinds - {""}


def _shown_kinds(d: Definition) -> set[str]:
    """The kind a student reads off a glossary term's own form, without knowing what it means: PROCESS of
    a noun made of a verb ("Electroplating", "Seafloor spreading", "Hydration"), the head word of a term of
    two or more words ("temperature" of "Critical pitting temperature", "boundary" of "Plate boundary");
    nothing of a one-word term of its own ("Clinker", "Shogun", "Erythrocyte")."""
    head = _term_head(d.term)
    if _verbal(head):
        return {PROCESS, head}
    return {head} if len(d.term.split()) > 1 else set()


def _of_the_answers_kind(found: Definition, wrong: list[str], by_term: dict[str, Definition],
                         order_key) -> list[str] | None:
    """The wrong options of a glossary item, of the answer's kind (issue 8, set 17: "a metal highly
    resistant to corrosion, such as gold" with Electroplating, a process, and Critical pitting temperature
    among its options; "a red blood cell" against two forms of the parasite; "the sand, gravel or crushed
    stone" against two processes: each answer the only one of its kind, borderline). First the terms the
    notes define as the answer's kind (the same genus or head word, or both processes), then the others,
    but never one whose own form shows another kind ("Electroplating", "Plate boundary" for "a layer"), nor
    two that share a kind the answer has not ("Gametocyte" and "Sporozoite", both "the form of the
    parasite", beside "Erythrocyte": the answer the odd one out). None when fewer than two are left: no
    item rather than one the options give away."""
    mine = _kinds(found)
    fits = [w for w in wrong if not (_shown_kinds(by_term[w]) and not _shown_kinds(by_term[w]) & mine)]
    same = sorted((w for w in fits if _kinds(by_term[w]) & mine), key=order_key)
    rest = sorted((w for w in fits if w not in same), key=order_key)
    # Only terms of its kind when the notes define two or more, and when the answer shows its kind by its own
    # form and the stem names it ("Noble metal" for "a metal ...", "Hardening" among things for "the later,
    # steady growth ...": any option of another kind is struck out at sight).
    shows = PROCESS in _shown_kinds(found) \
        or len(found.term.split()) > 1 and bool(found.head) and _term_head(found.term) == singular(found.head)
    # A "Term. Definition." line's options are terms of its kind only (set 19: "Conquistador" and "Mesoamerica" as
    # throwaway options beside two social classes, borderline)
    # A family the options show by their form: the answer's head word ends another option too ("Ionic bond" beside
    # "Covalent bond", "Original jurisdiction" beside "Appellate jurisdiction"). A student who reads the stem's genus
    # ("the electrostatic force ...", "the power of a court ...") picks between the two of a family, and an option
    # of another kind by the notes' own words ("Octet", a set; "Anion", an ion; "Commission", a document, though
    # its "-ssion" reads as a process's ending) is thrown away at sight (session 29, round 34: borderline three
    # times, "effectively a two-way choice"). Such an answer is offered only among terms that share its genus or
    # head word (`_word_kinds`), else asked as a card.
    if len(found.term.split()) > 1 and any(len(by_term[w].term.split()) > 1
                                           and _term_head(by_term[w].term) == _term_head(found.term) for w in fits):
        words = _word_kinds(found)
        head = _term_head(found.term)
        # (a head word made of the answer's: "Hydrogen bonding" beside "Covalent bond" and "Ionic bond", one family)
        same = [w for w in same if _word_kinds(by_term[w]) & words or _term_head(by_term[w].term).startswith(head)]
        rest = []
    pool = same if len(same) >= 2 or shows or found.dotted else same + rest
    # An act among things ("Cycle", one full charge and discharge, among Electrode, Separator and Cell: set 21,
    # borderline four times): an act is asked among what happens only (two at least, else a card), and never
    # offered among things. (A "process" read off a word's ending alone, "information", "Stagflation", is no
    # such sign: it decides no option here.)
    if found.acts:
        pool = [w for w in pool if _kinds(by_term[w]) & _HAPPENS]
        if len(pool) < 2:
            return None
    elif not mine & _HAPPENS:
        pool = [w for w in pool if ACT not in _kinds(by_term[w])]
    chosen = _unlike(pool, by_term, mine)
    if not any(mine & _kinds(o) for o in by_term.values()):
        # The answer is of a kind no other term of the notes is ("Erythrocyte": "a red blood cell"), and each
        # wrong option one of a kind the notes define several of (an organism, a form of the parasite): a
        # student who knows those kinds finds the answer as the odd one out (set 17, borderline). Options of
        # no such kind first; none, and no item.
        def kin(w: str) -> bool:
            return any(_kinds(by_term[w]) & _kinds(o) for o in by_term.values() if o.term != w)

        if chosen and all(kin(w) for w in chosen):
            chosen = _unlike([w for w in pool if not kin(w)] + [w for w in pool if kin(w)], by_term, mine)
            if all(kin(w) for w in chosen):
                return None
    return chosen if len(chosen) + 1 >= MIN_OPTIONS else None


def _unlike(pool: list[str], by_term: dict[str, Definition], mine: set[str]) -> list[str]:
    """Up to MAX_OPTIONS - 1 terms of `pool` in its order, no two of them of a kind the answer (of kinds
    `mine`) is not."""
    chosen: list[str] = []
    for w in pool:
        if len(chosen) == MAX_OPTIONS - 1:
            break
        if any((_kinds(by_term[w]) & _kinds(by_term[c])) - mine for c in chosen):
            continue
        chosen.append(w)
    return chosen


def _word_kinds(d: Definition) -> set[str]:
    """A term's kinds by the notes' words only: its own head word and its definition's genus, without a
    plural's s (ACTIVITY for a gerund's phrase)."""
    kinds = {singular(fold(d.term).split()[-1])} if d.term.split() else set()
    if d.head and d.head != QUALITY:
        kinds.add(singular(d.head))
    return kinds


def spells_key(definition: str, term: str) -> bool:
    """The definition spells its one-word term piece by piece: a word of the stem (3+ letters) the term
    starts or ends with, and a word of the stem that starts with the term's other piece's start or end
    ("hemoglobin with oxygen bound to it": "Oxyhemoglobin" is "oxy" of "oxygen" and "hemoglobin"; "hemoglobin
    without oxygen bound": "Deoxyhemoglobin"; set 21, round 49: borderline twice, "answered from word parts
    alone"). A student builds the key from the stem without knowing the notes."""
    if len(term.split()) != 1:
        return False
    key = re.sub(r"[^a-z]", "", fold(term))
    words = [w for w in re.findall(r"[a-z]+", fold(definition)) if len(w) >= 3]
    for w in words:
        if w == key or not (key.startswith(w) or key.endswith(w)):
            continue
        rest = key[len(w):] if key.startswith(w) else key[:-len(w)]
        if len(rest) < 3:
            continue  # "Cells" of "cell": the same word, which `_mentions` reads
        for v in words:
            if v != w and any(v[:k] in (rest[:k], rest[-k:]) for k in range(3, min(len(v), len(rest)) + 1)):
                return True
    return False


COMPOUND_PIECE = 4  # a word of the stem this long that a word of the key is made of ("floor" of "Seafloor")
COMPOUND_REST = 3  # ... with this many letters more: "sea" + "floor", not "Cells" of "cell"


def spells_compound(definition: str, term: str) -> bool:
    """A key of two or more words one of whose words is a compound of a stem's word: "Seafloor spreading" asked
    with "the process by which new ocean floor is created ... and moves away": "floor" is the end of
    "Seafloor", and the key's other word names the process the stem describes (set 24, round 30: borderline,
    "nearly spells out 'seafloor spreading'"). A one-word key is read by `spells_key` (both its pieces)."""
    words = fold(term).split()
    if len(words) < 2:
        return False
    stem = {w for w in re.findall(r"[a-z]+", fold(definition)) if len(w) >= COMPOUND_PIECE}
    for word in (re.sub(r"[^a-z]", "", w) for w in words):
        for w in stem:
            if len(word) - len(w) >= COMPOUND_REST and (word.startswith(w) or word.endswith(w)):
                return True
    return False


def spelled_out(definition: str, expansions: dict[str, str]) -> str:
    """`definition` with each abbreviation the notes spell out written as its long form: "the learned
    response to the CS" -> "the learned response to the Conditioned stimulus"."""
    for short, long in expansions.items():
        if short and long:
            definition = re.sub(rf"(?<![\w-]){re.escape(short)}(?![\w-])", long, definition)
    return definition


def defined_term_question(found: Definition, others: list[Definition], setting: str, title: str,
                          order_key, family: frozenset[str] = frozenset(),
                          expansions: dict[str, str] | None = None) -> DefinedTermQuestion | None:
    """The item on `found`, with options from `others` (the other definitions of its document, in the
    document's order); `setting` is the document as a question names it ("the Apache License", or "" for
    "the notes"); `order_key(option)` orders the options (seeded by content). None when the
    definition names its term, or names the document itself ("refers to version 3 of the GNU General
    Public License": the term is "This License", the one guess), or too few terms of its kind are left."""
    own = " ".join([title, *sorted(family)]) if found.glossary and family else title
    if _mentions(found.definition, found.term, " ".join(sorted(family)) if found.glossary else ""):
        return None  # even by a word of the document's name: "granting the License" points to "Licensor"
    if found.glossary:
        # An abbreviation in the stem that stands for the answer's words: "the natural, unlearned response to
        # the UCS" is "... to the Unconditioned stimulus", and "Unconditioned response" is found by pairing
        # the letters (round 27: borderline twice, "UCS" and "CS").
        shorts = {o.short: o.term for o in others if o.short}
        shorts.update({k: v for k, v in (expansions or {}).items() if k not in shorts})
        if _mentions(spelled_out(found.definition, shorts), found.term, " ".join(sorted(family))):
            return None
    if spells_key(found.definition, found.term) or spells_compound(found.definition, found.term):
        return None  # "hemoglobin with oxygen bound to it": "Oxyhemoglobin" read off the stem's words (set 21)
    if re.search(r"\bthis document\b", found.definition, re.IGNORECASE) \
            or title and fold(title) in fold(found.definition):
        return None
    wrong = []
    for other in others:
        if _kind(other) != _kind(found) or _is_code(other.term) != _is_code(found.term) \
                or fold(other.term) == fold(found.term) \
                or any(fold(other.term) == fold(w) for w in wrong):
            continue
        if _mentions(found.definition, other.term, own) or _mentions(other.term, found.term, own) \
                or _mentions(found.term, other.term, own):
            continue  # a term the definition uses is plainly not the one it defines; "Contribution" beside "Contributor"
        if other.short and re.search(rf"(?<!\w){re.escape(other.short)}(?!\w)", found.definition) \
                or found.glossary and singular(fold(other.term)) == singular(found.head):
            continue  # "... paired with the UCS ...": not the UCS; "a warrant that ...": "Warrant" is its genus
        if defined_through(other, found.term):
            continue  # "covered work" (the Program or a work based on it) for "The Program": a second answer
        wrong.append(other.term)
    if found.glossary:
        # Options of the answer's kind, as the notes say what each term is (its definition's genus, its own
        # head word): "Cation" and "Anion" (both "ion") first. A term of two or more words names its kind in
        # its own words ("User data directory", "Reasonable suspicion", "Conditioned response"): among terms
        # of other kinds it is the only folder, standard or response, and the stem's genus ("a folder where
        # ...", "a lower standard than ...") gives it away (round 27: borderline three times). Such a term is
        # asked only beside another term of its kind ("Standalone document" beside "Template", both "a
        # file"), which comes first among its options. A one-word term ("Shogun", "Octet") does not show its
        # kind by its form, and the glossary's other terms stay its options.
        by_term = {o.term: o for o in others}
        mine = _kinds(found)
        same = [w for w in wrong if _kinds(by_term[w]) & mine]
        if found.prose:
            # A prose answer's own kind by the notes' words: a genus or head word it shares with the option, or a
            # section beside its own (a term with no definition here, gen_prose_defined.sibling_terms); not a
            # kind read off the words' endings alone ("Painting" and "Dealloying" are no kin by "-ing")
            words = _word_kinds(found)
            same = [w for w in same if not by_term[w].definition or _word_kinds(by_term[w]) & words]
        if (len(found.term.split()) > 1 or found.prose or found.dashed or found.dotted) and not same:
            # (a "Term. Definition." line too, set 19: "Huitzilopochtli" (a god) among a soldier, a city-state and a
            # region, "Epidemiology" (a study) the only "-ology", "Head" (a height difference) the only quantity
            # among machine parts: each the only one of its kind, borderline; asked as a card instead)
            # A term read from prose ("Hilum", "Polyuria") or a dashed line ("Nephron – the microscopic functional
            # unit ..." among "Reabsorption" and "Secretion"; "Flagellants – bands of religious penitents ..."
            # among "Pandemic" and "Plague": each the only one of its kind, set 16) is asked only beside another
            # of its kind too
            return None
        # ... and offered only among terms of its kind: "Parasitological diagnosis" is no name for an organism
        wrong = [w for w in wrong if w in same or not by_term[w].prose]
        wrong = _of_the_answers_kind(found, wrong, by_term, order_key)
        if wrong is None:
            return None
    if len(wrong) + 1 < MIN_OPTIONS:
        return None
    heads = {o.term: o.head for o in others}
    wrong = sorted(wrong, key=lambda o: (not found.glossary and heads.get(o) != found.head,
                                         order_key(o)))[:MAX_OPTIONS - 1]
    options = tuple(sorted([found.term, *wrong], key=lambda o: order_key("option " + o)))
    where = f"In {setting}" if setting else "In the notes"
    kind = "verb" if found.verbal else "quality" if found.head == QUALITY else "term"
    return DefinedTermQuestion(f"{where}, which {kind} means “{found.definition}”?", found.term, options)


def definitions_by_document(notes: list[Chunk], docs: dict | None = None,
                            prose=None) -> dict[str, list[tuple[Definition, str]]]:
    """Every definition of the notes with the sentence it is read from, per document in reading order;
    a term defined twice keeps its first definition (one term, one item). With `docs` (a sentence's text ->
    its parse) and `prose` (a parse -> a Definition or None: gen_prose_defined.prose_definition), the
    definitions written in running prose too."""
    found: dict[str, list[tuple[Definition, str]]] = {}
    labels = field_labels(notes)
    written = {}  # each document's text: the words it writes in lower case ("workers", "raised")
    for chunk in notes:
        written[chunk.document] = written.get(chunk.document, "") + "\n" + chunk.text
    for chunk in notes:
        if is_practice_section(chunk.heading_path):
            continue
        dotted = dotted_lines(chunk)
        runs = dotted_runs(chunk) if dotted else {}
        for quote, _ in chunk_sentences(chunk):
            text = readable_text(quote) or ""
            definition = definition_of(text) or glossary_definition(text)
            if definition is None and quote in dotted:
                definition = dotted_definition(readable_text(dotted[quote]) or dotted[quote], text,
                                               written[chunk.document])
                if definition is not None and docs and text in docs and _a_clause(_first_part(docs[text], text)):
                    definition = None  # "Storage. Water collects in the reservoir ...": a labelled step, no definition
                if definition is not None and runs.get(dotted[quote]):
                    definition = dataclasses.replace(definition, run=runs[dotted[quote]])
            if definition is None and prose is not None and docs and text in docs:
                definition = prose(docs[text])
                if definition is not None and definition.past \
                        and not named_as_term(definition.term, notes, chunk.document,
                                              sections=not re.match(r"the \S+ (?:was|were) ", text, re.IGNORECASE)):
                    definition = None  # "The war was a long struggle ...": narrative, not a term defined
                if definition is not None and definition.headed \
                        and not named_as_term(definition.term, notes, chunk.document, sections=False):
                    definition = None  # "The city is ...", "The result is ...": a thing named before, no term
            known = found.setdefault(chunk.document, [])
            if definition and definition.glossary and _summing_up(chunk.heading_path):
                continue  # "Aftermath: the Moscow-Washington hotline and ...": under the notes' summary a label heads a
                # point summed up, no term defined (set 23: "Aftermath" offered beside "Quarantine" and "Maskirovka")
            if definition and definition.glossary and (chunk.document, label_key(definition.term)) in labels:
                continue  # "Example: the Great Rift Valley ...": a label the notes put before many lines
            # A glossary line of a term the prose defined before ("A writ is a formal written order ...", then "Writ:
            # ..." among the key terms) is kept beside it: the generator asks the line when it is read as one.
            if definition and all(fold(d.term) != fold(definition.term) for d, _ in known
                                  if d.prose <= definition.prose):
                known.append((definition, quote))
    return found


def named_as_term(term: str, notes: list[Chunk], document: str, sections: bool = True) -> bool:
    """The notes name `term` as a term of their own: a heading of the document is the term (its article and a
    number aside: "3. The Duma"), or the document writes it in bold, or it appears in two or more sections.
    A past-tense "X was a ..." is a definition only of such a term (issue 8, lane qpastdef). Without `sections`
    (one word after "the": "The war was ...", "The battle was ..."), a heading or bold only."""
    bare = re.sub(r"^(?:the|a|an) ", "", term.strip(), flags=re.IGNORECASE).lower()
    if not bare:
        return False
    pattern = re.compile(rf"(?<![\w-]){re.escape(bare)}(?:s|es)?(?![\w-])", re.IGNORECASE)
    seen = set()
    for chunk in notes:
        if chunk.document != document:
            continue
        for heading in chunk.heading_path:
            words = re.sub(r"^[\dIVX.)\s]*(?:[a-z][.)]\s+)?", "", heading.strip())
            words = re.sub(r"^(?:the|a|an) ", "", words, flags=re.IGNORECASE).strip().rstrip(".:").lower()
            # (or its part before a colon: "8. Thalassemias: disorders of globin production", lane qcopula)
            for named in {words, words.split(":")[0].strip()}:
                if named == bare or named in {bare + "s", bare + "es"}:
                    return True
        if re.search(rf"(?:\*\*|__){re.escape(bare)}(?:s|es)?(?:\*\*|__)", chunk.text, re.IGNORECASE) \
                or re.search(rf"(?:\*\*|__)(?:the|a|an) {re.escape(bare)}(?:\*\*|__)", chunk.text, re.IGNORECASE):
            return True
        if pattern.search(chunk.text):
            seen.add(tuple(chunk.heading_path))
    return sections and len(seen) >= 2


_SUMMING_UP = re.compile(r"summary|in summary|key points|recap|summing up")


def _summing_up(heading_path) -> bool:
    """The passage is under the notes' summary (its own heading "11. Summary", "Key points")."""
    return bool(heading_path) and bool(_SUMMING_UP.fullmatch(fold(without_section_number(heading_path[-1])).rstrip(":").strip()))


def label_key(term: str) -> str:
    return singular(fold(term))  # "Example" and "Examples": one label


def field_labels(notes: list[Chunk]) -> set[tuple[str, str]]:
    """(document, word) of the words that open LABEL_LINES or more "Word: ..." sentences of a document
    (or SECTION_LABEL_LINES of one section):
    "Example:", "Examples:", "Note:" label lines; a term is defined once, or twice at most (a glossary,
    then its section)."""
    count: dict[tuple[str, str], int] = {}
    in_section: dict[tuple[str, tuple[str, ...], str], int] = {}
    for chunk in notes:
        for quote, _ in chunk_sentences(chunk):
            found = _GLOSSARY.match(readable_text(quote) or "")
            if found:
                key = (chunk.document, label_key(found.group("term")))
                count[key] = count.get(key, 0) + 1
            labelled = _LABEL.match(readable_text(quote) or "")
            if labelled:  # whatever its value: "Basis: Sixth Amendment, ..." beside "Basis: due process ..."
                where = (chunk.document, tuple(chunk.heading_path), label_key(labelled.group("term")))
                in_section[where] = in_section.get(where, 0) + 1
    # ... and a word opening two lines of one section: a field of records set side by side ("Basis:" under
    # each of three cases compared), each line a value of one record, not the term's meaning (set 18)
    return {key for key, n in count.items() if n >= LABEL_LINES} \
        | {(document, word) for (document, _, word), n in in_section.items() if n >= SECTION_LABEL_LINES}


def document_name(notes: list[Chunk], document: str) -> str:
    """The document's name as its first heading gives it ("Apache License", "Mozilla Public License
    Version 2.0"), "" when its first chunk has no heading."""
    first = next((c for c in notes if c.document == document), None)
    name = first.heading_path[0].strip() if first and first.heading_path else ""
    if name.isupper():  # "GNU GENERAL PUBLIC LICENSE": the name as prose writes it, short acronyms kept
        name = " ".join(w if len(w) <= 3 else w.capitalize() for w in name.split())
    return name

"""Definitions course notes write in running prose, read from spaCy's parse, for gen_defined's "which term
means ...?" items beside the glossary lines (issue 8, session 25: the notes define their terms in sentences
far more often than in "Term: definition" lines, and few of those sentences made an item):

- "<Term> means <what it is>." ("Specialisation means concentrating production on a narrow range of goods or
  activities.", "Chemoprophylaxis means taking antimalarial drugs to prevent infection ..."), and
  "<Term> refers to <what it is>.";
- "<Term> is <a noun phrase>." when the noun phrase defines ("Classical conditioning is learning through
  association.", "Opportunity cost is the value of the next best alternative given up when a choice is made.");
- "<What it is> is called <Term>." ("The indented side of the kidney's bean shape is called the hilum.",
  "A daily urine output of 3 litres or more is called polyuria; ...").

What is read is English grammar only: the term is the sentence's subject (or the name after "called"), a
noun phrase with nothing after its head; the definition a noun phrase or a gerund's phrase that stands
alone (no pronoun, no "this"/"these" pointing back). A definition that only classes its term ("Malaria is
one of the oldest diseases", "a relatively regimented activity") or remarks on it is no definition
(gen_genus, gen_precision), nor a "means that <clause>" ("... means that goods are scarce": a consequence).
"""

from __future__ import annotations

import dataclasses
import re

from bot.core.quiz.gen_defined import MAX_DEFINITION_WORDS, Definition
from bot.core.quiz.gen_finished_forms import RELATIONAL
from bot.core.quiz.gen_genus import genus_about_the_word, genus_without_differentia
from bot.core.quiz.gen_precision import remark_not_definition
from bot.core.quiz.gen_questions import relation_only

# "learning through association": a genus and what sets it apart; "a small tube" is classed away (gen_genus)
MIN_WORDS = 3
MAX_TERM_WORDS = 4  # "Parasitological diagnosis", "The terms of trade": a term; longer subjects are descriptions
# Words of a definition that lean on what came before: it does not stand alone as a question's stem.
_POINTING = frozenset({"it", "its", "they", "them", "their", "this", "these", "those", "he", "she", "his", "her",
                       "such", "above", "former", "latter"})
_NAMING = frozenset({"call", "term", "name"})  # "is called X", "is termed X", "is named X"


def _term_span(doc, tokens, named: bool = False):
    """The term of the noun phrase `tokens` (a slice of `doc`), without a leading article and bold marks,
    or None when it is no term: a pronoun or a demonstrative ("This", "These parasites"), more than
    MAX_TERM_WORDS words, a head that is no noun, or words after its head ("the value of ...")."""
    words = [t for t in tokens if t.text not in {"*", "**", "_"}]
    if not words:
        return None
    # "The thing (or ting)": the other name in brackets after the term is an aside, not part of it
    if len(words) >= 4 and words[-1].text == ")" and any(t.text == "(" and i + 1 < len(words) and words[i + 1].lower_ == "or"
                                                      for i, t in enumerate(words)):
        words = words[:max(i for i, t in enumerate(words) if t.text == "(")]
    definite = words[0].lower_ == "the"
    if words[0].lower_ in {"a", "an", "the"}:
        words = words[1:]
    if not words or len(words) > MAX_TERM_WORDS or definite and len(words) == 1 and not named:
        return None  # "The city is ...", "The result is ...", "The President is ...": a thing named before
    if any(t.tag_ in {"JJS", "RBS", "POS"} or t.lower_ in {"example", "examples"} for t in words):
        return None  # "Most draft laws", "Colonialism's core meaning", "Examples are ...": no term
    if any(t.lower_ in _POINTING or t.pos_ in {"PRON", "DET", "ADP", "VERB", "AUX", "NUM", "PUNCT", "SCONJ"}
           and not (t.lower_ == "of" and 0 < i < len(words) - 1) and not (t.tag_ == "VBG" and len(words) == 1)
           for i, t in enumerate(words)):
        return None
    head = words[-1]
    if head.pos_ not in {"NOUN", "PROPN"} and head.tag_ != "VBG":
        return None
    return doc[words[0].i:words[-1].i + 1].text


def _stands_alone(tokens) -> bool:
    """A definition that says what it says without a word pointing back, and is neither too short nor too
    long to be a stem."""
    words = [t for t in tokens if not t.is_punct]
    return MIN_WORDS <= len(words) <= MAX_DEFINITION_WORDS \
        and not any(t.lower_ in _POINTING for t in tokens)


def _clean(text: str) -> str:
    return text.strip().rstrip(".;:,").strip()


def _lead(text: str) -> str:
    """A definition as a stem quotes it: an opening article in lower case ("The indented side ..." -> "the
    indented side ...")."""
    first, _, rest = text.partition(" ")
    return (first.lower() + " " + rest) if first in {"A", "An", "The"} and rest else text


def prose_definition(doc) -> Definition | None:
    """The term and its definition of a sentence that defines a term in prose (see the module's note), as a
    glossary-like Definition (`prose` set), else None."""
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None or doc[-1].text not in {".", "!"} and doc[-1].is_punct:
        return None
    # "A daily urine output of 3 litres or more is called polyuria; an output of 400 mL or less is called
    # oliguria.": the first of clauses joined by a semicolon, each naming a thing, is read alone.
    naming = next((t for t in doc if t.lemma_ in _NAMING and t.tag_ == "VBN"
                   and any(c.dep_ == "nsubjpass" and c.left_edge.i == 0 for c in t.children)), None)
    if naming is not None and naming != root and root.lemma_ in _NAMING:
        return _called(doc, naming, next(c for c in naming.children if c.dep_ == "nsubjpass"))
    if any(t.text == ";" for t in doc if t.i > root.i) and root.lemma_ not in _NAMING:
        return None  # a run of clauses
    subject = next((c for c in root.children if c.dep_ in {"nsubj", "nsubjpass", "csubj"} and c.i < root.i), None)
    if subject is None:
        return None
    if root.lemma_ in _NAMING and root.tag_ == "VBN":
        return _called(doc, root, subject)
    if subject.left_edge.i != 0:
        return None
    # a past-tense "The Duma was ..." names its one-word term with "the" (a thing that was, named as one): kept
    # only where the notes name it as a term (gen_defined.named_as_term)
    # ... and so does a present-tense "The thalassemias are ..." (lane qcopula), kept only where the notes name it
    # as a term by a heading or in bold (gen_defined.definitions_by_document): "The city is ...", "The result is ..."
    # speak of a thing named before
    term = _term_span(doc, doc[0:subject.right_edge.i + 1],
                      named=root.lemma_ == "be" and root.lower_ in {"was", "were", "is", "are"})
    if term is None:
        return None
    if root.tag_ == "VBG" and root.i >= 2 and doc[root.i - 1].dep_ == "aux" \
            and doc[root.i - 1].lower_ in {"is", "are"} \
            and subject.right_edge.i + 2 == root.i and _names_a_process(subject) \
            and any(c.dep_ in {"prep", "dobj", "xcomp"} for c in root.children):
        # "Classical conditioning is learning through association.", parsed as "is learning" (a progressive):
        # a process's name defined by a gerund's phrase; "Prices are rising across the economy" names no process.
        return _definition(term, doc[root.i:])
    if subject.right_edge.i + 1 != root.i or any(c.dep_ in {"advmod", "neg", "aux", "prep", "npadvmod"}
                                                 and c.i < root.i for c in root.children):
        return None  # "In statistics the term is also used ...", "Absolute advantage is not ..."
    after = doc[root.i + 1:]
    if root.lemma_ == "mean" and root.pos_ == "VERB":
        obj = next((c for c in root.children if c.i > root.i and c.dep_ in {"dobj", "xcomp", "ccomp", "attr"}), None)
        first = doc[root.i + 1] if root.i + 1 < len(doc) else None
        if obj is None or first is None or first.lower_ in {"that", "to"} or first.pos_ in {"PRON", "SCONJ", "ADV"}:
            return None  # "means that goods are scarce": a consequence; "means to 'gnaw'": a word's sense
        if obj.dep_ == "ccomp" and obj.tag_ != "VBG":
            return None  # "means prices are rising": a clause
        return _definition(term, after) if first.tag_ == "VBG" or first.pos_ in {"DET", "NOUN", "ADJ"} else None
    if root.lemma_ == "refer" and root.pos_ == "VERB":
        prep = next((c for c in root.children if c.dep_ == "prep" and c.lower_ == "to" and c.i == root.i + 1), None)
        return _definition(term, doc[root.i + 2:]) if prep is not None else None
    past = root.lemma_ == "be" and root.lower_ in {"was", "were"}
    if root.lemma_ == "be" and (root.lower_ in {"is", "are"} or past):
        attr = next((c for c in root.children if c.dep_ == "attr"), None)
        if attr is None or attr.left_edge.i != root.i + 1 or attr.pos_ not in {"NOUN"} and attr.tag_ != "VBG":
            return None
        if past and (not past_definition(attr) or any(t.ent_type_ in {"PERSON", "GPE", "LOC", "NORP", "FAC"}
                                                       for t in subject.subtree)):
            # (a person or a place who was: "William Farel was a student of Lefevre who ...", "The Ottoman Empire
            # was an imperial state ...": asked as who or what it was, not as a term)
            return None  # "The war was a turning point", "The reform was a success": narrative, not a definition
        if any(c.dep_ in {"ccomp", "acomp", "advmod", "neg", "prep"} and c.i > root.i for c in root.children):
            return None  # "X is about production costs", "X is static", "... is, in effect, ..."
        if ranked(attr):
            return None  # "Aluminium is the metal most widely anodised": a fact about it, not what it is
        if attr.lower_ == "one" or genus_without_differentia(doc) or genus_about_the_word(doc) \
                or remark_not_definition(doc):
            return None  # "one of the oldest diseases", "a recursive acronym", a remark
        if attr.i + 1 >= len(doc) - 1 and not any(c.dep_ in {"amod", "compound"} for c in attr.children):
            return None  # "X is a process.": a genus alone
        if relation_only(attr) and not members_named(attr):
            return None  # "the fundamental thermodynamic underpinning of the steam engine": its place, not what it is
        if attr.ent_type_ or attr.pos_ == "PROPN" or any(t.ent_type_ and t.ent_type_ not in {"ORDINAL", "CARDINAL"}
                                                         for t in attr.subtree if t.i <= attr.i):
            return None  # "crimson, which ...", "the mayor of Warsaw": a name, not a definition
        found = _definition(term, after)
        if found is not None and not past and doc[0].lower_ == "the" and " " not in term:
            found = dataclasses.replace(found, headed=True)  # "The thalassemias are ...": a term only if a heading says so
        return dataclasses.replace(found, past=True) if past and found is not None else found
    return None


def past_definition(attr) -> bool:
    """The complement of a past-tense "X was ..." defines X, a thing that no longer is ("The Duma was the elected
    legislative assembly of the Russian Empire", "The mita was a system of compulsory public service"): a common
    noun of a class, its article "a"/"an"/"the", no word before it that judges or ranks ("a major cause", "an
    important step", "a great success"), and a restrictive modifier after it, a relative clause, a participle's
    phrase or an "of"/"for"/"in" phrase saying which of its class it is. No noun a kind of judgement itself: one
    whose own "of"-phrase is all it has ("a turning point in the war" has no clause of what it was)."""
    det = next((c for c in attr.children if c.dep_ == "det"), None)
    if attr.tag_ != "NN" and attr.tag_ != "NNS":
        return False
    if det is None and not (attr.tag_ == "NNS" and any(c.dep_ in {"relcl", "acl"} and c.i > attr.i
                                                          for c in attr.children)):
        # (a bare plural with a clause of its own names its class too: "The Federalist Papers were essays written
        # by Hamilton, Madison and Jay to defend the new Constitution", lane qcopula; "were relay runners" has none)
        return False
    if det is not None and det.lower_ not in {"a", "an", "the"}:
        return False
    before = [t for t in attr.subtree if t.i < attr.i and t != det]
    # an adjective of judgement or degree is gradable: spaCy tags none of a class word ("elected", "legislative",
    # "compulsory") as one with an adverb of degree; a word before the head that is not a participle, a noun or
    # a class adjective (ending "-al", "-ary", "-ic", "-ive") is read as judging ("major", "great", "important")
    for t in before:
        if t.tag_ in {"JJS", "JJR", "RBS", "RBR", "RB"} or t.pos_ == "ADV":
            return False
        if t.pos_ == "ADJ" and t.tag_ == "JJ" and not t.lower_.endswith(("al", "ary", "ic", "ive", "ed", "an")) \
                and not (t.ent_type_ == "NORP" and t.text[:1].isupper()):
            return False  # (a people's adjective classes too: "a French research network", lane qcopula)
    if attr.lemma_.lower() in RELATIONAL:
        return False  # "a cause of the revolt", "a result of the war": what it led to, not what it was
    after = [c for c in attr.children if c.i > attr.i]
    if any(c.dep_ in {"relcl", "acl"} for c in after):
        return True
    # "of" a common noun ("a system of compulsory public service"), not of a name: "the idea of President Wilson"
    # says whose it was
    if any(c.dep_ == "prep" and c.lower_ == "of" and any(g.dep_ == "pobj" and g.pos_ == "NOUN"
                                                           for g in c.children) for c in after):
        return True
    # another phrase saying which of its class, on an indefinite common noun of its own ("the area of England under
    # Danish law and custom", lane qcopula); not one whose object has an article or a possessive: "the key to the
    # Vikings' success" places it toward one thing, as "a setback for the Bolsheviks" says whose
    return any(c.dep_ == "prep" and c.lower_ in _WHICH_PREPOSITIONS
               and any(g.dep_ == "pobj" and g.pos_ == "NOUN" and not g.ent_type_
                       and not any(d.dep_ in {"det", "poss"} for d in g.children) for g in c.children) for c in after)


# Prepositions whose phrase on a noun restricts it to part of its class by a quality or a setting ("under Danish
# law", "with a single mast", "without ..."): English's closed class, not "to"/"for"/"in"/"on" (a role or a place
# toward another thing: "the key to success", "a setback for", "the turning point in")
_WHICH_PREPOSITIONS = frozenset({"under", "with", "without"})


def members_named(attr) -> bool:
    """The one "of" phrase of a definition's noun says what the thing is made of or who it gathers, not what
    it belongs to: "an assembly of free men", "a composite of cement paste and aggregates" (issue 8, lane
    qcopula). Its object a common noun in the plural or joined to another by "and"/"or", with no article or
    possessive of its own (those name one thing it belongs to: "the kernel of the later League", "a version
    of ISDN's layer"), and the noun it follows no relational noun ("an example of datagram protocols", "a
    form of ...": only its class) with "a"/"an" or no article ("the ... of": one part of a thing)."""
    if attr.lemma_.lower() in RELATIONAL or attr.tag_ not in {"NN", "NNS"}:
        return False
    det = next((c for c in attr.children if c.dep_ in {"det", "poss"}), None)
    if det is not None and det.lower_ not in {"a", "an"}:
        return False
    of = next((c for c in attr.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    objects = [c for c in of.children if c.dep_ == "pobj"] if of is not None else []
    if len(objects) != 1:
        return False
    obj = objects[0]
    if obj.pos_ != "NOUN" or obj.ent_type_ or any(c.dep_ in {"det", "poss", "nummod"} for c in obj.children):
        return False
    return obj.tag_ == "NNS" or any(c.dep_ == "conj" and c.pos_ == "NOUN" and not c.ent_type_ for c in obj.children)


def ranked(head) -> bool:
    """The noun `head` of a definition is ranked among its kind, not told apart by what it is: "the metal most
    widely anodised", "the most common form in the fourteenth-century outbreak", "the first ..." (a phrase after
    it may rank: "the value of the next best alternative" is no ranked value; nor a threshold its relative
    clause defines: "the lowest temperature at which pitting starts")."""
    if any(c.dep_ == "relcl" for c in head.children):
        return False  # "the lowest temperature at which pitting starts": a threshold its clause defines
    near = [t for c in head.children if c.dep_ in {"amod", "acl", "advmod", "compound"} for t in c.subtree]
    return any(t.tag_ in {"JJS", "RBS"} for t in near) \
        or any(c.dep_ == "amod" and c.lower_ in {"first", "last", "only"}  # not "to hear a case first"
               for c in head.children)


def _names_a_process(subject) -> bool:
    """The subject's head is English's name of a process or an activity by its ending ("conditioning",
    "discrimination", "generalisation", "reinforcement"), so "is <gerund> ..." says what the process is."""
    return (subject.pos_ == "NOUN" or subject.tag_ == "VBG") \
        and subject.lower_.endswith(("ing", "tion", "sion", "ment", "ance", "ence", "sis"))


def _definition(term: str, tokens) -> Definition | None:
    text = tokens.text
    example = text.find(", for example")
    if example > 0:  # "... to prevent infection, for example by travellers ...": the example is no part of it
        tokens = tokens.doc[tokens.start:tokens.start + len([t for t in tokens if t.idx < tokens[0].idx + example])]
    if not _stands_alone(tokens):
        return None
    text = _clean(tokens.text)
    if not text or text[0].isupper() and not text.split()[0] in {"A", "An", "The"}:
        return None
    if any(mark in text for mark in (":", ";")) or text.split()[0].lower() in {"one", "another"}:
        return None  # "a high-pressure filter: the high pressure inside ...", "one particular writ"
    if term[:2].isalpha() and term[:2].islower():
        term = term[0].upper() + term[1:]  # "hilum" offered as "Hilum", as the glossary lines' terms are written
    return Definition(term, _lead(text), False, glossary=True, prose=True)


def _called(doc, root, subject) -> Definition | None:
    """"<What it is> is called <Term>." ("The indented side of the kidney's bean shape is called the hilum
    (or hilus)."): the subject is the definition, the name after "called" the term."""
    if subject.left_edge.i != 0 or root.i < 2 or doc[root.i - 1].lemma_ != "be":
        return None  # "which he called ...", "an effect called ...": no finite "is called" of a described thing
    named = next((c for c in root.children if c.dep_ in {"oprd", "attr", "dobj"} and c.i == root.i + 1
                  or c.dep_ in {"oprd", "attr"} and c.i > root.i), None)
    if named is None:
        return None
    end = named.i
    while end + 1 < len(doc) and doc[end + 1].dep_ in {"compound", "amod"} and doc[end + 1].head.i > end:
        end += 1
    start = named.left_edge.i
    term = _term_span(doc, doc[start:named.i + 1], named=True)
    if term is None:
        return None
    rest = doc[named.i + 1:]
    if rest and rest[0].text not in {".", ";", "(", ","}:
        return None  # "is called setting, after which ..." is cut at the comma; "called X for its ..." is not
    if any(t.dep_ in {"advmod"} and t.head == root for t in doc[subject.right_edge.i + 1:root.i]):
        return None  # "is sometimes called": one of its names
    # Everything before "is called" is what it is: the parse may end the subject early ("The difference between
    # what an economy could produce (potential GDP) and | what it actually produces is called the output gap" keyed
    # "... and.", set 22); only a comma between would set off something else.
    gap = doc[subject.right_edge.i + 1:root.i - 1]
    end = root.i - 1 if not any(t.text in {",", ";", ":"} for t in gap) else subject.right_edge.i + 1
    definition = doc[0:end]
    return _definition(term, definition)


def heading_term(heading: str) -> str:
    """A section heading as the term it names: its number and any aside in brackets left out ("3. Crevice
    corrosion" -> "Crevice corrosion", "1. Uniform (general) corrosion" -> "Uniform corrosion"); "" when the
    heading is no term: more than MAX_TERM_WORDS words, or two things, a question or a label ("Scarcity and
    opportunity cost", "Why rusting keeps going", "Step 1: Find absolute advantage")."""
    text = re.sub(r"^\s*(?:\d+(?:\.\d+)*\.?|[A-Z]\.)\s+", "", heading)
    text = re.sub(r"\s*\([^()]*\)", "", text).strip()
    words = text.split()
    if not words or len(words) > MAX_TERM_WORDS or re.search(r"[,:;?!&/\d]", text) \
            or any(w.lower() in {"and", "or", "versus", "vs"} for w in words) or not words[0][:1].isupper() \
            or words[0].lower() in {"why", "how", "what", "when", "where", "who", "which", "whose"}:
        return ""
    return text


def _same_term(a: str, b: str) -> bool:
    """One term, maybe one in the plural: "Divergent boundaries" and "Divergent boundary"."""
    a, b = a.lower(), b.lower()
    return a == b or re.sub(r"(?:ies|es|s)$", "", a) == re.sub(r"(?:ies|es|s)$", "", b)


_NUMBERED = re.compile(r"^\s*(\d+)\.?\s+\S")


def sibling_terms(term: str, heading_path: tuple[str, ...], paths: list[tuple[str, ...]], text: str = "") -> list[str]:
    """The terms the sections beside a definition's own section name, when that section is headed by the term
    it defines ("Forms of Corrosion > 3. Crevice corrosion" opening "Crevice corrosion is a localised form
    ..."): the notes set them side by side as things of one kind ("Pitting corrosion", "Galvanic corrosion";
    "Electroplating", "Galvanising", "Anodising" under "Preventing and Controlling Corrosion"), the options a
    teacher offers. `paths` are the heading paths of the document's chunks in reading order. Beside it: under
    the same heading above (notes with levels of headings, the section two levels or more below the title),
    and, for a numbered heading, in its own run of numbered headings ("1. ...", "2. ...", up to the next
    "1."): a plain-text note's headings are all of one level. With `text` (the notes' text without their
    headings), a sibling is a term the notes use in their text too: "New tools", "Barrier methods" head a
    section and name nothing the notes speak of. Empty when the section is not the term's own, or fewer than
    two of its siblings name a term."""
    if len(heading_path) < 2 or not _same_term(heading_term(heading_path[-1]), term):
        return []
    parent = tuple(heading_path[:-1])
    siblings = []
    for path in paths:
        if len(path) == len(heading_path) and tuple(path[:-1]) == parent and path[-1] not in siblings:
            siblings.append(path[-1])
    numbered = _NUMBERED.match(heading_path[-1])
    if numbered:
        runs, run = [], []
        for heading in siblings:
            number = _NUMBERED.match(heading)
            if number and int(number.group(1)) == 1 or not number:
                if run:
                    runs.append(run)
                run = [heading] if number else []
            else:
                run.append(heading)
        runs.append(run)
        siblings = next((r for r in runs if heading_path[-1] in r), [])
    elif len(heading_path) < 3:
        return []  # a plain-text note's unnumbered headings: every section of the note, no kind
    found = []
    for heading in siblings:
        name = heading_term(heading) if heading != heading_path[-1] else ""
        if name and not _same_term(name, term) and all(not _same_term(name, f) for f in found) \
                and (not text or re.search(rf"(?<!\w){re.escape(re.sub(r'(?:ies|es|s)$', '', name.lower()))}",
                                           text.lower())):
            found.append(name)
    return found if len(found) >= 2 else []

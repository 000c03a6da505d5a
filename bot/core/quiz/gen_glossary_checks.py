"""Which of the terms the notes define a question may ask about, and which sentences a card must not key
to because the notes define the term elsewhere or several ways: a glossary line's term that names a
thing and is defined by a noun phrase, not the notes' own subject nor a person; not a term another
glossary line defines; not a term the notes say is something in several sentences.
"""

from __future__ import annotations

import re

from bot.core import nlp
from bot.core.quiz.gen_defined import (category_label, document_name, hedged_fact, lists_instances,
                                      reads_as_copula_glossary, reads_as_glossary, runs_of_things)
from bot.core.quiz.gen_prose_defined import ranked
from bot.core.quiz.gen_text import chunk_sentences
from bot.core.tokens import fold


FACET_RUN = 3  # labelled lines in a run at least, to say the run is a glossary or not
# a marked line "- Label: ..." / "• Label: ..." / "2) Label: ...", and the mark alone
_LABELLED_LINE = re.compile(r"^\s*(?:[-*•]|\d+[.)])\s+(?P<label>[A-Z][^:\n]{0,60}?):\s+(?P<after>\S)")
_BULLET = re.compile(r"^\s*(?:[-*•]|\d+[.)])\s")
_PARENS = re.compile(r"\s*\([^()]*\)")
MAX_DEFINING_SENTENCES = 2  # "X is ..." in more sentences than this: the notes define X several ways


class GlossaryTermChecks:
    """Mixed into the generator (generator._Generator), whose reading of the notes it uses: `notes`,
    `titles`, `definitions` (document -> [(definition, quote)]), `docs` (sentence -> parse) and
    `_labelled_person`."""

    def _glossary_terms(self, found: list, document: str) -> list:
        """The document's definitions a question may ask (`_glossary_term`), and a glossary line whose
        definition the parse alone does not read as a noun phrase ("Asthenosphere: the less dense, weaker
        layer of the mantle ..., into which old oceanic plates sink ..." parsed with "sink" as its root) when
        the line read as "<term> is <definition>." says it is one (`reads_as_copula_glossary`) and a glossary
        line beside it in the notes is a term (a glossary, not labelled steps: "Course: the struggle began
        on 29 January 1877", "End: the rebellion ended ..." beside each other)."""
        strict = [self._glossary_term(d, document) for d, _ in found]
        # a term defined in prose and by a glossary line read as one: the glossary line's ("Writ: ..." after "A writ
        # is a formal written order ...", set 17), else the prose's
        lines = {fold(d.term) for (d, _), ok in zip(found, strict) if ok and not d.prose}
        strict = [ok and not (d.prose and fold(d.term) in lines) for (d, _), ok in zip(found, strict)]
        section = {quote: chunk.heading_path for chunk in self.notes if chunk.document == document
                   for quote, _ in chunk_sentences(chunk)} if not all(strict) else {}
        # A section whose glossary lines name people ("<name>: <what they made>"): its other terms written as
        # names, every word capitalised, are people spaCy did not label (set 18: one of three such lines).
        people = {section.get(q) for d, q in found if d.glossary
                  and self._names_person(d.term, nlp.parse_lines([d.term])[0])}
        kept = []
        # the notes' subject's own glossary line ("Cholera. An infection of the small intestine ...", "Pandoc: a
        # Haskell library ..."): no "which term means" item (the title gives it away) and no option beside other
        # terms, but a card may ask it ("What is meant by \"Cholera\"?", `_subject_cards`)
        self.subject_definitions[document] = [(d, q) for d, q in found if d.glossary and not d.prose
                                              and self._is_subject(d.term, document)
                                              and self._glossary_term(d, document, subject=True)]
        for i, (d, q) in enumerate(found):
            if people and d.glossary and section.get(q) in people and len(d.term.split()) > 1 \
                    and all(w[:1].isupper() for w in d.term.split()):
                continue
            if not strict[i]:
                # beside it: the glossary lines of its own section ("Early twentieth century: cement manufacture
                # changed ..." in a dated list is no neighbour of "Hardening: ..." sections before it)
                near = [j for j in range(len(found)) if found[j][0].glossary and j != i
                        and section.get(found[j][1]) == section.get(q)]
                before = [j for j in near if j < i][-1:]
                after = [j for j in near if j > i][:1]
                if not (d.glossary and not d.prose and any(strict[j] for j in before + after)
                        and self._glossary_term(d, document, copula=True)):
                    continue
            kept.append((d, q))
        facets = self._facet_labels(document, {fold(d.term) for d, _ in kept if d.glossary and not d.prose})
        return [(d, q) for d, q in kept if not (d.glossary and not d.prose and fold(d.term) in facets)]

    def _facet_labels(self, document: str, terms: set[str]) -> set[str]:
        """The labels of a run of "Label: ..." lines that says things of one subject, not what terms mean: in a
        run of at least FACET_RUN lines, fewer than half go on as a glossary's do, in lower case ("Facts about
        HbF:" then "- Composition: two alpha and two gamma chains ...", "- Higher oxygen affinity: HbF binds
        oxygen ...", "- Cause of the higher affinity: HbF has ..."): the one that reads as a definition is a facet
        of the run's subject, and "Composition" keyed to "two alpha and two gamma chains" names the attribute,
        not the thing (set 21, judged wrong: the notes say α2γ2 is fetal hemoglobin). The document's lines are
        read in one run across its chunks (a glossary split between two chunks is one glossary)."""
        found = set()
        runs, run = [], []
        for line in "\n".join(c.text for c in self.notes if c.document == document).splitlines():
            labelled = _LABELLED_LINE.match(line)
            if labelled:
                label = fold(_PARENS.sub("", labelled.group("label")).strip())
                run.append((label, labelled.group("after")[:1].islower()))
            elif _BULLET.match(line) or not line.strip()[:1].islower():
                if run:
                    runs.append(run)
                run = []
        runs.append(run)
        for run in runs:
            if len(run) >= FACET_RUN and 2 * sum(glossed for _, glossed in run) < len(run):
                found.update(label for label, _ in run if label in terms)
        return found

    def _glossary_term(self, definition, document: str, copula: bool = False, subject: bool = False) -> bool:
        """A quoted term a licence defines, or a glossary line's term that names a thing, defined by a noun
        phrase, and is not the notes' own subject ("Pandoc: a Haskell library ..." in a Pandoc guide)."""
        if not definition.glossary:
            return True
        if definition.prose:  # read by its sentence's parse (gen_prose_defined): only not the notes' subject
            return not self._is_subject(definition.term, document)
        term_doc, definition_doc = nlp.parse_lines([definition.term, definition.definition])
        if copula:
            term_doc = nlp.parse_lines([definition.term])[0]
            reads = reads_as_copula_glossary(term_doc, nlp.parse_lines([f"{definition.term} is {definition.definition}."])[0])
        else:
            reads = reads_as_glossary(term_doc, definition_doc)
        root = next((t for t in definition_doc if t.dep_ == "ROOT"), None)
        if root is not None and ranked(root):
            return False  # "Bubonic plague – the most common form in the fourteenth-century outbreak": a rank, no definition
        if lists_instances(term_doc, definition_doc) or self._names_person(definition.term, term_doc):
            return False  # "Examples: ..." labels a list; "<person>: <their works>" says what they made
        if hedged_fact(definition_doc) or category_label(term_doc, definition_doc) or runs_of_things(definition_doc):
            return False
        return reads and (subject or not self._is_subject(definition.term, document))

    def _is_subject(self, term: str, document: str) -> bool:
        """The notes' subject: what the title names before any colon ("Using Pandoc: A User's Guide ..."); the
        terms after it are the course's own ("... : Search and Seizure in United States Law")."""
        subject = (self.titles.get(document) or document_name(self.notes, document)).split(":")[0]
        return bool(re.search(rf"(?<!\w){re.escape(fold(term))}(?!\w)", fold(subject)))

    def _names_person(self, term: str, term_doc) -> bool:
        """A glossary line's term is a person's name (spaCy labels it a person, alone or where the notes
        write it): "<name>: photographs of migrants ..." says what someone made, and "which term means"
        keyed to a person, or a person offered among terms, reads as garbled (set 18)."""
        words = term.split()
        if len(words) > 1 and all(w[:1].isupper() for w in words) and all(t.ent_type_ == "PERSON" for t in term_doc):
            return True  # a one-word term parsed alone is often read as a name ("Stroma"): the notes' votes say
        return self._labelled_person(term)

    def _glossary_defines(self, term: str, quote: str) -> bool:
        """The notes define `term` in a glossary line ("Gametocyte: a sexual form of the parasite found in the
        blood.") and `quote` is another sentence: a "What is X?" card keyed to it ("Gametocytes are the form that
        can infect a mosquito ...": what they do) marks the glossary's own definition, the answer a student
        gives, wrong (set 17, borderline: "leaves out the defining 'sexual form of the parasite'"); the glossary
        line has its own item."""
        asked = fold(re.sub(r"^(?:the|a|an) ", "", term, flags=re.IGNORECASE)).rstrip("s")
        return any(d.glossary and fold(d.term).rstrip("s") == asked and q != quote
                   for found in self.definitions.values() for d, q in found)

    def _defined_often(self, term: str) -> bool:
        """The notes say what the term is ("X is", "X refers to", "X means") in more than
        MAX_DEFINING_SENTENCES sentences: a card keyed to one of them marks a student who gives another
        wrong (round 7-8: colonialism, the Rankine cycle, Frame Relay, each said to be something in 4-6
        sentences, all borderline or dropped; the definitions kept were said once)."""
        said = re.compile(rf"(?<![\w-]){re.escape(re.sub(r'^(?:the|a|an) ', '', term, flags=re.IGNORECASE))}"
                          rf"\s+(?:is|are|was|were|refers? to|means?)\b", re.IGNORECASE)
        return sum(1 for text, doc in self.docs.items()
                   if any(_says_what_it_is(doc, m.end()) for m in said.finditer(text))) > MAX_DEFINING_SENTENCES


def _says_what_it_is(doc, end: int) -> bool:
    """The term just before character `end` ("... method is") is the subject of that verb, which says
    what it is: not "the scope of a method is ..." (another subject), "a method is called ..." (a
    passive: what is done to it) or "is not" (what it is not). A tutorial uses its terms as subjects
    all through; only sentences saying what the term is make it defined several ways."""
    verb = next((t for t in doc if t.idx < end <= t.idx + len(t.text) + 1 and t.pos_ in {"AUX", "VERB"}), None)
    if verb is None:
        return False
    subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subject is None or subject.idx + len(subject.text) > verb.idx or any(c.dep_ == "neg" for c in verb.children):
        return False
    if subject.idx + len(subject.text) < verb.idx - 2:
        return False  # the subject ends before the term: "the scope of a method is ..."
    after = doc[verb.i + 1] if verb.i + 1 < len(doc) else None
    return not (after is not None and (after.tag_ == "VBN" or verb.tag_ == "VBN"))

"""The generator's templates on named things and lists (generator._Generator): a member section among its
siblings (gen_sibling_sections), a labelled paragraph of a run (gen_label_runs), which named thing does what a
sentence says (gen_named), which entry of a reference list, a dated list or a summary list a sentence is about
(gen_entries, gen_dated_entries), and how the notes name things: a short form, a familiar noun, a compound
used as a name, a person by spaCy, with the check that a sentence stands alone (`unasked`, `_in_full`) that
reads them. Moved out of generator.py unchanged.

The state stays in `_Generator.__init__`; these read `notes`, `docs`, `titles`, `lexicon`, `passages`,
`full_names`, `known_people`, `key_figures`, `named`, `named_ids`, `commands`, `sibling_sections`,
`label_runs` and `_modifiers_of`, and fill `_dated` and `_entry_questions`. From the other families they call
`_item`, `_prompt`, `_prompt_subject`, `_parsed_sentences`, `_document_text` and `_code_in` (gen_tpl_subject)."""

from __future__ import annotations

import dataclasses
import re

from bot.core import nlp
from bot.core.documents import Chunk
from bot.core.quiz.gen_bank_shape import _Candidates
from bot.core.text import split_sentences
from bot.core.loaders.headings import without_section_number
from bot.core.quiz.gen_label_runs import LABEL_RUN_QUALITY
from bot.core.quiz.gen_sibling_sections import SIBLING_QUALITY
from bot.core.quiz.gen_finished_forms import opens_a_case_name
from bot.core.quiz.gen_named import NAMED_QUALITY
from bot.core.quiz.gen_commands import command_question
from bot.core.quiz.gen_entries import Entry, MAX_PER_LIST, entries_in, entry_question
from bot.core.quiz.gen_dated_entries import (dated_entries, entry_nouns, entry_options, first_question, paragraphs,
                                             summary_lists, summary_of, summary_options, summary_question)
from bot.core.quiz.gen_standalone import leans_on_context, unnamed_referent, written_in_full
from bot.core.quiz.gen_lexicon import ENUMERATION, PERSON, TERM, words_of
from bot.core.quiz.gen_text import Sentence, is_practice_section, readable_text
from bot.core.quiz.gen_tpl_shared import FAMILIAR_TERM_COUNT, _from_notes, _rng
from bot.core.quiz.items import FLASHCARD, MULTIPLE_CHOICE, QuizItem


NAMED_PASSAGES = 3  # a compound met in this many passages is a name of the notes ("the steam chest")
# A noun the notes write after this many different words is a class whose members they name that way
# ("the re module": 12 and 14 modifiers of "module" in two Python notes; "file" has 6 in notes on
# Debian packages, mostly kinds: configuration, text, reference).
CLASS_OF_NAMES = 9

SHORT_FORM_MAX_NAMES = 2  # "the Council" may stand for the European Council; "the Treaty" for one of many
SHORT_FORM_RATIO = 2  # ... when the short form is used at least twice as often as the longest-used full name


def _BULLETLESS(paragraph: str) -> str:
    """A list line without its bullet marker: "- Kyllo v. United States (2001): ..." -> "Kyllo v. ..."."""
    return re.sub(r"^[-*\u2022\u2013]\s+", "", paragraph.strip())


class EntryTemplates:
    """Mixed into generator._Generator: named-thing, entry and list templates, and the notes' names."""

    def _sibling_items(self, chunk: Chunk) -> list[_Candidates]:
        """A member section of its parent's kind, asked by its first sentence that stands alone with the sibling
        members' headings as options (gen_sibling_sections), once a member."""
        if (chunk.document, chunk.heading_path) not in self.sibling_sections.groups:
            return []
        found = []
        for q in self.sibling_sections.questions(chunk, self._prompt_subject(chunk)):
            s = Sentence(readable_text(q.quote) or q.quote, q.chunk, 0, False, quote=q.quote)
            item = self._item(MULTIPLE_CHOICE, q.prompt, q.answer, s, ENUMERATION, SIBLING_QUALITY,
                              options=q.options, explanation=_from_notes(s))
            found.append(_Candidates(q.quote, q.chunk.document, [item]))
        return found

    def _label_run_items(self, chunk: Chunk) -> list[_Candidates]:
        """A run's labelled paragraphs, each asked by its first sentence with the run's other labels as options
        (gen_label_runs), once a run; the prompt names the notes by their title's subject ("hydroelectric power")."""
        if (chunk.document, chunk.heading_path) not in self.label_runs.runs:
            return []
        found = []
        for q in self.label_runs.questions(chunk, self._prompt_subject(chunk)):
            s = Sentence(readable_text(q.quote) or q.quote, q.chunk, 0, False, quote=q.quote)
            item = self._item(MULTIPLE_CHOICE if q.options else FLASHCARD, q.prompt, q.answer, s, ENUMERATION,
                              LABEL_RUN_QUALITY, options=q.options, explanation=_from_notes(s))
            found.append(_Candidates(q.quote, q.chunk.document, [item]))
        return found

    def unasked(self, s: Sentence, doc) -> str:
        """Why the sentence is not asked at all ("" when it may be): it leans on what it does not
        show ("context"), or its stem has no referent ("referent")."""
        # No section is shown with a question (issue 8: noise), so only the course's title is known
        # to the student besides the stem: a sentence that needs its section heading is not asked.
        heading = self.titles.get(s.chunk.document, "")
        # A sentence that leans on what came before is asked only with that sentence shown, and only
        # when that one stands alone.
        context_doc = self.docs.get(s.context) if s.context else None
        shown = f"{s.context} {heading}"
        if s.context and (context_doc is None or leans_on_context(context_doc, self.full_names, self._familiar, shown, self._short_form, self._named,
                             person=self._labelled_person)):
            return "context"
        if not s.context and leans_on_context(doc, self.full_names, self._familiar, shown, self._short_form, self._named,
                             person=self._labelled_person):
            return "context"
        if unnamed_referent(doc) or (context_doc is not None and unnamed_referent(context_doc)):
            return "referent"  # "Greenland signed a Treaty", "were said in 1986": the stem has no referent (round 6)
        return ""

    def _in_full(self, s: Sentence, doc) -> tuple[Sentence, object]:
        """The sentence as asked: with a short form of a name written in full when that alone made it
        lean on the notes around it ("Peng was denounced ..." asked as "Peng Dehuai was denounced ...",
        the notes giving exactly one longer name for "Peng"; gen_standalone.written_in_full). The
        source quote stays the notes' own sentence. A sentence shown with the one before it, or one
        that still leans on something else once the name is written out, is left as it is."""
        if s.context:
            return s, doc
        heading = self.titles.get(s.chunk.document, "")
        if not leans_on_context(doc, self.full_names, self._familiar, heading, self._short_form, self._named,
                             person=self._labelled_person):
            return s, doc
        text = written_in_full(doc, self.full_names, f"{s.text} {heading}", self._short_form,
                               person=self._labelled_person)
        if not text:
            return s, doc
        written = self._document_text(s.chunk.document)
        if any(ent.label_ == "PERSON" and len(ent) == 1 and opens_a_case_name(ent.text, written) for ent in doc.ents):
            return s, doc  # the word opens a case's name in the notes ("Sweatt v. Painter"): "After Sweatt" is the
            # case, not Herman Sweatt (set 21: asked "After Herman Sweatt, who met with ...?")
        # Parsed apart from self.docs, which holds the notes' own sentences (pools read it later).
        full = nlp.parse_lines([text])[0]
        if leans_on_context(full, self.full_names, self._familiar, heading, self._short_form, self._named,
                             person=self._labelled_person):
            return s, doc
        return dataclasses.replace(s, text=text, notes_text=s.text), full

    def _labelled_person(self, name: str) -> bool:
        """spaCy labels the name a person in most of the places the notes write it ("Peng Dehuai"; not
        "Satsuma Rebellion", labelled a person once)."""
        votes = self.lexicon.label_votes.get(name)
        return bool(votes) and 2 * votes[PERSON] > sum(votes.values())

    def _named_items(self, chunk: Chunk) -> list[tuple[Sentence, QuizItem]]:
        """Which named thing does what a sentence of the chunk says, the notes' other names of its kind
        as options (gen_named). Every sentence is read, those opening with code too ("itertools.count(start,
        step) returns ..."): the name is the answer, never shown in the stem, so whether the sentence stands
        alone is read off the question ("the raise statement" of its subject is what is asked)."""
        if is_practice_section(chunk.heading_path):
            return []
        found = []
        for s, doc in self._parsed_sentences(chunk):
            item = self._named_item(s, doc)
            if item is not None:
                found.append((s, item))
        return found

    def _entry_items(self, chunk: Chunk) -> list[tuple[Sentence, QuizItem]]:
        """Which entry of a reference list (a name alone on its line, what it does below) does what the
        chunk's entries say, the list's other entries as options (gen_entries); at most MAX_PER_LIST of a
        list, chosen by content, so a bank does not ask "\\d", "\\D", "\\s" ... among the same four options."""
        if self._entry_questions is None:
            blocks: dict[tuple, list[Entry]] = {}
            for c in self.notes:
                if not is_practice_section(c.heading_path):
                    for entry in entries_in(c.document, c.heading_path, c.text):
                        blocks.setdefault(entry.block, []).append(entry)
            every = [e for block in blocks.values() for e in block]
            asked: dict[tuple, list] = {}
            for entry, doc in zip(every, nlp.parse_lines([e.does for e in every]) if every else []):
                question = entry_question(entry, doc, blocks[entry.block],
                                          lambda o, q=entry.quote: _rng("entry", q, o).random())
                # a stem the generator would not post (code in it) takes no place among a list's few
                if question is not None and not self._code_in(question.prompt):
                    asked.setdefault(entry.block, []).append((entry, question))
            self._entry_questions = {}
            for block, questions in asked.items():
                chosen = sorted(questions, key=lambda eq: _rng("entries", eq[0].quote, "").random())[:MAX_PER_LIST]
                for entry, question in chosen:
                    self._entry_questions[(block, entry.quote)] = question
        found = []
        for entry in entries_in(chunk.document, chunk.heading_path, chunk.text):
            question = self._entry_questions.get((entry.block, entry.quote))
            if question is None:
                continue
            s = Sentence(readable_text(entry.quote) or entry.quote, chunk, 0, False, quote=entry.quote)
            item = self._item(MULTIPLE_CHOICE, question.prompt, question.answer, s, TERM, NAMED_QUALITY,
                              options=question.options, explanation=_from_notes(s))
            self.named_ids.add(item.id)  # its answer and options are names as the notes write them: only the stem is read for code
            found.append((s, item))
        return found

    def _dated_entry_items(self, chunk: Chunk) -> list[tuple[Sentence, QuizItem]]:
        """Which entry of a dated list ("Debian 2.0 Hamm (July 24th, 1998): ...") was the first to do what
        a sentence pointing back to it says, the list's nearest other labels as options (gen_dated_entries).
        The sentence leans on its entry ("This was the first ..."), which the options name: so it is
        read here, never by the sentence templates that refuse it."""
        if is_practice_section(chunk.heading_path):
            return []
        if self._dated is None:
            owners, lists = dated_entries([c for c in self.notes if not is_practice_section(c.heading_path)])
            said: dict = {}
            for (_, paragraph), entry in owners.items():
                said.setdefault(entry, []).extend(split_sentences(paragraph))
            summaries = {entry: summary_of(paragraph) for (_, paragraph), entry in owners.items()
                         if _BULLETLESS(paragraph).startswith(entry.label)}
            self._dated = (owners, lists, entry_nouns(said), summaries, summary_lists(lists, summaries))
        owners, lists, nouns, summaries, summary_blocks = self._dated
        found = []
        for paragraph in paragraphs(chunk.text):
            entry = owners.get((chunk.id, paragraph))
            if entry is None:
                continue
            if entry.block in summary_blocks and _BULLETLESS(paragraph).startswith(entry.label):
                found.extend(self._summary_item(chunk, paragraph, entry, summaries[entry], lists[entry.block]))
                continue
            for quote in split_sentences(paragraph):
                text = readable_text(quote)
                prompt = first_question(text, nouns.get(entry.block, set())) if text else None
                listed = entry_options(entry, lists[entry.block]) if prompt else None
                if listed is None or self._code_in(prompt):
                    continue
                options = tuple(sorted(listed,
                                       key=lambda o, q=quote: _rng("dated", q, o).random()))
                s = Sentence(text, chunk, 0, False, quote=quote)
                item = self._item(MULTIPLE_CHOICE, prompt, entry.label, s, TERM, NAMED_QUALITY,
                                  options=options, explanation=_from_notes(s))
                self.named_ids.add(item.id)  # labels as the notes write them: only the stem is read for code
                found.append((s, item))
        return found

    def _summary_item(self, chunk: Chunk, paragraph: str, entry, summary: str, entries) -> list[tuple[Sentence, QuizItem]]:
        """Which entry a one-line summary of a summary list stands for ("- Kyllo v. United States (2001):
        thermal imaging of a home is a search."), the list's other labels as options (gen_dated_entries):
        "Which case do the notes sum up as "thermal imaging of a home is a search"?" The noun is the
        list heading's plural noun ("Summary of leading cases"), singular; "Which of these" without one."""
        listed = summary_options(entry, entries, summary)
        text = readable_text(_BULLETLESS(paragraph))
        if listed is None or not text:
            return []
        heading = nlp.parse_lines([without_section_number(entry.block[1][-1])])[0] if entry.block[1] else None
        plural = [t for t in heading if t.tag_ == "NNS"] if heading is not None else []
        prompt = summary_question(summary, plural[-1].lemma_.lower() if plural else "")
        if self._code_in(prompt):
            return []
        options = tuple(sorted(listed, key=lambda o, q=text: _rng("summary", q, o).random()))
        s = Sentence(text, chunk, 0, False, quote=_BULLETLESS(paragraph))
        item = self._item(MULTIPLE_CHOICE, prompt, entry.label, s, TERM, NAMED_QUALITY,
                          options=options, explanation=_from_notes(s))
        self.named_ids.add(item.id)  # labels as the notes write them: only the stem is read for code
        return [(s, item)]

    def _named_item(self, s: Sentence, doc) -> QuizItem | None:
        if re.search(r"\b(?:also|too|as well(?! as)|likewise|similarly)\b", s.quote, re.IGNORECASE):
            return None  # "re.compile also accepts an optional flags argument": others do it too, no one answer
        def order(option: str) -> float:  # one seeded order for both askers
            return _rng("named", s.quote, option).random()

        question = self.named.question(s.text, doc, order) \
            or command_question(s.text, doc, self.commands, order, self.named.says_same_of)
        if question is None:
            return None
        asked = nlp.parse_lines([question.prompt])[0]
        heading = self.titles.get(s.chunk.document, "")
        if leans_on_context(asked, self.full_names, self._familiar, heading, self._short_form, self._named,
                             person=self._labelled_person) or unnamed_referent(asked):
            return None
        item = self._item(MULTIPLE_CHOICE, self._prompt(s, question.prompt), question.answer, s, TERM, NAMED_QUALITY,
                          options=question.options, explanation=_from_notes(s))
        self.named_ids.add(item.id)
        return item

    def _familiar(self, lemma: str, subject: bool) -> bool:
        """"the <noun>" needs no introduction: a word of the notes' title ("the war", "the engine"),
        or, when not the subject, a noun the notes use all through (a part: "the boiler")."""
        titles = {w.rstrip("s") for t in self.titles.values() for w in words_of(t)}
        if lemma.rstrip("s") in titles:
            return True
        return not subject and self.lexicon.term_counts[lemma] >= FAMILIAR_TERM_COUNT

    def _named(self, phrase: str) -> bool:
        """The notes use a compound as the name of one thing: met in NAMED_PASSAGES passages or more
        ("the steam chest"), its first word a name met alone in as many ("itertools"), or its head is a class the notes name members of by a word before it ("the
        re module", "the asyncio module" among a dozen other modules: round 15 kept "What does the re
        module provide?"); "the copyright file" of one passage, beside a few kinds of file
        ("configuration file", "text file"), does not say which file (round 16)."""
        pattern = re.compile(r"\b" + re.escape(phrase.lower()) + r"\b")
        if sum(1 for p in self.passages if pattern.search(p.lower())) >= NAMED_PASSAGES:
            return True
        # The word before the noun is a name the notes use alone ("itertools.count()", "import operator"
        # beside "the itertools module"): it says which one.
        first = phrase.split()[0].lower()
        alone = re.compile(r"(?<![\w-])" + re.escape(first) + r"(?![\w-])(?!\s+" + re.escape(phrase.split()[-1].lower()) + r")")
        if sum(1 for p in self.passages if alone.search(p.lower())) >= NAMED_PASSAGES:
            return True
        if self._modifiers_of is None:
            self._modifiers_of = {}
            for doc in self.docs.values():
                for t in doc:
                    if t.dep_ == "compound" and t.head.pos_ == "NOUN":
                        self._modifiers_of.setdefault(t.head.lemma_.lower(), set()).add(t.lower_)
        head = phrase.split()[-1].lower()
        modifiers = self._modifiers_of.get(head) or self._modifiers_of.get(head.rstrip("s"), set())
        return len(modifiers) >= CLASS_OF_NAMES

    def _short_form(self, word: str) -> bool:
        """The notes use a part of longer names as a name of its own ("the Commission" for the European
        Commission, "Watt" for James Watt): used often, far more often than any of the longer names,
        and the head of at most SHORT_FORM_MAX_NAMES of them ("the Treaty" ends too many: which?)."""
        longer = self.full_names.get(word, set())
        if not longer or self.lexicon.occurrences(word) < FAMILIAR_TERM_COUNT:
            return False
        if word in self.lexicon.name_parts and PERSON in self.lexicon.name_parts[word] \
                and not longer & (self.key_figures | self.known_people):
            return False  # "Johnson" for a general of many: only the people the notes are about
        ending = [name for name in longer if name.split()[-1] == word]
        most = max(self.lexicon.occurrences(name) for name in longer)
        return len(ending) <= SHORT_FORM_MAX_NAMES and self.lexicon.occurrences(word) >= SHORT_FORM_RATIO * most

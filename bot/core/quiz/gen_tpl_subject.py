"""The helpers every template family of the generator (generator._Generator) calls: what the notes are about
(their title and subject, the heading they open with, a founding of the subject), how a prompt names them and
the section to show, whether a name is a term or one the notes return to, each document's text and
sentences, and the item itself with its source (`_item`). Moved out of generator.py unchanged.

The state stays in `_Generator.__init__`; these read `notes`, `docs`, `titles`, `lexicon`, `passages`,
`opening_headings` and `code_words`, and fill the caches `_texts`, `_all_sentences` and `_opening_sentences`."""

from __future__ import annotations

import re
from collections.abc import Iterator

from bot.core.documents import Chunk
from bot.core.tokens import STOPWORDS, fold
from bot.core.quiz.gen_named_lists import short_title
from bot.core.quiz.gen_subject import as_written
from bot.core.quiz.gen_lexicon import words_of
from bot.core.quiz.gen_text import Sentence, chunk_sentences, readable_text, shows_code
from bot.core.quiz.gen_tpl_shared import BLANK, MIN_NAMED_PASSAGES
from bot.core.quiz.items import QuizItem, QuizSource, make_item_id


OPENING_WORDS = 8  # the notes' first sentence of running prose has this many words or more (no title, no byline)

# Sections whose name tells a student nothing about what is asked.
_GENERIC_SECTION = re.compile(r"^(faq|frequently asked questions|introduction|overview|summary|"
                              r"background|notes?|contents|key (terms|points)|glossary)$", re.IGNORECASE)

_FOUNDED = re.compile(r"\b(founded|formed|established|created|incorporated|chartered|born)\b", re.IGNORECASE)


class SubjectHelpers:
    """Mixed into generator._Generator: the subject, prompt and look-up helpers of every template."""

    def _prompt_subject(self, chunk: Chunk) -> str:
        """How a prompt names the notes: their title's subject ("hydroelectric power"), as the notes write it."""
        title = self.titles.get(chunk.document) or self.opening_headings.get(chunk.document, "")
        text = self._document_text(chunk.document)
        subject = short_title(title, text) if title and title[:1].isalpha() else ""
        if subject:
            written = self._written(chunk.document)(subject)
            if written:
                subject = written  # "inflation", "the Hanseatic League": as the notes' sentences write it
            elif re.search(rf"[a-z,] {re.escape(subject.lower())}\b", text):
                subject = subject.lower()  # "hydroelectric power" (capitalised only in a source's title)
        return subject

    def _sentence_texts(self) -> list[str]:
        """Every sentence of the notes once (not the sentences joined with the one they lean on)."""
        if self._all_sentences is None:
            self._all_sentences = [readable_text(q) for c in self.notes for q, _ in chunk_sentences(c)]
        return self._all_sentences

    def _parsed_sentences(self, chunk: Chunk) -> Iterator[tuple[Sentence, object]]:
        """Each sentence of the chunk a student can read, with its parse (those without one skipped)."""
        for i, (quote, is_item) in enumerate(chunk_sentences(chunk)):
            text = readable_text(quote)
            doc = self.docs.get(text) if text else None
            if doc is not None:
                yield Sentence(text, chunk, i, is_item, quote=quote), doc

    def _code_in(self, text: str) -> bool:
        text = text.replace(BLANK, " ")
        return bool(shows_code(text)) or any(w in self.code_words for w in re.findall(r"\w+", text))

    def _met_often(self, name: str) -> bool:
        """A name the notes return to: met in at least MIN_NAMED_PASSAGES passages."""
        return sum(1 for text in self.passages if name in text) >= MIN_NAMED_PASSAGES

    def _returned_to(self, name: str) -> bool:
        """A name the notes return to: met in MIN_NAMED_PASSAGES passages in full, or by its last word
        when no other name of the notes holds that word ("Dinwiddie" for Robert Dinwiddie; not "Zhu",
        which ends one name and begins others)."""
        if self._met_often(name):
            return True
        last = name.split()[-1]
        others = [n for names in self.lexicon.names.values() for n in names if n not in name and last in n.split()]
        return " " in name and not others and self._met_often(last)

    def _written(self, document: str):
        """How the document's own sentences write a name ("the Scottish Parliament"), for a prompt that
        names the notes (gen_subject)."""
        text = self._document_text(document)
        return lambda name: as_written(name, text)

    def _document_text(self, document: str) -> str:
        """The text of one document's chunks, joined once."""
        if document not in self._texts:
            self._texts[document] = " ".join(c.text for c in self.notes if c.document == document)
        return self._texts[document]

    def _is_term(self, text: str) -> bool:
        """A common-noun phrase the notes use as a term ("the Presiding Officer", "physicians")."""
        words = [w.lower() for w in text.split() if w.lower() not in {"the", "a", "an"}]
        key = " ".join(words)
        singular = " ".join([*words[:-1], words[-1].rstrip("s")]) if words else ""
        return bool(words) and (key in self.lexicon.compound_terms or self.lexicon.term_counts[key] >= 2
                                or self.lexicon.term_counts[singular] >= 2)

    def _founding_of_subject(self, event: str, chunk: Chunk) -> bool:
        """"Harvard was formed by vote of ...": the founding of what the notes are about comes before
        anything else of it, so as an option it answers a sequence item by itself (round 6)."""
        title = set(re.findall(r"[a-z]+", fold(self.titles.get(chunk.document, "")))) - STOPWORDS
        return bool(title) and title <= set(re.findall(r"[a-z]+", fold(event))) and bool(_FOUNDED.search(event))

    def _of_the_title(self, chunk: Chunk, *options: str) -> bool:
        """An option of a list item shares a word with the course's title: it stands out as the odd one
        or the obvious one."""
        title = set(re.findall(r"[a-z]+", fold(self.titles.get(chunk.document, "")))) - STOPWORDS
        return any(title & set(re.findall(r"[a-z]+", fold(o))) for o in options)

    def _is_title(self, text: str, chunk: Chunk) -> bool:
        title = self.titles.get(chunk.document, "")
        if not title:
            return False
        singular = lambda words: {w.rstrip("s") for w in words}  # noqa: E731
        return fold(text) in fold(title) or singular(words_of(text)) <= singular(words_of(title))

    def _notes_subject(self, term: str, document: str) -> bool:
        """`term` is what the notes are about: the subject their first sentence of running prose defines, the term
        before its aside or apposition and "is"/"are" ("Hydropower (from the Ancient Greek hydro-, "water"), also
        known as water power, is the use of ..."). A glossary line of it asks the course's own title word (set 19:
        "Hydropower" keyed to "the use of falling or fast-running water ...", dropped)."""
        if document not in self._opening_sentences:
            first = next((readable_text(q) or q for c in self.notes if c.document == document
                          for q, _ in chunk_sentences(c) if len((readable_text(q) or q).split()) >= OPENING_WORDS
                          and (readable_text(q) or q).rstrip().endswith(".")), "")
            self._opening_sentences[document] = first
        pattern = rf"{re.escape(term)}(?:\s*\([^()]*\))?(?:,[^,]{{1,60}},)?\s+(?:is|are|was|were)\s"
        if not re.match(pattern, self._opening_sentences[document], re.IGNORECASE):
            return False
        # ... and the notes' title names it, in a word of its own or inside it ("power" of "Hydropower" under
        # "Hydroelectric Power"): a first term the notes define is not always their subject ("Swarming is ...")
        title = [w for w in words_of(self.titles.get(document, "")) if len(w) >= 4]
        return any(w in fold(term) for w in title)

    def _opens_with(self, text: str, chunk: Chunk) -> bool:
        """`text` is the subject of the heading the document opens with (its words before a colon, all
        of `text`'s words among them): what the notes are about, when their headings are flat."""
        heading = self.opening_headings.get(chunk.document, "").split(":")[0]
        singular = lambda words: {w.rstrip("s") for w in words}  # noqa: E731
        return bool(heading) and bool(words_of(text)) and singular(words_of(text)) <= singular(words_of(heading))

    def _prompt(self, s: Sentence, body: str, *, quoted: bool = False) -> str:
        """The stem as a student reads it: the sentence it leans on, then the question. No section
        label ("In 'The First Five-Year Plan > ...':"): judges read it as noise (round 6), so a
        sentence that needs its heading to stand is not asked at all (`_sentence_items`)."""
        context = f"{s.context} " if s.context else ""
        if quoted and context:
            body = body.replace("“", f"“{context}", 1)
            context = ""
        return f"{context}{body}"

    def _where(self, chunk: Chunk) -> str:
        """The section to show before a question, when it tells the student something: not the
        document's title, not "FAQ" or "Introduction"."""
        path = [h for h in chunk.heading_path if h != self.titles.get(chunk.document)]
        path = [h for h in path if not _GENERIC_SECTION.match(h.strip())]
        return " > ".join(path)

    @staticmethod
    def _item(kind: str, prompt: str, answer: str, s: Sentence, tests: str, quality: float, *,
              options: tuple[str, ...] = (), explanation: str = "", aliases: tuple[str, ...] = ()) -> QuizItem:
        chunk = s.chunk
        source = QuizSource(chunk.document, chunk.section, s.quote, chunk.page, chunk.id)
        return QuizItem(id=make_item_id(kind, prompt, answer), kind=kind, prompt=prompt, answer=answer,
                        options=options, source=source, explanation=explanation,
                        topic=chunk.section or chunk.document, aliases=aliases, tests=tests,
                        quality=round(quality, 2))

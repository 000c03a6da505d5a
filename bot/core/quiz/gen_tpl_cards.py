"""The generator's definition and term cards (generator._Generator): which term a definition of the notes
defines and "What is X?" of a glossary line or a prose definition (gen_defined, gen_defined_cards), the card of
a sentence that says what a thing is (`_definition_card`, of the notes' title's subject too, or of a term with
another name as an aside), match questions on descriptions (gen_concept) and the flashcards of an abbreviation
spelt out or a "Term: definition" line (`_flashcards`), with the checks their stems and answers need (the
"is"/"are" in the term's number, a description said alike of another term, a referent the question names).
Moved out of generator.py unchanged.

The state stays in `_Generator.__init__`; these read `notes`, `docs`, `titles`, `lexicon`, `definitions`,
`subject_definitions`, `document_names`, `field_labels`, `attribute_rows`, `descriptions`, `restatements`,
`expansions`, `first_abbreviation`, `paragraphs` and `headings_text`, add to `term_cards`, and fill
`_descriptions` and `_heading_of`. From the other families they call `_item`, `_prompt`, `_is_title`,
`_met_often`, `_notes_subject`, `_document_text` and `_sentence_texts` (gen_tpl_subject), `unasked`
(gen_tpl_entries), `_part_of_a_name` (gen_tpl_questions) and `_glossary_defines`, `_defined_often`
(gen_glossary_checks)."""

from __future__ import annotations

import dataclasses
import functools
import re

from bot.core import nlp
from bot.core.documents import Chunk
from bot.core.abbreviations import abbreviations_in
from bot.core.quiz.gen_bank_shape import _Candidates
from bot.core.quiz.gen_card_checks import _weak_card
from bot.core.quiz.gen_cards import names_one, term_definition
from bot.core.quiz.gen_genus import (be_with_auxiliary, classifies, descriptions, explanation_as_sentence,
                                     genus_about_the_word, genus_without_differentia, judged_means, modifier_label,
                                     names_a_thing, one_more_of_a_kind, quality_only, shared_description)
from bot.core.quiz.gen_questions import Question, relation_only, told_by_context
from bot.core.text import split_sentences
from bot.core.loaders.headings import without_section_number
from bot.core.tokens import STOPWORDS, fold
from bot.core.quiz.gen_keys import Key, definition_key
from bot.core.quiz.gen_concept import match_questions
from bot.core.quiz.gen_clauses import _setting
from bot.core.quiz.gen_prose_defined import sibling_terms
from bot.core.quiz.gen_defined import (_mentions as mentions_term, defined_term_question, family_words, label_key,
                                       written_as)
from bot.core.quiz.gen_defined_cards import (card_answer, card_stem, headed_card_stem, past_card_stem, restates_the_term, same_number,
                                             says_more_than_the_term, says_what_it_is, term_as_label)
from bot.core.quiz.gen_precision import remark_not_definition
from bot.core.quiz.gen_term_form import agreeing_be, plural_term, term_as_asked
from bot.core.quiz.gen_lexicon import DEFINITION, TERM
from bot.core.quiz.gen_text import (KEY_TERMS_HEADING, Sentence, chunk_sentences, is_practice_section, passes_filters,
                                    readable_text)
from bot.core.quiz.gen_tpl_shared import CARD_QUALITY, QUALITY_CUTOFF, _from_notes, _rng
from bot.core.quiz.items import FLASHCARD, MULTIPLE_CHOICE, QuizItem


# The short form is used in this many paragraphs of the notes (the one spelling it out counts): a term
# the course returns to. MPLS and EEC, spelt out and used once more in the next sentence only, were
# judged "mentioned once, in passing" (rounds 7-8: borderline every time); TEU, CJEU and APCs, used
# again in another paragraph, were kept.
MIN_ABBREVIATION_USES = 2

# "<Term>, also called <other name>, is ...": a term's other name as an aside between commas before its verb
_ALIAS_ASIDE = re.compile(r"^(?P<term>[A-Z][^,()]{1,40}?), (?:also |often |usually |sometimes )?(?:called|known as|"
                          r"shortened to|abbreviated (?:to|as)|nicknamed) [^,()]{1,60}, "
                          r"(?P<rest>(?:is|are|was|were) (?:a|an|the)?\s*[^,].+)$")
# The same aside in brackets, with "also" ("Cholera toxin (also called choleragen) is a protein ...", "Hemoglobin
# (also spelled haemoglobin) is an iron-containing protein ..."): the bracket is no appositive the parse reads
# as the subject's, so the sentence had no term for "is" either.
_ALIAS_BRACKET = re.compile(r"^(?P<term>[A-Z][^,()]{1,40}?) \(also (?:called|known as|spelled|written) [^,()]{1,60}\) "
                            r"(?P<rest>(?:is|are|was|were) (?:a|an|the)?\s*[^,].+)$")

# Words any party's or association's name may be made of: beside the subject's own words they tell a
# student nothing the letters of its abbreviation do not ("S-N-P" in notes on Scotland).
_STOCK_NAME_WORDS = frozenset({"national", "party", "association", "society", "federation", "league", "movement",
                               "front", "congress", "union", "organisation", "organization", "international",
                               "people", "democratic", "liberal", "socialist", "labour", "labor", "united"})
_REFERENCE = re.compile(r"<[^<>]*>")  # "<Author, Title, Publisher, 1998>": a reference, not the notes' prose

_CALENDAR = re.compile(r"^(Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)days?\b|^(January|February|March|April|May|June|July|"
                       r"August|September|October|November|December)\b")


def _untitled(sources: str) -> str:
    """A list of sources without the titles it quotes: "Vidaara, "VSEPR and Valence Bond Theory"" names a topic
    in its title; what is left names who wrote or published ("WHO hepatitis B fact-sheet")."""
    return re.sub(r"[“\"][^”\"]*[”\"]", " ", sources)


class CardTemplates:
    """Mixed into generator._Generator: definition, term, match and flashcard templates."""

    def _defined_term_items(self, chunk: Chunk, prose: bool = False) -> list[_Candidates]:
        """Which term a definition of the document defines, the other terms it defines as options (gen_defined);
        with `prose`, of the definitions read from running prose only, else of the others only."""
        known = self.definitions.get(chunk.document, [])
        quotes = {quote for quote, _ in chunk_sentences(chunk)}
        found = []
        for i, (definition, quote) in enumerate(known):
            if quote not in quotes or definition.prose != prose:
                continue
            if self._notes_subject(definition.term, chunk.document):
                continue  # "Hydropower. The use of falling ...": what the notes are about, asked by no item (set 19: dropped)
            # With `prose`, the terms of the sections beside its own too, when its section is headed by the term: of
            # its kind by the notes' own layout ("Pitting corrosion" beside "Crevice corrosion" under "Forms of
            # Corrosion"), offered as terms of its kind (its definition's head)
            paths = [tuple(c.heading_path) for c in self.notes if c.document == chunk.document] if prose else []
            text = self._document_text(chunk.document) if prose else ""
            kin = [dataclasses.replace(definition, term=t, definition="", heads=())
                   for t in sibling_terms(definition.term, tuple(chunk.heading_path), paths, text)] if prose else []
            others = [d for d, _ in known[i + 1:] + known[:i]
                      if not self._notes_subject(d.term, chunk.document)
                      and not d.headed] + kin  # "Hydropower" offered among plant parts; "the thalassemias" a card only
            if definition.glossary and not prose:
                others = self._same_heading(others, known, chunk)
                # a place among words, or a word among places: "Cuzco" (the capital, written with its capital all
                # through the notes and after "in", "to") beside "Mit'a", "Chasqui" (written small in the prose): its
                # kind gives it away as the answer, or rules it out as an option (set 21)
                mine = self._place_or_word(definition.term, chunk.document)
                if mine:
                    others = [d for d in others if self._place_or_word(d.term, chunk.document) in ("", mine)]
            name = self.titles.get(chunk.document) or self.document_names.get(chunk.document, "")
            setting = "" if definition.glossary else _setting(name)  # a glossary line: "In the notes, ..."
            question = defined_term_question(definition, others, setting, name,
                                             lambda o: _rng("defined", quote, o).random(),
                                             family_words([d for d, _ in known] + kin), self.expansions) \
                if not definition.headed else None  # (its options would be the notes' other terms of any kind)
            if question is None:
                # No options of its kind: a card of the definition instead, when it says what the term is
                # (gen_defined_cards: "What is a writ?", 'What is meant by "hilum"?'), one a term
                card = self._defined_term_card(definition, quote, chunk, known, name) if definition.glossary else None
                if card is not None:
                    found.append(_Candidates(quote, chunk.document, [card]))
                continue
            s = Sentence(readable_text(quote) or quote, chunk, 0, False, quote=quote)
            found.append(_Candidates(quote, chunk.document, [
                self._item(MULTIPLE_CHOICE, question.prompt, question.answer, s, DEFINITION,
                           QUALITY_CUTOFF if prose else CARD_QUALITY, options=question.options,
                           explanation=_from_notes(s))]))
        if not prose:
            found += self._subject_cards(chunk, quotes)
        return found

    def _same_heading(self, others: list, known: list, chunk: Chunk) -> list:
        """A glossary line's options when the document's glossary lines stand under more than one heading ("Key
        terms" and "Common defects"): only the lines under its own heading, the notes' own grouping of terms of
        one kind (set 20: "Undercut", a defect, offered among "Flux" and "Electrode", borderline three times)."""
        if self._heading_of is None:
            self._heading_of = {q: tuple(c.heading_path) for c in self.notes for q, _ in chunk_sentences(c)}
        quote_of = {id(d): q for d, q in known}
        headings = {self._heading_of.get(q) for d, q in known if d.glossary and not d.prose}
        if len(headings) < 2:
            return others
        own = tuple(chunk.heading_path)
        if not own or not self._names_a_kind(own[-1]):
            # "2.2 The chloroplast", "Key terms": any glossary's terms, but for the lines under a heading naming their
            # own kind ("Undercut" under "Common defects" is no option for "Electrode" under "Key terms")
            return [d for d in others if id(d) not in quote_of or not self._heading_of.get(quote_of[id(d)])
                    or self._heading_of.get(quote_of[id(d)]) == own
                    or not self._names_a_kind(self._heading_of[quote_of[id(d)]][-1])]
        beside = [d for d in others if id(d) not in quote_of or self._heading_of.get(quote_of[id(d)]) == own]
        if sum(1 for d in beside if id(d) in quote_of and d.glossary) < 2:
            return others  # its heading holds no other terms enough to choose among: the glossary's as before
        return beside

    @staticmethod
    @functools.lru_cache(maxsize=512)
    def _names_a_kind(heading: str) -> bool:
        """A heading that names a kind of thing by a plural noun ("Common defects", "Types of joint"), not a key
        terms section's: the lines under it are things of that kind."""
        text = without_section_number(heading)
        if not text or KEY_TERMS_HEADING.search(text):
            return False
        doc = nlp.parse_lines([text])[0]
        root = next((t for t in doc if t.dep_ == "ROOT"), None)
        return root is not None and root.tag_ == "NNS"

    def _subject_cards(self, chunk: Chunk, quotes: set) -> list[_Candidates]:
        """The card of the notes' subject's own glossary line ("Cholera. An infection of the small intestine by
        some strains of the bacterium Vibrio cholerae." in notes titled "Cholera: Cause, Disease, ..."): the notes'
        main definition, asked as "What is meant by ...?" only (no options: among terms, the title gives it away),
        when the card's own checks pass (`_defined_term_card`)."""
        known = self.definitions.get(chunk.document, [])
        name = self.titles.get(chunk.document) or self.document_names.get(chunk.document, "")
        found = []
        for definition, quote in self.subject_definitions.get(chunk.document, []):
            if quote in quotes:
                card = self._defined_term_card(definition, quote, chunk, known + [(definition, quote)], name,
                                               subject=True)
                if card is not None:
                    found.append(_Candidates(quote, chunk.document, [card]))
        return found

    def _defined_term_card(self, definition, quote: str, chunk: Chunk, known: list, name: str,
                           subject: bool = False) -> QuizItem | None:
        """"What is a writ?" / 'What is meant by "hilum"?' with the notes' definition as the answer, for a glossary
        line's or a prose definition that no "which term means ...?" item can ask (no other term of its kind in the
        notes: Hilum, Polyuria, Opportunity cost, Writ, Curing, the kidney note's dashed lines; "Felony: a serious
        crime, ..." among processes and people, set 18). Made only when the
        definition says what the term is (gen_defined_cards.says_what_it_is), the term is defined once in the
        document's pool, the notes do not say what it is in several sentences, and it is no named thing met in
        one passage only (`_question_card`'s rule); `generate_items` then keeps one card a term and none beside
        another item that asks the term."""
        term = definition.term
        echo = mentions_term(definition.definition, term, "")
        if echo and not says_more_than_the_term(term, definition) \
                or re.search(r"\bthis document\b", definition.definition, re.I) \
                or name and fold(name) in fold(definition.definition):
            return None
        if restates_the_term(term, nlp.parse_lines([definition.definition])[0]):
            return None  # "Electoral vote. A vote cast by an elector.": the term's own words unpacked (rounds 41-42)
        if self._is_title(term, chunk) and not (definition.glossary and self._title_subject(term, chunk)) \
                or self._defined_often(term) and not (subject and KEY_TERMS_HEADING.search(chunk.heading_path[-1]
                                                                                      if chunk.heading_path else "")):
            return None  # the subject said to be many things: its key-definitions line is the notes' own definition
        term_doc = nlp.parse_lines([term])[0]
        if term_doc and term_doc[-1].pos_ == "PROPN" and term.split()[-1].lower() not in self.lexicon.lowercase_words \
                and not self._met_often(term):
            return None  # "What is the John W. Weeks Bridge?": a named thing met once is a side thing (round 6)
        if any(t.dep_ == "pobj" and t.head.lower_ == "of" and self._is_title(t.text, chunk) for t in term_doc):
            return None  # "Controversial aspect of imperialism" in notes on imperialism: a description of the subject
        if term_as_label(term_doc):
            return None  # "Post-conviction relief for federal prisoners: a section 2255 motion ...": a row's label
        text = readable_text(quote) or quote
        if self._spelled_out(term, text):
            return None  # "What is CAM?" keyed to "an adaptation ...": "crassulacean acid metabolism" answers too (set 18)
        if definition.prose and self._roles_list(quote, chunk):
            return None  # "- **Oxygen (O₂)** is a by-product ..." among "- **Water** supplies ...": each thing's part
        if definition.prose and any(t.pos_ == "ADJ" and t.tag_ != "VBN" for t in term_doc[:-1]) \
                and sum(1 for t in self._sentence_texts() if t and fold(term) in fold(t)) < 2:
            return None  # "A typical frame is ...": an adjective judges, unless the notes use the phrase as a name
        doc = nlp.parse_lines([f"{term} is {definition.definition.rstrip('.')}."])[0]
        if any(t.dep_ == "ROOT" and t.idx < len(term) for t in doc):
            # the term misread as the verb ("Mycobacterium tuberculosis is ...": "tuberculosis" a verb, set 20):
            # the definition read after a subject the parser cannot misread
            doc = nlp.parse_lines([f"It is {definition.definition.rstrip('.')}."])[0]
        if not says_what_it_is(term, definition.definition, doc):
            return None
        if echo and not same_number(term_doc, doc, len(term.split())):
            return None  # "Randuff economics blog: economic and legal barriers": plural things, no genus of a blog
        if self._described_alike(self.docs.get(text) or doc if definition.prose else doc):
            return None  # "a narrow wooden channel that carries water ...": the notes' words for another term too
        shown = term_as_asked(term, self.lexicon.lowercase_words)
        s = Sentence(text, chunk, 0, False, quote=quote)
        stem = past_card_stem(term, text, shown, self._prompt_subject(chunk)) if definition.past \
            else headed_card_stem(term, text, shown) if definition.headed \
            else card_stem(term, text, definition.prose, shown)
        if not stem:
            return None  # a past definition whose stem cannot say where and when the thing was
        prompt = self._prompt(s, stem)
        if _weak_card(prompt, definition.definition):
            return None
        item = self._item(FLASHCARD, prompt, card_answer(definition.definition), s, DEFINITION, QUALITY_CUTOFF,
                          explanation=_from_notes(s))
        self.term_cards[item.id] = (chunk.document, fold(term).rstrip("s"))
        return item

    def _roles_list(self, quote: str, chunk: Chunk) -> bool:
        """The quote is a bullet of a run of bullets that open with a thing, the subject, and say what it does in one
        process ("- **Water (H₂O)** supplies the electrons ...", "- **Light energy** ... drives the reaction"): "X
        is a by-product released ..." among them is X's part in that process, not what X is (set 18)."""
        lines = chunk.text.splitlines()
        at = next((i for i, line in enumerate(lines) if quote in line), None)
        if at is None or not lines[at].lstrip().startswith(("- ", "* ")):
            return False
        run = []
        for step in (-1, 1):
            i = at + step
            while 0 <= i < len(lines) and lines[i].lstrip().startswith(("- ", "* ")):
                run.append(lines[i].lstrip()[2:])
                i += step
        for line in run:
            first = split_sentences(line)[:1]
            doc = self.docs.get(readable_text(first[0]) or first[0]) if first else None
            root = next((t for t in doc if t.dep_ == "ROOT"), None) if doc is not None else None
            subject = next((c for c in root.children if c.dep_ == "nsubj"), None) if root is not None else None
            if subject is not None and subject.left_edge.i == 0 and root.pos_ == "VERB" \
                    and root.lemma_ not in {"be", "mean", "refer", "call"}:
                return True
        return False

    def _match_items(self, chunk: Chunk) -> list[tuple[Sentence, list[QuizItem]]]:
        """Match questions of every sentence of the chunk that describes a thing. Only the description
        is shown, and gen_concept checks it stands alone, so the sentence may lean on others."""
        if is_practice_section(chunk.heading_path):
            return []
        found = []
        for i, (quote, is_item) in enumerate(chunk_sentences(chunk)):
            text = readable_text(quote)
            if not text or not self.descriptions.in_sentence(text):
                continue
            s = Sentence(text, chunk, i, is_item, quote=quote)
            visible = f"{text} {' '.join(chunk.heading_path)}"
            found.append((s, [self._item(MULTIPLE_CHOICE, self._prompt(s, m.prompt), m.answer, s, m.tests, m.quality,
                                         options=m.options, explanation=_from_notes(s))
                              for m in match_questions(text, self.descriptions, visible)
                              if not self._is_title(m.answer, chunk)]))  # "a research university" in notes on Harvard
        return found

    def _aliased_definition(self, s: Sentence) -> QuizItem | None:
        """"What is gas welding?" of "Gas welding, also called oxy-fuel or oxyacetylene welding, is a fusion process
        that ...": the term's other name between commas after it ("also called", "known as", "usually shortened to")
        leaves the parse no subject for "is" (set 20: the definitions opening three of its notes, "Tuberculosis,
        usually shortened to TB, is ...", "The Vikings, also called Norsemen or Northmen, were ..."). Read without
        the aside, the sentence is asked as any "X is a Y ..." definition is, the notes' whole sentence the answer."""
        found = _ALIAS_ASIDE.match(s.text) or _ALIAS_BRACKET.match(s.text)
        if found is None:
            return None
        reduced = nlp.parse_lines([f"{found.group('term')} {found.group('rest')}"])[0]
        if self.unasked(s, reduced):
            return None
        key = definition_key(reduced, self.lexicon)
        if key is None or found.group("term")[:key.start].strip().lower() not in {"", "a", "an", "the"} \
                or key.end != len(found.group("term")):
            return None  # the term before the aside, whole, is the one the sentence defines
        if self._is_title(key.text, s.chunk):
            return self._title_definition_card(s, key, reduced)
        return self._definition_card(s, key, reduced)

    def _spelled_out(self, short: str, sentence: str) -> bool:
        """`short` is an abbreviation (capitals only) whose long form another sentence of the notes gives
        ("CAM stands for crassulacean acid metabolism"): "What is
        CAM?" keyed to a description of it is fairly answered by the long form too (set 18: dropped, "those
        answers are equally or more right")."""
        return self.restatements.spelled_out(short, sentence)

    def _place_or_word(self, term: str, document: str) -> str:
        """"place" of a glossary term the notes write as a name (gen_defined.written_as) and put after a word
        of place ("in Cuzco", "to Cuzco"), "word" of one they write in lower case, else "" (a name of another
        kind, "Rubisco", or one the prose does not use)."""
        written = written_as(term, self._document_text(document))
        if written == "name":
            bare = re.sub(r"\s*\([^()]*\)", "", term).strip()
            return "place" if bare in self.lexicon.place_cued else ""
        return written

    def _definition_card(self, s: Sentence, key: Key, doc, common: bool = False, headed: bool = False) -> QuizItem | None:
        """"What is a compound engine?" with the notes' sentence as the answer a student checks
        their own against: a definition needs no wrong options, so none can give it away."""
        # An opening quote marks the word defined ("A “flamewar” is ..."), it hides no other words.
        if s.text[:key.start].strip().rstrip("“\"'‘`").strip().lower() not in {"", "a", "an", "the"} or s.context:
            return None  # "... is called the Rankine cycle": the term is not what the sentence opens with
        root = next((t for t in doc if t.dep_ == "ROOT"), None)
        if root is None or root.lemma_ != "be":
            return None
        if be_with_auxiliary(doc):
            return None  # "Tuberculosis has been a scourge ...": asked "What been tuberculosis?" (set 20, gen_genus)
        if remark_not_definition(doc):
            return None  # "Functions are already first class objects ...": a remark, not what they are (gen_precision)
        if genus_without_differentia(doc) or genus_about_the_word(doc) or judged_means(doc) or quality_only(doc):
            return None  # "a relatively regimented activity", "a recursive acronym": no definition (gen_genus)
        if one_more_of_a_kind(doc):
            return None  # "Electron beam welding is another high-energy beam process" (set 20, gen_genus)
        if self._described_alike(doc):
            return None  # "an imaginary great circle on the celestial sphere": the ecliptic's words too (round 22)
        attribute = next((c for c in root.children if c.dep_ == "attr"), None)
        if attribute is not None and relation_only(attribute):
            return None  # "the fundamental thermodynamic underpinning of the steam engine": not what it is
        if attribute is not None and told_by_context(attribute):
            return None  # "... are the leading examples: ...", "... is the source of the carbon ...": which? of what?
        if self._defined_often(key.text):
            return None  # "What is colonialism?": the notes give several definitions; a card keys one
        if self._glossary_defines(key.text, s.quote):
            return None  # "What are gametocytes?" -> "... the form that can infect a mosquito": not the glossary's
        if self._part_of_a_name(key.text):
            return None  # "Clytie was a contributor ...": a first name of an obituary (round 10)
        term = term_as_asked(key.text, self.lexicon.lowercase_words)
        if common and term == key.text and key.start == 0 and key.text[:1].isupper() and key.text[1:].islower():
            term = term[:1].lower() + term[1:]  # "Hybridisation is ...": a common noun capitalised by the sentence only
        verb = self._be_of(root)
        # The article the sentence itself gives the term: "A compound engine is", "Colonialism is".
        opening = s.text.split()[0].lower()
        article = {"a": "a ", "an": "an ", "the": "the "}.get(opening, "")
        if article in ("a ", "an "):
            article = "an " if term[:1].lower() in "aeiou" else "a "
        prompt = self._prompt(s, f"What {verb} {article}{term}?")
        if _weak_card(prompt, s.text[key.end:]):
            return None
        if article == "the " and not headed and not self._names_its_referent(prompt, s.chunk):
            return None  # "What is the school color?": which school's? (round 6). A term its section is headed by
            # ("5. Stage 2: the Calvin cycle (light-independent reactions)") is a name of the course, no description
        return self._item(FLASHCARD, prompt, s.text, s, DEFINITION, 0.7, explanation=_from_notes(s))

    def _described_alike(self, doc) -> bool:
        """The sentence's "X is <description>" is said, every content word of it, of another term of
        the notes: keyed as what X is, the answer fits that term as well (gen_genus.shared_description;
        round 22's "What is the Celestial Equator?" -> "An imaginary great circle on the celestial
        sphere", the notes' words for the Ecliptic and the Local Meridian too)."""
        if self._descriptions is None:
            self._descriptions = descriptions(self.docs.values())
        return bool(shared_description(doc, self._descriptions))

    def _be_of(self, root) -> str:
        """The "is"/"are" of a "What is X?" stem, in the number of X (the sentence's subject), not
        of the notes' verb: "Assets is the group of things ..." -> "What are assets?"."""
        subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
        if subject is None or root.lower_ not in {"is", "are", "was", "were"} or subject.text.isupper() \
                or subject.lower_ not in self.lexicon.lowercase_words:
            # A name, or a word the notes never write in lower case: the notes' own verb stands
            # ("Mars is", "Watchglasses are": set 13's chemistry note writes only "watchglass").
            return root.text.lower()
        return agreeing_be(root.lower_, plural_term(subject, self.lexicon))

    def _agreeing(self, question: Question | None, doc) -> Question | None:
        """gen_questions' "What is X?" of a sentence's subject in the same English as
        `_definition_card`'s, the one place both are mended: the verb in X's number and a one-word
        common noun without the capital its sentence gave it when the notes write it in lower case
        elsewhere ("What is Liabilities?" -> "What are liabilities?", "What is Logging?" ->
        "What is logging?", round 22 and the dev notes). A longer name keeps its capitals ("What is
        Frame Relay?": "frame" in lower case elsewhere makes no "frame Relay")."""
        if question is None or question.asks != "identity":
            return question
        asked = re.match(r"^What (is|was|are|were) (.+)\?$", question.prompt)
        root = next((t for t in doc if t.dep_ == "ROOT"), None)
        if asked is None or root is None:
            return question
        term = asked.group(2)
        if len(term.split()) == 1:
            term = term_as_asked(term, self.lexicon.lowercase_words)
        return dataclasses.replace(question, prompt=f"What {self._be_of(root)} {term}?")

    def _title_definition_card(self, s: Sentence, key: Key, doc) -> QuizItem | None:
        """"What is a module?" in notes titled "Modules", "What are steam engines?" in notes on the
        steam engine: the thing the notes are about, asked only when the sentence says what kind of
        thing it is (gen_genus.classifies). Any other sentence on it is one of the many things the
        notes say of their subject ("The Yuan dynasty was the first time ..."), so the title's own
        "What is X?" had been refused whole; but its classing definition is the first card a teacher
        of technical notes writes, and judges kept it each time one was posted (rounds 11-15: "What is
        Logging?", "What is Python?", "What is the GNU General Public License?", "What is Debian
        GNU/Linux?", "What is the Debian Project?", each the subject of its notes)."""
        if not classifies(doc):
            return None
        return self._definition_card(s, key, doc)

    def _names_its_referent(self, question: str, chunk: Chunk) -> bool:
        """A description question names what it is about: a name (not a weekday or a month) or a word
        of the course's title ("the first commercial steam-powered device" in notes on the steam engine)."""
        words = question.rstrip("?").split()[1:]
        if any(w[:1].isupper() and not _CALENDAR.match(w) for w in words):
            return True
        title = set(re.findall(r"[a-z]+", fold(self.titles.get(chunk.document, "")))) - STOPWORDS
        return bool(title & set(re.findall(r"[a-z]+", fold(question))))

    def _flashcards(self, chunk: Chunk) -> list[_Candidates]:
        if is_practice_section(chunk.heading_path):
            return []
        found = []
        for line in chunk.text.splitlines():
            body = line.removeprefix("- ")
            for abbreviation in abbreviations_in(body):
                if self.first_abbreviation.get(abbreviation.short) != chunk.id:
                    continue  # one card per abbreviation, from where the notes first define it
                if fold(abbreviation.long) in self.headings_text or self._is_title(abbreviation.long, chunk):
                    continue  # the notes' own subject, named in a heading: nothing to learn
                if not any(w[:1].isupper() for w in abbreviation.long.split()[1:]) or " " not in abbreviation.long:
                    continue  # "revolutions per minute", "high-pressure": a unit or a word, not a name to learn
                if self._abbreviation_paragraphs(abbreviation.short) < MIN_ABBREVIATION_USES:
                    continue  # an abbreviation used in one paragraph only is a detail ("SABM", "MPLS")
                if not self._of_the_subject(abbreviation.long):
                    continue  # "National Science Foundation", "Internet Protocol": general knowledge (round 6)
                if self._guessable_expansion(abbreviation.long, chunk):
                    continue  # "Scottish National Party" in notes on the Scottish Parliament (rounds 11-14)
                quote = next((q for q in split_sentences(body) if abbreviation.long in q), None)
                if quote is None:  # the pair straddles a sentence break: no exact quote to cite
                    continue
                if _named_in_passing(quote, abbreviation.long):
                    continue  # "a procedure recommended by the World Health Organization (WHO)": an authority cited
                    # in a clause on something else, general knowledge (set 22: "What does WHO stand for?", dropped)
                if re.search(rf"(?<![\w-]){re.escape(abbreviation.short)}(?![\w-])", _untitled(getattr(self, "sources_text", ""))):
                    continue  # "The World Health Organization (WHO) estimated ...", "WHO hepatitis B fact-sheet" among the
                    # notes' sources: the authority the notes cite, not a term of the course (set 23, dropped again)
                s = Sentence(readable_text(quote) or quote, chunk, 0, line.startswith("- "), quote=quote)
                item = self._item(FLASHCARD, f"What does the abbreviation {abbreviation.short} stand for?",
                                  abbreviation.long, s, TERM, 0.75)
                found.append(_Candidates(quote, chunk.document, [item]))
            term = term_definition(body)
            term_doc = nlp.parse_lines([term.term])[0] if term else None
            if term and not names_a_thing(term_doc):
                term = None  # "Look no further: Debian is ...": a lead-in, not a term (gen_genus)
            if term and modifier_label(term.term, term_doc):
                term = None  # "International: Japan avoided ...": a list's label of a side, not a term (gen_genus)
            if term and genus_about_the_word(nlp.parse_line(explanation_as_sentence(term.term, term.definition))):
                term = None  # "GNU: A recursive acronym, standing for ...": what the name is, not the thing (gen_genus)
            if term and body in self.attribute_rows.get((chunk.document, tuple(chunk.heading_path)), ()):
                term = None  # "Severity: P. falciparum is ...": a row of a comparison or a worked example's step (gen_cards)
            if term and (chunk.document, label_key(term.term)) in self.field_labels:
                term = None  # "Basis:" under each case compared, "Example:" lines: a field's label, not a term (gen_defined)
            if term and names_one(nlp.parse_line(term.definition)):
                term = None  # "Counsel for the town: Ann Reid, appointed by the court.": a value, not a meaning (gen_cards)
            if term and passes_filters(body) and not self._is_title(term.term, chunk):
                s = Sentence(body, chunk, 0, line.startswith("- "))
                prompt = self._prompt(s, f"What is meant by \"{term.term}\"?")
                found.append(_Candidates(body, chunk.document, [self._item(FLASHCARD, prompt, term.definition, s,
                                                           DEFINITION, 0.7)]))
        return found

    def _guessable_expansion(self, long: str, chunk: Chunk) -> bool:
        """The expansion is the course's title words and stock words of a body's name only ("Scottish
        National Party" in notes on the Scottish Parliament): its letters give it away (rounds 11, 12,
        14: borderline, "easy to guess from the name in a Scottish context"). A word of its own keeps
        the card ("Treaty on European Union", "Court of Justice of the European Union": kept)."""
        title = {w.rstrip("s") for w in re.findall(r"[a-z]+", fold(self.titles.get(chunk.document, "")))} - STOPWORDS
        words = [w.rstrip("s") for w in re.findall(r"[a-z]+", fold(long)) if w not in STOPWORDS]
        return (bool(words) and any(w in title for w in words)
                and all(w in title or w in _STOCK_NAME_WORDS for w in words))

    def _abbreviation_paragraphs(self, short: str) -> int:
        """In how many paragraphs the notes use the short form as a word of its own: not inside a
        code ("Directive 73/173/EEC") or a bracketed reference ("<Uyless Black, MPLS and ...>")."""
        word = re.compile(rf"(?<![\w/-]){re.escape(short)}(?![\w/-])")
        return sum(1 for p in self.paragraphs if word.search(_REFERENCE.sub(" ", p)))

    def _of_the_subject(self, name: str) -> bool:
        """A name shares a word with the notes' title or a heading ("Scottish National Party" in notes
        on the Scottish Parliament, "Agricultural Producers' Cooperatives" under "Agricultural
        Collectivisation"): a name of the subject, not an agency or protocol met in passing."""
        words = set(re.findall(r"[a-z]+", fold(name))) - STOPWORDS
        subject = set(re.findall(r"[a-z]+", self.headings_text + " " + fold(" ".join(self.titles.values()))))
        return any(w in subject or w.rstrip("s") in subject for w in words if len(w) > 3)

    def _title_subject(self, term: str, chunk: Chunk) -> bool:
        """`term` is a whole part of the document's title, the part before its colon or one of the phrases after it
        ("Cholera: Cause, Disease, ...", "Keynesian Economics: Aggregate Demand, the Multiplier and ..."): what the
        notes are about, whose glossary line is the notes' main definition ("What is cholera?"), not a word of a
        longer title ("Cement" in "Portland Cement and Concrete")."""
        title = self.titles.get(chunk.document, "")
        head, _, rest = title.partition(":")
        parts = [head] + re.split(r",\s*|\s+and\s+|\s*&\s*", rest)
        bare = lambda text: re.sub(r"^(?:the|a|an)\s+", "", fold(text).strip())  # noqa: E731
        return any(bare(p) and bare(p) == bare(term) for p in parts)


def _named_in_passing(quote: str, name: str) -> bool:
    """The name stands inside a clause that describes another thing of the sentence (a participle's or a relative
    clause: "an immunohistochemistry procedure recommended by the World Health Organization (WHO)"): the sentence
    is about that thing, and the name is cited beside it, not taught."""
    doc = nlp.parse_line(quote)
    at = quote.find(name)
    span = doc.char_span(at, at + len(name), alignment_mode="expand") if at >= 0 else None
    return span is not None and any(a.dep_ in {"acl", "relcl"} for a in span.root.ancestors)

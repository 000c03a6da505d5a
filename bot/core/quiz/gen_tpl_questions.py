"""The generator's question cards (generator._Generator): a question turned out of a sentence and answered
with the notes' words (`_question_card`, gen_questions), and the kinds built on it: why and what-led-to cards
(gen_concept_causes, gen_caused, gen_purpose), how-to, function, composition and depends-on cards (gen_howto,
gen_function), what the notes call a thing (gen_naming), a comparison between two sides (gen_compare), a name's
apposition and a FAQ's own question (gen_faq), with the checks of a card's stem and answer (a part of a name,
a line's label, a counterpart the stem names, a person headed in the section). `_cause_question` is imported by
generator.py too. Moved out of generator.py unchanged.

The state stays in `_Generator.__init__`; these read `notes`, `docs`, `titles`, `lexicon`, `passages`, `verbs`,
`full_names`, `key_figures`, `contexts`, `restatements` and `code_spans`, add to `asked_faq` and `asked_names`,
and fill the caches `_headings`, `_name_case`, `_noun_counts` and `_past_forms`. From the other families they
call `_item`, `_prompt`, `_where`, `_is_term`, `_is_title`, `_met_often`, `_of_the_title` and
`_parsed_sentences` (gen_tpl_subject), `_definition_card`, `_title_definition_card`, `_agreeing`,
`_described_alike`, `_names_its_referent` and `_spelled_out` (gen_tpl_cards), `_short_form` (gen_tpl_entries)
and `_is_subject`, `_glossary_defines`, `_defined_often` (gen_glossary_checks)."""

from __future__ import annotations

import dataclasses
import functools
import re
from collections import Counter

from bot.core import nlp
from bot.core.documents import Chunk
from bot.core.quiz.gen_bank_shape import _Candidates
from bot.core.quiz.gen_card_checks import _cased_as_quoted, _weak_card
from bot.core.quiz.gen_genus import asks_what_it_is, classifies, genus_about_the_word
from bot.core.quiz.gen_questions import (Question, apposition_questions, claimed_of_others, identity_question,
                                         why_question)
from bot.core.text import split_sentences
from bot.core.loaders.headings import without_section_number
from bot.core.tokens import fold
from bot.core.quiz.gen_keys import Key, lone_noun_definition
from bot.core.quiz.gen_caused import caused_question, causes_headed, effect_head, explained_elsewhere
from bot.core.quiz.gen_concept_causes import (adds_to_previous, bare_purpose, caused_elsewhere, continues_previous,
                                              cut_cause_question, fronted_cause_question, heading_points_back,
                                              lacks_setting, so_question)
from bot.core.quiz.gen_purpose import opened_question, purpose_question, reason_question
from bot.core.quiz.gen_naming import (meaning_question, naming_question, participle_naming_question,
                                      passing_naming_question)
from bot.core.quiz.gen_faq import faq_card, faq_question
from bot.core.quiz.gen_left_open import learns_nothing, noun_sentence_counts, object_left_open, turned_or_completed
from bot.core.quiz.gen_precision import a_person, unanchored_subject
from bot.core.quiz.gen_function import (asks_any_of_a_kind, composition_question, depends_question, function_question,
                                        heading_aspect_subject, one_of_several, relational_subject, situated_subject)
from bot.core.quiz.gen_compare import comparison_question
from bot.core.quiz.gen_howto import good_for_question, kinds_question, means_question, passive_means_question
from bot.core.quiz.gen_term_form import term_as_asked
from bot.core.quiz.gen_lexicon import CAUSE, DEFINITION, ENUMERATION, PERSON, TERM
from bot.core.quiz.gen_text import Sentence, chunk_sentences, is_code_line, is_practice_section, readable_text
from bot.core.quiz.gen_tpl_shared import CARD_QUALITY, FAMILIAR_TERM_COUNT, MIN_NAMED_PASSAGES, _from_notes, _rng
from bot.core.quiz.items import FLASHCARD, MULTIPLE_CHOICE, QuizItem


# A FAQ's own question on a sentence another card also asks gives way to it: the notes' heading is
# written for a reader browsing ("What is a Virtual Package?"), the card's question out of the sentence.
FAQ_CARD_QUALITY = CARD_QUALITY - 0.01
# A comparison the notes state, asked between its two sides: over a card on the same sentence (its
# two sides are the notes' own, of one kind by the sentence itself).
COMPARE_QUALITY = CARD_QUALITY + 0.01
PROVISION_SENTENCES = 2  # "Article 102" written this often: a provision the notes return to, not one cited in passing
MAX_LONG_CARD_PROMPT_WORDS = 24  # a card of a long sentence: the question short, the sentence its answer

LABEL_WORDS = 6  # "The election of 1824.", "Macehualtin (commoners).": a line's label, no sentence
COUNTERPART_SENTENCES = 2  # a person named with the answer in this many other sentences of the section: a pair


@functools.lru_cache(maxsize=512)
def _heading_says_met_before(heading: str) -> bool:
    """gen_concept_causes.heading_points_back of a heading's text, parsed once per heading."""
    return bool(heading) and heading_points_back(nlp.parse_lines([heading])[0])


def _cause_question(doc):
    """The why-card's question of a sentence, by the first template that reads it: a cause marker, a
    cause put first, a bare "to" purpose, a reason with "as"/"since", or any of these behind an
    opening phrase."""
    return (why_question(doc) or fronted_cause_question(doc) or so_question(doc) or purpose_question(doc)
            or reason_question(doc) or opened_question(doc) or cut_cause_question(doc))


def _shares_a_word(label: str, prompt: str) -> bool:
    """The stem names what the label names: one of its words of four letters or more, or a number."""
    words = {fold(w) for w in re.findall(r"[\w'-]+", label) if len(w) >= 4 or w.isdigit()}
    return bool(words & {fold(w) for w in re.findall(r"[\w'-]+", prompt)})


_SUBJECT_LOWERED = re.compile(r"^(?:Why|What|Who|How) \w+ ([a-z][a-z]+)\b")
# A capitalised word after a word in lower case: inside a sentence, so capitalised as a name ("the
# Debian archive", "in Python"), not as a sentence's first word.
_INSIDE_CAPITAL = re.compile(r"(?<=[a-z,;] )([A-Z][a-z]+)\b")


def _code_beside(s: Sentence) -> tuple[bool, bool, frozenset[str]]:
    """Whether the paragraph of `s` follows a code block (the line before it in the chunk is code or
    a program's output), whether its chunk shows code in another line (gen_text.is_code_line), and
    the words of those lines."""
    lines = [line for line in s.chunk.text.splitlines() if line.strip()]
    at = next((i for i, line in enumerate(lines) if s.quote in line), None)
    if at is None:
        return False, False, frozenset()
    after = at > 0 and is_code_line(lines[at - 1])
    code = [line for i, line in enumerate(lines) if i != at and is_code_line(line)]
    return after, after or bool(code), frozenset(w for line in code for w in re.findall(r"\w+", line))


def _others_before(subject: str, s) -> bool:
    """The passage before the sentence names the subject as "other <subject>" ("contact with the blood or other
    body fluids"): the sentence's subject stands for those others, and what it says leaves out the one set
    apart before it."""
    head = re.split(r"\s+(?:that|which|who|whose|of|in|on|with)\s+", subject, maxsplit=1)[0].strip()
    text = s.chunk.text
    at = text.find(s.quote)
    if not head or at <= 0:
        return False
    return bool(re.search(rf"\bother\s+{re.escape(fold(head))}\b", fold(text[:at])))


class QuestionTemplates:
    """Mixed into generator._Generator: question, cause, how-to, function, naming, comparison and FAQ cards."""

    def _faq_cards(self, chunk: Chunk) -> list[_Candidates]:
        """A FAQ's question (its heading, or a line of its own) answered by the sentence after it (gen_faq)."""
        if is_practice_section(chunk.heading_path):
            return []
        asked = []  # (question, quote of the sentence after it)
        sentences = chunk_sentences(chunk)
        heading = faq_question(chunk.heading_path[-1]) if chunk.heading_path else ""
        if heading and (chunk.document, chunk.heading_path) not in self.asked_faq and sentences:
            self.asked_faq.add((chunk.document, chunk.heading_path))
            asked.append((heading, sentences[0][0]))
        lines = chunk.text.splitlines()
        for line, after in zip(lines, lines[1:]):
            question = faq_question(line)
            following = split_sentences(after)
            if question and following:
                asked.append((question, following[0]))
        found = []
        for (question, quote), question_doc in zip(asked, nlp.parse_lines([q for q, _ in asked]) if asked else []):
            text = readable_text(quote)
            doc = self.docs.get(text) if text else None
            card = faq_card(question, question_doc, text, doc) if doc is not None else None
            if card is not None and asks_what_it_is(question) and genus_about_the_word(doc):
                continue  # "What is GNU?" / "GNU is a recursive acronym ...": what the name is (gen_genus)
            who = re.match(r"^Who (?:is|was|were|are) (.+)\?$", question.strip())
            if card is not None and who and self._headed_person(who.group(1), chunk, chunk.heading_path[-1] if
                                                                 chunk.heading_path else ""):
                continue  # "Who was John Snow?" under "11. John Snow and the Broad Street pump (1854)"
            if card is not None and self._asks_key_figure(question):
                continue  # "Who was Wegener?" keyed "... (1880-1930) was a German meteorologist.": one of many answers
            if card is None or not question.lower().startswith("why") and self._answer_goes_on(quote, sentences):
                # "However, googleearth-package ... might be helpful": half the answer (gen_left_open). Not of a
                # why-question: its answer is the reason, and what follows turns to something else ("However,
                # in Python, this is not a serious problem." after why lambdas hold no statements: kept, round 12).
                continue
            s = Sentence(text, chunk, 0, False, quote=quote)
            tests = CAUSE if question.lower().startswith("why") else DEFINITION
            found.append(_Candidates(quote, chunk.document, [
                self._item(FLASHCARD, card.prompt, card.answer, s, tests, FAQ_CARD_QUALITY, explanation=_from_notes(s))]))
        return found

    def _in_its_label(self, s: Sentence, prompt: str) -> str | None:
        """The stem set in the label its line opens with (`_line_label`), None when it cannot be: "The election of
        1824. Four candidates ran: ... Jackson won the most popular votes ...": the label is the event the line's
        sentences tell of, and a who-question is asked in it ("In the election of 1824, who won ...?"; set 19:
        borderline, "the stem leaves out 'in the 1824 election', so it reads as a general question"). A stem that
        names the label's words stands as it is; another question is not asked under a label it does not name."""
        label = self._line_label(s)
        if label is None or _shares_a_word(label, prompt) or not re.match(r"^The\s", label):
            # a label of another form ("1881 — Niagara Falls.") is a dated entry's, whose sentence names its own
            # deed (kept in round 37: "the stem identifies the event clearly through the Brush generator")
            return prompt
        if prompt.startswith("Who "):
            return f"In {label[0].lower()}{label[1:].rstrip('.')}, {prompt[0].lower()}{prompt[1:]}"
        return None

    def _line_label(self, s: Sentence) -> str | None:
        """The label that opens the sentence's line, when the sentence is not its first: a short sentence of
        its own with no verb ("The election of 1824.", "Pipiltin (nobles).") that names what the line's
        sentences tell of, and `s` one of them, after it."""
        line = next((ln.strip() for ln in s.chunk.text.splitlines() if s.quote in ln), "")
        first = split_sentences(line)[0] if line else ""
        if not first or first == s.quote or not line.startswith(first) or not first.endswith(".") \
                or len(first.split()) > LABEL_WORDS:
            return None
        doc = nlp.parse_lines([first.rstrip(".")])[0]
        if any(t.pos_ in {"VERB", "AUX"} for t in doc) or not any(t.pos_ in {"NOUN", "PROPN"} for t in doc):
            return None
        return first

    def _names_the_counterpart(self, s: Sentence, question: Question) -> bool:
        """A who-question's stem names the person the section pairs with the answer ("Who was elected president
        by 10 states to 4, with Burr as vice president?" in a section on the Jefferson-Burr tie, where other
        sentences name the two together): the pair gives the answer away (set 19: borderline). Named together
        in COUNTERPART_SENTENCES other sentences of the section, besides this one."""
        words = question.answer.rstrip(".").split()
        if not words or len(words) > 4 or not all(w[:1].isupper() or w in {"of", "de", "van", "von"} for w in words):
            return False  # the answer is a name ("Who was William Farel?" keyed to what he was is not)
        answer = {w for w in words if w[:1].isupper()}
        people = {p for n in self.lexicon.names_of(PERSON) for p in n.split() if p[:1].isupper()} - answer
        named = {w for w in re.findall(r"[A-Z][\w'-]+", question.prompt) if w in people}
        if not named:
            return False
        texts = [q for c in self.notes if c.document == s.chunk.document and c.heading_path == s.chunk.heading_path
                 for q, _ in chunk_sentences(c) if q != s.quote]
        words = [set(re.findall(r"[A-Z][\w'-]+", t)) for t in texts]
        return any(sum(1 for w in words if p in w and w & answer) >= COUNTERPART_SENTENCES for p in named)

    def _headed_person(self, name: str, chunk: Chunk, own: str = "") -> bool:
        """The person "Who was X?" asks of is named in a heading of the section (other than `own`, the heading
        that asks it): "11. John Snow and the Broad Street pump (1854)". A section is about them, and a card
        keyed to one sentence of who they were gives a side fact (set 19: "Who was John Snow?" keyed "a
        London physician and a noted anaesthetist", borderline: "better to ask what Snow showed in 1854")."""
        asked = set(name.split())
        return any(asked <= set(re.findall(r"[\w'-]+", h)) for h in chunk.heading_path if h != own)

    def _asks_key_figure(self, question: str) -> bool:
        """A FAQ's "Who was X?" of a person the notes are about (`_key_figures`, by any part of the name):
        the notes tell many things of them, and the heading's first sentence keys one, often their dates
        and trade (round 26 new notes, dropped: "Who was Wegener?" keyed "Alfred Wegener (1880-1930) was a
        German meteorologist." where "any student ... would answer the man who proposed continental
        drift"). The rule "Who was X?" cards already follow (`_question_card`, rounds 8 and 9a)."""
        found = re.match(r"^Who (?:is|was|were|are) (.+)\?$", question.strip())
        if not found:
            return False
        asked = set(found.group(1).split())
        return any(asked <= set(name.split()) for name in self.key_figures)

    def _answer_goes_on(self, quote: str, sentences: list[tuple[str, bool]]) -> bool:
        """The sentence after `quote` in its chunk turns or completes it (gen_left_open)."""
        quotes = [q for q, _ in sentences]
        if quote not in quotes or quotes.index(quote) + 1 >= len(quotes):
            return False
        after = quotes[quotes.index(quote) + 1]
        text = readable_text(after)
        return turned_or_completed(after, self.docs.get(text) if text else None)

    def _apposition_items(self, chunk: Chunk) -> list[tuple[Sentence, list[QuizItem]]]:
        """Cards on what the notes say a name is, set beside it in any sentence of the chunk: only the
        apposition is asked, so the sentence may lean on others. One card a name (its first telling)."""
        if is_practice_section(chunk.heading_path):
            return []
        found = []
        for s, doc in self._parsed_sentences(chunk):
            cards = [self._question_card(s, q, DEFINITION) for q in apposition_questions(doc, self._met_often)
                     if q.prompt not in self.asked_names and not self._owned_elsewhere(q.prompt)]
            self.asked_names.update(c.prompt for c in cards if c)
            if any(cards):
                found.append((s, [c for c in cards if c]))
        return found

    def _owned_elsewhere(self, prompt: str) -> bool:
        """The name the card asks about is written elsewhere in the notes after another's possessive ("the Tsar's
        Winter Palace" beside "the Winter Palace, the seat of the Provisional Government"): the notes tell it as
        something else too, and "What was the Winter Palace?" has two answers (set 22, fcc75440277c)."""
        found = re.fullmatch(r"(?:Who|What) (?:is|was) (?:the )?(?P<name>.+)\?", prompt)
        if not found:
            return False
        owned = re.compile(rf"\b\w+['’]s\s+{re.escape(found.group('name'))}\b")
        return any(owned.search(line) for line in self.docs)

    def _part_of_a_name(self, name: str) -> bool:
        """One word that the notes give as part of a person's longer name and do not use as that one
        person's name all through: "Martin" of Martin Butterweck, Martin Schulze and Martin Michlmayr
        (which?), "Clytie" of Clytie Siddall in one obituary. A card on it names nobody a student can
        place (round 10: "What was Martin?", dropped). "Mao" for Mao Zedong, used alone all through,
        stands (`_short_form`, counted without its uses inside the full name)."""
        if " " in name or PERSON not in self.lexicon.name_parts.get(name, ()):
            return False
        votes = self.lexicon.label_votes.get(name)  # how spaCy labels the word where it stands alone
        if votes and not votes[PERSON] and sum(votes.values()) >= FAMILIAR_TERM_COUNT:
            # "AppArmor", labelled a thing each of the 16 times it stands alone, is no first name because
            # spaCy read the heading "Enabling AppArmor" as a person once (handbook-apparmor, round 19).
            return False
        people = {n for n in self.full_names.get(name, ()) if self.lexicon.label_votes[n][PERSON]}
        if len(people) != 1:
            return len(people) > 1
        alone = self.lexicon.occurrences(name) - sum(self.lexicon.occurrences(n) for n in people)
        return alone < FAMILIAR_TERM_COUNT or not self._short_form(name)

    def _code_name_classed(self, name: str, answer: str) -> bool:
        """A lower-case name the notes set as code, one word (a command or program: `scp`, `sftp`,
        `aa-genprof`), that the sentence classes at once with "a/an <noun>" ("`sftp` is an interactive
        command"): the notes introduce a tool of theirs, not a side name met in passing (what
        `_met_often` keeps out: round 6's "What was AUSTPAC?"), so "What is sftp?" is asked. A dotted
        or called name (str.join, os.read, key_func(elem)) is code a student reads as code, and a
        description after an adverb ("is in fact only a smart wrapper") is a remark, not its class."""
        return name in self.code_spans and bool(re.fullmatch(r"[a-z][a-z0-9_-]*", name)) \
            and bool(re.match(r"(?:A|An) [a-z]", answer))

    def _card_items(self, s: Sentence, doc, definition: Key | None) -> list[QuizItem | None]:
        """Of a long sentence, only the cards the judges kept most (RESULTS 8.3-8.4: "What is X?"
        22 of 34, "Why ...?" 6 of 10), and only with a short question: the sentence is the answer."""
        titled = definition is not None and self._is_title(definition.text, s.chunk)
        if definition and not titled:
            cards = [self._definition_card(s, definition, doc)]
        else:
            cards = [self._question_card(s, identity_question(doc, is_term=self._is_term), DEFINITION, doc=doc,
                                         defines_title=classifies(doc))]
        if titled and s.standalone:
            cards.append(self._title_definition_card(s, definition, doc))
        lone = lone_noun_definition(doc, self.lexicon) if definition is None and s.standalone else None
        if lone:
            cards.append(self._definition_card(s, lone, doc))  # as in _sentence_items
        cards.append(self._cause_card(s, doc, _cause_question(doc)))
        if s.standalone:
            cards.append(self._naming_card(s, doc))
            # What a thing is made of, the parts cut where a relative clause on the last begins ("The legislature
            # ... is principally composed of the European Parliament and the Council ..., which ..."): the
            # long sentence's claim is the parts, the clause after them a side remark (gen_function).
            cards.append(self._composition_card(s, doc))
            cards.append(self._depends_card(s, doc))  # as in _sentence_items
        return [c for c in cards if c and len(c.prompt.split()) <= MAX_LONG_CARD_PROMPT_WORDS]

    def _past_of(self, participle: str) -> str | None:
        """The participle itself when the notes also write it as a past tense ("George Stephenson built
        ..." makes "built" a past form): the notes' own English, not a table of irregular verbs."""
        if self._past_forms is None:
            self._past_forms = {t.lower_ for d in self.docs.values() for t in d if t.tag_ == "VBD"}
        return participle if participle.lower() in self._past_forms else None

    def _howto_cards(self, s: Sentence, doc) -> list[QuizItem | None]:
        """How a thing is done, what it is good for, the kinds the notes count (gen_howto): only where
        every name the question shows is one the notes return to, and its subject is a term of theirs."""
        cards = []
        for question, tests in ((means_question(doc), CAUSE), (good_for_question(doc), CAUSE),
                                (kinds_question(doc), ENUMERATION)):
            if question is None:
                continue
            names = re.findall(r"(?<!^)\b([A-Z][a-z]+(?: [A-Z][a-z]+)*)", question.prompt[4:])
            if not all(self._met_often(name) for name in names):
                continue  # a side name ("Why was Polonia relegated ...?" of round 6, asked "How")
            if tests == CAUSE and (continues_previous(doc, self._previous_doc(s)) or lacks_setting(doc, question.prompt)):
                continue
            cards.append(self._question_card(s, question, tests))
        question = passive_means_question(doc)  # "How is TB transmitted?" (gen_howto), of the notes' subject
        if question is not None:
            subject = re.match(r"^How (?:is|are) (.+) \w+\?$", question.prompt)
            subject = subject.group(1) if subject else ""
            # of the notes' own subject only ("How is TB treated?" in notes on TB): of a side thing, "with" relates more
            # often than it gives a means ("How is Bielany Forest nature reserve connected?" -> "With Kampinos Forest.")
            if subject and self._is_subject(subject, s.chunk.document) \
                    and not (situated_subject(doc) or relational_subject(doc) or asks_any_of_a_kind(doc)) \
                    and not continues_previous(doc, self._previous_doc(s)) and not lacks_setting(doc, question.prompt):
                if len(subject.split()) == 1:  # "Rot" opening its sentence, "rot" in the notes: "How is rot spread?"
                    question = dataclasses.replace(question, prompt=question.prompt.replace(
                        f" {subject} ", f" {term_as_asked(subject, self.lexicon.lowercase_words)} ", 1))
                cards.append(self._question_card(s, question, CAUSE))
        return cards

    def _function_card(self, s: Sentence, doc) -> QuizItem | None:
        """What a thing of the notes does (gen_function), only of a thing the notes return to: its phrase
        is a term of theirs or met in several passages, or its head noun is one they use all through
        ("the sole argument to raise": "argument"); not "the opening pages" of a book met once."""
        question = function_question(doc)
        if question is None or self._says_nothing(question.answer, doc):
            return None  # "Advantages in certain special circumstances.": no term of the notes (gen_left_open)
        found = re.match(r"^What \w+ (.+) \w+\?$", question.prompt)
        subject = found.group(1) if found else ""
        head = subject.split()[-1].lower() if subject else ""
        if not subject or not (self._is_term(subject) or self._met_often(subject)
                               or self.lexicon.term_counts[head] >= FAMILIAR_TERM_COUNT
                               or self.lexicon.term_counts[head.rstrip("s")] >= FAMILIAR_TERM_COUNT
                               or subject[:1].isupper() and self.lexicon.occurrences(subject) >= PROVISION_SENTENCES):
            return None  # ... or a provision of law the notes name again ("Article 102": gen_function._a_provision)
        if situated_subject(doc) or relational_subject(doc) \
                or heading_aspect_subject(doc, s.chunk.heading_path[-1] if s.chunk.heading_path else ""):
            return None  # "the available hard drive space": the passage's case, even when the notes repeat it;
            # "Related forms include ...": related to what the passage names (gen_function)
        if one_of_several(s.quote):
            return None  # "Furthermore, ... requires ...": one of several things it requires
        if _others_before(subject, s):
            return None  # "... the blood or other body fluids ... Body fluids that can carry the virus include semen,
            # ...": the others than blood, which the card leaves out (set 23, dropped)
        if asks_any_of_a_kind(doc):
            return None  # "What can users create?", "What do static methods return?": as many answers as things
        if self._said_again(doc):
            return None  # "The tank's walls contain ..." and "The tank wall contains ...": a part of what they contain
        modal = re.match(r"^What (may|can) ", question.prompt)
        if modal and self._other_options(subject, modal.group(1), s.text):
            return None  # "What may the except clause specify?" where an except clause "may name" more too
        return self._question_card(s, question, DEFINITION)

    def _composition_card(self, s: Sentence, doc) -> QuizItem | None:
        """What a thing of the notes is made of (gen_function.composition_question), only of a thing the notes
        return to, as `_function_card` asks what one does: a term of theirs, met in several passages, or a
        head noun they use all through; a name met in several passages. Not of "the available ..." (the
        passage's case) nor of a sentence adding to what came before ("... also consists of ...")."""
        question = composition_question(doc)
        if question is None or self._says_nothing(question.answer, doc):
            return None
        root = next(t for t in doc if t.dep_ == "ROOT")
        subject = next(c for c in root.children if c.dep_ in {"nsubj", "nsubjpass"})
        bare = doc[subject.left_edge.i + (doc[subject.left_edge.i].dep_ == "det"):subject.i + 1].text
        head = subject.lemma_.lower()
        whole = [c for p in subject.children if p.dep_ == "prep" and p.lower_ == "of" for c in p.children
                 if c.dep_ == "pobj" and c.pos_ == "PROPN"]
        of_named = [doc[c.left_edge.i + (doc[c.left_edge.i].dep_ == "det"):c.i + 1].text for c in whole]
        if not (self._is_term(bare) or self._met_often(bare) or self.lexicon.term_counts[head] >= FAMILIAR_TERM_COUNT
                or self.lexicon.term_counts[head] >= 2 and any(self._met_often(n) for n in of_named)):
            # "Céloron's expedition force": a thing of one passage. "The legislature of the European Union":
            # a thing the notes name again, of a whole they return to.
            return None
        if situated_subject(doc) or one_of_several(s.quote):
            return None
        return self._question_card(s, question, DEFINITION)

    def _depends_card(self, s: Sentence, doc) -> QuizItem | None:
        """What a thing of the notes depends on (gen_function.depends_question), only of a thing the notes return
        to, as `_composition_card`: a term of theirs, met in several passages, or a head noun they use all
        through; not of the passage's case ("the available ...") nor of a sentence adding to what came before."""
        question = depends_question(doc)
        if question is None or self._says_nothing(question.answer, doc):
            return None
        root = next(t for t in doc if t.dep_ == "ROOT")
        subject = next(c for c in root.children if c.dep_ == "nsubj")
        bare = doc[subject.left_edge.i + (doc[subject.left_edge.i].dep_ == "det"):subject.i + 1].text
        head = subject.lemma_.lower()
        if not (self._is_term(bare) or self._met_often(bare) or self.lexicon.term_counts[head] >= FAMILIAR_TERM_COUNT
                or any(self._is_term(t.text) or self._met_often(t.text)
                       for t in subject.subtree if t.pos_ == "NOUN" and t.i != subject.i)):
            # "the amount of creep": of a term the notes return to ("creep"), though "amount" is no term
            return None
        if situated_subject(doc) or relational_subject(doc) or one_of_several(s.quote):
            return None
        return self._question_card(s, question, CAUSE)

    def _said_again(self, doc) -> bool:
        """Another sentence of the notes has the same verb of the same subject (its head noun and modifiers
        alike, singular or plural: "The thylakoid membranes contain ..." and "The thylakoid membrane contains
        four ... complexes"): a card keyed to one object has the other for a second answer (set 18: dropped,
        "the pigment list is only one right answer")."""
        def tells(d):  # an object that says something ("benefits in certain special cases" does not: gen_left_open)
            question = function_question(d)
            return question is None or not self._says_nothing(question.answer, d)
        return self.restatements.said_again(doc, tells)

    def _comparison_item(self, s: Sentence, doc) -> QuizItem | None:
        """Which of the two things a sentence compares is the one it says (gen_compare)."""
        compared = comparison_question(doc, lambda o: _rng("compare", s.quote, o).random())
        if compared is None or self._of_the_title(s.chunk, *compared.options):
            return None
        return self._item(MULTIPLE_CHOICE, self._prompt(s, compared.prompt), compared.answer, s, TERM, COMPARE_QUALITY,
                          options=compared.options, explanation=_from_notes(s))

    def _other_options(self, subject: str, modal: str, own: str) -> bool:
        """Another sentence of the notes says what else `subject` (the card's, "the except clause") `modal`
        ("may", "can") do: "An except clause may name multiple exceptions as a parenthesized tuple" beside
        "The except clause may specify a variable after the exception name". A card on one of them keys
        one of the subject's several options, and a student may give the other (`gen_function` reads a
        modal's object as the answer)."""
        wanted = re.sub(r"^(?:the|a|an) ", "", fold(subject))
        for text, doc in self.docs.items():
            if text == own:
                continue
            for token in doc:
                if token.dep_ != "aux" or token.lower_ != modal or token.head.pos_ != "VERB":
                    continue
                subj = next((c for c in token.head.children if c.dep_ == "nsubj"), None)
                if subj is None:
                    continue
                phrase = " ".join(t.text for t in subj.subtree if t.i < token.i)  # "An except clause", however parsed
                if re.sub(r"^(?:the|a|an) ", "", fold(phrase)) == wanted:
                    return True
        return False

    def _naming_card(self, s: Sentence, doc) -> QuizItem | None:
        """What the notes call a thing ("What are errors detected during execution called?") or what
        one of their terms means ("What does representation error refer to?"): only of a term the notes
        teach, used again elsewhere (a term met once is a side word), said to mean one thing only."""
        question = naming_question(doc)
        term = question.answer.rstrip(".").split(",")[0] if question else ""  # "A character encoding, or just an encoding"
        if question is None:
            question = meaning_question(doc)
            found = re.match(r"^What (?:does|do) (.+) (?:refer to|stand for|mean|denote)\?$", question.prompt) \
                if question else None
            term = found.group(1) if found else ""
        if not term or not (self._is_term(term) or self._met_often(term)) or self._defined_often(term):
            return self._participle_naming_card(s, doc)
        if self._part_of_a_name(term):
            return None
        return self._question_card(s, question, DEFINITION)

    def _participle_naming_card(self, s: Sentence, doc) -> QuizItem | None:
        """"What were the MSPs that parties entrust with ... known as?" (gen_naming.participle_naming_question).
        The name may be met once: the sentence is where the notes give it, and the thing named is what
        the sentence is about (its verb's subject or object), not a word passed by."""
        question = participle_naming_question(doc)
        passing = question is None
        if passing:
            question = passing_naming_question(doc)  # a thing named where the sentence passes by it
        if question is None:
            return None
        term = question.answer.rstrip(".")
        if self._defined_often(term) or self._part_of_a_name(term):
            return None
        bare = re.sub(r"^the ", "", term, flags=re.IGNORECASE).lower()
        if passing and sum(1 for text in self.passages if bare in text.lower()) < MIN_NAMED_PASSAGES:
            return None  # "a small peninsula called Gull Point": a place passed by, named once, is no term of the notes
        if passing and self._glossary_defines(term, s.quote):
            return None  # "sexual forms called gametocytes" beside the glossary's "Gametocyte: ...": that line has its item
        return self._question_card(s, question, DEFINITION)

    def _heading_points_back(self, chunk: Chunk) -> bool:
        """The chunk's own heading names things as met before ("What the cases have in common":
        gen_concept_causes.heading_points_back), parsed once per heading."""
        if not chunk.heading_path or len(chunk.heading_path) < 2:
            return False
        return _heading_says_met_before(without_section_number(chunk.heading_path[-1]))

    def _question_card(self, s: Sentence, question: Question | None, tests: str,
                       quality: float = 0.0, defines_title: bool = False, doc=None) -> QuizItem | None:
        """A question turned out of the sentence (gen_questions), answered on a card with the notes'
        words: "What was the Treaty of Paris?", "Why did the cylinders have to be large?".
        `defines_title`: the sentence says what kind of thing its subject is, so "What is X?" stands
        even when X is what the notes are about ("What is DHCP?" in notes titled "DHCP"; see
        `_title_definition_card`)."""
        if question is None:
            return None
        labelled = self._in_its_label(s, question.prompt)
        if labelled is None:
            return None
        question = dataclasses.replace(question, prompt=labelled)
        if question.prompt.startswith("Who ") and self._names_the_counterpart(s, question):
            return None
        subject = question.prompt if question.asks != "description" else question.answer
        if self._is_title(re.sub(r"^(what|who|why) (is|was|are|were|did|does|do) (the )?|\?$", "", subject,
                              flags=re.IGNORECASE), s.chunk) and not (question.asks == "identity" and defines_title) \
                or self._is_title(question.answer, s.chunk) and not (question.asks == "naming"
                                                                     and self._one_of_the_title(question.answer, s.chunk)):
            return None  # "What was the French and Indian War?" in notes on that war: the whole course
        if question.asks == "description" and fold(question.answer.removeprefix("The ").removeprefix("the ")) \
                in fold(self._where(s.chunk)):
            return None  # the section shown above the question names the answer (round 4)
        if tests == DEFINITION and _weak_card(question.prompt, question.answer):
            return None
        if question.asks == "identity" and doc is not None and self._described_alike(doc):
            return None  # "What is X?" answered by words the notes say of another term too (gen_genus)
        subject = re.match(r"^(?:What|Who) (?:is|was|are|were) (?:the )?(.+)\?$", question.prompt)
        if question.asks == "identity" and subject and self._spelled_out(subject.group(1), s.text):
            return None  # "What is ABC?" keyed to what ABC does, where the notes say what ABC stands for: two answers
        if question.asks == "identity" and subject and self._part_of_a_name(subject.group(1)):
            return None  # "What was Martin?": one of several Martins, or Clytie of Clytie Siddall named once (round 10)
        named = re.match(r"^What (?:is|was|are|were) (.+)\?$", question.prompt) if question.asks == "identity" else None
        if named and not self._met_often(re.sub(r"^the ", "", named.group(1))) \
                and not self._code_name_classed(named.group(1), question.answer):
            # "What was AUSTPAC?", "What is the John W. Weeks Bridge?": a named thing the notes meet
            # in one passage only is a side thing; round 6 kept 0 of 7 such cards, 2 of 3 of the rest.
            return None
        person = re.match(r"^Who (?:is|was) (.+)\?$", question.prompt) if question.asks == "identity" else None
        if person and not self._a_person(person.group(1), question.answer, s):
            return None  # "Who is Nuitka?": a compiler the parser read as a person (gen_precision, held-out round 12)
        if person and s.notes_text and person.group(1) not in s.notes_text:
            # The notes name the person here by a part of the name they give in full elsewhere ("Bowman
            # was the director of the American Geographical Society in 1914" asked "Who was Isiah
            # Bowman?"): the sentence tells more of someone the notes introduced before, and who they
            # were is said where the full name is (round 28: dropped, keyed to a side fact). Another name written in
            # full in the answer ("a student of Jacques Lefevre") is no sign of that.
            return None
        if person and self._headed_person(person.group(1), s.chunk):
            return None  # a person a section is headed by: who they were is the section, not one sentence
        if person and person.group(1) in self.key_figures:
            # The people the notes are about: "Who was X?" has as many answers as the notes tell of
            # them, and one title keyed is thin (rounds 8 and 9a: Pitt, Frederick William, Kublai Khan,
            # Shirley kept 1 of 7; Tanaghrisson and Morsi, named in passing, 4 of 4).
            return None
        if person and len(self.contexts.roles.get(person.group(1), ())) > 1 \
                and not self._of_the_title(s.chunk, question.answer):
            # The notes give the person several roles ("governor", "commander"): one of them is not
            # who they were, unless it is their part in what the notes are about ("the founder of the
            # Yuan dynasty"). Round 8: Kublai Khan as "leader of the Borjigin clan" (dropped), Shirley
            # as governor of Massachusetts, not the commander the notes make him (borderline).
            return None
        if question.asks == "description" and question.prompt.startswith("Who ") \
                and not self._met_often(question.answer.rstrip(".")):
            return None  # "Who was the first Warsaw President?": a person the notes name once (round 8: trivia)
        if question.asks == "description" and claimed_of_others(question.prompt, self.docs):
            return None  # "the first commercial ..." said of two things: two answers
        if named and self._defined_often(named.group(1)):
            return None  # "What is Frame Relay?": the notes say what it is in several sentences; one is thin
        if question.asks == "description" and not self._names_its_referent(question.prompt, s.chunk):
            return None  # "What is the school color?", "the first item of business on Wednesdays": whose? (round 6)
        # The stem mended only once every check above read it as the template made it: the mending
        # changes how the question reads, not which sentences are asked (`_agreeing`).
        asked = question.prompt if doc is None else self._agreeing(question, doc).prompt
        prompt = self._prompt(s, self._cased_as_named(_cased_as_quoted(asked, s.quote)))
        return self._item(FLASHCARD, prompt, question.answer, s, tests, quality or CARD_QUALITY,
                          explanation=_from_notes(s))

    def _cause_card(self, s: Sentence, doc, question: Question | None) -> QuizItem | None:
        """"Why ...?" about what the notes return to: a name in the question met in one passage only
        ("Why was Polonia relegated ...?") makes it a side story (round 6: dropped as trivia). Not when
        the sentence gives only part of the cause the notes give (gen_concept_causes)."""
        if question is None:
            return None
        if continues_previous(doc, self._previous_doc(s)) or caused_elsewhere(doc, self.docs.values()) \
                or lacks_setting(doc, question.prompt) or object_left_open(doc) or self._heading_points_back(s.chunk):
            return None
        after_code, code_near, code_shows = _code_beside(s)
        if unanchored_subject(doc, self.lexicon.lowercase_words, self.verbs, after_code=after_code,
                              code_near=code_near, code_shows=code_shows):
            return None  # "Why do the original items ...?", "Why does the INFO message ...?" (gen_precision)
        if adds_to_previous(s.quote) or bare_purpose(question.answer):
            return None  # one more reason of a passage's reasoning, or a purpose most rules have (round 11)
        # Every name after the first word ("Why", or the first of a setting kept in front: "In Afghanistan, why ...").
        names = re.findall(r"(?<!^)(?<![.?!] )\b([A-Z][a-z]+(?: [A-Z][a-z]+)*)", " " + question.prompt.split(" ", 1)[-1])
        if not all(self._met_often(name) for name in names):
            return None
        return self._question_card(s, question, CAUSE)

    def _caused_card(self, s: Sentence, doc) -> QuizItem | None:
        """"What led to Y?" / "What causes Y?" of a sentence whose subject causes Y (gen_caused): not when
        the notes explain Y in another sentence too (one cause keyed marks the other wrong), nor when the
        question names what the notes meet in one passage only (as `_cause_card`)."""
        question = caused_question(doc)
        head = effect_head(doc) if question is not None else ""
        if question is None or explained_elsewhere(head, doc.text, self.docs.keys(), question.answer):
            return None
        if self._headings is None:
            self._headings = {h for c in self.notes for h in c.heading_path}
        if causes_headed(head, self._headings):
            return None  # "9.2 Causes of the English revolt" lists five causes; the sentence names three
        names = re.findall(r"(?<!^)\b([A-Z][a-z]+(?: [A-Z][a-z]+)*)", question.prompt[5:])
        if not all(self._met_often(name) for name in names):
            return None
        return self._question_card(s, question, CAUSE)

    def _says_nothing(self, answer: str, doc) -> bool:
        """The answer, read in its sentence's parse, holds no name, number or noun the notes return to."""
        found = doc.text.find(answer.rstrip(".")[1:])
        span = doc.char_span(found - 1, found + len(answer.rstrip(".")) - 1, alignment_mode="expand") \
            if found > 0 else None
        if span is None:
            return False
        if self._noun_counts is None:
            self._noun_counts = noun_sentence_counts(self.docs.values())
        return learns_nothing(span, self._noun_counts)

    def _cased_as_named(self, question: str) -> str:
        """The word the question's subject opens with, lower-cased by the template because the parser
        read no name in it, written with its capital when the notes write it so inside sentences more
        often than in lower case: "Why does debian offer ...?" of "Currently Debian offers ...", "Why
        can python lambda expressions ...?" of "Python lambda expressions ..." (a name of the notes,
        not a common word opening the sentence)."""
        match = _SUBJECT_LOWERED.match(question)
        if match is None:
            return question
        word = match.group(1)
        if self._name_case is None:
            self._name_case = Counter()
            for passage in self.passages:
                self._name_case.update(f"^{w}" for w in _INSIDE_CAPITAL.findall(passage))
                self._name_case.update(re.findall(r"\b[a-z][a-z-]+\b", passage))
        if self._name_case[f"^{word.capitalize()}"] <= self._name_case[word]:
            return question
        return question[:match.start(1)] + word.capitalize() + question[match.end(1):]

    def _a_person(self, name: str, answer: str, s: Sentence) -> bool:
        """The notes treat `name` as a person (gen_precision.a_person), judged by the head noun of
        the card's answer ("A chief of the Mingo." -> "chief") and by how often the parser read it, or
        a longer name holding it, as a person."""
        doc = self.docs.get(s.text)
        if doc is None:
            return True
        found = doc.text.find(answer.rstrip(".")[1:])
        span = doc.char_span(found - 1, found + len(answer.rstrip(".")) - 1, alignment_mode="expand") \
            if found > 0 else None
        head = span.root.lemma_.lower() if span is not None else ""
        votes = self.lexicon.label_votes  # a part of people's longer names ("Tomas" of Tomas Vell) counts their votes
        read = sum(votes[n][PERSON] for n in {name, *self.full_names.get(name, ())} if n in votes)
        return a_person(name, head, doc, self.docs.values(), read)

    def _previous_doc(self, s: Sentence):
        """The parse of the sentence before `s` in its chunk, or None when it opens the chunk."""
        if s.position == 0:
            return None
        quote, _ = chunk_sentences(s.chunk)[s.position - 1]
        text = readable_text(quote)
        return self.docs.get(text) if text else None

    def _one_of_the_title(self, text: str, chunk: Chunk) -> bool:
        """One of the things a title names several of ("Exceptions" of "Errors and Exceptions"): what the
        notes call a thing may be one of them ("What are errors detected during execution called?"),
        not the whole course (session 14)."""
        title = self.titles.get(chunk.document, "")
        parts = [p for p in re.split(r"\s*(?:,|\band\b|&)\s*", title) if p.strip()]
        answer = fold(re.sub(r"^(?:the|a|an) ", "", text.rstrip("."), flags=re.IGNORECASE))
        return len(parts) > 1 and any(fold(p).rstrip("s") == answer.rstrip("s") for p in parts)

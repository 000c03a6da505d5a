"""The generator's templates on what a text lays down (generator._Generator): what a court held in a case
(gen_holdings), what a numbered clause of a charter or licence requires or allows (gen_clauses), what the
notes list for one party or category and not another (gen_rules, gen_parties, gen_named_lists, gen_lead_lists)
and what happens under a condition the notes state (gen_conditions). Moved out of generator.py unchanged.

The state stays in `_Generator.__init__`; these read `notes`, `docs`, `titles`, `code_spans`, `yielding` and
`actor_choices`, add to `asked_clauses` and `asked_conditions`, and fill `_rule_questions` and `_docs_of`.
From the other families they call `_item`, `_written`, `_document_text`, `_sentence_texts`, `_is_term` and
`_met_often` (gen_tpl_subject)."""

from __future__ import annotations

import dataclasses
import re

from bot.core import nlp
from bot.core.documents import Chunk
from bot.core.quiz.gen_bank_shape import _Candidates
from bot.core.quiz.gen_holdings import case_of, holding_question
from bot.core.tokens import fold
from bot.core.quiz.gen_lead_lists import lead_lists
from bot.core.quiz.gen_named_lists import NamedCard, named_cards, named_lists, short_title
from bot.core.quiz.gen_rules import (Member, RULE_QUALITY, block_lists, condition_card, condition_is_label,
                                     permission_card, quoted_labels, rule_questions, sentence_lists, setting)
from bot.core.quiz.gen_parties import party_questions
from bot.core.quiz.gen_clauses import clause_card
from bot.core.quiz.gen_conditions import outcome_card, outcome_prompt, stated_elsewhere
from bot.core.quiz.gen_defined import document_name
from bot.core.quiz.gen_precision import all_rules_answer, rules_left_out
from bot.core.quiz.gen_lexicon import ACTOR, CAUSE, DEFINITION, ENUMERATION, SEQUENCE
from bot.core.quiz.gen_text import Sentence, candidate_sentences, chunk_sentences, is_practice_section, readable_text
from bot.core.quiz.gen_tpl_shared import CARD_QUALITY, QUALITY_CUTOFF, _from_notes
from bot.core.quiz.items import FLASHCARD, MULTIPLE_CHOICE, QuizItem


class RuleTemplates:
    """Mixed into generator._Generator: holding, clause, rule and condition templates."""

    def _holding_cards(self, chunk: Chunk) -> list[tuple[Sentence, QuizItem]]:
        """What a court held in a case the notes name in this sentence only (gen_holdings): the question
        names the case and the court, so it is asked whatever connective opens the sentence."""
        cards = []
        for s in candidate_sentences(chunk, self.code_spans):
            doc = self.docs.get(s.text)
            question = holding_question(doc) if doc is not None else None
            if question is None:
                continue
            named = re.compile(rf"(?<![\w-]){re.escape(case_of(question))}(?![\w-])")
            if sum(1 for text in self._sentence_texts() if named.search(text)) != 1:
                continue  # "Commission v Italy": several cases of one name, or the case told over several sentences
            cards.append((s, self._item(FLASHCARD, question.prompt, question.answer, s, DEFINITION, CARD_QUALITY,
                                        explanation=_from_notes(s))))
        return cards

    def _clause_cards(self, chunk: Chunk) -> list[_Candidates]:
        """What a numbered clause of a charter or licence requires, allows or promises (gen_clauses),
        asked once, from the chunk that opens the clause."""
        if is_practice_section(chunk.heading_path) or chunk.heading_path in self.asked_clauses:
            return []
        quoted = [(quote, readable_text(quote)) for quote, _ in chunk_sentences(chunk)]
        quoted = [(quote, text) for quote, text in quoted if text]
        if not quoted:
            return []
        self.asked_clauses.add(chunk.heading_path)
        doc = self.docs.get(quoted[0][1])
        card = clause_card(chunk.heading_path, [text for _, text in quoted], doc,
                           self.titles.get(chunk.document, "")) if doc is not None else None
        texts = [text for _, text in quoted]
        if card is None:
            return []
        kind, docs = card.prompt.rstrip("?").split()[-1], [self.docs.get(text) for text in texts]
        if rules_left_out(card.answer, kind, texts, docs):
            # keyed to the first of several rules of its clause (gen_precision, held-out round 12):
            # answered with all of them when they are short enough, else not asked
            answer = all_rules_answer(kind, texts, docs)
            if not answer:
                return []
            card = dataclasses.replace(card, answer=answer)
        s = Sentence(quoted[0][1], chunk, 0, False, quote=quoted[0][0])
        item = self._item(FLASHCARD, card.prompt, card.answer, s, DEFINITION, CARD_QUALITY, explanation=_from_notes(s))
        return [_Candidates(s.quote, chunk.document, [item])]

    def _rule_items(self, chunk: Chunk) -> list[_Candidates]:
        """What the notes list for one party or category and not another (gen_rules), from this chunk."""
        if self._rule_questions is None:
            self._rule_questions = {}
            lists = block_lists(self.notes, nlp.parse_lines) + sentence_lists(self.notes, self.docs) \
                + lead_lists(self.notes, nlp.parse_lines)
            sentences: dict[str, list[Member]] = {}
            for c in self.notes:
                for quote, _ in chunk_sentences(c):
                    text = readable_text(quote)
                    if text and text in self.docs:
                        sentences.setdefault(c.document, []).append(Member(text, quote, c))
            titles = {d: self.titles.get(d) or document_name(self.notes, d) for d in sentences}
            shown: set[str] = set()  # list members a list item already asks about: one fact, one item
            for question in rule_questions(lists, {d: [m.text for m in ms] for d, ms in sentences.items()}, titles):
                self._rule_questions.setdefault(question.source.chunk.id, []).append((question, ENUMERATION))
                shown.update(fold(o) for o in question.options)
            # "According to the notes on <X>, what are the three regions ...?" and "..., in <process>, what comes
            # after “<step>”?" of the notes' lists of named things (gen_named_lists)
            for card in named_cards(named_lists(self.notes, nlp.parse_lines),
                                    lambda d: setting(short_title(self.titles.get(d) or document_name(self.notes, d),
                                                                  self._document_text(d)),
                                                      self._written(d)), nlp.parse_lines):
                tests = SEQUENCE if card.sequence else DEFINITION if card.options else ENUMERATION
                self._rule_questions.setdefault(card.chunk.id, []).append((card, tests))
            for document, members in sentences.items():  # "Under <document>, if <...>, what must you do?"
                labels = quoted_labels(c.text for c in self.notes if c.document == document)
                for m in members:
                    where = setting(titles[document], self._written(document))
                    # "Under <document>, on what condition may you <...>?" of "You may <...>, provided that <...>."
                    card = condition_card(m, self.docs[m.text], where)
                    if card is None:
                        card = permission_card(m, self.docs[m.text], where)
                        if card is not None and condition_is_label(card.answer, labels):
                            card = None
                    if card:
                        self._rule_questions.setdefault(m.chunk.id, []).append((card, DEFINITION))
            for document, members in sentences.items():  # "Under <document>, who may <...>?" (gen_parties)
                of = {m.text: m for m in reversed(members)}
                own = [lst for lst in lists if lst.document == document and lst.party]
                for question in party_questions([self.docs[m.text] for m in members], own, setting(titles[document], self._written(document)),
                                                sentence_of=lambda d: of.get(d.text), skip=shown):
                    self._rule_questions.setdefault(question.source.chunk.id, []).append((question, ACTOR))
        found = []
        for question, tests in self._rule_questions.get(chunk.id, []):
            quote = question.source.quote
            s = Sentence(readable_text(quote) or quote, chunk, 0, False, quote=quote)
            if isinstance(question, NamedCard):
                s = Sentence(readable_text(question.quote) or question.quote, chunk, 0, False, quote=question.quote)
                listed = "; ".join(question.source.members)
                why = f"The notes list, in order: {listed}." if question.sequence else \
                    f"The notes: “{question.source.lead}” {listed}."
                if question.options:  # "which of <the category> is <what its line says>?"
                    line = readable_text(question.quote) or question.quote
                    item = self._item(MULTIPLE_CHOICE, question.prompt, question.answer, s, tests, QUALITY_CUTOFF,
                                      options=tuple(question.options), explanation=f"The notes: “{line}”")
                    self.yielding.add(item.id)
                    found.append(_Candidates(question.quote, chunk.document, [item]))
                    continue
                found.append(_Candidates(question.quote, chunk.document, [self._item(
                    FLASHCARD, question.prompt, question.answer, s, tests, CARD_QUALITY, explanation=why)]))
                continue
            if tests == DEFINITION:  # a card of what a rule requires or allows under a condition
                item = self._item(FLASHCARD, question.prompt, question.answer, s, tests, CARD_QUALITY,
                                  explanation=_from_notes(s))
            else:
                item = self._item(MULTIPLE_CHOICE, question.prompt, question.answer, s, tests, RULE_QUALITY,
                                  options=question.options, explanation=question.explanation)
            if tests == ACTOR:
                self.actor_choices.add(item.id)  # a who-item with options: the learned score was never fitted on it
            found.append(_Candidates(quote, chunk.document, [item]))
        return found

    def _condition_cards(self, chunk: Chunk) -> list[_Candidates]:
        """What happens under a condition the notes state ("If <condition>, <consequence>."), asked
        under the document's name, once a condition in a document (gen_conditions)."""
        if is_practice_section(chunk.heading_path):
            return []
        found = []
        quotes = [quote for quote, _ in chunk_sentences(chunk)]
        for quote, after in zip(quotes, [*quotes[1:], ""]):
            text = readable_text(quote)
            doc = self.docs.get(text) if text else None
            card = outcome_card(doc, quote, after, term=self._a_term_of_the_notes) if doc is not None else None
            if card is None or (chunk.document, card.condition.lower()) in self.asked_conditions:
                continue
            if stated_elsewhere(doc, card, self._document_docs(chunk.document)):
                continue  # the same condition with another outcome elsewhere: two defensible answers (gen_conditions)
            if self._kind_left_open(doc, chunk.document):
                continue  # "If no style sheet is given" where the notes tell of a CSS and a CSL style sheet
            prompt = outcome_prompt(card.condition, document_name(self.notes, chunk.document),
                                    self._written(chunk.document))
            if not prompt:
                continue
            self.asked_conditions.add((chunk.document, card.condition.lower()))
            s = Sentence(text, chunk, 0, False, quote=quote)
            found.append(_Candidates(quote, chunk.document, [
                self._item(FLASHCARD, prompt, card.consequence, s, CAUSE, CARD_QUALITY, explanation=_from_notes(s))]))
        return found

    def _kind_left_open(self, doc, document: str) -> bool:
        """The condition's subject is a bare noun (its compounds with it, no adjective: "no style sheet") that the
        document's text also writes after two names in capitals ("a CSS style sheet", "a CSL (Citation Style
        Language) style sheet"): the notes tell of kinds of it, and the condition does not say which (session 28:
        "what happens if no style sheet is given?" has the EPUB style sheet's answer too)."""
        verb = doc[0].head
        subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subject is None or subject.pos_ != "NOUN" or any(c.dep_ == "amod" for c in subject.children):
            return False
        compounds = [c for c in subject.children if c.dep_ == "compound" and c.i < subject.i]
        name = doc[min([c.i for c in compounds] + [subject.i]):subject.i + 1].text
        text = self._document_text(document)
        pattern = re.compile(r"\b([A-Z][A-Za-z]*)(?:\s*\([^)]*\))?\s+" + re.escape(name) + r"s?\b")
        # two kinds the notes name by abbreviations ("CSS", "CSL"); one name of the course's own setting ("EU member
        # states", "European Union member states") names no other kind, and "If a member state ..." stands (kept
        # in rounds 16 and 26)
        kinds = {m.group(1) for m in pattern.finditer(text) if m.group(1).isupper() and len(m.group(1)) > 1}
        return len(kinds) >= 2

    def _a_term_of_the_notes(self, phrase: str) -> bool:
        """A phrase the notes treat as a term: in their lexicon of terms, or met in several passages."""
        return self._is_term(phrase) or self._met_often(phrase)

    def _document_docs(self, document: str) -> list:
        """Every parsed sentence of one document, in order."""
        if document not in self._docs_of:
            self._docs_of[document] = [self.docs[text] for c in self.notes if c.document == document
                                       for text in (readable_text(q) for q, _ in chunk_sentences(c))
                                       if text and text in self.docs]
        return self._docs_of[document]

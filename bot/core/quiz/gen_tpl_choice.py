"""The generator's templates with options or a blank (generator._Generator): a name or number asked as multiple
choice, which of a list is NOT named (enumeration), true/false with a name swapped or a value changed, a number
cloze, and "which of these happened first?" over dated events (`sequence_items`, gen_sequence), with the score
of such an item (`_score`) and a dated event with its sentence (`_Event`), which generator.py imports too.
Moved out of generator.py unchanged.

The state stays in `_Generator.__init__`; these read `docs`, `titles`, `lexicon`, `full_names`, `contexts`,
`place_levels` and `true_versions`, and add to `checked_swaps` and `sequenced`. From the other families they
call `_item`, `_prompt`, `_where`, `_code_in` and `_returned_to` (gen_tpl_subject)."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from bot.core.documents import Chunk
from bot.core.tokens import fold
from bot.core.quiz.gen_keys import Key, enumeration_distractor
from bot.core.quiz.gen_actors import name_forms
from bot.core.quiz.gen_periods import fits_period
from bot.core.quiz.gen_swaps import one_holder, said_of, swap_names
from bot.core.quiz.gen_standalone import gives_away
from bot.core.quiz.gen_lexicon import CONCEPT_KINDS, DATE, DEFINITION, NUMBER, PERSON, SEQUENCE, TERM
from bot.core.quiz.gen_option_shape import pair_stands_out
from bot.core.quiz.gen_sequence import Event, sequences
from bot.core.quiz.gen_numbers import NumberKey, aliases_for, years_in
from bot.core.quiz.gen_text import Sentence
from bot.core.quiz.gen_tpl_shared import BLANK, _from_notes, _rng
from bot.core.quiz.items import CLOZE, MULTIPLE_CHOICE, QuizItem, TRUE_FALSE, TRUE_FALSE_OPTIONS


SWAP_PENALTY = 0.04  # a name's true/false item: under its multiple choice item, over a year item


@dataclass(frozen=True)
class _Event:
    event: Event
    sentence: Sentence


_BASE_SCORE = {DEFINITION: 0.8, "enumeration": 0.8, "cause": 0.72, DATE: 0.72, NUMBER: 0.7}


def _score(s: Sentence, key: Key, option_count: int) -> float:
    """How sure an item is to be sound and worth asking, from what the generator can see: concept
    and name templates are surest, four options beat three, a sentence that needs context or runs
    long reads worse, and a key that is most of the sentence leaves too little to go on."""
    score = _BASE_SCORE.get(key.tests, 0.78)
    if key.tests in CONCEPT_KINDS:
        score += 0.04
    if option_count == 3:
        score -= 0.08
    if s.context:
        score -= 0.1
    words = len(s.text.split())
    if words > 32:
        score -= 0.08
    if len(key.text.split()) > words / 2:
        score -= 0.2
    return score


def _in_place_of(answer: str, option: str, sentence: str, start: int) -> str:
    """An option written as the answer is: capitalised at the start of the sentence."""
    if start == 0 or sentence[:start].rstrip().endswith((".", "“", '"')):
        return option[:1].upper() + option[1:]
    return option


_SENTENCE_STARTS = frozenset({"The", "A", "An", "In", "On", "At", "After", "Before", "When", "During", "By", "From",
                              "This", "That", "These", "Those", "It", "Its", "There", "As", "Following"})


def _join(parts: tuple[str, ...]) -> str:
    return ", ".join(parts[:-1]) + f" and {parts[-1]}" if len(parts) > 1 else parts[0]


class ChoiceTemplates:
    """Mixed into generator._Generator: choice, enumeration, true/false, cloze and sequence templates."""

    def sequence_items(self, events: list[_Event]) -> list[QuizItem]:
        """"Which of these happened first?" over four dated events of one document (gen_sequence)."""
        items = []
        self.sequenced = []
        for document in dict.fromkeys(e.sentence.chunk.document for e in events):
            of_document = [e for e in events if e.sentence.chunk.document == document]
            by_event = {id(e.event): e for e in of_document}
            for group in sequences([e.event for e in of_document]):
                if not self._one_story(group, by_event[id(group[0])].sentence.chunk):
                    continue
                self.sequenced += [by_event[id(e)] for e in group]
                first = min(group, key=lambda e: e.year)
                s = by_event[id(first)].sentence
                options = [e.text for e in group]
                if any(self._code_in(o) for o in options):
                    continue  # "os.path" or a web address in an option: code, not an event (issue 8)
                _rng("sequence", *options).shuffle(options)
                dated = "; ".join(f"{e.year}: {e.text}" for e in sorted(group, key=lambda e: e.year))
                items.append(self._item(MULTIPLE_CHOICE, "According to the notes, which of these happened first?",
                                        first.text, s, SEQUENCE, 0.8, options=tuple(options),
                                        explanation=f"The notes date them {dated}."))
        return items

    def _rare_year(self, s: Sentence, key: NumberKey) -> bool:
        """Not given away: not in the visible heading, not repeated all over the notes."""
        parts = [str(y) for y in key.years] or [key.text]
        heading = " > ".join(s.chunk.heading_path)
        return all(part not in heading and self.lexicon.occurrences(part) <= 4 for part in parts)

    def _choice(self, s: Sentence, key: Key, wrong: list[str], adjust: float = 0.0) -> QuizItem | None:
        if len(wrong) < 2:  # never pad with junk: three good options or no question
            return None
        if key.tests in (DEFINITION, TERM):
            wrong = [_in_place_of(key.text, w, s.text, key.start) for w in wrong]
        options = [key.text, *wrong]
        if len({fold(o) for o in options}) != len(options):
            return None
        stem = f"{s.context} {s.text[:key.start]} {s.text[key.end:]} {self._where(s.chunk)}"
        if gives_away(stem, key.text, wrong):
            return None
        _rng("order", s.text, key.text).shuffle(options)
        prompt = self._prompt(s, s.text[:key.start] + BLANK + s.text[key.end:])
        return self._item(MULTIPLE_CHOICE, prompt, key.text, s, key.tests, _score(s, key, len(options)) + adjust,
                          options=tuple(options), explanation=_from_notes(s))

    def _enumeration(self, s: Sentence, key: Key, visible: str) -> QuizItem | None:
        rng = _rng("list", s.text)
        odd = enumeration_distractor(key, self.lexicon, visible + " " + s.chunk.text, rng, self.contexts,
                                     list(self.docs))
        if odd is None:
            return None
        shown = sorted(rng.sample(list(key.members), min(3, len(key.members))), key=key.members.index)
        if pair_stands_out(shown, odd):
            return None
        options = [*shown, odd]
        rng.shuffle(options)
        blanked = s.text[:key.start] + BLANK + s.text[key.end:]
        prompt = self._prompt(s, f"According to the notes, which of these does NOT belong in the blank? “{blanked}”",
                              quoted=True)
        explanation = f"The notes list {_join(key.members)}; {odd} is not among them."
        return self._item(MULTIPLE_CHOICE, prompt, odd, s, key.tests, _score(s, key, len(options)),
                          options=tuple(options), explanation=explanation)

    def _swap_true_false(self, s: Sentence, key: Key, visible: str, doc) -> QuizItem | None:
        """The sentence with its name swapped for another of the notes' names of that kind, only where
        the sentence says something one thing alone can be or do and the notes never say it of the
        swapped-in name (gen_swaps): false by the notes, not only unsaid. Scored under a multiple
        choice item of the same name (four options tell more than two) and over a year item."""
        bare = lambda name: name[4:] if name[:4].lower() == "the " else name  # noqa: E731
        if not one_holder(doc, key.start, key.end) or not self._returned_to(bare(key.text)):
            return None  # a name met in one passage is a detail ("replaced by Charles le Moyne de Longueuil")
        wrong = swap_names(key, self.lexicon, self.contexts, visible, self.place_levels)
        false = [w for w in wrong if not said_of(bare(w), doc, key.start, key.end, self.docs.values())
                 and (key.form != PERSON or self._of_the_time(w, key.text, s.text))]
        item = self._true_false(s, key, false, score=_score(s, key, 2) - SWAP_PENALTY)
        if item:
            self.checked_swaps.update((item.id, self.true_versions[item.id].id))
        return item

    def _of_the_time(self, person: str, answer: str, stem: str) -> bool:
        """`person`, offered for `answer` (or swapped in for it) in a sentence `stem`, is one the notes
        place near the stem's years, or near the answer's when the stem gives none (gen_periods): "In
        1959, Genghis Khan criticised ..." is false by when he lived, not by the notes."""
        periods = self.contexts.periods
        return fits_period(periods.of(name_forms(person, self.full_names)), years_in(stem) - years_in(answer),
                           periods.of(name_forms(answer, self.full_names)))

    def _true_false(self, s: Sentence, key: Key, wrong: list[str], score: float | None = None) -> QuizItem | None:
        if not wrong:
            return None
        score = _score(s, key, 2) if score is None else score
        swap = wrong[0]
        rest = s.text[:key.start] + s.text[key.end:]
        if any(len(w) > 3 and re.search(rf"\b{re.escape(w)}\b", rest) for w in key.text.split()):
            return None  # "Around 1800 Arthur Woolf ...; Trevithick obtained ...": the sentence gives the swap away
        statement = s.text[:key.start] + swap + s.text[key.end:]
        false = self._item(TRUE_FALSE, f"True or false? {statement}", "False", s, key.tests, score,
                           options=TRUE_FALSE_OPTIONS,
                           explanation=f"False: the notes say {key.text}, not {swap}. {_from_notes(s)}")
        self.true_versions[false.id] = self._item(
            TRUE_FALSE, f"True or false? {s.text}", "True", s, key.tests, score,
            options=TRUE_FALSE_OPTIONS, explanation=f"True: {_from_notes(s)}")
        return false

    def _cloze(self, s: Sentence, key: NumberKey) -> QuizItem:
        prompt = self._prompt(s, s.text[:key.start] + BLANK + s.text[key.end:])
        tests = DATE if key.kind == "year" else NUMBER
        score = 0.62 - (0.1 if s.context else 0.0)
        return self._item(CLOZE, prompt, key.text, s, tests, score, aliases=aliases_for(key),
                          explanation=_from_notes(s))

    def _one_story(self, group: list[Event], chunk: Chunk) -> bool:
        """Events of one story: a name (not the course's own) in at least two of them ("Kublai"
        twice among his campaigns). Four events of a city's history with nothing in common
        (a car factory, a library garden, a football club, a UNESCO listing) made trivia (round 6)."""
        title = set(re.findall(r"[a-z]+", fold(self.titles.get(chunk.document, ""))))
        names = Counter()
        for event in group:
            words = {w for w in re.findall(r"\b[A-Z][a-z]+", event.text) if w not in _SENTENCE_STARTS}
            names.update(w for w in words if fold(w) not in title)
        return any(n >= 2 for n in names.values())

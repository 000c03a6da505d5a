"""Choosing sentences inside the retrieved passages. Most wrong answers come from picking the wrong
sentence of the right passage, so each candidate is scored by how much of the question's weight
it carries itself (see `query`), helped by its section heading and its passage's rank."""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from bot.core.abbreviations import NAMED_AS, asked_abbreviation, asked_meaning, defines_word, pairs_in, spells_out
from bot.core.documents import TABLE_CELLS
from bot.core.tokens import tokenize
from bot.core.query import QueryName, QueryTerm, match_share
from bot.core.question_kind import (CHECKED, DATE, EXPANSION, EXPLANATION, LONG_KINDS, NUMBER, REASON,
                                    asks_a_name, asks_an_end_of_an_order, asks_how_to, counts_what_is_asked,
                                    figures_given,
                                    gives_an_order, gives_a_cause, has_kind, holds_figures,
                                    instructs, negates, says_not)
from bot.core.documents import Chunk
from bot.core.loaders.headings import is_citation_list
from bot.core.retrieval import Hit
from bot.core.sentence_ranker import SentenceRanker, lexical_features, semantic_features
from bot.core.text import (CODE_SPAN, code_blocks_split, goes_on_after_code as _goes_on, is_code_block, is_terminated,
                           join_shown, shows_output as _shows_output, split_sentences)

LIST_MARK = "- "
ON_TOPIC, IMPLICIT, OFF_TOPIC = "on", "implicit", "off"
HEADING_CREDIT = 0.6  # a question word found only in the heading counts for less
KIND_BONUS = 0.15  # a sentence holding what the question's kind asks for (a date for "when")
# "What is X?" is answered by the sentence saying what X is, which often calls X by another name
# than the question ("The GLF was ..." for "What is the Great Leap Forward?") and so is further
# from it in meaning than a sentence repeating the name: the bonus outweighs that (issue 15.1).
DEFINITION_BONUS = 0.5
# Each of the question's words outside its names that a sentence holds, as a share of them (not
# weighted by rarity). Names are rare words, so the IDF share is mostly a matter of naming the
# question's subject, which every sentence of its passages does; the plain words ("appointed",
# "purchase", "mentored") say what is asked about it. Chosen on eleven development courses and
# checked on the twelfth, each in turn (bench/RESULTS.md 6p).
RELATION_BONUS = 0.15
_INSTRUCTION = re.compile(r"^(explain|analy[sz]e|describe|discuss|assess|evaluate|compare|outline|"
                          r"to what extent|how far)\b", re.I)
# A sentence whose subject is said in the sentence before: a pronoun, or one of the closed-class
# forms that have no subject of their own: a fragment naming its predecessor's subject again
# ("Also called abundance.", after "The percentage of atoms ... of this isotope type."), a step
# done to what the sentence before says ("To do so click the points ... using the right mouse
# button", after "Marble allows you to measure distances ..."), and a noun phrase that only points
# back ("The default is the Bartlett kernel", after "As regards the weights, gretl offers three
# variants"; "The latter ..."). English function words, not a course's (bench/RESULTS.md 6aw).
_PRONOUN_LED = re.compile(r"^(this|these|those|that|it|its|he|she|his|her|they|their|such|thus|"
                          r"hence|however|consequently|therefore|there)\b|"
                          r"^(also|otherwise|sometimes|often|commonly)\s+(called|known\s+as|termed|named|"
                          r"referred\s+to\s+as)\b|"
                          r"^(to|in\s+order\s+to)\s+do\s+(so|this|that)\b|^(by|in)\s+doing\s+(so|this|that)\b|"
                          # "The default is ...", "The former was ...", not "The default encoding for Python
                          # source code is UTF-8" nor "The former administrative building ..." (a subject of its own)
                          r"^the\s+(default|rest|remainder|former|latter|same)(?=[,;:.]|\s+(is|was|are|were|has|had|"
                          r"have|can|could|will|would|may|might|must|should|does|did|do|applies|holds)\b)", re.I)
# A sentence with its own subject may still refer back within its first words: "Faced with this
# strength, Loudoun returned to New York", "One of them decided to stay ...", "For many years it
# was described as ...". Such a sentence is read and shown with the one before it when it leaves
# out a name the question gives (that sentence names what it is about); a sentence naming all of
# them stands alone, as before. "When voting takes place it is weighted ...": after an opening
# clause, "it" is what the clause names. The window of eight words was chosen on eleven
# development courses and checked on the twelfth, each in turn (bench/RESULTS.md 6q).
_REFERS_BACK_WORDS = 8
_REFERS_BACK = re.compile(rf"^([\w'’-]+[\s,]+){{1,{_REFERS_BACK_WORDS}}}(this|these|those|them|him)\b|"
                          r"^(?!(when|whenever|while|if|as|since|because|once|until|unless|whereas|though|"
                          rf"although|after|before)\b)([\w'’-]+[\s,]+){{1,{_REFERS_BACK_WORDS}}}it\b", re.I)
# The subject of the main clause is a pronoun right after an opening phrase, however long:
# "Uninterested in administration, they were separated from both the army and the populace",
# "Leaving a sizable force at Fort William Henry to distract Montcalm, he began organizing ...",
# "Nevertheless, she too announced ...". The phrase names no subject of its own, so the pronoun is
# whoever the sentence before names (he, she and they are not in `_REFERS_BACK`: anywhere in the
# first words they are as often the sentence's own "Kublai and his brother", RESULTS 6q). Not
# after a clause ("When Louis came of age, he ...", "For instance, if the grades are stored in a
# dictionary, they ..."): there the pronoun is most often what the clause names; counting those too
# lost first sentences on the pool (bench/RESULTS.md 6ac).
_CLAUSE = r"(?!(when|whenever|while|if|as|since|because|once|until|unless|whereas|though|although|after|before)\b)"
_SUBJECT_AFTER_OPENER = re.compile(rf"^{_CLAUSE}(?:[^.;:!?\"“”()]{{0,200}}?,\s+{_CLAUSE})?[^,.;:!?\"“”()]{{1,200}},\s+"
                                   r"(he|she|they|it|this|these|those)\b", re.I)
# A lead-in to code of at most this many words ("On Windows, run:", "Then type:") is quoted with
# the sentence before it.
_SHORT_LEAD_IN_WORDS = 5
_DEFINING_VERB = re.compile(r"\s(is|was|are|were|refers to|means|meant|describes|denotes)\s", re.I)
# "Telenet was incorporated in 1973", "EU law is applied by the courts", "Watt was also aware": a
# passive verb or an adverb after "was" tells something that happened to X, not what X is.
_NOT_A_DEFINITION = re.compile(r"(not|also|first|then|still|later|soon|once|never|now|often|\w+ly|\w+ed|"
                               r"born|built|given|made|taken|held|led|won|seen|sent|set|sold|kept|brought|"
                               r"fought|found|written|known (for|to)|able|unable|forced|(?-i:[a-z]+ing))\b", re.I)
# "When People's Communes were first introduced, ...": a clause setting the scene, not a subject.
_SUBORDINATE = re.compile(r"^(when|whenever|while|after|before|though|although|as|if|since|because|once|"
                          r"until|unless|whereas)\b", re.I)


@dataclass(frozen=True)
class Candidate:
    text: str
    hit: Hit
    rank: int  # rank of its passage
    position: int  # order within its passage (-1 for a heading)
    context: str = ""  # the sentence before it, shown with one that cannot stand alone
    lead_in: str = ""  # the line introducing the list this sentence is an item of
    followers: tuple[str, ...] = ()  # the first items of the list a lead-in introduces
    match: float = 0.0
    score: float = 0.0
    kind_ok: bool = True
    parts: tuple[str, ...] = ()  # the sentences of the notes it shows, for de-duplication
    similarity: float | None = None  # cosine of question and sentence, when it was embedded
    on_topic: str = ON_TOPIC  # ON_TOPIC, IMPLICIT (only a common name is missing) or OFF_TOPIC
    defines: bool = False  # it says what a name of the question is ("The GLF was ...")
    heading_part: str = ""  # its section's heading, when that holds the date or number asked for
    features: tuple[float, ...] = ()  # what the ranker's first stage knows of it (sentence_ranker)
    code: str = ""  # the code block it leads into ("On Windows, run:"), quoted with it
    # what goes on after that code in the same unit: the rest of a sentence the code interrupts,
    # the line showing the code's output and that output (`_layout`), quoted after the code
    tail: tuple[str, ...] = ()


_CANDIDATE_FIELDS = frozenset(f.name for f in dataclasses.fields(Candidate))


def replace(obj, /, **changes):
    """dataclasses.replace, without its per-field work for a Candidate (it runs the frozen
    __init__ over every field, for each candidate of each question: a tenth of answer selection's
    time); the same new object."""
    if type(obj) is not Candidate:
        return dataclasses.replace(obj, **changes)
    if not changes.keys() <= _CANDIDATE_FIELDS:
        raise TypeError(f"Candidate has no field {sorted(changes.keys() - _CANDIDATE_FIELDS)}")
    new = object.__new__(Candidate)
    vars(new).update(vars(obj), **changes)
    return new


def candidates_from(hits: list[Hit]) -> list[Candidate]:
    """The sentences of the passages, in rank order. Headings are not candidates: a heading names
    a topic without saying anything about it, and it is shown as the citation's section. Nor are the
    sentences of a list of works cited ("Sources", "References"): a title or a web address states
    nothing of the course, and quoting one showed "Nix v. WikiMili" for the case asked about."""
    return [c for rank, hit in enumerate(hits) if not _cites_works(hit.chunk.heading_path)
            for c in _sentences_of(hit, rank)]


def _cites_works(heading_path: tuple[str, ...]) -> bool:
    return bool(heading_path) and is_citation_list(heading_path[-1])


def _sentences_of(hit: Hit, rank: int) -> list[Candidate]:
    """Sentences of a passage; a list item travels with the line that introduces the list, a line
    that introduces a list brings its first items, and one that introduces code brings the code."""
    return [Candidate(sentence, hit, rank, position, context=previous, lead_in=lead_in, followers=followers,
                      code=code, tail=tail)
            for position, (sentence, previous, lead_in, followers, code, tail) in enumerate(_layout(hit.chunk.text))]


@lru_cache(maxsize=4096)
def _layout(text: str) -> tuple[tuple[str, str, str, tuple[str, ...], str, tuple[str, ...]], ...]:
    """Each sentence of a passage's text with the sentence before it, the line introducing the
    list it is an item of, the first items of a list it introduces, the code it introduces, and
    what the notes go on with after that code as part of the same unit (its tail). The same for
    every question, so split once per passage (splitting it for each question was a tenth of
    answer selection's time).

    A code block (`text.CODE_FENCE`) is one unit with the sentence leading into it ("On Windows,
    run:", or one the code interrupts: "When you run a module with"): the sentence with the code;
    code after no such sentence is a candidate of its own. A sentence the code interrupts goes on
    after it ("... with [code] the code in the module will be executed ..."): that continuation is
    the unit's tail, not a sentence of its own, and so is the output the code prints with the
    line showing it ("When run, this outputs:" [output]), and code a continuation leads into. A
    sentence after the unit has its last part as the sentence before it, never run into it."""
    out: list[list] = []  # [sentence, previous, lead_in, followers, code, tail]
    previous = ""
    for run, is_code in code_blocks_split(text):
        last = out[-1] if out else None
        if is_code:
            if last is not None and last[5] and not is_code_block(last[5][-1]) and _leads_into_code(last[5][-1]):
                last[5].append(run)  # "... you can make the file usable as a script ... file:" [code]
            elif (last is not None and not last[4] and not last[5] and not last[3] and not is_code_block(last[0])
                  and (last[0].endswith(":") if last[2] else _leads_into_code(last[0]))):
                last[4] = run  # (a list's item leads into code only with ":": "- To list them, type:")
            else:
                out.append([run, previous, "", (), "", []])
            previous = run
            continue
        lines = run.split("\n")
        header = ""
        for index, line in enumerate(lines):
            item, body = _item(line)
            sentences = _numbered(split_sentences(body))
            if index == 0 and not item and sentences and last is not None and _ends_with_code(last):
                code = last[5][-1] if last[5] else last[4] or last[0]
                only = len(sentences) == 1 and len(lines) == 1
                # Only a sentence that led into the code goes on after it: code after a finished
                # sentence is followed by a new one, whatever its first letter.
                led = bool(last[4] or last[5])
                if (led and _goes_on(sentences[0], code)) or (only and _shows_output(sentences[0])):
                    last[5].append(sentences[0])
                    previous = sentences[0]
                    sentences = sentences[1:]
            # The later sentences of a line opening with a label ("Ammonia, NH3: 3 bonding pairs, 1 lone
            # pair. Pyramidal, bond angle 107°.") say more of what the label names: each is quoted
            # after the line's first sentence, as a list item is after its lead-in.
            # So do those of a list item opening with a heading of its own ("3. Hydrogen bonding. A
            # special, strong type of dipole-dipole attraction ...", "- Kyllo v. United States (2001).
            # Police used a thermal imager ..."), which is no candidate itself: it names a topic without
            # saying anything about it, as a heading does.
            label = sentences[0] if len(sentences) > 1 and label_of(sentences[0]) else ""
            run_in = item and len(sentences) > 1 and _is_run_in_heading(sentences[0])
            if run_in:
                label = sentences[0]
            inner = ""  # a numbered heading run into the line ("... tree\". 3. Wolf v. Colorado (1949). The Court ...")
            for number, sentence in enumerate(sentences):
                if run_in and not number:
                    previous = sentence
                    continue
                if number and _ENUMERATED_LINE.match(sentence):
                    # A PDF's numbered items run together in one line (`_numbered`): one opening with a
                    # heading of its own is no candidate, and the sentences after it up to the next
                    # number are quoted after it, as those of a list item opening so are (above).
                    heading = sentence[_ENUMERATED_LINE.match(sentence).end():]
                    inner = heading if number + 1 < len(sentences) and _is_run_in_heading(heading) else ""
                    if inner:
                        previous = heading
                        continue
                followers = _list_after(lines, index) if sentence.endswith(":") else ()
                lead_in = inner or (label if label and number else (header if item else ""))
                out.append([sentence, previous, lead_in, followers, "", []])
                previous = sentence
            if not item:
                # The lead-in is the sentence introducing the list, not its whole line: "The WTO settles
                # disputes. Key causes include:" would show its first sentence again with each item.
                header = (sentences[-1] if sentences else line) if line.rstrip().endswith(":") else ""
    return tuple((s, p, l, f, c, tuple(t)) for s, p, l, f, c, t in out)


# An enumeration number ("1.", "2)", "(3)"): the loaders turn most numbered lines into list items,
# but not every one a PDF or a Word file gives ("1. Open market operations (OMOs): the purchase ...",
# its later items "- The discount rate: ..."; "4. Mapp v. Ohio (1961). On 23 May 1957 ..."). A line
# opening with one is a list item, as a Markdown one is; split off as a sentence of its own, "1." would
# be a candidate saying nothing, shown after a lead-in in place of the item it numbers.
_ENUMERATION = re.compile(r"^\(?\d{1,3}[.)]$")
_ENUMERATED_LINE = re.compile(r"^\(?\d{1,3}[.)]\s+(?=\S)")


def _item(line: str) -> tuple[bool, str]:
    """Whether a line is a list item (marked, or opening with an enumeration number), and its text."""
    if line.startswith(LIST_MARK):
        return True, line[len(LIST_MARK):]
    numbered = _ENUMERATED_LINE.match(line)
    return (True, line[numbered.end():]) if numbered else (False, line)


def _numbered(sentences: list[str]) -> list[str]:
    """A line's sentences with an enumeration number inside it ("... federal criminal cases. 2.
    Silverthorne Lumber Co. v. United States (1920) ...", a PDF's items run together) joined to the
    sentence it numbers."""
    out: list[str] = []
    for sentence in sentences:
        if out and _ENUMERATION.match(out[-1]):
            out[-1] = f"{out[-1]} {sentence}"
        else:
            out.append(sentence)
    return out


# A line's opening label: a few words before a colon that the line goes on after ("Negative
# reinforcement: something unpleasant is removed ...", "Unconditioned stimulus (UCS): ..."). A
# clause before a colon is no label: "Warsaw is located on two formations: ...", "In Berlin, the
# Huguenots created two new neighbourhoods: ..." (a verb of the closed class, a pronoun, or more
# words than a term takes), nor a bracket the colon stands in ("Warsaw (Polish: Warszawa) is ...").
_LABEL_WORDS = 5
_LABELLED = re.compile(rf"^(?:[^\s:;.!?]+\s+){{0,{_LABEL_WORDS - 1}}}[^\s:;.!?]+:\s+\S")
_CLAUSE_WORDS = re.compile(r"\b(is|are|was|were|be|been|being|am|has|have|had|do|does|did|can|could|will|would|"
                           r"may|might|must|shall|should|include|includes|included|consists?|contains?|"
                           r"it|he|she|they|we|you|i|this|these|those|there|which|who|following|follows|as)\b",
                           re.I)


def _is_run_in_heading(sentence: str) -> bool:
    """A list item's first sentence that is only a few words naming a topic ("Hydrogen bonding.",
    "Kyllo v. United States (2001)."), not a clause ("Prices rose." may pass: shown before the
    item's next sentence, it is still the notes' own item)."""
    words = sentence.split()
    return (sentence.endswith(".") and len(words) <= _LABEL_WORDS and ":" not in sentence
            and sentence.count("(") == sentence.count(")") and not _CLAUSE_WORDS.search(sentence))


def label_of(sentence: str) -> str:
    """The label a line's first sentence opens with ("Negative reinforcement"), or ""."""
    if not _LABELLED.match(sentence):
        return ""
    label = sentence.split(":", 1)[0]
    if label.count("(") != label.count(")") or _CLAUSE_WORDS.search(label):
        return ""
    return label


def _leads_into_code(sentence: str) -> bool:
    """Whether a sentence right before code leads into it: it ends with ":" or is cut off by it
    ("When you run a Python module with", "or, better,"), not with a full stop."""
    return sentence.endswith(":") or not is_terminated(sentence)


def _ends_with_code(entry: list) -> bool:
    """Whether a unit of `_layout` ends with a code block."""
    if entry[5]:
        return is_code_block(entry[5][-1])
    return bool(entry[4]) or is_code_block(entry[0])


def _list_after(lines: list[str], index: int, limit: int = 3) -> tuple[str, ...]:
    items = []
    for line in lines[index + 1:]:
        item, body = _item(line)
        if not item or len(items) == limit:
            break
        items.append(body)
    return tuple(items)


def score_candidates(candidates: list[Candidate], terms: list[QueryTerm], names: list[QueryName],
                     kind: str | None, question: str = "", ranker: SentenceRanker | None = None) -> list[Candidate]:
    """Candidates best first. Each gets the rule score of `_score`; with a ranker, the score is
    instead the first stage's chance that the sentence holds the answer (the rule score is one of
    its features)."""
    if not terms:
        return []
    # A section whose retrieved passages give dates (figures) of their own tells its events' dates
    # itself: the headings above it are not shown to date another of its passages (`_heading_with`).
    dated = frozenset(c.hit.chunk.heading_path for c in candidates
                      if kind in (DATE, NUMBER) and has_kind(c.hit.chunk.text, kind))
    scored = [_score(c, terms, names, kind, question, dated) for c in candidates]
    if ranker is not None and scored:
        scored = _ranked(scored, terms, kind, question, ranker)
    return sorted(scored, key=lambda c: (-c.score, c.rank, c.position))


def _ranked(scored: list[Candidate], terms: list[QueryTerm], kind: str | None, question: str,
            ranker: SentenceRanker) -> list[Candidate]:
    rows = candidate_features(scored, terms, kind, question)
    chances = _softmax(ranker.lexical_score(np.array(rows)))
    return [replace(c, score=float(p), features=tuple(f)) for c, p, f in zip(scored, chances, rows)]


def candidate_features(scored: list[Candidate], terms: list[QueryTerm], kind: str | None,
                       question: str) -> list[list[float]]:
    """The first stage's features of rule-scored candidates (also what the fitting reads)."""
    text_at = {(c.hit.row, c.position): c.text for c in scored}
    return [lexical_features(
        text=c.text, shown=shown_text(c), match=c.match, terms=terms,
        before=text_at.get((c.hit.row, c.position - 1), ""), after=text_at.get((c.hit.row, c.position + 1), ""),
        passage_cosine=c.hit.dense, rank=c.rank, position=c.position, kind=kind, kind_ok=c.kind_ok,
        defines=c.defines, on_topic=c.on_topic, prompt=_is_prompt(c.text), rule_score=c.score,
        question=question, in_list=bool(c.lead_in or c.followers)) for c in scored]


def rescore_semantically(scored: list[Candidate], similarities: list[float], weight: float,
                         ranker: SentenceRanker | None = None, rest: list[Candidate] = ()) -> list[Candidate]:
    """Add the question-sentence cosine to the best lexical candidates: it finds the answer that
    says the same thing in other words ("react" / "perceived as a betrayal"). With a ranker, its
    second stage ranks the embedded candidates (their chances sum to one) and the others follow,
    in the first stage's order, below every embedded one."""
    if ranker is not None and scored and all(c.features for c in scored):
        best = max(similarities)
        rows = np.array([semantic_features(list(c.features), sim, best) for c, sim in zip(scored, similarities)])
        chances = _softmax(ranker.semantic_score(rows))
        rescored = [replace(c, similarity=sim, score=float(p)) for c, sim, p in zip(scored, similarities, chances)]
    else:
        rescored = [replace(c, similarity=sim, score=c.score + weight * sim) for c, sim in zip(scored, similarities)]
    rest = [*scored[len(rescored):], *rest]
    if ranker is not None:
        rest = [replace(c, score=c.score - 1.0) for c in rest]
    return sorted(rescored, key=lambda c: (-c.score, c.rank, c.position)) + rest


def _softmax(logits: np.ndarray) -> np.ndarray:
    e = np.exp(logits - logits.max())
    return e / e.sum()


# A sentence whose subject is the notes themselves: "These notes explain Plessy v. Ferguson, the 1896
# decision ...", "These course notes cover the disease smallpox: what causes it, how it spreads ...".
# It names the course's topics in the words questions use, so it shares many of any question's words
# and answers few of them (ans29: shown first for "Who was Ferguson in Plessy v. Ferguson?", "When did
# Panama take over the canal completely?"). (A sentence leaning on it, "They cover how the company was
# set up ...", is not read as one: it answered "Who set up the South Sea Company?" alone, confident.)
# In the present tense: "These notes were issued by the bank" are banknotes.
_NOTES_SUBJECT = re.compile(r"^\W*(these|this)\s+((course|lecture|class|study|revision|student)\s+)?"
                            r"(notes?|guide|handout)\s+(?!(of|on|to|in|for|and|or|was|were|had)\b)[a-z]+(?<!ed)\b", re.I)
# ... unless the question asks about the notes ("Which Wget version's manual do these notes follow?").
_ABOUT_THE_NOTES_ASKED = re.compile(r"\b(notes?|guide|handout)\b", re.I)


def about_the_notes(text: str, question: str = "") -> bool:
    """Whether `text` is a sentence about the notes themselves (`_NOTES_SUBJECT`), and the question
    does not ask about them."""
    return bool(_NOTES_SUBJECT.match(text)) and not _ABOUT_THE_NOTES_ASKED.search(question)


def _is_prompt(text: str) -> bool:
    return bool(_INSTRUCTION.match(text)) or text.rstrip().endswith("?")


def _score(c: Candidate, terms: list[QueryTerm], names: list[QueryName], kind: str | None,
           question: str, dated: frozenset[tuple[str, ...]] = frozenset()) -> Candidate:
    parts = (*_quoted_with(c), *c.followers)
    # A sentence leaning on code is shown after the whole unit it follows, but read with that
    # code alone: the unit's lead-in says what the unit is about, not what the sentence says
    # ("This does not introduce the module name ..." after "There is a variant of the import
    # statement that imports names ...: [code]" would take the lead-in's words and lead).
    text = "\n".join((c.context, c.text) if _leans_on_code(c) else parts)
    own = _stems(text)
    heading = _heading_stems(c.hit.chunk.heading_path)
    # A sentence referring back is read with the sentence before when it leaves out a name of the
    # question (6q), or, pointing back through a preposition ("In this process, ..."), when that
    # sentence holds words of the question it lacks (6ay).
    if _refers_back(c) and (any(not n.found_in(own) for n in names)
                            or points_back_in_passing(c.text) and _context_adds_words(c, terms, own)
                            or points_at_the_asked(c.text, question)):
        parts = (c.context, *parts)
        text = "\n".join(parts)
        own = _stems(text)
    if c.context in parts and any(not n.found_in(own) for n in names):
        # "He was a critic of ..." after "He did not support ...": the names are one sentence further back.
        own = own | _antecedent_stems(c)
    if c.lead_in:
        # "`notice`: conditions are normal ..." under "Here is the list in decreasing order:", after
        # "Each message is also associated with a priority level.": what the list is of is said
        # one sentence before its lead-in.
        own = own | _lead_in_antecedent_stems(c)
    match = match_share(terms, own, heading, HEADING_CREDIT)
    kind_ok = _holds_kind(text, kind, question, names)
    on_topic = _on_topic(terms, _named_subjects(names, question), own | heading, kind_held=kind in CHECKED and kind_ok)
    heading_part = ""
    if not kind_ok and kind in (DATE, NUMBER):
        # "When was the Great Leap Forward?" is answered by the section "The Great Leap Forward
        # (1958-1961)": its heading is shown with the sentence, never alone.
        heading_part = _heading_with(c.hit.chunk, kind,
                                     question if c.hit.chunk.heading_path in dated else None)
        if heading_part:
            parts, kind_ok = (heading_part, *parts), True
    elif not kind_ok and kind == EXPANSION and c.hit.chunk.heading_path:
        # "What does SSPE stand for?" under the section "Subacute sclerosing panencephalitis (SSPE)":
        # the passage's own heading gives the long form; it is shown with the sentence (ans30).
        own_heading = _without_label(c.hit.chunk.heading_path[-1], tuple(c.hit.chunk.heading_path))
        if _holds_kind(own_heading, kind, question, names) or _names_in_full(own_heading, question):
            heading_part = c.hit.chunk.heading_path[-1]
            parts, kind_ok = (heading_part, *parts), True
    # "ADR is any way of settling ..." says what ADR is, not what it stands for.
    defines = kind != EXPANSION and _defines_a_name(c.text, terms, names, strict=kind == EXPLANATION,
                                                    question=question)
    # "explain longshore drift" / "Longshore drift moves sand ...": said as what X does, and gone on
    # from as a definition is (answering._choose), but without the definition's bonus: where the
    # notes also say what X is ("The GLF was ..."), that leads, not "The Great Leap Forward failed ...".
    opens = (not defines and kind == EXPLANATION and instructs(question)
             and opens_with_subject(c.text, terms))
    score = match + 0.2 * max(c.hit.dense, 0.0) + 0.08 / (1 + c.rank) + RELATION_BONUS * relation_share(terms, names, own)
    if kind in CHECKED and kind_ok:
        score += KIND_BONUS
    if kind == NUMBER and on_topic == ON_TOPIC and counts_what_is_asked(text, question):
        # "How many prefectures ...?" / "... and 302 prefectures (ken)". Only a sentence about what
        # the question names: "1,000 British soldiers were killed" counts soldiers, not a Tumen's.
        score += KIND_BONUS
    if kind == REASON and gives_a_cause(c.text):
        score += KIND_BONUS  # "why" is answered by a cause, not by the event restated
    if asks_an_end_of_an_order(question) and gives_an_order(c.text):
        score += KIND_BONUS  # "Which force is the weakest?" / "The order of strength is: A < B < C."
    if negates(question) and says_not(c.text):
        score += KIND_BONUS  # "Which pier was not rebuilt?" is answered by "... was never rebuilt"
    if holds_figures(text, figures_given(question)):
        score += KIND_BONUS  # "What was Warsaw's population in 1901?" / "According to the 1901 census ..."
    if asks_how_to(question) and (_shows_code(parts) or _row_of_what_to_type(parts)):
        score += KIND_BONUS  # "How do I activate it on Windows?" is answered by "On Windows, run:" and its code
    # A sentence quoted with the one it leans on is read as the two: "Also called abundance."
    # gives a name to what the sentence before names, and is no short fragment. (A name the
    # sentence before gives by itself is that sentence's answer, not this one's.)
    leaning = bool(c.context) and c.context in parts and not c.lead_in and not is_code_block(c.context)
    said = f"{c.context}\n{c.text}" if leaning else c.text
    naming = asks_a_name(question)
    if naming and (names_what_was_asked(c.text, terms) or (
            leaning and names_what_was_asked(said, terms) and not names_what_was_asked(c.context, terms))):
        score += KIND_BONUS  # "What is another term for rotors?" is answered by "rotors (rotating discs)"
    if defines and not (naming and kind != EXPLANATION) and not _ASKS_WHICH_IT_ACTS_ON.match(question):
        # (Not when a name is asked: "Operant conditioning is learning through consequences." says
        # what it is, not what else it is called.)
        # "Backyard furnaces: villages built..." answers "What were backyard furnaces?"
        score += DEFINITION_BONUS if kind == EXPLANATION else KIND_BONUS
    if c.followers and kind not in LONG_KINDS:
        score *= 0.8  # "Key features included:" is a lead-in; its items say the facts
    if _is_prompt(c.text):
        score *= 0.6  # exam prompts restate questions; their model answers hold the facts
    if len(said.split()) < 5 and (not c.code or _shows_output(c.text)):
        score *= 0.8  # (a lead-in to code is as long as the code it brings; one to output is not)
    return replace(c, match=match, score=score, kind_ok=kind_ok, parts=parts, on_topic=on_topic,
                   defines=defines or opens, heading_part=heading_part)


# "What receptors does HA bind to on the host cell?", "Which enzyme does the virus use ...?": which
# thing something acts on or with, asked by the thing's noun and a verb of the question's subject.
# A sentence saying what the subject is ("HA is a homotrimer, with a receptor-binding pocket ...")
# holds its words and is no answer; the one saying what it does is (ans32).
_ASKS_WHICH_IT_ACTS_ON = re.compile(r"^\s*(what|which)\s+(?!(is|was|are|were|do|does|did)\b)[a-z]+(\s+[a-z]+)?"
                                    r"\s+(do|does|did)\s+\S", re.I)


# "rotors (rotating discs)", "the Central Secretariat (or Zhongshu Sheng)", "a network, called
# Abilene", "are known as triple and quadruple expansion engines": a name given right after words.
# Any name the sentence gives, whatever it names, was tried first: on the development pool it moved
# 16 answers and no fact on balance (bench/RESULTS.md 6u).
# Also "ruled as Temür Khan, or Emperor Chengzong" (", or" before a capital) and "Johnson was known to
# the Iroquois as Warraghiggey" (session 24).
_NAMING = re.compile(r"((?:[\w'’-]+[^\w(]+){1,4})(?:\((?:or |also )?(?!\d)[^()\d]{2,40}\)|(?<=,\s)or\s+(?-i:[A-Z])|"
                     r"(?:(?:is|was|are|were|be|been|being|becoming)\s+)?(?:(?:also|commonly|often|sometimes|now)\s+)?"
                     r"(?:called|known(?:\s+(?:to|by|among)\s+[^,.;:()]{1,40}?)?\s+as|referred to as|named|termed|dubbed|nicknamed)\b(?!\s+(?:for|after)\b))", re.I)


# (", or Emperor Chengzong": a second name after a comma, capitalised as a name is; "known to the Iroquois as".)
_NAMING_SIGN = re.compile(r"\(|,\s(?i:or)\s+[A-Z]|\b(?i:called|known|referred to as|named|termed|dubbed|nicknamed)\b")


def names_what_was_asked(text: str, terms: list[QueryTerm]) -> bool:
    """Whether the text gives a name right after a word of the question (`_NAMING`): what "What is
    another term for rotors?" asks, where a name given to anything else does not answer. Or a name
    followed by an apposition holding two of the question's words (`_APPOSED`: "... was the chao,
    the paper money of the Yuan" for "What was the Yuan's paper money called?")."""
    # `_NAMING` cannot match without a bracket or a naming word, and its words-before part
    # backtracks for minutes over a run of "-" ("|-------|-----|", a Markdown table's rule line
    # left in a quote: one question took minutes on such notes, ans24, session 22).
    if _NAMING_SIGN.search(text):
        for m in _NAMING.finditer(text):
            before = set(tokenize(m.group(1)))
            if any(t.found_in(before) for t in terms):
                return True
    for m in _APPOSED.finditer(text):
        after = set(tokenize(m.group(1)))
        if sum(t.found_in(after) for t in terms) >= 2:
            return True
    return False


# "the chao, the paper money of the Yuan": a word, a comma and "the" opening an apposition that says
# what the word names. Starting only where a word starts, so a run of "-" is read once.
_APPOSED = re.compile(r"(?<![\w'’-])[\w'’-]+,\s+the\s+([^,.;:()]{1,60})")


# A cell that is only code spans ("`tmux ls` or `tmux list-sessions`" reads as code with a joining word).
_CODE_CELL = re.compile(r"^\s*`[^`\n]+`(\s*(,|/|or|and)?\s*`[^`\n]+`)*\s*$")


def _row_of_what_to_type(parts: tuple[str, ...]) -> bool:
    """Whether a quoted part is a row of a table pairing what is done with what to type ("List sessions |
    `tmux ls` or `tmux list-sessions`", "`-x host:port` | use a proxy"): one cell only code, another
    words. Such a row answers a how-to question as a lead-in with its code block does (ans31)."""
    for p in parts:
        if TABLE_CELLS not in p or "\n" in p:
            continue
        cells = [cell.strip() for cell in p.split(TABLE_CELLS)]
        if any(_CODE_CELL.match(cell) for cell in cells) and any(
                not _CODE_CELL.match(cell) and re.search(r"[A-Za-z]{3}", CODE_SPAN.sub(" ", cell)) for cell in cells):
            return True
    return False


def _shows_code(parts: tuple[str, ...]) -> bool:
    """Whether quoted parts hold code that is not only the output of other code: a line showing
    output ("When run, this outputs:") and what follows it answer no how-to question."""
    return any(is_code_block(p) and not (i and _shows_output(parts[i - 1])) for i, p in enumerate(parts))


def _antecedent_stems(c: Candidate) -> frozenset[str]:
    """The stems of the sentence before the context a candidate is quoted with, when that context
    leans on it too ("Iqbal was ... He did not support ... He was a critic of ..."): what the "he"
    stands for. Read for the candidate's words (how much of the question it carries, whether it is
    on topic), not shown: the answer quotes the two sentences as before. One step back: two or
    more changed no answer of the development pool more (bench/RESULTS.md 6s)."""
    layout = _layout(c.hit.chunk.text)
    if c.position < 2 or c.context != layout[c.position - 1][0]:
        return frozenset()
    context = layout[c.position - 1][0]
    leans = _PRONOUN_LED.match(context) or refers_back(context)
    return _stems(layout[c.position - 2][0]) if leans else frozenset()


# "Here is the list ...:", "Here are the main ones:": a lead-in presenting what the sentence before named.
_PRESENTS = re.compile(r"^(here|below)\b", re.I)


def _lead_in_antecedent_stems(c: Candidate) -> frozenset[str]:
    """The stems of the sentence before a list item's lead-in, when the lead-in leans on it ("Here
    is the list in decreasing order:", "These are:"): what the items are items of. Read for the
    item's words, not shown (as `_antecedent_stems`)."""
    layout = _layout(c.hit.chunk.text)
    for sentence, previous, *_ in layout[: c.position][::-1]:
        if sentence == c.lead_in:
            leans = _PRONOUN_LED.match(sentence) or refers_back(sentence) or _PRESENTS.match(sentence)
            return _stems(previous) if leans and previous and not is_code_block(previous) else frozenset()
    return frozenset()


@lru_cache(maxsize=4096)
def _heading_stems(heading_path: tuple[str, ...]) -> frozenset[str]:
    """The stems of a passage's headings: the same for each of its sentences."""
    return frozenset(tokenize(" ".join(heading_path)))


@lru_cache(maxsize=8192)
def _stems(text: str) -> frozenset[str]:
    """The stems of what a candidate quotes: the same for every question asked of its passage."""
    return frozenset(tokenize(text))


def refers_back(sentence: str) -> bool:
    """Whether a sentence not opening with a pronoun refers back to the sentence before it in its
    first words (`_REFERS_BACK`) or as the subject after an opening phrase (`_SUBJECT_AFTER_OPENER`)."""
    return not _PRONOUN_LED.match(sentence) and bool(_REFERS_BACK.match(sentence)
                                                     or _SUBJECT_AFTER_OPENER.match(sentence))


# A sentence pointing back through a preposition in its first words: "In this process, income
# account balances are transferred into an income equity account", "The trouble with this is that
# ...", "After this period, the soft limit will be treated like a hard limit", "One of the best
# examples of this architecture are ...". What it says is about what the sentence before sets out,
# and a question asks it in that sentence's words ("Where are income account balances moved when
# closing the books?"): with no name of the question missing it was read alone, short of those
# words, and the sentence before, which only sets the scene, answered. Not "this" as the subject
# after an opening phrase ("By 1953, this evolved into ..."): read with the sentence before for its
# words, that form lost the default note's dev question, as in 6q (bench/RESULTS.md 6ay). English
# function words, not a course's.
_BY_PREPOSITION = re.compile(rf"^([\w'’-]+[\s,]+){{0,{_REFERS_BACK_WORDS - 1}}}(in|with|of|for|from|by|during|"
                             r"after|under|through|at|on|to|despite|like|unlike|besides|beyond|against|without|"
                             r"within|about|into|upon|over|via|behind|because\s+of|due\s+to)\s+"
                             r"(this|these|those|them|him|it)\b", re.I)


def points_back_in_passing(sentence: str) -> bool:
    """Whether a sentence refers back (`refers_back`) through a preposition's object in its first
    words (`_BY_PREPOSITION`)."""
    return bool(_BY_PREPOSITION.match(sentence)) and refers_back(sentence)


def _context_adds_words(c: Candidate, terms: list[QueryTerm], own: frozenset[str]) -> bool:
    """Whether the sentence a candidate leans on holds words of the question the candidate lacks."""
    before = _stems(c.context)
    return any(not t.found_in(own) and t.found_in(before) for t in terms)


# "During which months could bulbs be dug up?" / "Only in these months can they be lifted from the
# ground": a demonstrative before the very thing the question asks for ("which months", "what
# year") points at its value in the sentence before ("bulbs are dormant from June to September"),
# which is then read and shown with it (ans28).
_ASKED_THING = re.compile(r"\b(?:which|what)\s+([^\W\d_]+)", re.I)
_DEMONSTRATIVE_THING = re.compile(r"\b(?:this|these|those|that)\s+([^\W\d_]+)", re.I)


def points_at_the_asked(sentence: str, question: str) -> bool:
    """Whether the sentence's first words say "these X" of the X a which- or what-question asks."""
    asked = {stem for m in _ASKED_THING.finditer(question) for stem in tokenize(m.group(1))}
    opening = " ".join(sentence.split()[:_REFERS_BACK_WORDS + 1])
    return bool(asked) and any(stem in asked for m in _DEMONSTRATIVE_THING.finditer(opening)
                               for stem in tokenize(m.group(1)))


def _refers_back(c: Candidate) -> bool:
    """A candidate quoted alone that refers back to the sentence before it in its passage: it is
    quoted with it for a question whose names it leaves out, or whose words only that sentence
    holds when it points back through a preposition (`_score`)."""
    return bool(c.context) and not c.lead_in and not is_code_block(c.text) and refers_back(c.text)


def _stored_with_context(c: Candidate) -> bool:
    """Whether the index keeps a vector of the candidate quoted with the sentence before it: only
    for the first-words form of referring back (`_REFERS_BACK`). A pronoun after an opening phrase
    (`_SUBJECT_AFTER_OPENER`) is compared with the question at question time, when it is among the
    best few (`answering._with_similarity`), as any text the index lacks: so an index built before
    that form holds every text it needs, and building one after it adds no text. An added text
    moved the int8 model's vectors of the others then (dynamic quantisation scaled a batch as a
    whole; static since bench/RESULTS.md 7v), which changed three answers of the technical notes'
    set, one fact lost, with no answer moved by the rule itself (bench/RESULTS.md 6ac)."""
    return _refers_back(c) and bool(_REFERS_BACK.match(c.text))


def _quoted_with(c: Candidate) -> tuple[str, ...]:
    """The sentences a candidate quotes, whatever the question (a heading with a date is added
    per question by `_score`)."""
    if c.lead_in:
        # a list item means little without the line introducing it; a later sentence of the item
        # pointing back ("1. On 31 March 1854 the Convention of Kanagawa was signed ... It opened the
        # ports of Shimoda and Hakodate ...") means little without the item's sentence it leans on,
        # unless that one points back too ("Lithosphere: the rigid outer layer ... It is relatively
        # rigid ... It varies in thickness ...": both name what the line's label does)
        if (not c.code and c.context and c.context != c.lead_in and not is_code_block(c.context)
                and _PRONOUN_LED.match(c.text) and not _PRONOUN_LED.match(c.context)):
            return (c.lead_in, c.context, c.text)
        return (c.lead_in, c.text, c.code, *c.tail) if c.code else (c.lead_in, c.text)
    if c.code:
        # "On Windows, run:" says what the code does only with the sentence before it ("Once you've
        # created a virtual environment, you may activate it."), unless that is code too.
        short = len(c.text.split()) <= _SHORT_LEAD_IN_WORDS or _PRONOUN_LED.match(c.text)
        # Nor when it is the rest of a sentence code interrupted ("the code in the module will be
        # executed ..."): cut from its own start, it says less than the lead-in alone.
        if short and c.context and not is_code_block(c.context) and not c.context[:1].islower():
            return (c.context, c.text, c.code, *c.tail)
        return (c.text, c.code, *c.tail)
    if is_code_block(c.text) and c.context and not is_code_block(c.context):
        # Code after a finished sentence is shown with it: "If the module name is followed by as,
        # then the name following as is bound directly to the imported module." [import fibo as fib]
        return (c.context, c.text, *c.tail)
    if c.tail:
        return (c.text, *c.tail)  # code of its own, with the output it prints
    if c.context and _PRONOUN_LED.match(c.text):
        if is_code_block(c.context):
            # "This will create the tutorial-env directory ..." after "To create ..., run:" [code]:
            # the whole unit it follows, not its code alone (nor the unit's last code alone).
            return (*_unit_before(c), c.text)
        return (c.context, c.text)  # "He was replaced by Lin Biao" needs the sentence naming him
    return (c.text,)


def _leans_on_code(c: Candidate) -> bool:
    return bool(c.context) and not c.lead_in and not c.code and is_code_block(c.context) and bool(_PRONOUN_LED.match(c.text))


def _unit_before(c: Candidate) -> tuple[str, ...]:
    """What the unit ending with the code before `c` quotes (`_quoted_with`); that code alone when
    the layout holds no such unit."""
    if c.position > 0:
        sentence, previous, lead_in, followers, code, tail = _layout(c.hit.chunk.text)[c.position - 1]
        unit = Candidate(sentence, c.hit, c.rank, c.position - 1, context=previous, lead_in=lead_in,
                         followers=followers, code=code, tail=tail)
        parts = _quoted_with(unit)
        if parts[-1] == c.context:
            return parts
    return (c.context,)


# A section's own number ("12. Sets and maps", "3.1) Causes", "Chapter 4: Reform", "Notes on
# sets (part 2)"): where the heading stands in the notes, not a figure the notes give, so it
# answers no "How many ...?". A bare number only opening the heading and of at most three digits,
# so that "1914. The war begins" stays a date and "3 estates" a figure.
# Also a numbered section without its stop before a capital word, "9.2 Control statements", "9.2.2
# Repetitive execution" (a figure opening a heading reads "2.5 million years"), and a chapter
# numbered in words, "CHAPTER TWO. THE DEBIAN ARCHIVE": without them "How much faster is ...?" was
# answered, confident, by a sentence under "9.2.2 Repetitive execution" (ans23 [161]).
_SECTION_LABEL = re.compile(r"^\s*\d{1,3}(?:\.\d{1,3})*[.)](?=\s)|^\s*\d{1,3}(?:\.\d{1,3})+(?=\s+(?-i:[A-Z]))|"
                            r"\b(?:chapter|section|part|unit|lecture|lesson|week|module|topic)\s+"
                            r"(?:\d{1,3}(?:\.\d{1,3})*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
                            r"twelve)\b", re.I)
_OPENING_NUMBER = re.compile(r"^\s*(\d{1,3})\s")


def _without_label(heading: str, path: tuple[str, ...]) -> str:
    """The heading without its section number. A bare number opening it ("9 Grouping, loops") is
    one when a heading inside it opens with that number and a dot ("9.2.2 Repetitive execution"):
    the notes number their sections so."""
    bare = _OPENING_NUMBER.match(heading)
    if bare and any(h.lstrip().startswith(bare.group(1) + ".") for h in path if h is not heading):
        heading = heading[bare.end():]
    return _SECTION_LABEL.sub("", heading)


def _heading_with(chunk: Chunk, kind: str, section_dated_for: str | None = None) -> str:
    """The innermost heading of the passage holding what a question of this kind (DATE, NUMBER)
    asks for, or "". A heading's section number is not what it holds (`_SECTION_LABEL`): with it
    the generated benchmark notes, numbered "## 12. ...", gave every sentence a second text to
    embed (bench/RESULTS.md 7i)."""
    path = tuple(chunk.heading_path)
    if path and has_kind(_without_label(path[-1], path), kind):
        # A title over a document of no sections ("1973 oil crisis") is the passage's own heading and
        # dates the subject it names, not what another passage says (`section_dated_for`, below).
        if len(path) == 1 and section_dated_for is not None and not _names_the_dated(path[0], section_dated_for):
            return ""
        return path[-1]
    # A heading above the passage's own dates what the passage tells only when the passage gives no
    # date (or figure) of its own: "Gideon v. Wainwright (1963): The Right to a Lawyer", the title
    # above "2. The crime", answered "On what date did the break-in happen?" beside the passage
    # saying "June 3, 1961" (ans28); "The Great Leap Forward (1958-1962)" above "Backyard Furnaces"
    # dates furnaces the passage gives no year for.
    if has_kind(chunk.text, kind):
        return ""
    above = next((h for h in reversed(path[:-1]) if has_kind(_without_label(h, path), kind)), "")
    # Nor when another passage of the same section gives dates of its own (`section_dated_for`, the
    # question): "McCulloch v. Maryland (1819): ..." dates the case, not "the first Bank received a
    # twenty-year charter" in "2. Background", whose next passage says "That charter expired in
    # 1811" (ans32). The heading still dates what it names when the question names it too ("What
    # year was McCulloch v. Maryland decided?").
    if above and section_dated_for is not None and not _names_the_dated(above, section_dated_for):
        return ""
    return above


_DATE_IN_NAME = re.compile(r"\((?:[^()]*\d[^()]*)\)|\b\d{1,4}(?:s|st|nd|rd|th)?\b")


def _names_the_dated(heading: str, question: str) -> bool:
    """Whether the question names what a dated heading names: every word of the heading before a
    subtitle's ":" (its date, section label, small words and single letters left out: "McCulloch v.
    Maryland (1819): ..." -> mcculloch, maryland; "1973 oil crisis" -> oil, crisis) is a word of the
    question, in any of its forms."""
    name = _DATE_IN_NAME.sub(" ", _SECTION_LABEL.sub("", heading).split(":", 1)[0])
    named = [t for t in tokenize(name) if len(t) > 1 and not t.isdigit()]
    asked = set(tokenize(question))
    return bool(named) and all(t in asked for t in named)


def comparable_texts(chunk: Chunk, chars: int) -> list[str]:
    """The texts of a passage that answer selection may compare with a question in meaning (the
    shown text of each of its sentences, cut to `chars` as `_with_similarity` in answering cuts
    it), without repeats. Made when the index is built so that a question needs no model call
    for them: with them, each sentence as a question asking for a date or a number shows it when
    the sentence lacks one and a heading holds it (as `_score` does)."""
    hit = Hit(chunk, -1, 0.0, 0.0, 0.0)
    texts = []
    for c in _sentences_of(hit, 0):
        quoted = _quoted_with(c)
        # A sentence referring back is also quoted with the sentence before it, for the
        # questions whose names it leaves out (see `_score`).
        for quoted in (quoted, (c.context, *quoted)) if _stored_with_context(c) else (quoted,):
            texts.append(shown_text(replace(c, parts=quoted)))
            parts = (*quoted, *c.followers)
            for kind in (DATE, NUMBER):
                heading = "" if has_kind("\n".join(parts), kind) else _heading_with(chunk, kind)
                if heading:
                    texts.append(shown_text(replace(c, parts=(heading, *parts), heading_part=heading)))
    return list(dict.fromkeys(t[:chars] for t in texts if t))


def shown_text(c: Candidate, already_shown: frozenset[str] = frozenset(), long: bool = False) -> str:
    """What a candidate quotes: the heading holding the date asked for, its lead-in or context,
    itself, and (for a list or an explanation) the first items of a list it introduces, leaving
    out what the answer already shows."""
    body = [p for p in (c.parts or (c.text,)) if p not in c.followers and p not in already_shown]
    if not body:
        return ""
    if c.heading_part and body[0] == c.heading_part:
        body = [f"{c.heading_part}: {body[1]}" if len(body) > 1 else c.heading_part, *body[2:]]
    items = [LIST_MARK + f for f in c.followers if f not in already_shown] if long else []
    return "\n".join([join_shown(body), *items]).strip()


def _names_in_full(heading: str, question: str) -> bool:
    """Whether a heading is only a long name and the asked abbreviation in brackets after it, the
    name opening with the abbreviation's first letter: "Subacute sclerosing panencephalitis (SSPE)"
    (its initials are not SSPE, so `spells_out` does not read it)."""
    asked = asked_abbreviation(question)
    found = re.fullmatch(rf"\s*(?P<name>[^\W\d_][\w’'-]*(?:\s+[\w’'-]+){{1,7}})\s+\(\s*{re.escape(asked)}\s*\)\s*",
                         heading) if asked else None
    return bool(found) and found.group("name")[0].lower() == asked[0].lower()


def _holds_kind(text: str, kind: str | None, question: str, names: list[QueryName]) -> bool:
    if kind == EXPANSION:
        # "What does GLF stand for?" is answered where the notes give the name with its other
        # form, "the Great Leap Forward (GLF)"; a sentence that only shares a word with the long
        # form ("The ETC passes electrons ..." for "ETC": electron transport chain) does not.
        # Nor only in brackets after a capital long form: "independently and identically
        # distributed (iid)", "IUPAC (default) is the International Union of ..." (`spells_out`).
        # "What does numeration mean?" (any word, not only an abbreviation: `_CUES`) is answered
        # by the sentence saying what it is, "The numeration is the way of numbering ...".
        asked, meant = asked_abbreviation(question), asked_meaning(question)
        return (states_other_name(text, names) or bool(asked) and spells_out(text, asked)
                or bool(meant) and defines_word(text, meant))
    return has_kind(text, kind, question)


def plain_terms(terms: list[QueryTerm], names: list[QueryName]) -> list[QueryTerm]:
    """The question's words outside its names: what it asks about what it names."""
    in_names = {t.stem for name in names for t in name.terms}
    return [t for t in terms if t.stem not in in_names]


def relation_share(terms: list[QueryTerm], names: list[QueryName], stems: set[str]) -> float:
    """Share of the question's plain words (each counted once, whatever its rarity) that `stems`
    holds; 0 for a question of names only."""
    others = plain_terms(terms, names)
    return sum(t.found_in(stems) for t in others) / len(others) if others else 0.0


# "What is the German word for the death strip?", "What's the Latin name of the plant?": the name
# before "word/name/term for" says which language the name asked is in; the sentence giving it ("the
# "death strip" (Todesstreifen)") need not name the language (ans30, declined as off topic).
_LANGUAGE_OF_THE_NAME = re.compile(r"\b(?i:the)\s+([A-Z][a-z]+)\s+(?i:word|name|term|phrase|expression)s?\s+(?i:for|of)\b")


def _named_subjects(names: list[QueryName], question: str) -> list[QueryName]:
    """The question's names a sentence answering it is about: not the language of a name asked."""
    language = {stem for m in _LANGUAGE_OF_THE_NAME.finditer(question) for stem in tokenize(m.group(1))}
    if not language:
        return names
    return [n for n in names if {t.stem for t in n.terms} - language]


def _on_topic(terms: list[QueryTerm], names: list[QueryName], stems: set[str], kind_held: bool = False) -> str:
    """An answer to "When did Mao die?" names Mao (itself, in the sentence before, or in its
    heading) and says something about dying: a sentence with only one of the two is about
    something else, unless it names everything the question names and holds what its kind asks
    for: "John Gallagher (1919–1980)" answers "When was John Gallagher born?" without the word
    "born". A missing name that the notes use everywhere leaves it IMPLICIT."""
    others = plain_terms(terms, names)
    missing = [name for name in names if not name.found_in(stems)]
    if others and not any(t.found_in(stems) for t in others) and not (names and not missing and kind_held):
        return OFF_TOPIC
    if not missing:
        return ON_TOPIC
    return IMPLICIT if all(name.common for name in missing) else OFF_TOPIC


def _defines_a_name(sentence: str, terms: list[QueryTerm], names: list[QueryName], strict: bool = False,
                    question: str = "") -> bool:
    """Whether the sentence says what something of the question is: "Term: definition", or a
    subject naming it followed by is/was/refers to ("The GLF was Mao's radical attempt ..."). Any
    such sentence is about the question's subject; `strict` (for "What is X?") also leaves out
    those telling what happened to it ("Telenet was incorporated in 1973")."""
    term, sep, rest = sentence.partition(":")
    if sep and rest.strip() and len(term.split()) <= 5:
        stems = set(tokenize(term))
        return (bool(stems) and all(any(t.found_in({s}) for t in terms) for s in stems)
                and not (strict and _part_of_a_longer_term(term, question)))
    if strict and (_names_it_at_the_end(sentence, terms, question) or _glossed_in_brackets(sentence, terms, question)):
        return True
    verb = _DEFINING_VERB.search(sentence)
    if not verb or len(sentence[: verb.start()].split()) > 6:
        return False
    if strict and (_NOT_A_DEFINITION.match(sentence[verb.end():]) or _SUBORDINATE.match(sentence)):
        return False
    subject = set(tokenize(sentence[: verb.start()]))
    if not subject:
        return False
    if strict and _part_of_a_longer_term(sentence[: verb.start()], question):
        return False
    if any(name.found_in(subject) for name in names):
        return True
    return all(any(t.found_in({s}) for t in terms) for s in subject)


_WORD = re.compile(r"[\w'’-]+")


def _part_of_a_longer_term(term: str, question: str) -> bool:
    """Whether the words a line defines stand in the question inside a longer run of content words
    ("Stimulus: any event ..." for "define stimulus discrimination", "Conditioning: ..." for "What is
    operant conditioning?"): the line says what a part of the term asked is, not the term. The
    question's first word (an instruction: "define", "explain") and a participle after the term
    ("What is conditioning used for?") are not part of it."""
    said = [tuple(tokenize(w)) for w in _WORD.findall(term)]
    said = [s for s in said if s]
    if not question or not said:
        return False
    asked = [tuple(tokenize(w)) for w in _WORD.findall(question)]
    plain = [w.lower() for w in _WORD.findall(question)]
    for i in range(len(asked) - len(said) + 1):
        if asked[i:i + len(said)] != said:
            continue
        before = i - 1 > 0 and bool(asked[i - 1])
        after = (i + len(said) < len(asked) and bool(asked[i + len(said)])
                 and not plain[i + len(said)].endswith("ed"))
        return before or after
    return False


# "They can also swap genetic material with neighbouring bacteria, a process called horizontal gene
# transfer.": what the sentence tells is then named, the term asked closing the sentence.
_NAMED_AT_THE_END = re.compile(r",\s+(?:a|an|the)\s+(?:[\w'’-]+\s+){0,3}?(?:called|known\s+as|termed|named)\s+"
                               r"[\"“‘']?(?P<term>[^.;:,\"”’]+?)[\"”’']?\s*[.;]?\s*$", re.I)


# "... is called "incorporation".", "... are known as the Jim Crow laws.": a sentence that ends on
# the name it gives what it has described.
_NAMED_LAST = re.compile(rf"\s{NAMED_AS}\s+[\"“‘']?(?P<term>[^\"“”‘’.;:,()]{{1,60}}?)[\"”’']?\.?[\"”’']?\s*$",
                         re.I)


def _names_it_at_the_end(sentence: str, terms: list[QueryTerm], question: str) -> bool:
    """Whether the sentence says what something is and closes by naming it with every word of the
    term asked: "..., a process called horizontal gene transfer." for "What is horizontal gene
    transfer?", "Applying the Bill of Rights to the states ... is called "incorporation"." for "What
    is incorporation?". "This is called ..." names what the sentence before described, not this one."""
    named = _NAMED_AT_THE_END.search(sentence)
    if not named and not _PRONOUN_LED.match(sentence):
        named = _NAMED_LAST.search(sentence)
    if not named:
        return False
    stems = set(tokenize(named.group("term")))
    return (bool(stems) and all(any(t.found_in({s}) for t in terms) for s in stems)
            and all(t.found_in(stems) for t in terms) and not _part_of_a_longer_term(named.group("term"), question))


# "... gave their names in their colophons (the note at the end of a book) and ...": the term, then in
# brackets a noun phrase opened by an article or "i.e." saying what it is (no figure: "(the 1450s)").
_BRACKET_GLOSS = re.compile(r"(?P<before>[\w'’ -]{1,80}?)\s+\((?:i\.\s?e\.,?\s+|that is,?\s+)?"
                            r"(?P<gloss>(?:a|an|the)\s+[^()\d]{8,80}?)\)")


def _glossed_in_brackets(sentence: str, terms: list[QueryTerm], question: str) -> bool:
    """Whether the sentence glosses the term asked in brackets right after it: "... in their
    colophons (the note at the end of a book) ..." for "What's a colophon?" (ans33, answered
    confident by another sentence naming colophons)."""
    if not terms:
        return False
    for found in _BRACKET_GLOSS.finditer(sentence):
        said = _WORD.findall(found.group("before"))[-len(terms):]
        stems = {s for w in said for s in tokenize(w)}
        if (len(said) == len(terms) and all(t.found_in(stems) for t in terms)
                and not _part_of_a_longer_term(" ".join(said), question)):
            return True
    return False


def opens_with_subject(sentence: str, terms: list[QueryTerm]) -> bool:
    """Whether the sentence opens with everything "explain X" names, and goes on: "Longshore drift
    moves sand along a coastline" says what X does, which is how notes define a process without
    "is" (issue 15.3). Its first content words are all the question's, and hold every one of them."""
    stems = tokenize(sentence)
    opening = 0
    while opening < len(stems) and any(t.found_in({stems[opening]}) for t in terms):
        opening += 1
    return 0 < opening < len(stems) and all(t.found_in(set(stems[:opening])) for t in terms)


def states_other_name(text: str, names: list[QueryName]) -> bool:
    """Whether the text gives a name of the question together with another name of it, as the
    notes define names ("Great Leap Forward (GLF)", "X, also known as Y", "Y for short"): what
    "What does GLF stand for?" asks."""
    for first, second in pairs_in(text):
        one, other = set(tokenize(first)), set(tokenize(second))
        for name in names:
            if name.short_forms and any(_is_the_name(name, a) and b and b <= name.short_forms
                                        for a, b in ((one, other), (other, one))):
                return True
    return False


def _is_the_name(name: QueryName, stems: set[str]) -> bool:
    return all(t.stem in stems for t in name.terms)


def by_another_name(sentence: str, names: list[QueryName]) -> bool:
    """Whether a defining sentence calls its subject only by another name than the question does
    ("The GLF was ..." for "What is the Great Leap Forward?"). The embedding model does not know
    that the notes' two names are one thing, so such a sentence is further from the question in
    meaning than what it says warrants."""
    verb = _DEFINING_VERB.search(sentence)
    if not verb:
        return False
    subject = set(tokenize(sentence[: verb.start()]))
    return any(name.short_forms & subject and not any(t.stem in subject for t in name.terms) for name in names)

"""Extractive answers: the best one to three whole sentences of the notes, each with its citation,
or an honest "not in the notes". Nothing here writes text of its own into an answer."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace

import numpy as np

from bot.core.answer_fit import Fit, declines, measure_fit, phrase_share
from bot.core.coverage import (assess, compound_words, english_derivation, means_words, misspelt_terms, transposed,
                               unfamiliar_topic, unfamiliar_words, unheld_kind,
                               unplaced_names)
from bot.core.documents import TABLE_CELLS, Chunk
from bot.core.found_weights import found_weights
from bot.core.lexical import LexicalIndex
from bot.core.retrieval import Hit, SearchResult
from bot.core.query import QueryName, QueryTerm, match_share, query_names, query_terms
from bot.core.question_kind import (CHECKED, form_asked, DATE, EXPANSION, EXPLANATION, LIST, LONG_KINDS, MONTHS, NUMBER,
                                    PERSON, REASON, answers_when_in_words, asks_for_a_default, counts_none,
                                    POLITY_WORD, asks_a_count, asks_a_polity, asks_another_name, asks_for_a_figure,
                                    asks_what_followed, asks_what_to_type, compared_pair, counts_something_else, cue_text,
                                    expected_kind, explains, gives_a_cause, gives_a_default, has_kind, holds_a_name, negates,
                                    placed_year, relative_day, without_named_years)
from bot.core.spelling import NotesVocabulary
from bot.core.text import CODE_SPAN, is_code_block, join_shown
from bot.core.sentence_ranker import SentenceRanker, default_ranker
from bot.core.sentences import (IMPLICIT, OFF_TOPIC, ON_TOPIC, Candidate, about_the_notes, by_another_name,
                                 candidates_from, label_of, plain_terms, points_back_in_passing, rescore_semantically,
                                 names_what_was_asked, score_candidates, shown_text)
from bot.core.tokens import STOPWORDS, same_family, tokenize, words

CONFIDENT = "confident"
CLOSEST = "closest"
NOT_COVERED = "not_covered"
NOTES_EMPTY = "the notes are empty"  # the reason of every answer from an index of no documents


@dataclass(frozen=True)
class AnswerPolicy:
    """Thresholds for the default model (all-MiniLM-L6-v2); another model needs its own. The
    confident tier's cosine was fitted on half of the twelve development courses and checked on the
    other half, over every split (`bench/calibrate_tiers.py`); its share chosen on eleven courses and
    checked on the twelfth (`bench/tier_alone.py --choose`; figures in bench/RESULTS.md 6v). A share
    weighed by the notes' IDF is not enough for the tier not to depend on the corpus: it moves with
    what else the course holds (a course of one subject weighs its own words down), so the tier's
    share weighs words among the passages found (`tier_found_weights`)."""

    floor_cosine: float = 0.22  # below: the notes are about something else
    min_match: float = 0.2  # share of the question's weight a chosen sentence must carry
    # Confident: the first sentence carries this share of the question's weight, is this close to
    # it in meaning, and holds what the question's kind asks for (a date for "when"). The share
    # weighs words as `tier_found_weights` says; 0.6 chosen on eleven development courses and
    # checked on the twelfth, for each in turn (confident precision >= 0.965 on the eleven; the
    # notes' IDF had 0.75: bench/RESULTS.md 6v).
    confident_match: float = 0.6
    confident_similarity: float = 0.30
    # The confident tier's share weighs the question's words by their rarity among the passages
    # found, not in the notes: the tier then does not depend on what else the course holds
    # (found_weights; bench/RESULTS.md 6v). False: the notes' IDF, as the rest of the answer.
    tier_found_weights: bool = True
    # A match weaker than this (in words and in the passage's meaning) to a question holding a
    # specialised term the notes never use is declined rather than shown as the closest passage.
    weak_cosine: float = 0.40
    weak_match: float = 0.5
    # A sentence matching less than weak_match of the question's weight must be this close to it
    # in meaning to answer at all (twelve development courses, off-topic questions from the others).
    answer_similarity: float = 0.35
    # The best sentence is declined when its cosine with the question is below the first and both
    # it and its passage carry less than the second share of the question's weight. Chosen on
    # eleven development courses and checked on the twelfth, for each course in turn, with the
    # phrase pair below and `agreed_cosine` (the most off-topic questions declined at <= 0.03 of
    # covered ones: bench/decline_cv.py --phrase, RESULTS 6k; chosen again after the numbers of 6n freed
    # covered questions: 0.35 in 6k, 0.38 without the phrase decline in 6g).
    weak_answer_similarity: float = 0.38
    weak_answer_match: float = 0.6
    # Two more steps of the same rule, so that the cosine a best sentence needs falls as the share of
    # the question's weight it carries rises. A sentence carrying less than the second share, whose
    # passage carries less than the third, is declined below the first cosine: a short, general
    # sentence ("The treaty was primarily focused on resolving issues in Europe.") is that close to
    # many questions about another course's treaties; a covered question that few of its words
    # reach is answered by a sentence closer in meaning. And a sentence this far in meaning must
    # carry nearly all the question's weight (a long sentence of which the question asks one part):
    # below the cosine of `remote_answer_similarity` it is declined when it, and its passage, carry
    # less than `remote_answer_match`. Chosen on eleven development courses and checked on the
    # twelfth, for each in turn, with the weak-answer and phrase pairs as they are (at covered
    # declined <= 0.03, a covered answer holding the fact counting as three off-topic ones): every
    # fold chose (0.60, 0.25, 0.40), eleven of twelve (0.22, 0.8); bench/offtopic_choose.py.
    scant_answer_similarity: float = 0.60
    scant_answer_match: float = 0.25
    scant_passage_match: float = 0.40
    remote_answer_similarity: float = 0.22
    remote_answer_match: float = 0.8
    # A best sentence below this cosine, it and its passage carrying less than the second share of
    # the question's weight, and the first passages found together less than the third, is declined:
    # the rest of the question's words are nowhere near (`Fit.found_match`). Chosen as the steps
    # above, beside them (bench/offtopic_choose.py `found`): ten folds of twelve chose (0.50, 0.35, 0.6);
    # on the pool it declines 10 more of 2,197 off-topic questions for 4 covered, none holding the fact.
    thin_answer_similarity: float = 0.50
    thin_answer_match: float = 0.35
    thin_found_match: float = 0.6
    # The same below a cosine of `elsewhere_answer_similarity`, reading only the question's words
    # the notes use: when the best sentence's passage carries less than `elsewhere_passage_match` of
    # their weight and the passages found less than `elsewhere_found_match` of the whole question's,
    # the notes hold those words elsewhere, not together here: most often a neighbour course's
    # question answered from a passage sharing its one common word ("What are engines using four
    # expansion stages known as?" / "... had four-cylinder engines ..."). The shares above count
    # words the notes never use at the highest weight, which no passage can carry, so they cannot
    # tell this apart from a covered question asked in a student's own words. Chosen course by
    # course held out (eleven of twelve folds chose these; bench/RESULTS.md 6ap).
    elsewhere_answer_similarity: float = 0.50
    elsewhere_passage_match: float = 0.40
    elsewhere_found_match: float = 0.80
    # The best sentence is declined when none of the question's neighbouring word pairs stand
    # together in its passage (answer_fit.phrase_share), its cosine is below the first and its
    # passage carries less than the second share of the question's weight. Chosen with the
    # weak-answer pair, course by course held out (bench/decline_cv.py --phrase, RESULTS 6k, 6n).
    phrase_similarity: float = 0.45
    phrase_match: float = 0.6
    # The answer is declined when this linear score of its `Fit` is above zero (intercept, then
    # one weight per signal; see answer_fit and bench/decline_cv.py). Empty: never.
    decline_weights: tuple[float, ...] = ()
    # The word search and the dense search put the same passage first, and it is this close to the
    # question: the notes hold its topic, so a misspelt name ("Lor Loudoun"), a name they never use
    # with the question's other words, or a paraphrase sharing few words does not decline it (it is
    # answered as the closest). Chosen with the weak-answer pair, course by course held out, for
    # the most off-topic questions declined at <= 0.03 of covered ones (bench/RESULTS.md 6i).
    agreed_cosine: float = 0.4
    follow_ratio: float = 0.7  # a further sentence joins the answer when it scores this close
    # With the learned ranker, scores are chances of holding the answer: a further sentence joins
    # when its chance is at least this share of the first's (bench/sentence_ranker_fit.py).
    follow_chance: float = 0.25
    max_sentences: int = 3
    # How many top passages sentences are drawn from: every passage the search returns (the answer
    # is in the sixth to eighth passage often enough that drawing from five lost it; bench/RESULTS.md 6f).
    passages: int = 8
    semantic_candidates: int = 6  # how many of the best sentences are embedded and compared
    semantic_weight: float = 1.0
    semantic_chars: int = 300
    semantic_on_topic: float = 0.55  # a sentence this close in meaning is on topic, whatever its words
    implicit_on_topic: float = 0.45  # ...and one that leaves the notes' subject implicit, this close
    # Rank candidate sentences with the learned model of sentence_ranker (`ranker`, or None for its
    # shipped weights) instead of the hand-written score. Off by default: held out course by course
    # it puts the fact first only a little more often (bench/RESULTS.md section 6), and the pool
    # cannot teach it what structured notes need (a definition first for "explain X").
    learned_ranking: bool = False
    ranker: SentenceRanker | None = field(default=None, compare=False)

    def sentence_ranker(self) -> SentenceRanker | None:
        return (self.ranker or default_ranker()) if self.learned_ranking else None


@dataclass(frozen=True)
class Citation:
    document: str
    section: str
    page: int | None
    quote: str
    score: float
    chunk_id: str

    def label(self) -> str:
        parts = [self.document]
        if self.section:
            parts.append(self.section)
        if self.page is not None:
            parts.append(f"p. {self.page}")
        return ", ".join(parts)

    def to_dict(self) -> dict:
        return {"document": self.document, "section": self.section, "page": self.page,
                "quote": self.quote, "score": round(self.score, 4), "chunk_id": self.chunk_id}


@dataclass(frozen=True)
class Answer:
    question: str
    tier: str
    sentences: tuple[str, ...]
    citations: tuple[Citation, ...]
    nearest_topics: tuple[str, ...] = ()
    reason: str = ""
    top_score: float = 0.0
    passages: tuple[Citation, ...] = field(default=())  # what retrieval returned, best first
    # How well the first sentence fits the question: the share of the question's weight it
    # carries, its cosine with the question (None when not embedded), and whether it holds what
    # the question's kind asks for. The tier is decided from these.
    match: float = 0.0
    similarity: float | None = None
    kind_ok: bool = True
    # How much of the question's weight the first sentence's whole passage carries, and the names
    # of the question whose words the passages found never use together (see coverage).
    passage_match: float = 0.0
    unplaced: tuple[str, ...] = ()
    fit: Fit | None = None  # what the decision to decline read (see answer_fit)
    tier_match: float = 0.0  # the share the confident tier read (see AnswerPolicy.tier_found_weights)

    @property
    def abstained(self) -> bool:
        return self.tier == NOT_COVERED

    @property
    def text(self) -> str:
        return join_shown(self.sentences)  # a code block stands on lines of its own


EmbedFn = Callable[[list[str]], np.ndarray]


def answer_question(result: SearchResult, lexical: LexicalIndex, policy: AnswerPolicy = AnswerPolicy(),
                    embed: EmbedFn | None = None, common_word: Callable[[str], bool] | None = None,
                    vocabulary: Callable[[], NotesVocabulary] | None = None,
                    passages_with: Callable[[list[str], int], list[str]] | None = None) -> Answer:
    """`embed` compares candidate sentences with the question in meaning; `common_word` tells an
    everyday word from a specialised term (see coverage.unfamiliar_words); `vocabulary` gives the
    notes' words and names (made on first use), so that a short form of a name is known;
    `passages_with(stems, k)` gives the notes' passages best for some words, where a name of the
    question is looked for when the passages found never use it (see coverage.unplaced_names)."""
    hits = result.hits
    passages = tuple(_passage_citation(h) for h in hits)
    if not hits:
        return _not_covered(result.question, hits, NOTES_EMPTY, passages)
    coverage = assess(result.question, lexical, vocabulary)
    top = max(h.dense for h in hits)
    agreed = searches_agree(hits, policy.agreed_cosine)
    if coverage.unknown_terms and not (agreed and vocabulary is not None
                                       and misspelt_terms(coverage.unknown_terms, vocabulary())):
        return _not_covered(result.question, hits,
                            "the notes never mention " + ", ".join(coverage.unknown_terms), passages)
    unheld = _unheld_options(result.asked or result.question, hits)
    if unheld:
        # "What does curl's --compressed option do?" on notes listing other options: the option's
        # words ("compressed") are everyday words the notes use elsewhere, and a passage about
        # options is close in meaning, but no passage found names the option.
        return _not_covered(result.question, hits, "the notes never mention " + ", ".join(unheld), passages)
    # No word of the question in the notes says they are about something else, unless a passage is
    # as close in meaning as makes a sentence on topic whatever its words ("what was invented in 1880
    # that revolutionized warfare?" / "By the 1880s, the machine gun had ..."): whether one of its
    # words is known otherwise depends on what else the course holds (bench/RESULTS.md 6v).
    if coverage.known_share == 0 and top < policy.semantic_on_topic:
        return _not_covered(result.question, hits, "no passage is close to the question", passages)
    # No passage this close in meaning: the notes are about something else, unless the words say
    # otherwise (see below, once the best sentence is known).
    faint = top < policy.floor_cosine
    kind = expected_kind(result.question)
    terms = query_terms(result.question, lexical, ignore=cue_text(result.question))
    names = query_names(result.question, terms, lexical)
    scored = score_candidates(candidates_from(hits[: policy.passages]), terms, names, kind, result.question,
                              policy.sentence_ranker())
    if embed is not None:
        scored = _with_similarity(scored, result.query_vector, embed, policy)
    # "What does -C do?": a short option is one letter whose case is its name; a sentence giving
    # the option of the other case only ("`-c`, `--checksum`: ...") is about another option, though
    # the words, folded, are the same (ans28, answered confident with -c).
    scored = [c for c in scored if not _other_case_option(_said(c), result.asked or result.question)]
    every = scored
    scored = [c for c in scored if _answers(c, policy, compared=embed is not None, terms=terms, names=names)]
    rescued = not scored and agreed
    if rescued:
        # No sentence shares enough of the question's words (a paraphrase), but both searches
        # found this passage best: its best sentences answer, as the closest passage.
        scored = [c for c in every if c.hit.row == _closest_row(hits) and c.match > 0 and not poses_a_question(c.text)]
    if not scored:
        return _not_covered(result.question, hits, "no sentence matches the question", passages)
    if kind == EXPANSION:
        # Only a sentence giving the name with its other form says what an abbreviation stands
        # for, and it is most often about something else ("With the launch of the Great Leap
        # Forward (GLF), collectivisation ..."): further in meaning than one using the abbreviation.
        scored.sort(key=lambda c: not c.kind_ok)
    elif asks_what_to_type(result.question) and any(_shows_typed(c) for c in scored):
        # "What key pastes the tmux buffer?", "Which option does a dry run?": only a sentence showing
        # something typed (a code span or block) names the key or the option; one without ("tmux
        # keeps its own ... paste buffers.") is about the same thing, closer in meaning to the
        # question than one holding `C-b ]`, which the model reads poorly (ans31).
        scored.sort(key=lambda c: not _shows_typed(c))
    if asks_what_to_type(result.question) and any(_option_fits(c, result.question) for c in scored):
        # "Which option prints lines after each match?", "Which option shows the lines that do NOT
        # match?" on a PDF tool guide: no code spans, so the synopsis block was the only typed text
        # and went first, and the option lines tie on the question's other words (ans32).
        scored.sort(key=lambda c: not _option_fits(c, result.question))
    if kind == DATE:
        scored = _dated_where_its_verb_is(scored, result.question)
    typed = _typed_names(result.asked or result.question)
    if typed and any(_shows_verbatim(c, typed) for c in scored):
        # "is GREP_OPTIONS still used", "What does ^ match in a pattern?": a name the question writes
        # as typed (joined by "_", an option, a lone symbol) is read by the word search as its words
        # ("grep", "option") or not at all, so sentences about other options or other patterns score
        # as high; only one showing it as written is about it (ans32). Shown first.
        scored.sort(key=lambda c: not _shows_verbatim(c, typed))
    asked_setting = _setting_asked(result.question) if asks_for_a_default(result.question) else frozenset()
    if asked_setting and any(_gives_the_default(c, typed, asked_setting) for c in scored):
        # "What is the default column separator in list mode?": the sentence saying the value unset
        # ("The default separator is the pipe symbol (|).") answers; one on the same setting that
        # does not say it ("... each column is separated by a specific separator string") shares
        # more of the question's words and was shown first, confident (ans33). Only a sentence
        # naming the setting asked ("separator"; not "By default the daemon refuses uploads ..." for
        # "What port does the daemon listen on by default?") and showing a name the question writes
        # as typed (".timer", not ".bail").
        scored.sort(key=lambda c: not _gives_the_default(c, typed, asked_setting))
    aside = set_aside(result.question)
    if aside and any(not _only_what_is_set_aside(c, aside) for c in scored):
        # "Besides a semicolon, what else can end a statement?", "Apart from humans, which animals
        # get scurvy?": a sentence naming only what the question sets aside ("SQL statements in the
        # shell normally end with a semicolon.", "... collagen in humans.") shares its words and was
        # shown first; the answer is in one naming something more (ans33). One listing it with
        # others ("in Africa and the South Pacific") or saying there is more ("also", "other") stays.
        scored.sort(key=lambda c: _only_what_is_set_aside(c, aside))
    chosen = _choose(scored, kind, policy, every, frozenset(tokenize(result.question)), result.question)
    # Confident only from the passage the word search ranks best: a sentence that says what was asked
    # from a passage the question's own words point away from is most often a near miss (held the
    # fact in 0.90 of such confident answers on the development pool against 0.975: RESULTS 6i).
    # Not for "What is X?" or "What does X stand for?" answered by a sentence defining X: every
    # passage naming X holds all the question's words, and the word search prefers the one naming
    # it most often, not the one saying what it is.
    worded = scored[0].hit.row == max(hits, key=lambda h: h.lexical).row
    expanded = kind == EXPANSION and scored[0].kind_ok
    defined = expanded or kind == EXPLANATION and scored[0].defines
    renamed = expanded or defined and by_another_name(scored[0].text, names)
    tier_match = scored[0].match
    if policy.tier_found_weights:
        weighed = found_weights(terms, [h.chunk.embedding_text() for h in hits[: policy.passages]], lexical)
        tier_match = score_candidates([scored[0]], weighed, names, kind, result.question)[0].match
    tier = (CLOSEST if coverage.unknown_terms or rescued or not (worded or defined)
            or _names_unheld_code(result.question, hits, common_word)
            else _tier(scored[0], policy, result.question, renamed, tier_match))
    if tier == CONFIDENT and asks_another_name(result.question) and not names_what_was_asked(
            " ".join(scored[0].parts) or scored[0].text, terms):
        # "What is another name for a firebox?" (no other name in the notes) / "... from a supply bin
        # (bunker) to the firebox": "another" is no topic word (`cue_text`), so the sentence carries
        # the question's words whether or not it names what was asked; confident only when it does.
        tier = CLOSEST
    if tier == CONFIDENT and asks_a_polity(result.question) and not _names_a_polity(shown_text(scored[0])):
        # "Which city did the Silk Road start from?" / "Around 114 BCE: Han expansion into Central
        # Asia; conventional start of the Silk Road.": a new name is there (a people, a region), but no
        # city, town or country is; the sentence may answer, not surely (ans31).
        tier = CLOSEST
    if tier == CONFIDENT and _ASKS_THE_NAME_OF.match(result.question) and not _gives_a_name(scored[0], result.question,
                                                                                             terms):
        # "What was the name of the Fujian governor who ordered farmers to plant sweet potatoes?" /
        # "The governor of Fujian then ordered farmers to plant the new crop.": the sentence tells what
        # the one asked about did, in the question's words, and names no one (ans32, adversarial).
        tier = CLOSEST
    if (tier == CONFIDENT and kind == NUMBER and asks_a_count(result.question)
            and counts_something_else(" ".join(scored[0].parts) or scored[0].text, result.question)):
        # "How many neuraminidase subtypes are there?" / "... divided into subtypes according to the
        # two surface proteins, hemagglutinin and neuraminidase.": a figure of something else in a
        # sentence on the topic, where the count asked stands in another ("nine NA subtypes", ans32).
        tier = CLOSEST
    weak = not scored[0].kind_ok or (top < policy.weak_cosine and scored[0].match < policy.weak_match)
    if common_word is not None:
        # A name joined by hyphens ("systemd-nspawn", "live-build") that holds a word neither the
        # notes nor everyday English use names a tool or a standard the notes never name, however
        # close its other words bring a passage ("systemd" alone is in the notes). So does such a
        # word the question names as its means ("How do I get a report of quota usage with
        # repquota?" on notes that use edquota): the notes cannot say how it is done with it. The
        # means is read as asked: spelling would make "repquota" the notes' "edquota".
        asked = result.asked or result.question
        unnamed = [w for w in unfamiliar_words(result.question, lexical, common_word)
                   if w in compound_words(result.question)]
        # Not a slip of typing that spelling put right ("ships with Hugeunot's aboard").
        corrected = set(words(result.question))
        unnamed += [w for w in unfamiliar_words(asked, lexical, common_word)
                    if w in means_words(asked) and w not in unnamed and not english_derivation(w, common_word)
                    and not any(transposed(w, c) for c in corrected)]
        if unnamed:
            return _not_covered(result.question, hits, "the notes never mention " + ", ".join(unnamed), passages)
    if weak and common_word is not None:
        # A weak match to a question about a term the notes never use ("the hukou system"):
        # the closest passage is about something else.
        strange = unfamiliar_words(result.question, lexical, common_word)
        if strange:
            return _not_covered(result.question, hits, "the notes never mention " + ", ".join(strange), passages)
    elif common_word is not None:
        # Whatever the match, a specialised term the notes never use that names what the question
        # is about ("How does vancomycin kill bacteria?", "How do fluoroquinolone antibiotics
        # work?" on notes about resistance): the passage found is about its neighbours in meaning.
        # Only the topic's nouns: an unfamiliar verb or adjective of a covered question is most
        # often the question's own wording ("unwarned", "besieging") (bench/RESULTS.md 6bi).
        strange = unfamiliar_topic(result.question, unfamiliar_words(result.question, lexical, common_word),
                                   common_word)
        if strange:
            return _not_covered(result.question, hits, "the notes never mention " + ", ".join(strange), passages)
    if common_word is not None:
        # "How is iron-deficiency anemia treated?" on notes about sickle cell anemia: the subject's
        # noun is the notes', the noun before it that says which one is not (coverage.unheld_kind).
        other = unheld_kind(result.question, lexical, common_word)
        if other:
            return _not_covered(result.question, hits, "the notes never mention " + ", ".join(other), passages)
    first = chosen[0][0]
    passage_match = match_share(terms, set(tokenize(first.hit.chunk.embedding_text())), set(), 0.0)
    cues = set(tokenize(cue_text(result.question)))
    order = [s for s in tokenize(result.question) if s not in cues]
    phrase = phrase_share(terms, order, first.hit.chunk.embedding_text())
    # The words vouch for the answer: the word search put its passage first and two of the
    # question's neighbouring words stand together there. Another course's question sharing the
    # notes' words shares them one by one, or finds them in another passage; a question of one
    # content word has no neighbours to vouch ("What is inflation?") (bench/RESULTS.md 6ag).
    best_lexical = max(hits, key=lambda h: h.lexical)
    vouched = (phrase > 0 and len({s for s in order if s in {t.stem for t in terms}}) > 1
               and best_lexical.lexical > 0 and first.hit.row == best_lexical.row)
    if first.similarity is not None and _weak_answer(first.similarity, first.match, passage_match, policy,
                                                     vouched):
        # The best sentence, and its whole passage, carry little of the question's weight and
        # little of its meaning: most often another course's question in the notes' words.
        return _not_covered(result.question, hits, "the best passage is about something else", passages)
    if (phrase == 0 and first.similarity is not None and first.similarity < policy.phrase_similarity
            and passage_match < policy.phrase_match):
        # Another course's question sharing single words with the notes, none of its phrases.
        return _not_covered(result.question, hits, "the best passage is about something else", passages)
    # A sentence saying what the one term asked is ("Determinative: a sign that is not read aloud
    # but shows the category of a word"), in the passage the word search puts first, vouches for
    # itself: a rare term leaves every passage far in meaning, and one word has no neighbours (ans28).
    if (faint and not vouched and not (defined and worded)
            and not (worded and _says_what_it_does(result.question, first))):
        # A passage's cosine is its whole text's: one sentence answering among others about
        # something else ("... The neoclassical architecture in Warsaw can be described by the
        # simplicity of the geometrical forms ...") leaves its passage far from the question. Below
        # the floor the answer stands only when the words vouch for it (RESULTS 6ag).
        return _not_covered(result.question, hits, "no passage is close to the question", passages)
    fit = measure_fit(terms, hits, first.hit, first.match, passage_match, first.similarity, first.kind_ok, lexical,
                      phrase)
    if (first.similarity is not None and fit.similarity < policy.thin_answer_similarity
            and max(fit.match, fit.passage_match) < policy.thin_answer_match
            and fit.found_match < policy.thin_found_match):
        # Little of the question in the sentence, its passage and the passages found together:
        # another course's question that shares a word or two with the notes.
        return _not_covered(result.question, hits, "the best passage is about something else", passages)
    if (first.similarity is not None and fit.similarity < policy.elsewhere_answer_similarity
            and fit.found_match < policy.elsewhere_found_match
            and _known_share(terms, first.hit.chunk.embedding_text(), lexical) < policy.elsewhere_passage_match):
        # The question's words the notes know stand elsewhere in the notes, not in this passage.
        return _not_covered(result.question, hits, "the best passage is about something else", passages)
    if declines(fit, policy.decline_weights):
        return _not_covered(result.question, hits, "the best passage is about something else", passages)
    if asks_for_a_figure(result.question, kind) and not any(c.kind_ok or kind == DATE and (
            placed_year(c.text, result.question) or relative_day(c.text)) for c in scored):
        # "How large is the error ...?", "In which year did the IUPAC adopt ...?": the sentences that
        # share enough of the question's words are about what was asked, but none of them (nor its
        # heading) holds a figure or a date other than the question's own: the notes do not give the
        # detail asked, and the sentence on the topic would read as if it did (bench/RESULTS.md 6au
        # K8). Not every sentence of the passages found: on notes of history one of them always
        # holds some year (on the development pool that reading declined nothing). A year of three
        # digits placed in time answers too: "The Vikings raided Lindisfarne in 793" holds no year to
        # `has_kind` (four digits or an era), but answers "When did the Vikings raid Lindisfarne?".
        return _not_covered(result.question, hits, _NOT_GIVEN[kind], passages)
    shown_rows = {c.hit.row for c, _ in chosen}
    if asks_for_a_default(result.question) and not any(gives_a_default(shown_text(c)) for c in scored
                                                       if c.hit.row in shown_rows):
        # "What port does the SSH server listen on by default?", "What is the default stiffness of a
        # new spring?": the value a setting takes unset. Notes that give one say so ("VNC uses port
        # 5900 by default", "By default all forces are turned off", "if they are omitted the default
        # values are ..."); when no sentence sharing enough of the question's words does, the one on
        # the topic gives some other value ("listens on port 8000", a spring's stiffness in one
        # example) and would read as the default. Only the passages the answer quotes: technical
        # notes say "by default" of many settings, and one about another setting of the same program
        # ("By default the daemon refuses uploads larger than ...") shares the question's words too
        # (bench/RESULTS.md 6bb).
        return _not_covered(result.question, hits, "the notes give no default for what is asked", passages)
    unplaced = tuple(unplaced_names(result.question, [h.chunk.embedding_text() for h in hits], lexical,
                                    passages_with))
    if unplaced and agreed:
        tier = CLOSEST
    elif unplaced:
        # "When was the Dutch Revolt?" on notes that name the Dutch and a revolt, never together.
        return _not_covered(result.question, hits, "the notes never use together " + ", ".join(unplaced), passages)
    pair = compared_pair(result.question)
    if pair:
        chosen = _sides_first(chosen, scored, pair)
    if pair and not _sets_beside(pair, [text for _, text in chosen]):
        # "What is the difference between wget and curl?", "How does a grand jury differ from a trial
        # jury?": an answer to how two things differ names both; one naming only one of them (the
        # notes' wget, their jury trial) says what that one is, not how it differs from a thing the
        # notes found never name beside it.
        return _not_covered(result.question, hits, "the passages found never set the two things asked side by side",
                            passages)
    # The best sentence decides above whether and how surely the notes answer; the order it is
    # shown in is the passage's when it opens by comparing with a sentence before it.
    chosen = _compared_after(chosen, names)
    chosen = _row_after(chosen)
    chosen = _kind_first(chosen, kind, result.question)
    chosen = _named_before_pronoun(chosen, kind, result.question)
    chosen = _sentence_before_row(chosen)
    chosen = _notes_last(chosen, result.question)
    if tier == CONFIDENT and (about_the_notes(chosen[0][0].text, result.question)
                              or about_the_notes(chosen[0][1], result.question)):
        # "Who set up the South Sea Company?" / "These notes describe the South Sea Company ... They
        # cover how the company was set up ...": an answer that opens about the notes even after the
        # sentences about them go last (`_notes_last`) says what they cover in the question's words,
        # not what was asked (ans29, confident, naming no one).
        tier = CLOSEST
    return Answer(result.question, tier, tuple(text for _, text in chosen),
                  tuple(_citation(c, text) for c, text in chosen), _topics(hits), top_score=top, passages=passages,
                  match=first.match, similarity=first.similarity, kind_ok=first.kind_ok,
                  passage_match=passage_match, unplaced=unplaced, fit=fit, tier_match=tier_match)


# "What does -k do?", "what does --spider do": what one term (most often an option) does. Its line
# opens with the term, after a lead-in ending ":" if any ("Several options control what recursion
# fetches: `-k` or `--convert-links` converts the links ...").
_ASKS_WHAT_IT_DOES = re.compile(r"^\s*what\s+(?:does|do|did)\s+[`'\"“‘]?(?P<term>[^\s`'\"”’?]+)[`'\"”’]?\s+do\s*\??\s*$", re.I)


def _says_what_it_does(question: str, c: Candidate) -> bool:
    """Whether `c` is the line of the one term whose doing the question asks ("What does -k do?"),
    opening with the term: a rare term (an option, a setting) leaves every passage far in meaning,
    and one term has no neighbours to vouch for the answer (ans29, declined "no passage is close")."""
    asked = _ASKS_WHAT_IT_DOES.match(question)
    if not asked:
        return False
    term = re.escape(asked.group("term"))
    return any(re.match(rf"(?:[^:\n]*:\s+)?(?:the\s+)?[`'\"“‘]?{term}(?![\w-])", text, re.I) for text in (c.text, *c.parts))


def _known_share(terms: list[QueryTerm], passage: str, lexical: LexicalIndex) -> float:
    """Share of the weight of the question's words the notes use that `passage` carries (1.0 when
    the notes use none of them: nothing to read)."""
    known = [t for t in terms if any(a in lexical.doc_freq for a in t.alternatives)]
    return match_share(known, set(tokenize(passage)), set(), 0.0) if known else 1.0


def _weak_answer(similarity: float, match: float, passage_match: float, policy: AnswerPolicy,
                 vouched: bool = False) -> bool:
    """Whether the best sentence is too far from the question in meaning for the share of its
    weight that it (`match`) and its passage carry: the cosine it needs falls, step by step, as
    that share rises (see AnswerPolicy.weak_answer_similarity and scant_answer_similarity).
    `vouched`: the words vouch for it (see answer_question), and the remote step, which asks a
    sentence this far in meaning for nearly all the question's words, does not apply: a long
    sentence holding the question's phrase in a parenthesis ("... isothermal (constant
    temperature) processes ...") is far from it in meaning as a whole (bench/RESULTS.md 6ag)."""
    steps = ((policy.weak_answer_similarity, policy.weak_answer_match, policy.weak_answer_match),
             (policy.scant_answer_similarity, policy.scant_answer_match, policy.scant_passage_match))
    if not vouched:
        steps += ((policy.remote_answer_similarity, policy.remote_answer_match, policy.remote_answer_match),)
    return any(similarity < cosine and match < share and passage_match < passage_share
               for cosine, share, passage_share in steps)


def searches_agree(hits: list[Hit], cosine: float) -> bool:
    """The word search and the dense search found the same passage best, at least this close in
    meaning to the question. Another course's question in the notes' words rarely brings both to
    one passage (bench/RESULTS.md 6i)."""
    best_dense = max(hits, key=lambda h: h.dense)
    best_lexical = max(hits, key=lambda h: h.lexical)
    return best_lexical.lexical > 0 and best_dense.row == best_lexical.row and best_dense.dense >= cosine


def _closest_row(hits: list[Hit]) -> int:
    return max(hits, key=lambda h: h.dense).row


def _with_similarity(scored: list[Candidate], query_vector: np.ndarray, embed: EmbedFn,
                     policy: AnswerPolicy) -> list[Candidate]:
    # The head of a long candidate (a list with its lead-in) carries its meaning; embedding a
    # shorter text keeps the cost of an uncached question low.
    chars = policy.semantic_chars
    # The best few are embedded whatever it costs; every other one whose vector is kept (the
    # index's sentence vectors, made when it was built) is compared too, at no cost: a sentence
    # that says the answer in other words than the question's is then judged by its meaning
    # (fact in the answer +0.004 on the development pool, bench/RESULTS.md 6j).
    kept = getattr(embed, "kept", None)
    # A build whose sentence vectors are still being made embeds fewer (sentence_vectors._Unstored).
    best = min(policy.semantic_candidates, getattr(embed, "embeds_at_most", policy.semantic_candidates))
    texts = [shown_text(c) for c in scored]  # each made once: this runs for every question
    free = kept([text[:chars] for text in texts]) if kept is not None else {}
    top, top_heads, seen = [], [], set()
    for c, text in zip(scored, texts):
        if text not in seen and (len(top) < best or text[:chars] in free):
            seen.add(text)
            top.append(c)
            top_heads.append(text[:chars])
    vectors = embed(top_heads)
    similarities = [float(v @ query_vector) for v in vectors]
    taken = {id(c) for c in top}
    rest = [c for c in scored if id(c) not in taken]
    return rescore_semantically(top, similarities, policy.semantic_weight, policy.sentence_ranker(), rest)


def _answers(c: Candidate, policy: AnswerPolicy, compared: bool = False, terms: list[QueryTerm] = (),
             names: list[QueryName] = ()) -> bool:
    """Could this sentence be an answer at all? Its words must match the question's (names and
    content), or its meaning must be very close. When sentences are `compared` in meaning, one
    that was not (it ranked below those that were) must match in words as a weak one must. A
    sentence that looks off topic may still be said where the question's names are (see
    `_named_around`)."""
    if poses_a_question(c.text):
        return False
    similarity = c.similarity if c.similarity is not None else -1.0
    if similarity >= policy.semantic_on_topic:
        return True
    if c.match < policy.min_match:
        return False
    if (c.similarity is not None or compared) and similarity < policy.answer_similarity and c.match < policy.weak_match:
        # A few shared words and little shared meaning: another course's question that happens
        # to use the notes' words ("Who represents the Scottish Parliament abroad?" on EU law).
        return False
    if c.on_topic == ON_TOPIC or (c.on_topic == IMPLICIT and similarity >= policy.implicit_on_topic):
        return True
    return c.on_topic == OFF_TOPIC and _named_around(c, terms, names, policy)


# "How exactly do we determine the maximum lag length p?", 'one might ask "why bother"?': a
# sentence of the notes ending with a question mark (after any closing quote or bracket) asks what
# the notes go on to answer, or leave open; it never says the answer itself, however many of the
# question's words it repeats (ans23 [162] was answered, confident, with the notes' own question).
_POSES = re.compile(r"\?[\"”’')\]]*\s*$")


_SHORT_OPTION = re.compile(r"(?<![\w-])-([A-Za-z])(?![\w-])")


def _other_case_option(text: str, question: str) -> bool:
    """Whether the text gives a short option the question names ("-C") only in the other case ("-c").
    Not when the question names both ("What's the difference between -o and -O?", ans30: every
    sentence giving one of the two was dropped)."""
    asked = {m.group(1) for m in _SHORT_OPTION.finditer(question)}
    given = {m.group(1) for m in _SHORT_OPTION.finditer(text)}
    return any(letter not in given and letter.swapcase() in given and letter.swapcase() not in asked
               for letter in asked)


# A name written as typed: joined by "_" ("GREP_OPTIONS", "max_connections"), an option ("-v",
# "--color"), or a lone symbol of one or two marks ("^", "+", "$$") standing between spaces.
_TYPED_NAME = re.compile(r"(?<![^\s`'\"(])(?:[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)+|--?[A-Za-z][\w-]*|"
                         r"[$^+*|\\{}\[\]<>%@#&~=]{1,2})(?=[\s`'\"),?]|$)")


# ... not one in a phrase setting a condition ("What content type does curl use for a -F file when it
# cannot guess one?", "... when uploading with -T?", "... when --wait is not given?"): the question is
# about something else, which a sentence may say without the option (ans30). English's prepositions
# and subordinators, one or two words before the name.
_CONDITION_BEFORE = re.compile(r"\b(with|without|using|via|for|in|on|under|when|if|unless|after|before|by|from)"
                               r"(\s+[\w'’]+)?\s+$", re.I)


def _typed_names(question: str) -> tuple[str, ...]:
    """The names the question writes as typed (`_TYPED_NAME`), outside a phrase of condition."""
    return tuple(dict.fromkeys(m.group() for m in _TYPED_NAME.finditer(question)
                               if not _CONDITION_BEFORE.search(question[:m.start()])))


_NOT_TYPED_BEFORE = r"(?<![\w\-^$+*|\\{}\[\]<>%@#&~=])"
_NOT_TYPED_AFTER = r"(?![\w\-^$+*|\\{}\[\]<>%@#&~=])"


def _said(c: Candidate) -> str:
    """A candidate's text as shown: its parts (with the sentence it leans on) joined, or its sentence."""
    return " ".join(c.parts) or c.text


def _shows_verbatim(c: Candidate, typed: tuple[str, ...]) -> bool:
    """Whether the sentence as shown holds every typed name of the question as written, standing
    alone (not inside a longer name: "-v" is not in "-vx", "^" not in "'^#'")."""
    text = _said(c)
    return all(re.search(_NOT_TYPED_BEFORE + re.escape(name) + _NOT_TYPED_AFTER, text) for name in typed)


# "Besides X, ...", "Apart from X, ...": the question asks for something other than X.
_SET_ASIDE = re.compile(r"^\s*(?:besides|apart from|aside from|other than|except for)\s+(?P<aside>[^,?]{1,60}?)\s*,", re.I)
# A sentence telling more than X: English's words of addition and contrast.
_MORE_THAN = re.compile(r"\b(?:also|too|other|others|another|besides|additionally|further|furthermore|moreover|"
                        r"as well|in addition|except|exception|excluding|apart|aside|beyond|but|only|not only|addition)\b", re.I)


# "X and Y", "X, Y and Z", "X, such as A, and Y", "Y or the X": X listed with something else (a comma
# alone may close a clause: "before typing the semicolon, the shell shows ...").
_LISTED_AFTER = re.compile(r"\s*(?:&|and\b|or\b)|\s*,(?:\s+[\w'’()-]+){1,5}?,?\s+(?:and|or)\b", re.I)
_LISTED_BEFORE = re.compile(r"(?:\band|\bor|&)\s+(?:(?:the|a|an)\s+)?$", re.I)
# "(called variously combustion chamber, firebox)": the last of a list after a comma, the list closing.
_LAST_LISTED = re.compile(r",\s+(?:(?:the|a|an)\s+)?$", re.I)
_LIST_CLOSED = re.compile(r"\s*(?:[)\].;,]|$)")


def set_aside(question: str) -> frozenset[str]:
    """The stems of what a question opening "Besides X, ..." (`_SET_ASIDE`) sets aside."""
    found = _SET_ASIDE.match(question)
    return frozenset(tokenize(found.group("aside"))) if found else frozenset()


def _only_what_is_set_aside(c: Candidate, aside: frozenset[str]) -> bool:
    """Whether the sentence names what the question sets aside, alone: not listed with another thing
    (`_LISTED_AFTER`, `_LISTED_BEFORE`) and with no word telling of more (`_MORE_THAN`)."""
    text = _said(c)
    if _MORE_THAN.search(text):
        return False
    held = False
    for word in re.finditer(r"[\w'’-]+", text):
        if not set(tokenize(word.group())) & aside:
            continue
        held = True
        if (_LISTED_AFTER.match(text, word.end()) or _LISTED_BEFORE.search(text[: word.start()])
                or _LAST_LISTED.search(text[: word.start()]) and _LIST_CLOSED.match(text, word.end())):
            return False
    return held


# The setting a default is asked of: "What is the default column separator in list mode?", "What
# port does the daemon listen on by default?", "Which key style does tmux use by default ...?".
_DEFAULT_OF = re.compile(r"^\s*(?:what|which)\s+(?:(?:is|are|was|were)\s+)?(?:the\s+)?default\s+"
                         r"(?P<setting>[\w-]+(?:\s+[\w-]+){0,2}?)\s*(?:\b(?:in|for|of|on|at|by|to|from|with|between|after|before|used|when|that|does|do|is|are)\b|\?|$)|"
                         r"^\s*(?:what|which)\s+(?P<noun>[\w-]+(?:\s+[\w-]+)?)\s+(?:does|do|did|is|are|was|were|will|can)\b", re.I)


def _setting_asked(question: str) -> frozenset[str]:
    """The stems of the setting a question asks the default of (`_DEFAULT_OF`), or none."""
    found = _DEFAULT_OF.match(question)
    if not found:
        return frozenset()
    # "What is the default setting of .bail?": a setting named as typed after "of" is the one asked
    # ("the default logging level of the daemon" asks the level).
    of = re.match(r"\s*of\s+(?:the\s+)?([.\-`][^?,\s]{1,30})", question[found.end("setting"):]) if found.group("setting") else None
    return frozenset(tokenize(of.group(1) if of else found.group("setting") or found.group("noun"))) - {"default"}


def _gives_the_default(c: Candidate, typed: tuple[str, ...], setting: frozenset[str]) -> bool:
    """Whether a sentence on the question's topic naming the setting asked (and showing the
    question's typed names) says its value unset."""
    text = _said(c)
    return (c.on_topic == ON_TOPIC and gives_a_default(text) and bool(setting & set(tokenize(text)))
            and (not typed or _shows_verbatim(c, typed)))


def poses_a_question(text: str) -> bool:
    """Whether a sentence (not code) is itself a question (`_POSES`)."""
    return not is_code_block(text) and bool(_POSES.search(text))


def _named_around(c: Candidate, terms: list[QueryTerm], names: list[QueryName], policy: AnswerPolicy) -> bool:
    """An off-topic sentence that answers all the same: it names everything the question names and
    carries at least `weak_match` of its weight, though not the question's other words ("What
    profession does Zbigniew Badowski have?" / "designed by architects ... Zbigniew Badowski"); or
    it has the question's other words, and the names it leaves out are in its passage ("What did
    Lempicka represent?" / "... she represented the Art Deco style", after a sentence naming her).
    A question about another course rarely finds its names in the passage of a sentence that
    holds its words (bench/RESULTS.md 6g)."""
    if not names:
        return False
    own = set(tokenize("\n".join(c.parts or (c.text,)))) | set(tokenize(" ".join(c.hit.chunk.heading_path)))
    missing = [n for n in names if not n.found_in(own)]
    if not missing:
        return c.match >= policy.weak_match
    others = plain_terms(terms, names)
    if others and not any(t.found_in(own) for t in others):
        return False
    passage = set(tokenize(c.hit.chunk.embedding_text()))
    return all(n.found_in(passage) for n in missing if not n.common)


# "When was this edict declared?": the question points at something it does not name (a
# conversation's or a textbook's context), so no passage can be known to be the one meant.
_POINTS_AWAY = re.compile(r"\b(this|these|those)\s+(?!is\b|was\b|are\b|were\b)[a-z]", re.I)


# A path or a dotted name as code writes it: "debian/rules", "/usr/share/doc", "typing.Annotated",
# "os.path.join". Each part two characters or more, so "U.S." and "e.g." are none; "3.10" opens
# with a digit.
_CODE_NAME = re.compile(r"(?<![\w./])/?[A-Za-z_][\w-]+(?:[./][A-Za-z_][\w-]+)+")
# Two words joined by one slash ("June/July", "and/or", "input/output") are a path only when one of
# them is no everyday English word ("debian/rules"): `common_word` tells.
_WORD_PAIR = re.compile(r"[A-Za-z]+/[A-Za-z]+")


def _names_unheld_code(question: str, hits: list[Hit], common_word: Callable[[str], bool] | None) -> bool:
    """Whether the question names a path or a dotted name (`_CODE_NAME`) that no passage found
    holds as written. Its words alone then make a sentence look like an answer: "What is the
    purpose of the debian/rules file?" on notes that never name that file took "These rules are
    important because ..." with "Debian" elsewhere, and "What is typing.Annotated used for?" a
    sentence pointing to the `typing` module, both confident (bench/RESULTS.md 6ao). Such an answer
    is the closest passage at most: whether it is about the thing asked is not known."""
    names = [_bare(name) for name in _CODE_NAME.findall(question)
             if not _WORD_PAIR.fullmatch(name)
             or common_word is not None and not all(common_word(w.lower()) for w in name.split("/"))]
    if not names:
        return False
    texts = [_bare(h.chunk.text) for h in hits]
    return any(not any(name in text for text in texts) for name in names)


# A long command-line option as written ("--compressed", "--bind-dns-address", "--bwlimit=5000": its
# name without the value).
_LONG_OPTION = re.compile(r"(?<![\w-])--[A-Za-z][\w-]*[A-Za-z0-9]")


def _unheld_options(question: str, hits: list[Hit]) -> list[str]:
    """The long options the question names that no passage found holds as written: another option
    than the notes' ("--bind-dns-address" where they give "--bind-address")."""
    options = list(dict.fromkeys(_LONG_OPTION.findall(question)))
    if not options:
        return []
    held = {found for h in hits for found in _LONG_OPTION.findall(h.chunk.text)}
    return [o for o in options if o not in held]


def _bare(text: str) -> str:
    """Lower case without underscores: a chat question loses the underscores that wrap a word
    ("fn.__annotations__" arrives as "fn.annotations": Discord reads them as markup)."""
    return text.lower().replace("_", "")


def _dated_where_its_verb_is(scored: list[Candidate], question: str) -> list[Candidate]:
    """A sentence dated only by a year inside a name ("The Tariff Act of 1930 ... was a law that
    implemented protectionist trade policies", `question_kind.without_named_years`) and without the
    question's verb does not date what the question asks ("when was the smoot hawley act signed?"):
    the first sentence after it that says the question's verb with a date of its own ("President
    Herbert Hoover signed the bill into law on June 17, 1930.") goes first (ans31). A named year with
    the question's verb ("In the course of the Polish-Bolshevik War of 1920, the huge Battle of Warsaw
    was fought ...") dates it, and nothing moves."""
    from bot.core.nlp import parse_line

    verbs = {s for t in parse_line(" ".join(question.split())) if t.pos_ == "VERB" for s in tokenize(t.lemma_)}
    if not verbs or not scored:
        return scored

    def says_the_verb(c: Candidate) -> bool:
        return bool(verbs & set(tokenize(shown_text(c))))

    def dated(c: Candidate) -> bool:
        return has_kind(without_named_years(shown_text(c)), DATE, question)

    first = scored[0]
    if dated(first) or says_the_verb(first) or not has_kind(shown_text(first), DATE, question):
        return scored
    found = next((c for c in scored[1:] if dated(c) and says_the_verb(c)), None)
    return scored if found is None else [found, *(c for c in scored if c is not found)]


def _names_a_polity(text: str) -> bool:
    """Whether `text` names a city, a town or a country: the parse finds one (spaCy's GPE), or the
    sentence says what a name is in English's words for one ("the Roman town of Pompeii", "Visby was
    considered the trading capital": the small model reads Pompeii and Visby as no place)."""
    from bot.core.nlp import parse_line

    return bool(POLITY_WORD.search(text)) or any(e.label_ == "GPE"
                                                  for e in parse_line(" ".join(text.split())).ents)


def _tier(best: Candidate, policy: AnswerPolicy, question: str = "", renamed: bool = False,
          match: float | None = None) -> str:
    """Confident only when the sentence says what was asked in the question's own terms and
    meaning, and the question says what it is about; otherwise the closest passage, which may
    not answer. A sentence saying what was asked under another name of the notes (`renamed`:
    "The GLF was ..." for "What is the Great Leap Forward?", "the electron transport chain (ETC)"
    for "What does ETC stand for?") is as close in meaning as its words say, whatever the model's
    cosine, which does not know that the two names are one. `match`: the share of the question's
    weight the sentence carries, as the tier weighs it (the candidate's own by default)."""
    match = best.match if match is None else match
    close = renamed or best.similarity is None or best.similarity >= policy.confident_similarity
    confident = (best.kind_ok and match >= policy.confident_match and close
                 and not _POINTS_AWAY.search(question) and not _denies_what_is_asked(question, best.text))
    return CONFIDENT if confident else CLOSEST


# "What was the name of the 1972 Supreme Court case that ...?": the name of something the question
# describes, not "what was X called" (answered in lower case, "a new peerage, the kazoku") nor a
# name as a thing ("a target name", "the remote file's name").
_ASKS_THE_NAME_OF = re.compile(r"^\s*what\s+(is|was|are|were)\s+the\s+names?\s+of\s+(a|an|the)\b", re.I)


def _gives_a_name(c: Candidate, question: str, terms: list[QueryTerm]) -> bool:
    """Whether the sentence (with the sentence it leans on, as shown) gives a name: right after the
    question's words (`names_what_was_asked`), or a capitalised word the question does not use."""
    said = _said(c)
    return names_what_was_asked(said, terms) or holds_a_name(said, question)


def _sets_beside(pair: tuple[str, str], shown: list[str]) -> bool:
    """Whether the shown sentences name both things a question compares (`question_kind.compared_pair`)."""
    stems = set(tokenize(" ".join(shown)))
    return all(any(s == t or same_family(s, t) for t in stems) for s in pair)


_SUBJECT_SLOT = 4  # content words: "In the U.S. accounts, GDP covers ...", "A peremptory challenge lets ..."


def _says_of(c: Candidate, own: str, other: str) -> bool:
    """Whether the sentence says something of one compared thing alone: its own word opens the
    sentence (among its first content words, where the subject stands) and the other's is nowhere."""
    words = tokenize(c.text)
    return (any(w == own or same_family(w, own) for w in words[:_SUBJECT_SLOT])
            and not any(w == other or same_family(w, other) for w in words))


def _sides_first(chosen: list[tuple[Candidate, str]], scored: list[Candidate],
                 pair: tuple[str, str]) -> list[tuple[Candidate, str]]:
    """"difference between gdp and gnp?": the notes set the two side by side, a sentence on each in
    one passage ("In the U.S. accounts, GDP covers the goods and services produced by labor and
    property located in the United States ..." / "GNP covers the goods and services produced by
    labor and property supplied by U.S. residents ..."); those two, in the notes' order, answer how
    the two differ, before a sentence naming both in general ("Both GDP and GNP are defined in terms
    of goods and services produced, but they use different rules for coverage.": ans32, confident
    miss) or one on one side only (ans30's challenge for cause). The pair of the best score within
    two sentences of each other; the answer keeps its length (two sentences at least)."""
    a, b = pair
    best, best_score = None, None
    for x in scored:
        if not _says_of(x, a, b):
            continue
        for y in scored:
            if (y.hit.chunk is x.hit.chunk and 0 < abs(y.position - x.position) <= 2 and _says_of(y, b, a)
                    and (best_score is None or x.score + y.score > best_score)):
                best, best_score = tuple(sorted((x, y), key=lambda c: c.position)), x.score + y.score
    if best is None:
        return chosen
    sides = [(c, shown_text(c)) for c in best]
    rest = [(c, text) for c, text in chosen if c not in best]
    return [*sides, *rest][:max(len(chosen), len(sides))]


_DENIED = re.compile(r"\b(not|never)\b|n['’]t\b", re.I)
_YES_OR_NO = re.compile(r"\s*(is|are|was|were|does|do|did|can|could|will|would|should|has|have|had)\b", re.I)


def _denies_what_is_asked(question: str, text: str) -> bool:
    """Whether the sentence denies what the question takes as done: "Why was Koprowski's 1950 vaccine
    approved for use in the United States?" / "His vaccine was not approved for use in the United
    States" (ans31, adversarial, answered confident). A verb of the question is the sentence's main
    verb, negated there ("not", "never"). Not a verb negated in a clause of the sentence ("fatal errors
    ... which are not retried" for "How many times does wget retry?"), nor for a question that
    negates itself or asks yes or no ("Was the vaccine approved?" is answered "was not approved")."""
    if not _DENIED.search(text) or negates(question) or _YES_OR_NO.match(question) or "\n" in text:
        return False
    from bot.core.nlp import parse_line

    # (Any verb of the question: the parser reads "Why was X approved ...?" as "was" with "approved" in a clause.)
    asked = [t for t in parse_line(" ".join(question.split())) if t.pos_ == "VERB"]
    said = [t for t in parse_line(" ".join(text.split())) if t.dep_ == "ROOT" and t.pos_ == "VERB"
            and any(c.dep_ == "neg" for c in t.children)]
    return any(a.lemma_.lower() == s.lemma_.lower() for a in asked for s in said)


def _says_more_than_its_context(c: Candidate, asked: frozenset[str]) -> bool:
    """Whether a runner-up pointing back through a preposition ("After this period, the soft limit
    will be treated like a hard limit", after "... a grace period within which a soft limit may be
    exceeded") holds more of the question's words (`asked`, stems) than the sentence it leans on
    adds to it: then it says something asked for of its own, and is shown after that sentence
    when the answer already shows it. One that only rides on that sentence's words ("During this
    time the office was moved ...") is not (bench/RESULTS.md 6j, 6ay)."""
    if not points_back_in_passing(c.text):
        return False
    own = set(tokenize(c.text)) & asked
    return len(own) > len((set(tokenize(c.context)) & asked) - own)


def _choose(scored: list[Candidate], kind: str | None, policy: AnswerPolicy,
            every: list[Candidate], asked: frozenset[str] = frozenset(), question: str = "") -> list[tuple[Candidate, str]]:
    """The best sentence first (with its context when it cannot stand alone; with the sentence after
    it when it only restates the question, `asked` its stems, and no runner-up from elsewhere is
    closer), then close
    runners-up: one for a fact, more for a list, a cause or an explanation. No text is shown
    twice (a list's lead-in is quoted once however many of its items answer). Runners-up must
    hold what a checked kind asks for (a date for "when") when the best one does."""
    limit = policy.max_sentences if kind in LONG_KINDS else 1 if kind == EXPANSION else min(2, policy.max_sentences)
    best = scored[0]
    if kind == REASON and not gives_a_cause(best.text):
        best = _with_its_cause(best, every)
    # A lead-in chosen first is shown with the items it introduces, whatever the kind: alone ("The
    # `/etc/shadow` file contains the following fields:") it only says that a list follows, and its
    # items hold what it is about (bench/RESULTS.md 6al).
    # One ending ":" that no list item follows ("GNU make has two types of prerequisites:" and, on
    # the next line of a PDF's text, "normal prerequisites and order-only prerequisites.") is
    # shown with the sentence after it, which is what it introduces.
    best = _with_what_it_introduces(best, every)
    # So is the first sentence of a line opening with a label ("Water, H2O: 2 bonding pairs, 2 lone
    # pairs. Bent, bond angle 104.5°."): the line's later sentences say more of what it labels.
    best = _with_the_rest_of_its_line(best, every)
    # One that lacks what a checked kind asks for (a place for "where", a date for "when") is shown
    # with the sentence after it when that one holds it: "Four exemplifications (official copies) of
    # the 1215 text survive." / "Two are held at the British Library, one at Lincoln Castle ...".
    best = _with_the_kind_after_it(best, every, kind)
    # A question asking what came after an event ("What was Old Briton's response to Celeron?", "When a
    # commission reached no decision, what happened?") finds the sentence telling the event, which
    # holds its words; the notes tell what followed in the sentence after it ("Céloron threatened "Old
    # Briton" ..." / ""Old Briton" ignored the warning."), which shares few of them. Shown as one quote
    # with it, in a runner-up's place (bench/RESULTS.md, session 28 ansrank).
    if asks_what_followed(question) and kind not in LONG_KINDS:
        followed = _with_what_follows(best, every)
        if followed is not best:
            best, limit = followed, limit - 1
    chosen = [(best, shown_text(best, long=kind in LONG_KINDS or _leads_a_list(best)))]
    shown = set(best.parts)
    if kind == EXPLANATION and best.defines:
        following = _following(best, every)
        if following is not None and label_of(best.text) and label_of(following.text):
            # A glossary line ("FFR: Federal funds rate, the overnight interbank rate ...") is
            # followed by another term's ("OMO: Open market operation, ..."): that explains
            # something else, and would take the place of a sentence on the term asked.
            following = None
        text = shown_text(following, frozenset(shown), long=True) if following is not None else ""
        if text and limit > 1:
            chosen.append((following, text))
            shown |= set(following.parts)
    ratio = policy.follow_ratio if policy.sentence_ranker() is None else policy.follow_chance
    restating = _restates(best, asked)
    # ...and the answer may go on from it (see below): not when it holds the kind a checked question
    # asks for, nor a cause for a why.
    # So may one that says the answer depends on a condition it does not settle ("`os.listdir` can do
    # both, depending on whether you provided the directory path as bytes or a Unicode string."): the
    # sentences after it give each case (bench/RESULTS.md 6al).
    goes_on = (restating or _defers(best.text)) and not (best.kind_ok and kind in CHECKED
                                                          or kind == REASON and gives_a_cause(best.text))
    for other in scored[1:]:
        if len(chosen) >= limit or other.score < ratio * best.score:
            break
        if best.kind_ok and not other.kind_ok:
            continue
        if other.lead_in in shown and other.lead_in.endswith(":") and kind != LIST:
            continue  # another item of a list already quoted: only a list question wants them all
        if (other.context in shown and other.context in other.parts and kind not in LONG_KINDS
                and not (other.code or is_code_block(other.context)) and not restating
                and not _says_more_than_its_context(other, asked)
                and not (kind in (DATE, NUMBER) and has_kind(other.text, kind))):
            # "It was later called the first oil shock." quoted with the sentence it leans on, which
            # the answer already shows: it scores as that sentence does but adds nothing asked for,
            # and takes the place of a runner-up from elsewhere (fact in the answer +0.002 at 0.04
            # fewer sentences on the development pool, bench/RESULTS.md 6j). Not when it brings code
            # ("It is called as [code] so it should be declared with two parameters: [code]"), nor
            # after code: what follows it says what the code does ("This will create the ... directory").
            # Nor after a first sentence that only restates the question ("Some Python modules are
            # also useful as scripts." / "These can be invoked using python -m module ..."): what
            # leans on it goes on to the answer. Nor when it points back through a preposition and
            # says more of the question than the shown sentence adds (`_says_more_than_its_context`).
            # Nor when a date or a figure is asked and it gives one of its own ("Warsaw's first stock
            # exchange was established in 1817 ..." / "It was re-established in April 1991, ..." for
            # "When was Warsaw's stock exchange brought back to life?"): the value asked may be its.
            continue
        if goes_on and len(chosen) == 1 and other.hit.row == best.hit.row and other.position == best.position + 1:
            # The sentence after a first one restating the question is close behind it: shown with
            # it, as one quote, as when nothing is close behind (below); it takes a runner-up's place.
            followed = _with_what_follows(best, every)
            chosen = [(followed, shown_text(followed, long=kind in LONG_KINDS))]
            shown |= set(followed.parts)
            limit -= 1
            continue
        # A runner-up introducing a list is shown with its items, as a first one is: alone ("There
        # were four major kontors:") it says only that a list follows, and its items hold what it
        # was chosen for (its score read them).
        other = _with_what_it_introduces(other, every)
        text = shown_text(other, frozenset(shown), long=kind == LIST or _leads_a_list(other))
        if text and not set(other.parts) <= shown:
            chosen.append((other, text))
            shown |= set(other.parts)
    if len(chosen) == 1 and goes_on and len(chosen[0][0].parts) == len(best.parts):
        # A first sentence that only says the question again, and nothing close behind it: the
        # sentence after it in its passage, where the notes most often go on to the answer. Not
        # in place of a runner-up ("The three sources of European Union law are ..." is followed
        # by the answer scored second, not by the sentence after it).
        followed = _with_what_follows(best, every)
        chosen = [(followed, shown_text(followed, long=kind in LONG_KINDS))]
    return chosen


# A sentence opening by setting itself beside what its section said before: "Likewise if a program
# has a copyright notice but no statement ...", "Beyond that difference, pads are exactly like
# ordinary windows", "Similarly, ...", "In that case, ...". Closed-class words of English, not a
# course's: what it is compared with is said earlier, and read first there (RESULTS 6ar).
_COMPARED_BACK = re.compile(r"^\W*(likewise|similarly|equally|conversely|otherwise|"
                            r"in (the )?same (way|manner|vein)|in (that|this|either|each|such a) case|"
                            r"(beyond|apart from|aside from|other than|except for) (that|this|these|those)|"
                            r"(by|in) contrast(?=,)|in (this|that|the same) way|of (these|those|them)(?=,))\b", re.I)


def _compared_after(chosen: list[tuple[Candidate, str]], names: list[QueryName] = ()) -> list[tuple[Candidate, str]]:
    """The answer's sentences in the order of their notes when the first one opens by comparing
    itself with what its section said before (`_COMPARED_BACK`) and the next one is from that same
    section, earlier: chosen first on the question's words, the compared sentence reads only after
    the one it leans on, which most often says what was asked ("Therefore a program without a
    copyright notice is copyrighted ..." / "Likewise if a program has a copyright notice but no
    statement ..."). Nothing is added or left out. Not when the compared sentence gives a name of the
    question the earlier one lacks (`names`): it is then a case of its own, set beside the one before
    ("Similarly, in Amministrazione delle Finanze v Simmenthal SpA, ..." after a sentence on Costa)."""
    if len(chosen) < 2:
        return chosen
    (first, _), (second, _) = chosen[0], chosen[1]
    one, other = first.hit.chunk, second.hit.chunk
    # Earlier in the same section of the same note: a passage boundary may fall between the two
    # ("A pad is a special case of a window; ..." [code] "Beyond that difference, pads are ...").
    earlier = (one.document == other.document and one.heading_path == other.heading_path
               and (other.position, second.position) < (one.position, first.position))
    held = set(tokenize(" ".join(second.parts or (second.text,))))
    own = set(tokenize(" ".join(first.parts or (first.text,))))
    named = all(name.found_in(held) for name in names if name.found_in(own))
    if _COMPARED_BACK.match((first.parts or (first.text,))[0]) and earlier and named:
        return [chosen[1], chosen[0], *chosen[2:]]
    return chosen


# A line of a table ("1913 | Suffrage parade of 5,000 ...") or a label and what it stands for
# ("1868–1872: von Richthofen works in China."): a short label (no more than four words, no
# sentence end, no bracket) before ":", or the loaders' cell separator (`TABLE_CELLS`).
_ROW = re.compile(r"^\W*(?:([^:.!?|()\n]{1,40}):\s|[^|\n]*" + re.escape(TABLE_CELLS) + ")")
# A sentence of prose: capitalised, its own end mark, no cell separator.
_PROSE = re.compile(r"^[\"'(]?[A-Z][^|\n]*[.!?][\"')]?$")
# ... and not one whose opening words lean on a name said before ("In 1912 he presented ...").
_OPENS_ON_PRONOUN = re.compile(r"^\W*(?:\S+\s+){0,4}?(he|she|it|they|this|these|his|her|its|their)\b", re.I)


def _row_body(text: str) -> str | None:
    """What a table row or a labelled line says (`_ROW`): its cells, or what follows its label."""
    head = _ROW.match(text)
    if not head:
        return None
    if head.group(1) is None:
        return text.replace("|", " ")
    return text[head.end():] if len(head.group(1).split()) <= 4 else None


def _row_after(chosen: list[tuple[Candidate, str]]) -> list[tuple[Candidate, str]]:
    """A later sentence of prose shown first when the one chosen first is a table row or a timeline
    or glossary line (`_row_body`) and the sentence says again most of what the row says: the row is
    the notes' summary of that sentence, chosen on the question's words, and the sentence says it in
    full ("1868–1872: von Richthofen works in China." / "... who worked in China as a geologist and
    geographer from 1868 to 1872."). Not a sentence that says something else: a glossary line most
    often answers what it defines. Nothing is added or left out."""
    if len(chosen) < 2:
        return chosen
    first = chosen[0][0]
    body = _row_body((first.parts or (first.text,))[0])
    said = set(tokenize(body or ""))
    if len(said) < 3:  # a bare label ("Clause 39: lawful judgment.") says too little to be said again
        return chosen
    for i, (c, _) in enumerate(chosen[1:], 1):
        head = (c.parts or (c.text,))[0].strip()
        if (_PROSE.match(head) and ":" not in head[:40] and not _OPENS_ON_PRONOUN.match(head)
                and 2 * len(said & set(tokenize(head))) >= len(said)):
            # with the sentences after it in its passage ("... the federal funds rate (FFR)." /
            # "It is the interest rate at which ...")
            j = i + 1
            while (j < len(chosen) and chosen[j][0].hit.chunk is chosen[j - 1][0].hit.chunk
                   and chosen[j][0].position == chosen[j - 1][0].position + 1):
                j += 1
            return [*chosen[i:j], *chosen[:i], *chosen[j:]]
    return chosen


def _kind_first(chosen: list[tuple[Candidate, str]], kind: str | None,
                question: str) -> list[tuple[Candidate, str]]:
    """The answer's first sentence holding the date or figure asked for, shown first when the one
    chosen first holds none ("When was the competence ... contested?": "With countries such as Spain
    not even having a crime against shipping toxic waste, Frattini proposed ..." / "The competence
    for the Union to do this was contested in 2005 ..."; "How many were in Langlade's expedition?":
    the sentence sending the expedition / "Langlade was given 300 men ..."). The first was chosen on
    the question's words, which a sentence setting the scene repeats; the one after it says what was
    asked. Nothing is added or left out, and the best sentence has already decided whether and how
    surely the notes answer. Not when the first answers a when-question in words, by a temporal
    clause ("... leaked to France well before Braddock's departure"), nor a how-many question by
    a count of nought ("None of the original treaties ... mention ..."), nor for a question of a
    person or a place, whose kind check (a capitalised name) holds for most sentences.

    So is the first one holding the form of value the question asks for, finer than its kind
    (`question_kind.form_asked`): a share for "What fraction of Europe's people were killed?" (not
    "75 to 200 million" deaths: "... killed 30 to 60 percent ..."), a span in units for "How long did
    it take ...?" (not "450 million ... 350-375 million": "... it took 200 years ..."), a figure for
    "What was the land tax rate set in 1873?" ("The Land Tax Reform Act of 1873 did away with ..." /
    "... an annual 3 per cent ..."), the chain of an order for "Which ... is the strongest?"
    ("Lone pairs repel more strongly than bonding pairs." / "The order of repulsion is: A > B > C."):
    course notes set the scene in the question's words and give the value after (bench/RESULTS.md,
    session 25, ansfirst2)."""
    if len(chosen) < 2:
        return chosen
    holds = form_asked(question, kind)
    if holds is not None and not holds(chosen[0][1]):
        moved = _first_that(chosen, lambda entry: holds(entry[1]))
        if moved is not None:
            return moved
    if kind not in (DATE, NUMBER) or chosen[0][0].kind_ok:
        return chosen
    shown = chosen[0][1]
    if kind == DATE and answers_when_in_words(shown) or kind == NUMBER and counts_none(shown):
        return chosen
    return _first_that(chosen, lambda entry: entry[0].kind_ok) or chosen


# "Who argued against the writs ...?" / "In February 1761 he argued ...", "Which option should you use
# ...?" / "Anyone using Pandoc on untrusted input should use it.": the person or thing asked stands as a
# pronoun, named in an earlier sentence of the same passage. Outside quotations.
_PRONOUN = re.compile(r"\b(he|she|him|her|it|they|them)\b", re.I)
_QUOTED = re.compile(r"\"[^\"]*\"|“[^”]*”")
_MONTHS = frozenset(MONTHS)
_ASKS_WHICH = re.compile(r"^\s*(?:in\s+|of\s+|on\s+|for\s+)?which\b", re.I)


def _named_before_pronoun(chosen: list[tuple[Candidate, str]], kind: str | None,
                          question: str) -> list[tuple[Candidate, str]]:
    """For "Who ...?" and "Which ...?", a sentence shown first that speaks of the one asked by a pronoun
    ("In February 1761 he argued in a Boston courtroom ...") goes after an earlier sentence of its own
    passage, shown too, that names without one ("James Otis, a Boston lawyer ..., was expected to
    defend the writs."): the first shares the question's words, the earlier one says who or which
    (session 27, ansfirst3). Nothing is added or left out."""
    if len(chosen) < 2 or not (kind == PERSON or _ASKS_WHICH.match(question)):
        return chosen
    first = chosen[0][0]
    plain = _QUOTED.sub(" ", (first.parts or (first.text,))[0])  # as shown: with a sentence it leans on
    pronoun = _PRONOUN.search(plain)
    if not pronoun or _PRONOUN.search(_QUOTED.sub(" ", question)):
        return chosen
    # Not when a name before the pronoun may be the one it stands for ("On May 14, 1796, Jenner
    # injected ... material he had obtained from ... a milkmaid, Sarah Nelmes."): a capitalised word
    # other than the sentence's first, a month, or a word of the question.
    asked = {w.lower() for w in words(question)}
    before = re.findall(r"[\w'’-]+", plain[:pronoun.start()])[1:]
    if any(w[:1].isupper() and w.lower() not in asked and w.lower() not in _MONTHS for w in before):
        return chosen

    def names_it(entry: tuple[Candidate, str]) -> bool:
        c, text = entry
        return (c.hit.row == first.hit.row and c.position < first.position
                and not _PRONOUN.search(_QUOTED.sub(" ", c.text)))

    return _first_that(chosen, names_it) or chosen


def _first_that(chosen: list[tuple[Candidate, str]], holds) -> list[tuple[Candidate, str]] | None:
    """`chosen` with its first later entry that `holds` moved to the front, the others in their order;
    None when no later entry does."""
    for i, entry in enumerate(chosen[1:], 1):
        if holds(entry):
            return [entry, *chosen[:i], *chosen[i + 1:]]
    return None


def _notes_last(chosen: list[tuple[Candidate, str]], question: str) -> list[tuple[Candidate, str]]:
    """A sentence about the notes themselves ("These notes explain Plessy v. Ferguson, the 1896
    decision ...", `sentences.about_the_notes`) shown after the answer's other sentences: it names the
    course's topics in the words questions use and so is often chosen first, while the sentence after
    it says what was asked ("Who was Ferguson in Plessy v. Ferguson?" / "Judge John Howard Ferguson
    ruled against Plessy ..."). Nothing is added or left out, and the best sentence has already
    decided whether and how surely the notes answer: demoting it in the ranking lost a fact the
    sentence alone held ("... the GNU Wget manual (... "by Hrvoje Nikšić and others")") and made a
    wrong answer confident (ans29, session 26)."""
    # Or as shown: "It explains the basic ideas ..." is shown after the "This guide introduces tmux
    # ..." it leans on, and says what the notes do as much as that sentence (ans31).
    about = [about_the_notes(c.text, question) or about_the_notes(text, question) for c, text in chosen]
    if len(chosen) < 2 or not about[0]:
        return chosen
    return [x for x, a in zip(chosen, about) if not a] + [x for x, a in zip(chosen, about) if a]


_FIGURES = re.compile(r"\d+")
# "late 17th century | End of the Hanseatic League" / "... lasted until the late seventeenth century":
# a figure the prose says as an English ordinal word.
_ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
             "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
             "eighteenth", "nineteenth", "twentieth")
_ORDINAL_WORD = re.compile(r"\b(" + "|".join(_ORDINALS) + r")\b", re.I)


def _figures(text: str) -> set[str]:
    """The figures of a text, an ordinal word ("seventeenth") read as its figure ("17")."""
    return set(_FIGURES.findall(text)) | {str(_ORDINALS.index(m.lower()) + 1) for m in _ORDINAL_WORD.findall(text)}


def _sentence_before_row(chosen: list[tuple[Candidate, str]]) -> list[tuple[Candidate, str]]:
    """A sentence of prose shown first when the one chosen first is a row of a table (cells joined
    by " | ") and the sentence gives every figure of the row and the kind asked: a timeline's row
    ("1997 | Magna Carta Place, Canberra, named", "1 March 1947 | IMF begins financial operations")
    says the fact in fragments and shares the question's words, while the notes' sentence on the
    same event ("... was named in an address by Sir Gerard Brennan, Chief Justice of Australia, on 12
    October 1997") says it whole, often with more of what was asked (session 25, ansfirst2). The
    sentence's own first part must give the figures: not one quoted after a sentence it leans on
    ("Frederick Banting was trained as a surgeon ... He ... graduated ... in 1916."), which would
    open the answer with the scene. Nothing is added or left out.
    A row showing something typed ("Kill a session | `tmux kill-session -t myname`", "`-x host:port` |
    use a proxy") is said whole only by a sentence showing it too: a row of a table of commands or
    keys has no figure, and the prose around it ("Once all sessions are killed, tmux exits.") does
    not say what to type (ans31)."""
    if len(chosen) < 2 or TABLE_CELLS not in chosen[0][1] or is_code_block(chosen[0][1]):
        return chosen
    figures = set(_FIGURES.findall(chosen[0][1]))
    typed = set(CODE_SPAN.findall(chosen[0][1]))

    def says_the_row(entry: tuple[Candidate, str]) -> bool:
        c, text = entry
        opening = (c.parts or (text,))[0]
        return (TABLE_CELLS not in text and not is_code_block(text) and c.kind_ok
                and figures <= _figures(opening) and typed <= set(CODE_SPAN.findall(opening)))

    return _first_that(chosen, says_the_row) or chosen


# An event told as the consequence of the sentence before it: its cause is there.
_CONSEQUENCE = re.compile(r"^\W*(the (result|outcome|consequence|effect) (was|is|of)|as a (result|consequence)|"
                          r"consequently|therefore|thus|hence|so|accordingly|this (led|resulted|caused|meant))\b", re.I)


def _with_its_cause(best: Candidate, every: list[Candidate]) -> Candidate:
    """The event a why-question names, shown with the sentence of its passage that gives the cause.
    That sentence rarely repeats the question's names ("Caesar was assassinated in the Senate ... A
    group of senators feared that a dictator for life would make himself king."), so it scores
    below the event restated; next to it, it answers. The sentence after the event when it gives a
    cause; else the one before, where the notes often give it ("Tensions rose as ... By 1960, the
    Soviets withdrew their advisors."), and always when the event opens as a consequence of what
    went before ("The result was a depreciation of the dollar.")."""
    following = _following(best, every)
    if (following is not None and (gives_a_cause(following.text) or explains(following.text))
            and following.text not in best.parts
            and not _CONSEQUENCE.match(best.text)):
        return replace(best, parts=(*best.parts, following.text))
    if best.context and best.context not in best.parts:
        return replace(best, parts=(best.context, *best.parts))
    return best


# "depending on whether ...", "depends on how ...": what follows is the condition, not the outcome.
_DEFERS = re.compile(r"\bdepend(?:s|ing)?\s+(?:up)?on\s+(?:whether|if|how|which|what)\b", re.I)


_OPTION_NAME = re.compile(r"(?<![\w-])--([a-z][a-z0-9]*(?:-[a-z0-9]+)*)")
_SAYS_NOT = re.compile(r"\bnon-|\b(not|no|never|without)\b|n['’]t\b", re.I)


def _option_fits(c: Candidate, question: str) -> bool:
    """Whether a line giving an option answers what a question asking for an option says in words
    the word search reads as nothing: a long option named by a small word of the question ("after"
    in "Which option prints lines after each match?" / "--after-context", not "--before-context"),
    or a negation when the question negates ("... lines that do NOT match?" / "-v or
    --invert-match: ... non-matching lines are selected", not "-x ...: select only matches")."""
    text = _said(c)
    names = [m.group(1).split("-") for m in _OPTION_NAME.finditer(text)]
    if not names:
        return False
    small = {w for w in re.findall(r"[a-z]+", question.lower()) if w in STOPWORDS} - _QUESTION_WORDS
    if any(small & set(parts) for parts in names):
        return True
    return negates(question) and bool(_SAYS_NOT.search(text))


_QUESTION_WORDS = frozenset("what which who whom whose when where why how do does did is are was were the a an "
                            "that this these those to of".split())


def _shows_typed(c: Candidate) -> bool:
    """Whether a candidate's shown text holds a code span or a code block: something to type."""
    return any(is_code_block(p) or CODE_SPAN.search(p) for p in (c.parts or (c.text,)))


def _defers(text: str) -> bool:
    """Whether a sentence says its outcome depends on a condition, named by a closed-class word
    (whether, if, how, which, what): English puts the cases after it."""
    return bool(_DEFERS.search(text))


def _with_what_it_introduces(c: Candidate, every: list[Candidate]) -> Candidate:
    """A sentence ending with ":" that introduces no list item nor code, shown with the sentence
    after it in its passage: a colon says that what it introduces follows, and a PDF's text or a
    plain line break may give it as the next sentence rather than as an item."""
    if c.followers or c.code or c.tail or is_code_block(c.text) or not c.text.rstrip().endswith(":"):
        return c
    if c.parts and c.parts[-1] != c.text:
        return c  # already quoted with what follows it
    return _with_what_follows(c, every)


def _with_the_rest_of_its_line(c: Candidate, every: list[Candidate]) -> Candidate:
    """A labelled line's first sentence with the line's later sentences (each read with it as the
    lead-in it leans on, `sentences._layout`), up to the answer's length of a list."""
    if not label_of(c.text) or c.parts and c.parts[-1] != c.text:
        return c
    rest = [o.text for o in sorted(every, key=lambda o: o.position)
            if o.hit.row == c.hit.row and o.position > c.position and o.lead_in == c.text]
    rest = [t for t in dict.fromkeys(rest) if t not in c.parts][:2]
    return replace(c, parts=(*c.parts, *rest)) if rest else c


def _with_the_kind_after_it(c: Candidate, every: list[Candidate], kind: str | None) -> Candidate:
    """`c` with the sentence after it in its passage when `c` lacks what a checked kind asks for and
    that sentence holds it. Not when `c` answers in words as `_kind_first` reads them (a temporal
    clause for "when", "none of" for "how many")."""
    if kind not in CHECKED or kind == EXPANSION or c.kind_ok or c.parts and c.parts[-1] != c.text:
        return c
    if kind == DATE and answers_when_in_words(c.text) or kind == NUMBER and counts_none(c.text):
        return c
    following = _following(c, every)
    if following is None or not following.kind_ok or following.heading_part:
        return c
    return _with_what_follows(c, every)


def _leads_a_list(c: Candidate) -> bool:
    """Whether a candidate is the line introducing a list (it ends with ":" and items follow it)."""
    return bool(c.followers) and c.text.rstrip().endswith(":")


def _restates(c: Candidate, asked: frozenset[str]) -> bool:
    """Whether most of a sentence's words are the question's: it says again what was asked ("It is
    good practice to use the `with` keyword when dealing with file objects." for "Why is it good
    practice to use with when working with file objects?"; "So far we've encountered two ways of
    writing values: expression statements and the print function." for "... what is a third way
    to write values?"). It shares the question's words and meaning more than any sentence saying
    the answer does, and notes most often give that answer in the sentence after it."""
    own = set(tokenize(c.text))
    return bool(own) and 2 * len(own & asked) >= len(own)


def _with_what_follows(best: Candidate, every: list[Candidate]) -> Candidate:
    """A sentence restating the question, shown with the sentence after it in its passage."""
    following = _following(best, every)
    if following is None or following.text in best.parts or is_code_block(following.text):
        return best
    return replace(best, parts=(*best.parts, following.text))


def _following(c: Candidate, every: list[Candidate]) -> Candidate | None:
    """The sentence after `c` in its passage: an explanation goes on where a definition starts."""
    return next((o for o in every if o.hit.row == c.hit.row and o.position == c.position + 1), None)


def _topics(hits: list[Hit]) -> tuple[str, ...]:
    seen: list[str] = []
    for h in hits:
        label = h.chunk.section or h.chunk.document
        if label not in seen:
            seen.append(label)
    return tuple(seen[:3])


_NOT_GIVEN = {NUMBER: "the notes give no figure for what is asked", DATE: "the notes give no date for what is asked"}


def _not_covered(question: str, hits: list[Hit], reason: str, passages: tuple[Citation, ...]) -> Answer:
    top = max((h.dense for h in hits), default=0.0)
    return Answer(question, NOT_COVERED, (), (), _topics(hits), reason, top, passages)


def _citation(c: Candidate, text: str) -> Citation:
    chunk: Chunk = c.hit.chunk
    return Citation(chunk.document, chunk.section, chunk.page, text, c.score, chunk.id)


def _passage_citation(hit: Hit) -> Citation:
    chunk = hit.chunk
    # A passage is quoted with its headings: they are part of what the notes say.
    return Citation(chunk.document, chunk.section, chunk.page, chunk.embedding_text(), hit.fused, chunk.id)

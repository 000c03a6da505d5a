"""What a person, body or country did, asked with options: "In September 1971, what did OPEC do?" with
"Issued a joint communiqué ..." among deeds the notes tell of other actors ("Banned flying, driving
and boating on Sundays", "Imposed prison sentences for ...").

Narrative notes (history, politics, law) are mostly past-tense statements of what someone did: the
who-did-what item (gen_actors) asks for the actor, which needs three other actors a student could
mistake for the answer; many sentences have none, or a deed any of several actors may have done.
Here the deed is the answer and the actor is shown, so the question needs only three deeds of the
same kind of actor (a person's for a person, a body's or a country's for those) that the notes never
tell of the one asked about:

- the deed is the sentence's main verb in the simple past with everything after it, active, not a
  verb of being, having or saying, with no clause reported ("held that ...") and nothing pointing
  back (a pronoun, "also", "then", "the matter": what the deed is about must be in its own words);
- a date the deed holds is moved into the question ("What did the Huguenots do in 1628?"), so the
  options do not differ by dates a student could match;
- a wrong option is a deed of another named actor, from a sentence that does not name the one asked
  about and shares under a fifth of its content words with any sentence that does (a second right
  answer said in other words is left out, as gen_actors does for its options);
- the options are of about the same length, so the answer is not the only long one;
- the three wrong options are deeds of three different actors, an actor's forms of name one actor
  ("Emperor Kublai Khan", "Kublai Khan" and "Kublai" one man: round 14 judged "What did Möngke Khan
  do?" weak with three of Kublai's deeds as its wrong options, the answer the only military one);
- a wrong option is of the question's time when both are placed (gen_periods, the who-items' rule):
  by the years of its sentence, else the years the notes place its actor in ("With the dismissal of
  Bayan, what did Toghtogha do?", a chancellor of 1340, was offered three of Kublai's deeds of the
  1260s-1280s, "no sense for a chancellor in 1340", round 14).

Nothing here names a course's things: actors, their kinds and deeds come from spaCy's parse of the
notes.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

from bot.core.quiz.gen_actors import shell_noun_points_back, second_subject
from bot.core.quiz.gen_lexicon import ChoiceQuestion
from bot.core.quiz.gen_numbers import years_in
from bot.core.quiz.gen_periods import fits_period
from bot.core.quiz.gen_standalone import gives_away
from bot.core.quiz.gen_text import content_words
from bot.core.tokens import fold

EVENT = "event"  # what the item tests: what someone did (an event of the notes), not a name or a year
# Under a who-did-what item with options on the same sentence (0.77: the actor is the more telling
# answer when it can be asked), over a year blanked in it (0.72-0.76).
DEED_QUALITY = 0.76
MIN_DEED_WORDS, MAX_DEED_WORDS = 3, 16
MAX_LENGTH_RATIO = 2.0  # a wrong option at most twice as long (or short) as the answer, in words
# An option half of whose content words (by their first five letters, so "captured" meets "capture")
# are in one sentence naming the actor asked about may be true of that actor too: left out. So is
# one half in words like the answer (two ways of telling one deed).
MAX_DEED_SUPPORT = 0.5
WRONG_OPTIONS = 3
# Verbs of being, having, becoming and seeming: a state, not a deed. Verbs of saying or ruling whose
# object is what was said: the deed is the claim, asked better as the claim (and "held that" of a
# court reads as a fragment without it).
_NOT_DEEDS = frozenset({"be", "have", "become", "remain", "seem", "appear", "say", "hold", "find", "claim", "argue",
                        "reason", "state", "note", "report", "believe", "think", "consider", "refer", "call",
                        "acknowledge", "comprise", "consist", "include", "contain", "lie", "stand", "die"})
# Words that point at what came before the sentence or at another telling: the deed would not say
# what it is about in its own words ("also joined", "then attacked", "the same").
_POINTING_WORDS = frozenset({"also", "then", "again", "instead", "too", "later", "thereafter", "subsequently",
                             "likewise", "similarly", "meanwhile", "this", "these", "those", "such", "former",
                             "latter", "same", "there", "here", "further", "nonetheless", "however", "still"})
# Collective actors are offered among each other (a country's deed for a body is as plausible as a
# body's), never among people.
_ACTOR_KINDS = {"PERSON": "person", "ORG": "collective", "GPE": "collective", "NORP": "collective"}
# Words of a deed that is one only beside another's, told before ("followed suit", "pushed for action
# to improve their respective claims"): read alone as an option, it says nothing.
_RELATIVE_DEEDS = frozenset({"suit", "respective", "respectively", "likewise", "similarly", "each", "other", "another"})


@dataclass(frozen=True)
class Deed:
    actor: str  # the subject as the sentence names it, without a leading "the"
    kind: str  # "person" or "collective"
    deed: str  # the predicate as an option writes it: capitalised, no date, no closing stop
    when: str  # a date phrase taken out of the predicate ("in 1628"), or ""
    opener: str  # a phrase of time or place before the subject ("In September 1971"), or ""
    sentence: str
    names: frozenset[str] = frozenset()  # the proper nouns of the deed ("Song", "Oswego")

    @property
    def words(self) -> int:
        return len(self.deed.split())


def deed_of(doc, kind_of=lambda name: None) -> Deed | None:
    """The deed a parsed sentence tells of a named actor, or None. `kind_of(name)` is the kind the
    notes give a name most often ("person", "place", "organisation", "group"), for a subject the
    parse labels no entity ("Heath asked ...")."""
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None or root.tag_ != "VBD" or root.pos_ != "VERB" or root.lemma_.lower() in _NOT_DEEDS:
        return None
    if root.lemma_.lower() == "pass" and any(c.dep_ == "prt" and c.lower_ == "away" for c in root.children):
        return None  # a death, as "died": what befell the actor, not a deed to ask about
    if any(c.dep_ in {"aux", "auxpass", "neg", "ccomp", "expl", "csubj"} for c in root.children):
        return None  # "had negotiated", "was granted", "did not", "said (that) ...", "There followed"
    subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.right_edge.i >= root.i:
        return None
    opener = _opening(doc, subject.left_edge.i)
    if opener is None:
        return None
    if any(c.dep_ in {"conj", "cc", "relcl", "acl"} for c in subject.children):
        return None  # several actors, or an actor described in passing: which one did it is not clear
    appositions = [c for c in subject.children if c.dep_ == "appos" and c.i > subject.i]
    last = subject.i if appositions else subject.right_edge.i
    if appositions and not (doc[subject.i + 1].text == "," and doc[appositions[0].right_edge.i + 1].text == ","):
        return None
    span = doc[subject.left_edge.i:last + 1]
    if any(t.pos_ not in {"DET", "PROPN", "PUNCT"} for t in span) or span[-1].pos_ != "PROPN":
        return None  # "The British government", "Libyan forces", "Arab oil producers": more than a name
    if span[0].pos_ == "DET" and span[0].lower_ != "the":
        return None
    actor = re.sub(r"^[Tt]he ", "", span.text)
    ents = [e for e in doc.ents if e.start >= span.start and e.end <= span.end]
    label = ents[0].label_ if len(ents) == 1 and ents[0].end == span.end else ""
    # The kind the notes give the name, not this sentence's label alone: the small model reads
    # "Loudoun" as a place here and a person there, and a person's deeds are not a country's.
    kind = _NOTES_KINDS.get(kind_of(actor) or "") or _ACTOR_KINDS.get(label)
    if label == "NORP" or any(t.tag_ == "NNPS" for t in span):
        kind = "collective"  # "the Mongols": a people, whatever the notes' votes; its deeds are not its leader's
    if kind is None or label and label not in _ACTOR_KINDS:
        return None  # a work, a law, an event or a date is no actor
    if kind is None:
        return None
    if second_subject(doc) or shell_noun_points_back(doc, root.i):
        return None
    predicate = [t for t in doc[root.i:] if not t.is_space]
    # A participle clause after a comma adds a side fact or a result ("..., establishing the Yuan
    # dynasty"): the deed is what comes before it.
    for clause in (c for c in root.children if c.dep_ == "advcl" and c.i > root.i):
        if doc[clause.left_edge.i - 1].text == ",":
            cut = {t.i for t in clause.subtree} | {clause.left_edge.i - 1}
            predicate = [t for t in predicate if t.i not in cut]
    while predicate and predicate[-1].is_punct:
        predicate.pop()
    when = ""
    # A date phrase of the deed ("in 1276", "between 1268 and 1273") at its end or before a comma.
    kept = {t.i for t in predicate}
    dated = [t for t in predicate if t.dep_ == "prep" and any(d.ent_type_ == "DATE" for d in t.subtree)
             and all(d.ent_type_ == "DATE" or d.dep_ in {"prep", "det", "cc"} for d in t.subtree)
             and (t.right_edge.i + 1 not in kept or doc[t.right_edge.i + 1].text == ",")]
    if len(dated) == 1:
        taken = {t.i for t in dated[0].subtree}
        when = " ".join(t.text for t in dated[0].subtree)
        predicate = [t for t in predicate if t.i not in taken]
        while predicate and predicate[-1].is_punct:
            predicate.pop()
    if any(t.ent_type_ == "DATE" for t in predicate):
        return None  # a date left in the deed: the options would differ by their dates
    if any(_pointing(t, kind) for t in [*doc[last + 1:root.i], *predicate]):  # "Salter also rebuilt ..."
        return None
    if any(t.lower_ in _RELATIVE_DEEDS for t in predicate):
        return None  # "followed suit", "their respective claims": a deed only beside one told before
    if any(t.text in {";", ":", "(", ")", '"', "“", "”", "[", "]", "-", "–", "—"} for t in predicate):
        return None
    text = _joined(predicate)
    if text.endswith(",") or not MIN_DEED_WORDS <= len(text.split()) <= MAX_DEED_WORDS:
        return None
    names = frozenset(t.text for t in predicate if t.pos_ == "PROPN" and len(t.text) > 1)
    return Deed(actor, kind, text[:1].upper() + text[1:], when, opener, doc.text, names)


# The kinds the notes' lexicon gives names (gen_lexicon), as the actors' kinds here.
_NOTES_KINDS = {"person": "person", "organisation": "collective", "group": "collective", "place": "collective"}
# Openers that give a cause: the why-card's (gen_purpose, gen_concept_causes), and a cause shown in
# the question would half answer it.
_CAUSAL_OPENERS = frozenset({"because", "since", "as", "so", "thus", "therefore", "hence"})
MAX_OPENER_WORDS = 12


def _opening(doc, start: int) -> str | None:
    """What comes before the subject, as the question's setting ("In 1755", "When war broke out"):
    "" for nothing, None when it cannot be shown (no comma after it, too long, a cause, a date
    without its comma is still a setting)."""
    if start == 0:
        return ""
    before = doc[:start]
    if before[0].lower_ in _CAUSAL_OPENERS or len(before) > MAX_OPENER_WORDS + 1:
        return None
    if any(t.lower_ in _POINTING_WORDS or t.tag_ in {"PRP", "PRP$"} for t in before):
        return None  # "Faced with this strength": which, only the sentence before says
    if before[-1].text == ",":
        return before[:-1].text
    if any(t.ent_type_ == "DATE" for t in before) and before[0].dep_ == "prep" and before[0].right_edge.i == start - 1:
        return before.text  # "In 1755 Braddock led ...": a date needs no comma
    return None


def _pointing(token, kind: str) -> bool:
    """A word of the deed that points at what the sentence does not show: a pronoun other than the
    actor's own possessive ("its territory" of a country, "his resources" of a person), or a word
    such as "also", "then", "the same"."""
    if token.lower_ in _POINTING_WORDS:
        return True
    if token.tag_ == "PRP$":
        # Not "his": "took bold action against his inertia" was another man's (whose, only the text before says).
        return kind == "person" or token.lower_ not in {"its", "their"}
    return token.tag_ in {"PRP", "WP", "WP$", "EX"}


def _joined(tokens) -> str:
    """Tokens written as the sentence writes them, with single spaces where a token was taken out."""
    out = ""
    for n, t in enumerate(tokens):
        out += t.text
        following = tokens[n + 1] if n + 1 < len(tokens) else None
        if following is not None and (t.whitespace_ or following.i != t.i + 1):
            out += " "
    return re.sub(r"\s+([,.])", r"\1", out).strip()


class DeedPool:
    """Every deed the notes tell of a named actor (the wrong options' pool), and every sentence, to
    tell which deeds might be true of the actor asked about."""

    def __init__(self, deeds: list[Deed], sentences: list[str]) -> None:
        self.deeds = deeds
        self.sentences = sentences
        # The sentences of deeds asked as items of their own: not offered as another item's wrong option,
        # where a student who met the one item would strike it out of the other (one fact, one item).
        self.asked: set[str] = set()
        # The years the notes place an actor in (gen_periods.PersonPeriods.of its forms of name), for
        # a deed whose sentence gives none; the caller's to set (none: only sentences' years count).
        self.placed = lambda actor: set()

    def years(self, deed: Deed) -> tuple[set[int], bool]:
        """When a deed was done: the years of its sentence (True), else those of its actor (False)."""
        own = years_in(deed.sentence)
        return (own, True) if own else (set(self.placed(deed.actor)), False)

    def of_the_time(self, deed: Deed, other: Deed) -> bool:
        """`other`, a wrong option for `deed`, is of its time when both are placed (gen_periods.fits_period,
        the who-items' rule): near the first year of the deed's sentence, else near its actor's years."""
        years, from_sentence = self.years(deed)
        option_years, _ = self.years(other)
        if not years or not option_years:
            return True
        return fits_period(option_years, years if from_sentence else set(), set() if from_sentence else years)

    def question(self, deed: Deed, forms: tuple[str, ...], shown: str = "") -> ChoiceQuestion | None:
        """"What did <actor> do?" with three deeds of other actors of its kind. `forms` are the
        names the notes call the actor by (its full name and the parts only it bears)."""
        names = tuple(f for f in dict.fromkeys((deed.actor, *forms)) if f)
        told = [s for s in self.sentences if any(_names(s, n) for n in names)]
        own = [content_words(s) for s in told]
        answer_words = content_words(deed.deed)
        wrong, seen = [], {fold(deed.deed)}
        for other in self.deeds:
            if other.kind != deed.kind or fold(other.deed) in seen or other.sentence == deed.sentence \
                    or other.sentence in self.asked:
                continue
            if any(_names(other.sentence, n) for n in names) or any(_names(other.actor, n) or _names(n, other.actor)
                                                                   for n in names):
                continue
            if not 1 / MAX_LENGTH_RATIO <= other.words / deed.words <= MAX_LENGTH_RATIO:
                continue
            if any(_names(s, n) for n in other.names for s in told):
                continue  # "commenced a campaign against the Song" for Kublai, whom the notes set against the Song too
            words = content_words(other.deed)
            if not words or any(len(words & s) >= MAX_DEED_SUPPORT * len(words) for s in own):
                continue  # the actor's own sentences say part of it: perhaps also true of the actor
            if len(words & answer_words) >= MAX_DEED_SUPPORT * len(words):
                continue  # close to the answer in words: two ways of saying one deed
            if not self.of_the_time(deed, other):
                continue  # a deed of another generation: ruled out by when it was done, not by the notes
            seen.add(fold(other.deed))
            wrong.append(other)
        if len(wrong) < WRONG_OPTIONS:
            return None
        rng = random.Random(f"deed\x1f{deed.sentence}")
        # One deed an actor, the deeds told nearest the answer first (of the same part of the story,
        # so as plausible as it; and not the same three options in every question of a note).
        place = {d.sentence: n for n, d in enumerate(self.deeds)}
        here = place.get(deed.sentence, 0)
        wrong.sort(key=lambda o: (abs(place[o.sentence] - here), rng.random()))
        chosen, actors = [], []
        for o in wrong:
            if not any(same_actor(o.actor, a) for a in actors):
                chosen.append(o.deed)
                actors.append(o.actor)
            if len(chosen) == WRONG_OPTIONS:
                break
        if len(chosen) < WRONG_OPTIONS:
            return None
        # The full name the notes give a person ("Kublai" -> "Kublai Khan"): one question an actor and
        # setting. Not a body's or a country's: "France" ends "New France", another country.
        who = shown if shown and deed.kind == "person" else deed.actor
        if who == deed.actor and re.match(rf"^[Tt]he {re.escape(deed.actor)}", deed.sentence.removeprefix(deed.opener).lstrip(" ,")):
            who = f"the {who}"
        prompt = f"What did {who} do{' ' + deed.when if deed.when else ''}?"
        if deed.opener:
            prompt = f"{deed.opener}, {prompt[:1].lower()}{prompt[1:]}"
        if gives_away(prompt, deed.deed, chosen):
            return None
        options = [deed.deed, *chosen]
        rng.shuffle(options)
        return ChoiceQuestion(prompt, deed.deed, tuple(options), EVENT, DEED_QUALITY)


def same_actor(one: str, other: str) -> bool:
    """Two names of one actor as far as the names tell: one is the other's words, whole, in the other
    ("Kublai" in "Kublai Khan" in "Emperor Kublai Khan"; not "Tan" in "Tangut"). Two khans sharing
    only "Khan" are two actors."""
    a, b = fold(one).split(), fold(other).split()
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    return bool(short) and any(long[i:i + len(short)] == short for i in range(len(long) - len(short) + 1))


def _names(text: str, name: str) -> bool:
    return bool(re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text))

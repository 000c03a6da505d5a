"""The generator's templates on people and bodies (generator._Generator): the who-did-what card of a person
(`_person_deed`), what an actor the notes return to did among the deeds of others (`_deed_item`, gen_deeds) and
which body or office does what a sentence says (`_role_item`, gen_roles), with the pools of deeds and roles
they draw options from. Moved out of generator.py unchanged.

The state stays in `_Generator.__init__`; these read `docs`, `titles`, `lexicon`, `people`, `full_names`,
`expansions`, `definitions`, `contexts` and `actor_choices`, add to `asked_roles`, and fill the pools
`_deed_pool` and `_role_pool` on first use. From the other families they call `_item`, `_prompt`, `_is_term`,
`_is_title`, `_met_often` and `_returned_to` (gen_tpl_subject)."""

from __future__ import annotations

import re

from bot.core.quiz.gen_questions import Question
from bot.core.tokens import fold
from bot.core.quiz.gen_actors import _person, name_forms
from bot.core.quiz.gen_deeds import DeedPool, deed_of
from bot.core.quiz.gen_roles import RolePool, is_party_name, is_text_name, role_of
from bot.core.quiz.gen_lexicon import GROUP, PERSON, PLACE, words_of
from bot.core.quiz.gen_text import Sentence
from bot.core.quiz.gen_tpl_shared import _from_notes
from bot.core.quiz.items import MULTIPLE_CHOICE, QuizItem


# Pronouns a stem would lean on ("its", "his realms"): the sentence's own referents, not shown.
_STEM_PRONOUN = re.compile(r"\b(?:he|she|it|they|him|her|them|his|hers|its|their|theirs|himself|herself|itself|"
                           r"themselves)\b", re.IGNORECASE)
# Events of a life rather than a part played (English verbs, no course's words): "Who died in 2015?".
_LIFE_EVENTS = frozenset({"die", "bear", "marry", "live", "retire"})
# Entities that place a deed in time without saying what it was about.
_DATE_ENTITIES = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "PERCENT", "MONEY"})


def _doers(doc) -> list[tuple[str, set[str]]]:
    """The names that do something in a parsed sentence, each with the words of what it does: a
    subject written as a name ("Kublai returned from fighting the Song") or the agent of a passive
    ("... was conquered by Kublai Khan"), with the name words before it ("Kublai" of "Kublai Khan").
    Every clause's, not only the main verb's (gen_parse.root_subject): a name doing something in a
    clause of its own is a doer too."""
    found = []
    for token in doc:
        if token.pos_ != "PROPN":
            continue
        if token.dep_ == "nsubj":
            verb = token.head
        elif token.dep_ == "pobj" and token.head.dep_ == "agent":
            verb = token.head.head
        else:
            continue
        start = token.i
        while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].dep_ == "compound":
            start -= 1
        done = {t.text for t in verb.subtree if not start <= t.i <= token.i}
        found.append((doc[start:token.i + 1].text, done))
    return found


class PeopleTemplates:
    """Mixed into generator._Generator: the who-did-what, deed and role templates."""

    def _person_deed(self, question: Question, doc) -> bool:
        """"Who spearheaded the effort to create Software in the Public Interest?" (Bruce Perens): a
        who-did-what card asked over the cut-off. Round 4 kept 5 of 40 such cards, and put them all under
        it (ACTOR_CARD_QUALITY); the dropped ones had a form this reads: the answer named by the stem's
        own "Which college ...?", a stem leaning on a pronoun ("to guarantee its preeminence", "in his
        realms, and ..."), a second claim run on, a side name met once, or a deed that picks out nobody
        ("Who died on April 17th?"). Kept here only when none of these holds: the answer is a person of the
        notes (gen_actors.notes_people; after a title the notes also write in lower case: "General X")
        they return to, the stem asks "Who" (or ", who" after a time kept in front) with no pronoun,
        bracket or second clause, the verb is a deed rather than an event of a life, and the deed names
        something besides a date (a name, or a term of two words or more the notes use), so one person
        answers it."""
        asked = re.match(r"^(?:Who |[^?]*?, who )", question.prompt)  # "In 1271, who imposed ...?" (a time kept in front)
        if question.asks != "actor" or asked is None:
            return False
        name = question.answer.rstrip(".")
        person = _person(name, self.full_names, self.people)
        first, _, bare = name.partition(" ")
        if not person and bare and first[:1].isupper() and (
                first.lower() in self.lexicon.lowercase_words
                or self.lexicon.occurrences(bare) > self.lexicon.occurrences(name)):
            # "Admiral Edward Hawke", "General Zia-ul-Haq": a title before the person's name, known as one
            # when the notes also write it as a common noun ("the general"), or when they write the name
            # without it elsewhere ("Zia-ul-Haq was killed in 1988"): the word is no part of the name.
            # The person is the name after it (a person of the notes, so no office or dynasty passes).
            person = _person(bare, self.full_names, self.people)
        if not person or not self._returned_to(person):
            return False  # "Ali Bhutto" of "Zulfikar Ali Bhutto", a name met in one passage: a side story
        rest = question.prompt[asked.end():]
        if _STEM_PRONOUN.search(rest) or re.search(r"[()\[\]]", rest):
            return False  # "... to guarantee its preeminence": whose? The stem leans on the sentence
        root = next((t for t in doc if t.dep_ == "ROOT"), None)
        if root is None or root.lemma_.lower() in _LIFE_EVENTS:
            return False  # "Who died in December 2015?": an event of a life, not a part in what the notes tell
        if any(c.dep_ == "conj" and any(g.dep_ in {"nsubj", "nsubjpass"} for g in c.children) for c in root.children):
            return False  # "..., and a number of their descendants rose ...": a second claim with its own subject
        subject_end = next((c.right_edge.i for c in root.children if c.dep_ in {"nsubj", "nsubjpass"}), -1)
        deed = doc[subject_end + 1:]
        agent = next((c for c in root.children if c.dep_ == "agent"), None)
        if agent is not None:
            # "Who adopted the centrifugal governor ...?" (gen_questions.passive_who_question): the deed is
            # what the question asks, the passive's subject and what follows the doer, never the doer.
            doer = range(agent.i, agent.right_edge.i + 1)
            words = set(re.findall(r"[\w’'-]+", question.prompt.lower()))
            tokens = [t for t in doc if t.i not in doer and t.lower_ in words]
            chunks = [c for c in doc.noun_chunks if c.start not in doer and c.text.lower() in question.prompt.lower()]
        else:
            tokens, chunks = list(deed), list(deed.noun_chunks)
        if self._others_act_on(person, chunks):
            return False  # "Who commenced a military campaign against the Song?": Kublai fought them too (round 26)
        # A name, or a term of two words or more the notes use ("the steam digester"), picks out the deed.
        return any(t.pos_ == "PROPN" and t.ent_type_ not in _DATE_ENTITIES for t in tokens) \
            or any(len([t for t in chunk if t.pos_ != "DET"]) > 1 and self._is_term(chunk.text) for chunk in chunks)

    def _others_act_on(self, person: str, chunks: list) -> bool:
        """Whether another person of the notes is the doer in a sentence naming what the deed is done to:
        "Möngke Khan commenced a military campaign against the Chinese Song dynasty" beside "Kublai
        returned from fighting the Song": "Who commenced a campaign against the Song?" has two defensible
        answers (rounds 25 and 26 dropped it). What the deed is done to is the first name in it; a place
        the deed happens in ("in southern China") is a later one and names no rival. `chunks`: the
        deed's noun chunks, in order, without the doer."""
        target = next((chunk for chunk in chunks
                       if any(t.pos_ == "PROPN" and t.ent_type_ not in _DATE_ENTITIES for t in chunk)), None)
        if target is None:
            return False
        # The name's last word says what it is ("Song" of "the Chinese Song dynasty"; "Great" of "Great
        # Yuan" is no name of its own). The notes' own subject ("Yuan" in notes on the Yuan dynasty) is
        # what everyone in them acts on: no rival is sought for it.
        key = [t for t in target if t.pos_ == "PROPN" and t.ent_type_ not in _DATE_ENTITIES][-1].text
        if key in {word for title in self.titles.values() for word in title.split()} or key in person.split():
            return False
        asked = target.doc
        for other in self.docs.values():
            if other is asked or key not in {t.text for t in other}:
                continue
            for doer, deed_words in _doers(other):
                found = _person(doer, self.full_names, self.people) or (doer if doer in self.people else "")
                if found and found != person and key in deed_words:
                    return True
        return False

    def _deed_item(self, s: Sentence, doc) -> QuizItem | None:
        """What an actor the notes return to did, among deeds the notes tell of others (gen_deeds).
        The score was never fitted on this kind, so it is exempt from the learned cut-off as the
        who-did-what items with options are (`keep_likely`)."""
        deed = deed_of(doc, self._kind_of)
        if deed is None or not self._met_often(deed.actor) or self._is_title(deed.actor, s.chunk):
            return None
        question = self._deed_question(self.deed_pool, deed)
        if question is None:
            return None
        item = self._item(MULTIPLE_CHOICE, self._prompt(s, question.prompt), question.answer, s, question.tests,
                          question.quality, options=question.options, explanation=_from_notes(s))
        self.actor_choices.add(item.id)
        return item

    def _role_item(self, s: Sentence, doc) -> QuizItem | None:
        """Which body or office of the notes does what the sentence says one does (gen_roles), among
        the notes' other bodies and offices. Exempt from the learned cut-off as the who-did-what items
        with options are (`keep_likely`): the score was never fitted on this kind."""
        role = role_of(doc)
        if role is None or not self._offered_body(role.body):
            return None
        key = (fold(role.body), fold(role.predicate))
        if key in self.asked_roles:
            return None
        question = self.role_pool.question(role)
        if question is None:
            return None
        self.asked_roles.add(key)
        item = self._item(MULTIPLE_CHOICE, self._prompt(s, question.prompt), question.answer, s, question.tests,
                          question.quality, options=question.options, explanation=_from_notes(s))
        self.actor_choices.add(item.id)
        return item

    def _offered_body(self, written: str) -> bool:
        """A body or office to ask or offer (gen_roles): one the notes return to and write with "the" (no
        person's name is: "the Presiding Officer", not "Costa" of a case's name, which the parse reads as a
        body), that they do not make a place or a group of people, that is no text by its long form
        ("the TEU", a treaty), and not the course's subject (the answer a student guesses)."""
        name = re.sub(r"^the ", "", written)
        kind = self._kind_of(name)
        if not self._met_often(name) or kind in {PLACE, GROUP, "region"}:
            return False
        if not written.startswith("the "):
            return False  # "Costa" of "Costa v ENEL", "Eliot": a person the parse read as a body (an
            # office the notes write with "the" may be voted a person: "the Presiding Officer" is one)
        if is_party_name(name) or is_party_name(self.expansions.get(name, "")):
            return False  # "the SNP": a party, no institution with a role (round 15-mid)
        if is_text_name(self.expansions.get(name, "")) or fold(name) in self._defined_terms:
            return False  # "the TEU" (a treaty), "the Program" (a term a licence defines): texts, not bodies
        singular = lambda words: {w.rstrip("s") for w in words}  # noqa: E731
        return not any(fold(name) in fold(t) or singular(words_of(name)) <= singular(words_of(t))
                       for t in self.titles.values() if t)

    @property
    def _defined_terms(self) -> set[str]:
        # not a term running prose defines ("The European Commission is the main executive body ..."): a body still
        return {fold(d.term) for found in self.definitions.values() for d, _ in found if not d.prose}

    @property
    def role_pool(self) -> RolePool:
        """Every role the notes give a body or office, and the bodies and offices they make act (gen_roles)."""
        if self._role_pool is None:
            roles = [r for r in (role_of(doc) for doc in self.docs.values()) if r is not None]
            self._role_pool = RolePool(roles, list(self.docs), list(self.docs.values()), keep=self._offered_body)
        return self._role_pool

    def _names_within(self, actor: str) -> list[str]:
        """The names the notes call a titled actor by, inside the name the sentence gives it: "Kublai
        Khan" and "Kublai" in "Emperor Kublai Khan" (a part is taken when every full name the notes give
        it is inside the actor's: not "Khan", which ends Genghis's and Möngke's names too). Without
        them the notes' other sentences on Kublai are not seen as his, and a deed they tell of him
        ("a military campaign against the Song") would be offered as another's."""
        words = actor.split()
        found = []
        for size in range(len(words) - 1, 0, -1):
            for start in range(len(words) - size + 1):
                part = " ".join(words[start:start + size])
                full = self.full_names.get(part, set())
                if (part in self.lexicon.label_votes or full) and all(f in actor for f in full) and part[:1].isupper():
                    found.append(part)
        return found

    def _kind_of(self, name: str) -> str | None:
        """The kind the notes give a name most often (a person when gen_actors knows the name as one)."""
        if _person(name, self.full_names, self.people):
            return PERSON  # "Washington", "Braddock": the small model reads some people as places or bodies
        votes = self.lexicon.label_votes.get(name)
        if not votes:
            return None
        return votes.most_common(1)[0][0]

    @property
    def deed_pool(self) -> DeedPool:
        """Every deed of a named actor the notes tell (gen_deeds.deed_of checks the deed itself says
        what it is about: a wrong option is read without its sentence)."""
        if self._deed_pool is None:
            deeds = [d for d in (deed_of(doc, self._kind_of) for doc in self.docs.values()) if d is not None]
            pool = DeedPool(deeds, list(self.docs))
            # when the notes place an actor (gen_periods, as for a who-item's people): a deed of 1340 is
            # not offered Kublai's deeds of the 1270s (round 14)
            pool.placed = lambda actor: self.contexts.periods.of({*name_forms(actor, self.full_names),
                                                                  *self._names_within(actor)})
            # The deeds that may be asked themselves ("What did Toghtogha do?" -> "Seized the power of the
            # court"), found before any item is made: none is another deed item's wrong option.
            pool.asked = {d.sentence for d in deeds if self._met_often(d.actor) and self._deed_question(pool, d)}
            self._deed_pool = pool
        return self._deed_pool

    def _deed_question(self, pool: DeedPool, deed):
        """"What did <actor> do?" of `deed` from `pool`, the actor named as the notes name it in full."""
        # Every full name holding the actor's ("Zhu" of two Zhus: a sentence on either may be the actor's).
        forms = (*sorted(self.full_names.get(deed.actor, ())), *name_forms(deed.actor, self.full_names),
                 *self._names_within(deed.actor))
        full = self.full_names.get(deed.actor, set())
        return pool.question(deed, forms, shown=next(iter(full)) if len(full) == 1 else "")

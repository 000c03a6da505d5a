"""What a body or an office does, asked with options: "Which of these elects a First Minister from a
number of candidates at the beginning of each parliamentary term?" with "Parliament" among the other
bodies and offices of the notes ("The Presiding Officer", "The Bureau", "The Sovereign").

Notes on politics, law and institutions state roles in the present tense ("The Presiding Officer
decides who speaks in chamber debates", "The Court can review the legality of the institutions'
actions"). gen_deeds and gen_actors ask past deeds, and gen_actors' named things need three others of
one class noun; a role needs only three other bodies or offices the notes give roles, none of which
the notes say does it:

- the sentence's main verb is in the present (or after "can", "may", "must", "shall", "should"),
  active, not negated, not one of being, consisting or including (a description, not a role), and
  its subject is a body or an office by name (a proper noun the notes return to: "Parliament", "the
  Presiding Officer", "the Technical Committee"), not a person, a place, a people, a group of members
  ("MSPs") or a law ("the Act", "the Treaties": a law's provisions are gen_clauses');
- the predicate is everything after the subject: 3-22 words, nothing pointing back ("this", "it",
  "also", "such"; a possessive only of a noun before it in the predicate, "whether voters can change
  their votes", never the body's own "its views", which rules out every one-person office), no quotation, bracket or dash, and no option's name in it;
- a wrong option is another body or office that is the subject of a role in the notes, not one the
  answer's name holds or is held in ("the British Parliament" is not offered for "Parliament"), and
  none whose sentences (any naming it) hold a fifth of the predicate's content words (it may do it
  too, said in other words: "the Project Secretary should make decisions ... consistent with the
  consensus of the Developers" rules it out for the Project Leader's "make decisions which are
  consistent with the consensus"), no political party, no whole the answer is named an office of
  ("the Debian Project" for "the Project Secretary": round 15-mid dropped an item offering it), and the
  bodies told nearest the role's sentence first (round 15-mid: "The Queen" for a debate's rule was
  judged implausible).

Nothing here names a course's things: bodies, roles and kinds come from spaCy's parse.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

from bot.core.quiz.gen_deeds import _opening, same_actor
from bot.core.quiz.gen_lexicon import ChoiceQuestion
from bot.core.quiz.gen_standalone import gives_away
from bot.core.quiz.gen_text import content_words
from bot.core.tokens import fold

ROLE = "actor"  # what the item tests: a body matched to its role (the who-did-what items' kind)
ROLE_QUALITY = 0.77  # as gen_actors' who-did-what items with options
MIN_PREDICATE_WORDS, MAX_PREDICATE_WORDS = 3, 22
MAX_SUPPORT = 0.34  # a third of the predicate's content words told in a sentence naming an option rules it out
WRONG_OPTIONS = 3
_MODALS = frozenset({"can", "may", "must", "shall", "should"})
# Verbs of being, consisting and including: what a body is or holds, not what it does.
_NOT_ROLES = frozenset({"be", "become", "remain", "seem", "appear", "consist", "comprise", "include", "contain",
                        "lie", "sit", "date", "cover", "use", "follow", "try", "attempt", "continue"})
# English head nouns of laws and texts: they provide, not act (gen_clauses asks what they require).
_TEXTS = frozenset({"act", "acts", "treaty", "treaties", "charter", "chapter", "directive", "directives", "regulation",
                    "regulations", "article", "articles", "constitution", "law", "laws", "statute", "code",
                    "protocol", "document", "agreement", "license", "licence", "bill", "order", "orders", "rule", "rules", "report"})
_NOT_BODY_ENTS = frozenset({"PERSON", "GPE", "LOC", "NORP", "FAC", "LAW", "WORK_OF_ART", "EVENT", "DATE", "TIME",
                            "PRODUCT", "LANGUAGE", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL"})
_POINTING = frozenset({"this", "these", "that", "those", "such", "also", "then", "same", "former", "latter",
                       "further", "another", "again", "instead", "there", "here", "too", "itself", "respectively", "above", "below", "following", "aforementioned"})
# Openers that carry on from what came before: an example of it, a contrast or an addition to it.
_CARRYING_ON = frozenset({"example", "instance", "contrast", "addition", "beyond", "besides", "apart", "however", "also", "likewise", "similarly",
                          "otherwise", "therefore", "thus", "hence", "consequently", "theoretically", "instead"})


@dataclass(frozen=True)
class Role:
    body: str  # the subject as the sentence names it, "the" kept lowered ("the Presiding Officer")
    predicate: str  # everything after the subject, as the question asks it
    opener: str  # a setting before the subject ("At Decision Time"), or ""
    sentence: str
    verb: str  # the main verb's lemma
    object_head: str  # the head of its object, or ""


def body_name(subject) -> str | None:
    """How the notes name the body, office or party a subject token stands for, without its article
    ("Technical Committee" of "The Technical Committee may ..."), or None when it names none: a noun
    head written with a capital, not "You", "I" or "We"; before it (an article or an owner apart) only
    capitalised words of the name ("Presiding", "Technical"); nothing joined to it (a second name, an
    apposition, a clause or a phrase of its own: "the Chair of the Committee" is the Chair's, and
    what the Chair is of, a question could not show). gen_parties reads its parties with it."""
    if subject.pos_ not in {"PROPN", "NOUN"} or not subject.text[:1].isupper() or subject.lower_ in {"you", "i", "we"}:
        return None
    left = [t for t in subject.doc[subject.left_edge.i:subject.i] if t.dep_ not in {"det", "poss"}]
    if any(t.dep_ not in {"compound", "amod"} or not t.text[:1].isupper() for t in left):
        return None
    if any(c.dep_ in {"prep", "relcl", "acl", "appos", "conj", "cc"} for c in subject.children):
        return None
    return " ".join([*(t.text for t in left), subject.text])


def body_of(subject) -> str | None:
    """The body or office a subject names as a role's options write it, "the" lowered ("the Presiding
    Officer"), or None: a name (body_name) on a proper noun, not a person, place, people, law or group
    of members, every word of it capitalised."""
    name = body_name(subject)
    span = subject.doc[subject.left_edge.i:subject.right_edge.i + 1]
    if name is None or subject.pos_ != "PROPN" or subject.tag_ == "NNPS" or subject.ent_type_ in _NOT_BODY_ENTS:
        return None
    if subject.morph.get("Number") == ["Plur"] or subject.text.endswith("s") and not subject.text.endswith("ss"):
        return None  # "the Developers", "MSPs": a group of members, not a body
    if subject.lower_ in _TEXTS or any(t.lower_ in _TEXTS for t in span):
        return None
    if any(t.pos_ not in {"DET", "PROPN", "ADJ"} for t in span):
        return None  # "The Commission's President"
    if span[0].pos_ == "DET" and span[0].lower_ != "the":
        return None  # "Each MSP", "any Developer"
    if not all(t.text[:1].isupper() for t in span if t.pos_ != "DET"):
        return None  # body_name looks only at the words before the head, and skips determiners
    # The span as written, not body_name's words: "the All India Muslim League" keeps its "All".
    text = span.text
    return "the" + text[3:] if text.startswith("The ") else text


def bodies_in(doc) -> list[str]:
    """The bodies and offices a parsed sentence makes act: subjects of its verbs and agents of its passives."""
    found = []
    for t in doc:
        if t.dep_ in {"nsubj", "nsubjpass"} and t.dep_ == "nsubj" or t.dep_ == "pobj" and t.head.dep_ == "agent":
            body = body_of(t)
            if body:
                found.append(body)
    return found


def role_of(doc) -> Role | None:
    """The role a parsed sentence gives a body or office, or None."""
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None or root.pos_ != "VERB" or root.lemma_.lower() in _NOT_ROLES:
        return None
    children = list(root.children)
    if any(c.dep_ in {"auxpass", "neg", "nsubjpass", "expl", "csubj", "conj"} for c in children):
        return None  # "is elected by", "cannot", a second clause of another subject
    aux = [c for c in children if c.dep_ == "aux"]
    if not (root.tag_ == "VBZ" and not aux or root.tag_ == "VB" and len(aux) == 1 and aux[0].lower_ in _MODALS):
        return None
    subjects = [c for c in children if c.dep_ == "nsubj"]
    if len(subjects) != 1 or subjects[0].right_edge.i >= root.i:
        return None
    subject = subjects[0]
    body = body_of(subject)
    if body is None:
        return None
    opener = _opening(doc, subject.left_edge.i)
    if opener is None or _CARRYING_ON.intersection(t.lower_ for t in doc[:subject.left_edge.i]):
        return None  # "For example, ...", "In contrast to ...": the setting leans on what came before
    predicate = doc[subject.right_edge.i + 1:]
    tokens = [t for t in predicate if not t.is_space]
    while tokens and tokens[-1].is_punct:
        tokens.pop()
    if not tokens or any(t.lower_ in _POINTING or t.tag_ in {"PRP", "WP$", "EX"} or
                         t.tag_ == "PRP$" and not _owned_inside(t, tokens) for t in tokens):
        return None  # "sets them", "his": what or whose, only the sentence before says; and "its views"
        # of the body asked rules out every option that is one person's office (round 15-mid: the
        # Technical Committee's "formal announcements about its views" among the Secretary and the
        # Chair, dropped). "whether voters can change their votes" is the voters' (kept).
    if any(t.text in {";", ":", "(", ")", '"', "“", "”", "[", "]", "-", "–", "—", "§"} for t in tokens):
        return None
    text = doc[tokens[0].i:tokens[-1].i + 1].text
    if not MIN_PREDICATE_WORDS <= len(text.split()) <= MAX_PREDICATE_WORDS or text.endswith(","):
        return None
    obj = next((c for c in children if c.dep_ == "dobj"), None)
    return Role(body, text, opener, doc.text, root.lemma_.lower(), obj.lemma_.lower() if obj is not None else "")


def _owned_inside(possessive, tokens) -> bool:
    """A possessive whose owner is a noun of the predicate before it, of its number: "voters ... their
    votes", "ballot options and their summaries"; not "announcements about its views" (the body's)."""
    number = {"its": {"NN", "NNP"}, "their": {"NNS", "NNPS"}}.get(possessive.lower_)
    return bool(number) and any(t.tag_ in number for t in tokens if t.i < possessive.i)


def part_of(whole: str, part: str) -> bool:
    """`part` is named as an office of `whole`: the whole's head word is a word of the part's name before
    its own head ("Project Secretary" of "Debian Project"; not "European Council" of "European Commission")."""
    head = fold(whole).split()[-1:]
    return bool(head) and head[0] in fold(part).split()[:-1]


def is_party_name(name: str) -> bool:
    """A political party's name ("Scottish National Party"): a party holds no office and has no role of
    the institutions (round 15-mid: "The SNP" among the offices of a parliament, judged of another kind)."""
    return any(w.lower() in {"party", "parties"} for w in name.split())


def is_text_name(name: str) -> bool:
    """A name whose head is a law's or a text's ("Treaty on European Union", "Scotland Act")."""
    return any(w.lower() in _TEXTS for w in name.split())


def _names(text: str, name: str) -> bool:
    bare = re.sub(r"^the ", "", name)
    return bool(re.search(rf"(?<![\w-]){re.escape(bare)}(?![\w-])", text))


def _bare(name: str) -> str:
    return re.sub(r"^the ", "", name)


class RolePool:
    """Every body or office the notes give a role (the options' pool), and every sentence, to tell
    which bodies the notes say do a thing."""

    def __init__(self, roles: list[Role], sentences: list[str], docs=(), keep=lambda name: True) -> None:
        """`keep(name)`: a body or office the caller would offer (one the notes return to, no person or
        place by the notes' votes, not the course's subject)."""
        self.roles = roles
        self.sentences = sentences
        bodies: dict[str, str] = {}
        # Bodies and offices the notes make act anywhere: a role's subject, a deed's, an agent ("by the Sovereign").
        named = [r.body for r in roles] + [body for doc in docs for body in bodies_in(doc)]
        for body in named:
            if keep(body):
                bodies.setdefault(_bare(body), body)
        # An office named alone ("the Chair") that the notes also write as the office of a body ("the Chair
        # of the Technical Committee") is shown by that full name: "The Chair" as an option says nothing of
        # what it chairs (round 21, borderline twice). An office of several bodies by the notes ("the Chair
        # of the Board", "the Chair of the Council") is not offered: which one is meant, nothing says.
        self.full_names: dict[str, str] = {}
        self.unclear: set[str] = set()  # offices of several bodies: neither asked nor offered
        for bare in list(bodies):
            of = {m.group(1) for s in sentences for m in re.finditer(
                rf"\b[Tt]he {re.escape(bare)} of (the [A-Z][\w-]*(?: [A-Z][\w-]*)*)", s)}
            if len(of) == 1:
                self.full_names[bare] = f"the {bare} of {of.pop()}"
            elif len(of) > 1:
                del bodies[bare]
                self.unclear.add(bare)
        self.bodies = list(bodies.values())

    def question(self, role: Role) -> ChoiceQuestion | None:
        """"Which of these <predicate>?" with three other bodies of the notes that none of the notes'
        sentences naming them says it of."""
        words = content_words(role.predicate)
        if not words or _bare(role.body) in self.unclear:
            return None
        wrong = []
        for body in self.bodies:
            if same_actor(_bare(body), _bare(role.body)) or any(same_actor(_bare(body), _bare(w)) for w in wrong):
                continue
            if part_of(_bare(body), _bare(role.body)) or part_of(_bare(role.body), _bare(body)):
                continue  # "the Debian Project" for "the Project Secretary": the whole may be said to do it (round 15-mid)
            if _names(role.predicate, body) or _names(role.opener, body):
                continue  # "elects one MSP to serve as Presiding Officer": not "the Presiding Officer" as an option
            told = [content_words(s) for s in self.sentences if _names(s, body)]
            if any(len(words & t) >= MAX_SUPPORT * len(words) for t in told):
                continue  # its own sentences say part of it: it may do it too
            wrong.append(body)
        if len(wrong) < WRONG_OPTIONS:
            return None
        rng = random.Random(f"role\x1f{role.sentence}")
        # The bodies told nearest the role first (of the same part of the notes: a debate's officers for a
        # debate's rule, not the sovereign of another section; round 15-mid found "The Queen" implausible
        # for managing debate time).
        here = self.sentences.index(role.sentence) if role.sentence in self.sentences else 0
        nearest = {b: min((abs(n - here) for n, s in enumerate(self.sentences) if _names(s, b)), default=len(self.sentences))
                   for b in wrong}
        wrong.sort(key=lambda b: (nearest[b], rng.random()))
        chosen = [_capital(self._shown(w)) for w in wrong[:WRONG_OPTIONS]]
        answer = _capital(self._shown(role.body))
        prompt = f"Which of these {role.predicate}?"
        if role.opener:
            prompt = f"{role.opener}, {prompt[:1].lower()}{prompt[1:]}"
        if gives_away(prompt, answer, chosen):
            return None
        options = [answer, *chosen]
        rng.shuffle(options)
        return ChoiceQuestion(prompt, answer, tuple(options), ROLE, ROLE_QUALITY)

    def _shown(self, body: str) -> str:
        """A body as an option writes it: an office by the full name the notes give it ("the Chair of the
        Technical Committee"), anything else as the notes name it."""
        return self.full_names.get(_bare(body), body)


def _capital(name: str) -> str:
    return name[:1].upper() + name[1:]

"""Four weak forms of cards on notes nobody tuned the generator for, each read from spaCy's parse
(held-out round 12, bench/RESULTS.md 8.28-8.29; English grammar only, no course's words):

- a why-card whose subject only the passage picks out: "Why do the original items not have to be
  comparable?" (original before what? the passage was on decorating a list), "Why do many common
  breakages arise?" (breakages of what?): `unanchored_subject`;
- a "What are X?" card on a sentence that remarks on X instead of saying what X is: "Functions are
  already first class objects in Python, and can be declared in a local scope" asked as "What are
  functions?" (a word the notes use all through, with as many answers): `remark_not_definition`;
- "Who is X?" of a thing the parser took for a person: "Who is Nuitka?" (a compiler): `a_person`;
- a clause card keyed to the first of several rules its clause states: "what does 'Distribution of
  Source Form' require?" keyed to one of three requirements: `rules_left_out`.
"""

from __future__ import annotations

from bot.core.quiz.gen_parse import root_subject
from bot.core.tokens import STOPWORDS

_NAMED = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "LAW", "PRODUCT", "WORK_OF_ART"})
# Quantifiers that pick an unnamed part of a set: "many common breakages" (which?). "All" and "every"
# take the whole set the noun names ("virtually all nuclear power plants"), so they are left alone.
_VAGUE_QUANTIFIERS = frozenset({"many", "some", "several", "few", "most", "various", "certain", "numerous"})
# Adjectives that pick a thing out by its place in a passage: "the original items" (before what was
# done to them?), "the resulting list", "the remaining cases". English words, not a course's.
_RELATIVE_ADJECTIVES = frozenset({"original", "resulting", "corresponding", "respective", "given", "existing",
                                  "current", "underlying", "remaining", "former", "latter", "same", "other", "new",
                                  "previous", "following", "above", "aforementioned", "said", "relevant", "final",
                                  "initial", "actual", "present", "next"})
# Suffixes of nouns made from verbs: "breakage", "ordering", "settlement", "deletion".
_ACTION_SUFFIXES = ("ing", "age", "ment", "tion", "sion", "ance", "ence")


def _is_name(token, lowercase_words) -> bool:
    """A token of a name: a proper noun, an entity of a named kind, or a capitalised word the notes
    never write in lower case ("Debian" opening a sentence, read by the parser as an adjective)."""
    if token.pos_ == "PROPN" or token.ent_type_ in _NAMED:
        return True
    if token.lower_ in STOPWORDS or token.lower_ in _VAGUE_QUANTIFIERS or token.lower_ in _RELATIVE_ADJECTIVES:
        return False  # "Many", "Original" opening a sentence: capitalised only there
    return token.text[:1].isupper() and token.lower_ not in lowercase_words and token.is_alpha


def unanchored_subject(doc, lowercase_words=frozenset(), verbs=frozenset(), *, after_code: bool = False,
                       code_near: bool = False, code_shows=frozenset()) -> str:
    """Why the subject of a why-card's effect is picked out only by its passage, or "" when the
    question names it: a name in it (or in the setting before it, "In Afghanistan, ..."), or a noun
    phrase that says what it is by itself. `lowercase_words`: the words the notes write in lower case
    (a capitalised word never among them is a name); `verbs`: the lemmas the notes use as verbs (a
    noun made from one of them names an action, whose object the question must give).

    Held-out round 14 (the same kind, leaning on what came before): "the <noun>" of a paragraph
    that follows a code block (`after_code`: "The INFO message doesn't appear because ...", the
    message of the snippet above), or "the <noun>" of what an example shows ("the naive pattern",
    "the output", or a capitalised word the passage's code writes: "the DEBUG level" beside a line
    "DEBUG:app:...", `code_shows`) in a passage that shows code (`code_near`); a predicate that ranks the subject
    with nothing saying among what ("Why is water the fluid of choice?": for what?); a purpose
    whose subject the question never introduced ("... so that students can be assigned projects
    early in the course": which students?)."""
    leaning = _unscoped_rank(doc) or _new_purpose_subject(doc)
    if leaning:
        return leaning
    subject = root_subject(doc)
    if subject is None:
        return ""
    shown = _shown_by_example(subject, after_code, code_near, code_shows)
    if shown:
        return shown
    relative = next((c for c in subject.children if c.dep_ == "amod" and c.lower_ in _RELATIVE_ADJECTIVES
                     and any(d.dep_ == "det" and d.lower_ == "the" for d in subject.children)), None)
    if relative is not None:
        # "The next operation (u+X) won't add ...": placed by the passage's sequence, whatever name the
        # phrase holds (held-out round 20: "Why wo the next operation (u+X) not add ...?", dropped)
        return f"'the {relative.text} {subject.text}': {relative.text} by what the passage told"
    if any(_is_name(t, lowercase_words) for t in doc[:subject.right_edge.i + 1]):
        return ""
    for head in [subject, *(c for c in subject.children if c.dep_ == "conj")]:
        children = list(head.children)
        vague = next((c for c in children if c.lower_ in _VAGUE_QUANTIFIERS and c.dep_ in {"det", "amod"}), None)
        if vague is not None:
            return f"'{vague.text} ... {head.text}': which ones, the question does not say"
        relative = next((c for c in children if c.dep_ == "amod" and c.lower_ in _RELATIVE_ADJECTIVES), None)
        if relative is not None:
            return f"'{relative.text} {head.text}': {relative.text} by what the passage told"
        none = next((c for c in children if c.dep_ == "det" and c.lower_ == "no"), None)
        if none is not None and not any(c.dep_ in {"compound", "prep", "nmod", "poss", "acl", "relcl"} for c in children):
            # "No single theory has yet been accepted ...": none of a set the sentence before named (the
            # theories of dark matter; held-out round 22, dropped: "theories of what?"). A head
            # with its own complement says which set: "no member state", "no theory of gravity".
            return f"'no ... {head.text}': no {head.text} of what, the question does not say"
        ranked = next((c for c in children if c.dep_ == "amod" and (
            c.tag_ == "JJS" or any(g.lower_ in {"most", "least"} and g.dep_ == "advmod" for g in c.children))), None)
        if ranked is not None and any(c.dep_ == "det" and c.lower_ == "the" for c in children):
            # "The most confusing transaction in any ledger will be your equity account, because ...":
            # a why of a ranking asks the writer's passing remark back (set 14, round 23: borderline,
            # "a passing remark turned into a why"), and which things are ranked the passage told.
            return f"'{ranked.text} {head.text}' ranked by the writer: a remark, not a cause"
        if _action_without_object(head, verbs):
            return f"'{head.text}' of what, the question does not say"
    return ""


# Nouns for what an example shows: "the INFO message", "the naive pattern", "the output" name the one
# of the snippet beside the sentence. English words of technical writing, not a course's.
_EXAMPLE_NOUNS = frozenset({"example", "snippet", "output", "input", "message", "pattern", "code", "listing",
                            "line", "command", "call", "expression", "program", "script", "sample", "result",
                            "session", "traceback", "regex", "printout", "transcript"})


def _shown_by_example(subject, after_code: bool, code_near: bool, code_shows=frozenset()) -> str:
    """"the <noun>" (not a name) as the subject, after a code block, or naming what an example shows
    in a passage with code (an example noun, or a capitalised word of the code, `code_shows`): which
    one, only the example says."""
    heads = [subject, *(c for c in subject.children if c.dep_ == "conj")]
    for head in heads:
        if head.pos_ != "NOUN" or not any(c.dep_ == "det" and c.lower_ == "the" for c in head.children):
            continue
        if after_code:
            return f"'the {head.text}' after a code block: which one, only the example says"
        if code_near and head.lemma_.lower() in _EXAMPLE_NOUNS:
            return f"'the {head.text}' of an example beside the sentence"
        shown = next((c for c in head.children if c.dep_ in {"compound", "amod", "nmod"} and len(c.text) > 1
                      and c.text.isupper() and c.text in code_shows), None)
        if code_near and shown is not None:
            return f"'the {shown.text} {head.text}': {shown.text} as the code beside the sentence writes it"
    return ""


# Words that rank a predicate noun among others: "the best fuel", "the preferred timber", "the fluid of
# choice". English words.
_RANKING = frozenset({"best", "preferred", "favoured", "favored", "ideal", "usual", "natural", "obvious",
                      "optimal", "standard", "worst", "favourite", "favorite"})
# Prepositions that say among what: "the fluid of choice for steam engines", "the largest city in Poland".
_SCOPE_PREPOSITIONS = frozenset({"for", "in", "among", "within", "across", "at", "on", "of", "to"})


def _unscoped_rank(doc) -> str:
    """"X is the <noun> of choice" / "the best <noun>" / "the preferred <noun>" (or another superlative)
    with nothing in the sentence saying for what: the passage before said ("Normally water is the
    fluid of choice ...": the working fluid of a Rankine cycle, told in the sentence before)."""
    verb = next((t for t in doc if t.dep_ == "ROOT"), None)
    attribute = next((c for c in verb.children if c.dep_ in {"attr", "oprd"}), None) if verb is not None else None
    if attribute is None or not any(c.dep_ == "det" and c.lower_ == "the" for c in attribute.children):
        return ""
    choice = next((c for c in attribute.children if c.dep_ == "prep" and c.lower_ == "of"
                   and any(g.lower_ in {"choice", "preference"} for g in c.children)), None)
    ranked = next((c for c in attribute.children if c.dep_ == "amod" and (
        c.lower_ in _RANKING or c.tag_ == "JJS" or any(g.lower_ == "most" for g in c.children))), None)
    if choice is None and ranked is None:
        return ""
    scoped = any(c.dep_ == "prep" and c.lower_ in _SCOPE_PREPOSITIONS and (choice is None or c.i != choice.i)
                 for c in attribute.children) \
        or any(c.dep_ == "prep" and c.lower_ in {"for", "among"} for c in verb.children) \
        or any(c.dep_ in {"relcl", "acl"} for c in attribute.children)
    if scoped:
        return ""
    said = f"the {attribute.text} of choice" if choice is not None else f"the {ranked.text} {attribute.text}"
    return f"'{said}': for what, the question does not say"


_PURPOSE_CONJUNCTIONS = (("so", "that"), ("in", "order", "that"))


def _new_purpose_subject(doc) -> str:
    """A purpose ("so that ...") whose subject is a common noun the question never introduced: bare
    ("students") or definite ("the course"). "So that they may be run continuously" speaks of the
    question's own subject; "so that students can be assigned projects ..." of people nobody named."""
    lowered = [t.lower_ for t in doc]
    for words in _PURPOSE_CONJUNCTIONS:
        start = next((i for i in range(1, len(doc) - len(words)) if tuple(lowered[i:i + len(words)]) == words), None)
        if start is None:
            continue
        clause = doc[start + len(words) - 1].head
        subject = next((c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"} and c.i > start), None)
        if subject is None or subject.pos_ != "NOUN" or subject.ent_type_:
            return ""
        determiners = [c.lower_ for c in subject.children if c.dep_ in {"det", "poss"}]
        if determiners and determiners != ["the"]:
            return ""  # "a student", "its users": introduced, or pointing at the question's subject
        asked = {t.lemma_.lower() for t in doc[:start]}
        if subject.lemma_.lower() in asked:
            return ""
        return f"'{subject.text}' of the purpose: the question never says who or what"
    return ""


def _action_without_object(noun, verbs) -> bool:
    """A noun made from a verb of the notes ("ordering" of order, "breakage" of break) with nothing
    saying what the action is done to: no "of ...", no possessor, no noun before it ("name mangling",
    "garbage collection" say it)."""
    word = noun.lower_.removesuffix("s") if noun.tag_ == "NNS" else noun.lower_
    if noun.pos_ != "NOUN" or len(word) < 7:
        return False
    suffix = next((s for s in _ACTION_SUFFIXES if word.endswith(s)), None)
    if suffix is None:
        return False
    stem = word[:-len(suffix)]
    stems = {stem, stem + "e", stem[:-1] if len(stem) > 2 and stem[-1] == stem[-2] else stem}
    if suffix in {"tion", "sion"}:
        stems |= {stem + "te", stem + "t", stem + "d", stem + "de"}  # "deletion" of delete, "decision" of decide
    if not stems & set(verbs):
        return False
    return not any(c.dep_ in {"prep", "poss", "compound", "nmod"} for c in noun.children)


# Adverbs of a copula that make "X is Y" a point in an argument, not what X is: "Functions are
# already first class objects", "Tuples are also sequences". English words.
_REMARK_ADVERBS = frozenset({"already", "also", "still", "even", "now", "just", "merely", "simply", "only", "actually",
                             "really", "indeed", "again", "too", "therefore", "thus", "hence", "certainly", "clearly",
                             "obviously", "nevertheless", "however"})


def remark_not_definition(doc) -> str:
    """Why an "X is/are Y" sentence remarks on X instead of saying what X is, or "": an adverb of
    the argument on the copula ("already", "also"), a second claim joined to it ("..., and can be
    declared in a local scope"), or a plural said to be a bare plural with nothing restricting it
    ("Functions are first class objects in Python": a property they share with much else, not a
    class with what sets it apart, as in "Generators are a special class of functions that ...")."""
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None or root.lemma_ != "be":
        return ""
    adverb = next((c for c in root.children if c.dep_ == "advmod" and c.lower_ in _REMARK_ADVERBS), None)
    if adverb is not None:
        return f"'{adverb.text}': a point of an argument"
    if any(c.dep_ == "conj" and c.pos_ in {"VERB", "AUX"} for c in root.children):
        return "a second claim joined to the definition"
    subject = root_subject(doc)
    attribute = next((c for c in root.children if c.dep_ == "attr"), None)
    if subject is not None and attribute is not None and subject.tag_ == "NNS" and attribute.tag_ == "NNS" \
            and not any(c.dep_ in {"det", "poss"} for c in attribute.children) \
            and not any(c.dep_ in {"relcl", "acl"} for c in attribute.children):
        return f"'{attribute.text}' unrestricted: a property, not what sets {subject.text} apart"
    return ""


_GENDERED = frozenset({"he", "she", "him", "her", "his", "hers", "himself", "herself"})
_PERSON_DEPS = frozenset({"compound", "appos", "nmod"})


def a_person(name: str, head_lemma: str, own_doc, docs, person_votes: int) -> bool:
    """The notes treat `name`, which a "Who is X?" card would ask about, as a person: the parser read
    it as one in more than one place (`person_votes`), its sentence (`own_doc`) says "he" or "she",
    or the noun the card's answer names it by (`head_lemma`: "chief", "president") is one the notes
    set beside a person's name elsewhere ("Chief Hendrick", "President Anwar Sadat", "X was elected
    president"). A compiler named once, read as a person by the parser, is none of these."""
    if person_votes >= 2 or any(t.lower_ in _GENDERED for t in own_doc):
        return True
    for doc in docs:
        if doc.text == own_doc.text:
            continue
        for t in doc:
            if t.lemma_.lower() != head_lemma:
                continue
            if t.dep_ in _PERSON_DEPS and t.head.ent_type_ == "PERSON":
                return True
            if any(c.dep_ in _PERSON_DEPS and c.ent_type_ == "PERSON" for c in t.children):
                return True
            if t.dep_ in {"attr", "oprd"} and any(c.dep_ in {"nsubj", "nsubjpass"} and c.ent_type_ == "PERSON"
                                                  for c in t.head.children):
                return True
    return False


def rule_kind(doc) -> str:
    """What the sentence's main verb (or a verb joined to it) says, as gen_clauses.rule_verb reads a
    clause: "require" (must, shall, should, must not, may not), "allow" (may), "promise" (we will);
    "" when it states no rule ("If ..., this License permits ..., so that the recipient may ...": the
    "may" of a clause inside it is no rule of the clause)."""
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None:
        return ""
    for verb in [root, *(c for c in root.children if c.dep_ == "conj")]:
        modal = next((c for c in verb.children if c.dep_ == "aux" and c.tag_ == "MD"), None)
        subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None) \
            or next((c for c in root.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if modal is None or subject is None:
            continue
        negated = any(c.dep_ == "neg" for c in verb.children)
        word = modal.lower_
        if word in {"must", "shall", "should"} or word == "may" and negated:
            return "require"
        if word == "may":
            return "allow"
        if word in {"will", "'ll"} and subject.lower_ == "we":
            return "promise"
    return ""


def rules_left_out(answer: str, kind: str, sentences: list[str], docs) -> bool:
    """A clause card asking what a clause `kind`s ("require", "allow", "promise") is keyed to its
    first sentences (`answer`), and the clause states another rule of that kind after them: of
    `sentences` (the clause's, parsed as `docs`, None where not parsed), one not in the answer. The
    card would key one of several requirements, any of which a student could give (held-out round
    12: MPL 3.1 borderline, the Debian constitution's 9.3 dropped). A rule of another kind (a
    requirement after what a clause allows) is not what the card asks."""
    return any(doc is not None and text not in answer and rule_kind(doc) == kind
               for text, doc in zip(sentences, docs))


# Words that make a rule a limit or a condition of another ("You may do so only on Your own behalf",
# "unless ...", "provided that ..."): listed beside the permission it limits, it reads as one more
# thing the clause allows (held-out round 14: MPL 3.5 borderline). English words.
_LIMITING_WORDS = frozenset({"only", "unless", "except"})
_CONDITION_WORDS = frozenset({"provided", "providing"})  # before "that": "provided that ..."


def mixed_rules(kind: str, sentences: list[str], docs) -> str:
    """Why a clause's rules of `kind` cannot be listed together as what it "requires", "allows" or
    "promises", or "": a sentence of the clause states a rule of another kind (a "You must ..." in a
    clause of what You may do: the list would leave the duty out, or set it among the permissions),
    or a rule after the first limits or conditions another ("only", "unless", "except", "provided
    that"; for permissions also a "not": "You may do so only on Your own behalf, and not on behalf of
    any Contributor" is no thing the clause allows). A clause of promises all of one kind ("We will
    ...; we will ...") lists them."""
    for i, (text, doc) in enumerate(zip(sentences, docs)):
        if doc is None:
            continue
        found = rule_kind(doc)
        if found and found != kind:
            return f"a rule of another kind ({found}): '{text}'"
        if i == 0 or found != kind:
            continue
        limit = next((t for t in doc if t.lower_ in _LIMITING_WORDS or kind == "allow" and t.dep_ == "neg"
                      or t.lower_ in _CONDITION_WORDS and t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "that"),
                     None)
        if limit is not None:
            return f"'{limit.text}': a limit of another rule, not one more: '{text}'"
    return ""


MAX_RULES = 4  # a clause's rules a student can recall together
MAX_RULES_WORDS = 65  # their words together, as the answer of a flashcard
MAX_RULE_WORDS = 35  # one rule's words: a longer one is recalled by no student alongside others
_VERB_FORMS = {"require": "requires", "allow": "allows", "promise": "promises"}


def all_rules_answer(kind: str, sentences: list[str], docs) -> str:
    """The answer of a clause card that states every rule of its kind ("require", "allow",
    "promise") its clause gives, when `rules_left_out` would drop the card keyed to the first: "It
    promises: when we write new components ..., we will license them ...; we will make the best
    system we can ...; we will communicate ...". The clause's first sentence (its rule, as the card
    asks it) and each later sentence stating a rule of that kind, in order, without the clause's
    remarks between them; "" when they are too many or too long to recall (a clause of six promises
    stays unasked)."""
    rules = [(text, doc) for i, (text, doc) in enumerate(zip(sentences, docs))
             if doc is not None and (i == 0 or rule_kind(doc) == kind)]
    if kind not in _VERB_FORMS or not rules or mixed_rules(kind, sentences, docs) or len(rules) > MAX_RULES \
            or any(len(text.split()) > MAX_RULE_WORDS for text, _ in rules) \
            or sum(len(text.split()) for text, _ in rules) > MAX_RULES_WORDS:
        return ""
    # words the clause capitalises inside a sentence ("Your own behalf": a licence's defined term)
    capitalised = {t.text for doc in docs if doc is not None for t in doc if t.i > 0 and t.text[:1].isupper()}
    parts = []
    for text, doc in rules:
        text = text.strip().rstrip(".;").strip()
        first = doc[0] if len(doc) else None
        if first is not None and first.pos_ != "PROPN" and first.text != "I" and not first.text.isupper() \
                and first.ent_type_ not in _NAMED and first.text not in capitalised:
            text = text[:1].lower() + text[1:]
        parts.append(text)
    return f"It {_VERB_FORMS[kind]}: " + "; ".join(parts) + "."

"""Cards on what happens under a condition the notes state: "If a level is not explicitly set on a
logger, the level of its parent is used instead as its effective level." -> "According to the Logging
HOWTO, what happens if a level is not explicitly set on a logger?", answered by the consequence.

Conditional sentences are the largest kind of standing sentence in technical, FAQ and law notes that
no other template asks (8.40: 67 of the no-template sentences open with "If"). Most of them are not
worth a card, and the rules below say which are not: a condition that leans on what came before ("If
it is", "If such a resolution ...", "If the iterable returns ..." of the function just told), a wish
or a choice of the reader ("If you want ...", "If you don't supply a key function"), an argument by
its name ("If replacement is a function"), a thing of the text before ("... principles of the bill": the
stem never says which bill); a consequence that is advice ("you should ...", an
imperative), open ("can", "it's possible"), hypothetical ("would"), a list or example to follow
(":"), one step of several ("Then ..." next), or that points back ("the list" the condition does not
name). A duty ("..., the Project Leader must ...") is gen_rules' card ("Under <document>, if ...,
what must they do?"), not asked again here. What remains states one outcome of one condition.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.core.quiz.gen_text import content_words

MAX_CONDITION_WORDS = 16  # a longer condition is a case analysis, not a question a student can hold
MAX_ANSWER_WORDS = 30
MIN_NEW_WORDS = 2  # "If all items compare equal, the sequences are considered equal": the stem gives it away
# Words of a condition that point back to something told before, so the question would not stand alone.
_POINTING = {"it", "its", "they", "them", "their", "this", "that", "these", "those", "such", "so", "either",
             "neither", "one", "he", "she", "him", "her", "his", "both", "above", "previous", "preceding",
             "former", "latter", "same", "other", "another", "i", "we", "me", "us", "our", "my", "here",
             "there"}
# What a reader wants, knows or feels: "If you want to iterate ...", "If you're reading this FAQ ...".
_WISHES = {"want", "wish", "need", "like", "prefer", "decide", "intend", "interest", "read", "remember",
           "believe", "understand", "know", "play", "try", "find", "use", "have", "choose", "unsure"}
# A consequence that advises or allows rather than states what happens.
_ADVICE = re.compile(r"\b(?:possible|must|shall|should|might|may want|suggest|recommend|please|try|would be wise|"
                     r"be sure|best bet|is best|you can|you may|can be|can)\b", re.IGNORECASE)
_BACK = re.compile(r"\b(?:could|would|resulting|result|this|these|those|such|above|previous|preceding|following|"
                   r"former|latter|e\.g|i\.e|for example)\b", re.IGNORECASE)
# What a reader gives a function: "If you don't supply a key function, ..." asks of the function told before.
_ARGUMENT_VERBS = {"supply", "pass", "specify", "provide", "give", "omit", "set", "call"}
_WRITTEN_AS_CODE = re.compile(r"[*`]")
_GOES_ON = re.compile(r"^(?:Then|Next|After that|Afterwards|Finally)\b")
_NUMBERING = re.compile(r"(?<=\.)\s+\d+\.$")  # the next clause's number, read into the sentence ("... canceled. 4.")
_DOCUMENT_WORDS = re.compile(r"\b(?:HOWTO|HOW TO|FAQ|Licen[cs]e|Constitution|Contract|Guidelines|Manifesto|Rulebook|"
                             r"Rules|Act|Treaty|Charter)\b")
# Markup, code and a letter named as an argument ("If *n* is ...", "If x is ..."), told with a function before.
_MARKUP = re.compile(r"[*`_\[\]<>§()=/\\]|(?<!['’])\b[a-zA-Z]\b(?<![aAI])")


@dataclass(frozen=True)
class OutcomeCard:
    condition: str  # "the mayor vetoes a bill"
    consequence: str  # "the Council has 30 days to override the veto by a two-thirds majority vote."


def outcome_card(doc, quote: str = "", followed_by: str = "", term=lambda phrase: False) -> OutcomeCard | None:
    """The condition and its consequence of a parsed sentence "If <condition>, <consequence>." (`quote`:
    the sentence as the notes write it, `followed_by`: the sentence after it, `term`: whether a phrase is a
    term of the notes), None when the sentence is no such statement or one of its halves does not stand
    alone (above)."""
    if _WRITTEN_AS_CODE.search(quote):
        return None  # "If *replacement* is a function, ...": an argument of the function told before
    if _GOES_ON.match(followed_by):
        return None  # "..., the rest of the clause is skipped. Then, ...": one step of several, not what happens
    tokens = list(doc)
    if len(tokens) < 6 or tokens[0].lower_ != "if" or not doc.text.rstrip().endswith("."):
        return None
    clause = tokens[0].head  # "if" marks the adverbial clause it heads
    if clause.dep_ != "advcl" or clause.head.dep_ != "ROOT":
        return None
    end = max(t.i for t in clause.subtree)
    after = end + 1
    if after >= len(tokens) or tokens[after].text not in {",", "then"}:
        return None
    if tokens[after].text == "," and after + 1 < len(tokens) and tokens[after + 1].lower_ == "then":
        after += 1
    condition = doc[1:end + 1]
    consequence = doc[after + 1:]
    if not _stands_alone(condition, clause, term) or not _states_outcome(consequence, clause.head):
        return None
    named = {t.lemma_.lower() for t in condition}
    if any(_definite_common(t) and t.lemma_.lower() not in named and not _modified(t) for t in consequence
           if t.pos_ == "NOUN"):
        return None  # "..., their values are returned as part of the list": the list of the function told before
    if len(content_words(consequence.text) - content_words(condition.text)) < MIN_NEW_WORDS:
        return None  # "..., there are none.", "..., the sequences are considered equal.": nothing to recall
    consequence_text = _NUMBERING.sub("", consequence.text.strip())
    return OutcomeCard(condition.text.strip(), consequence_text[:1].upper() + consequence_text[1:])


def _stands_alone(condition, verb, term=lambda phrase: False) -> bool:
    words = [t for t in condition if not t.is_punct]
    if not 2 <= len(words) <= MAX_CONDITION_WORDS or any(t.text in {",", ";", ":"} for t in condition):
        return False  # one simple condition: a comma inside it is a second clause or a list of cases
    if any(t.lower_ in _POINTING for t in words) or _MARKUP.search(condition.text):
        return False
    subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass", "expl"}), None)
    if subject is None:
        return False  # "If not set, ...": the subject was told before
    if subject.tag_ == "NN" and not any(c.dep_ in {"det", "poss", "compound", "amod"} for c in subject.children):
        return False  # "If replacement is a function": an argument by its name (markup gone), of a function told before
    if _definite_common(subject) and not _a_named_kind(subject, term):
        return False  # "If the iterables are of different lengths": the ones of the function just told
    # "the article 36 justification" is named by its apposition; "the logger's level" (a possessive) asks
    # of any logger; "the general principles of the bill" never says which bill (round 16's drop).
    if any(_definite_common(t) and not _modified(t) and not any(c.dep_ == "appos" for c in t.children)
           for t in words if t.pos_ == "NOUN" and t.i != subject.i and t.dep_ != "poss"):
        return False
    if subject.lower_ == "you" and (verb.lemma_.lower() in _WISHES | _ARGUMENT_VERBS
                                                             or verb.lemma_.lower() == "be"):
        return False  # "If you want ...", "If you're using threads": the reader's situation, advice follows
    return True


def _states_outcome(consequence, root) -> bool:
    text = consequence.text
    words = [t for t in consequence if not t.is_punct]
    if not 3 <= len(words) <= MAX_ANSWER_WORDS or text.rstrip().endswith(":"):
        return False
    if _ADVICE.search(text) or _BACK.search(text) or _MARKUP.search(text):
        return False
    subject = next((c for c in root.children if c.dep_ in {"nsubj", "nsubjpass", "expl"}), None)
    if subject is None or subject.i < consequence.start:
        return False  # an imperative ("put it in ..."), or the main clause was not after the condition
    return subject.lower_ not in {"i", "we", "you", "this", "that", "these", "those"}


def _definite_common(subject) -> bool:
    """A subject written "the <common noun>" ("the iterable", "the file"): in notes it is the one the
    sentences before introduced, not a thing the question could name by itself. A capitalised name
    ("the Project Leader", "the Document" a licence defines) is one thing wherever it is read."""
    determiner = next((c for c in subject.children if c.dep_ == "det"), None)
    return determiner is not None and determiner.lower_ == "the" and subject.text[:1].islower()


def _a_named_kind(noun, term) -> bool:
    """"the conditioned stimulus": the words before the noun make a term the notes use (`term`), a kind of thing
    named wherever it is read, not the one thing the sentences before introduced ("the iterable")."""
    before = [c for c in noun.children if c.dep_ in {"amod", "compound"} and c.i < noun.i]
    if not before:
        return False
    phrase = noun.doc[min(c.left_edge.i for c in before):noun.i + 1].text
    return term(phrase)


def _modified(noun) -> bool:
    """A noun its own words say which one it is: "the emit method", "the level of its parent", "the
    measures it takes"."""
    return any(c.dep_ in {"compound", "amod", "prep", "relcl", "acl", "nummod", "poss"} for c in noun.children)


def outcome_prompt(condition: str, title: str, written=lambda name: None) -> str:
    """The question asked of a condition, under the document it holds in: a condition is a rule of
    one setting, and the same words mean another thing elsewhere. "According to the Logging HOWTO,
    ..." of a document's name, "In the notes on Warsaw, ..." of a topic; "" when the title names
    neither (a chapter number, a markup line). `written(name)` gives a topic as the notes' own
    sentences write it ("the Scottish Parliament", gen_subject), None when they do not tell."""
    title = " ".join(title.split())
    if ":" in title:
        # "Learning Theory: Classical and Operant Conditioning", "Welding: Course Notes": the topic before the colon,
        # what comes after it a subtitle; not a topic with a date or a list in it ("The Black Death, 1346–1353")
        title = re.sub(r"\s*\([^)]*\)", "", title.split(":", 1)[0]).strip()
        if "," in title or re.search(r"\d", title):
            return ""
    title = re.sub(r"\s*\([^)]*\)\s*$", "", title)  # "(v1.9)"
    title = title.strip(" \"“”")
    if not title or not title[:1].isupper() or re.match(r"^(?:Chapter|Section|Part)\b", title) or ":" in title:
        return ""
    if _DOCUMENT_WORDS.search(title):
        named = title if re.match(r"^(?:The|A|An)\b", title) else f"the {title}"
        return f"According to {named[:1].lower() + named[1:]}, what happens if {condition}?"
    return f"In the notes on {written(title) or title}, what happens if {condition}?"


MIN_SAME_CONDITION = 0.7  # share of a condition's telling lemmas another sentence must hold to state it again
MIN_TELLING_SHARED = 2  # one rare word in common ("explicitly") is a coincidence, not the same condition
COMMON_SHARE = 0.04  # a lemma in more of the notes' sentences than this is their vocabulary ("level", "logger")
MIN_COMMON_SENTENCES = 3


def content_lemmas(span) -> set[str]:
    """The lemmas of a parsed span's content words: "agrees in a vote to the general principles" ->
    {"agree", "vote", "general", "principle"}, so "they agree to the general principles" meets it."""
    return {t.lemma_.lower() for t in span if t.is_alpha and not t.is_stop and t.pos_ in
            {"NOUN", "PROPN", "VERB", "ADJ", "ADV", "NUM"}}


def stated_elsewhere(card_doc, card: OutcomeCard, others) -> bool:
    """Another sentence of the notes (`others`: every parsed sentence of the document) states the card's
    condition again without the card's outcome: "If the whole Parliament agrees in a vote to the general
    principles of the bill, it then proceeds to Stage 2." (Stage 1) and "... members proceed to vote at
    Decision Time on whether they agree to the general principles of the final bill." (Stage 3): asked
    "what happens if ...", a student who read the second has another defensible answer (round 16).
    The same condition is told by the condition's telling words, those not used all through the notes:
    in notes on logging every sentence has "level", "logger" and "set", and "If a level is not
    explicitly set on a logger" is not stated again by "The root logger always has an explicit level set"."""
    others = [o for o in others if o.text != card_doc.text]
    sentences_with: dict[str, int] = {}
    for other in others:
        for lemma in content_lemmas(other):
            sentences_with[lemma] = sentences_with.get(lemma, 0) + 1
    common = max(MIN_COMMON_SENTENCES, COMMON_SHARE * len(others))
    condition = {lemma for lemma in _lemmas_of(card_doc, card.condition) if sentences_with.get(lemma, 0) <= common}
    if len(condition) < MIN_TELLING_SHARED:
        return False
    outcome = _lemmas_of(card_doc, card.consequence) - _lemmas_of(card_doc, card.condition)
    for other in others:
        lemmas = content_lemmas(other)
        shared = condition & lemmas
        if len(shared) >= MIN_TELLING_SHARED and len(shared) >= MIN_SAME_CONDITION * len(condition) \
                and not outcome <= lemmas:
            return True
    return False


def _lemmas_of(doc, text: str) -> set[str]:
    """The content lemmas of the tokens of `doc` that make up `text` (a half of its sentence)."""
    start = doc.text.lower().find(text.lower()[:40])
    if start < 0:
        return set()
    end = start + len(text)
    return content_lemmas([t for t in doc if start <= t.idx < end])

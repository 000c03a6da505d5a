"""Cards on a cause the sentence names as the subject of a verb of causing, asked by the effect: "Economic
grievances, war taxation and the preaching of John Ball led to the Peasants' Revolt of 1381." is asked
"What led to the Peasants' Revolt of 1381?", answered with the whole subject; "Erosion-corrosion is caused
by a flowing corrosive fluid." is asked "What causes erosion-corrosion?", answered "A flowing corrosive
fluid." (issue 8: the notes state many causes this way and no template read them; bench/quiz_causes.py
counts them).

The question is the sentence's own words from the verb on ("What" takes the subject's place, so the verb
keeps its tense and no auxiliary is moved). Not the other way round ("What did X lead to?"): round 3 and
interim round 8a dropped it, a cause has many effects and the sentence names one. The effect asked about
has exactly one cause in the sentence, the whole of its subject, and the checks below keep out what has
several defensible answers or leans on what is not shown:
  - only the main verb of a sentence opening with its subject, with no second verb joined to it ("...
    damaged the herds and led to more land being put under the plough": which subject did what), no
    modal, negation or adverb on it ("partly caused by", "gradually resulted in": part of the cause);
  - a subject that points back ("This led to ...", "It is caused by ...", "Such tension ...") or is a
    vague word ("The result ...") refers to the sentence before: refused; so is a pronoun in the effect
    ("... following their defeat": whose?), and a relation naming one party only ("Tension with Paris led
    to a siege by the royal army in 1622": the city besieged is the sentence before's);
  - a give-away: the answer and the question share a content word ("Mongol patronage of Buddhism
    resulted in monuments of Buddhist art");
  - an effect the notes explain in another sentence too (its head noun, with what modifies it before,
    in another sentence with a causal connective): a card keyed to this cause would mark the other wrong
    (the generator checks this over all the notes: `effect_head`, `explained_elsewhere`), or under a heading
    that announces its causes ("Causes of the English revolt": `causes_headed`).
"""

from __future__ import annotations

import re

from bot.core.quiz.gen_concept_causes import CHANGE_VERBS
from bot.core.quiz.gen_context import content_words
from bot.core.quiz.gen_questions import Question

# Verbs of causing and the particle that carries the effect after them (English grammar, no course's words).
_CAUSING = {"lead": "to", "result": "in", "cause": "", "trigger": "", "give": "rise"}
_POINTING = frozenset({"this", "that", "these", "those", "such", "which", "it", "they", "its", "their", "his", "her",
                       "he", "she", "them", "him", "same", "latter", "former", "both"})
_VAGUE = frozenset({"result", "reason", "fact", "thing", "way", "change", "development", "event", "process", "factor",
                    "one", "many", "some", "most", "all", "other", "others", "combination", "effect", "situation"})
_PRESENT = {"caused": "causes", "triggered": "triggers"}
# A connective of cause in another sentence: where the notes explain an effect (English words).
_CAUSAL = re.compile(r"\b(?:because|due to|owing to|as a result|result(?:s|ed)? in|resulted from|led to|leads? to|"
                     r"caused|causes|cause of|reasons? for|triggered|gave rise to)\b", re.IGNORECASE)


def _pointing(span) -> bool:
    return any(t.lower_ in _POINTING or t.tag_ in {"PRP", "PRP$", "WDT", "WP", "WP$"} for t in span)


def caused_question(doc) -> Question | None:
    """"What led to Y?" / "What causes Y?" of "X led to Y." / "Y is caused by X.", answered "X."; None
    when the sentence is not of that form or one of the checks above refuses it."""
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None or root.pos_ != "VERB" or root.lemma_.lower() not in _CAUSING:
        return None
    if any(c.dep_ in {"aux", "neg"} and c.lower_ not in {"has", "have", "had"} or c.dep_ in {"advmod", "npadvmod"}
           and c.i <= root.i + 1 for c in root.children):
        return None  # "could lead to", "did not cause", "partly led to", "resulted partly in": not the whole
        # cause said outright
    end = len(doc)
    while end > 0 and doc[end - 1].is_punct:
        end -= 1
    if any(t.text in {";", ":", "\"", "“", "”"} or t.text in {"(", ")"} and t.i > root.i for t in doc[:end]):
        return None  # a second claim, a quotation, or an aside in the question (one in the cause is the answer's)
    passive = any(c.dep_ == "auxpass" for c in root.children)
    if passive:
        return _passive(doc, root, end)
    if any(c.dep_ == "conj" and c.pos_ in {"VERB", "AUX"} for c in root.children):
        return None  # "... damaged the herds and led to more land ...": which subject did what
    subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.left_edge.i != 0 or subject.right_edge.i + 1 != root.i:
        return None  # an opener before the subject, or words between it and the verb
    particle = _CAUSING[root.lemma_.lower()]
    following = doc[root.i + 1] if root.i + 1 < len(doc) else None
    if particle and (following is None or following.lower_ != particle):
        return None  # "led the army", "resulted from": not the causing sense
    if root.lemma_.lower() == "give" and (root.i + 2 >= len(doc) or doc[root.i + 2].lower_ != "to"):
        return None
    cause = doc[:root.i]
    effect = doc[root.i + (3 if root.lemma_.lower() == "give" else 2 if particle else 1):end]
    if len(effect) < 2 or not any(t.pos_ in {"NOUN", "PROPN"} for t in effect):
        return None
    if any(t.text == "," for t in effect) and not _a_list(effect):
        return None  # ", which ...", ", while ...": a second claim after the effect
    question = f"What {doc[root.i:effect.start].text} {effect.text}?"
    return _checked(question, cause, effect, subject)


def _passive(doc, root, end) -> Question | None:
    """"Y is/was caused by X." asked "What causes/caused Y?", answered X (the agent's phrase, to the end of
    the sentence or to a second verb joined to the first: "... and is spread by mosquitoes")."""
    if root.lemma_.lower() != "cause":
        return None
    subject = next((c for c in root.children if c.dep_ == "nsubjpass"), None)
    agent = next((c for c in root.children if c.dep_ == "agent"), None)
    auxpass = next((c for c in root.children if c.dep_ == "auxpass"), None)
    if subject is None or agent is None or auxpass is None or subject.left_edge.i != 0 \
            or subject.right_edge.i + 1 != auxpass.i or auxpass.i + 1 != root.i or agent.i != root.i + 1:
        return None
    objects = [c for c in agent.children if c.dep_ == "pobj"]
    if len(objects) != 1:
        return None
    cause = doc[objects[0].left_edge.i:objects[0].right_edge.i + 1]
    aside = next((c for c in objects[0].children if c.dep_ == "appos" and c.left_edge.i > objects[0].i
                  and doc[c.left_edge.i - 1].text == ","), None)
    if aside is not None and aside.right_edge.i + 1 == cause.end:
        # "TB is caused by Mycobacterium tuberculosis, a slow-growing, aerobic, acid-fast rod.": what the cause is,
        # said after a comma, describes it; the answer is the name
        cause = doc[cause.start:aside.left_edge.i - 1]
    after = doc[objects[0].right_edge.i + 1:end]
    if len(after) and not (after[0].dep_ == "cc" and any(c.dep_ == "conj" and c.i == after.end - 1 or c.dep_ == "conj"
                                                         for c in root.children)):
        return None  # something follows the cause that is not a second claim of its own ("and is spread by ...")
    if any(t.text == "," for t in cause) and not _a_list(cause):
        return None
    verb = "causes" if auxpass.lower_ in {"is", "are"} else "caused" if auxpass.lower_ in {"was", "were"} else ""
    if not verb:
        return None
    effect = doc[:subject.right_edge.i + 1]
    first = effect[0]
    # Lower case unless written in capitals throughout ("ADH", "DNA"): the generator capitalises it again
    # when the notes write it so inside sentences (generator._cased_as_named).
    shown = effect.text if first.text.isupper() or first.text[1:2].isupper() \
        else first.text.lower() + effect.text[len(first.text):]
    return _checked(f"What {verb} {shown}?", cause, effect, subject)


# Nouns of amount whose "of" phrase is the thing ("a number of monuments"). English words.
_QUANTITY = frozenset({"number", "lot", "series", "range", "variety", "amount", "couple", "host", "set", "kind", "type",
                       "sort", "deal", "part"})


def _shared_stem(one, other) -> bool:
    """The two spans share a content word, or the first six letters of one ("Buddhism", "Buddhist")."""
    first, second = set(content_words(one)), set(content_words(other))
    return bool(first & second) or any(a[:6] == b[:6] for a in first for b in second if len(a) >= 6 and len(b) >= 6)


def _one_party(noun) -> bool:
    """A noun of a relation that names one party only: "tension with Paris", "a treaty with Spain" (no
    owner, no "between", no "of" before the "with"): the other party is the passage's, told before."""
    preps = [c for c in noun.children if c.dep_ == "prep"]
    return any(p.lower_ == "with" for p in preps) and not any(p.lower_ in {"of", "between", "among"} for p in preps) \
        and not any(c.dep_ == "poss" for c in noun.children)


def _a_list(span) -> bool:
    """Every comma of the span separates items of one list ("grievances, war taxation and ...")."""
    return all(t.head.dep_ == "conj" or any(c.dep_ == "conj" for c in t.head.children) for t in span if t.text == ",")


def _checked(question: str, cause, effect, subject) -> Question | None:
    if _pointing(cause) or _pointing(effect):
        return None  # "This led to ...", "It is caused by ...", "... following their defeat": told before
    if subject.lemma_.lower() in _VAGUE or subject.pos_ == "PRON" or subject.tag_ == "VBG" and not len(list(subject.children)):
        return None
    if _one_party(subject):
        return None  # "Tension with Paris led to a siege ...": whose tension? the other party is told before
    if _shared_stem(cause, effect):
        return None  # the answer repeats the question's words: given away ("Buddhism" / "Buddhist art")
    head = next((t for t in effect if t.head.i == t.i or t.head.i not in range(effect.start, effect.end)), None)
    if head is not None and head.lemma_.lower() in _QUANTITY:
        return None  # "a number of monuments": how many, not what
    if head is not None and any(c.dep_ == "compound" and c.lemma_.lower() in CHANGE_VERBS
                                and c.i > 0 and c.doc[c.i - 1].dep_ == "amod" for c in head.children):
        return None  # "a rapid rise architecture": an adjective of a change set before a noun with no "in"
        # or "of" after the change: words missing, what changed cannot be told
    answer = cause.text[:1].upper() + cause.text[1:]
    return Question(" ".join(question.split()), answer.rstrip(".,") + ".", "cause")


def effect_head(doc) -> str:
    """The effect's head noun with the words before it that say which ("Peasants' Revolt", "siege",
    "erosion-corrosion"): the object of "to"/"in" after the causing verb, its direct object, or the
    passive subject."""
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None:
        return ""
    heads = [c for c in root.children if c.dep_ in {"nsubjpass", "dobj"}]
    heads += [g for c in root.children if c.dep_ in {"ccomp", "xcomp"} for g in c.children
              if g.dep_ in {"nsubj", "nsubjpass"}]  # "causes aquaporins to be inserted"
    for prep in (c for c in root.children if c.dep_ in {"prep", "dobj"} and c.lower_ in {"to", "in", "rise"}):
        heads += [g for c in prep.children for g in ([c] if c.dep_ == "pobj" else
                                                     [x for x in c.children if x.dep_ == "pobj"])]
    if not heads:
        return ""
    head = heads[0]
    before = [t for t in head.subtree if t.i <= head.i and t.dep_ in {"compound", "amod", "poss", "case"}
              and t.i >= head.i - 3] + [head]
    start = min(t.i for t in before)
    return doc[start:head.i + 1].text


def explained_elsewhere(head: str, sentence_text: str, texts, answer: str = "") -> bool:
    """Another sentence of the notes holds the effect's head noun with the words before it ("Peasants'
    Revolt", "erosion-corrosion") and a connective of cause: the notes give (part of) its cause there
    too, so one cause keyed would mark another answer wrong. Not a sentence that names the answer's own
    last word (`answer`: "Mycobacterium tuberculosis"), which tells the same cause again ("... the rod-shaped
    bacterium that causes most TB"), nor one where the effect is not told as an effect ("TB remains a major cause
    of death": it causes something itself; `_explains`)."""
    if not head:
        return True
    words = head
    pattern = re.compile(r"\b" + re.escape(words) + r"\b", re.IGNORECASE)
    last = re.findall(r"[A-Za-z]{4,}", answer)[-1].lower() if re.findall(r"[A-Za-z]{4,}", answer) else ""
    return any(text != sentence_text and pattern.search(text) and _CAUSAL.search(text)
               and not (last and re.search(r"\b" + re.escape(last) + r"\b", text, re.IGNORECASE))
               and _explains(head, text) for text in texts)


def _explains(head: str, text: str) -> bool:
    """The text names `head` where an effect stands: within three words after a causing verb or noun ("causes
    most TB", "the causes of human malaria") or anywhere before "caused by", "because", "due to" ("The Ostra flood
    of 1911 was worse than expected because ...")."""
    name = re.escape(head)
    after = re.search(r"\b(?:causes?|caused|led to|leads? to|result(?:s|ed)? in|causes? of|reasons? for|triggered|"
                      r"gave rise to)\b(?:\s+[\w-]+){0,3}?\s+" + name + r"\b", text, re.IGNORECASE)
    before = re.search(r"\b" + name + r"\b.*?\b(?:caused by|because|due to|owing to|results? from|resulted from|"
                       r"as a result of|on account of)\b", text, re.IGNORECASE)
    return bool(after or before)


# A heading over a passage that gives causes: "Causes of the English revolt", "Why the dam failed",
# "Reasons for ..." (English words; the notes' own headings).
_CAUSES_HEADING = re.compile(r"\b(?:causes?|reasons?|origins?|roots?|why)\b", re.IGNORECASE)


def causes_headed(head: str, headings) -> bool:
    """A heading of the notes announces the causes of the effect's head noun ("Causes of the English
    revolt" over a list of five causes, where a summary line says "Economic grievances, war taxation and
    the preaching of John Ball led to the Peasants' Revolt of 1381": the card's key would be three of
    the five)."""
    noun = head.split()[-1].lower() if head else ""
    if not noun:
        return False
    pattern = re.compile(r"\b" + re.escape(noun.rstrip("s")) + r"s?\b", re.IGNORECASE)
    return any(_CAUSES_HEADING.search(h) and pattern.search(h) for h in headings)

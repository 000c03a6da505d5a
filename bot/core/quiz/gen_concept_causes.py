"""Why-cards on a cause stated before its effect, read from spaCy's parse: "Because oil was priced in
dollars, oil producers' real income decreased." is the sentence "Oil producers' real income
decreased because oil was priced in dollars." said the other way round, so it is put in that order
and asked by gen_questions' why_question ("Why did oil producers' real income decrease?").

Not made: "What did X lead to / result in / cause?" with the effect as the answer. Interim round 8a
kept 1 of 5 (the deportation of Acadians): the notes give most causes several effects, only one of
which the sentence names, so the card has many defensible answers ("What did the energy crisis lead
to?": a speed limit, a reserve, a department, smaller cars ...). The question must name what the
sentence alone answers, as "Why ...?" of one effect does.

Nor a why-card whose key is only part of the cause the notes give (the oil producers' income, dropped
in rounds 8, 8a, 9a and 9): a fronted cause that carries on from the sentence before ("The result was
a depreciation of the dollar ... Because oil was priced in dollars, oil producers' real income
decreased.": the cause is told across both sentences, `continues_previous`), or an effect the notes
give another cause of elsewhere ("..., so their real incomes lagged": `caused_elsewhere`).
"""

from __future__ import annotations

import re

from bot.core import nlp
from bot.core.quiz.gen_context import content_words
from bot.core.quiz.gen_questions import Question, why_question

# A cause set before the main clause, by the words that open the sentence.
_FRONTED_MARKERS = (("because", "of"), ("because",), ("due", "to"), ("owing", "to"), ("as", "a", "result", "of"))


def _fronted(doc):
    """(the marker's words, the comma closing the cause) of a sentence opening with its cause."""
    lowered = [t.lower_ for t in doc]
    marker = next((m for m in _FRONTED_MARKERS if tuple(lowered[:len(m)]) == m), None)
    if marker is None:
        return None
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    comma = next((t for t in doc if t.text == "," and t.i > len(marker) and t.head.i == root.i), None) \
        if root is not None else None
    if comma is not None and comma.i < root.i and not any(t.text == "," for t in doc[len(marker):comma.i]):
        return marker, comma
    # The parser runs the cause on into the main clause's subject ("Because goods and services are produced
    # from scarce resources, goods and services are scarce": the second "goods" read as a conjunct of
    # "resources"), or the cause is a list ("Because of pressure, friction and the melting of plate material
    # in the mantle, earthquakes and volcanoes are common ..."): the cause ends at the last comma before the
    # main verb when what follows that comma, parsed alone, is a clause opening with its subject, and every
    # comma inside the cause separates items of one list closed by "and"/"or".
    if root is None:
        return None
    commas = [t for t in doc[len(marker) + 1:root.i] if t.text == ","]
    if not commas:
        return None
    comma = commas[-1]
    inside = commas[:-1]
    if inside and not any(t.lower_ in {"and", "or"} for t in doc[inside[-1].i:comma.i]):
        return None  # commas with no "and" closing a list: an aside, where the cause ends is not sure
    if any(t.lower_ in {"which", "who", "while", "although", "though", "when", "where", "if"}
           or t.tag_ in {"WDT", "WP"} for t in doc[len(marker):comma.i]):
        return None  # a clause inside the cause
    main = nlp.parse_lines([doc[comma.i + 1:].text])[0]
    main_root = next((t for t in main if t.dep_ == "ROOT"), None)
    subject = next((c for c in main_root.children if c.dep_ in {"nsubj", "nsubjpass"}), None) \
        if main_root is not None and main_root.pos_ in {"VERB", "AUX"} else None
    if subject is None or subject.left_edge.i != 0 or subject.i > main_root.i:
        return None
    return marker, comma


def fronted_cause_question(doc) -> Question | None:
    """"Because X, Y." asked as "Y because X." is: the cause clause ends at the first comma whose
    word belongs to the main clause."""
    found = _fronted(doc)
    if found is None:
        return None
    marker, comma = found
    cause = doc[len(marker):comma.i].text
    effect = doc[comma.i + 1:].text.strip().rstrip(".")
    if not effect or not cause:
        return None
    effect = effect[:1].upper() + effect[1:]  # it opens the sentence now
    reordered = f"{effect} {' '.join(marker)} {cause}."
    question = why_question(nlp.parse_lines([reordered])[0])
    return question


# Connectives after which a clause is an effect ("..., so their real incomes lagged"), and before
# which it is one ("... lagged because ..."): where another sentence of the notes explains something.
_EFFECT_AFTER = re.compile(r"(?:,\s*so|\btherefore|\bthus|\bhence|\bconsequently|\bas a result(?! of)|\bled to|"
                           r"\bresulted in|\bcaused)\b(?!\s+(?:that|as|far|much|many|long)\b)", re.IGNORECASE)
_EFFECT_BEFORE = re.compile(r"\b(?:because|due to|owing to|as a result of|on account of)\b", re.IGNORECASE)


# Verbs saying that a quantity or a state changed (English grammar, no course's words).
CHANGE_VERBS = frozenset("""increase decrease rise fall drop decline grow shrink lag fluctuate double halve soar
    plummet slump collapse improve worsen deteriorate recover expand contract stagnate diminish dwindle""".split())


def continues_previous(doc, previous) -> bool:
    """A cause set before its effect ("Because X, Y.") that shares a content word with the sentence
    before it: the writer fronted it to carry on from there, so the cause is told across both
    sentences and the clause alone is half of it. `previous`: the parsed sentence before, or None."""
    found = _fronted(doc) if previous is not None else None
    if found is None:
        return False
    marker, comma = found
    cause = set(content_words(doc[len(marker):comma.i]))
    return bool(cause & set(content_words(previous)))


def caused_elsewhere(doc, docs) -> bool:
    """The sentence explains a change of something ("oil producers' real income decreased") and
    another sentence of the notes gives a cause of a change of the same thing: its effect side (after
    "so", "therefore", "led to" ...; before "because", "due to" ...) has a verb of change whose subject
    has the same head noun ("..., so their real incomes lagged"). A card keyed to one cause marks the
    other wrong. Only changes: "member states" or "the Rankine cycle" are the subjects of many
    sentences about other things."""
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None or root.lemma_.lower() not in CHANGE_VERBS:
        return False
    subject = next((c for c in root.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subject is None:
        return False
    head = subject.lemma_.lower()
    for other in docs:
        if other.text == doc.text:
            continue
        for side in _effect_sides(other):
            if any(t.lemma_.lower() in CHANGE_VERBS and any(c.dep_ in {"nsubj", "nsubjpass"} and c.lemma_.lower() == head
                                                           for c in t.children) for t in side):
                return True
    return False


def _effect_sides(doc) -> list:
    """The spans of a parsed sentence that a causal connective marks as effects."""
    sides = []
    for match in _EFFECT_AFTER.finditer(doc.text):
        span = doc.char_span(match.end(), len(doc.text), alignment_mode="expand")
        if span is not None:
            sides.append(span)
    for match in _EFFECT_BEFORE.finditer(doc.text):
        if match.start() > 0:
            span = doc.char_span(0, match.start(), alignment_mode="expand")
            if span is not None:
                sides.append(span)
    return sides


def lacks_setting(doc, question: str) -> bool:
    """The effect asked about is something done to a thing, by nobody named, nowhere and at no time the
    question says: the sentence's main verb is passive with no agent ("by ...") and the question
    holds no name and no number. "Why were western musical instruments introduced?" (where, when, by
    whom?), "Why were local schools and government agencies funded?" (interim round 10a: all three
    such cards dropped; none of the why-cards kept in rounds 3-10a is of this form)."""
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None:
        return False
    if re.search(r"\b[A-Z]|\d", question[1:]):
        return False
    if any(c.dep_ == "nsubj" and _bare_plural(c) for c in root.children) and root.tag_ == "VBD":
        # "Governments had no effective response, because ...": a past deed of a class named by a bare
        # plural, nowhere and at no time the question says (set 16, dropped: "Why did governments have
        # no effective response?", to what? when?). In the present a bare plural is a general truth
        # ("Enzymes speed up reactions because ..."), and asked as one.
        return True
    if not any(c.dep_ == "nsubjpass" for c in root.children):
        return False
    if _general_passive(root):
        return False
    return not any(c.dep_ == "agent" for c in root.children)


def _general_passive(root) -> bool:
    """A passive in the simple present with no other auxiliary, its verb completed by a phrase after it ("Resistance
    welding is usually classed as fusion welding"): a general truth of the thing, whose setting is the phrase, not
    a deed done once by somebody somewhere ("were introduced"); "Why is steel reinforcement added?" (added to
    what?) has no phrase and stays refused."""
    auxiliaries = [c for c in root.children if c.dep_ in {"aux", "auxpass"}]
    if len(auxiliaries) != 1 or auxiliaries[0].lower_ not in {"is", "are"} or root.tag_ != "VBN":
        return False
    return any(c.dep_ == "prep" and c.i > root.i and any(g.dep_ == "pobj" for g in c.children) for c in root.children)


def _bare_plural(noun) -> bool:
    """A plural common noun with no word before it that says which ones ("governments", "dissenting
    voices"; not "the governments", "their governments", "European governments")."""
    return noun.tag_ == "NNS" and not any(c.dep_ in {"det", "poss", "nummod", "compound"} or c.ent_type_
                                          for c in noun.children if c.i < noun.i)


# Openers that add a point to a reasoning the sentences before began: "Moreover, member states come
# under a duty not to replicate Regulations, in order to prevent confusion" (round 11: the substantive
# reasons, direct applicability and uniform application, were in the sentences before; the key was
# judged the thin half of the reason).
_ADDING = re.compile(r"^(?:moreover|furthermore|additionally|besides|likewise|similarly|in addition|also)\b[ ,]",
                     re.IGNORECASE)
# A purpose of a verb and one noun ("to prevent confusion", "to save time"): a reason that fits most
# rules, so a card keyed to it tests wording, not why.
_BARE_PURPOSE = re.compile(r"^(?:in order |so as )?to [a-z]+ [a-z]+\.?$", re.IGNORECASE)


def adds_to_previous(text: str) -> bool:
    """The sentence adds to a reasoning begun before it ("Moreover, ...", "In addition, ...")."""
    return bool(_ADDING.match(text))


def bare_purpose(answer: str) -> bool:
    """A purpose of one verb and one noun: "In order to prevent confusion."."""
    return bool(_BARE_PURPOSE.match(answer.strip()))


# --- "X, so Y": a cause stated before its effect with "so" --------------------------------------------

# Words after "so" that make it something else than "and therefore": "so that" (purpose), "so called",
# "so far", "so much", "so long as" (English words).
_NOT_RESULT_SO = frozenset({"that", "as", "far", "much", "many", "long", "called", "-", "–"})
# Words that point to what the passage said before, or single out one of things named before ("these",
# "both goods", "the other"): the clause does not stand alone (English's closed class).
_POINTERS = frozenset({"this", "that", "these", "those", "such", "former", "latter", "other", "same", "each"})


def _points_back(span) -> bool:
    return any(t.tag_ in {"PRP", "PRP$", "WDT", "WP"} or t.lower_ in _POINTERS and t.dep_ in {"det", "nsubj", "dobj",
                                                                                               "amod", "pobj", "predet"}
               or t.lower_ == "both" and t.dep_ in {"det", "nsubj", "dobj", "pobj", "predet"} for t in span)


def _names_its_setting(cause, effect) -> bool:
    """The cause names a thing as one met before ("the PDF": "the" and a noun, nothing that says which) that
    the effect does not name: the question, the effect alone, leaves out what the answer is about
    ("Why must a LaTeX engine be installed?" -- "Because by default Pandoc creates the PDF with LaTeX.":
    for a PDF, the section's subject; round 39, dropped). A noun the effect names too is its own
    setting ("... requires the towns to keep a granary, so a town must ...")."""
    named = {t.lemma_.lower() for t in effect if t.pos_ in {"NOUN", "PROPN"}}
    for t in cause:
        if t.pos_ not in {"NOUN", "PROPN"} or t.dep_ == "compound" or t.lemma_.lower() in named:
            continue
        if _the_alone(t):
            return True
    return False


def _the_alone(noun) -> bool:
    """Nothing but "the" before the noun says which one it is ("the PDF", "the cases"). A phrase after the noun
    other than "of ..." is read as the verb's as often as the noun's ("creates the PDF with LaTeX"): only "of"
    says which one."""
    children = [c for c in noun.children if not (c.dep_ == "prep" and c.lower_ != "of")]
    return len(children) == 1 and children[0].dep_ == "det" and children[0].lower_ == "the" and children[0].i < noun.i


def heading_points_back(heading_doc) -> bool:
    """A section heading that names things as met before, "the" and a plural with nothing saying which ("8.4
    What the cases have in common"): its sentences state what holds of those things, not in general, and a
    why-card of one ("Why does the real value of the money supply fall?", of the hyperinflations the notes
    compared; round 39, dropped) asks a general truth the notes do not claim."""
    for t in heading_doc:
        if t.tag_ != "NNS" or t.dep_ == "compound":
            continue
        if _the_alone(t):
            return True
    return False


def so_question(doc) -> Question | None:
    """"X, so Y." asked as "Y because X." is: "Labour became scarce, so surviving workers could demand
    higher pay." -> "Why could surviving workers demand higher pay?", answered "Because labour became
    scarce." Only one clause on each side: a cause with no comma, colon or bracket (an opener, an aside or
    a list of causes leaves where it starts unsure), no word pointing to the passage ("these", "he"), and an
    effect with neither; why_question's own checks then read the effect (its subject opens it, no pronoun,
    one claim)."""
    commas = [t for t in doc if t.text == "," and t.i + 2 < len(doc) and doc[t.i + 1].lower_ == "so"
              and doc[t.i + 2].lower_ not in _NOT_RESULT_SO]
    if len(commas) != 1:
        return None
    comma = commas[0]
    cause, effect = doc[:comma.i], doc[comma.i + 2:]
    if len(cause) < 3 or any(t.text in {",", ";", ":", "(", ")", "\"", "“", "”", "–", "—"} for t in cause) \
            or any(t.text in {";", ":"} for t in effect):
        return None
    named = _named_again(cause, effect)
    if _points_back(cause) or _points_back(effect[1:] if named else effect):
        return None  # "In a crystal, these are tightly bound ...", "so the total output of both goods increases"
    if _names_its_setting(cause, effect):
        return None  # "By default Pandoc creates the PDF with LaTeX, so a LaTeX engine must be installed" (round 39)
    if not any(t.dep_ in {"nsubj", "nsubjpass", "expl"} for t in cause) or cause[0].lower_ in {"if", "when", "as"} \
            or cause[0].lower_ == "for" and (len(cause) < 2
                                             or cause[1].lower_ in {"example", "instance", "this", "that"}):
        return None  # "For example, ...", "If ...": no claim of its own, or a condition ("For most common metals in
        # natural environments delta G is negative, so ...": a claim of its own, the phrase says of what)
    first = cause[0]
    cause_text = first.lower_ + cause.text[len(first.text):] if first.lower_ in {"the", "a", "an"} \
        or not (first.pos_ == "PROPN" or first.ent_type_ or first.text.isupper() or first.text[1:2].isupper()) \
        else cause.text
    effect_text = effect.text.strip().rstrip(".").strip()
    if named:
        effect_text = named + effect_text[len(effect[0].text):]
    if not effect_text:
        return None
    reordered = f"{effect_text[:1].upper()}{effect_text[1:]} because {cause_text}."
    cause_verb = next((t for t in cause if t.head.i == t.i or not cause.start <= t.head.i < cause.end), None)
    changed = cause_verb is not None and cause_verb.lemma_.lower() in CHANGE_VERBS | _BECOMING
    return why_question(nlp.parse_lines([reordered])[0], changed=changed)


# The dependencies of a verb's or preposition's objects: what fills them is a thing a pronoun may stand for.
_OBJECTS = frozenset({"dobj", "pobj", "dative", "oprd"})

# Verbs of coming to be in a state (English's closed class): "Labour became scarce".
_BECOMING = frozenset({"become", "grow", "get", "turn"})


def _named_again(cause, effect) -> str:
    """The cause's subject, written out, when the effect opens with a pronoun subject that can only be it: "P680⁺
    is strongly electron-hungry, so it takes electrons from water" -> "P680⁺ takes electrons from water". "it" of
    a singular subject, "they" of a plural one or of two joined by "and", and nothing else in the cause that
    the pronoun could stand for (another noun of that number, outside the subject and not inside an adjective
    phrase: "Chlorine has ... a high electron affinity, so it ..."). "" when the effect does not open so."""
    pronoun = effect[0] if len(effect) else None
    if pronoun is None or pronoun.lower_ not in {"it", "they"} or pronoun.dep_ not in {"nsubj", "nsubjpass"}:
        return ""
    verb = next((t for t in cause if t.head.i == t.i or not cause.start <= t.head.i < cause.end), None)
    subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None) if verb is not None else None
    if subject is None or subject.left_edge.i != cause.start or subject.pos_ not in {"NOUN", "PROPN"}:
        return ""
    phrase = cause.doc[subject.left_edge.i:subject.right_edge.i + 1]
    if _points_back(phrase) or any(t.text in {",", "(", ")"} for t in phrase):
        return ""
    plural = subject.tag_ in {"NNS", "NNPS"} or any(c.dep_ == "conj" for c in subject.children)
    if plural != (pronoun.lower_ == "they"):
        return ""
    inside = range(phrase.start, phrase.end)
    for t in cause:
        if t.i in inside:
            continue
        if t.dep_ in _OBJECTS and t.pos_ not in {"NOUN", "PROPN", "PRON"} and not plural:
            # an object the tagger did not read as a noun is a thing all the same: "Vaccination does not produce
            # anti-HBc, so it distinguishes infection from vaccination" ("it" is anti-HBc, not vaccination; set 23,
            # judged wrong)
            return ""
        if t.pos_ not in {"NOUN", "PROPN"} or t.dep_ == "compound" or t.head.pos_ == "ADJ":
            continue
        if (t.tag_ in {"NNS", "NNPS"}) == plural:
            return ""  # another thing the pronoun could stand for
    head_words = {t.lemma_.lower() for t in phrase if t.pos_ in {"NOUN", "PROPN"}}
    if head_words & {t.lemma_.lower() for t in effect[1:] if t.pos_ in {"NOUN", "PROPN"}}:
        return ""  # the subject written out would meet itself again in the effect: a circular claim
    first = phrase[0]
    if first.pos_ == "PROPN" or first.ent_type_ or first.text.isupper() or first.text[1:2].isupper() \
            or not first.text[:1].isalpha():
        return phrase.text
    return first.text.lower() + phrase.text[len(first.text):]


# --- a cause whose sentence goes on after a semicolon or colon ----------------------------------------

_CUT_MARKS = frozenset({";", ":"})
_CAUSE_WORDS = re.compile(r"\b(?:because|due to|owing to|as a result of|on account of|in order to|so that|so as to)\b",
                          re.IGNORECASE)


def cut_cause_question(doc) -> Question | None:
    """why_question of the clause before a semicolon or colon that follows the cause marker: "ADH inserts aquaporins
    into the collecting duct so that water can be reabsorbed, producing concentrated urine; without ADH the urine is
    dilute." The parser roots such a sentence in its second clause, so why_question finds no verb of the effect; the
    first clause alone is the claim with its cause ("Why does ADH insert aquaporins into the collecting duct?" --
    "So that water can be reabsorbed, producing concentrated urine."), what follows the mark a second claim, or a
    detail of the cause ("...because it uses less fuel: there is no water in a slurry to be evaporated")."""
    cut = next((t for t in doc if t.text in _CUT_MARKS), None)
    if cut is None or cut.i < 6:
        return None
    before = doc[:cut.i].text
    if not _CAUSE_WORDS.search(before) or any(t.text in _CUT_MARKS for t in doc[:cut.i]):
        return None
    return why_question(nlp.parse_lines([before.rstrip(" ,") + "."])[0])

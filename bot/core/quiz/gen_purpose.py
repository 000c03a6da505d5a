"""Why-cards on a purpose the notes give with a bare "to": "Kublai created the Imperial Academy of
Medicine to manage medical treatises and the education of new doctors." is asked "Why did Kublai
create the Imperial Academy of Medicine?", answered "To manage medical treatises and the education
of new doctors." (gen_questions.why_question builds the question, as for "in order to"). Only deeds
with their doer as the subject: interim round 10a dropped every passive one (no setting, a purpose
guessed from the stem) and one asked of what goals were ("set ambitious goals to modernise ...").

The why-card is the cause kind the judges keep (rounds 7-9: 5 of 7 kept, purposes among them: the
water pump "so that they may be run continuously"), yet the notes state most purposes with "to"
alone, which the cause markers do not see: 33 such clauses on the 13 judged notes against 8 cause
items made (RESULTS 8.19). Only a purpose clause of the sentence's main verb is taken, from spaCy's
parse; a "to" that completes the verb ("led many of them to stay away", "came to be known", "gave
orders to the Home Army to try") or has its own subject ("for someone to be protected") is no purpose.
"""

from __future__ import annotations

import re

from bot.core.quiz.gen_questions import Question, why_question

# Verbs whose object is followed by what it is made, let or told to do: a "to" after them completes
# the verb (spaCy's small model often reads it as a clause of purpose). English grammar, not a course's words.
_COMPLEMENT_VERBS = frozenset({"lead", "cause", "force", "allow", "enable", "permit", "encourage", "persuade",
                               "convince", "ask", "order", "urge", "invite", "want", "expect", "require", "help",
                               "get", "make", "tell", "come", "seem", "appear", "tend", "begin", "continue",
                               "try", "attempt", "decide", "agree", "fail", "refuse", "manage", "choose",
                               "prefer", "like", "need", "wish", "hope", "plan", "intend", "give", "be",
                               "become", "have", "use"})
# Words before "to" that make it something else than a purpose: "in order to" and "so as to" are the
# cause markers' own, "as if to" a guess, "only to" what followed, "enough to" a degree.
_NOT_PURPOSE_BEFORE = frozenset({"order", "as", "if", "only", "so", "enough", "how", "whether"})
# Nouns whose content a "to" clause gives: "goals to modernise", "orders to seize". English words.
_CONTENT_NOUNS = frozenset({"goal", "aim", "target", "plan", "policy", "effort", "attempt", "order", "right",
                            "power", "decision", "proposal", "permission", "chance", "opportunity", "way", "ability",
                            "need", "desire", "wish", "mission", "task", "duty", "promise", "campaign", "programme",
                            "program", "scheme", "measure", "step", "law", "act", "bill", "resolution", "request"})
_MODALS = frozenset({"can", "could", "may", "might", "must", "shall", "should", "will", "would"})
# Verbs of providing: a "to" right after their object says what the object is for ("The gc module
# provides functions to perform a garbage collection"), not why the subject acts; the small model
# reads it as a purpose of the verb all the same (held-out round 12: "Why does the gc module provide
# functions?", dropped). English grammar, not a course's words.
_PROVIDING_VERBS = frozenset({"provide", "offer", "supply", "include", "contain", "expose", "feature", "ship",
                              "export"})


def purpose_question(doc) -> Question | None:
    """"Why did X do Y?" of "X did Y to Z", answered "To Z."; None when the sentence has no purpose
    clause of its main verb."""
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None or root.pos_ not in {"VERB", "AUX"} or root.tag_ == "VBG" or root.lemma_ in _COMPLEMENT_VERBS:
        return None
    if any(c.dep_ == "aux" and c.lower_ in _MODALS for c in root.children):
        return None  # "Any member can put their name forward to be First Minister": what may be, not why
    if any(c.dep_ in {"auxpass", "nsubjpass"} for c in root.children):
        # "Why were Western musical instruments introduced?", "Why were local schools and government
        # agencies funded?", "Why were the private networks often connected via gateways ...?": a deed
        # with no doer named has no setting (introduced where, by whom?) and its purpose is guessed
        # from the stem (interim round 10a: all three dropped; the active deeds were kept).
        return None
    obj = next((c for c in root.children if c.dep_ == "dobj"), None)
    if obj is not None and obj.lemma_.lower() in _CONTENT_NOUNS:
        return None  # "set ambitious goals to modernise China's industry": what the goals were, not why (round 10a)
    if obj is not None and root.lemma_.lower() in _PROVIDING_VERBS:
        return None  # "provides functions to perform ...": what the functions do, not why it provides them
    for clause in root.children:
        if clause.dep_ != "advcl" or clause.i < root.i:
            continue
        to = next((c for c in clause.children if c.dep_ == "aux" and c.lower_ == "to"), None)
        if to is None or clause.left_edge.i != to.i or to.i == 0:
            continue  # "for someone to be protected": the clause has a subject of its own
        if doc[to.i - 1].lower_ in _NOT_PURPOSE_BEFORE or any(c.dep_ in {"nsubj", "mark"} for c in clause.children):
            continue
        if any(t.text in {"(", ")"} for t in doc[:to.i]) or not _pronouns_agree(doc, root, clause):
            return None
        return why_question(doc, marker=(to.i, to.i + 1))
    return None


_PERSONAL = frozenset({"he", "him", "his", "she", "her"})
_THING = frozenset({"it", "its"})
_PLURAL = frozenset({"they", "them", "their"})


def _pronouns_agree(doc, root, clause) -> bool:
    """The purpose's pronouns can stand for the subject the question names: "his army" of Kublai, not
    "its preeminence" of a person ("James Bryant Conant reinvigorated creative scholarship to
    guarantee its preeminence": whose, the question does not say). A parenthesis in the effect is an
    aside the question would copy ("(Xuanzheng Yuan) set up in Khanbaliq (modern Beijing)")."""
    subject = next((c for c in root.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subject is None:
        return False
    person = subject.ent_type_ == "PERSON"
    plural = subject.tag_ in {"NNS", "NNPS"} or any(c.dep_ == "conj" for c in subject.children)
    for t in clause.subtree:
        word = t.lower_
        if word in _PERSONAL and not person or word in _THING and (person or plural) \
                or word in _PLURAL and not plural:
            return False
    return True


# --- reasons given after the main clause -------------------------------------------------------------

# A clause after these, set off by a comma after the main clause, gives its reason: "Land-based steam
# engines could exhaust much of their steam, as feed water was usually readily available." English
# grammar: "as" and "since" also say when or how ("as described by", "as they are now known", "as is
# X"), which the checks below refuse by the clause's own form, not by its words.
_REASON_MARKS = frozenset({"as", "since"})
_COMPLEMENTS = frozenset({"dobj", "attr", "acomp", "prep", "xcomp", "ccomp", "oprd", "dative", "agent", "advmod",
                          "npadvmod", "pobj"})


# The reader or the writer as the subject of an "as" clause: "as you can easily confirm with ...", "as we
# have seen". English pronouns.
_READER_OR_WRITER = frozenset({"you", "we", "i", "one"})
_OWN_OBJECTS = frozenset({"dobj", "ccomp", "xcomp", "attr", "acomp", "oprd", "dative"})


def comments_on_claim(clause, subject) -> bool:
    """The "as" clause is the reader's or the writer's comment on the main clause, not its reason: its
    subject is "you", "we", "I" or "one" and its verb has no object or complement of its own, since the
    main clause is what is confirmed or seen ("Debian contains dozens of other backup software ..., as you
    can easily confirm with apt-cache search backup": round 19 keyed "Because you can easily confirm ..."
    as the reason, wrong by the notes). "as you have no permission" gives a reason: it has its object."""
    return subject.lower_ in _READER_OR_WRITER and not any(c.dep_ in _OWN_OBJECTS for c in clause.children)


def reason_question(doc) -> Question | None:
    """"Why could land-based steam engines exhaust much of their steam?" of "Land-based steam engines
    could exhaust much of their steam, as feed water was usually readily available.", answered
    "Because feed water was usually readily available." Only a clause of the main verb, after it and
    a comma, with its subject before its own verb and something said after that verb: "as they are
    now known", "as is the German Federal Minister", "as it would eventually become" are comparisons
    or asides, not reasons."""
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None or root.pos_ not in {"VERB", "AUX"}:
        return None
    for clause in root.children:
        if clause.dep_ != "advcl" or clause.i < root.i or clause.pos_ not in {"VERB", "AUX"}:
            continue
        mark = next((c for c in clause.children if c.dep_ == "mark"), None)
        if mark is None or mark.lower_ not in _REASON_MARKS or mark.i != clause.left_edge.i or mark.i == 0 \
                or doc[mark.i - 1].text != ",":
            continue
        if doc[mark.i + 1].lower_ in {"if", "though", "well", "long", "soon", "much", "far"}:
            continue  # "as if", "as though", "as well as", "as long as": no reason
        subject = next((c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass", "expl"}), None)
        if subject is None or subject.i > clause.i or subject.pos_ == "PRON" and subject.lower_ in {"it", "they", "this"}:
            continue  # "as was Moshe Vilenski", "as it would eventually become": an aside, or a pronoun of what?
        if not any(c.dep_ in _COMPLEMENTS and c.i > clause.i for c in clause.children):
            continue  # "as they are now known": nothing said after the verb
        if comments_on_claim(clause, subject):
            return None  # "as you can easily confirm with apt-cache search backup": no reason at all
        if any(t.dep_ == "advcl" and t.i > clause.right_edge.i for t in root.children) or clause.right_edge.i < len(doc) - 2:
            return None  # something follows the reason: where it ends is not sure
        question = why_question(doc, marker=(mark.i, mark.i + 1))
        if question is None:
            return None
        reason = question.answer.split(" ", 1)[1] if " " in question.answer else ""
        return Question(question.prompt, f"Because {reason}", "cause") if reason else None
    return None


# --- a reason or purpose behind an opening phrase ----------------------------------------------------

_YEAR = re.compile(r"\b(1\d{3}|20\d{2})s?\b")
# An opening that compares the subject with another thing ("Like Java,", "Unlike C,", "As with lists,"):
# no setting of the question, and the sentence is a point of the passage's comparison (held-out round 14:
# "Like Java, why does Python have a large standard library?", dropped). English words.
_COMPARISON_OPENER = re.compile(
    r"^(?:un)?like\b|^as (?:with|in|for)\b|^(?:similar|similarly|contrary|compared|comparable) (?:to|with)\b|"
    r"^in (?:contrast|comparison|common) (?:to|with)\b|^as opposed to\b|^just as\b", re.IGNORECASE)
_OPENER_DEPS = frozenset({"prep", "advmod", "npadvmod"})


def opened_question(doc) -> Question | None:
    """A why-card of a sentence that opens with a phrase of place, time or circumstance before its
    subject ("In Afghanistan, the mujahideen's victory ... did not lead to justice because ..."), which
    why_question refuses (it turns a sentence whose subject opens it). The rest of the sentence is asked
    as why_question, purpose_question or reason_question ask it, with the phrase in front, where it
    keeps the setting the judges asked for ("In Afghanistan, why did ...?"). A one-word adverb is left
    out ("Normally water is the fluid of choice due to ..." -> "Why is water the fluid of choice?"); a
    phrase not closed by a comma is taken only when it holds a year (where it ends is sure then: "In
    1281 the second invasion failed because ..."). Not a clause ("When X, ..."): its own subject and
    verb would need their own setting."""
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None or root.pos_ not in {"VERB", "AUX"}:
        return None
    subject = next((c for c in root.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subject is None or subject.left_edge.i == 0:
        return None
    start = subject.left_edge.i
    comma = doc[start - 1].text == ","
    opening = doc[:start - 1] if comma else doc[:start]
    if not len(opening) or any(t.text in {",", ";", ":", "(", ")", "\"", "“", "”"} for t in opening):
        return None  # two openers, or an aside: where the setting ends is not sure
    phrases = [c for c in root.children if c.i < start and c.dep_ in _OPENER_DEPS]
    covered = {t.i for c in phrases for t in c.subtree}
    if any(t.i not in covered for t in opening):
        return None  # the opening holds a clause or something else than phrases of the main verb
    if any(t.tag_ in {"PRP", "PRP$"} or t.lower_ in {"this", "that", "these", "those"} for t in opening):
        return None  # "In his reign", "At that time": a setting told before
    if _COMPARISON_OPENER.match(opening.text):
        return None  # "Like Java, why does Python ...?": a comparison, not a place, time or circumstance (round 14)
    adverb = len(opening) == 1 and opening[0].pos_ == "ADV"
    if not comma and not adverb and not _YEAR.search(opening.text):
        return None
    rest = doc[start:].as_doc()
    question = why_question(rest) or purpose_question(rest) or reason_question(rest)
    if question is None:
        return None
    if adverb:
        return question  # "Normally", "However": no setting to keep
    setting = opening.text
    prompt = f"{setting}, {question.prompt[:1].lower()}{question.prompt[1:]}"
    return Question(prompt, question.answer, question.asks)

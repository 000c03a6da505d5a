"""Cards on a FAQ's own questions: a heading or a line "7.5. What is a Debian conffile?" followed by
"Conffiles is a list of configuration files ... that the package management system will not overwrite
when the package is upgraded." is asked as written and answered with that first sentence.

FAQs, and HOWTOs written as questions, state the question a teacher would ask in their headings, but
no template read them (issue 8: a design FAQ of 5,000 words gave three items; RESULTS 8.28). Only when
the first sentence answers the question alone: it is about what the question asks about (its subject
is the question's subject: "How are lists implemented?" -> "CPython's lists are really variable-length
arrays ..."), it gives a reason when the question asks why ("because", "since", "to <purpose>"), and
it is not a lead-in ("There are several advantages.", "See the next question.", "These files ...",
"... the following convention:"). A question that leans on what came before ("Why is it so?"), that
asks about the reader ("How do I ...?", "Which is better for me?") or asks two things is not asked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_QUESTION = re.compile(r"^\s*(?:\d+(?:\.\d+)*\.?\s+)?(?P<question>(?:What|Why|How|Which|Who|Where|When)\b[^?]*\?)\s*$")
_SELF = frozenset({"i", "me", "my", "mine", "it", "its", "this", "that", "these", "those", "they", "them", "he",
                   "she", "him", "her"})
_LEAD_IN = re.compile(r"\b(?:following|below|above|next question|see|several|various|a few|some)\b|:\s*$",
                      re.IGNORECASE)
# An answer that says there are many things without naming one answers nothing: "Python is a ... language
# that can be applied to many different classes of problems." under "What is Python good for?" (held-out
# round 14: borderline, "a vague restatement that does not really answer 'good for'").
_UNNAMED_MANY = re.compile(r"\b(?:many|numerous|various|a (?:wide )?(?:range|variety|number) of|all (?:kinds|sorts) of"
                           r"|lots of)\s+(?:different\s+)?(?:kinds|classes|sorts|types|uses|ways|things|areas|purposes"
                           r"|problems|tasks|applications)\b", re.IGNORECASE)  # not "numerous packages that run on it"
# "there" as a place named elsewhere: "Why should users not be using packages from there?" (held-out round
# 15: the distribution it means is named in the section before); not "Why is there no goto?".
_BE = r"(?:is|are|was|were|be|been|isn't|aren't)"
_POINTING_THERE = re.compile(r"\bthere\b", re.IGNORECASE)
_EXISTENTIAL_THERE = re.compile(rf"\b{_BE}\s+there\b|\bthere\s+{_BE}\b", re.IGNORECASE)
# What a where/when/who/how-many question needs its answer to hold, as spaCy names it: "Where is the source
# code?" is not answered by "Source code is included for everything in the Debian system." (held-out round 15).
_ASKED_ENTITIES = {"where": {"GPE", "LOC", "FAC", "ORG"}, "when": {"DATE", "TIME", "EVENT"},
                   "who": {"PERSON", "ORG", "NORP"}, "how many": {"CARDINAL", "QUANTITY"},
                   "how much": {"CARDINAL", "QUANTITY", "MONEY", "PERCENT"}, "how long": {"DATE", "TIME", "QUANTITY"},
                   "how old": {"DATE", "CARDINAL"}, "how often": {"DATE", "TIME", "CARDINAL"}}
_REASON_MARKS = frozenset({"because", "since", "as"})
MIN_ANSWER_WORDS = 6
MAX_ANSWER_WORDS = 35
MAX_QUESTION_WORDS = 18


@dataclass(frozen=True)
class FaqCard:
    prompt: str
    answer: str


def faq_question(line: str) -> str:
    """The question a heading or line asks, without its number ("7.5. What is a Debian conffile?" ->
    "What is a Debian conffile?"); "" when it is no wh-question of its own."""
    found = _QUESTION.match(line)
    if not found:
        return ""
    question = found.group("question").strip()
    words = re.findall(r"[\w']+", question.lower())
    if len(words) > MAX_QUESTION_WORDS or any(w in _SELF for w in words) or question.count("?") > 1 \
            or _POINTING_THERE.search(_EXISTENTIAL_THERE.sub(" ", question)):
        return ""
    return question


def _subjects(doc) -> set[str]:
    """The lemmas (and lower-case words) of the nouns the question or sentence is about: its subject
    and, after "is", what is asked of ("What is a Debian conffile?": conffile)."""
    found = set()
    for token in doc:
        if token.dep_ in {"nsubj", "nsubjpass", "attr"} and token.pos_ in {"NOUN", "PROPN"} \
                and token.head.pos_ in {"VERB", "AUX"}:
            found |= {token.lemma_.lower(), token.lower_, token.lower_.rstrip("s")}
    return found


def _gives_reason(doc) -> bool:
    """The sentence gives a reason or a purpose of its main clause: "because ...", "since ...", "(in
    order) to enhance readability"."""
    for token in doc:
        if token.dep_ == "mark" and token.lower_ in _REASON_MARKS and token.head.dep_ == "advcl":
            return True
        if token.dep_ in {"advcl", "xcomp"} and token.head.dep_ == "ROOT" and token.head.pos_ == "VERB" \
                and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children) \
                and (token.dep_ == "advcl" or token.head.tag_ == "VBN"):
            return True  # "The colon is required primarily to enhance readability": a purpose
        if token.lower_ in {"due", "so"} and token.i + 1 < len(doc) and doc[token.i + 1].lower_ in {"to", "that"}:
            return True  # "due to ...", "so that ..."
    return False


# What a FAQ's "These files are ..." may not point back to: the document itself, not the question's subject.
_DOCUMENT_NOUNS = frozenset({"question", "questions", "answer", "answers", "section", "sections", "chapter",
                             "chapters", "faq", "document", "page", "list", "entry", "example", "examples"})


def _pointed_definition(question: str, answer_doc) -> str:
    """The definition a "What is/are X?" question's answer gives X by pointing back to it: "These files
    are executable scripts which are automatically run ..." under "What is a Debian preinst, postinst,
    prerm, and postrm script?" -> "Executable scripts which are automatically run ...". "" when the
    answer does not open with "This/These <noun>" as the subject of "is/are" and a noun after it."""
    if not re.match(r"^What (?:is|are) (?:an? |the )?\w", question):
        return ""
    tokens = list(answer_doc)
    if len(tokens) < 4 or tokens[0].lower_ not in {"this", "these"} or tokens[1].pos_ != "NOUN" \
            or tokens[1].lower_ in _DOCUMENT_NOUNS or tokens[1].dep_ not in {"nsubj", "nsubjpass"} \
            or tokens[2].lemma_ != "be" or tokens[2].dep_ != "ROOT" or tokens[3].lower_ == "not":
        return ""
    attr = next((t for t in tokens[2].children if t.dep_ == "attr" and t.pos_ == "NOUN"), None)
    if attr is None:
        return ""
    rest = answer_doc[3:].text.strip()
    return rest[:1].upper() + rest[1:]


def _holds_what_is_asked(question: str, answer_doc) -> bool:
    """A where/when/who/how-many question's answer holds a place, time, person or number (a named entity
    of that kind; for "where", also an address or a path: "in /usr/src", "at https://..."); any other
    question needs nothing of the kind."""
    lowered = question.lower()
    kind = next((k for k in sorted(_ASKED_ENTITIES, key=len, reverse=True) if lowered.startswith(k + " ")), None)
    if kind is None:
        return True
    if any(e.label_ in _ASKED_ENTITIES[kind] for e in answer_doc.ents):
        return True
    if kind == "where":
        return any(t.like_url or t.like_email or "/" in t.text and len(t.text) > 1 for t in answer_doc)
    if kind.startswith("how"):
        return any(t.like_num for t in answer_doc)
    return False


def faq_card(question: str, question_doc, answer: str, answer_doc) -> FaqCard | None:
    """The card of a FAQ's question answered by `answer` (its first sentence), None when that
    sentence does not answer it alone."""
    words = answer.split()
    if not MIN_ANSWER_WORDS <= len(words) <= MAX_ANSWER_WORDS or _LEAD_IN.search(answer) or _UNNAMED_MANY.search(answer) \
            or answer.rstrip().endswith(("?", "!")):
        return None
    pointed = _pointed_definition(question, answer_doc)
    if pointed:
        return FaqCard(question, pointed)  # "These files are executable scripts ...": the question's subject
    first = answer_doc[0]
    if first.tag_ in {"PRP", "PRP$", "DT", "EX"} and first.lower_ not in {"a", "an", "the", "each", "every"} \
            or first.pos_ in {"ADV", "INTJ", "CCONJ"}:
        return None  # "These files ...", "There are ...", "Well, ...", "More precisely, they ..."
    asked = _subjects(question_doc)
    said = {t.lemma_.lower() for t in answer_doc if t.dep_ in {"nsubj", "nsubjpass"} and t.head.dep_ == "ROOT"} \
        | {t.lower_.rstrip("s") for t in answer_doc if t.dep_ in {"nsubj", "nsubjpass"} and t.head.dep_ == "ROOT"}
    if not asked & said:
        return None  # the sentence is about something else: a lead-in, a setting, a side remark
    if question.lower().startswith("why") and not _gives_reason(answer_doc):
        return None
    if not _holds_what_is_asked(question, answer_doc):
        return None
    return FaqCard(question, answer)

"""Questions written as a teacher would ask them, turned out of a parsed sentence of the notes:

- "What was the Treaty of Paris?" / "Who was Thomas Savery?" from "X was a/the <noun> ...", and
  "What is the highest court able to interpret EU law?" from "X is the highest court ..." (a
  description only one thing fits: superlative, "first", "only", "main");
- "Why did the engine cylinders have to be large?" from "... because ...", "... due to ...";
- "Who instigated a revolt in 1262?" / "What did James Watt patent in 1781?": who did what.

Each is a self-rated card: the notes' sentence is the answer the student checks their own against,
so there are no wrong options to give the answer away, and the judges kept such cards far more often
than any multiple choice on names (bench/RESULTS.md 8.1-8.2). Everything here reads spaCy's parse;
nothing depends on a course's words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from bot.core.quiz.gen_genus import genus_about_the_word
from bot.core.quiz.gen_lexicon import entity_text

# What a "What is X?" subject may be: a named thing (not a place or a number: "What was France?"
# asks for a whole course) or a term of the notes.
_NAMED_THINGS = frozenset({"ORG", "LAW", "EVENT", "FAC", "PRODUCT", "WORK_OF_ART"})
# Words that make a description fit one thing only ("the first ...", "the largest ...").
_UNIQUE_WORDS = frozenset({"first", "only", "main", "chief", "principal", "sole", "last", "final", "earliest",
                           "primary", "highest", "supreme", "largest", "biggest", "oldest"})
# Markers of a cause after the effect: "X happened because Y".
# A purpose answers "Why ...?" as well: "X have a water pump, so that they may be run continuously".
_PURPOSE_MARKERS = ("in order to", "so that", "so as to")
_CAUSE_MARKERS = ("because of", "because", "due to", "owing to", "as a result of", "on account of", *_PURPOSE_MARKERS)
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
# A likeness after a comma closes a description ("sftp is an interactive command, similar to ftp"):
# it says what the thing resembles, not another claim or a list the parse split.
_LIKENED_TO = frozenset({"similar to", "comparable to", "analogous to", "akin to"})
_VAGUE_HEADS = frozenset({"fact", "thing", "way", "result", "reason", "problem", "case", "idea", "one", "part",
                          "number", "lot", "kind", "type", "example", "aim", "tension", "point", "question"})


@dataclass(frozen=True)
class Question:
    prompt: str  # the question, ending with "?"
    answer: str  # what a student should say: the fitting part of the sentence
    asks: str  # "identity" (what/who is X), "description" (which thing fits), "cause"


def identity_question(doc, familiar_name=lambda text: True, is_term=lambda text: False) -> Question | None:
    """"What is X?" / "Who was X?" for "X is/was a/an/the <noun> ..." where X opens the sentence and
    is a name of a thing or person; "What is <the unique description>?" when the description only
    one thing fits, whichever side of "is" it stands ("X is the highest court of ...", "X is Warsaw's
    symbol", "The main sources of primary law are ..."). `familiar_name(text)` says whether the notes
    use X enough to teach it; `is_term(text)` whether a common-noun phrase is a term of the notes."""
    root = _root(doc)
    if root is None or root.lemma_ != "be" or root.tag_ not in {"VBZ", "VBD", "VBP"}:
        return None
    subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
    attribute = next((c for c in root.children if c.dep_ == "attr" and c.pos_ in {"NOUN", "PROPN"}), None)
    if subject is None or attribute is None or attribute.i < root.i:
        return None
    whole_subject = doc[subject.left_edge.i:subject.right_edge.i + 1]
    # "IPv6, successor to IPv4, is a newer version of ...": the comma closing an apposition stands
    # between subject and verb; an adverb or an opener ("X, however, is") still refuses it.
    between = doc[whole_subject.end:root.i]
    if whole_subject.start != 0 or any(not t.is_punct for t in between) or len(between) > 1:
        return None  # an opener before the subject, or an adverb between subject and verb
    if any(t.dep_ == "neg" for t in root.children):
        return None  # "X is not a Y" defines nothing
    subject_span = _without_apposition(subject)
    # "X is the supreme body which interprets EU law, and develops it ...": a second claim after the
    # description; a question about the description alone still has one answer, a "What is X?" not.
    second_claim = any(t.dep_ == "conj" and t.pos_ in {"VERB", "AUX"} for t in root.children) or \
        any(t.dep_ == "conj" and t.head.dep_ == "attr" and t.pos_ in {"VERB", "AUX"} for t in doc)
    attribute_span = _description_span(attribute)
    if not len(attribute_span):
        return None
    determiner = next((c for c in attribute.children if c.dep_ in {"det", "poss"}), None)
    verb = root.text.lower()
    described = _described_uniquely(attribute_span, determiner)
    # "The first Warsaw President": a description in lower case before a name is no name.
    described_subject = _unique(subject_span) and any(t.lower_ in _UNIQUE_WORDS | {"most"} and t.text.islower()
                                                      or t.tag_ in {"JJS", "RBS"} for t in subject_span)
    if _is_name(subject_span) and not described_subject and attribute.lower_ not in _VAGUE_HEADS:
        label = _label(subject_span)
        if label not in _NAMED_THINGS | {"PERSON"} or not familiar_name(_name_text(subject_span)):
            return None
        if described and label != "PERSON" and not _is_name(attribute_span) and _ends_clause(attribute_span):
            # "The Commission is the main executive body of the Union": ask for the thing described.
            return Question(f"What {verb} {_lower_first(attribute_span)}?", subject_span.text, "description")
        if second_claim or determiner is None or determiner.lower_ not in {"a", "an", "the"} \
                or determiner.i != attribute_span.start:
            return None
        if subject_span[-1].tag_ == "NNPS" and verb in {"is", "was"}:
            return None  # "What was the Weavers?": a plural name standing for a house (round 6)
        if label == "PERSON" and any(t.ent_type_ != "PERSON" and t.pos_ != "DET" for t in subject_span):
            return None  # "Who was Governor Robert Dinwiddie of Virginia?": the question says who he was (round 5)
        if genus_about_the_word(doc):
            return None  # "GNU is a recursive acronym, standing for ...": what the name is (gen_genus)
        if label != "PERSON" and relation_only(attribute):
            return None  # "What is Frame Relay?" / "A modified version of ISDN's protocol": its lineage
        who = "Who" if label == "PERSON" else "What"
        rest = _clean(doc[root.i + 1:].text.rstrip("."))
        # The name's own head word again in the answer ("Mercury is the working fluid in the mercury
        # vapour turbine") is circular; as the class noun it is not ("The Social Chapter is a
        # chapter of the 1997 Treaty of Amsterdam covering social policy").
        head_word = subject_span[-1].lower_
        if len(head_word) > 3 and any(t.lower_ == head_word for t in doc[root.i + 1:] if t.i != attribute.i):
            return None
        if ", and" in rest:
            return None  # "... in India, and then after independence ...": a second claim hangs on
        return Question(f"{who} {verb} {_name_text(subject_span)}?", f"{rest[:1].upper()}{rest[1:]}.", "identity")
    if described and is_term(subject_span.text) and not _is_name(attribute_span) and _ends_clause(attribute_span) \
            and not any(t.pos_ == "PRON" for t in subject_span) and attribute.lower_ not in _VAGUE_HEADS:
        # "A commune is the basic unit of territorial division in Poland": the term is the answer.
        return Question(f"What {verb} {_lower_first(attribute_span)}?",
                        subject_span.text[:1].upper() + subject_span.text[1:], "description")
    if _unique(subject_span) and subject.lower_ not in _VAGUE_HEADS and not any(t.pos_ == "PRON" for t in subject_span) \
            and subject_span.end == whole_subject.end:  # "The last Prime Minister, Lothar de Maizière, ...": named already
        # "The first commercial steam-powered device was a water pump", "The main sources of primary
        # law are the Treaties establishing the European Union": "What was/were the first ...?"
        members = [t for t in attribute_span if t.dep_ == "conj" and t.pos_ in {"NOUN", "PROPN"}]
        if len(members) >= 2:
            return None  # "Aix, Bordeaux, Bourges, Lyons, ...": a list no student recalls whole
        if members:
            answer = attribute_span.text
        elif _is_name(attribute_span) and _label(attribute_span) in _NAMED_THINGS | {"PERSON"}:
            names = []
            for t in attribute_span[1:] if attribute_span[0].pos_ == "DET" else attribute_span:
                if not (t.pos_ == "PROPN" or t.ent_type_ and not t.is_punct):
                    break
                names.append(t)
            if not names:
                return None
            answer = doc[attribute_span.start:names[-1].i + 1].text
        else:
            answer = attribute_span.text
        if not _ends_clause(attribute_span) or not 1 <= len(answer.split()) <= MAX_DESCRIPTION_ANSWER_WORDS \
                or any(t.tag_ in {"PRP", "PRP$"} for t in attribute_span) or attribute.lower_ in _VAGUE_HEADS:
            return None
        description = _lower_first(subject_span)
        who = "Who" if _label(attribute_span) == "PERSON" and _is_name(attribute_span) else "What"
        answer = _clean(answer)
        return Question(f"{who} {verb} {_clean(description)}?", answer[:1].upper() + answer[1:], "description")
    return None


def apposition_questions(doc, familiar_name=lambda text: True) -> list[Question]:
    """"Who was Frederick William?" for "Frederick William, Elector of Brandenburg, invited ...":
    the description the notes set beside a name, between commas, is what the name is. Only the
    description is asked, so the rest of the sentence may lean on what came before. Names of people
    and named things (not places: "Albany, New York"); the description a role or a class noun, not
    another name, a list, a second claim ("but"), a pointing word ("its first benefactor") or the
    name's own words. `familiar_name(text)`: the notes use the name enough to teach it."""
    questions = []
    for ent in doc.ents:
        if ent.label_ not in _NAMED_THINGS | {"PERSON"} or ent.end + 1 >= len(doc) or doc[ent.end].text != ",":
            continue
        head = next((c for c in ent.root.children if c.dep_ == "appos" and c.i > ent.end), None)
        if head is None or head.ent_type_ or not (head.pos_ == "NOUN" or head.pos_ == "PROPN" and head.text.istitle()):
            continue
        span = doc[ent.end + 1:head.right_edge.i + 1]
        if span.start > head.i or not len(span) or span.end >= len(doc) or doc[span.end].text not in {",", "."}:
            continue  # "X, the ... ," closed on both sides: a whole apposition, nothing cut
        if span.end + 1 < len(doc) and doc[span.end + 1].dep_ == "cc":
            continue  # "a majority in Parliament, a minority in the Council, and ...": a list, not an apposition
        words = [t for t in span if not t.is_punct]
        if not 2 <= len(words) <= MAX_DESCRIPTION_ANSWER_WORDS or span[0].pos_ not in {"DET", "ADJ", "NOUN", "PROPN"}:
            continue
        if any(t.is_punct or t.like_num or t.tag_ in {"PRP", "PRP$", "WDT", "WP"} or t.dep_ in {"cc", "relcl"}
               or t.ent_type_ in {"PERSON", "DATE", "CARDINAL"} for t in span):
            continue  # a list, a second claim, "its", another person, a date: not what the name is
        name = entity_text(ent)
        if not name or {t.lower_ for t in span} & {w.lower() for w in name.split() if len(w) > 3}:
            continue  # "Harvard Corporation, the ... of Harvard College": the answer repeats the name
        if not familiar_name(name):
            continue
        verb = "was" if any(t.tag_ == "VBD" for t in doc) else "is"
        who = "Who" if ent.label_ == "PERSON" else "What"
        answer = _clean(span.text)
        questions.append(Question(f"{who} {verb} {_name_text(ent)}?", f"{answer[:1].upper()}{answer[1:]}.", "identity"))
    return questions


MAX_DESCRIPTION_ANSWER_WORDS = 14  # "the Treaties establishing the European Union"; a longer one is a second claim


def _description_span(attribute):
    """The attribute's phrase up to the end of its own description: a trailing ", and ..." or a
    clause after a comma is another claim ("the supreme judicial body which interprets EU law")."""
    doc = attribute.doc
    end = attribute.right_edge.i + 1
    listed = [c for c in attribute.subtree if c.dep_ == "conj" and c.pos_ in {"NOUN", "PROPN"}]
    list_commas = {c.left_edge.i - 1 for c in listed} | {c.left_edge.i - 2 for c in listed}
    for t in doc[attribute.i + 1:end]:
        if t.text == "," and t.i in list_commas:
            continue  # "Czapski Palace, Palace of the Four Winds and Visitationist Church": one list, one answer
        if t.text == "," and doc[t.i + 1:t.i + 3].text.lower() in _LIKENED_TO:
            end = t.i  # "an interactive command, similar to ftp": a likeness added after the description
            break
        if t.text == "," and t.i + 1 < len(doc) and doc[t.i + 1].pos_ in {"PROPN", "NOUN", "DET", "ADJ", "NUM"}:
            return doc[attribute.left_edge.i:attribute.left_edge.i]  # a list or an apposition the parse split: no answer
        if t.text in {",", ";", ":", "(", "-", "–", "—"} or (t.dep_ == "cc" and t.head.i != attribute.i
                                                              and t.head.head.i != attribute.i):
            end = t.i
            break
    span = doc[attribute.left_edge.i:end]
    while len(span) > 1 and span[-1].is_punct:
        span = span[:-1]
    return span


def claimed_of_others(description: str, sentences) -> bool:
    """The notes make the description's claim of one thing ("the first commercial ...") in more than
    one sentence: "The first commercial steam-powered device was a water pump" beside "Newcomen's
    engine was the first commercial true steam engine" (round 8: two answers to "What was the first
    commercial steam-powered device?", borderline three times). The claim is the unique word and the
    word after it, that word by its stem ("commercial", "commercially")."""
    words = description.split()
    at = next((i for i, w in enumerate(words) if w.lower() in _UNIQUE_WORDS), None)
    if at is None or at + 1 >= len(words):
        return False
    after = words[at + 1]
    stem = after[:max(4, len(after) - 3)]
    claim = re.compile(rf"\b{re.escape(words[at])}\s+{re.escape(stem)}", re.IGNORECASE)
    return sum(1 for text in sentences if claim.search(text)) > 1


def relation_only(head) -> bool:
    """A description that places a thing only by what it belongs to or came from: adjectives, the
    head noun and one "of ..." phrase, nothing saying what the thing does or how it differs ("a
    modified version of ISDN's layer two protocol", "the fundamental thermodynamic underpinning of
    the steam engine"). Judged thin every time (rounds 7-8: "its lineage, not what it is"); a clause
    or another phrase ("a chapter of the Treaty covering social policy", "a monarchy under a union
    with Russia", "a variant of the engine which needs no valves") says what it is. For things, not
    people: "a chief of the Mingo" is who a person was."""
    if head.ent_type_:
        return False
    if any(t.tag_ in {"JJS", "RBS"} for t in head.subtree if t.i < head.i):
        return False  # "the smallest possible component of a text": the superlative says how it differs
    ofs = [c for c in head.children if c.dep_ == "prep"]
    if len(ofs) != 1 or ofs[0].lower_ != "of":
        return False
    for token in head.subtree:
        if token.i == head.i:
            continue
        if token.dep_ in {"relcl", "acl", "advcl", "appos"} or token.pos_ == "VERB" and token.dep_ != "amod":
            return False  # a clause says what it does
        if token.dep_ == "prep" and token.i != ofs[0].i:
            return False  # "with", "under", "for": another phrase says how it differs
    return True


def told_by_context(head) -> bool:
    """A definite description that says what a thing is only by the passage around it: "the" and nothing
    after the noun that says which ("Toll roads are the usual examples: ...": examples of what?), or "the"
    with one "of" phrase about another definite thing of the passage, told by a clause of its own, and no
    clause on the noun itself ("Coal is the source of the heat used to drive the engine": its part in the
    process told, not what coal is; a student would answer "a fuel"). Set 18: both dropped ("never says what a public utility is"; "does not
    ask for the answer it keys"). A clause or another phrase on the noun itself ("the ability to ...",
    "the name given to ...", "the process by which ...") says what it is; a superlative says which."""
    if head.pos_ != "NOUN" or head.ent_type_ or not any(c.dep_ == "det" and c.lower_ == "the" for c in head.children):
        return False
    if any(t.tag_ in {"JJS", "RBS"} or t.dep_ == "poss" for t in head.subtree if t.i < head.i):
        return False
    after = [c for c in head.children if c.i > head.i and c.dep_ != "punct"]
    if not after:
        return True
    if len(after) != 1 or after[0].dep_ != "prep" or after[0].lower_ != "of":
        return False
    objects = [c for c in after[0].children if c.dep_ == "pobj"]
    # (with no clause on the object either, `relation_only` reads it: "the outer layer of the brain")
    return len(objects) == 1 and objects[0].pos_ == "NOUN" and not objects[0].ent_type_ \
        and any(c.dep_ == "det" and c.lower_ == "the" for c in objects[0].children) \
        and any(c.dep_ in {"acl", "relcl"} for c in objects[0].children)


def _ends_clause(span) -> bool:
    """The phrase ends the sentence, or a comma or a conjunction after it starts another claim."""
    doc = span.doc
    if span.end >= len(doc) - 1:
        return True
    following = doc[span.end]
    after = doc[span.end + 1] if span.end + 1 < len(doc) else None
    if following.text == "," and after is not None and after.pos_ in {"PROPN", "NOUN", "DET", "NUM"}:
        return False  # "Aix, Bordeaux, Bourges, ...": the parse cut a list short
    return following.text in {",", ";"} or following.dep_ == "cc"


def _described_uniquely(span, determiner) -> bool:
    """A description only one thing fits: "the first/main/highest ...", or a possessive naming its
    owner ("Warsaw's symbol", "the Union's main executive body"), for a singular noun."""
    if _unique(span):
        return True
    return determiner is not None and determiner.dep_ == "poss" and determiner.pos_ == "PROPN" \
        and span.root.tag_ == "NN" and determiner.i == span.start


# The auxiliary of a negative contraction as the parser splits it: "won't" is "wo" + "n't", "can't"
# "ca" + "n't". Moved before the subject it is written in full ("Why will X not add ...?"; held-out
# round 20 posted "Why wo the next operation (u+X) not add ...?"). English's closed class.
_AUXILIARY_IN_FULL = {"wo": "will", "ca": "can", "sha": "shall"}


def why_question(doc, marker: tuple[int, int] | None = None, changed: bool = False) -> Question | None:
    """"Why did X happen?" for "X happened because/due to Y": the effect is turned into a question
    (its auxiliary moved before the subject, or "did/does/do" added), the cause is the answer.
    `marker`: the token positions of a cause or purpose marker found by the caller (a bare "to" of
    purpose, gen_purpose); by default the first of _CAUSE_MARKERS.
    `changed`: the cause says that something changed ("Labour became scarce, so surviving workers could demand
    higher pay"), so a comparative in the effect compares with before the change, and stands without "than"."""
    marker = marker or _cause_marker(doc)
    if marker is None:
        return None
    start, end = marker
    effect = doc[:start]
    while len(effect) and effect[-1].is_punct and not (effect[-1].text in {'"', "”"} and _quotes_cut(effect[:-1].text)):
        effect = effect[:-1]  # (a quotation mark closing one the effect opened stays: "the "Phoenix City"")
    cause = doc[end:]
    if len(effect) < 4 or len(cause) < 2:
        return None
    if len(effect) >= 2 and effect[-2].lower_ == "not" and effect[-1].lower_ in {"just", "only", "merely", "simply", "solely"}:
        return None  # "X is controversial not just because A but also because B": the cause is half of a pair
        # ("Why is Islamism a controversial concept not just?")
    verb = _root(doc)
    if verb is None or verb.i >= effect.end or verb.pos_ not in {"VERB", "AUX"}:
        return None
    # A gerund clause may be the subject ("Converting a Markdown note into a Word file usually keeps
    # everything, because ...": "Why does converting ... keep everything?").
    subject = next((c for c in verb.children if c.dep_ in _SUBJECT_DEPS
                    or c.dep_ == "csubj" and c.tag_ == "VBG" and c.i == 0), None)
    in_subject = range(subject.left_edge.i, subject.right_edge.i + 1) if subject is not None else range(0)
    if any(t.text in {";", ":"} or t.text == "," and t.i not in in_subject and t.i != effect.end - 1 for t in effect) \
            or any(c.dep_ == "conj" and c.i < start for c in verb.children):
        return None  # "X happened, and Y happened due to Z": which part the cause explains is unclear
        # (a comma inside the subject, "operations in 1755, 1756 and 1757", is only a list)
    if doc[start].head.i != verb.i and doc[start].head.head.i != verb.i:
        return None  # the marker explains something inside the effect, not the effect itself
    purpose = " ".join(t.lower_ for t in doc[start:end]) in _PURPOSE_MARKERS or doc[start:end].text.lower() == "to"
    if (verb.lemma_ == "be" or purpose) and not any(t.pos_ in {"NOUN", "PROPN", "VERB", "ADJ", "NUM"}
                                                    for t in doc[verb.i + 1:effect.end]):
        return None  # "X is possibly due to Y", "X have been used in order to describe Y": nothing left to
        # ask about ("income decreased because" has its verb)
    if subject is None or subject.left_edge.i != 0 or any(t.pos_ == "PRON" for t in doc[:subject.i + 1]):
        return None
    if any(t.lower_ in {"there", "here"} and t.tag_ != "EX" for t in effect):
        return None  # "Why should users not be using packages from there?": a place named before (held-out
        # round 15); an existential "there" ("Why is there no goto?") points nowhere
    if any(t.tag_ in {"JJR", "RBR"} for t in effect) and not any(t.lower_ == "than" for t in effect) and not changed:
        return None  # "Why do the islands comprise a much smaller number of electors?": smaller than what? (round 6)
    subject_text = _lower_first(doc[:subject.right_edge.i + 1])
    rest_start = subject.right_edge.i + 1
    auxiliaries = [c for c in verb.children if c.dep_ in {"aux", "auxpass"} and rest_start <= c.i < verb.i]
    if auxiliaries:
        moved = auxiliaries[0]
        rest = "".join(("not" + t.whitespace_ if t.lower_ == "n't" else t.text_with_ws)
                       for t in effect[rest_start - effect.start:] if t.i != moved.i)  # "country's"
        # "doesn't" is two tokens: the moved "does" leaves "n't" behind, written out ("Why does the INFO
        # message not appear?", not "... message n't appear?": held-out round 11)
        question = f"Why {_AUXILIARY_IN_FULL.get(moved.lower_, moved.lower_)} {subject_text} {rest}?"
    elif verb.lemma_ == "be":
        rest = doc[verb.i + 1:effect.end].text
        question = f"Why {verb.lower_} {subject_text} {rest}?"
    elif verb.tag_ in {"VBD", "VBZ", "VBP"} and (_modifies(doc[rest_start:verb.i], verb)
                                                 or _floating_quantifier(doc[rest_start:verb.i], verb)):
        # "Kublai's second invasion of Japan in 1281 failed because ...": the phrase before the verb stays
        helper = {"VBD": "did", "VBZ": "does", "VBP": "do"}[verb.tag_]
        if subject.tag_ in {"NNS", "NNPS"} and helper == "does":
            helper = "do"  # "Member states comes under a duty": the question agrees with its subject
        between = doc[rest_start:verb.i].text
        rest = doc[verb.i + 1:effect.end].text
        question = f"Why {helper} {subject_text} {between} {verb.lemma_} {rest}?"
    else:
        return None
    question = " ".join(question.split()).replace(" ,", ",").replace(" ?", "?")
    if _quotes_cut(question) or question.count("(") != question.count(")"):
        return None  # a quotation or an aside cut in two by the question ("... control (the "wingspan"?")
    marker_text = doc[start:end].text
    answer = f"{marker_text[:1].upper()}{marker_text[1:]} {_clean(cause.text.rstrip('.'))}."
    return Question(question, answer, "cause")


# --- helpers -------------------------------------------------------------------------------------

def _root(doc):
    return next((t for t in doc if t.dep_ == "ROOT"), None)


def _quotes_cut(text: str) -> bool:
    """The text holds a quotation mark it does not close: a quotation cut in two. A name the effect quotes
    whole ("Warsaw gained the title of the "Phoenix City" because ...") stays in the question."""
    straight = text.count('"')
    return straight % 2 == 1 or text.count("“") != text.count("”") or _misordered(text)


def _misordered(text: str) -> bool:
    """A closing curly quotation mark before its opening one."""
    depth = 0
    for ch in text:
        depth += 1 if ch == "“" else -1 if ch == "”" else 0
        if depth < 0:
            return True
    return False


# A quantifier floating after its subject ("British operations in 1755 ... all failed"): the parser reads it
# as a second subject; it stays before the verb in the question. English's closed class.
_FLOATING = frozenset({"all", "both", "each"})


def _floating_quantifier(span, verb) -> bool:
    """The words between the subject and its verb are one floating quantifier ("all", "both", "each")."""
    return len(span) == 1 and span[0].lower_ in _FLOATING and span[0].head.i == verb.i


def _modifies(span, verb) -> bool:
    """The words between a subject and its verb are nothing, or whole phrases of when, where or how
    that hang on the verb ("in 1281", "quickly"), with no comma: they can stay where they are."""
    phrases = [c for c in verb.children if c.dep_ in {"prep", "advmod", "npadvmod"} and span.start <= c.i < span.end]
    covered = {t.i for c in phrases for t in c.subtree}
    return all(t.i in covered and not t.is_punct for t in span)


def _cause_marker(doc) -> tuple[int, int] | None:
    """Token positions (start, end) of the first cause marker after at least four words."""
    lowered = [t.lower_ for t in doc]
    for phrase in _CAUSE_MARKERS:
        words = phrase.split()
        for i in range(4, len(lowered) - len(words)):
            if lowered[i:i + len(words)] == words:
                return i, i + len(words)
    return None


def _without_apposition(head):
    """The phrase of `head` without an apposition ("Mohamed Morsi, an Islamist democrat, ..." ->
    "Mohamed Morsi"): what the question names and the answer gives."""
    doc = head.doc
    end = head.right_edge.i + 1
    for child in head.children:
        if child.dep_ == "appos" or (child.dep_ == "punct" and child.i > head.i):
            end = min(end, child.left_edge.i)
    span = doc[head.left_edge.i:end]
    while len(span) > 1 and span[-1].is_punct:
        span = span[:-1]
    return span


def _is_name(span) -> bool:
    content = [t for t in span if t.pos_ not in {"DET", "PUNCT"}]
    return bool(content) and all(t.pos_ == "PROPN" or t.ent_type_ or t.lower_ in {"of", "and", "for", "the"}
                                 for t in content) and any(t.pos_ == "PROPN" for t in content)


def _label(span) -> str:
    labels = [t.ent_type_ for t in span if t.ent_type_]
    # A tie ("Jeffrey Friedl's Mastering Regular Expressions": 3 PERSON, 3 ORG) goes to the head's label, then
    # to the first in the span: never to set (string hash) order, which changes with each process.
    return max(labels, key=lambda label: (labels.count(label), label == span.root.ent_type_)) if labels else "ORG"


def _unique(span) -> bool:
    return any(t.lower_ in _UNIQUE_WORDS or t.tag_ in {"JJS", "RBS"} for t in span) and span[0].lower_ == "the"


def _name_text(span) -> str:
    """The name as it reads inside a question: "The European Commission" -> "the European Commission"."""
    text = span.text
    return "the" + text[3:] if text.startswith("The ") else text


def _lower_first(span) -> str:
    first = span[0]
    if first.lower_ in {"the", "a", "an"}:
        return first.lower_ + span.text[len(first.text):]
    if first.pos_ == "PROPN" or first.ent_type_ or first.text.isupper():
        return span.text
    return first.text.lower() + span.text[len(first.text):]


def _clean(text: str) -> str:
    return " ".join(text.split()).strip(" ,;")


# Verbs whose subject is not what a "Who ...?" asks for: being, having, seeming.
_NOT_ACTS = frozenset({"be", "have", "seem", "appear", "become", "remain", "exist", "say", "get"})
_PLURAL_TO_SINGULAR = {"are": "is", "were": "was", "have": "has"}
MAX_QUESTION_WORDS = 22  # a question longer than this reads as a sentence with one word taken out
_SECOND_CLAIM = re.compile(r",\s+(?:but|although|though|while|whereas|whose)\b|;")
_DATE_OPENER = re.compile(r"^(?:In|On|By|During)\s+(?:[A-Z][a-z]+\s+)?(?:\d{1,2},?\s+)?(1\d{3}|20\d{2})\s*,?\s+")


def who_question(doc, is_term=lambda text: False, common=lambda word: False, *,
                 fronted: bool = False) -> Question | None:
    """"Who decides who speaks in chamber debates?" for "The Presiding Officer decides who speaks
    ...": the subject (a name, or a term of the notes) is the answer, the rest of the sentence is
    the question. Only a singular or past verb, so the question reads as English.

    `fronted`: a person's deed placed in time before its subject is asked with that time kept in
    front: "In July 1977, who overthrew Prime Minister Zulfiqar Ali Bhutto's regime in Pakistan?"
    (`_time_opener`). Narrative history opens its sentences this way as often as with the subject."""
    root = _root(doc)
    if root is None or root.pos_ not in {"VERB", "AUX"} or root.lemma_ in _NOT_ACTS:
        return None
    if root.tag_ == "VBN" and any(c.dep_ == "aux" and c.lower_ == "had" for c in root.children):
        # "Reid had visited a fair in Leeds in 1851.": the past perfect sets a detail behind the story told,
        # not the deed it is about (set 18: dropped, "an incidental detail ... not what he did"; round 4:
        # borderline, "an illustrative detail rather than ... the main point").
        return None
    subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
    if subject is None and fronted:
        # "Sir Muhammad Iqbal was elected president of the Muslim League in 1930": a person's part given
        # in the passive is asked as well ("Who was elected ...?"); only a person, as after a fronted time.
        subject = next((c for c in root.children if c.dep_ == "nsubjpass"), None)
    if subject is None or subject.pos_ == "PRON":
        return None
    opener = _time_opener(doc, subject) if fronted and subject.left_edge.i != 0 else ""
    if subject.left_edge.i != 0 and not opener:
        return None
    span = _without_apposition(subject)
    whole_end = subject.right_edge.i + 1
    if any(t.pos_ == "PRON" for t in span) or not (_is_name(span) or is_term(span.text)):
        return None
    verb_start = min([root.i, *(c.i for c in root.children if c.dep_ in {"aux", "auxpass", "neg"} and c.i < root.i)])
    if verb_start != whole_end:
        return None  # "X, however, decided ...": something stands between the subject and its verb
    first = doc[verb_start]
    if first.tag_ == "VB":
        return None  # "The city council organize ...": a verb form that does not agree
    if first.tag_ == "VBG":
        # "Bagehot, writing about the English Constitution, compared ...": the parse took the participle set off
        # by commas for the main verb; "Who writing about ..., compared ...?" is no English (set 22, 644d81fcaffe).
        # (A past form the tagger calls a participle, "Jacob Schoellkopf, who had bought ..., used water power",
        # is the main verb all the same.)
        return None
    if first.tag_ == "VBP" or first.lower_ in {"do"}:
        if first.lower_ not in _PLURAL_TO_SINGULAR:
            return None  # "Committees comprise ...": "What comprise ...?" is no English
        lead = _PLURAL_TO_SINGULAR[first.lower_]
    else:
        lead = first.text
    rest = doc[verb_start + 1:].text.rstrip(" .")
    if len(rest.split()) < 3 or len(rest.split()) > MAX_QUESTION_WORDS or re.search(r"[\"“”]", rest):
        return None
    if any(w.lower() in rest.lower() for w in span.text.split() if len(w) > 3 and w[:1].isupper()):
        return None  # the question would name its own answer ("The Parliament ... of the Parliament")
    if _SECOND_CLAIM.search(rest):
        return None  # "... palaces, but some still lived as nomads": a second claim about others
    if any(c.dep_ == "conj" for c in subject.children) and "," in doc[:whole_end].text:
        return None  # "Annam, Burma, and Champa recognized ...": a list of answers
    content = [t for t in span if t.pos_ != "DET"]
    if len(content) == 1 and content[0].pos_ == "NOUN":
        return None  # "Members", "Physicians": too vague to be the one answer
    who = _asking_word(span, common)
    if (opener or subject.dep_ == "nsubjpass") and who != "Who":
        return None  # "In 1979, what deployed ...?", "What was established ...?": only a person is asked so
    if opener:
        return Question(f"{opener}, who {lead} {rest}?", span.text, "actor")
    return Question(f"{who} {lead} {rest}?", span.text, "actor")


def _time_opener(doc, subject) -> str:
    """The phrase before the subject when it is one phrase of time set off by a comma: a preposition
    opening the sentence whose phrase ends at the comma before the subject, holds a date and no verb or
    pronoun ("In July 1977,", "On August 15, 1971,"); "" otherwise. Not "By ...": a deed "by 1979"
    is true of every later year too. Also with no comma when the phrase is a preposition and a date only
    ("In 1825 George Stephenson built ..."). Not a clause ("While studying law ..., Iqbal became ...") nor a
    comparison ("Like Maududi, Al Banna believed ...")."""
    comma = subject.left_edge.i - 1
    first = doc[0]
    if comma >= 1 and doc[comma].text != "," and first.pos_ == "ADP" and first.lower_ != "by" \
            and first.right_edge.i == comma and all(t.ent_type_ == "DATE" for t in doc[1:comma + 1]):
        # "In 1825 George Stephenson built the Locomotion ...": the same phrase of time with no comma after
        # it, when every word after the preposition is the date ("In 1825", "In July 1877"). The question
        # puts the comma in: "In 1825, who built the Locomotion ...?"
        return doc[:comma + 1].text
    if comma < 2 or doc[comma].text != "," or first.pos_ != "ADP" or first.lower_ == "by":
        return ""
    if first.right_edge.i != comma - 1 and not (doc[comma - 1].text == "," and first.right_edge.i == comma - 2):
        return ""
    phrase = doc[:comma]
    if any(t.pos_ in {"VERB", "AUX", "PRON"} for t in phrase) or not any(t.ent_type_ == "DATE" for t in phrase):
        return ""
    return phrase.text.rstrip(" ,")


def _asking_word(span, common) -> str:
    """"Who" for people; "Which court" when the answer names its kind by a common word ("the Court of
    Justice", "the Liverpool and Manchester Railway": the notes write "court", "railway" in lower case
    too); "What" otherwise."""
    head = span.root
    if head.ent_type_ in {"PERSON", "NORP"}:
        return "Who"
    if len([t for t in span if t.pos_ != "DET"]) > 1 and (head.pos_ == "NOUN" or common(head.lower_)):
        noun = head.lower_ if head.tag_ not in {"NNS", "NNPS"} else head.lemma_.lower()
        return f"Which {noun}" if head.tag_ not in {"NNS", "NNPS"} else f"Which {head.lower_}"
    return "What"


# Conjunctions that open a clause of time or purpose ending a passive: the deed holds without it
# ("... in 1788 after Watt's partner Boulton saw one ..."). English grammar, not a course's words.
_CUT_CLAUSE_OPENERS = frozenset({"after", "before", "when", "while", "once", "until", "so", "in"})


def passive_who_question(doc, past_of=lambda participle: None) -> Question | None:
    """"Who adopted the centrifugal governor for use on a steam engine in 1788?" for "The centrifugal
    governor was adopted by James Watt for use on a steam engine in 1788 after Watt's partner Boulton saw
    one ...": a passive whose doer is one person, asked in the active with that person the answer (a
    card: no options are needed, so none of the notes' other people must fit the deed's time, which
    refused every passive asked with options in session 18, RESULTS 8.53).

    Only the plainest form: the subject opens the sentence (or follows a date kept in front,
    `_time_opener`) and holds no pronoun, pointing word or punctuation; "was"/"were", nothing or "first",
    the participle, then "by" and the person's name (no apposition, list or clause of its own); then
    only phrases of when, where or how hanging on the verb, and a closing clause of time or purpose that
    is cut. The past tense is the participle when it ends in "-ed" ("adopted"), or the form the notes
    themselves write as a past tense of that verb (`past_of`: "built"); otherwise nothing is asked."""
    root = _root(doc)
    if root is None or root.tag_ != "VBN" or root.lemma_ in _NOT_ACTS:
        return None
    aux = [c for c in root.children if c.dep_ == "auxpass"]
    subject = next((c for c in root.children if c.dep_ == "nsubjpass"), None)
    agents = [c for c in root.children if c.dep_ == "agent"]
    if len(aux) != 1 or aux[0].lower_ not in {"was", "were"} or subject is None or len(agents) != 1:
        return None
    if any(c.dep_ in {"nsubj", "neg", "aux", "ccomp", "xcomp", "conj", "cc", "dobj", "dative"} for c in root.children):
        return None  # a second verb or claim, or a negation: not one deed
    opener = _time_opener(doc, subject) if subject.left_edge.i != 0 else ""
    if subject.left_edge.i != 0 and not opener:
        return None
    asked = doc[subject.left_edge.i:subject.right_edge.i + 1]
    if any(t.pos_ == "PRON" or t.tag_ in {"PRP", "PRP$"} or t.lower_ in {"this", "these", "that", "those", "such"}
           or t.is_punct for t in asked):
        return None
    if aux[0].i != asked.end or any(t.lower_ != "first" for t in doc[aux[0].i + 1:root.i]):
        return None  # "X, however, was ...", "was later adopted": only "first" may stand before the participle
    agent = agents[0]
    doer_head = next((c for c in agent.children if c.dep_ == "pobj"), None)
    if agent.i != root.i + 1 or doer_head is None or doer_head.ent_type_ != "PERSON" \
            or any(c.dep_ in {"conj", "cc", "appos", "acl", "relcl", "prep"} for c in doer_head.children):
        return None
    doer = doc[doer_head.left_edge.i:doer_head.right_edge.i + 1]
    if not _is_name(doer) or any(t.pos_ == "PROPN" and t.ent_type_ != "PERSON" for t in doer):
        return None  # "by Spanish architect Enric Miralles", "by Royal Charter": not a person's name alone
    end = len(doc) - 1 if doc[-1].is_punct else len(doc)
    closing = [c for c in root.children if c.dep_ == "advcl" and c.i > doer.end and c.right_edge.i + 1 >= end
               and doc[c.left_edge.i].lower_ in _CUT_CLAUSE_OPENERS]
    if closing:
        end = closing[0].left_edge.i
    tail = doc[doer.end:end]
    phrases = [c for c in root.children if c.dep_ in {"prep", "advmod", "npadvmod"} and c.i >= doer.end]
    covered = {t.i for c in phrases for t in c.subtree}
    if any(t.i not in covered or t.pos_ in {"VERB", "AUX", "PRON"} or t.dep_ in {"cc", "conj"} or t.is_punct
           or t.text in {'"', "“", "”"} for t in tail):
        return None  # a clause, a second doer ("and by Giovanni Branca"), a comma or a pronoun: more than the deed
    participle = root.text
    past = participle if participle.endswith("ed") else past_of(participle)
    if not past:
        return None
    first = " first" if root.i > aux[0].i + 1 else ""
    rest = " ".join(f"{first.strip()} {past} {_lower_first(asked)} {tail.text}".split())
    if len(rest.split()) < 3 or len(rest.split()) > MAX_QUESTION_WORDS:
        return None
    if any(w in rest.split() for w in doer.text.split() if w[:1].isupper()):
        return None  # "Watt's engine was improved by James Watt": the question names its answer
    if opener:
        return Question(f"{opener}, who {rest}?", doer.text, "actor")
    return Question(f"Who {rest}?", doer.text, "actor")


def object_question(doc, is_term=lambda text: False) -> Question | None:
    """"What did James Watt patent in 1781?" for "In 1781 James Watt patented a steam engine ...":
    the object the sentence ends on is the answer."""
    text = doc.text
    opener = _DATE_OPENER.match(text)
    start_token = 0
    if opener:
        start_token = next((t.i for t in doc if t.idx >= opener.end()), len(doc))
    root = _root(doc)
    if root is None or root.pos_ != "VERB" or root.tag_ not in {"VBD", "VBZ"} or root.lemma_ in _NOT_ACTS:
        return None
    subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
    obj = next((c for c in root.children if c.dep_ == "dobj"), None)
    if subject is None or obj is None or subject.left_edge.i != start_token or subject.right_edge.i + 1 != root.i:
        return None
    if any(c.dep_ in {"aux", "neg", "auxpass", "prt"} for c in root.children):
        return None
    span = _without_apposition(subject)
    if any(t.pos_ == "PRON" for t in span) or not (_is_name(span) or is_term(span.text)):
        return None
    if obj.i != root.i + 1 and doc[root.i + 1].dep_ != "det" and doc[root.i + 1].head.i != obj.i:
        return None
    object_span = doc[obj.left_edge.i:obj.right_edge.i + 1]
    if object_span.end < len(doc) - 1 or any(t.tag_ in {"PRP", "PRP$"} for t in object_span) or len(object_span) < 2:
        return None  # something follows the object, or the object is "it"
    if any(c.dep_ == "conj" for c in subject.children) and "," in doc[:subject.right_edge.i + 1].text:
        return None
    helper = "did" if root.tag_ == "VBD" else "does"
    when = f" {opener.group().strip(' ,')[:1].lower()}{opener.group().strip(' ,')[1:]}" if opener else ""
    whom = "Who" if obj.ent_type_ == "PERSON" else "What"
    question = f"{whom} {helper} {_lower_first(span)} {root.lemma_}{when}?"
    answer = _clean(object_span.text)
    return Question(question, answer[:1].upper() + answer[1:] + ".", "object")

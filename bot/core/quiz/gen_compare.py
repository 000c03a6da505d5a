"""Which of two things the notes compare is the one the comparison says: "Threads are more efficient
than processes." is asked "Which are more efficient, threads or processes?" (threads); "Unlike
sequences, dictionaries are indexed by keys." is asked "Which are indexed by keys, sequences or
dictionaries?" (dictionaries).

Technical notes and FAQs teach by contrast (issue 8: "X is faster than Y", "Unlike X, Y ..."), and the
two things compared are each other's only option: of one kind by the sentence itself, and exactly one
of them is what the sentence says. Only when:
- the comparison is the sentence's main claim: "<X> <verb> <more/-er ...> than <Y>" with X the main
  verb's subject, or "Unlike <X>, <Y> <claim>";
- X and Y are noun phrases of one kind (both names, or both common nouns of one number), short, no
  pronoun or pointing word ("than that", "it"), neither inside the other;
- nothing after the compared side narrows it ("than cedar hives in winter");
- the claim holds as stated: no modal ("may be faster"), negation (but after "Unlike X,": "Y never did"),
  condition ("if", "when", "unless"),
  hedge ("usually", "sometimes", "slightly") or coordination of several things compared.
"""

from __future__ import annotations

from dataclasses import dataclass

_HEDGES = frozenset({"usually", "sometimes", "often", "generally", "typically", "normally", "mostly", "slightly",
                     "somewhat", "probably", "perhaps", "maybe", "frequently", "rarely", "almost", "nearly",
                     "arguably", "possibly", "likely", "partly"})
_CONDITIONS = frozenset({"if", "when", "unless", "whenever", "provided", "once", "until", "while", "whereas",
                         "although", "though"})
_POINTING = frozenset({"this", "that", "these", "those", "it", "its", "they", "them", "their", "he", "she", "one",
                       "ones", "other", "others", "another", "nothing", "something", "anything", "everything",
                       "before", "ever", "usual", "expected", "necessary", "needed", "required", "such", "same"})
MAX_SIDE_WORDS = 5
MAX_CLAIM_WORDS = 14


@dataclass(frozen=True)
class Comparison:
    prompt: str
    answer: str
    options: tuple[str, ...]


def _span_text(tokens) -> str:
    return "".join(t.text_with_ws for t in tokens).strip()


def _side(token):
    """The noun phrase of `token` without a relative clause, apposition or what follows a comma:
    "sequences" of "sequences, which are indexed by ...", "full generator definitions"."""
    cut = {"relcl", "appos", "acl", "punct", "prep", "cc", "conj", "advcl"}
    kept = [token]
    stack = [c for c in token.children if c.dep_ not in cut]
    while stack:
        child = stack.pop()
        kept.append(child)
        stack.extend(c for c in child.children if c.dep_ not in {"relcl", "appos", "acl", "punct", "cc", "conj"})
    kept.sort(key=lambda t: t.i)
    if kept[-1].i - kept[0].i + 1 != len(kept):
        return None  # not one run of words
    return kept


def _side_ok(tokens, head) -> bool:
    words = [t for t in tokens if not t.is_punct]
    return (0 < len(words) <= MAX_SIDE_WORDS and head.pos_ in {"NOUN", "PROPN"}
            and not any(t.lower_ in _POINTING or t.pos_ in {"PRON", "NUM"} or t.tag_ in {"PRP", "PRP$", "CD"}
                        for t in tokens)
            and not any(c.dep_ == "conj" for c in head.children))


def _same_kind(a, b) -> bool:
    """Both names, or both common nouns of one number ("threads" and "processes")."""
    if (a.pos_ == "PROPN") != (b.pos_ == "PROPN"):
        return False
    return a.pos_ == "PROPN" or (a.tag_ == "NNS") == (b.tag_ == "NNS")


def _holds_as_stated(doc, kept, negation_ok: bool = False) -> bool:
    """No hedge, modal or negation in what is asked, and no condition on the main clause. After
    "Unlike X," a negation is the contrast itself ("Unlike the khanates, the dynasty never converted"):
    one side did, the other did not."""
    for t in kept:
        if t.lower_ in _HEDGES or t.dep_ == "neg" and not negation_ok or t.tag_ == "MD" and t.lower_ not in {"will"}:
            return False
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    for t in doc:
        if t.lower_ in _CONDITIONS and t.dep_ in {"mark", "advmod", "prep"} and t.head.dep_ in {"advcl", "ROOT"} \
                and (t.head == root or t.head.head == root):
            return False
    return True


def _capitalised(text: str, original_first: bool) -> str:
    return text if original_first else text[:1].lower() + text[1:]


def _keeps_case(token) -> bool:
    """Whether the first word of a side keeps its capital in the middle of a stem: a name, or a word
    written with a capital elsewhere in the sentence than at its start."""
    return token.pos_ == "PROPN" or token.i > 0 or token.text.isupper()


def comparison_question(doc, rng) -> Comparison | None:
    """The two-option question of a sentence comparing two things, None when it does not."""
    found = _than_comparison(doc)
    unlike = found is None
    found = found or _unlike_comparison(doc)
    if found is None:
        return None
    claim_tokens, answer_tokens, other_tokens = found
    if not _holds_as_stated(doc, [*claim_tokens, *answer_tokens, *other_tokens], negation_ok=unlike):
        return None
    claim = _span_text(claim_tokens)
    answer = _capitalised(_span_text(answer_tokens), _keeps_case(answer_tokens[0]))
    other = _capitalised(_span_text(other_tokens), _keeps_case(other_tokens[0]))
    answer = answer[:1].upper() + answer[1:]  # options are shown as they start a line: "Threads", "Processes"
    shown_other = other[:1].upper() + other[1:]
    if not claim or len(claim.split()) > MAX_CLAIM_WORDS or answer.lower() == other.lower() \
            or answer.lower() in other.lower() or other.lower() in answer.lower():
        return None
    if any(w in claim.lower().split() for w in (answer.lower(), other.lower())):
        return None
    in_stem = {answer: _capitalised(_span_text(answer_tokens), _keeps_case(answer_tokens[0])), shown_other: other}
    options = tuple(sorted([answer, shown_other], key=lambda o: rng(o)))
    return Comparison(f"Which {claim}, {in_stem[options[0]]} or {in_stem[options[1]]}?", answer, options)


def _than_comparison(doc):
    """"<X> <verb> <comparative> than <Y>": the claim is the verb and the comparative's words before
    "than" ("are more efficient", "has more up-to-date software")."""
    for than in (t for t in doc if t.lower_ == "than" and t.dep_ == "prep"):
        objects = [c for c in than.children if c.dep_ == "pobj"]
        comparative = than.head
        if len(objects) != 1 or comparative.tag_ not in {"JJR", "RBR"} \
                and not any(c.lower_ in {"more", "less"} for c in comparative.children):
            continue
        verb = comparative
        while verb.dep_ != "ROOT" and verb.pos_ not in {"VERB", "AUX"}:
            verb = verb.head
        if verb.dep_ == "ROOT":
            break  # the main clause's comparison: "Testing has more up-to-date software than Stable, and ..."
    else:
        return None
    y_head = objects[0]
    subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subject is None or subject.i > verb.i:
        return None
    x_tokens, y_tokens = _side(subject), _side(y_head)
    if not x_tokens or not y_tokens or not _side_ok(x_tokens, subject) or not _side_ok(y_tokens, y_head) \
            or not _same_kind(subject, y_head):
        return None
    start = min([verb.i, *(c.i for c in verb.children if c.dep_ in {"aux", "auxpass"} and c.i < verb.i)])
    if start != x_tokens[-1].i + 1:
        return None  # something between the subject and its verb
    claim = list(doc[start:than.i])
    if any(t.is_punct for t in claim) or not _nothing_limits(doc, y_tokens[-1].i + 1, verb):
        return None
    return claim, x_tokens, y_tokens


def _nothing_limits(doc, after: int, verb) -> bool:
    """Nothing after the compared side narrows the comparison ("... than cedar hives in winter": only
    then): the sentence ends there, or another clause follows on its own ("..., and it breaks less
    often than Unstable")."""
    rest = [t for t in doc[after:] if not t.is_punct]
    if not rest:
        return True
    first = doc[after]
    joined = first.is_punct and first.text == "," or first.dep_ == "cc"
    return joined and any(t.dep_ == "conj" and t.head == verb and t.pos_ in {"VERB", "AUX"} for t in rest)


def _unlike_comparison(doc):
    """"Unlike <X>, <Y> <claim>.": the claim is the main verb and what follows it to the sentence's end."""
    if not len(doc) or doc[0].lower_ != "unlike":
        return None
    objects = [c for c in doc[0].children if c.dep_ == "pobj"]
    verb = doc[0].head
    if len(objects) != 1 or verb.dep_ != "ROOT":
        return None
    subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subject is None or subject.i > verb.i:
        return None
    x_tokens, y_tokens = _side(subject), _side(objects[0])
    if not x_tokens or not y_tokens or not _side_ok(x_tokens, subject) or not _side_ok(y_tokens, objects[0]) \
            or not _same_kind(subject, objects[0]):
        return None
    if any(t.is_punct for t in doc[x_tokens[-1].i + 1:verb.i]):
        return None
    # The claim: the main verb and what depends on it, without the subject, the "Unlike" phrase, and
    # clauses hung on by a comma ("keys, which can be any immutable type; strings ... can be keys").
    dropped = {t.i for t in doc[0].subtree} | {t.i for t in subject.subtree}
    for token in verb.subtree:
        if token.dep_ in {"relcl", "advcl", "conj", "cc", "parataxis", "appos"} or token.dep_ == "punct":
            dropped |= {t.i for t in token.subtree}
    claim = [t for t in verb.subtree if t.i not in dropped]
    if not claim or claim[-1].i - claim[0].i + 1 != len(claim) or claim[0].i != x_tokens[-1].i + 1:
        return None  # not one run of words after the subject
    return claim, x_tokens, y_tokens

"""How a defined term reads in its question: its first letter as the notes write the word (`term_as_asked`)
and its number, so "What are assets?" whatever verb the notes used (`plural_term`, `agreeing_be`).
"""

from __future__ import annotations

from bot.core.quiz.gen_plural import SINGULAR_ENDINGS


def term_as_asked(term: str, lowercase_words) -> str:
    """The defined term as a question shows it after "What is": its first letter lowered when the notes
    write the word in lower case elsewhere (the capital only opened the sentence: "Colonialism is ..."),
    but only when that capital is all that is upper case in it: a word with capitals inside ("SELinux",
    "IPv6") is written so wherever it stands, whatever lower-case command or package names share its
    letters ("selinux-activate" made "What is sELinux?")."""
    words = term.split()
    first = words[0]
    if len(words) > 1 and all(w[:1].isupper() for w in words):
        return term  # "Members Business", "Consumer Price Index": a name written in capitals, each word ("members Business")
    if first.lower() in lowercase_words and not any(c.isupper() for c in first[1:]):
        return term[:1].lower() + term[1:]
    return term


def plural_term(head, lexicon) -> bool:
    """Whether the defined term's head word is a plural common noun, so its question reads "What are
    X?" whatever verb the notes used ("Assets is the group of things that you own": round 22 asked
    for "What are assets?"). Asked only of a common noun (`_Generator._be_of`: the notes write it in
    lower case somewhere; "Mars", "Windows", "DNS" keep the notes' verb); plural by its form (an s not of
    "analysis", "physics", "status") and by the parse (NNS) or, where a capital made the parse read
    a name ("Liabilities is ..." parsed NNP), by the notes writing its singular as a noun
    ("liability"). A word the parse reads as a singular common noun ("The news is") stays singular."""
    word = head.lower_
    if head.tag_.startswith("VB"):
        return False
    if not word.endswith("s") or word.endswith(SINGULAR_ENDINGS):
        return False
    if head.tag_ in {"NNS", "NNPS"}:
        return True
    if head.tag_ != "NNP":
        return False  # read as a singular common noun ("The news is ..."): the parse's number stands
    singulars = {word[:-1], word[:-2]} | ({word[:-3] + "y"} if word.endswith("ies") else set())
    return any(w in lexicon.common_nouns for w in singulars)


def agreeing_be(verb: str, plural: bool) -> str:
    """The notes' "is"/"are"/"was"/"were" in the number of the term asked of, its tense kept."""
    past = verb in {"was", "were"}
    return ("were" if past else "are") if plural else ("was" if past else "is")

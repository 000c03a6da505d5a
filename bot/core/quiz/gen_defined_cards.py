"""Flashcards of definitions no "which term means ...?" item can ask (issue 8, session 25, lane qcards).

gen_defined asks a definition read from running prose ("A writ is a formal written order issued by a court.")
or from a dashed glossary line ("Nephron – the microscopic functional unit of the kidney.") only beside other
terms of its kind, and most such terms have none in their notes (Hilum, Polyuria, Opportunity cost, Writ,
Curing, the kidney note's dashed lines). A flashcard needs no wrong options: "What is a writ?" answered by the
notes' definition. It is made only when the definition says what the term is, by the parse of
"<term> is <definition>.":

- a noun phrase with a common noun for its head (a genus) and words that set it apart, or an activity in a
  gerund's phrase ("stopping freshly poured concrete from drying out too quickly");
- not a genus alone or the word's own kind (gen_genus), a judged means ("a cost-effective way to ..."), a remark
  (gen_precision), nor a definite genus with nothing after it ("the middle layer": which one, the figure says);
- not a rank ("an older antimalarial drug", "the second academic school of technology in the country": "which
  is?" has other answers in time), nor a role of a named thing ("the mayor of Warsaw", "the large commercial
  settlements of the Hanse abroad": what it is to one named thing, not what it is);
- not a value ("crimson, which is the name of ..."), nor a sentence cut off ("the ideal thermodynamic cycle
  used to analyze"), nor one that points back to what came before.
"""

from __future__ import annotations

import re

from bot.core.quiz.gen_genus import genus_about_the_word, genus_without_differentia, judged_means, quality_only
from bot.core.quiz.gen_precision import remark_not_definition

MIN_WORDS = 3  # "the inner region", "a duct": fewer words set nothing apart
# Words that point back to what came before the definition ("it", "they" inside it point to its own genus)
_POINTING = frozenset({"this", "these", "those", "such", "above", "former", "latter", "here"})
# After its head, what sets a definite genus apart: "the space inside a thylakoid", "the rate at which ...";
# "the middle layer", "the outer, darker layer" say which one only beside the notes' figure or sentence
_SETS_APART = frozenset({"prep", "relcl", "acl", "conj", "appos", "advmod", "npadvmod"})


def _attribute(doc):
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None:
        return None, None
    return root, next((c for c in root.children if c.dep_ in {"attr", "acomp"}), None)


def _gerund(doc, term_words: int):
    """The gerund opening the definition ("Curing is stopping ...", parsed as a progressive), or None."""
    word = doc[term_words + 1] if len(doc) > term_words + 1 else None
    if word is not None and word.tag_ == "VBG" and word.lower_.endswith("ing"):
        return word
    return None


def _common_noun(token) -> bool:
    """A noun, or a word in lower case the parse took for a name ("the organelle in plant cells ...")."""
    return token.pos_ == "NOUN" or token.pos_ == "PROPN" and token.text.islower()


def says_what_it_is(term: str, definition: str, doc) -> bool:
    """Whether `definition` of `term` says what the term is, read in `doc` (the parse of "<term> is
    <definition>."): a genus and what sets it apart, or an activity; not a claim, a rank, a role, a value."""
    words = definition.split()
    if len(words) < MIN_WORDS or any(w.strip(",.;:()").lower() in _POINTING for w in words):
        return False
    if definition.rstrip().endswith((",", ":", ";")):
        return False
    last = [t for t in doc if not t.is_punct]
    if last and last[-1].pos_ == "VERB" and all(c.dep_ in {"aux", "mark", "neg"} for c in last[-1].children):
        return False  # "the ideal thermodynamic cycle used to analyze": the sentence was cut off
    if remark_not_definition(doc) or genus_without_differentia(doc) or genus_about_the_word(doc) \
            or judged_means(doc) or quality_only(doc):
        return False
    root, attribute = _attribute(doc)
    if attribute is None:
        return _gerund(doc, len(term.split())) is not None  # an activity: "learning through association"
    if not _common_noun(attribute):
        return False  # "crimson, which is ...": a value; "part of ...": no genus
    determiner = next((c for c in attribute.children if c.dep_ in {"det", "poss"}), None)
    # what follows the head and sets it apart; an aside after a comma ("crimson, which is the name of ...") does not
    after = [c for c in attribute.children if c.dep_ in _SETS_APART and c.i > attribute.i
             and not (c.dep_ in {"relcl", "appos", "acl"} and doc[c.left_edge.i - 1].text == ",")]
    if determiner is not None and determiner.lower_ == "the" and not after:
        return False  # "The middle layer is called the base": which one is told by the figure, not the words
    if determiner is None and attribute.tag_ in {"NN", "NNP"} and not after \
            and not any(c.dep_ in {"amod", "compound", "nmod"} for c in attribute.children):
        return False  # "The school color is crimson, which ...": a value, no genus
    if determiner is not None and determiner.lower_ == "the" and _role_toward_the_unnamed(attribute):
        return False  # "Cuzco: the capital of the empire": which empire, the card does not say (round 48)
    for child in attribute.children:
        if child.dep_ in {"amod", "nummod"} and (child.tag_ in {"JJR", "JJS", "RBS"} or child.ent_type_ == "ORDINAL"):
            return False  # "an older antimalarial drug", "the second academic school": a rank, not what it is
        if child.dep_ == "prep" and any(g.pos_ == "PROPN" and not _common_noun(g) for g in _named_object(child)):
            return False  # "the mayor of Warsaw", "settlements of the Hanse": a role toward one named thing
    return True


def _role_toward_the_unnamed(attribute) -> bool:
    """The definite genus is set apart only by "of" and one bare definite noun: "the capital of the empire", "the
    title of the ruler", a role toward one thing the notes name elsewhere (their subject) and the card does not:
    'What is meant by "Cuzco"?' answered "The capital of the empire." (set 21, round 48: borderline, "leaves 'the
    empire' without a referent"; a place asked as if it were a term). A genus with words of its own ("the Mexica
    patron god of the sun and war", "the microscopic functional unit of the kidney") or an object that says which
    ("of a lower court", "of the kidney's bean shape") says what the term is."""
    children = [c for c in attribute.children if c.dep_ != "det"]
    if len(children) != 1 or children[0].dep_ != "prep" or children[0].lower_ != "of":
        return False
    objects = [c for c in children[0].children if c.dep_ == "pobj"]
    if len(objects) != 1 or len(list(children[0].children)) != 1:
        return False
    obj = objects[0]
    return obj.pos_ == "NOUN" and [c.lower_ for c in obj.children] == ["the"]


def _named_object(preposition):
    """The words of a preposition's object that may name one thing: the object and the words naming it with it
    ("of the Hanse", "of the Kingdom of Poland"), not a name further in that says which kind a common noun is
    ("an infection of the small intestine by some strains of the bacterium Vibrio cholerae": an instance of a
    genus the definition states, no role toward it)."""
    found = []
    for obj in (c for c in preposition.children if c.dep_ == "pobj"):
        found.append(obj)
        if obj.pos_ == "PROPN":
            found += [t for t in obj.subtree if t is not obj]
        else:
            found += [c for c in obj.children if c.dep_ in {"compound", "poss"}]
    return found


def says_more_than_the_term(term: str, definition) -> bool:
    """A glossary line whose definition repeats a word of its term ("Electoral vote. A vote cast by an elector.",
    "Faithless elector. An elector who does not vote for ...") can still say what the term is on a card, where no
    option is given away: when the definition is a glossary line's, does not hold the whole term, and has a
    word of its own besides the term's words ("cast"), so that it is no mere echo ("Licensee: the one licensed")."""
    if not definition.glossary or definition.prose:
        return False
    folded = re.sub(r"[^\w\s]", " ", definition.definition.lower())
    whole = re.sub(r"[^\w\s]", " ", term.lower()).split()
    if re.search(r"(?<!\w)" + r"\s+".join(map(re.escape, whole)) + r"(?!\w)", folded):
        return False
    prefixes = {w[:5] for w in whole}
    own = [w for w in folded.split() if len(w) > 3 and w[:5] not in prefixes and w not in _FUNCTION_WORDS]
    return len(own) >= 1


RESTATED_OWN_WORDS = 2  # a definition that adds at most this many words of its own to its term's restates it


def restates_the_term(term: str, definition_doc) -> bool:
    """The definition is the term's own words unpacked, with at most RESTATED_OWN_WORDS content words that are not
    the term's ("Electoral vote. A vote cast by an elector.", "Glomerular filtration rate. The rate at which blood
    is filtered through the glomeruli.", "Vibrio cholerae. The bacterium that causes cholera.", "Plate boundary.
    The zone where two plates meet."; rounds 41-42: all four borderline, the card "tests almost nothing"): it
    shares a word with the term (its first five letters) and says little else. A definition sharing no word
    ("Enterotoxin. A toxin that acts on the intestine.") or saying more ("Valence electrons. The electrons in the
    outer shell of an atom.") is asked."""
    stems = {w[:5] for w in re.findall(r"[a-z]+", term.lower()) if len(w) > 2}
    content = [t.lower_ for t in definition_doc if t.is_alpha and not t.is_stop and len(t.text) > 1]
    shared = [w for w in content if w[:5] in stems]
    return bool(shared) and len(content) - len(shared) <= RESTATED_OWN_WORDS


def same_number(term_doc, doc, term_words: int) -> bool:
    """The term's head and the genus of its definition (read in `doc`, "<term> is <definition>.") agree in
    number: a singular term is said to be one thing ("Electoral vote" -> "a vote cast by an elector"), not
    plural things ("Randuff economics blog (April 2012): economic and legal barriers": a source's line)."""
    head = next((t for t in reversed(list(term_doc)) if t.pos_ in {"NOUN", "PROPN"}), None)
    _, attribute = _attribute(doc)
    if head is None or attribute is None or attribute.i < term_words:
        return True
    return not (head.tag_ in {"NN", "NNP"} and attribute.tag_ in {"NNS", "NNPS"}
                and not any(c.dep_ == "det" for c in attribute.children))


_FUNCTION_WORDS = frozenset({"that", "which", "with", "from", "into", "than", "this", "these", "those", "their",
                             "there", "they", "them", "when", "where", "what", "whose", "some", "more", "most",
                             "other", "also", "such", "been", "being", "have", "does", "were", "will", "would"})


def term_as_label(term_doc) -> bool:
    """The glossary's "term" is a description with a phrase of its own after its head ("Post-conviction relief for
    federal prisoners: a section 2255 motion ..."): a label of a row, whose "meaning" is the value beside it. "Writ
    of mandamus", "Loop of Henle", "Fruit of the poisonous tree" are terms: "of" makes a name."""
    return any(t.dep_ == "prep" and t.lower_ != "of" for t in term_doc)


def card_stem(term: str, sentence: str, prose: bool, shown: str = "") -> str:
    """The card's question: "What is a writ?" where the sentence opens with the term and "is"/"are" ("A writ is a
    formal written order ..."); 'What is meant by "hilum"?' where it names the term after its definition ("...
    is called the hilum"), by "means"/"refers to", or in a glossary line, as the notes' "Term: definition"
    cards ask."""
    words = sentence.split()
    article = words[0].lower() if words and words[0].lower() in {"a", "an", "the"} else ""
    rest = " ".join(words[1:] if article else words)
    bare = term.strip()
    if prose and rest.lower().startswith(bare.lower() + " ") and article != "the":
        after = rest[len(bare):].split()
        verb = after[0].lower() if after else ""
        if verb in {"is", "are"}:
            shown = shown or bare  # as a question shows it (generator.term_as_asked: "opportunity cost")
            if article:
                article = "an" if shown[:1].lower() in "aeiou" else "a"
                return f"What {verb} {article} {shown}?"
            return f"What {verb} {shown}?"
    shown = re.sub(r"^(?:the|a|an) ", "", bare, flags=re.IGNORECASE)  # "The renal pelvis" -> "Renal pelvis"
    shown = shown[:1].upper() + shown[1:] if shown != bare else shown
    return f"What is meant by \"{shown}\"?"


def past_card_stem(term: str, sentence: str, shown: str, subject: str) -> str:
    """The card's question of a past-tense definition ("The thing (or ting) was an assembly of free men."): what
    the thing was, in the notes' tense and with their article, and where ("According to the notes on the
    Vikings ..., what was the thing?"): a thing that no longer is belongs to its time and place, and a bare
    "What is meant by "Thing"?" asks a common word (issue 8, lane qcopula). "" when the sentence does not open
    with the term and "was"/"were", or the notes name no subject."""
    bare = re.sub(r"^(?:the|a|an) ", "", term.strip(), flags=re.IGNORECASE)
    found = re.match(rf"^(?P<article>the|a|an)?\s*\W*(?P<written>{re.escape(bare)})\W*(?:\([^()]*\)\s*)?(?P<verb>was|were)\b",
                     sentence.strip(), re.IGNORECASE)
    if found is None or not subject:
        return ""
    article = (found.group("article") or "").lower()
    shown = shown or bare
    # A capital the sentence's first word has only there ("Thalassemias were ...") is not the term's own; one after
    # the article is ("The Bay of Pigs invasion was ..."): a name keeps it.
    if shown[:1].isupper() and shown.lower() == bare.lower() and not bare[1:2].isupper() \
            and not (found.group("article") and found.group("written")[:1].isupper()):
        shown = shown[0].lower() + shown[1:]
    named = f"{article} {shown}" if article else shown
    return f"According to the notes on {subject}, what {found.group('verb').lower()} {named}?"


def headed_card_stem(term: str, sentence: str, shown: str) -> str:
    """The card's question of a present-tense definition of "the <term>" a heading names ("The thalassemias are a
    group of inherited blood disorders ..."): "What are the thalassemias?" (lane qcopula); "" when the sentence
    does not open so."""
    bare = re.sub(r"^(?:the|a|an) ", "", term.strip(), flags=re.IGNORECASE)
    found = re.match(rf"^the\s*\W*{re.escape(bare)}\W*\s(?P<verb>is|are)\b", sentence.strip(), re.IGNORECASE)
    if found is None:
        return ""
    shown = shown or bare
    if shown[:1].isupper() and not bare[1:2].isupper():
        shown = shown[0].lower() + shown[1:]
    return f"What {found.group('verb').lower()} the {shown}?"


def card_answer(definition: str) -> str:
    """The notes' definition as the card's answer: its first letter capitalised, one closing full stop."""
    text = definition.strip().rstrip(".")
    return text[:1].upper() + text[1:] + "."

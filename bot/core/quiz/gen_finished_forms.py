"""Forms of finished items a strict teacher drops, read off the item's own words and their parse (issue 8,
held-out set 21, judged in round 48; English grammar and punctuation only, no course's words):

- a card on a worked example's figures: "What leads to a 10% fall in the quantity of used textbooks demanded?"
  keyed "A 12% rise in income", "Why is the elasticity of demand about 0.3?" (of cigarettes, which the stem
  does not say): a figure asked for, or asked about, where the answer is a figure too (`example_figures`);
- a stem whose condition points back with a pro-form adverb: "what happens if many customers go elsewhere?"
  (elsewhere than the coffee shop that raised its price, a sentence before) (`points_back`);
- a bare relational noun for the subject: "What do sources include?" (sources of carbon monoxide)
  (`bare_relational_subject`);
- an answer that keeps the notes' cross-reference: "... one of the triggers of thermal runaway (section 8)"
  (`cross_reference`);
- a "What is X?" card keyed to what X is now or usually: "What is the Monroe School?" keyed "Now a National
  Historic Site" (`hedged_answer`);
- a who-did-what item keyed to a name the notes' title holds: "Oliver Brown" in notes titled "Brown v. Board
  of Education" (`title_names_answer`);
- a blank the words after it qualify: "schools in _____, Virginia" rules out "District of Columbia" among
  Virginian places (`qualified_blank`).

Held-out set 22 (issue 8, session 29):
- a card's answer cut off on a word that needs more after it: "The difference between what an economy could
  produce at full employment (potential GDP) and." (`cut_short`);
- a card keyed to one of several coordinated parts the notes give: "What does the choice of policy depend on?"
  keyed "The cause of the unemployment" of "... depends on the cause ..., its rate and duration, and the state
  of ...", "all ministers must publicly support the decisions of the government" without ", or resign"
  (`one_of_several`);
- a "because" answer that carries on with a second thing argued ("Because the government must keep the
  support of parliament, and that it allows efficient lawmaking") (`one_of_several`);
- a bare relational noun with only an article: "What is an example?" (`bare_relational_subject`);
- the keyed option the only one with a figure in it: "Day 0" among "Reservoir host", "Encephalitis" for "the
  day the first dose is given" (`only_with_a_figure`);
- a row label of a comparison asked as a term: 'What is meant by "Violence"?' keyed "February involved widespread
  street fighting ...": what follows the label is a sentence with a subject of its own (`label_of_facts`).

Held-out set 23 (issue 8, session 30):
- a definition that points back to the line before: 'What is meant by "Truncated spurs"?' keyed "Another landform
  of glacial erosion found along U-shaped valleys" (`another_of_before`);
- a label's one-sentence fact keyed as its meaning: 'What is meant by "Infected infants"?' keyed "About 90 percent
  or more develop chronic infection" (`label_of_facts`, a share of them for the subject);
- a who-did-what stem with its verb negated ("Who did not need to rely on the patent clause?": everyone else did
  not either) or an aspect verb without its act ("Who began with the character of the Constitution?": began what)
  (`open_actor_stem`);
- two wrong options one of which is the other with an ending ("Bullion", "Bullionism" beside "Tariff"): the key is
  the odd one out by form (`rooted_pair`);
- what a thing contains asked of one thing: "What does the Constitution contain?" keyed "An enumeration of powers
  ..." (`one_content`);
- a term item keyed to a parent section's name, of a sentence in one of its sub-sections ("Treatment" of "8.
  TREATMENT > 8.2 Chronic hepatitis B"): the claim generalised beyond the sub-section's case (`parent_heading_key`).
"""

from __future__ import annotations

import re

from bot.core.tokens import STOPWORDS, fold

# Adverbs that stand for a place, time or alternative the passage gave before: English pro-forms.
_PRO_FORM_ADVERBS = frozenset({"elsewhere", "instead", "otherwise", "likewise", "similarly", "meanwhile",
                               "thereafter", "therefore", "hence", "again"})
# Nouns that name something only by what it belongs to ("sources of ...", "causes of ..."): English relational
# nouns, asked bare as a subject they name nothing.
RELATIONAL = frozenset({"source", "cause", "effect", "result", "example", "type", "kind", "form", "part", "member",
                         "feature", "sign", "symptom", "use", "step", "factor", "reason", "consequence", "advantage",
                         "disadvantage", "benefit", "risk", "component", "product", "method", "option", "stage"})
_ARTICLES = frozenset({"a", "an", "the"})  # an article alone says no more of which one ("an example")
_SETTING = re.compile(r"^(?:In|According to) (?:the notes|[^,?]{0,120}?)(?: on [^,?]+)?, ")
_FIGURE = re.compile(r"\d+(?:[.,]\d+)?\s*(?:%|per ?cent\b)|\$\s?\d|\b\d+\.\d+\b"
                     r"|\b\d+(?:[.,]\d+)?\b(?! ?(?:BC|AD|BCE|CE)\b)")
_YEAR = re.compile(r"^(?:1[0-9]{3}|20[0-9]{2})$")
_CROSS_REFERENCE = re.compile(r"\((?:see )?(?:section|chapter|part|figure|table|fig\.)\s+[\dA-Z][\w.]*\)"
                              r"|\(see (?:above|below)\)", re.IGNORECASE)


def _figures(text: str) -> list[str]:
    return [m.group(0) for m in _FIGURE.finditer(text) if not _YEAR.match(m.group(0).strip())]


def example_figures(item) -> bool:
    """A cause card whose stem asks about a figure and whose answer is a figure too (a worked example)."""
    if item.tests != "cause":
        return False
    stem = _SETTING.sub("", item.prompt)
    return bool(_figures(stem)) and bool(_figures(item.answer))


def points_back(item) -> bool:
    """A cause card's stem with a pro-form adverb (`_PRO_FORM_ADVERBS`) in the notes' words it asks about."""
    if item.tests != "cause":
        return False
    stem = _SETTING.sub("", item.prompt)
    return any(w in _PRO_FORM_ADVERBS for w in re.findall(r"[a-z]+", stem.lower()))


def bare_relational_subject(doc) -> bool:
    """The stem's subject is one relational noun with nothing saying of what: "What do sources include?"."""
    for t in doc:
        if t.dep_ in {"nsubj", "nsubjpass"} and t.pos_ == "NOUN" and t.lemma_.lower() in RELATIONAL \
                and not any(c.dep_ in {"det", "poss", "amod", "compound", "prep", "nummod", "relcl", "acl"}
                            and c.lower_ not in _ARTICLES for c in t.children):
            return True
    return False


def cut_short(answer_doc) -> bool:
    """A card's answer ends on a conjunction, a preposition or an article: a phrase cut off ("... and.")."""
    words = [t for t in answer_doc if not t.is_punct]
    return bool(words) and words[-1].pos_ in {"CCONJ", "ADP", "DET", "SCONJ"} and words[-1].dep_ != "prt"


def one_of_several(item, quote_doc) -> bool:
    """A card keyed to a part of the notes' sentence that goes on with a coordinated part of the same
    standing: "depends on A, B and C" keyed "A"; "must support X, or resign" keyed "must support X"; or a
    "because" answer that carries a second "that"-clause of the verb it hangs on ("..., and that ...")."""
    if item.options:
        return False
    answer = item.answer.rstrip(".").strip()
    if answer.lower().startswith("because ") and re.search(r",? (?:and|or) that\b", answer):
        return True
    at = quote_doc.text.lower().find(answer.lower())
    if not answer or at < 0:
        return False
    end = at + len(answer)
    if not quote_doc.text[end:].lstrip().startswith(","):
        return False  # "... to replace the lost fluids [and electrolytes]": a last word left off inside a phrase
    inside = [t for t in quote_doc if at <= t.idx < end]
    return any(c.dep_ == "conj" and c.idx >= end for t in inside for c in t.children)


def only_with_a_figure(item) -> bool:
    """A multiple-choice item (not a year's or a number's) whose keyed option alone holds a digit: its form
    gives it away ("Day 0" among terms in words)."""
    if len(item.options) < 3 or item.tests in {"date", "number", "sequence"}:
        return False
    digits = [o for o in item.options if re.search(r"\d", o)]
    return digits == [item.answer]


def label_of_facts(item, answer_doc) -> bool:
    """A "What is meant by" card whose answer is a sentence saying something of another subject (a finite main
    verb with its own subject, not the term): the value of a row labelled by the term, not what it means."""
    found = re.match(r'What is meant by ["“](?P<term>[^"”]+)["”]\?$', item.prompt)
    if item.options or not found:
        # (one sentence may be a practice described: "Backyard furnaces: Villages built small furnaces to smelt
        # scrap metal ..."; a row of a comparison says one sentence of each thing compared; only a share for its
        # subject is read in one sentence)
        return False
    term = {w.lower() for w in re.findall(r"\w+", found.group("term"))}
    root = next((t for t in answer_doc if t.dep_ == "ROOT"), None)
    if len(list(answer_doc.sents)) < 2:
        # one sentence whose subject is a share or count ("About 90 percent or more develop chronic infection"):
        # how many of the label's things do something, not what the label means (set 23; the tagger may read
        # the verb after "or more" as a bare form)
        if root is None or root.pos_ not in {"VERB", "AUX"} or root.tag_ not in {"VBD", "VBZ", "VBP", "VB"} \
                or any(c.dep_ in {"aux", "auxpass", "mark"} for c in root.children):
            return False
        subject = next((c for c in root.children if c.dep_ in {"nsubj", "nsubjpass"} and c.i < root.i), None)
        return subject is not None and subject.left_edge.i <= 1 and any(
            t.pos_ == "NUM" or t.lemma_.lower() in _SHARES for t in subject.subtree)
    if root is None or root.pos_ not in {"VERB", "AUX"} or root.tag_ not in {"VBD", "VBZ", "VBP"}:
        return False
    # (the subject as the parse reads it, or a name before the verb it took for an adverb: "February involved ...")
    subject = next((c for c in root.children if c.dep_ in {"nsubj", "nsubjpass", "npadvmod"} and c.i < root.i), None)
    return subject is not None and subject.pos_ in {"NOUN", "PROPN"} and subject.left_edge.i == 0 \
        and not {t.lower_ for t in subject.subtree} & term


# English words that say how many of a group: "90 percent", "most", "half".
_SHARES = frozenset({"percent", "%", "cent", "proportion", "share", "majority", "minority", "half", "third",
                     "quarter", "most", "many", "few", "several"})
# Words that set a definition beside the one before it: "another landform of ...", "the other kind ...".
_BESIDE_BEFORE = re.compile(r"^(?:another|other|the other|the same|a similar|similar|such an?)\s+(?P<noun>[\w-]+)",
                            re.IGNORECASE)
# Nouns for words themselves: "another name for X" says what the term means, it points back to nothing.
_WORD_NOUNS = frozenset({"name", "term", "word", "spelling", "form", "expression", "abbreviation"})


def another_of_before(item) -> bool:
    """A definition keyed (a card) or quoted (a "which term means" stem) that opens with "another", "other",
    "the same", "a similar" or "such": it says what the term is beside the line before it, which the item
    does not show ("Truncated spurs – another landform of glacial erosion found along U-shaped valleys")."""
    if item.tests != "definition":
        return False
    if item.options:
        quoted = re.search(r"[“\"](?P<text>[^”\"]+)[”\"]", item.prompt)
        text = quoted.group("text") if quoted else ""
    else:
        text = item.answer
    found = _BESIDE_BEFORE.match(text.strip())
    return bool(found) and found.group("noun").lower() not in _WORD_NOUNS


# Verbs of the aspect of an act (English's closed class): the act itself is a word they need after them.
_ASPECT_VERBS = "began|begins|begin|started|starts|opened|opens|ended|ends|finished|finishes|closed|closes|concluded"


def open_actor_stem(item) -> bool:
    """A who-did-what stem whose verb is negated ("Who did not need to rely on ...?", "Who never ...?": all
    others did not either, so several options fit) or is an aspect verb with no act after it ("Who began with
    the character of the Constitution?": began what)."""
    if item.tests != "actor" and item.kind != "actor":
        return False
    stem = _SETTING.sub("", item.prompt)
    if re.search(r"\bwho\s+(?:(?:did|does|do|was|were|is|are|has|had|could|would|will)(?:\s+not|n['’]t)|never)\b",
                 stem, re.IGNORECASE):
        return True
    return bool(re.search(rf"\bwho\s+(?:{_ASPECT_VERBS})\s+(?:with|by)\b", stem, re.IGNORECASE))


def rooted_pair(item) -> bool:
    """Two wrong options one of which is the other with more letters after it ("Bullion", "Bullionism"): a pair
    of one root beside the key, which is then the odd one out by form."""
    if len(item.options) < 3 or item.tests in {"date", "number", "sequence"}:
        return False
    wrong = [fold(o).replace(" ", "") for o in item.options if o != item.answer and " " not in o.strip()]
    return any(a != b and b.startswith(a) for a in wrong for b in wrong)


def one_content(item) -> bool:
    """A card asking what a thing contains or includes, keyed to one thing: "What does the Constitution
    contain?" keyed "An enumeration of powers ...": the thing holds much else the notes name too (its clauses),
    so the question is open. A run of things ("Fever, chills and headache") is what the notes list."""
    if item.options or not re.match(r"^What (?:do|does|did|can|may) .+ (?:contain|include)\?$", _SETTING.sub("", item.prompt)):
        return False
    return not re.search(r",|\b(?:and|or)\b", item.answer)


def parent_heading_key(item) -> bool:
    """A "which of these <predicate>?" term item keyed to the heading of a section above the sentence's own
    sub-section: "Treatment is generally long-term and often lifelong ..." under "8. TREATMENT > 8.2 Chronic
    hepatitis B" asked of treatment in general, a claim the notes make of the sub-section's case only."""
    if item.tests != "term" or not item.options or item.source is None or not item.source.section:
        return False
    path = [fold(re.sub(r"^[\dIVXivx.]+\s+", "", part)).strip() for part in item.source.section.split(" > ")]
    key = fold(item.answer).strip()
    return len(path) >= 2 and any(key and (part == key or part.rstrip("s") == key.rstrip("s")) for part in path[:-1])


def cross_reference(item) -> bool:
    """The answer (or the stem) keeps a pointer to another part of the notes: "(section 8)", "(see above)"."""
    return bool(_CROSS_REFERENCE.search(item.answer) or _CROSS_REFERENCE.search(item.prompt))


def hedged_answer(item, answer_doc) -> bool:
    """A "What is X?" card keyed to an adverb and an article: "Now a National Historic Site", "Usually a layer
    of graphite": what X is now or usually, not what it is."""
    if item.tests != "definition" or item.options:
        return False
    words = [t for t in answer_doc if not t.is_punct]
    return len(words) > 2 and words[0].pos_ == "ADV" and words[1].pos_ == "DET"


def title_names_answer(item, title: str) -> bool:
    """A who-did-what item keyed to a name a word of which the notes' title holds and no wrong option does:
    "Oliver Brown" where the notes are "Brown v. Board of Education (1954)"."""
    if item.tests != "actor" or not title:
        return False
    titled = {fold(w) for w in re.findall(r"[A-Z][\w’'-]+", title) if fold(w) not in STOPWORDS}
    wrong = [o for o in item.options if o != item.answer]
    for word in re.findall(r"[A-Z][\w’'-]+", item.answer):
        if fold(word) in titled and not any(fold(word) in {fold(x) for x in o.split()} for o in wrong):
            return True
    return False


def qualified_blank(item) -> bool:
    """A blank followed by a comma and a name that qualifies it ("_____, Virginia"): the name rules options
    out by their form (a state beside the towns of another)."""
    # the name set off between commas (or closing the sentence): "in _____, Virginia, faced ..."; not the main
    # clause after an opening phrase ("In _____, Americans who opposed ...")
    return bool(item.options) and bool(re.search(r"_{3,}\s*,\s+[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)*\s*[,.;”\"]",
                                                  item.prompt))


def dropped_form(item, title: str, parse) -> str:
    """Which of the forms above the finished item has, or "". `parse(texts)` parses lines (nlp.parse_lines)."""
    for name, found in (("a worked example's figures", example_figures(item)), ("points back", points_back(item)),
                        ("the only option with a figure", only_with_a_figure(item)),
                        ("a cross-reference", cross_reference(item)), ("a blank qualified", qualified_blank(item)),
                        ("the title names the answer", title_names_answer(item, title)),
                        ("points to the line before", another_of_before(item)),
                        ("an open who-did-what stem", open_actor_stem(item)), ("a pair of one root", rooted_pair(item)),
                        ("one content asked open", one_content(item)),
                        ("a parent section's name keyed", parent_heading_key(item))):
        if found:
            return name
    if item.tests in {"definition", "cause"} and not item.options:
        prompt_doc, answer_doc = parse([_SETTING.sub("", item.prompt), item.answer])
        if bare_relational_subject(prompt_doc):
            return "a bare relational subject"
        if hedged_answer(item, answer_doc):
            return "a hedged answer"
    if not item.options and item.source is not None and item.source.quote:
        answer_doc, quote_doc = parse([item.answer, item.source.quote])
        if cut_short(answer_doc):
            return "an answer cut short"
        if item.tests in {"definition", "cause"} and one_of_several(item, quote_doc):
            return "one of several parts"  # (a name's expansion is one name: "Treaty on European Union" of two)
        if item.tests == "definition" and label_of_facts(item, answer_doc):
            return "a row label's facts"
    return ""


def opens_a_case_name(word: str, text: str) -> bool:
    """The notes write the word as the first party of a case's name ("Sweatt v. Painter"): alone, "After
    Sweatt" may name the case, and the word is not widened to a person's full name ("After Herman Sweatt")."""
    return bool(re.search(rf"(?<![\w’'-]){re.escape(word)}\s+vs?\.\s", text))

"""Answers on course notes (not encyclopedia prose) that lacked the fact a passage found held
(session 25, lane ansmiss2, on ans26, ans27 and ansdev24): a list's lead-in shown without what it
introduces, a glossary line followed by another term's line, a definition preferred where another
name is asked, and a figure of something else preferred where a how-many question counts a thing."""

from __future__ import annotations

from bot.core.answering import AnswerPolicy, _choose
from bot.core.documents import Chunk
from bot.core.query import QueryTerm
from bot.core.question_kind import EXPLANATION, LIST, NUMBER
from bot.core.retrieval import Hit
from bot.core.sentences import Candidate, candidates_from, score_candidates
from bot.core.tokens import tokenize


def _hit(text: str, row: int = 0, position: int = 0) -> Hit:
    return Hit(Chunk(f"c{row}", "notes.md", (), None, position, text), row, 0.6, 1.0, 0.5)


def test_a_lead_in_that_no_item_follows_is_shown_with_the_sentence_after_it():
    """A PDF's text gives what "GNU make has two types of prerequisites:" introduces as the next
    line, not as a list item: the answer shows the two together."""
    lead = "GNU make has two types of prerequisites:"
    after = "normal prerequisites and order-only prerequisites."
    other = "Prerequisites also set an order of execution."
    hit, elsewhere = _hit(f"{lead}\n{after}"), _hit(other, 1, 1)
    scored = [Candidate(lead, hit, 0, 0, score=2.2, parts=(lead,)),
              Candidate(other, elsewhere, 1, 0, score=1.7, parts=(other,))]
    every = [*scored, Candidate(after, hit, 0, 1, context=lead, score=1.0, parts=(after,))]
    chosen = [text for _, text in _choose(scored, LIST, AnswerPolicy(), every)]
    assert chosen[0] == f"{lead} {after}"
    # A sentence ending with a full stop is shown alone.
    plain = "GNU make has two types of prerequisites."
    scored[0] = Candidate(plain, hit, 0, 0, score=2.2, parts=(plain,))
    every[-1] = Candidate(after, hit, 0, 1, context=plain, score=1.0, parts=(after,))
    assert [text for _, text in _choose(scored, LIST, AnswerPolicy(), every)][0] == plain


def test_a_runner_up_introducing_a_list_is_shown_with_its_items():
    """"There were four major kontors:" chosen second says only that a list follows; its items
    (which its score read) hold "the Steelyard in London"."""
    first = "The large commercial settlements of the Hanse abroad were called kontors (branch offices)."
    text = f"{first} There were four major kontors:\n- the Steelyard in London;\n- the Peterhof in Novgorod;"
    candidates = candidates_from([_hit(text)])
    lead = next(c for c in candidates if c.text.endswith("kontors:"))
    assert lead.followers  # the layout gives the lead-in its items
    scored = [Candidate(first, lead.hit, 0, 0, score=1.8, parts=(first,)),
              Candidate(lead.text, lead.hit, 0, lead.position, context=first, followers=lead.followers,
                        score=1.6, parts=(lead.text, *lead.followers))]
    chosen = [text for _, text in _choose(scored, None, AnswerPolicy(), candidates)]
    assert len(chosen) == 2 and "the Steelyard in London;" in chosen[1]


def test_a_glossary_line_is_not_followed_by_another_terms_line():
    """For "What is the federal funds rate?" the glossary line "FFR: ..." is followed by "OMO: ...",
    which explains another term: the prose sentence saying what the rate is takes the place."""
    ffr = "FFR: Federal funds rate, the overnight interbank rate for reserves"
    omo = "OMO: Open market operation, purchase or sale of securities by the Fed"
    prose = ("It is the interest rate at which depository institutions lend reserve balances to each other "
             "overnight.")
    glossary, body = _hit(f"{ffr}\n{omo}", 0, 3), _hit(prose, 1, 0)
    scored = [Candidate(ffr, glossary, 0, 0, score=2.3, parts=(ffr,), defines=True),
              Candidate(prose, body, 1, 0, score=1.9, parts=(prose,))]
    every = [*scored, Candidate(omo, glossary, 0, 1, context=ffr, score=1.0, parts=(omo,))]
    chosen = [text for _, text in _choose(scored, EXPLANATION, AnswerPolicy(), every)]
    assert chosen == [ffr, prose]
    # A definition followed by a sentence of prose goes on there, as before.
    more = "Banks lend to each other at this rate to meet their reserve needs."
    every[-1] = Candidate(more, glossary, 0, 1, context=ffr, score=1.0, parts=(more,))
    assert [text for _, text in _choose(scored, EXPLANATION, AnswerPolicy(), every)][:2] == [ffr, more]


def _terms(text: str) -> list[QueryTerm]:
    return [QueryTerm(stem, 1.0, frozenset({stem})) for stem in tokenize(text)]


def test_a_definition_is_no_answer_to_another_name_asked():
    """"Operant conditioning is learning through consequences." says what it is, not what else it is
    called: the sentence giving the other name ranks first."""
    question = "what's another name for operant conditioning?"
    defines = "Operant conditioning is learning through consequences."
    names = "Thorndike and Skinner studied operant (Skinnerian) conditioning with puzzle boxes."
    hit = _hit(f"{defines} {names}")
    scored = score_candidates(candidates_from([hit]), _terms("operant conditioning"), [], None, question)
    assert scored[0].text == names


def test_a_how_many_question_counts_what_it_names():
    from bot.core.question_kind import counts_what_is_asked

    question = "How many prefectures were created when the han were abolished in 1871?"
    assert counts_what_is_asked("reorganising the domains into three urban prefectures (fu) and 302 prefectures.",
                                question)
    assert not counts_what_is_asked("It happened in three stages.", question)
    assert not counts_what_is_asked("7. Political reform: the prefectures replaced the domains.", question)
    assert not counts_what_is_asked("By 1890 the prefectures were merged.", question)  # a year counts nothing
    assert counts_what_is_asked("The 12 Federal Reserve Banks are its operating arms.",
                                "how many regional reserve banks are there")
    assert not counts_what_is_asked("302 prefectures", "When were the prefectures created?")


def test_the_sentence_counting_what_is_asked_ranks_above_another_figure():
    question = "How many prefectures were created when the han were abolished in 1871?"
    stages = "The abolition of the han and their replacement by prefectures happened in three stages in 1871."
    count = "In 1871 an edict reorganised the han into three urban prefectures and 302 prefectures."
    scored = score_candidates(candidates_from([_hit(f"{stages} {count}")]),
                              _terms("prefectures created han abolished 1871"), [], NUMBER, question)
    assert scored[0].text == count


def test_a_labelled_lines_first_sentence_is_shown_with_the_rest_of_its_line():
    """"Water, H2O: 2 bonding pairs, 2 lone pairs. Bent, bond angle 104.5°." is one labelled line: its
    first sentence, chosen for "What shape is a water molecule?", is shown with the sentence that
    says the shape (which reads it as its label)."""
    lead = "These molecules have four electron pairs but different numbers of lone pairs:"
    text = f"{lead}\n- Water, H2O: 2 bonding pairs, 2 lone pairs. Bent, bond angle 104.5°.\n- Methane, CH4: 4 bonding pairs."
    candidates = candidates_from([_hit(text)])
    first = next(c for c in candidates if c.text.startswith("Water"))
    rest = next(c for c in candidates if c.text.startswith("Bent"))
    assert rest.lead_in == first.text
    other = "Molecules are real objects with real shapes."
    elsewhere = _hit(other, 1, 1)
    scored = [Candidate(first.text, first.hit, 0, first.position, lead_in=first.lead_in, score=1.7,
                        parts=(lead, first.text)),
              Candidate(other, elsewhere, 1, 0, score=1.6, parts=(other,))]
    chosen = [text for _, text in _choose(scored, None, AnswerPolicy(), [*scored, *candidates])]
    assert "Bent, bond angle 104.5°." in chosen[0]
    assert chosen[1] == other


def test_a_first_sentence_lacking_the_kind_asked_is_shown_with_the_next_one_holding_it():
    """"Where are the surviving 1215 copies kept?": "Four exemplifications ... survive." holds no place;
    the sentence after it ("Two are held at the British Library, ...") leans on it and names them."""
    from bot.core.question_kind import PLACE

    first = "Four exemplifications (official copies) of the 1215 text survive."
    after = "Two are held at the British Library, one at Lincoln Castle and one at Salisbury Cathedral."
    other = "The charter survived because it was reissued several times."
    hit, elsewhere = _hit(f"{first} {after}"), _hit(other, 1, 1)
    scored = [Candidate(first, hit, 0, 0, score=1.8, parts=(first,), kind_ok=False),
              Candidate(other, elsewhere, 1, 0, score=1.5, parts=(other,), kind_ok=False)]
    every = [*scored, Candidate(after, hit, 0, 1, context=first, score=0.9, parts=(after,), kind_ok=True)]
    chosen = [text for _, text in _choose(scored, PLACE, AnswerPolicy(), every)]
    assert chosen[0] == f"{first} {after}"
    # Not when the sentence after it holds no place either.
    every[-1] = Candidate(after, hit, 0, 1, context=first, score=0.9, parts=(after,), kind_ok=False)
    assert [text for _, text in _choose(scored, PLACE, AnswerPolicy(), every)][0] == first

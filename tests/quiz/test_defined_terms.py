"""Which term a licence or a set of rules means by one of its definitions (gen_defined). Real spaCy on
made-up notes of no course of the pool."""

from __future__ import annotations

import pytest

from bot.core.documents import Chunk, make_chunk_id
from bot.core.quiz.gen_defined import Definition, defined_term_question, definition_of, document_name
from bot.core.quiz.generator import generate_items

LEASE = "Allotment Lease"
DEFINITIONS = (
    "1. Definitions.\n"
    "\"Tenant\" shall mean the person or society that holds a plot under the terms of the lease.\n"
    "\"Landlord\" shall mean the owner of the allotment field or an agent acting on the owner's behalf.\n"
    "\"Committee\" means the body of members elected at the annual meeting of tenants.\n"
    "\"Plot\" means a piece of ground of not more than ten rods let for cultivation.\n"
    "\"Rent\" means the yearly sum payable to the Landlord on Lady Day.\n"
    "\"Shed\" means a wooden structure of less than six square metres standing on a Plot.\n"
    "\"Hedge\" means a row of shrubs marking the boundary of a field, hedged every autumn.\n"
    "\"Eligible\" means having paid the yearly sum due for the current season in full."
)


def _lease() -> list[Chunk]:
    body = DEFINITIONS
    rules = "2. Rent. The Tenant must pay the Rent on Lady Day each year."
    return [Chunk(make_chunk_id("lease.txt", (LEASE,), text, i), "lease.txt", (LEASE,), None, i, text)
            for i, text in enumerate((body, rules))]


def test_a_definition_is_asked_as_which_term_it_defines_among_terms_of_its_kind():
    items = {i.answer: i for i in generate_items(_lease(), learned_cutoff=False) if "which term means" in i.prompt}
    plot = items["Plot"]
    assert plot.prompt == ("In the Allotment Lease, which term means “a piece of ground of not more than ten rods "
                           "let for cultivation”?")
    assert plot.kind == "multiple_choice" and plot.tests == "definition"
    # Things among things: no party ("Tenant", "Landlord", "Committee") among them.
    assert set(plot.options) == {"Plot", "Rent", "Shed", "Hedge"}
    # A party among parties: "the Landlord" is named by the Rent's definition, not by the Tenant's.
    assert set(items["Tenant"].options) == {"Tenant", "Landlord", "Committee"}
    assert "Hedge" not in items  # "hedged every autumn": the definition names its term
    assert set(items["Shed"].options) == {"Shed", "Rent", "Hedge"}  # "Plot" is named by the Shed's definition
    assert "Eligible" not in items  # a quality ("having paid ..."): no other quality to offer beside it


@pytest.mark.parametrize("sentence, term, definition, verbal", [
    ("\"Licensor\" shall mean the owner of the rights granting this lease.", "Licensor",
     "the owner of the rights granting this lease", False),
    ("1.4. “Covered Ground” means the plots and paths let under this lease.", "Covered Ground",
     "the plots and paths let under this lease", False),
    ("To “sublet” a plot means to let any part of it to another person for money.", "sublet",
     "to let any part of it to another person for money", True),
    ("A \"plot holder\" refers to anyone who pays the rent of a plot.", "plot holder",
     "anyone who pays the rent of a plot", False),
    ("\"You\" (or \"Your\") shall mean an individual exercising permissions granted by this lease.", "You",
     "an individual exercising permissions granted by this lease", False),
])
def test_the_forms_of_a_definition(sentence, term, definition, verbal):
    assert definition_of(sentence) == Definition(term, definition, verbal)


@pytest.mark.parametrize("sentence", [
    "\"Plot\" also means the crops grown on it in a season.",  # a second sense
    "\"Modifications\" means any of the following:",  # a list follows
    "\"Lease\" means this document.",  # too short to recognise
    "For the purposes of this definition, \"control\" means the power to direct the society.",  # inside a definition
    "The plot holder means well but rarely weeds.",  # no quoted term
])
def test_what_is_no_definition_to_ask(sentence):
    assert definition_of(sentence) is None


def test_a_definition_pointing_to_its_term_by_the_documents_name_is_not_asked():
    holder = Definition("Leaseholder", "the person holding a plot under the Lease", False, "person")
    others = [Definition(t, "a party to the lease as written here", False, "party") for t in ("Tenant", "Agent")]
    assert defined_term_question(holder, others, "the Allotment Lease", "Allotment Lease", lambda o: o) is None


def test_a_definition_naming_the_document_itself_is_not_asked():
    this = Definition("This Lease", "version 2 of the Parish Allotment Lease", False)
    others = [Definition(t, "a thing of the lease as written here", False) for t in ("Plot", "Rent", "Shed")]
    assert defined_term_question(this, others, "the Parish Allotment Lease", "Parish Allotment Lease",
                                 lambda o: o) is None
    assert defined_term_question(Definition("Plot", "a piece of ground let for cultivation", False), others[1:],
                                 "", "", lambda o: o).prompt.startswith("In the notes, which term means")


def test_a_document_named_in_capitals_is_named_as_prose_writes_it():
    chunk = Chunk("c1", "lease.txt", ("GNU ALLOTMENT LEASE", "Preamble"), None, 0, "Text.")
    assert document_name([chunk], "lease.txt") == "GNU Allotment Lease"

"""Notes that are not encyclopedia prose (ansdev24, session 24): case names ("Mapp v. Ohio"), a list
of the works the notes were written from, and lines opening with a label ("Ammonia, NH3: 3 bonding
pairs, 1 lone pair. Pyramidal, bond angle 107°.") whose later sentences say more of what it names."""

from __future__ import annotations

from dataclasses import replace

from bot.core.documents import Chunk
from bot.core.loaders.headings import is_citation_list
from bot.core.retrieval import Hit
from bot.core.sentences import candidates_from, shown_text
from bot.core.text import split_sentences


def _hit(text: str, heading_path: tuple[str, ...] = ("Notes",)) -> Hit:
    return Hit(Chunk("c1", "notes.md", heading_path, None, 0, text), 0, 0.5, 1.0, 1.0)


def _shown(c) -> str:
    from bot.core.sentences import _quoted_with
    return shown_text(replace(c, parts=_quoted_with(c)))


def test_a_case_name_is_one_sentence():
    text = "In Mapp v. Ohio (1961) the Court overruled Wolf v. Colorado. Justice Clark wrote the opinion."
    assert split_sentences(text) == ["In Mapp v. Ohio (1961) the Court overruled Wolf v. Colorado.",
                                     "Justice Clark wrote the opinion."]


def test_a_list_of_works_cited_is_never_quoted():
    assert is_citation_list("Sources") and is_citation_list("References:") and is_citation_list("Further reading")
    assert not is_citation_list("Sources of law") and not is_citation_list("Summary")
    # numbered like the course's own sections: the number is not part of the name
    assert is_citation_list("7. Sources") and is_citation_list("3.2 Further reading")
    sources = _hit('- StudyMode essay on Mapp v. Ohio; Britannica article on Terry v. Ohio.', ("Notes", "Sources"))
    body = _hit("Justice Clark wrote the opinion in Mapp v. Ohio.", ("Notes", "4. The exclusionary rule"))
    assert [c.text for c in candidates_from([sources, body])] == ["Justice Clark wrote the opinion in Mapp v. Ohio."]


def test_a_labelled_line_goes_on_about_its_label():
    text = ("These three molecules have four electron pairs:\n"
            "- Ammonia, NH3: 3 bonding pairs, 1 lone pair. Pyramidal, bond angle 107°.\n"
            "- Water, H2O: 2 bonding pairs, 2 lone pairs. Bent, bond angle 104.5°.")
    by_text = {c.text: c for c in candidates_from([_hit(text)])}
    assert _shown(by_text["Pyramidal, bond angle 107°."]) == (
        "Ammonia, NH3: 3 bonding pairs, 1 lone pair. Pyramidal, bond angle 107°.")
    assert _shown(by_text["Bent, bond angle 104.5°."]).startswith("Water, H2O:")
    # the line's first sentence is still quoted after the list's lead-in
    assert _shown(by_text["Water, H2O: 2 bonding pairs, 2 lone pairs."]).startswith("These three molecules")


def test_a_clause_before_a_colon_is_no_label():
    text = ("Warsaw is located on two main formations: the moraine plateau and the Vistula Valley. "
            "The pattern of the terraces is asymmetrical.\n"
            "In Berlin, the Huguenots created two new neighbourhoods: Dorotheenstadt and Friedrichstadt. "
            "By 1700, one-fifth of the city's population was French speaking.\n"
            "Warsaw (Polish: Warszawa) is the capital of Poland. Its population is 1.7 million.")
    for c in candidates_from([_hit(text)]):
        assert not c.lead_in, c.text


def test_a_list_item_opening_with_a_heading_of_its_own():
    text = ("The key cases:\n"
            "- Kyllo v. United States (2001). Police used a thermal imager to detect heat from a home.\n"
            "- Prices rose.")
    cands = candidates_from([_hit(text)])
    assert [c.text for c in cands] == ["The key cases:", "Police used a thermal imager to detect heat from a home.",
                                       "Prices rose."]
    assert _shown(cands[1]) == ("Kyllo v. United States (2001). "
                                "Police used a thermal imager to detect heat from a home.")


def test_the_end_of_an_order_asked():
    from bot.core.question_kind import asks_an_end_of_an_order, gives_an_order
    assert asks_an_end_of_an_order("Which intermolecular force is the weakest?")
    assert asks_an_end_of_an_order("Which is the most common exception?")
    assert not asks_an_end_of_an_order("What is the interest rate?")
    assert not asks_an_end_of_an_order("Which forces act between molecules?")
    assert gives_an_order("The order of strength is: London dispersion < dipole-dipole < hydrogen bonding.")
    assert not gives_an_order("The loop runs while 0 < x < 10.")
    assert not gives_an_order("Dipole-dipole forces > London forces.")


def test_a_numbered_line_is_a_list_item():
    # A PDF's or a Word file's numbered line the loader left as text ("1. Open market operations ..."):
    # "1." was a sentence saying nothing, shown after the lead-in in place of the item it numbers
    # (ans26, session 24). It is an item, as "- ..." is; a number inside a line goes with its sentence.
    text = ("Textbooks traditionally list three main tools of monetary policy:\n"
            "1. Open market operations (OMOs): the purchase and sale of securities. Buying securities adds reserves.\n"
            "2) The discount rate: the interest rate at which banks borrow from the Federal Reserve.")
    candidates = candidates_from([_hit(text)])
    assert [c.text for c in candidates] == [
        "Textbooks traditionally list three main tools of monetary policy:",
        "Open market operations (OMOs): the purchase and sale of securities.",
        "Buying securities adds reserves.",
        "The discount rate: the interest rate at which banks borrow from the Federal Reserve."]
    assert candidates[0].followers == ("Open market operations (OMOs): the purchase and sale of securities. "
                                       "Buying securities adds reserves.",
                                       "The discount rate: the interest rate at which banks borrow from the Federal Reserve.")
    # A numbered case opening with its name, a run-in heading: its sentences are quoted after it.
    case = candidates_from([_hit("4. Mapp v. Ohio (1961). Police searched the home. 5. Terry v. Ohio (1968).")])
    assert [c.text for c in case] == ["Police searched the home.", "5. Terry v. Ohio (1968)."]
    assert _shown(case[0]) == "Mapp v. Ohio (1961). Police searched the home."


def test_a_later_sentence_of_an_item_pointing_back_is_quoted_with_the_one_it_leans_on():
    # "The steps that followed were: It opened the ports ..." named nothing it opened (ansdev24 [99]).
    text = ("The steps that followed were:\n"
            "1. On 31 March 1854 the Convention of Kanagawa was signed. It opened the ports of Shimoda and Hakodate.\n"
            "2. Similar treaties followed.")
    opened = next(c for c in candidates_from([_hit(text)]) if c.text.startswith("It opened"))
    assert _shown(opened) == ("The steps that followed were: On 31 March 1854 the Convention of Kanagawa was signed. "
                              "It opened the ports of Shimoda and Hakodate.")


def test_a_numbered_heading_run_into_a_pdf_line():
    """A PDF's numbered items run together in one line ("... tree". 3. Wolf v. Colorado (1949). The
    Court refused ..."): the number opening a heading of its own is no candidate, and the sentences
    after it up to the next number are quoted after it, as those of a list item opening so are: "Which
    case refused to apply the exclusionary rule to the states?" is answered with the case's name
    first (ansdev24, session 25). A numbered sentence saying something ("2. Silverthorne ... held
    that ...") is a candidate and heads nothing."""
    text = ('The Court held that such evidence is inadmissible, as "fruit of the poisonous tree". '
            "3. Wolf v. Colorado (1949). The Court refused to apply the exclusionary rule to the states. "
            "State courts could still admit illegally obtained evidence. "
            "4. Silverthorne Lumber Co. v. United States (1920) held that copies of seized papers were excluded. "
            "The rule grew.")
    cands = candidates_from([_hit(text)])
    by_text = {c.text: c for c in cands}
    assert "Wolf v. Colorado (1949)." not in by_text and "3. Wolf v. Colorado (1949)." not in by_text
    assert _shown(by_text["The Court refused to apply the exclusionary rule to the states."]) == (
        "Wolf v. Colorado (1949). The Court refused to apply the exclusionary rule to the states.")
    assert _shown(by_text["State courts could still admit illegally obtained evidence."]).startswith(
        "Wolf v. Colorado (1949).")
    numbered = "4. Silverthorne Lumber Co. v. United States (1920) held that copies of seized papers were excluded."
    assert numbered in by_text and not by_text["The rule grew."].lead_in

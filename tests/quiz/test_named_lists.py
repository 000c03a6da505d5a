"""Lists of named things under a lead-in that says what all of them are (gen_named_lists): a card of
the whole list and, of an ordered one, "what comes after" cards. Real spaCy on made-up notes of no
course of the pool: an invented glassworks and an invented lighthouse lamp."""

from __future__ import annotations

from bot.core import nlp
from bot.core.documents import Chunk
from bot.core.quiz.gen_named_lists import named_cards, named_lists, short_title
from bot.core.quiz.generator import generate_items
from tests.quiz.parsed_notes import section_chunks

GLASS = [
    (("Making glass", "1. The furnace"),
     "The furnace of the old works was fired with wood. If a furnace is cut open, three chambers can be seen:\n"
     "- The firebox – the lowest part, where the wood burns.\n"
     "- The melting chamber – the middle part, where the pots stand.\n"
     "- The annealing tunnel – the upper part, where finished glass cools slowly.\n"
     "The furnace ran day and night."),
    (("Making glass", "2. The process in steps"),
     "Glass was made the same way for centuries. In more detail, the old process runs as follows:\n"
     "- Batching. Sand, soda and lime are weighed out.\n"
     "- Melting. The batch is heated in clay pots.\n"
     "- Gathering. A worker takes molten glass on an iron pipe.\n"
     "- Annealing. The finished piece cools in the tunnel.\n"
     "The works closed in 1890."),
    (("Making glass", "3. Tools"),
     "The glassmaker's chair held the tools. The parts of the lamp, in the order the oil passes through them, are:\n"
     "- the brass reservoir;\n"
     "- the cotton wick;\n"
     "- the glass chimney.\n"
     "Lamps lit the works at night."),
    (("Making glass", "4. Problems"),
     "Fires were common. This led to:\n"
     "- Burnt roofs.\n"
     "- Injured workers.\n"
     "- Lost orders.\n"),
    (("Making glass", "5. Buyers"),
     "Several towns bought the glass:\n"
     "- Merchants in the port sold it abroad.\n"
     "- Churches ordered coloured windows.\n"
     "- Farmers bought bottles.\n"),
]


def _chunks(sections) -> list[Chunk]:
    return section_chunks("glassworks.txt", sections)


def _cards():
    return named_cards(named_lists(_chunks(GLASS), nlp.parse_lines), lambda d: "According to the notes on glass")


def test_a_counted_category_gives_a_card_of_the_whole_list_in_the_lead_ins_words():
    cards = {c.prompt: c.answer for c in _cards()}
    prompt = "According to the notes on glass, what are the three chambers that can be seen if a furnace is cut open?"
    assert cards[prompt] == "The firebox, the melting chamber and the annealing tunnel"


def test_the_steps_of_a_process_under_a_heading_of_steps_give_what_comes_after_cards():
    cards = {c.prompt: c.answer for c in _cards() if c.sequence}
    assert cards["According to the notes on glass, in the old process, what comes after “Melting”?"] == "Gathering"
    assert cards["According to the notes on glass, in the old process, what comes after “Batching”?"] == "Melting"
    assert not any("Annealing”?" in p for p in cards)  # the last step comes after nothing


def test_an_order_aside_is_read_apart_and_asked_with_the_step():
    sections = [(("Making glass", "3. Tools"),
                 "The glassmaker's chair held the tools. The parts of the lamp, in the order the oil passes through them, are:\n"
                 "- the brass reservoir;\n"
                 "- the copper feed pipe;\n"
                 "- the cotton wick;\n"
                 "- the glass chimney;\n"
                 "- the tin smoke cap.\n"
                 "Lamps lit the works at night.")]
    cards = {c.prompt: c.answer for c in named_cards(named_lists(_chunks(sections), nlp.parse_lines),
                                                     lambda d: "According to the notes on glass")}
    assert cards["According to the notes on glass, which of the parts of the lamp comes after “the cotton wick”, "
                 "in the order the oil passes through them?"] == "The glass chimney"


def test_a_sequence_is_asked_whole_or_step_by_step_never_both():
    # round 38: the kidney's six parts of the tubule as one card and as "what comes after" cards, each step
    # card "overlaps" the whole one: a short sequence is one card, a longer one its steps
    cards = {c.prompt: c.answer for c in _cards()}
    assert cards["According to the notes on glass, what are the parts of the lamp, in the order the oil passes "
                 "through them?"] == "The brass reservoir, the cotton wick and the glass chimney"
    assert not any("of the parts of the lamp comes after" in p for p in cards)
    sections = [(("Making glass", "3. Tools"),
                 "The glassmaker's chair held the tools. The parts of the lamp, in the order the oil passes through them, are:\n"
                 "- the brass reservoir;\n- the copper feed pipe;\n- the cotton wick;\n- the glass chimney;\n"
                 "- the tin smoke cap.\n")]
    cards = {c.prompt: c.answer for c in named_cards(named_lists(_chunks(sections), nlp.parse_lines),
                                                     lambda d: "According to the notes on glass")}
    assert len(cards) == 4 and all("comes after" in p for p in cards)


def test_a_lead_in_that_points_back_or_lines_that_are_sentences_give_no_list():
    lists = named_lists(_chunks(GLASS), nlp.parse_lines)
    leads = [named.lead for named in lists]
    assert not any(lead.startswith("This led to") for lead in leads)  # points back
    assert not any("towns" in lead for lead in leads)  # sentences, not names; and no count of all of them


def test_a_title_is_shortened_to_what_it_is_about():
    assert short_title("Photosynthesis: Course Notes") == "photosynthesis"
    assert short_title("PORTLAND CEMENT AND CONCRETE", "Making Portland cement. The cement and the concrete.") \
        == "Portland cement and concrete"
    assert short_title("The Black Death, 1346–1353: Plague", "deaths of the Black Death") == "the Black Death"


def test_a_title_word_the_notes_write_small_is_small_though_a_name_holds_it():
    # round 38: "According to the notes on the Portland Cement and Concrete": a longer name's capitals ("the
    # Association of German Cement Manufacturers", "Cement and Concrete SA") read as the notes' own
    text = ("We make Portland cement in a kiln. The cement sets. The Association of German Cement Manufacturers met. "
            "See Cement and Concrete SA on concrete. The concrete hardens; the cement binds the concrete.")
    assert short_title("PORTLAND CEMENT AND CONCRETE", text) == "Portland cement and concrete"
    assert short_title("The Black Death", "the Black Death and the Black Death; sores turned black") == "the Black Death"


def test_the_generator_posts_the_cards():
    items = generate_items(_chunks(GLASS), learned_cutoff=False)
    prompts = [i.prompt for i in items]
    assert any("what comes after" in p for p in prompts)
    assert any("three chambers" in p for p in prompts)


def test_a_process_named_by_its_bare_noun_gives_no_steps():
    sections = [(("Making glass", "2. The process in steps"),
                 "Glass was made the same way for centuries. The process runs as follows:\n"
                 "- Batching. Sand, soda and lime are weighed out.\n"
                 "- Melting. The batch is heated in clay pots.\n"
                 "- Gathering. A worker takes molten glass on an iron pipe.\n")]
    assert named_lists(_chunks(sections), nlp.parse_lines) == []  # "in the process, what comes after ...": which?


def test_a_possessive_lead_in_takes_its_owner_from_a_heading_that_names_one():
    sections = [(("Glass in history", "3.2 Ravel's evidence"),
                 "Ravel spent years in the archives and found matching furnace bricks and trade records. "
                 "His main lines of evidence were:\n"
                 "- The colour of the shards. Green glass came from the north.\n"
                 "- Matching furnace bricks. The same bricks were found in both towns.\n"
                 "- Trade records. The guild's books list the shipments.\n"),
                (("Glass in history", "3.3 Later work"),
                 "Her main sources were:\n"
                 "- Letters.\n"
                 "- Ledgers.\n"
                 "- Maps.\n")]
    cards = named_cards(named_lists(_chunks(sections), nlp.parse_lines), lambda d: "According to the notes on glass")
    assert [(c.prompt, c.answer) for c in cards] == [
        ("According to the notes on glass, what were Ravel's main lines of evidence?",
         "The colour of the shards, matching furnace bricks and trade records")]  # "Her": no owner in the heading


HISTORY = [
    (("Lighthouse lamps", "4. The road to the electric lamp"),
     "Oil gave way to electricity slowly. The key trials were:\n"
     "- Trials. Keepers tested colza oil against whale oil.\n"
     "- First lamp (1858). Holmes lit an arc lamp at South Foreland.\n"
     "- Refits (1862–65). Dungeness was fitted with a generator.\n"
     "- Spread (1870). Most major lights changed over.\n"),
    (("Lighthouse lamps", "5. Engineers who lost the contract"),
     "Four engineers have been passed over after winning the trials:\n"
     "- Frederick H. Holmes (1858). He built the first magneto lamp.\n"
     "- Alan T. Stevenson (1862). He proposed a revolving lens.\n"
     "- James N. Douglass (1870). He designed the Wolf Rock light.\n"
     "- John R. Wigham (1871). He proposed gas burners.\n"),
    (("Lighthouse lamps", "6. Choosing a fuel"),
     "The board had to choose a fuel. Three main fuels were tried, and each had drawbacks:\n"
     "- Colza oil. It smoked.\n"
     "- Paraffin. It was dangerous.\n"
     "- Coal gas. It needed a works.\n"),
]


def _history_cards():
    return named_cards(named_lists(_chunks(HISTORY), nlp.parse_lines), lambda d: "According to the notes on lamps")


def test_dated_lines_with_captions_for_labels_are_a_history_not_a_list_of_names():
    assert not any("key trials" in c.prompt for c in _history_cards())  # "First lamp (1858)" is a caption


def test_dated_lines_of_names_are_a_list_of_those_people_and_an_initial_ends_no_name():
    cards = {c.prompt: c.answer for c in _history_cards()}
    prompt = ("According to the notes on lamps, what are the four engineers that have been passed over after "
              "winning the trials?")
    assert cards[prompt] == "Frederick H. Holmes, Alan T. Stevenson, James N. Douglass and John R. Wigham"


def test_a_lead_in_that_says_a_second_thing_of_its_list_gives_no_card():
    assert not any("fuels" in c.prompt for c in _history_cards())  # "..., and each had drawbacks"


# --- session 26, lane qlists2: pronoun lead-ins, which-of choices, initials, joined clauses, steps of nothing

LAMP = [
    (("Lamps", "2. How a Zeller lamp works"),
     "The Zeller lamp burns whale oil in a brass body. It has three main parts:\n"
     "- the reservoir, a brass bowl that holds the oil;\n"
     "- the wick, where the oil rises;\n"
     "- the chimney, a glass tube that draws air past the flame.\n"
     "Lamps were trimmed every night."),
    (("Lamps", "3. Keepers"),
     "The keepers lived in the tower. It has three main rooms:\n"
     "- the kitchen;\n"
     "- the store;\n"
     "- the lamp room.\n"
     "Keepers worked in pairs."),
    (("Lamps", "4. The lantern"),
     "Lanterns are glass rooms at the top of the tower. Inside are three main fittings:\n"
     "- Lens: a ring of glass prisms that bends the light into a beam.\n"
     "- Pedestal: the iron stand that carries the lens.\n"
     "- Vent: a copper cowl that lets out the smoke.\n"
     "The lantern was cleaned at dawn."),
]


def _lamp_cards(sections=LAMP):
    return named_cards(named_lists(section_chunks("lamps.txt", sections), nlp.parse_lines),
                       lambda d: "According to the notes on lamps", nlp.parse_lines)


def test_a_pronoun_lead_in_takes_the_sentence_befores_subject_when_the_heading_names_it():
    cards = {c.prompt: c.answer for c in _lamp_cards()}
    assert cards["According to the notes on lamps, what are the three main parts that a Zeller lamp has?"] \
        == "The reservoir, the wick and the chimney"
    # "The keepers lived in the tower. It has three main rooms:": the sentence before's subject is plural
    # and the heading names no tower: not guessed
    assert not any("rooms" in p for p in cards)


def test_inside_are_takes_what_the_heading_names():
    cards = {c.prompt: c.answer for c in _lamp_cards()}
    assert cards["According to the notes on lamps, what are the three main fittings inside the lantern?"] \
        == "Lens, Pedestal and Vent"  # the notes never write "pedestal" small mid-sentence


def test_a_line_that_describes_its_member_by_a_noun_phrase_gives_a_which_of_choice():
    cards = {c.prompt: (c.answer, c.options) for c in _lamp_cards() if c.options}
    assert cards["According to the notes on lamps, which of the three main fittings inside the lantern is a copper "
                 "cowl that lets out the smoke?"] == ("Vent", ("Lens", "Pedestal", "Vent"))
    assert not any("carries the lens" in p for p in cards)  # names another of the options
    assert cards["According to the notes on lamps, which of the three main parts that a Zeller lamp has is a glass "
                 "tube that draws air past the flame?"] == ("The chimney", ("The reservoir", "The wick", "The chimney"))
    assert not any("where the oil rises" in p for p in cards)  # a clause, not a noun phrase


def test_an_initial_is_kept_in_a_name_and_a_joined_clause_or_steps_of_nothing_give_no_card():
    sections = [(("Glass in history", "4. Masters"),
                 "Three masters ran the works before 1900:\n"
                 "- Thomas R. Hale (1850). He built the second furnace.\n"
                 "- Anna Berg (1870). She opened the shop.\n"
                 "- Peter J. Moss (1890). He closed the works.\n"),
                (("Glass in history", "5. Recipes"),
                 "Three recipes were tried, and each had flaws:\n"
                 "- Potash glass.\n"
                 "- Soda glass.\n"
                 "- Lead glass.\n"),
                (("Glass in history", "6. The road to clear glass"),
                 "The key scientific steps were:\n"
                 "- Decolouring.\n"
                 "- Refining.\n"
                 "- Polishing.\n")]
    cards = named_cards(named_lists(_chunks(sections), nlp.parse_lines), lambda d: "According to the notes on glass")
    assert [(c.prompt, c.answer) for c in cards] == [
        ("According to the notes on glass, what were the three masters that ran the works before 1900?",
         "Thomas R. Hale, Anna Berg and Peter J. Moss")]


def test_a_step_named_like_the_one_before_but_for_one_word_is_not_asked_after_it():
    sections = [(("Making glass", "7. The flue in steps"),
                 "Smoke leaves the furnace by one flue. The parts of the flue, in the order the smoke passes through them, are:\n"
                 "- the lower arm of the flue\n"
                 "- the upper arm of the flue\n"
                 "- the brick chimney\n"
                 "- the iron damper\n"
                 "- the clay pot on top\n")]
    cards = {c.prompt: c.answer for c in named_cards(named_lists(_chunks(sections), nlp.parse_lines),
                                                     lambda d: "According to the notes on glass") if c.sequence}
    assert not any("“the lower arm of the flue”" in p for p in cards)  # the upper arm: given away
    assert any("“the upper arm of the flue”" in p for p in cards)  # the chimney: asked


def test_a_title_word_in_brackets_is_cased_as_the_notes_write_it():
    # round 55: "According to the notes on the Cuban missile Crisis (october 1962)": "(October" was looked for
    # mid-sentence with its bracket, never found, and written small
    text = "The crisis began in October 1962, and by late October 1962 it was over. In October the ships sailed."
    assert short_title("The Crisis (October 1962)", text) == "the crisis (October 1962)"


def test_a_title_the_notes_write_as_one_name_keeps_their_casing():
    # round 55: word by word, "Missile" (small in "missile sites" more often) made "the Cuban missile Crisis"
    text = ("Khrushchev placed missile sites in Cuba; the missile sites were found. The missile was an MRBM. During the "
            "Cuban Missile Crisis, Kennedy met the ExComm. After the Cuban Missile Crisis, a hotline was set up in October 1963.")
    assert short_title("The Cuban Missile Crisis (October 1962)", text) == "the Cuban Missile Crisis (October 1962)"

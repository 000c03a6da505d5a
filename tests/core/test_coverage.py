"""Does the notes' vocabulary cover a question (no model): names, numbers and misspellings of the
notes' own words are known; names the notes never use, or never use together, are not."""

from __future__ import annotations

from bot.core.coverage import assess, misspelt_terms, unplaced_names
from bot.core.lexical import LexicalIndex
from bot.core.spelling import NotesVocabulary, correct_spelling, sound_key
from bot.core.tokens import tokenize

NOTES = [
    "Warsaw was the capital of the Polish–Lithuanian Commonwealth. Maria Skłodowska-Curie was born here.",
    "The district elected its president in 1994–1999. Engines of 10,000 horsepower were built by then.",
    "Many Africa traders came from France. Céloron led an expedition down the Ohio.",
    "The Dutch traders arrived in spring. A revolt broke out in 1262 against the new taxes.",
]


def test_dashes_and_letters_without_accents_fold_to_plain_words():
    assert tokenize("1994–1999, Polish–Lithuanian, Skłodowska") == tokenize("1994-1999, Polish-Lithuanian, Sklodowska")
    assert "1994" in tokenize("1994–1999")


def test_names_numbers_and_word_endings_of_the_notes_are_known():
    lexical = LexicalIndex.build(NOTES)
    for question in ("How long was Warsaw the capital of the Polish-Lithuanian Commonwealth?",
                     "Where was Maria Sklodowska-Curie born?", "Who was president between 1994 and 1999?",
                     "As of what year were 10000 horsepower engines available?",
                     "How many Africans came from France?"):
        assert assess(question, lexical).unknown_terms == (), question
    # A longer ending makes another name: "Francovich" is not a word of "France".
    assert assess("What did Francovich claim?", lexical).unknown_terms == ("Francovich",)
    assert assess("What happened in 1763?", lexical).unknown_terms == ("1763",)


def test_an_adverb_opening_a_question_is_no_name():
    lexical = LexicalIndex.build(NOTES)
    for question in ("Unsurprisingly, who led an expedition down the Ohio?", "Originally, where did the Dutch traders arrive?",
                     "Basically, when did a revolt break out?", "Roughly how many Africans came from France?",
                     "Exactly when did a revolt break out?", "Briefly, what did the Dutch traders do?"):
        assert assess(question, lexical).unknown_terms == (), question
    # A name opening a question is still one, and so is an adverb inside it.
    assert assess("Italy sent traders where?", lexical).unknown_terms == ("Italy",)
    assert assess("Kelly sent traders where?", lexical).unknown_terms == ("Kelly",)
    assert assess("Who led the Unsurprisingly expedition?", lexical).unknown_terms == ("Unsurprisingly",)


def test_a_preposition_or_conjunction_opening_a_question_is_no_name():
    # Capitalised by its place, like an opening adverb: "Upon" is no name the notes must use
    # (on the pool, covered questions opening "Upon ...", "Besides ...", "According to ..." were
    # declined for it when their course was indexed alone: RESULTS 6v).
    lexical = LexicalIndex.build(NOTES)
    for question in ("Upon reaching the Ohio, who led an expedition?", "Besides the Dutch traders, who arrived?",
                     "Though a revolt broke out, when?"):
        assert assess(question, lexical).unknown_terms == (), question
    # The name after it is still one.
    assert assess("Upon reaching Italy, who led an expedition?", lexical).unknown_terms == ("Italy",)


def test_a_misspelt_name_keeps_its_possessive():
    vocabulary = NotesVocabulary(NOTES)
    stems = set(tokenize(" ".join(NOTES)))
    assert correct_spelling("Who was on Celeron's expedition?", lambda: vocabulary,
                            stems.__contains__) == "Who was on Celoron's expedition?"


def test_names_whose_words_the_passages_never_use_together():
    # "Dutch" and "revolt" both occur, never as one name: the question is about another subject.
    assert unplaced_names("When was the Dutch Revolt?", NOTES) == ["Dutch Revolt"]
    assert unplaced_names("When did the Dutch Revolt begin?", ["The Dutch Revolt began in 1568."]) == []
    # Two names joined by "and", or a possessive, are two names, each known on its own.
    assert unplaced_names("Did Warsaw and France trade?", NOTES) == []
    assert unplaced_names("What was Warsaw's Commonwealth?", NOTES) == []
    assert unplaced_names("Who led the Ohio expedition of Céloron?", NOTES) == []


def test_a_misspelt_name_is_read_only_as_a_name_of_the_notes():
    vocabulary = NotesVocabulary(["Many wars were fought. The wars of Warsaw ended.", "Céloron led an expedition."])
    stems = set(tokenize("Many wars were fought. The wars of Warsaw ended. Céloron led an expedition."))
    # "Warsz" is a letter from "wars", an ordinary word of the notes, not a name: left as it is.
    assert correct_spelling("Who was Warsz?", lambda: vocabulary, stems.__contains__) == "Who was Warsz?"
    assert correct_spelling("Where is Warsaww?", lambda: vocabulary, stems.__contains__) == "Where is Warsaw?"
    # The first word is capitalised because it begins the question, not because it is a name.
    assert correct_spelling("Expedtion of Celoron?", lambda: vocabulary, stems.__contains__) == "Expedition of Celoron?"


def test_a_misspelt_name_is_read_as_a_name_of_the_notes_only_where_a_slip_of_the_keys_made_it():
    notes = ["The Wars of Religion divided France. The Wars of Religion ended in 1598.",
             "Seven Years later Warsaw was rebuilt. Dusquesne had a fort."]
    vocabulary = NotesVocabulary(notes)
    stems = set(tokenize(" ".join(notes)))
    assert {"wars", "seven", "warsaw"} <= vocabulary.names

    def fixed(question):
        return correct_spelling(question, lambda: vocabulary, stems.__contains__)

    # Another name an edit from one of the notes: an ending added, another first letter.
    assert fixed("Who was Warsz?") == "Who was Warsz?"
    assert fixed("What did Paul Geven rule?") == "What did Paul Geven rule?"
    # Slips of the keys: a doubled last letter, a letter left out, swapped or mistyped.
    assert fixed("Where is Warsaww?") == "Where is Warsaw?"
    assert fixed("Where was Fort Dusqesne?") == "Where was Fort Dusquesne?"
    assert fixed("Why did the Wars of Religoin start?") == "Why did the Wars of Religion start?"


def test_a_word_spelt_by_sound_is_read_as_the_notes_word():
    notes = ["Inflation is a rise in prices. Photosynthesis feeds plants. Unemployment rises in a recession."]
    vocabulary = NotesVocabulary(notes)
    stems = set(tokenize(" ".join(notes)))

    def fixed(question):
        return correct_spelling(question, lambda: vocabulary, stems.__contains__)

    # Three edits each: past what edit distance alone allows, the same sounds.
    assert fixed("wat is inflashun") == "wat is inflation"
    assert fixed("how does fotosinthesis work") == "how does photosynthesis work"
    # Three edits from "inflation" with other sounds, and a name spelt by sound: left as they are.
    assert fixed("what is anflmtiqn") == "what is anflmtiqn"
    assert fixed("Who was Inflashun?") == "Who was Inflashun?"
    assert sound_key("inflation") == sound_key("inflashun") != sound_key("inflexion")


def test_a_name_is_placed_where_its_other_name_is():
    lexical = LexicalIndex.build(["The Battle of Hastings was fought in 1066."]).with_names(
        {"norman conquest": ("battle of hastings",), "battle of hastings": ("norman conquest",)})
    assert unplaced_names("When did the Norman Conquest happen?", ["The Battle of Hastings was fought in 1066."],
                          lexical) == []


def test_a_name_the_passages_found_never_use_is_looked_for_in_the_rest_of_the_notes():
    # A question about one topic names another in passing: the passages found for it are about the
    # church, the name is used together elsewhere in the notes.
    notes = ["The first Huguenot church was built in 1628 by refugees.",
             "Settlers sailed for the New World in 1624, and traders followed them."]
    lexical = LexicalIndex.build(notes)

    def passages_with(stems, k):
        return [notes[row] for row, _ in lexical.top(stems, k)]

    question = "What was the first Huguenot church in the New World?"
    assert unplaced_names(question, notes[:1], lexical) == ["New World"]
    assert unplaced_names(question, notes[:1], lexical, passages_with) == []
    # Words the notes never use together anywhere are still another subject's name.
    assert unplaced_names("When was the Dutch Revolt?", NOTES, None,
                          lambda stems, k: NOTES) == ["Dutch Revolt"]


def test_a_name_written_with_another_word_of_the_notes_family_is_placed():
    # "South African" where the notes say "South Africa", "Northern European" for "Northern Europe".
    notes = ["Huguenot settlers founded vineyards in South Africa and churches in Northern Europe."]
    assert unplaced_names("What industry did South African Huguenots found?", notes) == []
    assert unplaced_names("Which Northern European cities had Huguenot churches?", notes) == []


def test_a_misspelt_term_is_an_edit_or_two_from_a_word_of_the_notes():
    vocabulary = NotesVocabulary(["Lord Loudoun sent troops to Fort Niagara.", "King John sealed the charter."])
    assert misspelt_terms(("Lor Loudoun",), vocabulary)  # "lor" / "lord"
    assert misspelt_terms(("Forth Niagara", "Kng John"), vocabulary)
    # A name of something else, or a number the notes never give, is not a misspelling.
    assert not misspelt_terms(("Calvin",), vocabulary)
    assert not misspelt_terms(("Lor Loudoun", "Gettysburg"), vocabulary)
    assert not misspelt_terms(("1706",), vocabulary)
    assert not misspelt_terms((), vocabulary)


def test_a_name_in_mixed_case_is_no_misspelling():
    # "What is the difference between make and CMake?": "cmake" is one edit from the notes' "make",
    # but a capital inside a word is written on purpose; an initialism's plural is not mixed case.
    vocabulary = NotesVocabulary(["Type make to build.", "Run make again.", "The MSP sat in the chamber."])
    assert misspelt_terms(("Mke",), vocabulary)
    assert not misspelt_terms(("CMake",), vocabulary)
    assert not misspelt_terms(("GitMake",), vocabulary)
    assert misspelt_terms(("MSPs",), vocabulary)


def test_a_name_closing_with_a_numeral_is_known_by_its_short_form():
    notes = ["The city was rebuilt after World War II ended.", "The monument recalls World War II and its dead."]
    lexical, vocabulary = LexicalIndex.build(notes), NotesVocabulary(notes)
    for question in ("What was rebuilt after WWII?", "What was rebuilt after WW-II?", "What was rebuilt after WW II?"):
        assert assess(question, lexical, lambda: vocabulary).unknown_terms == (), question
    # A short form of no name of the notes is still unknown.
    assert assess("What was rebuilt after WWIII?", lexical, lambda: vocabulary).unknown_terms == ("WWIII",)


def test_a_number_is_known_in_figures_in_words_or_as_a_decade():
    lexical = LexicalIndex.build(["She discovered eight comets.", "The treaty had 12 articles."])
    assert assess("Who discovered 8 comets?", lexical).unknown_terms == ()
    assert assess("How many articles did the treaty have, twelve?", lexical).unknown_terms == ()
    assert assess("Who discovered 9 comets?", lexical).unknown_terms == ("9",)
    # A decade is written with or without its "s", and a year that opens it stands for it.
    lexical = LexicalIndex.build(["Demand grew throughout the 1980s.", "The tariff fell in 1990."])
    assert assess("What grew between 1980 and 1990?", lexical).unknown_terms == ()
    assert assess("What fell in the 1990s?", lexical).unknown_terms == ()
    assert assess("What grew in 1985?", lexical).unknown_terms == ("1985",)


def test_years_after_a_year_written_by_their_last_two_figures_are_read_in_full():
    # "Why did British operation fail in 1755, 56, 57?" on notes that write "1755, 1756 and 1757":
    # 57 is 1757 (declined as "the notes never mention 57" on notes that hold no other 57).
    lexical = LexicalIndex.build(["British operations in 1755, 1756 and 1757 all failed.",
                                  "The war lasted from 1914 to 1918."])
    assert assess("Why did British operations fail in 1755, 56, 57?", lexical).unknown_terms == ()
    assert assess("What happened in 1914-18?", lexical).unknown_terms == ()
    assert assess("Why did British operations fail in 1755, 56, 59?", lexical).unknown_terms == ("1759",)
    # One number after a year in a list is a count, not a year: "in 1755, 56 men died".
    assert assess("Where did 56 men die in 1755, 57 of them?", lexical).unknown_terms == ("56", "57")
    assert assess("Why did British operations fail in 1755, 57 times?", lexical).unknown_terms == ("57",)


def test_a_peoples_or_places_adjective_of_a_name_the_notes_use_is_known():
    # "What was a similar view about the Asian continent called?" on notes that write "Asia" only.
    lexical = LexicalIndex.build(["Trade with Asia grew.", "Refugees reached Europe and Iraq.", "The span of the bridge."])
    for question in ["What was said of the Asian continent?", "Which European cities?", "What Iraqi port?"]:
        assert assess(question, lexical).unknown_terms == (), question
    assert assess("What Persian king?", lexical).unknown_terms == ("Persian",)
    assert assess("What Spanish ships?", lexical).unknown_terms == ("Spanish",)  # no "span" + "ish"


def test_the_words_of_hyphenated_compounds():
    from bot.core.coverage import compound_words

    assert compound_words("How do I run a container with systemd-nspawn?") == {"systemd", "nspawn"}
    assert compound_words("What does munin-node-configure --suggest do?") == {"munin", "node", "configure"}
    assert compound_words("What is a container?") == frozenset()


def test_the_means_a_question_names():
    from bot.core.coverage import english_derivation, means_words, transposed

    assert means_words("How do I get a report of quota usage with repquota?") == {"repquota"}
    assert means_words("How do I exit a script using sys.exit?") == {"sys", "exit"}
    assert means_words("How do I compress a file with the gzip module?") == {"gzip"}
    assert means_words("What is a quota?") == frozenset()
    everyday = {"cooperative", "staff", "typed"}.__contains__
    assert english_derivation("uncooperative", everyday) and english_derivation("staffing", everyday)
    assert not english_derivation("repquota", everyday) and not english_derivation("venv", everyday)
    assert transposed("hugeunot", "huguenot") and not transposed("venv", "env")
    assert not transposed("repquota", "edquota") and not transposed("kiln", "kiln")


def test_an_everyday_word_with_an_english_prefix_or_ending_is_no_misspelling():
    # "What staffing advantage does Linux have over BSD?" was read as "starting", and "the
    # uninformative help output" as "informative": words the model's vocabulary lacks whole, made
    # of an everyday word and English's own prefixes or endings.
    notes = ["Starting the service is simple. The help output is informative. A typed name is kept."]
    vocabulary = NotesVocabulary(notes)
    stems = set(tokenize(" ".join(notes)))
    everyday = {"staff", "inform", "typed", "start", "help", "output"}.__contains__

    def fixed(question):
        return correct_spelling(question, lambda: vocabulary, stems.__contains__, everyday)

    assert fixed("What staffing advantage is there?") == "What staffing advantage is there?"
    assert fixed("Why is the help output uninformative?") == "Why is the help output uninformative?"
    # A slip of the keys is still put right.
    assert fixed("When is the service startnig?") == "When is the service starting?"


def test_an_unfamiliar_word_naming_the_topic_is_read_from_the_parse() -> None:
    # "How does vancomycin kill bacteria?" on notes about resistance that never name the drug: an
    # unfamiliar noun (or its modifier) is what the question is about, whatever the match.
    from bot.core.coverage import unfamiliar_topic

    everyday = {"kill", "bacteria", "antibiotics", "work", "warned", "steep", "jokingly", "call", "short", "hand"}
    common = everyday.__contains__
    assert unfamiliar_topic("How does vancomycin kill bacteria?", ["vancomycin"], common) == ["vancomycin"]
    assert unfamiliar_topic("How do fluoroquinolone antibiotics work?", ["fluoroquinolone"], common) == ["fluoroquinolone"]
    assert unfamiliar_topic("How do I use the ifeq conditional in a makefile?", ["ifeq"], common) == ["ifeq"]
    # The question's own wording, not its topic: an everyday word with an English prefix or ending,
    # a verb, a degree; a word the question word determines or stands under; a noun whose "of"
    # names what it belongs to; a capitalised name (named_terms reads those).
    assert unfamiliar_topic("Can an unwarned confession be used as evidence?", ["unwarned"], common) == []
    assert unfamiliar_topic("Whose army was besieging Kaffa in 1347?", ["besieging"], common) == []
    assert unfamiliar_topic("Which genotype is called sickle cell anemia?", ["genotype"], common) == []
    assert unfamiliar_topic("What is the capital of what country?", ["capital"], common) == []
    assert unfamiliar_topic("How many pounds of steam per kilowatt hour does the engine use?", ["kilowatt"], common) == []
    assert unfamiliar_topic("Why do police services fall under the purview of the Scottish Parliament?",
                            ["purview"], common) == []
    assert unfamiliar_topic("What did Hess jokingly call his paper?", ["jokingly"], common) == []
    assert unfamiliar_topic("What did Akerblad call the Demotic script?", ["akerblad"], common) == []


def test_a_noun_saying_which_one_of_the_subject_the_notes_never_use_is_another_thing_of_that_name():
    # "How is iron-deficiency anemia treated?" on notes about sickle cell anemia.
    from bot.core.coverage import unheld_kind

    notes = ["Sickle cell anemia is treated with hydroxyurea and blood transfusions.",
             "Miranda warnings have exceptions: the inevitable discovery exception is one.",
             "The witnesses for the defence were few. His sentences ran concurrently."]
    lexical = LexicalIndex.build(notes)
    everyday = {"iron", "deficiency", "public", "safety", "nickname", "defense", "consecutive"}.__contains__
    assert unheld_kind("How is iron-deficiency anemia treated?", lexical, everyday) == ["deficiency"]
    assert unheld_kind("What is the public safety exception to Miranda?", lexical, everyday) == ["safety"]
    # Not the subject's adjective, not a noun of the rest of the question, not a word the notes use.
    assert unheld_kind("What is the public exception to Miranda?", lexical, everyday) == []
    assert unheld_kind("How many defense witnesses did he call?", lexical, everyday) == []
    assert unheld_kind("Were his sentences consecutive?", lexical, everyday) == []
    assert unheld_kind("How is sickle cell anemia treated?", lexical, everyday) == []


def test_a_run_of_years_written_as_the_notes_write_it_is_known():
    # "his 1740-44 voyage" on notes that write "in 1740–44": the notes never write 1744 in full, but
    # they write the run as the question does (ans33 declined "the notes never mention 1744").
    lexical = LexicalIndex.build(["The voyage of Commodore George Anson in 1740\u201344 shows how deadly the disease was."])
    assert assess("How many of Anson's men died on his 1740-44 voyage?", lexical).unknown_terms == ()
    # Another end year of the run is still unknown.
    assert assess("How many of Anson's men died on his 1740-45 voyage?", lexical).unknown_terms == ("1745",)

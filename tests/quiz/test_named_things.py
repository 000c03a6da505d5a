"""Which named thing does what (gen_named): "The larder module provides ..." asked "Which module
provides ...?" among the notes' other modules. Real spaCy on made-up notes of a gardening library
that no course of the pool holds."""

from __future__ import annotations

from bot.core.documents import Chunk, make_chunk_id
from bot.core.quiz.generator import generate_items
from tests.quiz.parsed_notes import section_chunks

SECTIONS = [
    ("Gardenkit tutorial", "Modules",
     "Gardenkit is split into small modules that each look after one job in the garden.\n"
     "The larder module provides functions for storing seed packets by season and by sowing date.\n"
     "The trowel module contains helpers for digging planting holes of a given depth in heavy soil.\n"
     "The compost module provides a timer for turning heaps every ten days through the summer.\n"
     "The hosepipe module controls the valves of the watering system along every bed.\n"
     "The greenhouse module keeps spare panes in a drawer so that they never go missing.\n"  # "they": the panes
     "The compost module keeps them warm through the winter.\n"  # "them": nothing before it
     "The greenhouse module provides this feature as well.\n"  # points back: not asked
     "The shed module provides some helpers.\n"  # vague: not asked
     "The garden module provides a way to draw beds on a plan of the plot.\n"  # never code: no name
     "The dibber module provides a calendar of sowing dates for each vegetable in the plot.\n"  # only a name
     "The main module provides a menu of every job in the garden for the week.\n"  # "main": a word, below
     "The main reason to plan a garden is to save work in the spring.\n"),
    ("Gardenkit tutorial", "Examples",
     "import larder\n"
     "trowel.dig(depth=3)\n"
     "compost.turn(heap)\n"
     "from hosepipe import open_valve\n"
     "shed.lock()\n"
     "greenhouse.vent()\n"),
    ("Gardenkit tutorial", "Beds",
     "The plan method plans a bed from a list of plants and their spacing in the row.\n"  # gives the name away
     "The sprinkle function returns the litres of water a bed needs each week in dry weather.\n"
     "The sprinkles function returns the number of sprinkler heads fitted on each bed of the plot.\n"
     "The mulch function returns the depth of mulch a bed needs before the first frost.\n"
     "The row function returns the plants of a bed between the furrows.\n"  # "row" inside "furrows": the stem spells it
     "The prune function returns the branches to cut from a fruit tree in late winter.\n"
     "The weed function returns the weeds found between the rows of a bed.\n"
     "Like sprinkle, the rain function returns the litres of water a bed needs each week.\n"  # says the same
     "x = sprinkle(bed) + row(bed) + mulch(bed) + prune(tree) + weed(bed) + rain(bed) + sprinkles(bed) + plan(bed)\n"),
]


def _chunks() -> list[Chunk]:
    return section_chunks("garden.md", [((title, heading), body) for title, heading, body in SECTIONS])


def _items():
    return {i.prompt: i for i in generate_items(_chunks(), learned_cutoff=False)}


def test_which_module_does_what_is_asked_among_the_notes_other_modules():
    items = _items()
    item = items["Which module provides functions for storing seed packets by season and by sowing date?"]
    assert item.answer == "larder" and item.kind == "multiple_choice" and item.tests == "term"
    assert item.answer in item.options and len(item.options) == 4
    assert set(item.options) <= {"larder", "trowel", "compost", "hosepipe", "greenhouse", "shed", "dibber"}
    assert "garden" not in item.options  # never written as code: a word of the prose, not a module's name
    assert "Which module controls the valves of the watering system along every bed?" in items
    assert items["Which module keeps spare panes in a drawer so that they never go missing?"].answer == "greenhouse"
    assert not any("keeps them warm" in p for p in items)
    # "dibber" is never written as code, but the prose uses it only as a module's name
    assert items["Which module provides a calendar of sowing dates for each vegetable in the plot?"].answer == "dibber"
    assert not any("menu of every job" in p for p in items)  # "main" is a word the prose uses: no name


def test_no_option_the_notes_say_does_it_and_none_of_the_answer_s_family():
    items = _items()
    item = items["Which function returns the litres of water a bed needs each week in dry weather?"]
    assert item.answer == "sprinkle"
    assert "rain" not in item.options  # the notes say the rain function returns that too
    assert "sprinkles" not in item.options  # one family with the answer
    assert set(item.options) - {"sprinkle"} <= {"mulch", "prune", "weed", "plan"}


def test_what_leans_on_before_is_vague_or_names_its_answer_is_not_asked():
    prompts = " ".join(_items())
    assert "this feature" not in prompts  # points back
    assert "some helpers" not in prompts  # says nothing
    assert "plans a bed" not in prompts  # "The plan method plans ...": the answer in the stem
    assert "between the furrows" not in prompts
    assert "draw beds" not in prompts  # "garden" is no name the notes write as code


HEDGES = [
    ("Hedgerow tutorial", "Planting",
     "The hedgerow module looks after the hedges around a plot.\n"
     "hedgerow.plant(row) creates a new row of whips spaced for a double hedge.\n"
     "hedgerow.lay(hedge) returns the stems cut n times along the hedge.\n"  # an argument named by its letter
     "hedgerow.trim(hedge, height) cuts the hedge back to the height given.\n"
     "bed.clear() removes every weed and stone from a bed before planting.\n"  # an example's object, no module
     "hedgerow.gap also returns the thin places along a field boundary.\n"),  # others do it too
    ("Hedgerow tutorial", "Examples",
     "import hedgerow\n"
     "hedgerow.plant(row)\n"
     "hedgerow.lay(hedge)\n"
     "hedgerow.trim(hedge, 1.2)\n"
     "hedgerow.gap(hedge)\n"
     "bed.clear()\n"),
]


def test_a_module_s_function_opening_a_sentence_is_asked_among_that_module_s_functions():
    chunks = [Chunk(make_chunk_id("hedge.md", (title, heading), body, i), "hedge.md", (title, heading), None, i, body)
              for i, (title, heading, body) in enumerate(HEDGES)]
    items = {i.prompt: i for i in generate_items(chunks, learned_cutoff=False)}
    item = items["Which function creates a new row of whips spaced for a double hedge?"]
    assert item.answer == "hedgerow.plant"
    assert set(item.options) == {"hedgerow.plant", "hedgerow.lay", "hedgerow.trim", "hedgerow.gap"}
    prompts = " ".join(items)
    assert "n times" not in prompts  # "n" is an argument the stem does not show
    assert "every weed and stone" not in prompts  # "bed" is an example's object, not a module's function
    assert "thin places along" not in prompts  # "also": not the one thing that does it


TRELLIS = [
    ("Trellis tutorial", "Trellis classes",
     "The trellis library gives a class for every shape of support in the garden.\n"
     "FanTrellis instances spread the branches of a fruit tree flat against a sunny wall.\n"
     "BeanTrellis instances hold the beans up in a double row of canes.\n"  # the name says it
     "ArchTrellis instances carry climbing plants over a path between two beds.\n"
     "GridTrellis instances support sweet peas on a square mesh of wire.\n"
     "WallTrellis instances hold a climber flat against a sunny wall.\n"),  # says what FanTrellis does: no option
]


def test_a_class_whose_instances_do_something_is_asked_among_its_family():
    chunks = [Chunk(make_chunk_id("trellis.md", (title, heading), body, i), "trellis.md", (title, heading), None, i, body)
              for i, (title, heading, body) in enumerate(TRELLIS)]
    items = {i.prompt: i for i in generate_items(chunks, learned_cutoff=False)}
    item = items["Instances of which trellis class spread the branches of a fruit tree flat against a sunny wall?"]
    assert item.answer == "FanTrellis" and "WallTrellis" not in item.options
    assert set(item.options) <= {"FanTrellis", "BeanTrellis", "ArchTrellis", "GridTrellis"}
    assert not any("double row of canes" in p for p in items)  # "BeanTrellis ... the beans": given away


def test_no_name_the_stem_spells_by_form_nor_a_field_named_by_what_it_holds():
    body = ("The plantkit module contains planting plans and seed trays for the spring.\n"  # "plant..." both
            "The gp module provides functions to plan the greenhouse planting for a season.\n"  # initials of "greenhouse planting"
            "The Notes field gives a few remarks about the plot for the next gardener.\n"  # "notes": a word of the prose
            "The Bed field gives the number of the bed where a crop grows this year.\n"
            "The Crop field gives the name of the vegetable sown in a bed.\n"
            "The Zone field gives the hardiness band of the plot for frost.\n"
            "The notes say where the tools are kept.\n"
            "- Notes: sunny\n- Bed: 4\n- Crop: leeks\n- Zone: 7\n"
            "import plantkit\nimport gp\nimport trowel\nimport larder\nimport sowing\n"
            "The trowel module digs holes.\nThe larder module keeps seed.\nThe sowing module sows rows.\n")
    chunks = [Chunk(make_chunk_id("plot.md", ("Plot",), body, 0), "plot.md", ("Plot",), None, 0, body)]
    prompts = " ".join(i.prompt for i in generate_items(chunks, learned_cutoff=False))
    assert "planting plans" not in prompts
    assert "greenhouse planting" not in prompts
    assert "a few remarks about the plot" not in prompts


def test_no_name_the_stem_gives_away_by_a_short_prefix_a_word_inside_it_or_hyphenated_initials():
    body = ("The vegparse module provides functions for reading vegetable labels from the packet.\n"  # "veg...": 3 letters
            "The rootcheck module provides functions for running checks on each plant in the bed.\n"  # "check" inside
            "The wbp module provides a reader for Water-Bed Plan files kept by the club.\n"  # initials across hyphens
            "The larder module provides functions for storing seed packets by season and by sowing date.\n"
            "The trowel module contains helpers for digging planting holes of a given depth in heavy soil.\n"
            "import vegparse\nimport rootcheck\nimport wbp\nimport trowel\nimport larder\nimport hosepipe\n"
            "import compost\n"
            "The hosepipe module controls the valves of the watering system along every bed.\n"
            "The compost module provides a timer for turning heaps every ten days through the summer.\n")
    chunks = [Chunk(make_chunk_id("kit.md", ("Kit",), body, 0), "kit.md", ("Kit",), None, 0, body)]
    prompts = " ".join(i.prompt for i in generate_items(chunks, learned_cutoff=False))
    assert "storing seed packets" in prompts  # the rule leaves a stem that spells no name
    assert "reading vegetable labels" not in prompts
    assert "running checks" not in prompts
    assert "Water-Bed Plan" not in prompts


def test_wrong_options_the_notes_describe_in_the_same_field_come_first():
    body = ("The larder module provides functions for storing seed packets by season.\n"
            "The sack module keeps seed dry in a damp shed.\n"  # same field: seed
            "The tin module sorts packets by colour.\n"  # same field: packets
            "The hosepipe module controls the valves of the watering system.\n"
            "The trowel module digs holes of a given depth.\n"
            "The ladder module reaches the top of an apple tree.\n"
            "The kettle module boils water for the gardeners at noon.\n"
            "The gate module locks the allotment at night.\n"
            "The radio module plays music in the greenhouse.\n"
            "The bench module seats four visitors by the pond.\n"
            "The lamp module lights the path after dark.\n"
            "import larder\nimport sack\nimport tin\nimport hosepipe\nimport trowel\nimport ladder\nimport kettle\n"
            "import gate\nimport radio\nimport bench\nimport lamp\n")
    chunks = [Chunk(make_chunk_id("kit.md", ("Kit",), body, 0), "kit.md", ("Kit",), None, 0, body)]
    item = next(i for i in generate_items(chunks, learned_cutoff=False)
                if i.prompt == "Which module provides functions for storing seed packets by season?")
    assert {"sack", "tin"} <= set(item.options)


COLONS = [
    ("Kilnkit tutorial", "Modules",
     "The glaze module provides a table of firing colours for every clay body:\n"
     "glaze.chart(body)\n"
     "The cone module provides the following:\n"  # the colon opens what it provides: not asked
     "cone.bend(heat)\n"
     "The shelf module keeps the kiln shelves level during a long firing.\n"
     "The vent module opens the damper when the kiln passes a set heat, such as:\n"  # "such as": more to come
     "vent.open(heat)\n"
     "The timer module counts the hours of a firing from the first flame.\n"
     "The wedge module is used to:\n"  # ends on no noun
     "wedge.cut(clay)\n"
     "import glaze\nimport cone\nimport shelf\nimport vent\nimport timer\nimport wedge\n"),
]


def test_a_full_statement_before_its_example_is_asked_and_a_colon_opening_more_is_not():
    chunks = [Chunk(make_chunk_id("kiln.md", (title, heading), body, i), "kiln.md", (title, heading), None, i, body)
              for i, (title, heading, body) in enumerate(COLONS)]
    items = {i.prompt: i for i in generate_items(chunks, learned_cutoff=False)}
    assert items["Which module provides a table of firing colours for every clay body?"].answer == "glaze"
    assert not any("following" in p or "such as" in p or "used to" in p for p in items)

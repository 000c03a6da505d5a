"""Notes with code (a computer-science teacher's): a Markdown code block, fenced or indented, is
one unit of the text, kept with the sentence leading into it ("On Linux, run:") and never run
into the prose after it; a question asking how to do something is answered by that sentence and
its code; the answer shows the code as a fenced block, within Discord's limits. Made-up notes of
a build tool ("kiln") and a toy language, with the real model for the answers."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.core.chunking import chunk_document
from bot.core.documents import Block, Chunk, Document
from bot.core.loaders import load_document
from bot.core.question_kind import asks_how_to
from bot.core.retrieval import Hit
from bot.core.sentences import _layout, candidates_from, shown_text
from bot.core.text import CODE_FENCE, code_blocks_split, fenced, is_code_block, join_shown
from bot.discord_bot.limits import clip
from bot.discord_bot.render import numbered
from tests.conftest import indexed_course

KILN = """# The kiln build tool

## Setting up a workspace

The kiln tool keeps every build of a project in a workspace folder of its own.

To create a workspace, choose a folder name and run the kiln module with the init command:

```
kiln init pottery-ws
```

This will create the pottery-ws folder if it is missing, with a recipe file and an empty cache inside it.

Once a workspace exists, you may open it for building.

On Linux, run:

```
source pottery-ws/bin/open
```

On Windows, run:

```
pottery-ws\\Tools\\open.cmd
```

Opening the workspace changes the shell prompt to show the workspace's name.

To close the workspace again, type:

```
kiln close
```

## Recipes

A recipe is a text file listing the steps of a build in order. The kiln tool reads the recipe
from top to bottom and skips a step whose inputs have not changed since the last build.
"""

TOY = """# The Ember language

## Loops

A loop repeats its body while its condition holds. The simplest loop looks like this:

    while ready:
        fire()

The body is indented by four spaces.

* A list item may run on
    to an indented line that is not code.

Use `__kindle__` to start a program, and write `x * y` for a product.
"""


def _load(tmp_path: Path, text: str, name: str = "notes.md") -> Document:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return load_document(path, name)


def test_fenced_and_indented_code_are_blocks_of_their_own(tmp_path: Path) -> None:
    doc = _load(tmp_path, KILN)
    texts = [b.text for b in doc.blocks]
    assert "```\nkiln init pottery-ws\n```" in texts
    assert "```\npottery-ws\\Tools\\open.cmd\n```" in texts
    toy = [b.text for b in _load(tmp_path, TOY, "toy.md").blocks]
    assert "```\nwhile ready:\n    fire()\n```" in toy  # indentation inside the code kept
    # an indented continuation of a list item is the item's text, not code
    assert "A list item may run on to an indented line that is not code." in toy
    # a code span keeps its backticks (an answer shows it as code); it and a dunder name are kept
    # as written, not read as emphasis
    assert "Use `__kindle__` to start a program, and write `x * y` for a product." in toy


def test_a_code_block_is_one_unit_with_its_lead_in_and_never_runs_into_the_prose_after(tmp_path: Path) -> None:
    chunks = chunk_document(_load(tmp_path, KILN))
    text = next(c.text for c in chunks if "kiln init" in c.text)
    layout = _layout(text)
    units = {sentence: (previous, code) for sentence, previous, _, _, code, _ in layout}
    lead_in = "To create a workspace, choose a folder name and run the kiln module with the init command:"
    assert units[lead_in][1] == "```\nkiln init pottery-ws\n```"
    assert units["On Linux, run:"] == ("Once a workspace exists, you may open it for building.",
                                      "```\nsource pottery-ws/bin/open\n```")
    after = next(s for s in units if s.startswith("This will create"))
    assert after.startswith("This will create the pottery-ws folder")  # not "kiln init ... This will"
    assert units[after][0] == "```\nkiln init pottery-ws\n```"  # the code is the sentence before it
    assert not any("kiln init" in s and "This" in s for s in units)


def test_code_after_no_lead_in_is_a_unit_of_its_own() -> None:
    text = "Some prose here.\n```\nx = 1\ny = 2\n```\nMore prose."
    sentences = [row[0] for row in _layout(text)]
    assert sentences == ["Some prose here.", "```\nx = 1\ny = 2\n```", "More prose."]
    assert code_blocks_split("a\n```\nb\n```\nc") == [("a", False), ("```\nb\n```", True), ("c", False)]
    assert code_blocks_split("a\n```\nb") == [("a", False), ("```\nb\n```", True)]  # cut inside a block


def test_text_without_code_is_laid_out_as_before() -> None:
    text = "The WTO settles disputes. Key causes include:\n- tariffs\n- quotas\nIt ends here."
    assert [row[:4] for row in _layout(text)] == [
        ("The WTO settles disputes.", "", "", ()),
        ("Key causes include:", "The WTO settles disputes.", "", ("tariffs", "quotas")),
        ("tariffs", "Key causes include:", "Key causes include:", ()),
        ("quotas", "tariffs", "Key causes include:", ()),
        ("It ends here.", "quotas", "", ()),
    ]


def test_a_shown_lead_in_brings_its_code_on_lines_of_its_own(tmp_path: Path) -> None:
    chunk = next(c for c in chunk_document(_load(tmp_path, KILN)) if "On Linux" in c.text)
    candidates = candidates_from([Hit(chunk, 0, 1.0, 1.0, 1.0)])
    linux = next(c for c in candidates if c.text == "On Linux, run:")
    shown = shown_text(linux)  # parts are set when scored: unscored, what it quotes alone
    assert shown == "On Linux, run:"
    from bot.core.sentences import _quoted_with
    assert join_shown(_quoted_with(linux)) == ("Once a workspace exists, you may open it for building. "
                                               "On Linux, run:\n```\nsource pottery-ws/bin/open\n```")
    windows = next(c for c in candidates if c.text == "On Windows, run:")
    # the sentence before this lead-in is the Linux code: it is not shown with it
    assert _quoted_with(windows) == ("On Windows, run:", "```\npottery-ws\\Tools\\open.cmd\n```")


def test_a_long_code_block_is_cut_between_lines_into_fenced_pieces() -> None:
    code = "\n".join(f"step_{i} = kiln.fire(batch={i}, glaze='clear')" for i in range(40))
    doc = Document("long.md", (Block("Run this:", "paragraph", ("Code",)), Block(fenced(code), "paragraph", ("Code",))),
                   "sha")
    chunks = chunk_document(doc, max_chars=400)
    pieces = [run for c in chunks for run, is_code in code_blocks_split(c.text) if is_code]
    assert len(pieces) > 2 and all(is_code_block(p) for p in pieces)
    assert all(len(c.text) <= 400 for c in chunks)
    lines = [line for p in pieces for line in p.split("\n")[1:-1]]
    assert lines == code.split("\n")  # every line, whole and in order


@pytest.mark.parametrize("question, asks", [
    ("How do I open a workspace on Windows?", True),
    ("How can you sort a list in reverse?", True),
    ("How to import a module?", True),
    ("What command closes the workspace?", True),
    ("What do I type to close it?", True),
    ("Show me an example of a loop", True),
    ("How does the kiln tool read a recipe?", False),
    ("How many steps does a recipe have?", False),
    ("What is a recipe?", False),
    ("Why does kiln skip a step?", False),
])
def test_which_questions_ask_how_to_do_something(question, asks):
    assert asks_how_to(question) is asks


def test_an_answer_cut_inside_code_closes_the_block_and_numbers_go_after_the_fence() -> None:
    text = "Run:\n```\n" + "kiln fire --batch 1\n" * 200 + "```"
    cut = clip(text, 2000)
    assert len(cut) <= 2000 and cut.endswith("\n" + CODE_FENCE)
    assert sum(line == CODE_FENCE for line in cut.split("\n")) == 2
    assert clip("plain words " * 300, 100).endswith("…")
    assert numbered("Run:\n```\nkiln close\n```", "[1]") == "Run:\n```\nkiln close\n```\n[1]"
    assert numbered("A sentence.", "[1]") == "A sentence. [1]"


def test_quoted_parts_put_code_on_lines_of_its_own() -> None:
    code = "```\nkiln close\n```"
    assert join_shown(["To close it, type:", code, "It ends."]) == "To close it, type:\n```\nkiln close\n```\nIt ends."
    assert join_shown(["One.", f"{code}\nThis closes it."]) == "One.\n```\nkiln close\n```\nThis closes it."
    assert join_shown(["One.", "Two."]) == "One. Two."  # prose as before


@pytest.fixture(scope="module")
def course(tmp_path_factory, real_embedder):
    return indexed_course(tmp_path_factory.mktemp("code"), {"kiln.md": KILN}, real_embedder)


@pytest.mark.parametrize("question, code", [
    ("How do I open a workspace on Windows?", "pottery-ws\\Tools\\open.cmd"),
    ("How do I open a workspace on Linux?", "source pottery-ws/bin/open"),
    ("How do I create a workspace?", "kiln init pottery-ws"),
    ("What command closes the workspace?", "kiln close"),
])
def test_a_how_to_question_is_answered_by_the_lead_in_and_its_code(course, question, code):
    answer = course.ask(question)
    assert not answer.abstained, answer.reason
    first = answer.sentences[0]
    assert f"{CODE_FENCE}\n{code}\n{CODE_FENCE}" in first, answer.sentences
    assert first.index(code) > first.index("run" if "open" in question else ":")  # after its lead-in


def test_what_code_does_is_answered_in_prose_with_the_code_shown_as_code(course):
    answer = course.ask("What does kiln init create?")
    assert not answer.abstained, answer.reason
    text = "\n".join(answer.sentences)
    assert "recipe file and an empty cache" in text, answer.sentences
    assert "pottery-ws This will" not in text  # the code never runs into the prose
    for sentence in answer.sentences:
        assert sentence.count(CODE_FENCE) % 2 == 0  # every block shown is closed
    assert all(c.document == "kiln.md" and c.section for c in answer.citations)


FIRING = """# Firing

## Firing a recipe

When you fire a recipe with

```
kiln fire glaze.recipe
```

the steps of the recipe run in order, and each finished step is written to the cache. A step that
fails stops the firing.

To count the batches in the cache, run:

```
kiln count
```

When run, this prints:

```
3 batches fired, 1 waiting
```

The count includes batches that are still waiting.
"""


def test_a_sentence_the_code_interrupts_is_one_unit_with_its_lead_in_and_code(tmp_path: Path) -> None:
    text = next(c.text for c in chunk_document(_load(tmp_path, FIRING)) if "kiln fire" in c.text)
    layout = {row[0]: row for row in _layout(text)}
    lead = layout["When you fire a recipe with"]
    assert lead[4] == "```\nkiln fire glaze.recipe\n```"
    continuation = ("the steps of the recipe run in order, and each finished step is written to the cache.")
    assert lead[5] == (continuation,)
    assert continuation not in layout  # not a sentence of its own
    assert layout["A step that fails stops the firing."][1] == continuation  # the sentence before it
    c = next(c for c in candidates_from([Hit(next(ch for ch in chunk_document(_load(tmp_path, FIRING))
                                                   if "kiln fire" in ch.text), 0, 1.0, 1.0, 1.0)])
             if c.text == "When you fire a recipe with")
    from bot.core.sentences import _quoted_with
    assert join_shown(_quoted_with(c)) == ("When you fire a recipe with\n```\nkiln fire glaze.recipe\n```\n"
                                           + continuation)


def test_a_lower_case_paragraph_after_code_goes_on_only_when_it_is_not_code_or_a_new_sentence() -> None:
    # a name the code uses opens a sentence of its own ("fire returns ..." after k.fire())
    layout = _layout("Try these methods:\n```\nk = kiln.open()\nk.fire()\n```\nfire returns the batch number.")
    assert [row[0] for row in layout] == ["Try these methods:", "fire returns the batch number."]
    assert layout[0][5] == ()
    # so does a call or a dotted name
    layout = _layout("Use it like this:\n```\nk.fire()\n```\nkiln.count(cache) counts the batches.")
    assert layout[-1][0] == "kiln.count(cache) counts the batches." and layout[0][5] == ()
    # after a finished sentence, a lower-case paragraph is not its continuation
    layout = _layout("The cache is kept.\n```\nkiln clean\n```\nthe cache is then empty.")
    assert [row[0] for row in layout][-1] == "the cache is then empty."
    # a continuation that leads into code brings that code too
    layout = _layout("For example:\n```\nkiln count\n```\nwill display:\n```\n3 batches\n```\nThe end.")
    assert layout[0][4] == "```\nkiln count\n```"
    assert layout[0][5] == ("will display:", "```\n3 batches\n```")
    assert [row[0] for row in layout] == ["For example:", "The end."]


def test_the_output_code_prints_stays_with_that_code_and_answers_no_how_to_question(tmp_path: Path) -> None:
    from bot.core.sentences import _shows_code
    text = next(c.text for c in chunk_document(_load(tmp_path, FIRING)) if "kiln count" in c.text)
    layout = {row[0]: row for row in _layout(text)}
    count = layout["To count the batches in the cache, run:"]
    assert count[4] == "```\nkiln count\n```"
    assert count[5] == ("When run, this prints:", "```\n3 batches fired, 1 waiting\n```")
    assert "When run, this prints:" not in layout
    assert layout["The count includes batches that are still waiting."][1] == "```\n3 batches fired, 1 waiting\n```"
    # output shown on its own (a passage cut between the code and its output) is not code for a how-to
    alone = _layout("When run, this prints:\n```\n3 batches\n```\nThe end.")
    assert alone[0][:5:4] == ("When run, this prints:", "```\n3 batches\n```")
    assert not _shows_code(("When run, this prints:", "```\n3 batches\n```"))
    assert _shows_code(("To count, run:", "```\nkiln count\n```", "When run, this prints:", "```\n3\n```"))


@pytest.fixture(scope="module")
def firing(tmp_path_factory, real_embedder):
    return indexed_course(tmp_path_factory.mktemp("firing"), {"kiln.md": KILN, "firing.md": FIRING}, real_embedder)


def test_a_how_to_answer_quotes_the_interrupted_sentence_whole(firing):
    answer = firing.ask("How do I fire a recipe?")
    assert not answer.abstained, answer.reason
    first = answer.sentences[0]
    assert first.startswith("When you fire a recipe with\n```\nkiln fire glaze.recipe\n```\nthe steps"), answer.sentences


def test_a_how_to_answer_leads_with_the_code_not_its_output(firing):
    answer = firing.ask("How do I count the batches?")
    assert not answer.abstained, answer.reason
    assert answer.sentences[0].startswith("To count the batches in the cache, run:\n```\nkiln count\n```"), answer.sentences


def test_a_lead_in_after_an_interrupted_sentence_is_not_quoted_with_its_rest() -> None:
    from bot.core.sentences import _quoted_with
    text = ("When you fire a recipe with\n```\nkiln fire a.recipe\n```\nthe steps run in order. "
            "That means that by adding this line to the recipe:\n```\nstop_on_error\n```\nyou can stop a failed firing.")
    chunk = Chunk("c", "notes.md", ("Firing",), None, 0, text)
    candidates = candidates_from([Hit(chunk, 0, 1.0, 1.0, 1.0)])
    that = next(c for c in candidates if c.text.startswith("That means"))
    assert that.context == "the steps run in order."
    assert _quoted_with(that) == (that.text, "```\nstop_on_error\n```", "you can stop a failed firing.")


def test_inline_code_keeps_its_backticks_in_the_text_and_the_answer_shown(tmp_path: Path) -> None:
    from bot.core.loaders.markdown_format import clean_inline
    from bot.core.text import split_sentences, without_code_marks
    notes = ("# Glazes\n\n## `glaze` settings\n\nSet `glaze.coat=2` for a double coat. `kiln.count()` counts "
             "the batches.\n\n- Use **bold** and `raw *text*`\n")
    doc = _load(tmp_path, notes)
    texts = [b.text for b in doc.blocks]
    assert "Set `glaze.coat=2` for a double coat. `kiln.count()` counts the batches." in texts
    assert "Use bold and `raw *text*`" in texts  # markup inside the span is the code's own
    assert "glaze settings" in texts  # a heading is a section's name: words only
    # a sentence opening with inline code starts a sentence, whatever its case
    assert split_sentences(texts[-2]) == ["Set `glaze.coat=2` for a double coat.", "`kiln.count()` counts the batches."]
    # the words alone, for the quiz generator and answer words; fenced code is kept as written
    assert without_code_marks("Set `a=1` now.\n```\necho `date`\n```") == "Set a=1 now.\n```\necho `date`\n```"
    assert clean_inline("Set `a=1` now.") == "Set a=1 now."
    chunk = next(c for c in chunk_document(doc) if "glaze.coat" in c.text)
    shown = [shown_text(c) for c in candidates_from([Hit(chunk, 0, 1.0, 1.0, 1.0)])]
    assert "Set `glaze.coat=2` for a double coat." in shown


def test_the_quiz_generator_reads_the_words_without_code_marks(monkeypatch) -> None:
    from bot.core.quiz import generator
    seen = []

    class Seen(Exception):
        pass

    def reader(notes, *_raw):
        seen.extend(notes)
        raise Seen

    monkeypatch.setattr(generator, "_Generator", reader)
    chunk = Chunk("c", "notes.md", ("Glazes",), None, 0, "Set `glaze.coat=2` for a double coat.\n```\necho `x`\n```")
    with pytest.raises(Seen):
        generator.generate_items([chunk])
    assert seen[0].text == "Set glaze.coat=2 for a double coat.\n```\necho `x`\n```"
    assert seen[0].id == chunk.id


def test_answer_words_match_without_the_code_marks() -> None:
    from bot.core.evaluation import holds
    assert holds("Use the `key` parameter.", ("the key parameter",))
    assert holds("Sort with `key=str.lower`.", ("`key=str.lower`",))


def test_a_chunk_does_not_end_between_code_and_the_rest_of_the_sentence_it_interrupts() -> None:
    blocks = (Block("Filler text about kilns. " * 8, "paragraph", ("Firing",)),
              Block("When you fire a recipe with", "paragraph", ("Firing",)),
              Block(fenced("kiln fire glaze.recipe"), "paragraph", ("Firing",)),
              Block("the steps of the recipe run in order, and each finished step is written to the cache.",
                    "paragraph", ("Firing",)))
    chunks = chunk_document(Document("f.md", blocks, "sha"), max_chars=300)
    with_code = next(c for c in chunks if "kiln fire" in c.text)
    assert with_code.text == ("When you fire a recipe with\n```\nkiln fire glaze.recipe\n```\n"
                              "the steps of the recipe run in order, and each finished step is written to the cache.")
    # a new sentence after the code (capitalised) does not move the code
    blocks = (*blocks[:3], Block("The steps of the recipe run in order, and each finished step is written to the cache.",
                                 "paragraph", ("Firing",)))
    chunks = chunk_document(Document("f.md", blocks, "sha"), max_chars=300)
    assert chunks[0].text.endswith("```\nkiln fire glaze.recipe\n```")


def test_the_rest_of_an_interrupted_sentence_is_no_lead_in_cut_from_its_code() -> None:
    # "as the very first line ..." is short and one sentence before a longer paragraph: the shape of a
    # lead-in, which the chunker keeps with what it introduces. It goes on the sentence the code
    # interrupts, so the chunk does not end before it.
    blocks = (Block("Filler text about kilns. " * 6, "paragraph", ("Firing",)),
              Block("The simplest way is to write", "paragraph", ("Firing",)),
              Block(fenced("#!/usr/bin/kiln"), "paragraph", ("Firing",)),
              Block("as the first line of the recipe.", "paragraph", ("Firing",)),
              Block("A recipe without that line is read by the shell, which knows nothing of glazes, kilns "
                    "or batches, and fails at its first step.", "paragraph", ("Firing",)))
    chunks = chunk_document(Document("f.md", blocks, "sha"), max_chars=300)
    with_code = next(c for c in chunks if "#!/usr/bin/kiln" in c.text)
    assert "```\nas the first line of the recipe." in with_code.text


def _candidates(text: str):
    from bot.core.documents import Chunk as _Chunk
    return candidates_from([Hit(_Chunk("c", "notes.txt", ("Kiln",), None, 0, text), 0, 1.0, 1.0, 1.0)])


def test_a_list_item_ending_with_a_colon_leads_into_code() -> None:
    from bot.core.sentences import _quoted_with
    text = ("There are two kinds of recipes:\n- those written by hand; to list them, type:\n"
            "```\nkiln recipes --hand\n```\nThe wizard makes the others:\n- fast ones\n- slow ones\n"
            "```\nkiln wizard\n```")
    candidates = _candidates(text)
    item = next(c for c in candidates if c.text.startswith("those written"))
    assert _quoted_with(item) == ("There are two kinds of recipes:", "those written by hand; to list them, type:",
                                  "```\nkiln recipes --hand\n```")
    # an item without ":" does not take the code after it (a list's items rarely end with a stop)
    slow = next(c for c in candidates if c.text == "slow ones")
    assert slow.lead_in == "The wizard makes the others:" and not slow.code


def test_a_sentence_leaning_on_code_is_quoted_with_the_whole_unit_before_it() -> None:
    from bot.core.sentences import _quoted_with
    text = ("Instead of:\n```\nkiln fire a\nkiln fire b\n```\nwrite this:\n```\nkiln fire a b\n```\n"
            "This fires both batches in one heating.")
    after = next(c for c in _candidates(text) if c.text.startswith("This fires"))
    assert _quoted_with(after) == ("Instead of:", "```\nkiln fire a\nkiln fire b\n```", "write this:",
                                   "```\nkiln fire a b\n```", "This fires both batches in one heating.")


def test_code_after_a_finished_sentence_is_quoted_with_it() -> None:
    from bot.core.sentences import _quoted_with
    text = ("If a recipe is named with as, the name after as stands for the whole recipe.\n"
            "```\nkiln use glaze.recipe as g\n```\nRecipes are read once.")
    candidates = _candidates(text)
    code = next(c for c in candidates if is_code_block(c.text))
    assert _quoted_with(code) == ("If a recipe is named with as, the name after as stands for the whole recipe.",
                                  "```\nkiln use glaze.recipe as g\n```")
    # the sentence itself is still quoted alone, and the sentence after the code does not lean on it
    sentence = next(c for c in candidates if c.text.startswith("If a recipe"))
    assert _quoted_with(sentence) == (sentence.text,)
    assert _quoted_with(next(c for c in candidates if c.text == "Recipes are read once.")) == ("Recipes are read once.",)


def test_a_hyphenated_name_holding_a_word_the_notes_never_use_is_declined(course):
    # "How do I run a container with systemd-nspawn?" on notes that use "systemd" and containers,
    # never "nspawn": the question names a tool the notes never name, however close the rest is.
    answer = course.ask("How do I create a workspace with kiln-nspawn?")
    assert answer.abstained and "nspawn" in answer.reason, (answer.reason, answer.sentences)
    # A hyphenated name of the notes' own words is theirs.
    assert not course.ask("How do I create a workspace with the kiln-init command?").abstained


LICENCE_LIST = """# Guidelines

1.  Free redistribution.

    The licence may not restrict any party from selling the software.

    ***BACK TO BASICS* Copyleft**

    Copyleft is a principle that uses copyright to guarantee the freedom of a work.

2.  Source code.

        $ tar xf source.tar.gz
        $ ./configure

Back at the margin.

    plain indented code
"""


def test_a_list_items_indented_paragraphs_are_prose_and_code_only_four_columns_further(tmp_path: Path) -> None:
    # A handbook's guideline list: each item's paragraphs are indented to the item's text (four
    # columns after "1.  "), which read as code made "Copyleft is a principle ..." a code block,
    # shown as code and never asked about (session 20).
    blocks = [(b.kind, b.text) for b in _load(tmp_path, LICENCE_LIST).blocks]
    assert ("paragraph", "Copyleft is a principle that uses copyright to guarantee the freedom of a work.") in blocks
    assert ("paragraph", "The licence may not restrict any party from selling the software.") in blocks
    # Code inside an item is indented four columns past its text, and is dedented when shown.
    assert ("paragraph", "```\n$ tar xf source.tar.gz\n$ ./configure\n```") in blocks
    # Back at the margin the list has ended: four spaces are code again.
    assert ("paragraph", "```\nplain indented code\n```") in blocks


def test_a_tool_the_question_names_as_its_means_and_the_notes_never_use_is_declined(course):
    # "How do I get a report of quota usage with repquota?" on notes that use edquota: the question
    # asks how to do it with a tool the notes never name. Read as asked: spelling alone would make
    # "kilnit" the notes' "kiln" (as "repquota" became "edquota") and answer about it.
    answer = course.ask("How do I create a workspace with kilnit?")
    assert answer.abstained and "kilnit" in answer.reason, (answer.reason, answer.sentences)
    # A word of English made of an everyday word and a prefix is no tool's name.
    answer = course.ask("How do I close a workspace with an unopened recipe?")
    assert "unopened" not in answer.reason, (answer.reason, answer.sentences)
    # The notes' own tool, as the means, answers; so does it with two letters swapped, a slip of
    # typing that spelling puts right.
    assert not course.ask("How do I create a workspace with kiln?").abstained
    assert not course.ask("How do I create a workspace with the klin tool?").abstained

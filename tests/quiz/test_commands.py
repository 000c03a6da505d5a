"""Which command does what, of notes that name a system's commands with their arguments ("Finally,
the `dockctl -l` command lists the berths which are currently booked."): the other commands the same
notes name (set as code and run at a prompt, or called a command) are the options. Session 21,
quiztech (held-out set 10's SELinux note: "the `semodule -l` command lists the modules ..."). Made-up
notes of no course of the pool; real spaCy."""

from __future__ import annotations

from bot.core import nlp
from bot.core.documents import Chunk, make_chunk_id
from bot.core.quiz.gen_commands import command_question, shell_commands
from bot.core.quiz.generator import generate_items

HARBOUR = [
    "A berth is booked with `dockctl -b berth`, and a booking is cancelled with `dockctl -c berth`. "
    "Finally, the `dockctl -l` command lists the berths which are currently booked. "
    "A berth can be frozen with `dockctl -f` and thawed with `dockctl -t`.",
    "```\n# dockctl -b north4\n# dockctl -l\n```",
    "The `tidewatch` command prints the height of the tide at each pier. "
    "Clerks read the log of arrivals in `/var/log/harbour` with `less`.",
]


def _chunks(paragraphs: list[str]) -> list[Chunk]:
    return [Chunk(make_chunk_id("notes.md", ("Harbour Berths",), text, i), "notes.md", ("Harbour Berths",), None, i, text)
            for i, text in enumerate(paragraphs)]


def test_the_notes_commands_are_those_run_at_a_prompt_or_called_commands():
    commands = shell_commands(HARBOUR)
    assert commands == ("dockctl -b berth", "dockctl -c berth", "dockctl -l", "dockctl -f", "dockctl -t",
                        "tidewatch"), commands  # not "/var/log/harbour" (a path), not "less" (never run here)


def test_a_command_named_with_its_arguments_is_asked_among_the_notes_others():
    items = [i for i in generate_items(_chunks(HARBOUR), learned_cutoff=False) if "berths which" in i.prompt]
    assert [i.prompt for i in items] == ["Which command lists the berths which are currently booked?"], items
    assert items[0].answer == "dockctl -l"
    # Each option a command of the notes, other uses of the same program first; "dockctl -b berth" is
    # left out: the notes say a berth is booked with it, near enough what the question asks.
    assert set(items[0].options) <= set(shell_commands(HARBOUR)), items[0].options
    assert sorted(items[0].options) == ["dockctl -f", "dockctl -l", "dockctl -t", "tidewatch"], items[0].options


def test_too_few_commands_or_a_stem_that_spells_the_answer_ask_nothing():
    text = "The dockctl -l command lists the berths which are currently booked."
    doc = nlp.parse_lines([text])[0]
    rng = lambda o: 0.5
    never = lambda *a: False
    assert command_question(text, doc, ("dockctl -l", "dockctl -b berth", "tidewatch"), rng, never) is None
    asked = command_question(text, doc, ("dockctl -l", "dockctl -b berth", "dockctl -f", "tidewatch"), rng, never)
    assert asked is not None and asked.answer == "dockctl -l"
    spelled = "The berthlist command lists the berths which are currently booked."
    assert command_question(spelled, nlp.parse_lines([spelled])[0],
                            ("berthlist", "dockctl -b berth", "dockctl -f", "tidewatch"), rng, never) is None
    # An example run with its values is no command to know ("ssh -L localhost:5901:... machine").
    long = "The dockctl -b north4 -p 8080:22 command lists the berths which are currently free."
    assert command_question(long, nlp.parse_lines([long])[0],
                            ("dockctl -b north4 -p 8080:22", "dockctl -l", "dockctl -f", "tidewatch"), rng, never) is None

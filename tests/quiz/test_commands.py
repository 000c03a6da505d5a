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
    "The `tidewatch` command prints the height of the tide at each pier. The `gatectl -o` command opens the gate. "
    "Clerks read the log of arrivals in `/var/log/harbour` with `less`.",
]


def _chunks(paragraphs: list[str]) -> list[Chunk]:
    return [Chunk(make_chunk_id("notes.md", ("Harbour Berths",), text, i), "notes.md", ("Harbour Berths",), None, i, text)
            for i, text in enumerate(paragraphs)]


def test_the_notes_commands_are_those_run_at_a_prompt_or_called_commands():
    commands = shell_commands(HARBOUR)
    assert commands == ("dockctl -b berth", "dockctl -c berth", "dockctl -l", "dockctl -f", "dockctl -t",
                        "tidewatch", "gatectl -o"), commands  # not "/var/log/harbour" (a path), not "less" (never run here)


def test_a_command_named_with_its_arguments_is_asked_among_the_notes_others():
    items = [i for i in generate_items(_chunks(HARBOUR), learned_cutoff=False) if "berths which" in i.prompt]
    assert [i.prompt for i in items] == ["Which command lists the berths which are currently booked?"], items
    assert items[0].answer == "dockctl -l"
    # Each option a command of the notes, other uses of the same program first; "dockctl -b berth" is
    # left out: the notes say a berth is booked with it, near enough what the question asks.
    assert set(items[0].options) <= set(shell_commands(HARBOUR)), items[0].options
    # "tidewatch" is left out too: a bare program beside commands with their flags (8.68).
    assert sorted(items[0].options) == ["dockctl -f", "dockctl -l", "dockctl -t", "gatectl -o"], items[0].options


def test_too_few_commands_or_a_stem_that_spells_the_answer_ask_nothing():
    text = "The dockctl -l command lists the berths which are currently booked."
    doc = nlp.parse_lines([text])[0]
    rng = lambda o: 0.5
    never = lambda *a: False
    assert command_question(text, doc, ("dockctl -l", "dockctl -b berth", "tidewatch"), rng, never) is None
    asked = command_question(text, doc, ("dockctl -l", "dockctl -b berth", "dockctl -f", "gatectl -o"), rng, never)
    assert asked is not None and asked.answer == "dockctl -l"
    spelled = "The berthlist command lists the berths which are currently booked."
    assert command_question(spelled, nlp.parse_lines([spelled])[0],
                            ("berthlist", "regload", "gatewatch", "tidewatch"), rng, never) is None
    # An example run with its values is no command to know ("ssh -L localhost:5901:... machine").
    long = "The dockctl -b north4 -p 8080:22 command lists the berths which are currently free."
    assert command_question(long, nlp.parse_lines([long])[0],
                            ("dockctl -b north4 -p 8080:22", "dockctl -l", "dockctl -f", "tidewatch"), rng, never) is None


# Session 22, quiztech4: the same notes name most commands in three other forms (held-out set 10's SELinux
# note: "`semanage login -l` lists ...", "Removing a module ... is done with `semodule -r module`", "To find
# the current security context in a shell, you should call `id -Z`.").
FORMS = [
    "`dockctl -s` prints the berths which are still free.",  # one sentence a chunk: a chunk posts few items
    "Removing a booking at the outer harbour is done with `dockctl -c`.",
    "To list the ships waiting outside the harbour, you should call `dockctl -w`.",
    "Finally, to find the current depth of a berth, you can use `dockctl -n`.",
    "```\n# dockctl -s\n# dockctl -w\n# dockctl -n\n# tidewatch\n# dockctl -c north4\n```",
    "The `gatectl -o` command opens the harbour gate.",
]


def test_a_command_opening_its_sentence_done_with_or_called_to_is_asked():
    prompts = {i.prompt: i for i in generate_items(_chunks(FORMS), learned_cutoff=False) if i.prompt.startswith("Which command")}
    assert "Which command prints the berths which are still free?" in prompts, sorted(prompts)
    assert prompts["Which command prints the berths which are still free?"].answer == "dockctl -s"
    # The gerund and the infinitive said as what the command does: "Removing" -> "removes", "find" -> "finds".
    cancel = prompts.get("Which command removes a booking at the outer harbour?")
    assert cancel is not None and cancel.answer == "dockctl -c", sorted(prompts)
    assert set(cancel.options) <= set(shell_commands(FORMS)) and len(cancel.options) == 4, cancel.options
    assert [o for o in cancel.options if not o.startswith("dockctl")] == [], cancel.options  # the same program first
    assert prompts["Which command lists the ships waiting outside the harbour?"].answer == "dockctl -w", sorted(prompts)
    assert prompts["Which command finds the current depth of a berth?"].answer == "dockctl -n", sorted(prompts)


def test_the_new_forms_refuse_what_is_not_a_command_doing_something():
    commands = ("dockctl -s", "dockctl -c berth", "dockctl -w", "tidewatch", "gatectl -o")
    # "to find the tide ..., you can use tidewatch": the stem spells the answer (the check before this round).
    rng = lambda o: 0.5
    never = lambda *a: False
    def asked(text):
        return command_question(text, nlp.parse_lines([text])[0], commands, rng, never)
    assert asked("To list the ships waiting outside the harbour, you should call dockctl -w.").prompt \
        == "Which command lists the ships waiting outside the harbour?"
    # What the options are checked against (gen_named._said_of) is what is asked, not ", you should call X".
    seen = []
    command_question("To list the ships waiting outside the harbour, you should call dockctl -w.",
                     nlp.parse_lines(["To list the ships waiting outside the harbour, you should call dockctl -w."])[0],
                     commands, rng, lambda other, lemma, wanted, text: seen.append(wanted) or False)
    assert seen and all(w == {"ship", "wait", "outside", "harbour"} for w in seen), seen
    # A verb of no action the notes teach ("To be safe"), a name that is no command's, a point back.
    assert asked("To be sure of the berth, you should call dockctl -w.") is None
    assert asked("dockctl -s nears the berths which are still free.") is None
    assert asked("To find the tide at each pier, you can use tidewatch.") is None
    # The answer's argument the stem's word, no option with it: "removes a berth" -> "berthctl -r berth"
    # beside "berthctl -d" (every option spells "berth" in the program's name, so the check above passes).
    own = ("berthctl -r berth", "berthctl -l", "berthctl -d", "berthctl -e")
    text = "Removing a berth from the outer harbour is done with berthctl -r berth."
    assert command_question(text, nlp.parse_lines([text])[0], own, rng, never) is None
    text = "Removing a berth from the outer harbour is done with berthctl -r."
    assert command_question(text, nlp.parse_lines([text])[0], ("berthctl -r", *own[1:]), rng, never) is not None
    flagged = ("dockctl -c", "dockctl -s", "dockctl -w", "gatectl -o")
    def asked_flagged(text):
        return command_question(text, nlp.parse_lines([text])[0], flagged, rng, never)
    assert asked_flagged("Removing this booking is done with dockctl -c.") is None
    # ", you should call X" is not part of what is asked: its "you" does not point back.
    assert asked_flagged("Removing a booking at the outer harbour is done with dockctl -c.").prompt \
        == "Which command removes a booking at the outer harbour?"


def test_third_person():
    # The command items say what a command does with gen_entries' third_person.
    from bot.core.quiz.gen_entries import third_person
    assert [third_person(v) for v in ("find", "search", "fetch", "carry", "display", "remove")] == \
        ["finds", "searches", "fetches", "carries", "displays", "removes"]


def test_a_command_named_by_a_passive_or_provided_to_do_something_is_asked():
    # Held-out set 9's AppArmor note: "The profiles are compiled and loaded into the kernel by the
    # `apparmor_parser` command.", "AppArmor conveniently provides an `aa-unconfined` command to list ...".
    commands = ("regload", "dockctl -u", "dockctl -s", "dockctl -w", "tidewatch", "berthlog", "gatewatch", "gatectl -o")
    rng = lambda o: 0.5
    never = lambda *a: False
    def asked(text):
        return command_question(text, nlp.parse_lines([text])[0], commands, rng, never)
    passive = asked("The berth plans are compiled and loaded into the harbour register by the regload command.")
    assert passive is not None and passive.prompt == "Which command compiles and loads the berth plans into the harbour register?"
    assert passive.answer == "regload" and len(passive.options) == 4
    provided = asked("That is why the harbour conveniently provides a dockctl -u command to list the ships which have no berth.")
    assert provided is not None and provided.prompt == "Which command lists the ships which have no berth?"
    assert provided.answer == "dockctl -u"
    # A participle of no action taught ("is preceded by"), a subject that points back: nothing.
    assert asked("The berth plans are preceded by the regload command.") is None
    assert asked("These plans are compiled into the harbour register by the regload command.") is None


# Session 22, quizopts (8.68): a judge read version 61's items and found options whose form gave the answer
# away or out (held-out sets 9 and 10: "semodule -r module", "setsebool boolean value" with a syntax line's
# placeholders, a bare "semanage" or "ps" beside "id -Z", "aa-genprof dhclient" the one option with an
# argument). The options of an item are all bare programs or all a program with its flags.
MIXED = ("dockctl -l", "dockctl -r berth", "dockctl -d", "tidewatch", "gatewatch", "regload", "semctl -e",
         "gatectl open", "dockctl -p north4 -t 8080:22 x")


def _asked(text, commands=MIXED):
    return command_question(text, nlp.parse_lines([text])[0], commands, lambda o: 0.5, lambda *a: False)


def test_the_options_share_the_answers_form():
    from bot.core.quiz.gen_commands import _flagged, _form
    assert [_form(c) for c in ("aa-unconfined", "semodule -l", "semanage login -l", "semodule -r module",
                               "setsebool boolean value", "aa-genprof dhclient")] == \
        ["bare", "flag", "flag", None, None, None]
    assert [_flagged(c) for c in ("semodule -r module", "semanage login -d user", "aa-genprof dhclient")] == \
        ["semodule -r", "semanage login -d", "aa-genprof dhclient"]
    flag = _asked("The dockctl -l command lists the berths which are currently booked.")
    # A placeholder after a flag is dropped ("dockctl -r", not "dockctl -r berth"); no bare program, no
    # argument without a flag ("gatectl open"), no long example run cut down to "dockctl -p".
    assert flag is not None and sorted(flag.options) == ["dockctl -d", "dockctl -l", "dockctl -r", "semctl -e"], flag
    bare = _asked("The regload command prints the height of the water at each pier.", MIXED + ("berthlog",))
    assert bare is not None and sorted(bare.options) == ["berthlog", "gatewatch", "regload", "tidewatch"], bare


def test_no_item_when_the_answer_holds_a_placeholder_or_the_notes_lack_three_of_its_form():
    # "Removing a berth ... is done with dockctl -r berth": no three options of that form without placeholders.
    assert _asked("Removing a booking at the outer harbour is done with dockctl -r berth.") is None
    # Two other bare programs only: flagged commands do not make up the third.
    assert _asked("The regload command prints the height of the water at each pier.") is None
    # The answer ends on an argument with no flag ("aa-genprof dhclient"): nothing.
    # Not even among three others of its form: those hold placeholders too ("semodule -r module").
    assert _asked("The gatectl open command lists the ships which are waiting at dawn.",
                  MIXED + ("berthlog", "gatectl -x", "semctl -r rule", "tidectl -s pier")) is None
    # The one option sharing the answer's flag comes before the rest: "-l" not the answer's alone.
    listed = command_question("The semctl -l command lists the rules which are currently loaded.",
                              nlp.parse_lines(["The semctl -l command lists the rules which are currently loaded."])[0],
                              ("semctl -l", "dockctl -a", "dockctl -b", "dockctl -c", "portctl -l", "gatectl -o"),
                              lambda o: {"portctl -l": 0.9}.get(o, 0.1), lambda *a: False)
    assert listed is not None and "portctl -l" in listed.options, listed

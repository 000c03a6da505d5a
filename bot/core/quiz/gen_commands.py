"""Which command does what, of notes that teach a system's commands by their arguments ("Finally, the
`semodule -l` command lists the modules which are currently installed.", "With the `edquota -t` command,
you can define ..."): asked "Which command lists the modules which are currently installed?", the
other commands the same notes name as options ("semodule -r module", "semodule -e", "semodule -d").

gen_named asks "The <name> <kind> <verb>s ..." of one-word names the prose calls of a kind three times
or more; a handbook names a command with its arguments, once, and names most of its commands only in
code spans and in the lines it runs at a shell prompt. So here a command is what the notes set as code
and either call a command ("the `X` command") or run at a prompt ("$ X ...", "# X ..."): the options
are that, of the same notes, never an option's flag alone or a path. Technical notes only by form: no
course's commands are listed here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

from bot.core.quiz.gen_entries import third_person
from bot.core.quiz.gen_named import VERBS, rest_points_outside
from bot.core.quiz.gen_text import shows_code

# A line run at a shell prompt ("$ ls -Z test", "# semodule -l") opens with the program it runs.
_SHELL_LINE = re.compile(r"(?m)^\s*[$#] ([a-z][\w.+-]*)(?= |$)")
# A code span opening with a lower-case program name, and "command" after it when the prose calls it so.
_COMMAND_SPAN = re.compile(r"`([a-z][\w.+-]*(?: [^`\n]+)?)`( commands?\b)?")
MAX_COMMAND_WORDS = 4  # "ssh -L localhost:5901:localhost:5900 -N -T machine" is an example run, not a command to know
MIN_COMMANDS = 4  # the answer and three wrong options (gen_named.MIN_WRONG)
MAX_WRONG = 3
MAX_WORDS = 30
# Openers that place the sentence in a sequence of the notes' steps and say nothing of the command.
_OPENERS = r"(?:(?:Finally|Additionally|Next|Then|Lastly|In addition), )?"
# "To find ..., you should call X" after the same openers ("Finally, to find the type ..., you can use X").
_TO = r"(?:To|(?:Finally|Additionally|Next|Then|Lastly|In addition), to) "


@dataclass(frozen=True)
class CommandQuestion:
    prompt: str
    answer: str
    options: tuple[str, ...]


def shell_commands(raw_texts: list[str]) -> tuple[str, ...]:
    """The commands the notes name, as they write them: code spans (marked text, `raw_texts`) whose
    program the notes run at a shell prompt, or which they call a command ("the `semodule -l`
    command"). In the order met, each once."""
    run = {m for text in raw_texts for m in _SHELL_LINE.findall(text)}
    found: dict[str, None] = {}
    for text in raw_texts:
        for match in _COMMAND_SPAN.finditer(text):
            span, called = match.group(1).strip(), match.group(2)
            if span.split()[0] in run or called:
                found.setdefault(span, None)
    return tuple(found)


def _shown(command: str) -> bool:
    """A command an option may show: a few words, no path, address, pattern or quoted argument (those
    are one example's values, not the command a student learns)."""
    words = command.split()
    return len(words) <= MAX_COMMAND_WORDS and not re.search(r"[/:=\"'()*^~<>|]", command) \
        and not any("." in w for w in words[1:])  # "semodule -i myapp.pp": one example's file


def _form(command: str) -> str | None:
    """What a command shows besides its program: "bare" ("aa-unconfined"), "flag" ("semodule -l",
    "semanage login -l": the program, perhaps a subcommand, then option flags and nothing after them), or
    None: a word after a flag, or no flag after the program's words ("semodule -r module", "setsebool
    boolean value", "aa-genprof dhclient") is a placeholder of a syntax line or one example's argument,
    and an option alone in that form beside the others gives itself away or out (RUBRIC.md, 4)."""
    words = command.split()
    if len(words) == 1:
        return "bare"
    flags = [i for i, w in enumerate(words) if w.startswith("-")]
    if flags and all(words[i].startswith("-") for i in range(flags[0], len(words))) \
            and all(re.fullmatch(r"[a-z][a-z-]*", w) for w in words[1:flags[0]]):
        return "flag"
    return None


def _flagged(command: str) -> str:
    """The command as a program with its flags: "semodule -r module" -> "semodule -r", "semanage login -d
    user" -> "semanage login -d": what follows the flags is a placeholder of a syntax line or one example's
    value, not what tells the commands apart. A command with no flag is returned as it is."""
    words = command.split()
    for i in range(1, len(words)):
        if words[i - 1].startswith("-") and not words[i].startswith("-"):
            return " ".join(words[:i])
    return command


def command_question(text: str, doc, commands: tuple[str, ...], rng: Callable[[str], float],
                     says_same_of: Callable[[str, str, set[str], str], bool]) -> CommandQuestion | None:
    """"Which command <verb>s ...?" / "With which command can you ...?" / "Which command can be used
    to ...?" / "Which command is responsible for ...?" of a sentence naming one of `commands`, when
    the notes name at least three others to offer. `says_same_of(other, lemma, wanted, text)`: the notes say
    of `other` what the question asks (gen_named.NamedThings.says_same_of)."""
    if len(commands) < MIN_COMMANDS:
        return None
    found = None
    for name in sorted(commands, key=len, reverse=True):
        n = re.escape(name)
        for pattern, form in ((rf"^{_OPENERS}(?:[Tt]he )?{n}(?: command)? (?P<verb>[a-z]+s) (?P<rest>.+?)\.$", "does"),
                              (rf"^With the {n} command, you can (?P<rest>.+?)\.$", "with"),
                              (rf"^{_OPENERS}(?:[Tt]he )?{n}(?: command)? can be used to (?P<rest>.+?)\.$", "used"),
                              (rf"^{_OPENERS}(?:[Tt]he )?{n}(?: command)? is responsible for (?P<rest>.+?)\.$", "for"),
                              (rf"^{_OPENERS}(?P<verb>[A-Z]?[a-z]+ing) (?P<rest>.+?) (?:is|can be) done "
                               rf"(?:with|using) (?:the )?{n}(?: command)?\.$", "done"),
                              (rf"^{_TO}(?P<verb>[a-z]+) (?P<rest>[^,]+?), you (?:should|can|must|may|need to|have to) "
                               rf"(?:use|call|run|execute|type|invoke) (?:the )?{n}(?: command)?\.$", "to"),
                              (rf"^.*?\bprovides? (?:an?|the) {n} command to (?P<verb>[a-z]+) (?P<rest>.+?)\.$", "to"),
                              (rf"^(?P<subject>(?:The|A|An) [^,]+?) (?:is|are) (?P<verb>[a-z]+ed(?: and [a-z]+ed)?) "
                               rf"(?P<rest>.+?) by the {n} command\.$", "by")):
            found = re.match(pattern, text)
            if found:
                break
        if found:
            break
    if not found or not _shown(name) or _form(name) is None:
        return None  # the answer in a form no three options could share without placeholders
    rest = found.group("rest")
    start, end = found.start("rest"), found.end("rest")
    if form == "by":
        # "The profiles are compiled and loaded into the kernel by the `X` command": X compiles and
        # loads the profiles into the kernel. Each verb a past participle of VERBS said in the third person.
        said = []
        for verb in re.finditer(r"[a-z]+ed", found.group("verb")):
            token = next((t for t in doc if t.idx == found.start("verb") + verb.start()), None)
            if token is None or token.tag_ != "VBN" or token.lemma_.lower() not in VERBS:
                return None
            said.append(third_person(token.lemma_.lower()))
        lemma = ""
        subject = found.group("subject")
        rest = f"{subject[0].lower()}{subject[1:]} {found.group('rest')}"
        start = 0
        prompt = f"Which command {' and '.join(said)} {rest}?"
    elif form in {"does", "done", "to"}:
        # "the X command lists ...", "Removing a module ... is done with X", "To find ..., you should call
        # X": each says what X does, asked "Which command <verb>s ...?".
        verb = found.group("verb")
        token = next((t for t in doc if t.idx == found.start("verb")), None)
        tag = {"does": "VBZ", "done": "VBG", "to": "VB"}[form]
        if token is not None and form == "does" and token.tag_ == "NNS" and token.i + 1 < len(doc) \
                and doc[token.i + 1].tag_ == "DT":
            tag = "NNS"  # "`dockctl -s` prints the berths ...": after a name it does not know, the parser may
            # read the verb as a plural noun; a plural noun right before "the" is none
        if token is None or token.tag_ != tag or token.lemma_.lower() not in VERBS:
            return None  # "the rsync command is preceded by ...": not what the command does
        lemma = token.lemma_.lower()
        prompt = f"Which command {verb if form == 'does' else third_person(lemma)} {rest}?"
    else:
        lemma = ""
        prompt = {"with": f"With which command can you {rest}?", "used": f"Which command can be used to {rest}?",
                  "for": f"Which command is responsible for {rest}?"}[form]
    # What the question shows ends with `rest`: ", you should call X", "by the X command" after it is not asked.
    doc = [t for t in doc if t.idx < end]
    words = re.findall(r"[\w'-]+", rest)
    if not 2 <= len(words) <= MAX_WORDS or rest_points_outside(rest, doc, start) or shows_code(rest) \
            or re.search(r"\(|\[|\.\s|\d\.\d", rest):
        return None  # a reference left in ("(see [Section ..."), another sentence run on, code in the stem
    program = name.split()[0]
    form = _form(name)
    flags = {w for w in name.split() if w.startswith("-")}
    stem_words = {w.lower() for w in words}
    wanted = {t.lemma_.lower() for t in doc if t.idx >= start and t.is_alpha and not t.is_stop and len(t.text) > 2}
    options: dict[str, None] = {}
    for other in commands:
        shown_as = _flagged(other) if form == "flag" else other
        if other == name or shown_as == name or not _shown(shown_as) or len(other.split()) > MAX_COMMAND_WORDS \
                or other.startswith(name + " ") \
                or name.startswith(other + " ") or other.split()[0] == program and len(other.split()) == 1 \
                or _form(shown_as) != form:
            continue  # "semodule" beside "semodule -l": the program itself is not wrong; every option
            # the answer's form: all bare, or all a program with its flags, placeholders after a flag
            # dropped ("semanage" or "semodule -r module" beside "id -Z" would be out by its form alone);
            # a long example run stays out ("semanage port -m -t http_port_t -p tcp 8080", not "... -m -t")
        if says_same_of(shown_as, lemma, wanted, text):
            continue  # "semodule -r" is checked wherever the notes name "semodule -r <anything>"
        options.setdefault(shown_as, None)
    # Other uses of the same program first ("semodule -d" beside "semodule -l"), then commands with the
    # answer's flag ("semodule -l" beside "semanage login -l" for "Which command lists ...?": the answer
    # is not the one "-l"), then the rest.
    wrong = sorted(options, key=lambda o: (o.split()[0] != program, not flags & set(o.split()), rng(o)))[:MAX_WRONG]
    if len(wrong) < MAX_WRONG:
        return None
    for part in (p for p in re.split(r"[\s_-]+", name.lower()) if len(p) >= 3):
        if any(len(w) >= 3 and (w in part or w.rstrip("s") in part) for w in stem_words) \
                and not all(part in o.lower() for o in wrong):
            # "ssh-vulnkey" beside "compromised keys", "setsebool boolean value" beside "a Boolean option":
            # the stem spells the answer, unless every option shares the word ("semodule -l" beside
            # "semodule -d", "semodule -r module" for "the modules which are installed").
            return None
    wrong_words = {w for o in wrong for w in o.lower().split()}
    if any(w in stem_words or w.rstrip("s") in stem_words or w + "s" in stem_words
           for w in name.lower().split()[1:] if w[:1].isalpha() and w not in wrong_words):
        # "Which command removes a module ...?" -> "semodule -r module" beside "semodule -d": the one
        # option whose argument is the stem's word gives itself away by its form (RUBRIC.md, 4).
        return None
    shown = sorted([name, *wrong], key=lambda o: rng("order" + o))
    return CommandQuestion(prompt, name, tuple(shown))

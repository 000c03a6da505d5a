"""How answers, reports and status look on Discord, always within Discord's limits."""

from __future__ import annotations

import discord

from bot.core.answering import CLOSEST, NOT_COVERED, NOTES_EMPTY, Answer
from bot.core.indexer import IndexReport
from bot.core.text import CODE_FENCE
from bot.discord_bot import limits

COLOUR = {"confident": discord.Colour.green(), CLOSEST: discord.Colour.gold(), NOT_COVERED: discord.Colour.light_grey()}
TITLE = {"confident": "From the course notes", CLOSEST: "The closest passage in the notes (it may not answer this)",
         NOT_COVERED: "That is not in the course notes"}
EMPTY_NOTES_TEXT = "The notes are empty: there is nothing to answer from until a moderator adds documents."


def answer_embed(answer: Answer) -> discord.Embed:
    embed = discord.Embed(title=TITLE[answer.tier], colour=COLOUR[answer.tier])
    embed.set_author(name=limits.clip(f"Q: {answer.question}", limits.EMBED_TITLE))
    if answer.reason == NOTES_EMPTY:
        embed.description = EMPTY_NOTES_TEXT
        return embed
    if answer.abstained:
        lines = ["I could not find this in the course notes, so I won't guess."]
        if answer.nearest_topics:
            lines.append("The nearest topics in the notes: " + "; ".join(answer.nearest_topics))
        embed.description = limits.clip("\n".join(lines), limits.EMBED_DESCRIPTION)
        return embed
    quoted = [numbered(sentence, f"**[{n}]**") for n, sentence in enumerate(answer.sentences, 1)]
    embed.description = limits.fit_lines(quoted, limits.EMBED_DESCRIPTION, "\n\n",
                                         more="…({n} more in the notes)")
    sources = [f"**[{n}]** {c.label()}" for n, c in enumerate(answer.citations, 1)]
    embed.add_field(name="Sources", value=limits.fit_lines(sources, limits.EMBED_FIELD_VALUE), inline=False)
    embed.set_footer(text="Answers are quoted from the notes. Was this helpful?")
    return embed


def answer_text(answer: Answer) -> str:
    """A plain-text answer for channels where the bot may not embed links."""
    if answer.reason == NOTES_EMPTY:
        return EMPTY_NOTES_TEXT
    if answer.abstained:
        return "That is not in the course notes."
    lines = [numbered(s, f"[{n}]") for n, s in enumerate(answer.sentences, 1)]
    lines += [f"[{n}] {c.label()}" for n, c in enumerate(answer.citations, 1)]
    return limits.fit_lines(lines, limits.MESSAGE)


def numbered(quote: str, mark: str) -> str:
    """A quote with its source's number after it; on a line of its own after code, whose closing
    fence must end its line."""
    return f"{quote}\n{mark}" if quote.endswith(CODE_FENCE) else f"{quote} {mark}"


def progress_text(title: str, stage: str, done: int, total: int, eta_seconds: float | None) -> str:
    width = 20
    share = done / total if total else 0.0
    bar = "█" * round(share * width) + "░" * (width - round(share * width))
    eta = f" · about {_duration(eta_seconds)} left" if eta_seconds is not None and done < total else ""
    return limits.clip(f"{title}\n{stage}: `{bar}` {share:.0%} ({done}/{total}){eta}", limits.MESSAGE)


def report_text(report: IndexReport, title: str = "Reindex finished") -> str:
    if report.unchanged:
        body = f"Nothing changed: {report.documents} documents, {report.chunks} chunks, nothing to embed."
    else:
        parts = [f"{len(report.added)} added", f"{len(report.changed)} changed", f"{len(report.removed)} removed"]
        body = (f"Documents: {', '.join(parts)}. Chunks: {report.embedded} embedded, {report.reused} reused. "
                f"The index now holds {report.documents} documents and {report.chunks} chunks: answers from "
                f"them after {report.answers_seconds:.1f} s, its {report.quiz_items} quiz questions after "
                f"{report.seconds:.1f} s.")
        for label, names in (("Added", report.added), ("Changed", report.changed), ("Removed", report.removed)):
            if names:
                body += f"\n{label}: " + ", ".join(names)
    if report.skipped:
        body += "\nSkipped (could not be read): " + "; ".join(f"{n} ({why})" for n, why in report.skipped.items())
    return limits.clip(f"**{title}.** {body}", limits.MESSAGE)


def _duration(seconds: float) -> str:
    seconds = max(0, int(seconds))
    return f"{seconds // 60} min {seconds % 60} s" if seconds >= 60 else f"{seconds} s"

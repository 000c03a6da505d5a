"""How quiz questions look when posted and when revealed."""

from __future__ import annotations

from datetime import datetime

import discord

from bot.core.quiz.items import TRUE_FALSE, QuizItem
from bot.discord_bot import limits
from bot.core.quiz.records import Post, Tally
from bot.services.quiz import CHANGED, CLOSED, NEW, AnswerOutcome

LETTERS = "ABCDE"


def choice_label(item: QuizItem, index: int) -> str:
    return item.options[index] if item.kind == TRUE_FALSE else LETTERS[index]


def _timestamp(moment: datetime, style: str = "t") -> str:
    return f"<t:{int(moment.timestamp())}:{style}>"  # shown in each reader's own time zone


def options_text(item: QuizItem, right: int | None = None) -> str:
    if item.kind == TRUE_FALSE:
        return ""
    lines = []
    for index, option in enumerate(item.options):
        mark = " ✅" if right is not None and index == right else ""
        lines.append(f"**{LETTERS[index]}.** {limits.clip(option, 300)}{mark}")
    return "\n".join(lines)


def question_embed(post: Post, of: int) -> discord.Embed:
    item = post.item
    title = "Quiz" + (f": question {post.slot} of {of}" if of > 1 else "")
    body = "\n\n".join(p for p in (limits.clip(item.prompt, 1500), options_text(item)) if p)
    embed = discord.Embed(title=title, description=limits.clip(body, limits.EMBED_DESCRIPTION),
                          colour=discord.Colour.blurple())
    embed.add_field(name="Closes", value=f"{_timestamp(post.closes_at)} ({_timestamp(post.closes_at, 'R')})")
    embed.set_footer(text="Click your answer; you can change it until the reveal. Only you see your choice.")
    return embed


def reveal_embed(post: Post, tally: Tally) -> discord.Embed:
    item = post.item
    right = item.answer_index
    answer = f"{LETTERS[right]}. {item.answer}" if item.kind != TRUE_FALSE and right is not None else item.answer
    body = "\n\n".join(p for p in (limits.clip(item.prompt, 1500), options_text(item, right)) if p)
    embed = discord.Embed(title="Quiz: answer revealed" + (f" (question {post.slot})" if post.slot > 1 else ""),
                          description=limits.clip(body, limits.EMBED_DESCRIPTION), colour=discord.Colour.green())
    embed.add_field(name="Answer", value=limits.clip(answer, limits.EMBED_FIELD_VALUE), inline=False)
    share = (f"{tally.right} of {tally.answered} got it right ({tally.share_right:.0%})" if tally.answered
             else "Nobody answered this one.")
    embed.add_field(name="Class", value=share, inline=False)
    if item.source:
        quote = f"> {limits.clip(item.source.quote, 700)}\n{item.source.label()}"
        embed.add_field(name="Source", value=limits.clip(quote, limits.EMBED_FIELD_VALUE), inline=False)
    if item.explanation:
        embed.add_field(name="Why", value=limits.clip(item.explanation, limits.EMBED_FIELD_VALUE), inline=False)
    return embed


def answer_reply(outcome: AnswerOutcome) -> str:
    """What a student sees (privately) after clicking an option."""
    item, label = outcome.post.item, choice_label(outcome.post.item, outcome.choice)
    if outcome.status == CLOSED:
        return f"This question has closed. The answer was **{label}**: {item.answer}."
    closes = _timestamp(outcome.post.closes_at)
    if outcome.status == NEW:
        return f"Recorded: **{label}**. You can change it until {closes}; the answer comes then."
    if outcome.status == CHANGED:
        return f"Changed to **{label}**. You can change it until {closes}."
    return f"Your answer is already **{label}**."

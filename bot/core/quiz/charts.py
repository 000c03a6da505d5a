"""The /quiz stats chart: share right per question (or per section), as PNG bytes.

matplotlib is imported inside the function: it costs about a second (and builds a font cache the
first time), which only /quiz stats should pay. The figure is a bare `matplotlib.figure.Figure`
drawn by the Agg canvas: no pyplot, so no global current-figure state and no GUI backend, which is
what makes it safe to call from a worker thread (`asyncio.to_thread`) while other charts render.
The PNG carries no timestamp or version metadata, so the same stats give the same bytes.
"""

from __future__ import annotations

import io

from bot.core.quiz.results import QuestionStat, SectionScore, section_stats

MAX_QUESTION_BARS = 15  # more than this, and one bar per section reads better
LABEL_CHARS = 42
WIDTH_PX, DPI = 1000, 100
BAR_PX, MARGIN_PX = 40, 120


def _clip(text: str, limit: int = LABEL_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


def _bars(stats: list[QuestionStat]) -> tuple[list[str], list[float], list[str], str]:
    """(labels, shares, value notes, what a bar is)."""
    if len(stats) <= MAX_QUESTION_BARS:
        labels = [_clip(f"Q{n} · {s.item.prompt}") for n, s in enumerate(stats, 1)]
        rows: list[QuestionStat | SectionScore] = list(stats)
        unit = "question"
    else:
        sections = section_stats(stats)
        labels = [_clip(s.section) for s in sections]
        rows = list(sections)
        unit = "section"
    shares, notes = [], []
    for row in rows:
        share = row.share_right if isinstance(row, QuestionStat) else row.share
        shares.append(share)
        notes.append(f"{share:.0%} ({row.right}/{row.answered})" if row.answered else "no answers")
    return labels, shares, notes, unit


def share_right_chart(stats: list[QuestionStat], title: str) -> bytes:
    """Horizontal bars, first question on top, sized for Discord's preview (1000 px wide)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    labels, shares, notes, unit = _bars(stats)
    count = max(len(labels), 1)
    figure = Figure(figsize=(WIDTH_PX / DPI, (MARGIN_PX + BAR_PX * count) / DPI), dpi=DPI)
    FigureCanvasAgg(figure)  # attaches the Agg canvas to this figure only
    axes = figure.add_subplot()
    if labels:
        positions = list(range(len(labels)))
        colours = [_colour(share) for share in shares]
        axes.barh(positions, [share * 100 for share in shares], color=colours, height=0.65)
        axes.set_yticks(positions, labels, fontsize=11)
        axes.invert_yaxis()
        for position, share, note in zip(positions, shares, notes):
            axes.text(min(share * 100 + 1, 101), position, note, va="center", fontsize=10)
    else:
        axes.set_yticks([])
        axes.text(50, 0.5, "No questions in this period", ha="center", va="center", fontsize=12)
        axes.set_ylim(0, 1)
    axes.set_xlim(0, 115)  # room for the notes right of a full bar
    axes.set_xticks(range(0, 101, 25), [f"{t}%" for t in range(0, 101, 25)])
    axes.set_xlabel(f"share of right answers per {unit}", fontsize=10)
    axes.set_title(_clip(title, 90), fontsize=13)
    axes.spines[["top", "right"]].set_visible(False)
    axes.grid(axis="x", alpha=0.3)
    axes.set_axisbelow(True)
    figure.tight_layout()
    buffer = io.BytesIO()
    # No "Software" (matplotlib version) chunk: identical bytes for identical stats.
    figure.savefig(buffer, format="png", metadata={"Software": None})
    return buffer.getvalue()


def _colour(share: float) -> str:
    """Red below half right, amber below 80 %, green above: the teacher's eye goes to the red."""
    if share < 0.5:
        return "#d9534f"
    if share < 0.8:
        return "#f0ad4e"
    return "#5cb85c"

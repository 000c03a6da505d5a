"""Quiz results from stored answers: the leaderboard, a student's own record, per-question stats.

Pure functions over the rows (bot.core.quiz.records) that `bot.store.quiz_results.QuizResults` returns, so the leaderboard,
/quiz me, /quiz stats and the export all count the very same answers.

Rules (chosen so that a student can check them by hand):

* Periods are whole local days in the caller's zone: "week" is today and the 6 days before it,
  "month" today and the 29 days before, each from local midnight; "all" has no start. A rolling
  window never empties the board on Monday morning, and starting at midnight makes "this week" the
  same list of questions all day long. The filter is on when a question was *posted*.
* Leaderboard score = right answers. Equal scores share a rank (competition ranking: 1, 1, 3);
  within a tie, rows are listed by name. Answering more does not break a tie, so guessing on every
  question is never better than thinking about fewer.
* Streaks count a schedule's posting days on which the student answered at least one question,
  in the schedule's own zone (see bot.core.quiz.streaks). Questions posted with /quiz now have no
  schedule and do not count. A student's streak is the best current streak over the schedules.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from bot.core.quiz.items import QuizItem
from bot.core.quiz.records import REVEALED, AnswerRow, Post
from bot.core.quiz.schedule import local_date_of, resolve_wall_time
from bot.core.quiz.streaks import longest_streak, streak
from bot.errors import InvalidInputError


PERIODS = ("week", "month", "all")
_PERIOD_DAYS = {"week": 7, "month": 30}
TEACHER_SECTION = "Teacher questions"
WEAKEST_COUNT = 3


def period_start(period: str, now: datetime, tz: str = "UTC") -> datetime | None:
    """The UTC instant a period starts (local midnight `days - 1` days before today), or None."""
    key = (period or "").strip().lower()
    if key == "all":
        return None
    if key not in _PERIOD_DAYS:
        raise InvalidInputError(f'Unknown period "{period}": use week, month or all.',
                                hint="week = the last 7 days, month = the last 30, all = everything.")
    zone = ZoneInfo(tz)
    first_day = local_date_of(now, tz) - timedelta(days=_PERIOD_DAYS[key] - 1)
    # resolve_wall_time copes with a midnight that does not exist (a DST change at 00:00).
    return resolve_wall_time(first_day, time(0, 0), zone)


def section_of(item: QuizItem) -> str:
    """The section a question counts under (teachers' questions without a source share one)."""
    if item.source is not None and item.source.section:
        return item.source.section
    return item.topic or TEACHER_SECTION


# --- leaderboard ----------------------------------------------------------------------------

@dataclass(frozen=True)
class LeaderRow:
    rank: int
    user_id: int
    user_name: str
    right: int
    answered: int


def _ranked(answers: Iterable[AnswerRow]) -> list[LeaderRow]:
    right: Counter[int] = Counter()
    answered: Counter[int] = Counter()
    names: dict[int, tuple[datetime, str]] = {}
    for row in answers:
        answered[row.user_id] += 1
        right[row.user_id] += row.correct
        # The name the student used most recently: people rename themselves.
        if row.user_id not in names or row.answered_at >= names[row.user_id][0]:
            names[row.user_id] = (row.answered_at, row.user_name)
    order = sorted(answered, key=lambda u: (-right[u], names[u][1].casefold(), u))
    rows: list[LeaderRow] = []
    for position, user in enumerate(order, 1):
        rank = rows[-1].rank if rows and rows[-1].right == right[user] else position
        rows.append(LeaderRow(rank, user, names[user][1], right[user], answered[user]))
    return rows


def leaderboard(answers: list[AnswerRow], top: int = 10) -> list[LeaderRow]:
    """The first `top` rows (a tie straddling the cut is cut too: the caller shows rank_of)."""
    return _ranked(answers)[:top]


def rank_of(answers: list[AnswerRow], user_id: int) -> LeaderRow | None:
    """The student's own row, wherever it is; None when they answered nothing in the period."""
    return next((row for row in _ranked(answers) if row.user_id == user_id), None)


# --- a student's record ---------------------------------------------------------------------

@dataclass(frozen=True)
class SectionScore:
    section: str
    right: int
    answered: int

    @property
    def share(self) -> float:
        return self.right / self.answered if self.answered else 0.0


@dataclass(frozen=True)
class StudentRecord:
    answered: int
    right: int
    streak: int  # the best current streak over the guild's schedules
    best_streak: int  # the best run ever, over the same schedules
    weakest: list[SectionScore]  # up to 3, lowest share right first; never a section all right


def student_record(answers: list[AnswerRow], posts: list[Post], user_id: int, zones: dict[int, str],
                   now: datetime) -> StudentRecord:
    """`answers` and `posts`: all of the guild (revealed). `zones`: schedule id → IANA zone; a
    schedule missing from it (removed) counts only towards best_streak."""
    mine = [row for row in answers if row.user_id == user_id]
    answered_post_ids = {row.post_id for row in mine}
    by_schedule: dict[int, list[Post]] = defaultdict(list)
    for post in posts:
        if post.schedule_id is not None:
            by_schedule[post.schedule_id].append(post)
    current = best = 0
    for schedule_id, its_posts in by_schedule.items():
        scheduled = sorted({p.local_date for p in its_posts})
        done = {p.local_date for p in its_posts if p.id in answered_post_ids}
        best = max(best, longest_streak(done, scheduled))
        if schedule_id in zones:
            # Only a question still open may be pending; a revealed one left unanswered breaks it.
            pending = {p.local_date for p in its_posts if p.status != REVEALED} - done
            today = local_date_of(now, zones[schedule_id])
            current = max(current, streak(done, scheduled, today, open_dates=pending))
    return StudentRecord(answered=len(mine), right=sum(row.correct for row in mine), streak=current,
                         best_streak=best, weakest=_weakest(mine))


def _weakest(mine: list[AnswerRow]) -> list[SectionScore]:
    scores = _sections((section_of(row.item), row.correct) for row in mine)
    weak = [s for s in scores if s.right < s.answered]
    # Lowest share first; on a tie the section with more answers is the surer weakness.
    return sorted(weak, key=lambda s: (s.share, -s.answered, s.section.casefold()))[:WEAKEST_COUNT]


def _sections(outcomes: Iterable[tuple[str, int | bool]]) -> list[SectionScore]:
    right: dict[str, int] = {}
    answered: dict[str, int] = {}
    for section, correct in outcomes:
        right[section] = right.get(section, 0) + int(correct)
        answered[section] = answered.get(section, 0) + 1
    return [SectionScore(section, right[section], answered[section]) for section in answered]


# --- per-question stats (teachers) ----------------------------------------------------------

@dataclass(frozen=True)
class QuestionStat:
    post_id: int
    item: QuizItem
    answered: int
    right: int
    most_chosen_wrong: tuple[str, int] | None  # (option text, how many chose it)

    @property
    def share_right(self) -> float:
        return self.right / self.answered if self.answered else 0.0


def question_stats(posts: list[Post], answers: list[AnswerRow]) -> list[QuestionStat]:
    """One row per post, in posting order, posts nobody answered included (with 0 answers)."""
    by_post: dict[int, list[AnswerRow]] = defaultdict(list)
    for row in answers:
        by_post[row.post_id].append(row)
    stats = []
    for post in sorted(posts, key=lambda p: (p.opens_at, p.slot, p.id)):
        rows = by_post.get(post.id, [])
        wrong = Counter(row.choice for row in rows if not row.correct)
        most = None
        if wrong:
            # Most chosen; on a tie the option listed first, so the result never depends on order.
            choice, count = min(wrong.items(), key=lambda kv: (-kv[1], kv[0]))
            options = post.item.options
            most = (options[choice] if 0 <= choice < len(options) else f"option {choice + 1}", count)
        stats.append(QuestionStat(post.id, post.item, len(rows), sum(r.correct for r in rows), most))
    return stats


def section_stats(stats: list[QuestionStat]) -> list[SectionScore]:
    """Answers and right answers per section, sections in the order first posted."""
    totals: dict[str, list[int]] = {}
    for stat in stats:
        entry = totals.setdefault(section_of(stat.item), [0, 0])
        entry[0] += stat.right
        entry[1] += stat.answered
    return [SectionScore(section, right, answered) for section, (right, answered) in totals.items()]

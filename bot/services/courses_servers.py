"""Which course a server, or a student's direct message, is served from.

A server uses the course it was given: its own (made by its first upload; its moderators change
its notes) or another server's that a teacher pointed it at (two sections of one class). A server
with neither serves the default course or nothing, as SERVERS_WITHOUT_NOTES says. A direct message
is served from the course of the servers the student shares with the bot: one course, that one;
several, the one the student chose (asked once, remembered, changeable)."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime

from bot.core.corpus_files import check_upload
from bot.core.courses import DEFAULT_COURSE, name_from
from bot.core.indexer import ProgressFn
from bot.errors import NotFoundError, PermissionDeniedError
from bot.service import DocumentChange, StudyService
from bot.services.courses import Courses
from bot.store.bot_guilds import BotGuilds
from bot.store.course_servers import CourseServers

SERVE_DEFAULT, SERVE_NOTHING = "default", "none"


class NoCourseError(NotFoundError):
    """A server (or a direct message) has no course to answer from."""


@dataclass(frozen=True)
class DirectCourse:
    """The course of a direct message: `course` when it is known; else the student chooses one of
    `choices` first."""

    course: str | None
    choices: tuple[str, ...]


class ServerCourses:
    def __init__(self, courses: Courses, servers: CourseServers, *, without_notes: str,
                 clock: Callable[[], datetime], bot_guilds: BotGuilds | None = None) -> None:
        """`bot_guilds`: the servers the bot is in across processes (None: only the ones a
        caller names)."""
        self.courses = courses
        self.servers = servers
        self.without_notes = without_notes
        self.clock = clock
        self.bot_guilds = bot_guilds
        self._creating = threading.Lock()  # two first uploads at once make one course

    # --- servers ----------------------------------------------------------------------------------

    def name_of(self, guild_id: int) -> str | None:
        assigned = self.servers.of_guild(guild_id)
        if assigned is not None:
            return assigned.course
        return DEFAULT_COURSE if self.without_notes == SERVE_DEFAULT else None

    def of_guild(self, guild_id: int) -> StudyService:
        name = self.name_of(guild_id)
        if name is None:
            raise NoCourseError("This server has no course notes yet.",
                                hint="A moderator can add some with /corpus upload.")
        return self.courses.get(name)

    def own_course(self, guild_id: int) -> StudyService | None:
        """The course whose notes this server's moderators may change, None before its first
        upload; a server pointed at another server's course may not change that one."""
        assigned = self.servers.of_guild(guild_id)
        if assigned is None:
            return None
        if not assigned.owner:
            raise PermissionDeniedError(f"This server uses the course “{assigned.course}” of another server; "
                                        "its notes are changed there.")
        return self.courses.get(assigned.course)

    def owned(self, guild_id: int) -> StudyService:
        """As `own_course`, for changes that need notes (remove, reindex)."""
        course = self.own_course(guild_id)
        if course is None:
            raise NoCourseError("This server has no notes of its own yet.",
                                hint="Upload a document with /corpus upload to start them.")
        return course

    def upload(self, guild_id: int, guild_name: str, by: int, filename: str, data: bytes,
               progress: ProgressFn | None = None) -> DocumentChange:
        """Add a document to the server's own course; the first upload of a server that has none
        makes it (named after the server). A file that cannot be read makes and changes nothing."""
        check_upload(filename, data, int(self.courses.settings.upload_max_mb * 1_000_000))
        with self._creating:
            course = self.own_course(guild_id)
            if course is None:
                name = name_from(guild_name, set(self.courses.names()))
                course = self.courses.create(name)
                self.servers.assign(guild_id, name, by=by, at=self.clock(), owner=True)
        return course.add_document(filename, data, progress)

    def point(self, guild_id: int, course: str, by: int, managed_guilds: Iterable[int]) -> StudyService:
        """Serve a server from an existing course. Allowed to a teacher with Manage Server in a
        server that owns the course (`managed_guilds`: the servers where they have it); the
        default course, to anyone when servers without notes are served it anyway."""
        service = self.courses.get(course)
        if not self.may_point(service.name, guild_id, self.servers.owners_of(service.name), managed_guilds):
            raise PermissionDeniedError(f"Only a teacher with Manage Server in the server that owns "
                                        f"“{service.name}” can share it with this server.")
        self.servers.assign(guild_id, service.name, by=by, at=self.clock())
        return service

    def may_point(self, course: str, guild_id: int, owners: Iterable[int], managed_guilds: Iterable[int]) -> bool:
        """The rule of `point`: the default course when servers without notes are served it
        anyway; else a course this server owns, or one owned by a server the teacher manages."""
        owners = set(owners)
        open_to_all = course == DEFAULT_COURSE and self.without_notes == SERVE_DEFAULT
        return open_to_all or guild_id in owners or bool(owners & set(managed_guilds))

    def courses_matching(self, text: str, limit: int) -> dict[str, list[int]]:
        """{course: its owner servers} for up to `limit` courses whose name contains `text`."""
        wanted = text.strip().lower()
        names = [n for n in self.courses.names() if wanted in n][:limit]
        return {name: self.servers.owners_of(name) for name in names}

    def owners_of(self, course: str) -> list[int]:
        """The servers that own a course (whose teachers may share it)."""
        return self.servers.owners_of(self.courses.get(course).name)

    def course_servers(self) -> dict[str, list[int]]:
        """{course: the servers it serves} (servers given a course; not those served the default
        because they have none)."""
        return self.servers.guilds_by_course()

    # --- the bot's servers, across processes ------------------------------------------------------

    def serving(self, guild_ids: Iterable[int], mine: Callable[[int], bool]) -> None:
        """This process serves `guild_ids` now: every server of its shards (`mine`)."""
        if self.bot_guilds is not None:
            self.bot_guilds.present(guild_ids, self.clock(), mine=mine)

    def joined(self, guild_id: int) -> None:
        if self.bot_guilds is not None:
            self.bot_guilds.joined(guild_id, self.clock())

    def left(self, guild_id: int) -> None:
        if self.bot_guilds is not None:
            self.bot_guilds.left(guild_id)

    def with_course(self, local_guild_ids: Iterable[int]) -> list[int]:
        """The servers with a course among this process's (`local_guild_ids`) and every other
        process's: a direct message may come from a student of any of them."""
        known = set(local_guild_ids) | set(self.bot_guilds.all() if self.bot_guilds is not None else ())
        if self.without_notes == SERVE_DEFAULT:
            return sorted(known)
        return sorted(known & set(self.servers.guilds_with_course()))

    # --- direct messages --------------------------------------------------------------------------

    def courses_of(self, guild_ids: Iterable[int]) -> tuple[str, ...]:
        return tuple(sorted({name for g in guild_ids if (name := self.name_of(g)) is not None}))

    def for_dm(self, user_id: int, guild_ids: Iterable[int]) -> DirectCourse:
        """The course of a student's direct message, from the servers they share with the bot."""
        names = self.courses_of(guild_ids)
        if not names:
            if self.without_notes == SERVE_DEFAULT:
                return DirectCourse(DEFAULT_COURSE, ())
            raise NoCourseError("None of your servers has course notes with me yet.")
        if len(names) == 1:
            return DirectCourse(names[0], names)
        chosen = self.servers.dm_choice(user_id)
        return DirectCourse(chosen if chosen in names else None, names)

    def choose_for_dm(self, user_id: int, course: str, guild_ids: Iterable[int]) -> str:
        names = self.courses_of(guild_ids)
        if course not in names:
            raise NotFoundError(f"“{course}” is not a course of a server you share with me.")
        self.servers.choose_for_dm(user_id, course, self.clock())
        return course

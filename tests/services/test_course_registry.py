"""Courses: one process, many courses. Each answers from its own notes; the default course is the
installation's top-level notes and index as they were; indexes load on first use and go past the
memory budget; the model and the embedding cache are shared; a reindex of one course never holds
up another's questions."""

from __future__ import annotations

import shutil
import threading
from pathlib import Path

import pytest

from bot.core.index_store import current_build
from bot.errors import InvalidInputError, NotFoundError
from bot.services.courses import Courses
from tests.conftest import make_settings

PHOTOSYNTHESIS = Path(__file__).resolve().parent.parent / "data" / "courses" / "photosynthesis.md"


def make_courses(tmp_path: Path, embedder, **extra) -> Courses:
    (tmp_path / "corpus").mkdir(exist_ok=True)
    settings = make_settings(tmp_path / "corpus", tmp_path / "index", courses_dir=tmp_path / "courses", **extra)
    return Courses(settings, embedder)


def add_note(courses: Courses, course: str, name: str, text: str) -> None:
    service = courses.get(course) if courses.exists(course) else courses.create(course)
    (service.corpus_dir / name).write_text(text, encoding="utf-8")
    service.reindex()


# --- plumbing (test embedder) --------------------------------------------------------------------

def test_the_default_course_is_the_top_level_notes_and_index(tmp_path, test_embedder):
    courses = make_courses(tmp_path, test_embedder)
    assert courses.names() == ["default"]
    default = courses.default
    assert (default.corpus_dir, default.index_dir) == (tmp_path / "corpus", tmp_path / "index")
    assert courses.get("default") is default


def test_other_courses_live_in_their_own_folders_and_are_listed(tmp_path, test_embedder):
    courses = make_courses(tmp_path, test_embedder)
    biology = courses.create("biology")
    assert biology.corpus_dir == tmp_path / "courses" / "biology" / "corpus"
    assert biology.index_dir == tmp_path / "courses" / "biology" / "index"
    courses.create("algebra-2")
    assert courses.names() == ["default", "algebra-2", "biology"]
    assert make_courses(tmp_path, test_embedder).names() == ["default", "algebra-2", "biology"]  # found again


@pytest.mark.parametrize("name", ["", "Biology 101", "../etc", "a" * 41, "-x"])
def test_a_name_that_cannot_name_a_folder_is_refused(tmp_path, test_embedder, name):
    with pytest.raises(InvalidInputError):
        make_courses(tmp_path, test_embedder).create(name)


def test_an_unknown_or_existing_course_is_a_clear_error(tmp_path, test_embedder):
    courses = make_courses(tmp_path, test_embedder)
    with pytest.raises(NotFoundError, match="no course “history”"):
        courses.get("history")
    with pytest.raises(InvalidInputError, match="exists already"):
        courses.create("default")


def test_the_same_text_in_two_courses_is_embedded_once(tmp_path, test_embedder):
    courses = make_courses(tmp_path, test_embedder)
    text = PHOTOSYNTHESIS.read_text(encoding="utf-8")
    add_note(courses, "biology", "photosynthesis.md", text)
    embedded = len(test_embedder.embedded)
    assert embedded > 0
    courses.create("biology-section-b")
    (courses.get("biology-section-b").corpus_dir / "plants.md").write_text(text, encoding="utf-8")
    report = courses.get("biology-section-b").reindex()
    assert report.chunks > 0 and report.embedded == 0 and report.reused == report.chunks
    assert len(test_embedder.embedded) == embedded


def test_indexes_past_the_memory_budget_are_let_go_least_recently_used_first(tmp_path, test_embedder):
    courses = make_courses(tmp_path, test_embedder)
    text = PHOTOSYNTHESIS.read_text(encoding="utf-8")
    for name in ("one", "two", "three"):
        add_note(courses, name, "notes.md", text.replace("Photosynthesis", f"Photosynthesis {name}"))
    sizes = {name: courses.get(name).loaded_bytes for name in ("one", "two", "three")}
    assert all(size > 0 for size in sizes.values())
    # A budget that holds two of the three indexes.
    two_largest = sum(sorted(sizes.values())[1:])
    courses = make_courses(tmp_path, test_embedder, course_memory_mb=(two_largest + 100) / 1e6)
    courses.get("one").ask("What does chlorophyll absorb?")
    courses.get("two").ask("What does chlorophyll absorb?")
    assert list(courses.loaded()) == ["one", "two"]
    courses.get("one").ask("Where does the Calvin cycle happen?")  # one is now the most recent
    courses.get("three").ask("What does chlorophyll absorb?")
    assert list(courses.loaded()) == ["one", "three"]
    assert not courses.get("two").loaded and courses.evictions == 1
    chunks = courses.get("two").retriever().index.chunks  # loads again, its own notes
    assert courses.get("two").loaded and "Photosynthesis two" in chunks[0].text
    assert sum(courses.loaded().values()) <= courses.budget_bytes


def test_a_course_larger_than_the_budget_is_still_served(tmp_path, test_embedder):
    courses = make_courses(tmp_path, test_embedder, course_memory_mb=0.001)
    add_note(courses, "biology", "photosynthesis.md", PHOTOSYNTHESIS.read_text(encoding="utf-8"))
    courses.get("biology").ask("What does chlorophyll absorb?")
    assert courses.get("biology").loaded and list(courses.loaded()) == ["biology"]


def test_a_reindex_of_one_course_never_holds_up_another_courses_questions(tmp_path, test_embedder):
    courses = make_courses(tmp_path, test_embedder)
    text = PHOTOSYNTHESIS.read_text(encoding="utf-8")
    add_note(courses, "biology", "photosynthesis.md", text)
    add_note(courses, "chemistry", "notes.md", text.replace("Photosynthesis", "Chemistry of leaves"))
    (courses.get("chemistry").corpus_dir / "more.md").write_text("# More\n\nRuBisCO is an enzyme.\n" * 20)
    inside, release = threading.Event(), threading.Event()

    def stall(stage: str, done: int, total: int) -> None:
        if stage == "embedding":
            inside.set()
            assert release.wait(60)

    reindex = threading.Thread(target=courses.get("chemistry").reindex, args=(stall,))
    reindex.start()
    try:
        assert inside.wait(60)
        assert courses.get("chemistry").reindexing
        answer = courses.get("biology").ask("Where does the Calvin cycle take place?")  # while chemistry's build waits
        assert answer.tier and {c.document for c in answer.citations} <= {"photosynthesis.md"}
        assert not courses.get("biology").reindexing
        courses.get("biology").reindex()  # the other course's own reindex is not refused either
    finally:
        release.set()
        reindex.join(60)
    assert "more.md" in courses.get("chemistry").documents()


# --- answers and the upgrade (real model) --------------------------------------------------------

@pytest.fixture
def two_courses(tmp_path, default_service, real_embedder) -> Courses:
    """The default course as an installation from before courses left it (a copy of the shipped
    notes and their index), and a biology course of its own."""
    shutil.copytree(default_service.corpus_dir, tmp_path / "corpus")
    shutil.copytree(default_service.index_dir, tmp_path / "index")
    courses = make_courses(tmp_path, real_embedder)
    add_note(courses, "biology", "photosynthesis.md", PHOTOSYNTHESIS.read_text(encoding="utf-8"))
    return courses


def test_each_course_answers_from_its_own_notes_only(two_courses):
    biology = two_courses.get("biology").ask("What pigment absorbs the light in photosynthesis?")
    assert biology.citations and {c.document for c in biology.citations} == {"photosynthesis.md"}
    assert "chlorophyll" in biology.text.lower()
    history = two_courses.default.ask("When did the Great Leap Forward start?")
    assert history.citations and {c.document for c in history.citations} == {"china-under-mao.txt"}
    assert "1958" in history.text
    # A question about the other course's notes finds nothing of them.
    crossed = two_courses.get("biology").ask("When did the Great Leap Forward start?")
    assert all(c.document == "photosynthesis.md" for c in crossed.citations)
    crossed = two_courses.default.ask("What pigment absorbs the light in photosynthesis?")
    assert all(c.document != "photosynthesis.md" for c in crossed.citations)


def test_an_installation_from_before_courses_is_the_default_course_with_nothing_re_embedded(
        tmp_path, default_service, real_embedder):
    shutil.copytree(default_service.corpus_dir, tmp_path / "corpus", dirs_exist_ok=True)
    shutil.copytree(default_service.index_dir, tmp_path / "index")
    build = current_build(tmp_path / "index")
    courses = make_courses(tmp_path, real_embedder)
    answer = courses.default.ask("When did the Great Leap Forward start?")
    assert "1958" in answer.text
    report = courses.default.reindex()
    assert report.unchanged and report.embedded == 0
    assert current_build(tmp_path / "index") == build  # the same build serves, untouched
    assert courses.default.quiz_bank().items  # its question bank too

"""Adding and removing course documents in the corpus folder, safely: an upload is checked (type,
size, readable text) before it is written, the file name cannot escape the folder, and a file is
written under a temporary name and moved into place in one step."""

from __future__ import annotations

import re
import tempfile
import unicodedata
from pathlib import Path

from bot.core.documents import Document
from bot.core.files import write_atomically
from bot.core.loaders import load_document
from bot.errors import DocumentError, InvalidInputError, NotFoundError

UPLOAD_SUFFIXES = (".txt", ".md", ".pdf", ".docx", ".html")
_UNSAFE = re.compile(r"[^A-Za-z0-9._ ()+-]+")


def sanitize_filename(filename: str) -> str:
    """A plain file name: no folders, no hidden or reserved names, ASCII, at most 100 characters."""
    base = filename.replace("\\", "/").rsplit("/", 1)[-1]
    base = unicodedata.normalize("NFKD", base).encode("ascii", "ignore").decode("ascii")
    base = _UNSAFE.sub("-", base).strip(" .-")
    stem, dot, suffix = base.rpartition(".")
    if not dot:
        stem, suffix = base, ""
    stem = re.sub(r"[-\s]+", "-", stem).strip("-")[:90] or "document"
    return f"{stem}.{suffix.lower()}" if suffix else stem


def check_upload(filename: str, data: bytes, max_bytes: int) -> tuple[str, Document]:
    """Validate an upload without touching the corpus; returns its safe name and parsed document."""
    name = sanitize_filename(filename)
    suffix = Path(name).suffix.lower()
    if suffix not in UPLOAD_SUFFIXES:
        raise InvalidInputError(f"{filename} is not a supported document type.",
                                hint="Upload a .txt, .md, .pdf, .docx or .html file.")
    if len(data) > max_bytes:
        raise InvalidInputError(
            f"{filename} is {len(data) / 1e6:.1f} MB; the limit is {max_bytes / 1e6:.0f} MB.",
            hint="Split it into smaller files, or ask the bot's host to raise UPLOAD_MAX_MB.")
    with tempfile.TemporaryDirectory() as folder:
        probe = Path(folder) / name
        probe.write_bytes(data)
        try:
            document = load_document(probe, name)
        except DocumentError as exc:
            raise InvalidInputError(f"{filename} could not be read: {exc.message.removeprefix(name + ': ')}.",
                                    hint="Nothing was changed.") from exc
    return name, document


def write_document(corpus_dir: Path, name: str, data: bytes) -> Path:
    return write_atomically(corpus_dir / name, data)


def resolve_document(corpus_dir: Path, name: str) -> Path:
    """The file of a document named as the index names it, refusing anything outside the folder."""
    path = (corpus_dir / name).resolve()
    if corpus_dir.resolve() not in path.parents or not path.is_file():
        raise NotFoundError(f"There is no document called {name!r} in the corpus.",
                            hint="`/corpus list` shows the documents.")
    return path

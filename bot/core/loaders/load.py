"""Load one course file: pick the parser for its type, then attach heading paths."""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable
from pathlib import Path

from bot.core.documents import Document
from bot.core.loaders.corpus import SUPPORTED_SUFFIXES
from bot.core.loaders.decoding import decode_text
from bot.core.loaders.docx_format import parse_docx
from bot.core.loaders.html_format import parse_html
from bot.core.loaders.markdown_format import parse_markdown
from bot.core.loaders.pdf_format import parse_pdf
from bot.core.loaders.plaintext import parse_plain_text
from bot.core.loaders.structure import Parsed, title_from_name, with_heading_paths
from bot.errors import DocumentError

logger = logging.getLogger(__name__)

Parser = Callable[[bytes, str], Parsed]


def load_document(path: Path, name: str) -> Document:
    """Read `path` into a Document called `name` (its corpus-relative name).

    Raises DocumentError, with a reason a user can act on, for unsupported, empty, binary, damaged
    or text-less files; no library exception escapes.
    """
    parser = _parser_for(path, name)
    data = _read_bytes(path, name)
    if not data.strip():
        raise DocumentError(f"{name}: the file is empty")
    parsed = _parse(parser, data, name)
    blocks = with_heading_paths(parsed.blocks)
    if not blocks:
        raise DocumentError(f"{name}: no text found")
    logger.debug("loaded %s: %d blocks", name, len(blocks))
    return Document(
        name=name,
        blocks=tuple(blocks),
        sha256=hashlib.sha256(data).hexdigest(),
        title=parsed.title or title_from_name(name),
        size_bytes=len(data),
    )


def _parser_for(path: Path, name: str) -> Parser:
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        kind = f"{suffix} files" if suffix else "files without an extension"
        raise DocumentError(
            f"{name}: {kind} are not a supported file type",
            hint=f"Supported: {', '.join(sorted(SUPPORTED_SUFFIXES))}.",
        )
    return _PARSERS[suffix]


def _read_bytes(path: Path, name: str) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError as exc:
        raise DocumentError(f"{name}: the file does not exist") from exc
    except OSError as exc:
        raise DocumentError(f"{name}: the file could not be read ({exc.strerror or exc})") from exc


def _parse(parser: Parser, data: bytes, name: str) -> Parsed:
    try:
        return parser(data, name)
    except DocumentError:
        raise
    except Exception as exc:  # a parser bug or a library surprise must not reach the user raw
        logger.exception("unexpected error while reading %s", name)
        raise DocumentError(f"{name}: the file could not be read") from exc


def _decoded(parse_text: Callable[[str], Parsed]) -> Parser:
    """Adapt a parser of text to a parser of bytes (the text formats share one decoding)."""

    def parse(data: bytes, name: str) -> Parsed:
        return parse_text(decode_text(data, name))

    return parse


# The format modules import their libraries (pypdfium2, python-docx, bs4) only when a file needs them.
_PARSERS: dict[str, Parser] = {
    ".txt": _decoded(parse_plain_text),
    ".md": _decoded(parse_markdown),
    ".markdown": _decoded(parse_markdown),
    ".html": _decoded(parse_html),
    ".htm": _decoded(parse_html),
    ".pdf": parse_pdf,
    ".docx": parse_docx,
}

"""Bytes -> text for the text formats, without ever failing on an encoding.

Course notes arrive from Word exports, old Windows machines and web pages: UTF-8 is tried first
(a BOM is dropped), then cp1252 (curly quotes saved by Windows tools), then latin-1, which decodes
any byte. What decoding cannot catch is a file that is not text at all, so that is checked on the
result: a real note has almost no control characters.
"""

from __future__ import annotations

import codecs
import logging
import re
import unicodedata

from bot.errors import DocumentError

logger = logging.getLogger(__name__)

_FALLBACK_ENCODINGS = ("cp1252", "latin-1")
_ALLOWED_CONTROLS = frozenset("\t\n\r\f\v")
_MAX_CONTROL_SHARE = 0.02  # binary files run far above this; real notes sit at 0
_MAX_NUL_SHARE = 0.01
_SAMPLE_CHARS = 200_000
_STRAY_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")


def decode_text(data: bytes, name: str) -> str:
    """Decode a text file's bytes, normalise line ends and Unicode, and reject binary content."""
    text = _decode(data, name)
    if _looks_binary(text):
        raise _binary_file(name)
    return clean_text(text)


def clean_text(text: str) -> str:
    """Unify line ends and drop invisible characters that break matching and sentence splitting."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n").replace("\v", "\n")
    text = unicodedata.normalize("NFC", text)
    for invisible in ("\ufeff", "\u200b", "\u00ad"):
        text = text.replace(invisible, "")
    text = _STRAY_CONTROLS.sub("", text)  # a stray control character would reach quoted answers
    return text.replace("\u00a0", " ")


def _decode(data: bytes, name: str) -> str:
    utf16 = _utf16_encoding(data)
    if utf16:
        try:
            return data.decode(utf16)
        except UnicodeDecodeError:
            logger.info("%s: UTF-16 byte order mark but undecodable content", name)
    if data.count(0) > _MAX_NUL_SHARE * len(data):
        raise _binary_file(name)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    for encoding in _FALLBACK_ENCODINGS:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        logger.info("%s is not UTF-8; read it as %s", name, encoding)
        return text
    raise AssertionError("latin-1 decodes every byte")  # pragma: no cover


def _utf16_encoding(data: bytes) -> str | None:
    """UTF-16 text (Notepad's "Unicode") is only recognised by its byte order mark."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    return None


def _looks_binary(text: str) -> bool:
    sample = text[:_SAMPLE_CHARS]  # binary content shows from the start; no need to scan it all
    if not sample:
        return False
    controls = sum(
        1 for char in sample if char not in _ALLOWED_CONTROLS and unicodedata.category(char) == "Cc"
    )
    return controls > _MAX_CONTROL_SHARE * len(sample)


def _binary_file(name: str) -> DocumentError:
    return DocumentError(
        f"{name}: this looks like a binary file, not text",
        hint="Save it as plain text (UTF-8) or use a supported format.",
    )

"""Word (.docx) -> blocks with python-docx, using the paragraph styles the author chose.

"Title" and "Heading N" styles give headings (a Title sits above every Heading 1), "List ..." styles
and numbered paragraphs give list items, tables give one paragraph per row. Paragraphs are read in
document order together with tables.
"""

from __future__ import annotations

import io
import logging
import re

from bot.core.documents import Block
from bot.core.loaders.decoding import clean_text
from bot.core.loaders.structure import Parsed, heading, list_item, paragraph
from bot.core.text import normalize_space
from bot.errors import DocumentError

logger = logging.getLogger(__name__)

_HEADING_STYLE = re.compile(r"^heading\s*(\d)$", re.IGNORECASE)


def parse_docx(data: bytes, name: str) -> Parsed:
    document = _open(data, name)
    items = list(document.iter_inner_content())
    titles = [_text_of(item) for item in items if not _is_table(item) and _style_name(item) == "title"]
    blocks: list[Block] = []
    for item in items:
        if _is_table(item):
            blocks.extend(_table_rows(item))
        else:
            blocks.append(_paragraph_block(item, heading_offset=1 if titles else 0))
    return Parsed(blocks, _declared_title(document) or normalize_space(titles[0] if titles else ""))


def _is_table(item) -> bool:
    return hasattr(item, "rows")


def _open(data: bytes, name: str):  # -> docx.document.Document, imported lazily
    import docx

    try:
        return docx.Document(io.BytesIO(data))
    except Exception as exc:  # BadZipFile, KeyError, PackageNotFoundError, XML errors...
        logger.info("%s: unreadable DOCX (%s)", name, exc)
        raise DocumentError(
            f"{name}: the Word file is damaged or is not a .docx document",
            hint="Old .doc files need saving as .docx first.",
        ) from exc


def _paragraph_block(item, heading_offset: int) -> Block:
    text = _text_of(item)
    style = _style_name(item)
    if style == "title":
        return heading(text, 1)
    match = _HEADING_STYLE.match(style)
    if match:
        return heading(text, int(match.group(1)) + heading_offset)
    if style.startswith("list") or _is_numbered(item):
        return list_item(text)
    return paragraph(text)


def _text_of(item) -> str:
    """The words as a text file of the same notes gives them: Word keeps zero-width spaces and soft
    hyphens that a .txt loses in `clean_text` (they split "model\u200b\u200bmany" from "modelmany")."""
    return normalize_space(clean_text(item.text))


def _style_name(item) -> str:
    try:
        style = item.style
    except Exception:  # a style id missing from styles.xml: read the paragraph as body text
        return ""
    return (style.name or "").strip().lower() if style is not None else ""


def _is_numbered(item) -> bool:
    """Bullets applied by hand (not through a List style) show up as numbering properties."""
    properties = item._p.pPr
    return properties is not None and properties.numPr is not None


def _table_rows(table) -> list[Block]:
    rows: list[Block] = []
    for row in table.rows:
        cells: list[str] = []
        for cell in row.cells:
            text = _text_of(cell)
            if text and (not cells or cells[-1] != text):  # merged cells repeat their text
                cells.append(text)
        if cells:
            rows.append(paragraph(" | ".join(cells)))
    return rows


def _declared_title(document) -> str:
    try:
        return normalize_space(document.core_properties.title or "")
    except Exception:  # damaged document properties are not worth failing the file for
        return ""

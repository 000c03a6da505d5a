"""Word (.docx) -> blocks with python-docx, using the paragraph styles the author chose.

"Title" and "Heading N" styles give headings (a Title sits above every Heading 1), "List ..." styles
and numbered paragraphs give list items, tables give one paragraph per row. Paragraphs are read in
document order together with tables.
"""

from __future__ import annotations

import io
import logging
import re

from bot.core.documents import TABLE_CELLS, Block
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
    text = _paragraph_text(item._p) if hasattr(item, "_p") else item.text
    return normalize_space(clean_text(text))


_MATH = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"


def _paragraph_text(p) -> str:
    """python-docx's `Paragraph.text` (runs and hyperlinks) with the paragraph's inline equations
    read in their place. Word writes subscripted names as inline math ("HC" + a math subscript 0 for
    HC₀, "u" + sub "t"); `Paragraph.text` skips `m:oMath`, so a chapter on the HC₀…HC₃ estimators
    read "…as HC." and every question naming HC0 or HC1 was declined as "never mentioned" (ans23).
    Display equations (`m:oMathPara`, a formula on its own line) stay out: read as text they are a
    string of symbols that no question asks for and that would pass for a sentence."""
    parts: list[str] = []
    for child in p.xpath("w:r | w:hyperlink | m:oMath"):
        parts.append(_math_text(child) if child.tag == _MATH + "oMath" else child.text)
    return "".join(parts)


def _math_text(element) -> str:
    """An equation's text as it reads: subscript and superscript after their base ("HC₀" -> "HC0"
    when the base is empty, as Word writes a subscript on a word; "u_t" and "u^2" on a visible
    base, as a text copy writes them), brackets from their delimiter, accents kept on their letter
    (a combining mark, as "Ω̂" in text). Property elements (`…Pr`) hold no text."""
    name = element.tag.rsplit("}", 1)[-1]
    if name == "t":
        return element.text or ""
    if name.endswith("Pr"):
        return ""
    if name == "d":
        properties = element.find(_MATH + "dPr")
        begin, end = _delimiter(properties, "begChr", "("), _delimiter(properties, "endChr", ")")
        return begin + "".join(_math_text(e) for e in element.findall(_MATH + "e")) + end
    parts = {child.tag.rsplit("}", 1)[-1]: _math_text(child) for child in element}
    if name in ("sSub", "sSup", "sSubSup"):
        base, sub, sup = parts.get("e", ""), parts.get("sub", ""), parts.get("sup", "")
        if not base.strip("\u200b"):  # a subscript on the word before it: part of that word
            return base + sub + sup
        return base + ("_" + sub if sub else "") + ("^" + sup if sup else "")
    if name == "acc":
        properties = element.find(_MATH + "accPr")
        return parts.get("e", "") + _delimiter(properties, "chr", "\u0302")
    if name == "f":
        return parts.get("num", "") + "/" + parts.get("den", "")
    return "".join(_math_text(child) for child in element)


def _delimiter(properties, name: str, default: str) -> str:
    """A math property's character (`m:val`); Word leaves it out when it is the default."""
    found = properties.find(_MATH + name) if properties is not None else None
    return found.get(_MATH + "val", default) if found is not None else default


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
            rows.append(paragraph(TABLE_CELLS.join(cells)))
    return rows


def _declared_title(document) -> str:
    try:
        return normalize_space(document.core_properties.title or "")
    except Exception:  # damaged document properties are not worth failing the file for
        return ""

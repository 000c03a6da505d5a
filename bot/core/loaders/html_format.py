"""HTML -> blocks with BeautifulSoup's built-in parser (no lxml needed).

Saved web pages carry menus, scripts and styles around the notes; those are dropped. Headings,
paragraphs and list items come from their tags; loose text inside a `div` becomes a paragraph so
that pages built without `<p>` still read.
"""

from __future__ import annotations

import warnings
from typing import TYPE_CHECKING

from bot.core.documents import TABLE_CELLS, Block
from bot.core.loaders.structure import Parsed, heading, list_item, paragraph
from bot.core.text import normalize_space

if TYPE_CHECKING:
    from bs4 import Tag

_DROPPED = frozenset(
    {"script", "style", "nav", "noscript", "template", "svg", "head", "iframe", "object", "button"}
)
_HEADINGS = {f"h{level}": level for level in range(1, 7)}
_PARAGRAPHS = frozenset({"p", "pre", "dt", "dd", "figcaption", "caption", "address", "summary"})
_LISTS = frozenset({"ul", "ol"})
# Containers: text inside them is split into blocks; anything else is inline and joins its text.
_CONTAINERS = frozenset(
    {
        "html", "body", "main", "article", "section", "div", "header", "footer", "aside",
        "blockquote", "details", "figure", "form", "fieldset", "center", "table", "thead", "tbody",
        "tfoot", "dl", "ul", "ol", "menu", "hr", "br",
    }
)
_SPACED = _CONTAINERS | _PARAGRAPHS | set(_HEADINGS) | {"li", "tr", "td", "th"}
_BLOCKS = _CONTAINERS | _PARAGRAPHS | set(_HEADINGS) | {"li", "tr"}


def parse_html(text: str) -> Parsed:
    from bs4 import BeautifulSoup, MarkupResemblesLocatorWarning

    with warnings.catch_warnings():
        # A page whose whole text looks like a URL is still a page; the warning is noise.
        warnings.simplefilter("ignore", MarkupResemblesLocatorWarning)
        soup = BeautifulSoup(text, "html.parser")
    title = normalize_space(soup.title.get_text()) if soup.title else ""
    for tag in soup.find_all(_DROPPED):
        tag.decompose()
    blocks: list[Block] = []
    _read_container(soup, blocks)
    return Parsed(blocks, title)


def _read_container(node: Tag, blocks: list[Block]) -> None:
    """Emit blocks for `node`'s children in order, gathering loose inline text into paragraphs."""
    loose: list[str] = []
    for child in node.children:
        name = getattr(child, "name", None)
        if name not in _BLOCKS:
            loose.append(_text_of(child))
            continue
        _flush_loose(loose, blocks)
        _read_block(child, name, blocks)
    _flush_loose(loose, blocks)


def _read_block(tag: Tag, name: str, blocks: list[Block]) -> None:
    if name in _HEADINGS:
        blocks.append(heading(_text_of(tag), _HEADINGS[name]))
    elif name == "li":
        nested: list[Tag] = []
        blocks.append(list_item(_text_of(tag, set_aside=nested)))
        for sublist in nested:
            _read_container(sublist, blocks)
    elif name == "tr":
        cells = [normalize_space(_text_of(cell)) for cell in tag.find_all(["td", "th"])]
        blocks.append(paragraph(TABLE_CELLS.join(cell for cell in cells if cell)))
    elif name == "pre":
        blocks.append(paragraph(tag.get_text()))
    elif name in _PARAGRAPHS:
        blocks.append(paragraph(normalize_space(_text_of(tag))))
    else:
        _read_container(tag, blocks)


def _flush_loose(loose: list[str], blocks: list[Block]) -> None:
    text = normalize_space("".join(loose))
    if text:
        blocks.append(paragraph(text))
    loose.clear()


def _text_of(node: object, set_aside: list[Tag] | None = None) -> str:
    """The text of a node; with `set_aside`, nested lists are left out and collected there."""
    from bs4 import NavigableString, Tag

    if isinstance(node, NavigableString):
        # Comments, doctypes and CDATA are NavigableString subclasses, not page text.
        return str(node) if type(node) is NavigableString else ""
    if not isinstance(node, Tag):
        return ""
    if node.name == "br":
        return " "
    parts: list[str] = []
    for child in node.children:
        if set_aside is not None and getattr(child, "name", None) in _LISTS:
            set_aside.append(child)
            continue
        text = _text_of(child, set_aside)
        # Block elements are separated by layout, not by characters, in the source.
        parts.append(f" {text} " if getattr(child, "name", None) in _SPACED else text)
    return "".join(parts)

"""Markdown -> blocks, with a small line-based reader (no Markdown library needed).

Only structure matters here: ATX and setext headings, list items, paragraphs (soft-wrapped lines
joined), and code (fenced, or indented by four spaces or a tab after a paragraph break) kept as a
fenced block with its lines as written (`text.fenced`), so that an answer can quote it as code.
Inline markup is reduced to the words a student would quote.
"""

from __future__ import annotations

import re
import textwrap

from bot.core.documents import TABLE_CELLS, Block
from bot.core.loaders.structure import Parsed, heading, list_item, paragraph
from bot.core.text import fenced, normalize_space

_ATX = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_THEMATIC_BREAK = re.compile(r"^ {0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$")
_LIST_MARKER = re.compile(r"^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+(?:\[[ xX]\][ \t]+)?(.*)$")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_INDENTED_CODE = re.compile(r"^(?: {4}|\t)")
_REFERENCE_DEFINITION = re.compile(r"^ {0,3}\[[^\]]+\]:\s+\S+")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")
_HTML_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_FRONT_MATTER_TITLE = re.compile(r"^title:\s*(.+?)\s*$", re.MULTILINE)

_INLINE_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"!\[([^\]]*)\]\([^)]*\)"), r"\1"),  # image -> alt text
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),  # [text](url)
    (re.compile(r"\[([^\]]+)\]\[[^\]]*\]"), r"\1"),  # [text][ref]
    (re.compile(r"<(https?://[^>\s]+)>"), r"\1"),  # autolink
    (re.compile(r"</?[A-Za-z][^>]*>"), ""),  # inline HTML tags
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),  # strong
    (re.compile(r"(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])"), r"\1"),  # *em*
    (re.compile(r"(?<!\w)_(?=\S)(.+?)(?<=\S)_(?!\w)"), r"\1"),  # _em_ (not snake_case)
    (re.compile(r"~~(.+?)~~"), r"\1"),  # strikethrough
)
_ESCAPED = re.compile(r"\\([\\`*_{}\[\]()#+\-.!>|~])")
# A code span and a dunder name ("__init__", "__pycache__") are taken as written: the emphasis
# rules would read their underscores and asterisks as markup ("__init__" -> "init").
_CODE_SPAN = re.compile(r"(`+)(.+?)\1")
_DUNDER = re.compile(r"(?<![\w*])__\w+?__(?!\w)")


def clean_inline(text: str, code_marks: bool = False) -> str:
    """Reduce inline Markdown to plain words; escaped characters survive as themselves. With
    `code_marks` (the text of paragraphs and list items), a code span keeps its backticks, so that
    an answer quoting it shows it as code (`text.without_code_marks` gives the words alone)."""
    escapes: list[str] = []

    def protect(match: re.Match[str]) -> str:
        escapes.append(match.group(1))
        return f"\ue000{len(escapes) - 1}\ue001"

    mark = "`" if code_marks else ""
    text = _CODE_SPAN.sub(lambda m: _protected(f"{mark}{m.group(2).strip()}{mark}", escapes), text)
    text = _DUNDER.sub(lambda m: _protected(m.group(), escapes), text)
    text = _ESCAPED.sub(protect, text)
    for pattern, replacement in _INLINE_RULES:
        text = pattern.sub(replacement, text)
    text = re.sub(r"\ue000(\d+)\ue001", lambda m: escapes[int(m.group(1))], text)
    return normalize_space(text)


def _protected(kept: str, escapes: list[str]) -> str:
    escapes.append(kept)
    return f"\ue000{len(escapes) - 1}\ue001"


def parse_markdown(text: str) -> Parsed:
    lines, title = _split_front_matter(_HTML_COMMENT.sub("", text).split("\n"))
    blocks = _MarkdownReader().read(lines)
    return Parsed(blocks, title or _sole_top_heading(blocks))


def _split_front_matter(lines: list[str]) -> tuple[list[str], str]:
    """Skip a YAML front matter block at the very top; keep its `title:` if it has one."""
    if not lines or lines[0].strip() != "---":
        return lines, ""
    for end in range(1, len(lines)):
        if lines[end].strip() in ("---", "..."):
            match = _FRONT_MATTER_TITLE.search("\n".join(lines[1:end]))
            title = match.group(1).strip("\"'") if match else ""
            return lines[end + 1 :], title
    return lines, ""  # no closing marker: it was a thematic break, not front matter


def _sole_top_heading(blocks: list[Block]) -> str:
    tops = [block.text for block in blocks if block.kind == "heading" and block.level == 1]
    return tops[0] if len(tops) == 1 else ""


class _MarkdownReader:
    """Collects the lines of the open paragraph, list item or code fence until it closes."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.paragraph: list[str] = []
        self.item: list[str] | None = None
        self.fence: str | None = None
        self.code: list[str] = []
        self.indented: list[str] | None = None  # the lines of an open indented code block
        # The column a list item's text starts at ("9.  Text": 4), while lines indented that far go on
        # belonging to it, blank lines between included: CommonMark's rule for an item's paragraphs.
        self.item_column: int | None = None

    def read(self, lines: list[str]) -> list[Block]:
        for line in lines:
            self._read_line(line)
        self._close_indented()
        self._close_fence()
        self._flush()
        return self.blocks

    def _read_line(self, line: str) -> None:
        if self.indented is not None:
            code_column = (self.item_column or 0) + 4  # inside a list item, four past its text
            if not line.strip() or _indent(line) >= code_column:
                self.indented.append(line[4:] if line.startswith("    ") else line[1:])
                return
            self._close_indented()
        if self.fence is None and line.strip():
            self._track_item_column(line)
        if self.fence is not None:
            self._read_code_line(line)
        elif _FENCE.match(line):
            self._flush()
            self.fence = _FENCE.match(line).group(1)[0] * 3
        elif not line.strip():
            self._flush()
        elif self._opens_indented_code(line):
            self.indented = [line[4:] if line.startswith("    ") else line[1:]]
        elif self.paragraph and self.item is None and _SETEXT.match(line):
            level = 1 if line.strip().startswith("=") else 2
            self.blocks.append(heading(clean_inline(" ".join(self.paragraph)), level))
            self.paragraph = []
        else:
            self._read_block_line(line)

    def _read_block_line(self, line: str) -> None:
        atx = _ATX.match(line)
        marker = _LIST_MARKER.match(line)
        if _THEMATIC_BREAK.match(line) or _REFERENCE_DEFINITION.match(line):
            self._flush()
        elif atx:
            self._flush()
            self.blocks.append(heading(clean_inline(atx.group(2) or ""), len(atx.group(1))))
        elif marker:
            self._flush()
            self.item = [marker.group(1)]
        elif _TABLE_RULE.match(line):
            return
        elif line.lstrip().startswith("|"):
            self._flush()
            self.blocks.append(paragraph(clean_inline(_table_row(line), code_marks=True)))
        elif self.item is not None:
            self.item.append(line)  # a lazy or indented continuation of the item
        else:
            self.paragraph.append(re.sub(r"^\s{0,3}(?:>\s?)+", "", line))  # quotes read as text

    def _read_code_line(self, line: str) -> None:
        if line.strip().startswith(self.fence):
            self._close_fence()
        else:
            self.code.append(line.rstrip())

    def _close_fence(self) -> None:
        if "".join(self.code).strip():
            self.blocks.append(paragraph(fenced("\n".join(self.code))))
        self.fence, self.code = None, []

    def _track_item_column(self, line: str) -> None:
        marker = _LIST_MARKER.match(line)
        if marker and marker.group(1):
            self.item_column = len(line) - len(marker.group(1))
        elif self.item_column is not None and _indent(line) < self.item_column:
            self.item_column = None  # a line back at the margin ends the list

    def _opens_indented_code(self, line: str) -> bool:
        """Code indented by four spaces or a tab opens only after a paragraph break, and not
        where the block before is a list item (an item's indented continuation) nor inside a list
        item's text: a paragraph indented as far as its item's text is the item's next paragraph
        ("9.  License must not ..." followed by "    Copyleft is a principle ..."), code only four
        columns further in."""
        if self.item_column is not None:
            return _indent(line) >= self.item_column + 4 and not self.paragraph and self.item is None
        return (bool(_INDENTED_CODE.match(line)) and not self.paragraph and self.item is None
                and not (self.blocks and self.blocks[-1].kind == "list_item"))

    def _close_indented(self) -> None:
        if self.indented is not None and "".join(self.indented).strip():
            # dedent: code inside a list item is indented by the item's column as well
            self.blocks.append(paragraph(fenced(textwrap.dedent("\n".join(line.rstrip() for line in self.indented)))))
        self.indented = None

    def _flush(self) -> None:
        if self.paragraph:
            self.blocks.append(paragraph(clean_inline(" ".join(self.paragraph), code_marks=True)))
        if self.item is not None:
            self.blocks.append(list_item(clean_inline(" ".join(self.item), code_marks=True)))
        self.paragraph, self.item = [], None


def _indent(line: str) -> int:
    """The column a line's text starts at, a tab counting four."""
    expanded = line.expandtabs(4)
    return len(expanded) - len(expanded.lstrip(" "))


def _table_row(line: str) -> str:
    """A table row reads as its cells separated by " | ", one paragraph per row."""
    cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
    return TABLE_CELLS.join(cell for cell in cells if cell)

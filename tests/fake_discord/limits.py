"""Discord's size limits for messages, embeds, components, modals and autocomplete.

Violations raise ``HttpError(400, 50035, "Invalid Form Body")`` with Discord's nested
``errors`` object, which discord.py flattens into "In embeds.0.title: Must be 256 or fewer
in length." -- so a bot test fails exactly the way production would.
"""

from __future__ import annotations

from typing import Any, Optional

from .errors import HttpError
from .records import walk_components

CONTENT_MAX = 2000
EMBEDS_MAX = 10
EMBED_TOTAL_MAX = 6000
EMBED_FIELDS_MAX = 25
EMBED_TEXT_LIMITS = {"title": 256, "description": 4096}
FIELD_NAME_MAX, FIELD_VALUE_MAX = 256, 1024
FOOTER_TEXT_MAX, AUTHOR_NAME_MAX = 2048, 256
ACTION_ROWS_MAX, ROW_BUTTONS_MAX = 5, 5
BUTTON_LABEL_MAX, CUSTOM_ID_MAX = 80, 100
SELECT_OPTIONS_MAX, SELECT_PLACEHOLDER_MAX = 25, 150
V2_COMPONENTS_MAX = 40
IS_COMPONENTS_V2 = 1 << 15
MODAL_TITLE_MAX, TEXT_INPUT_LABEL_MAX, TEXT_INPUT_VALUE_MAX = 45, 45, 4000
CHOICES_MAX, CHOICE_NAME_MAX = 25, 100


class _Errors:
    """Collects errors into Discord's nested ``{"a": {"0": {"b": {"_errors": [...]}}}}`` shape."""

    def __init__(self, prefix: tuple[str, ...] = ()) -> None:
        self.tree: dict = {}
        self.prefix = prefix

    def add(self, path: tuple[Any, ...], code: str, message: str) -> None:
        node = self.tree
        for part in self.prefix + tuple(str(p) for p in path):
            node = node.setdefault(part, {})
        node.setdefault("_errors", []).append({"code": code, "message": message})

    def max_len(self, path: tuple[Any, ...], value: Any, limit: int) -> None:
        if isinstance(value, str) and len(value) > limit:
            self.add(path, "BASE_TYPE_MAX_LENGTH", f"Must be {limit} or fewer in length.")

    def max_items(self, path: tuple[Any, ...], items: Any, limit: int) -> None:
        if isinstance(items, list) and len(items) > limit:
            self.add(path, "BASE_TYPE_MAX_LENGTH", f"Must be {limit} or fewer in length.")

    def raise_if_any(self) -> None:
        if self.tree:
            raise HttpError(400, 50035, "Invalid Form Body", errors=self.tree)


def check_message(body: dict, *, prefix: tuple[str, ...] = (), creating: bool = False, n_files: int = 0) -> None:
    """Validate a message create/edit body. ``creating`` also rejects empty messages (50006)."""
    errs = _Errors(prefix)
    errs.max_len(("content",), body.get("content"), CONTENT_MAX)
    embeds = body.get("embeds") or []
    errs.max_items(("embeds",), embeds, EMBEDS_MAX)
    total = 0
    for i, embed in enumerate(embeds[:EMBEDS_MAX]):
        total += _check_embed(errs, ("embeds", i), embed)
    if total > EMBED_TOTAL_MAX:
        errs.add(("embeds",), "MAX_EMBED_SIZE_EXCEEDED", f"Embed size exceeds maximum size of {EMBED_TOTAL_MAX}")
    _check_components(errs, body.get("components") or [], v2=bool((body.get("flags") or 0) & IS_COMPONENTS_V2))
    errs.raise_if_any()
    if creating and not (body.get("content") or embeds or body.get("components") or n_files
                         or body.get("sticker_ids") or body.get("poll")):
        raise HttpError(400, 50006, "Cannot send an empty message")


def _check_embed(errs: _Errors, path: tuple, embed: dict) -> int:
    """Check one embed's fields and return its character count toward the 6000 total."""
    size = 0
    for key, limit in EMBED_TEXT_LIMITS.items():
        errs.max_len(path + (key,), embed.get(key), limit)
        size += len(embed.get(key) or "")
    fields = embed.get("fields") or []
    errs.max_items(path + ("fields",), fields, EMBED_FIELDS_MAX)
    for j, fld in enumerate(fields):
        errs.max_len(path + ("fields", j, "name"), fld.get("name"), FIELD_NAME_MAX)
        errs.max_len(path + ("fields", j, "value"), fld.get("value"), FIELD_VALUE_MAX)
        for key in ("name", "value"):
            if not fld.get(key):
                errs.add(path + ("fields", j, key), "BASE_TYPE_REQUIRED", "This field is required")
        size += len(fld.get("name") or "") + len(fld.get("value") or "")
    footer, author = embed.get("footer") or {}, embed.get("author") or {}
    errs.max_len(path + ("footer", "text"), footer.get("text"), FOOTER_TEXT_MAX)
    errs.max_len(path + ("author", "name"), author.get("name"), AUTHOR_NAME_MAX)
    return size + len(footer.get("text") or "") + len(author.get("name") or "")


def _check_components(errs: _Errors, rows: list[dict], *, v2: bool) -> None:
    if v2:  # Components V2 (LayoutView): no row rules, but a total cap
        flat = list(walk_components(rows))
        if len(flat) > V2_COMPONENTS_MAX:
            errs.add(("components",), "BASE_TYPE_MAX_LENGTH", f"Must be {V2_COMPONENTS_MAX} or fewer in length.")
        for i, comp in enumerate(flat):
            _check_item(errs, ("components", i), comp)
        return
    errs.max_items(("components",), rows, ACTION_ROWS_MAX)
    for i, row in enumerate(rows):
        if row.get("type") != 1:
            errs.add(("components", i, "type"), "COMPONENT_LAYOUT_WIDTH_EXCEEDED", "Top-level components must be action rows")
            continue
        children = row.get("components") or []
        buttons = [c for c in children if c.get("type") == 2]
        errs.max_items(("components", i, "components"), buttons, ROW_BUTTONS_MAX)
        if any(c.get("type") in (3, 5, 6, 7, 8) for c in children) and len(children) > 1:
            errs.add(("components", i, "components"), "COMPONENT_LAYOUT_WIDTH_EXCEEDED",
                     "The specified component exceeds the maximum width")
        for j, comp in enumerate(children):
            _check_item(errs, ("components", i, "components", j), comp)


def _check_item(errs: _Errors, path: tuple, comp: dict) -> None:
    errs.max_len(path + ("custom_id",), comp.get("custom_id"), CUSTOM_ID_MAX)
    if comp.get("type") == 2:
        errs.max_len(path + ("label",), comp.get("label"), BUTTON_LABEL_MAX)
        is_link = comp.get("style") == 5
        if is_link != ("url" in comp) or (not is_link and not comp.get("custom_id") and comp.get("style") != 6):
            errs.add(path, "COMPONENT_INVALID", "Buttons need a custom_id, link buttons a url")
    if comp.get("type") in (3, 5, 6, 7, 8):
        errs.max_len(path + ("placeholder",), comp.get("placeholder"), SELECT_PLACEHOLDER_MAX)
        errs.max_items(path + ("options",), comp.get("options"), SELECT_OPTIONS_MAX)


def check_modal(data: dict) -> None:
    errs = _Errors(("data",))
    errs.max_len(("title",), data.get("title"), MODAL_TITLE_MAX)
    errs.max_len(("custom_id",), data.get("custom_id"), CUSTOM_ID_MAX)
    rows = data.get("components") or []
    errs.max_items(("components",), rows, 5)
    if not rows:
        errs.add(("components",), "BASE_TYPE_REQUIRED", "This field is required")
    for i, comp in enumerate(walk_components(rows)):
        errs.max_len(("components", i, "custom_id"), comp.get("custom_id"), CUSTOM_ID_MAX)
        if comp.get("type") == 18:
            errs.max_len(("components", i, "label"), comp.get("label"), TEXT_INPUT_LABEL_MAX)
        if comp.get("type") == 4:
            errs.max_len(("components", i, "label"), comp.get("label"), TEXT_INPUT_LABEL_MAX)
            errs.max_len(("components", i, "value"), comp.get("value"), TEXT_INPUT_VALUE_MAX)
    errs.raise_if_any()


def check_choices(data: dict) -> None:
    errs = _Errors(("data",))
    choices: Optional[list] = data.get("choices")
    errs.max_items(("choices",), choices, CHOICES_MAX)
    for i, choice in enumerate(choices or []):
        errs.max_len(("choices", i, "name"), choice.get("name"), CHOICE_NAME_MAX)
        errs.max_len(("choices", i, "value"), choice.get("value"), CHOICE_NAME_MAX)
    errs.raise_if_any()

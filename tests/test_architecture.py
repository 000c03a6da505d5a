"""The one rule of the layout, checked on every module of `bot/` (found on disk, so a new module is
covered without editing this file): imports flow adapters -> service -> core and store.

- No import circles, counting every import: module level, under TYPE_CHECKING, inside functions.
- The core (`bot.core`) imports no store, service, adapter or CLI module, and no Discord or
  terminal library: it takes plain values.
- The store (`bot.store`) imports no service, adapter or CLI module.
- Importing any module does no heavy work: no model, index or chart library is loaded until used.

Today's known violations are listed below with the issue they belong to. The list must only
shrink: a violation not on it fails, and so does a listed one that has gone (remove its entry).
"""

from __future__ import annotations

import ast
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from tests.conftest import REPO

PACKAGE = REPO / "bot"
# Where each layer may not reach, by module-name prefix ("bot.cli" covers bot.cli_quiz too).
ADAPTERS = ("bot.discord_bot", "bot.cli", "bot.chat", "bot.bootstrap", "bot.__main__")
SERVICES = ("bot.service",)  # bot.service and bot.services
FORBIDDEN = {
    "bot.core": ("bot.store", *SERVICES, *ADAPTERS, "bot.config", "discord", "typer", "rich"),
    "bot.store": (*SERVICES, *ADAPTERS, "discord", "typer", "rich"),
    "bot.core.index_store": ("bot.core.quiz",),  # the index knows nothing of quizzes
}
HEAVY = ("torch", "sentence_transformers", "transformers", "faiss", "onnxruntime", "optimum",
         "spacy", "matplotlib", "sklearn", "scipy")

# (kind, what) -> the issue it belongs to. kind "circle": the modules of one import circle;
# kind "import": "importer -> imported".
KNOWN_VIOLATIONS: dict[tuple[str, str], str] = {
}


@dataclass(frozen=True)
class Import:
    importer: str
    imported: str
    line: int
    top_level: bool  # runs when the importer is imported (not inside a function or TYPE_CHECKING)


def module_name(path: Path) -> str:
    parts = list(path.relative_to(REPO).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def all_modules() -> dict[str, Path]:
    return {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def _absolute(node: ast.ImportFrom, name: str, is_package: bool) -> str:
    if not node.level:
        return node.module or ""
    package = name.split(".") if is_package else name.split(".")[:-1]
    base = package[: len(package) - node.level + 1]
    return ".".join(base + ([node.module] if node.module else []))


def imports_in(name: str, source: str, modules: set[str], *, is_package: bool = False) -> list[Import]:
    """Every import statement of module `name`, resolved to absolute module names."""
    found: list[Import] = []

    def visit(node: ast.AST, top_level: bool) -> None:
        if isinstance(node, ast.Import):
            found.extend(Import(name, alias.name, node.lineno, top_level) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = _absolute(node, name, is_package)
            for alias in node.names:
                # `from bot.core.quiz import review` imports the module bot.core.quiz.review
                sub = f"{base}.{alias.name}"
                found.append(Import(name, sub if sub in modules else base, node.lineno, top_level))
        for child in ast.iter_child_nodes(node):
            nested = isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda))
            checking = isinstance(node, ast.If) and _is_type_checking(node) and child in node.body
            visit(child, top_level and not nested and not checking)

    visit(ast.parse(source, name), True)
    return found


def all_imports() -> list[Import]:
    modules = all_modules()
    return [imp for name, path in modules.items()
            for imp in imports_in(name, path.read_text(encoding="utf-8"), set(modules),
                                  is_package=path.name == "__init__.py")]


def _within(name: str, prefix: str) -> bool:
    return name == prefix or name.startswith(prefix + ".") or (
        prefix in ("bot.cli", "bot.service") and name.startswith(prefix))


def layer_violations(imports: list[Import]) -> dict[tuple[str, str], str]:
    found = {}
    for imp in imports:
        for layer, forbidden in FORBIDDEN.items():
            if _within(imp.importer, layer) and any(_within(imp.imported, f) for f in forbidden):
                found[("import", f"{imp.importer} -> {imp.imported}")] = f"line {imp.line}"
    return found


def circles(imports: list[Import], modules: set[str]) -> dict[tuple[str, str], str]:
    """Strongly connected components of more than one module (Tarjan), with the edges inside."""
    graph: dict[str, set[str]] = {m: set() for m in modules}
    for imp in imports:
        if imp.imported in modules and imp.imported != imp.importer:
            graph[imp.importer].add(imp.imported)
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    components: list[list[str]] = []

    def connect(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(graph[node]):
            if nxt not in index:
                connect(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                components.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            connect(node)
    found = {}
    for component in components:
        edges = sorted({f"{imp.importer} -> {imp.imported} (line {imp.line})" for imp in imports
                       if imp.importer in component and imp.imported in component})
        found[("circle", ", ".join(component))] = "; ".join(edges)
    return found


def test_the_import_parser_sees_every_kind_of_import():
    source = ("from __future__ import annotations\nfrom typing import TYPE_CHECKING\nimport json\n"
              "from . import sibling\nif TYPE_CHECKING:\n    from bot.store.database import Database\n"
              "def later():\n    from ..errors import StudyBotError\n")
    found = imports_in("bot.core.probe", source, {"bot.core.sibling", "bot.errors"})
    seen = {(imp.imported, imp.top_level) for imp in found}
    assert ("json", True) in seen and ("bot.core.sibling", True) in seen
    assert ("bot.store.database", False) in seen  # TYPE_CHECKING: counted, but does not run
    assert ("bot.errors", False) in seen  # function-local: counted, but does not run
    assert layer_violations(found) == {("import", "bot.core.probe -> bot.store.database"): "line 6"}
    package = imports_in("bot.core.quiz", "from .schedule import due\n", {"bot.core.quiz.schedule.due"},
                         is_package=True)
    assert [imp.imported for imp in package] == ["bot.core.quiz.schedule.due"]


def test_circles_are_found_through_function_local_imports():
    imports = [Import("bot.core.a", "bot.core.b", 1, True), Import("bot.core.b", "bot.core.a", 9, False)]
    assert list(circles(imports, {"bot.core.a", "bot.core.b", "bot.core.c"})) == [("circle", "bot.core.a, bot.core.b")]


def test_no_import_circles_and_no_layer_violations_beyond_the_known_ones():
    imports = all_imports()
    found = {**circles(imports, set(all_modules())), **layer_violations(imports)}
    new = {key: where for key, where in found.items() if key not in KNOWN_VIOLATIONS}
    gone = [key for key in KNOWN_VIOLATIONS if key not in found]
    problems = [f"new {kind}: {what} ({where})" for (kind, what), where in sorted(new.items())]
    problems += [f"fixed, so remove it from KNOWN_VIOLATIONS in tests/test_architecture.py: {kind} {what}"
                 f" ({KNOWN_VIOLATIONS[(kind, what)]})" for kind, what in gone]
    assert not problems, "\n".join(problems)


def test_no_module_imports_a_heavy_library_when_it_is_imported():
    """Statically: no heavy import runs at module level anywhere in `bot/`."""
    heavy = [f"{imp.importer} imports {imp.imported} at line {imp.line}" for imp in all_imports()
             if imp.top_level and any(_within(imp.imported, h) for h in HEAVY)]
    assert not heavy, "\n".join(heavy)


def test_importing_every_module_loads_no_heavy_library_or_adapter_into_the_core():
    """At run time, transitively: import every module of `bot/` (but the entry point, which runs),
    then check what got loaded."""
    names = [m for m in all_modules() if m != "bot.__main__"]
    code = ("import sys\n" + "".join(f"import {m}\n" for m in names) +
            f"print(','.join(m for m in {HEAVY!r} if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
    core = [m for m in names if _within(m, "bot.core")]
    code = ("import sys\n" + "".join(f"import {m}\n" for m in core) +
            "print(','.join(m for m in ('discord', 'typer', 'rich', 'bot.store', 'bot.service', 'bot.cli',"
            " 'bot.discord_bot') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


"""Shared helpers for the benchmarks: the machine line, a realistic generated corpus, timing and
percentiles, resident memory, and subprocess timing. Nothing here asserts: benchmarks print.

The corpus is real English prose taken from docstrings of the Python standard library and of the
scientific packages installed in the virtualenv (parsed with `ast`, never imported), reflowed into
paragraphs and laid out as Markdown course notes: one document per source package area, one `##`
section per chunk-sized group of paragraphs (mostly 600-900 characters). It is deterministic for
a given seed and set of installed packages, and every chunk text is distinct (the embedding cache
dedupes identical texts, which would flatter the build time).
"""

from __future__ import annotations

import ast
import importlib.metadata as md
import json
import os
import platform
import random
import re
import resource
import statistics
import subprocess
import sys
import sysconfig
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
PYTHON = ROOT / ".venv" / "bin" / "python"
DEFAULT_CORPUS = ROOT / "corpus"
QUESTION_FILES = [ROOT / "tests/data/dev_questions.jsonl", ROOT / "tests/data/paraphrase_questions.jsonl"]
# Where prose comes from, in this order: the standard library, then these installed packages.
PROSE_PACKAGES = ["numpy", "scipy", "sklearn", "sympy", "networkx", "torch", "transformers"]
_SKIP_PARTS = {"test", "tests", "testing", "idlelib", "lib2to3", "turtledemo", "__pycache__", "site-packages"}


# --- machine and environment ------------------------------------------------------------------


def bench_env() -> dict[str, str]:
    """Environment for child processes: offline model, quiet tokenizers; OPENBLAS_* untouched."""
    env = dict(os.environ)
    env.update(HF_HUB_OFFLINE="1", TOKENIZERS_PARALLELISM="false", TQDM_DISABLE="1")
    return env


def machine_info() -> dict[str, object]:
    import psutil

    cpu = "unknown"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    version = md.version
    return {
        "cpu": cpu, "cores": os.cpu_count(), "ram_gb": round(psutil.virtual_memory().total / 2**30, 1),
        "python": platform.python_version(), "torch": version("torch"),
        # torch is not imported for this: a process that answers through ONNX never loads it.
        "torch_threads": sys.modules["torch"].get_num_threads() if "torch" in sys.modules else "not loaded",
        "faiss": version("faiss-cpu"),
        "numpy": version("numpy"), "sentence_transformers": version("sentence-transformers"),
        "bm25s": version("bm25s"), "load_avg": " ".join(f"{x:.2f}" for x in os.getloadavg()),
        "openblas_env": {k: v for k, v in os.environ.items() if k.startswith("OPENBLAS")},
        "code": code_version(),
    }


def code_version() -> str:
    """The commit measured, and whether the project's code had uncommitted changes (read-only git)."""
    git = lambda *a: subprocess.run(["git", *a], capture_output=True, text=True, cwd=ROOT).stdout.strip()  # noqa: E731
    dirty = [line[3:] for line in git("status", "--porcelain", "--", "bot").splitlines()]
    return f"commit {git('rev-parse', '--short', 'HEAD')}" + (f" + {len(dirty)} uncommitted files under bot/" if dirty else "")


def print_machine() -> dict[str, object]:
    info = machine_info()
    print(f"machine: {info['cpu']}, {info['cores']} cores, {info['ram_gb']} GB RAM | Python {info['python']}, "
          f"torch {info['torch']} ({info['torch_threads']}{'' if info['torch_threads'] == 'not loaded' else ' threads'}), faiss {info['faiss']}, numpy "
          f"{info['numpy']}, sentence-transformers {info['sentence_transformers']}, bm25s {info['bm25s']}")
    print(f"load average at start: {info['load_avg']}; OPENBLAS env: {info['openblas_env'] or 'unset'}; "
          f"code: {info['code']}")
    return info


# --- timing and memory ------------------------------------------------------------------------


@contextmanager
def timed(into: list[float]):
    """Append the elapsed seconds of the block to `into`."""
    start = time.perf_counter()
    try:
        yield
    finally:
        into.append(time.perf_counter() - start)


def summary_ms(seconds: list[float]) -> dict[str, float]:
    """p50 / p95 / max / mean in milliseconds (p95 by linear interpolation)."""
    if not seconds:
        return {"n": 0, "p50": float("nan"), "p95": float("nan"), "max": float("nan"), "mean": float("nan")}
    ms = sorted(s * 1000 for s in seconds)
    return {"n": len(ms), "p50": percentile(ms, 50), "p95": percentile(ms, 95), "max": ms[-1],
            "mean": statistics.fmean(ms)}


def percentile(sorted_values: list[float], p: float) -> float:
    if len(sorted_values) == 1:
        return sorted_values[0]
    rank = (len(sorted_values) - 1) * p / 100
    low = int(rank)
    high = min(low + 1, len(sorted_values) - 1)
    return sorted_values[low] + (sorted_values[high] - sorted_values[low]) * (rank - low)


def rss_mb() -> float:
    import psutil

    return psutil.Process().memory_info().rss / 2**20


@dataclass
class Run:
    wall: float  # seconds from spawn to exit
    cpu: float  # user + system CPU seconds of the child
    others: float  # CPU seconds other processes used meanwhile (interference on a shared machine)
    stdout: str


def _busy_seconds() -> float:
    fields = [int(x) for x in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    return (sum(fields[:8]) - fields[3] - fields[4]) / os.sysconf("SC_CLK_TCK")  # minus idle, iowait


@contextmanager
def interference(into: list[float]):
    """Append the share of the machine's CPU capacity that OTHER processes used during the block
    (0.0 = we had the machine to ourselves; 0.5 = a neighbour kept one of two cores busy)."""
    own, busy, start = sum(os.times()[:2]), _busy_seconds(), time.perf_counter()
    try:
        yield
    finally:
        wall = time.perf_counter() - start
        others = (_busy_seconds() - busy) - (sum(os.times()[:2]) - own)
        into.append(max(others, 0.0) / (wall * (os.cpu_count() or 1)))


def wait_for_quiet(max_wait: float = 120.0, busy_below: float = 0.15) -> float:
    """Wait (at most `max_wait` s) until the machine's cores are mostly idle over one second, so
    that a timed run does not start while another job is using the CPU. Returns the seconds waited."""
    start = time.perf_counter()
    cores = os.cpu_count() or 1
    while time.perf_counter() - start < max_wait:
        before = _busy_seconds()
        time.sleep(1.0)
        if (_busy_seconds() - before) / cores < busy_below:
            break
    return time.perf_counter() - start


def run_timed(cmd: list[str]) -> Run:
    """Time a whole child process, from spawn to exit, with its CPU time and the CPU time that
    other processes took meanwhile (the machine has 2 cores; a busy neighbour skews wall time)."""
    before_children, before_busy = resource.getrusage(resource.RUSAGE_CHILDREN), _busy_seconds()
    start = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, text=True, env=bench_env(), cwd=ROOT)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed ({done.returncode}):\n{done.stderr[-3000:]}")
    cpu = (after.ru_utime - before_children.ru_utime) + (after.ru_stime - before_children.ru_stime)
    return Run(wall, cpu, max(_busy_seconds() - before_busy - cpu, 0.0), done.stdout)


# --- prose and corpus -------------------------------------------------------------------------


def _prose_files() -> list[tuple[str, Path]]:
    paths = sysconfig.get_paths()
    roots = [("stdlib", Path(paths["stdlib"]))] + [(p, Path(paths["purelib"]) / p) for p in PROSE_PACKAGES]
    files = []
    for label, root in roots:
        for path in sorted(root.rglob("*.py")):
            rel = path.relative_to(root)
            if not _SKIP_PARTS & set(rel.parts):
                area = rel.parts[0].removesuffix(".py") if label == "stdlib" else f"{label}.{rel.parts[0].removesuffix('.py')}"
                files.append((area, path))
    return files


def _paragraphs_of(docstring: str) -> list[str]:
    out = []
    for block in re.split(r"\n\s*\n", docstring):
        lines = [line.strip() for line in block.splitlines()]
        if any(line.startswith((">>>", "...", "$", "-", "*", "|", ":", "#")) or set(line) <= set("-=~^ ")
               for line in lines):
            continue  # doctests, lists, tables, underlined section titles
        text = " ".join(lines)
        letters = sum(c.isalpha() or c == " " for c in text) / max(len(text), 1)
        if 150 <= len(text) <= 1200 and letters >= 0.85 and text[0].isupper() and text.endswith("."):
            out.append(_fit(text, 880))
    return out


def _fit(text: str, limit: int) -> str:
    """Cut a long paragraph at the last sentence end before `limit`, so a section stays one chunk."""
    if len(text) <= limit:
        return text
    cut = max(text.rfind(". ", 0, limit), 0)
    return text[: cut + 1] if cut > 200 else text[:limit].rsplit(" ", 1)[0] + "."


def harvest_prose() -> list[tuple[str, str]]:
    """(area, paragraph) pairs of distinct docstring prose (about 5 M characters), in a fixed
    order. Cached under bench/out/: harvesting takes ~30 s."""
    cache = OUT / f"prose-py{sys.version_info[0]}{sys.version_info[1]}.json"
    if cache.exists():
        return [tuple(p) for p in json.loads(cache.read_text())]
    seen, pairs = set(), []
    for area, path in _prose_files():
        try:
            tree = ast.parse(path.read_text(encoding="utf-8"))
        except (SyntaxError, UnicodeDecodeError, ValueError):
            continue
        for node in ast.walk(tree):
            if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
                for para in _paragraphs_of(ast.get_docstring(node) or ""):
                    if para not in seen:
                        seen.add(para)
                        pairs.append((area, para))
    OUT.mkdir(parents=True, exist_ok=True)
    cache.write_text(json.dumps(pairs))
    return pairs


def make_corpus(dest: Path, n_chunks: int, seed: int = 0, sections_per_doc: int = 40) -> dict[str, object]:
    """Write Markdown notes under `dest` holding about `n_chunks` chunks of mostly 600-900
    characters; return counts (the chunk count is what the project's own chunker makes of it)."""
    rng = random.Random(seed)
    prose = harvest_prose()
    by_area: dict[str, list[str]] = {}
    for area, para in prose:
        by_area.setdefault(area, []).append(para)
    areas = sorted(by_area)
    rng.shuffle(areas)
    dest.mkdir(parents=True, exist_ok=True)
    sections, docs = 0, 0
    for area in areas:
        paras = by_area[area]
        for part in range(0, 10_000):
            body, used = [], 0
            while paras and len(body) < sections_per_doc and sections < n_chunks:
                target, text = rng.randint(650, 900), [paras.pop(0)]
                while (size := sum(map(len, text)) + len(text) - 1) < target:
                    fits = [i for i, p in enumerate(paras[:6]) if size + 1 + len(p) <= 900]
                    if not fits:
                        break
                    text.append(paras.pop(fits[0]))
                heading = " ".join(re.findall(r"[A-Za-z]+", text[0])[:rng.randint(3, 6)]).capitalize()
                body.append(f"## {len(body) + 1}. {heading}\n\n" + "\n\n".join(text) + "\n")
                sections += 1
                used += 1
            if not body:
                break
            title = f"Notes on {area} (part {part + 1})"
            (dest / f"{area.replace('.', '-')}-{part + 1:02d}.md").write_text(f"# {title}\n\n" + "\n".join(body))
            docs += 1
        if sections >= n_chunks:
            break
    return {"documents": docs, "sections": sections, **corpus_stats(dest)}


def corpus_stats(corpus: Path) -> dict[str, object]:
    """Chunk count and chunk-length percentiles, as the project's loader and chunker see them."""
    from bot.core.chunking import chunk_document
    from bot.core.loaders import iter_corpus_files, load_document

    lengths = sorted(len(c.text) for path, name in iter_corpus_files(corpus)
                     for c in chunk_document(load_document(path, name)))
    pick = lambda p: lengths[int((len(lengths) - 1) * p)] if lengths else 0  # noqa: E731
    return {"chunks": len(lengths), "chars_p10": pick(0.1), "chars_p50": pick(0.5), "chars_p90": pick(0.9)}


def sentence_pool() -> list[str]:
    """Distinct prose sentences for synthetic chunk texts."""
    from bot.core.text import split_sentences

    out = []
    for _, para in harvest_prose():
        out.extend(s for s in split_sentences(para) if 40 <= len(s) <= 400)
    return list(dict.fromkeys(out))


def load_questions() -> list[str]:
    questions = []
    for path in QUESTION_FILES:
        questions += [json.loads(line)["question"] for line in path.read_text().splitlines() if line.strip()]
    return questions

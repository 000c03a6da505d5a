"""Issue 14's last side-by-side figure: the cold build of the big plain-text note (20 MB, about
33,000 chunks) with each embedding backend, against the bare fp32 sentence-transformers encode of
the same chunk texts, each in ONE process tree of its own, at one thread: CPU seconds, wall
seconds and the peak RSS of the process tree (sampled every 50 ms).

The note, the measured child and its RSS sampler are bench/big_file.py's (`make_note`,
`run_child`): a build is `StudyService.reindex` into a fresh index folder and an empty embedding
cache, the quiz bank of a big note in a process of its own, as `studybot index` runs it; the bare
encode (`big_file.bare_child`) embeds the exact chunk texts the indexer's `read_corpus` makes, in
one `model.encode` call after the model is loaded and warmed up. Figures of a build: **answers
ready** (the build published and loaded), **answers ready with their sentence vectors** (the
sentence stage after publishing: what 7l-7s compare), and the **whole build** (the quiz bank made,
its process's CPU included), each from the child's start mark; of the bare encode, the encode call.
An ONNX backend's files are made once beforehand, outside the measurement (a tiny note's build).

The whole run costs about four CPU-hours (torch and onnx fp32, and the bare encode, about an hour
each at 20 MB), so it resumes: each backend's figures are written to a record under
bench/out/big-file-backends/records/ as soon as it finishes (with the machine, the CPU model, the
load average through the run, the commit), and a rerun skips every backend already recorded for the
same note (its SHA-256), the same threads and the same measured code: the last commit that changed
bot/ (a commit of benchmarks or results only does not call for four CPU-hours again; with
uncommitted changes under bot/ the key says so). `--report` prints the side-by-side table from the
records alone.

    nice -n 19 .venv/bin/python bench/big_file_backends.py --mb 20 [--threads 1]
        [--backends onnx-int8,torch-bf16,bare-fp32,onnx,torch] [--keep-index]
    .venv/bin/python bench/big_file_backends.py --report [--mb 20]

Asserts nothing; prints and records.
"""

from __future__ import annotations

import argparse
import datetime
import hashlib
import importlib.metadata as md
import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import big_file
import common

OUT = common.OUT / "big-file-backends"
RECORDS = OUT / "records"
# Cheapest first, so that a run cut short has the most rows (the bare encode before the two fp32
# builds, whose ratios need it).
ORDER = ["onnx-int8", "torch-bf16", big_file.BARE, "onnx", "torch"]
LOAD_EVERY = 15.0  # seconds between load-average samples during a run


# --- what a record is keyed by ---------------------------------------------------------------


def note_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _git(*args: str) -> str:
    return subprocess.run(["git", *args], capture_output=True, text=True, cwd=common.ROOT).stdout.strip()


def measured_code() -> str:
    """The last commit that changed bot/ (the code measured), and whether bot/ has uncommitted
    changes (then every rerun measures again: their content is not known by a name)."""
    dirty = bool(_git("status", "--porcelain", "--", "bot"))
    return _git("log", "-1", "--format=%h", "--", "bot") + ("+uncommitted" if dirty else "")


def record_key(note_sha: str, code: str, threads: int, backend: str) -> dict:
    return {"note_sha256": note_sha, "code": code, "threads": threads, "backend": backend}


def same_key(record: dict, key: dict) -> bool:
    return all(record.get(k) == v for k, v in key.items())


def load_records(folder: Path = RECORDS) -> list[dict]:
    records = []
    for path in sorted(folder.glob("*.json")) if folder.is_dir() else []:
        try:
            records.append(json.loads(path.read_text(encoding="utf-8")))
        except (OSError, ValueError):
            print(f"unreadable record skipped: {path}", file=sys.stderr)
    return records


def recorded(records: list[dict], key: dict) -> dict | None:
    """The newest record of `key`, if any."""
    found = [r for r in records if same_key(r, key)]
    return max(found, key=lambda r: r.get("finished_utc", "")) if found else None


def pending(backends: list[str], records: list[dict], note_sha: str, code: str, threads: int) -> list[str]:
    """The backends a run still has to measure, in their order: those with no record of this note,
    measured code and threads (a rerun after an interruption measures only these)."""
    return [b for b in backends if recorded(records, record_key(note_sha, code, threads, b)) is None]


def write_record(record: dict, folder: Path = RECORDS) -> Path:
    """Written whole or not at all (a run killed while writing leaves no half record)."""
    folder.mkdir(parents=True, exist_ok=True)
    name = (f"{record['note_mb']:g}mb-{record['note_sha256'][:12]}-{record['code']}-t{record['threads']}-"
            f"{record['backend']}.json")
    path = folder / name
    partial = path.with_suffix(".json.partial")
    partial.write_text(json.dumps(record, indent=1) + "\n", encoding="utf-8")
    os.replace(partial, path)
    return path


# --- figures from a child's marks ------------------------------------------------------------


def _at(mark: dict) -> tuple[float, float]:
    return mark["t"], mark["cpu"]


def _since(start: dict, mark: dict | None) -> dict | None:
    if mark is None:
        return None
    return {"wall": round(mark["t"] - start["t"], 2), "cpu": round(mark["cpu"] - start["cpu"], 2)}


def stage_spans(marks: list[dict]) -> dict[str, dict]:
    """Wall and CPU seconds of each stage, from its first mark to the next stage's first mark,
    summed over the times a stage comes back (in order of first appearance)."""
    spans: dict[str, dict] = {}
    bounds = []
    for mark in marks:
        if not bounds or bounds[-1]["stage"] != mark["stage"]:
            bounds.append(mark)
    for begin, end in zip(bounds, bounds[1:]):
        span = spans.setdefault(begin["stage"], {"wall": 0.0, "cpu": 0.0})
        span["wall"] = round(span["wall"] + end["t"] - begin["t"], 2)
        span["cpu"] = round(span["cpu"] + end["cpu"] - begin["cpu"], 2)
    return spans


def figures(backend: str, marks: list[dict], samples: list[tuple[float, float]]) -> dict:
    """A finished child's figures: wall and CPU seconds of what the target compares, and the
    peak RSS of its process tree up to each point."""
    start = next(m for m in marks if m["stage"] == "start")
    done = next(m for m in marks if m["stage"] == "done")

    def peak_until(mark: dict | None) -> float | None:
        inside = [rss for t, rss in samples if mark is None or t <= mark["t"]]
        return round(max(inside)) if inside else None

    out = {"stages": stage_spans(marks), "peak_rss_mb": peak_until(None),
           "ru_maxrss_mb": round(done.get("ru_maxrss_mb", 0)),
           "children_ru_maxrss_mb": round(done.get("children_ru_maxrss_mb", 0))}
    if backend == big_file.BARE:
        embedding = [m for m in marks if m["stage"] == "embedding"]
        out["encode"] = _since(embedding[0], embedding[-1])
        out["texts"] = done.get("texts")
        out["whole"] = _since(start, done)
        return out
    answers = next((m for m in marks if m["stage"] == "answers ready"), None)
    finished = [m for m in marks if m["stage"] == "sentence vectors" and m.get("total") is not None
                and m.get("done") == m["total"]]
    with_sentences = finished[-1] if finished else answers
    report = done.get("report", {})
    out.update(answers_ready=_since(start, answers), with_sentences=_since(start, with_sentences),
               whole=_since(start, done), peak_rss_to_answers_mb=peak_until(answers),
               peak_rss_to_sentences_mb=peak_until(with_sentences), chunks=report.get("chunks"),
               embedded=report.get("embedded"), reused=report.get("reused"),
               quiz_items=report.get("quiz_items"), by_model=done.get("by_model", {}))
    return out


# --- the run ---------------------------------------------------------------------------------


def _load_sampler(into: list[float], stop: threading.Event) -> threading.Thread:
    def sample() -> None:
        while True:
            into.append(os.getloadavg()[0])
            if stop.wait(LOAD_EVERY):
                return

    thread = threading.Thread(target=sample, daemon=True)
    thread.start()
    return thread


def _now() -> str:
    return datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M:%S UTC")


def measure(backend: str, note: Path, key: dict, mb: float, threads: int, keep_index: bool) -> dict:
    """One backend in one process tree (big_file.run_child); its record."""
    index = OUT / f"index-{backend}"
    if backend != big_file.BARE:
        big_file.make_model_files(index, backend, OUT / "tiny")
        big_file.fresh_index(index)
    loads: list[float] = []
    stop = threading.Event()
    sampler = _load_sampler(loads, stop)
    started = _now()
    load_start = " ".join(f"{x:.2f}" for x in os.getloadavg())
    try:
        run = big_file.run_child(note.parent, index, backend, threads=threads)
    finally:
        stop.set()
        sampler.join()
    if backend != big_file.BARE and not keep_index:
        big_file.fresh_index(index)  # a 20 MB build's cache and sentence files: hundreds of MB each
    info = common.machine_info()
    return {**key, "note_mb": mb, "note_bytes": note.stat().st_size, "commit": _git("rev-parse", "--short", "HEAD"),
            "code_version": info["code"], "started_utc": started, "finished_utc": _now(),
            "machine": {k: info[k] for k in ("cpu", "cores", "ram_gb", "python", "torch", "faiss", "numpy",
                                             "sentence_transformers")} | {"onnxruntime": md.version("onnxruntime")},
            "nice": os.nice(0),
            "load": {"start": load_start, "end": " ".join(f"{x:.2f}" for x in os.getloadavg()),
                     "min": round(min(loads), 2), "max": round(max(loads), 2),
                     "mean": round(sum(loads) / len(loads), 2)},
            "process_wall": round(run["wall"], 2), "figures": figures(backend, run["marks"], run["samples"])}


# --- the report ------------------------------------------------------------------------------


def _pair(span: dict | None) -> str:
    return f"{span['wall']:.0f} / {span['cpu']:.0f}" if span else "-"


def _ratio(bare: dict | None, span: dict | None) -> str:
    if not bare or not span or not span["cpu"] or not span["wall"]:
        return "-"
    return f"{bare['cpu'] / span['cpu']:.2f}x / {bare['wall'] / span['wall']:.2f}x"


def report_lines(records: list[dict]) -> list[str]:
    """The side-by-side table of each (note, code, threads) the records hold, backends in ORDER."""
    groups: dict[tuple, list[dict]] = {}
    for r in records:
        groups.setdefault((r["note_sha256"], r["code"], r["threads"]), []).append(r)
    lines = []
    for (sha, code, threads), group in sorted(groups.items(), key=lambda g: min(r["started_utc"] for r in g[1])):
        newest = {r["backend"]: recorded(group, {"backend": r["backend"]}) for r in group}
        rows = sorted(newest.values(), key=lambda r: ORDER.index(r["backend"]) if r["backend"] in ORDER else len(ORDER))
        first = rows[0]
        bare = newest.get(big_file.BARE)
        bare_encode = bare["figures"]["encode"] if bare else None
        machine = first["machine"]
        lines += ["", f"### {first['note_mb']:g} MB note (sha256 {sha[:12]}, {first['note_bytes']:,} bytes), code {code}, "
                  f"threads {threads or 'library default'}",
                  f"machine: {machine['cpu']}, {machine['cores']} cores, {machine['ram_gb']} GB RAM | Python "
                  f"{machine['python']}, torch {machine['torch']}, onnxruntime {machine['onnxruntime']}, "
                  f"sentence-transformers {machine['sentence_transformers']}, faiss {machine['faiss']}", "",
                  "wall s / CPU s of each; ratios are the bare fp32 encode's CPU / wall over the build's "
                  "(over 1x: the build is faster than the bare encode)", "",
                  "| backend | chunks (embedded) | answers ready | with sentence vectors | whole build (quiz bank) "
                  "| bare / answers ready (CPU / wall) | bare / with sentence vectors | bare / whole build "
                  "| peak RSS MB: to answers / sentences / whole | load avg min-max (mean) | nice | finished |",
                  "|---|---|---|---|---|---|---|---|---|---|---|---|"]
        for r in rows:
            f, load = r["figures"], r["load"]
            loads = f"{load['min']:.1f}-{load['max']:.1f} ({load['mean']:.1f})"
            if r["backend"] == big_file.BARE:
                lines.append(f"| bare fp32 encode (sentence-transformers) | {f['texts']:,} texts | encode {_pair(f['encode'])} "
                             f"| | whole process {_pair(f['whole'])} | 1.00x | 1.00x | | - / - / {f['peak_rss_mb']} "
                             f"| {loads} | {r['nice']} | {r['finished_utc']} |")
                continue
            lines.append(f"| {r['backend']} | {f['chunks']:,} ({f['embedded']:,}) | {_pair(f['answers_ready'])} "
                         f"| {_pair(f['with_sentences'])} | {_pair(f['whole'])} | {_ratio(bare_encode, f['answers_ready'])} "
                         f"| {_ratio(bare_encode, f['with_sentences'])} | {_ratio(bare_encode, f['whole'])} "
                         f"| {f['peak_rss_to_answers_mb']} / {f['peak_rss_to_sentences_mb']} / {f['peak_rss_mb']} "
                         f"| {loads} | {r['nice']} | {r['finished_utc']} |")
        missing = [b for b in ORDER if b not in newest]
        if missing:
            lines.append(f"\nnot recorded yet: {', '.join(missing)}")
    return lines or ["no records under " + str(RECORDS)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mb", type=float, help="size of the note (default 20: issue 14's); with --report, "
                        "only this note's records")
    parser.add_argument("--threads", type=int, default=1, help="threads of the model and OpenMP in each process "
                        "tree (1: CPU seconds that hold on a busy machine; 0: each library's default)")
    parser.add_argument("--backends", default=",".join(ORDER), help="in this order (default: cheapest first)")
    parser.add_argument("--keep-index", action="store_true", help="keep each build's index folder afterwards")
    parser.add_argument("--report", action="store_true", help="print the table from the records and stop")
    args = parser.parse_args()
    if args.report:
        records = load_records()
        if args.mb is not None:
            records = [r for r in records if r["note_mb"] == args.mb]
        print("\n".join(report_lines(records)))
        return
    args.mb = 20.0 if args.mb is None else args.mb
    backends = args.backends.split(",")
    unknown = [b for b in backends if b not in ORDER]
    if unknown:
        parser.error(f"unknown backends {unknown} (one of {', '.join(ORDER)})")
    common.print_machine()
    note = OUT / f"note-{args.mb:g}mb" / "notes.txt"
    if not note.exists():
        big_file.make_note(note, args.mb)
    sha, code = note_sha256(note), measured_code()
    print(f"note: {note} ({note.stat().st_size / 1e6:.2f} MB, sha256 {sha[:12]}); measured code {code}; "
          f"threads {args.threads or 'library default'}; nice {os.nice(0)}", flush=True)
    for backend in backends:
        if backend not in pending([backend], load_records(), sha, code, args.threads):
            print(f"{backend}: already recorded for this note, code and threads; skipped", flush=True)
            continue
        key = record_key(sha, code, args.threads, backend)
        print(f"{backend}: started {_now()}, load {os.getloadavg()[0]:.1f}", flush=True)
        try:
            record = measure(backend, note, key, args.mb, args.threads, args.keep_index)
        except Exception as exc:  # noqa: BLE001 - one backend's failure must not lose the others' run
            print(f"{backend}: FAILED ({exc})", flush=True)
            continue
        print(f"{backend}: recorded in {write_record(record)}", flush=True)
    print("\n".join(report_lines([r for r in load_records() if r["note_sha256"] == sha])))


if __name__ == "__main__":
    main()

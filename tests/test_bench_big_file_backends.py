"""bench/big_file_backends.py's own logic, without a model: what a record is keyed by and which
backends a rerun skips, the figures read from a child's marks, and the side-by-side table's
ratios. Timings are made up here; nothing about real speed is asserted."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parent.parent / "bench"


@pytest.fixture(scope="module")
def bench():
    sys.path.insert(0, str(BENCH))
    try:
        import big_file_backends

        yield big_file_backends
    finally:
        sys.path.remove(str(BENCH))


def _mark(t, cpu, stage, **extra):
    return {"t": t, "cpu": cpu, "stage": stage, **extra}


BUILD_MARKS = [
    _mark(100.0, 1.0, "start"),
    _mark(101.0, 2.0, "reading and chunking"),
    _mark(103.0, 4.0, "embedding", done=0, total=10),
    _mark(150.0, 50.0, "embedding", done=10, total=10),
    _mark(151.0, 51.0, "BM25"),
    _mark(152.0, 52.0, "answers ready"),
    _mark(153.0, 53.0, "sentence vectors", done=0, total=10),
    _mark(190.0, 89.0, "sentence vectors", done=5, total=10),
    _mark(200.0, 99.0, "sentence vectors", done=10, total=10),
    _mark(201.0, 100.0, "quiz bank (after publishing; its own process for big notes)"),
    _mark(260.0, 160.0, "done", report={"chunks": 10, "embedded": 10, "reused": 0, "quiz_items": 3},
          ru_maxrss_mb=700.4, children_ru_maxrss_mb=500.0, by_model={"embedding": 10}),
]
BARE_MARKS = [
    _mark(10.0, 0.5, "start"),
    _mark(10.5, 1.0, "reading and chunking"),
    _mark(12.0, 2.5, "loading the model"),
    _mark(15.0, 5.0, "embedding", done=0, total=10),
    _mark(115.0, 200.0, "embedding", done=10, total=10),
    _mark(115.5, 200.2, "done", texts=10, ru_maxrss_mb=750.0, children_ru_maxrss_mb=0.0),
]


def test_a_builds_figures_are_read_from_its_start_mark_to_answers_sentences_and_done(bench):
    samples = [(120.0, 300.0), (152.0, 400.0), (180.0, 650.0), (230.0, 900.0)]
    f = bench.figures("onnx-int8", BUILD_MARKS, samples)
    assert f["answers_ready"] == {"wall": 52.0, "cpu": 51.0}
    # The end of the sentence stage is its last mark with every passage done, not its first mark.
    assert f["with_sentences"] == {"wall": 100.0, "cpu": 98.0}
    assert f["whole"] == {"wall": 160.0, "cpu": 159.0}
    assert (f["peak_rss_to_answers_mb"], f["peak_rss_to_sentences_mb"], f["peak_rss_mb"]) == (400, 650, 900)
    assert (f["chunks"], f["embedded"], f["quiz_items"]) == (10, 10, 3)
    # A stage that reports progress several times is one span, up to the next stage's first mark.
    assert f["stages"]["embedding"] == {"wall": 48.0, "cpu": 47.0}
    assert f["stages"]["sentence vectors"] == {"wall": 48.0, "cpu": 47.0}


def test_the_bare_encodes_figure_is_its_encode_call_alone(bench):
    f = bench.figures(bench.big_file.BARE, BARE_MARKS, [(20.0, 760.0)])
    assert f["encode"] == {"wall": 100.0, "cpu": 195.0}
    assert f["whole"] == {"wall": 105.5, "cpu": 199.7}
    assert f["texts"] == 10 and f["peak_rss_mb"] == 760


def test_stage_spans_add_up_a_stage_that_comes_back(bench):
    marks = [_mark(0, 0, "a"), _mark(1, 1, "b"), _mark(3, 2, "a"), _mark(7, 4, "c")]
    assert bench.stage_spans(marks) == {"a": {"wall": 5.0, "cpu": 3.0}, "b": {"wall": 2.0, "cpu": 1.0}}


def _record(bench, backend, figures, *, sha="abc" * 10, code="1234567", threads=1, finished="2026-12-04 14:00:00 UTC"):
    return {**bench.record_key(sha, code, threads, backend), "note_mb": 20.0, "note_bytes": 20_000_000,
            "started_utc": finished, "finished_utc": finished, "nice": 19,
            "machine": {"cpu": "AMD EPYC", "cores": 2, "ram_gb": 23.5, "python": "3.11.7", "torch": "2",
                        "faiss": "1", "numpy": "2", "sentence_transformers": "6", "onnxruntime": "1.32"},
            "load": {"start": "1", "end": "2", "min": 1.0, "max": 4.0, "mean": 2.0}, "figures": figures}


def test_a_rerun_measures_only_backends_not_recorded_for_this_note_code_and_threads(bench, tmp_path):
    folder = tmp_path / "records"
    bench.write_record(_record(bench, "onnx-int8", {}), folder)
    bench.write_record(_record(bench, "torch", {}, code="7654321"), folder)  # other code
    bench.write_record(_record(bench, "onnx", {}, threads=0), folder)  # other threads
    bench.write_record(_record(bench, "torch-bf16", {}, sha="def" * 10), folder)  # other note
    assert not list(folder.glob("*.partial"))
    records = bench.load_records(folder)
    assert len(records) == 4
    assert bench.pending(bench.ORDER, records, "abc" * 10, "1234567", 1) == [
        "torch-bf16", "bare-fp32", "onnx", "torch"]
    assert bench.pending(bench.ORDER, [], "abc" * 10, "1234567", 1) == bench.ORDER


def test_the_newest_record_of_a_key_is_the_one_read(bench):
    old = _record(bench, "onnx", {"n": 1}, finished="2026-12-04 14:00:00 UTC")
    new = _record(bench, "onnx", {"n": 2}, finished="2026-12-04 15:00:00 UTC")
    assert bench.recorded([new, old], bench.record_key("abc" * 10, "1234567", 1, "onnx"))["figures"] == {"n": 2}


def test_the_report_gives_each_build_against_the_bare_encode_and_names_what_is_missing(bench):
    bare = _record(bench, "bare-fp32", {"encode": {"wall": 300.0, "cpu": 200.0}, "whole": {"wall": 320.0, "cpu": 210.0},
                                        "texts": 10, "peak_rss_mb": 760})
    build = {"chunks": 10, "embedded": 10, "answers_ready": {"wall": 50.0, "cpu": 40.0},
             "with_sentences": {"wall": 100.0, "cpu": 100.0}, "whole": {"wall": 150.0, "cpu": 400.0},
             "peak_rss_to_answers_mb": 400, "peak_rss_to_sentences_mb": 650, "peak_rss_mb": 900}
    lines = bench.report_lines([_record(bench, "onnx-int8", build), bare])
    row = next(line for line in lines if line.startswith("| onnx-int8 "))
    # bare CPU / build CPU, then bare wall / build wall
    assert "| 5.00x / 6.00x | 2.00x / 3.00x | 0.50x / 2.00x |" in row
    assert "| 400 / 650 / 900 |" in row
    assert lines.index(row) < lines.index(next(line for line in lines if line.startswith("| bare fp32")))
    assert "not recorded yet: torch-bf16, onnx, torch" in "\n".join(lines)
    # Without the bare encode recorded, no ratio is made up.
    alone = next(line for line in bench.report_lines([_record(bench, "onnx-int8", build)])
                 if line.startswith("| onnx-int8 "))
    assert "| - | - | - |" in alone

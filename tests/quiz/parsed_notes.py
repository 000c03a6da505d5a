"""The set-up the concept-item tests share: notes parsed as the generator parses them, and made-up
notes turned into chunks and flashcards."""
from bot.core import nlp
from bot.core.documents import Chunk, make_chunk_id
from bot.core.quiz.gen_lexicon import NotesLexicon
from bot.core.quiz.generator import generate_items


def parsed_notes(text: str) -> tuple[list, NotesLexicon]:
    """The notes' lines parsed by spaCy, and the lexicon of names by kind that holds their entities."""
    docs = nlp.parse_lines(text.splitlines())
    lexicon = NotesLexicon(text)
    for doc in docs:
        lexicon.add_doc(doc)
    return docs, lexicon


def section_chunks(document: str, sections) -> list[Chunk]:
    """One chunk a (heading path, text) pair of `document`, in order."""
    return [Chunk(make_chunk_id(document, tuple(path), text, i), document, tuple(path), None, i, text)
            for i, (path, text) in enumerate(sections)]


def note_chunks(title: str, paragraphs: list[str], document: str = "notes.md") -> list[Chunk]:
    """One chunk a paragraph of a note under one heading, `title`."""
    return section_chunks(document, [((title,), text) for text in paragraphs])


def flashcards(title: str, paragraphs: list[str], document: str = "notes.md") -> dict[str, str]:
    """The flashcards the generator makes of those notes, prompt to answer (no learned cut-off)."""
    return {i.prompt: i.answer for i in generate_items(note_chunks(title, paragraphs, document), learned_cutoff=False)
            if i.kind == "flashcard"}


def chunks_of(paragraphs: list[str], title: str, suffix: str = ".txt") -> list[Chunk]:
    """One chunk a paragraph of a note named after its title ("The Northern League" ->
    the-northern-league.txt), under that title as its one heading."""
    return note_chunks(title, paragraphs, title.lower().replace(" ", "-") + suffix)

"""The set-up the concept-item tests share: notes parsed as the generator parses them."""
from bot.core import nlp
from bot.core.quiz.gen_lexicon import NotesLexicon


def parsed_notes(text: str) -> tuple[list, NotesLexicon]:
    """The notes' lines parsed by spaCy, and the lexicon of names by kind that holds their entities."""
    docs = nlp.parse_lines(text.splitlines())
    lexicon = NotesLexicon(text)
    for doc in docs:
        lexicon.add_doc(doc)
    return docs, lexicon

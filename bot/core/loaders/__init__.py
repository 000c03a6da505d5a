"""Course documents from disk: `load_document` reads one file into blocks with heading paths;
`iter_corpus_files` lists the files of a corpus folder that can be loaded."""

from bot.core.loaders.corpus import SUPPORTED_SUFFIXES, iter_corpus_files
from bot.core.loaders.load import load_document

__all__ = ["SUPPORTED_SUFFIXES", "iter_corpus_files", "load_document"]

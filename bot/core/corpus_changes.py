"""Has the corpus changed since the index was built? Judged from names, sizes and modification
times alone (no document is read), so that every start can afford to ask."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from bot.core.index_store import Manifest
from bot.core.loaders import iter_corpus_files
from bot.core.quiz.teacher_bank import quiz_file_hashes


def corpus_changes(corpus_dir: Path, manifest: Manifest) -> list[str]:
    """Names of the files added, changed or removed since `manifest` was built, sorted."""
    # The manifest's time is to the second: a file touched within the second of the build is
    # taken as indexed, so that a build right after copying notes is not seen as stale.
    built = datetime.fromisoformat(manifest.built_at).timestamp() + 1
    sizes: dict[str, int | None] = {name: entry.size for name, entry in manifest.documents.items()}
    sizes.update({name: None for name in manifest.skipped if name not in sizes})
    changed, present = set(), set()
    for path, name in iter_corpus_files(corpus_dir):
        present.add(name)
        try:
            stat = path.stat()
        except OSError:
            continue
        known = sizes.get(name, -1)
        if known == -1 or (known is not None and stat.st_size != known) or stat.st_mtime > built:
            changed.add(name)
    changed |= {name for name in manifest.documents if name not in present}
    before = manifest.quiz.get("files") or {}
    now = quiz_file_hashes(corpus_dir)
    changed |= {name for name in {*before, *now} if before.get(name) != now.get(name)}
    return sorted(changed)

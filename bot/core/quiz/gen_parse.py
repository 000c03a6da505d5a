"""Look-ups on a sentence's spaCy parse that several quiz modules need in the same form.

Only the look-ups that really are one job live here. Those that look alike but ask something else
keep their own code, with a comment saying why: gen_cards' subject of a clause (the root must be a
verb, a conjoined verb's subject counts too) and the generator's doers (every name that does
something, the agent of a passive included, not only the main clause's subject).
"""

from __future__ import annotations

_ACTIVE = frozenset({"nsubj"})
_ACTIVE_OR_PASSIVE = frozenset({"nsubj", "nsubjpass"})


def root_subject(doc, *, passive: bool = True):
    """The subject of the sentence's main verb (the parse's root), None when it has none. `passive`: a
    passive's subject counts too ("The tank is filled ..."); without it only an active one does, as
    where the subject is what the verb says of it ("X is a Y", "X contains Y")."""
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None:
        return None
    deps = _ACTIVE_OR_PASSIVE if passive else _ACTIVE
    return next((c for c in root.children if c.dep_ in deps), None)

"""Measuring answers on a question set (format: shared `eval/README.md`): retrieval recall of the
evidence, mean reciprocal rank, and, per kind of question, what a student would see.

Kinds: `covered` (the notes answer it), `adversarial` (it looks answerable from the notes but they do
not state the fact: a hedged or declined answer is right, a confident one is wrong) and `off-topic`
(the notes do not cover it; declining is right). A line without `kind` is `covered` when it is
answerable and `off-topic` when not; any other label is reported as a group of its own.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from bot.core.answering import CONFIDENT, Answer
from bot.core.text import without_code_marks
from bot.core.tokens import fold
from bot.errors import InvalidInputError

COVERED, ADVERSARIAL, OFF_TOPIC = "covered", "adversarial", "off-topic"
KINDS = (COVERED, ADVERSARIAL, OFF_TOPIC)


# One line of a question file, as `studybot eval --help` and the README show it.
EXAMPLE_LINE = ('{"question": "Who replaced Peng Dehuai?", "evidence": ["replaced by the more compliant '
                'Lin Biao"], "answer": ["Lin Biao"]}')
FORMAT_HELP = (
    "One JSON object a line: \"question\" (text, required); \"evidence\": phrases of the notes, one "
    "of which a returned passage should contain; \"answer\": words a right answer shows (each a "
    "list of texts, or one text); \"answerable\": false when the notes do not cover the question; "
    "\"kind\": an optional label. A question without evidence is left out of recall and MRR.")


@dataclass(frozen=True)
class EvalQuestion:
    question: str
    evidence: tuple[str, ...] = ()
    answer: tuple[str, ...] = ()
    answerable: bool = True
    kind: str = ""

    @property
    def category(self) -> str:
        if self.kind:
            return self.kind
        return COVERED if self.answerable else OFF_TOPIC


class _BadField(ValueError):
    def __init__(self, field: str, problem: str) -> None:
        super().__init__(f"{field!r} {problem}")


def load_questions(path: Path) -> list[EvalQuestion]:
    """Read a question file; a line that is not a well-formed question is an error naming the line
    and the field, never a silent score (a string iterated as a list matched any passage)."""
    if not path.is_file():
        raise InvalidInputError(f"No question file at {path}.")
    questions = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            questions.append(_question(json.loads(line)))
        except ValueError as exc:  # json.JSONDecodeError and _BadField
            what = str(exc) if isinstance(exc, _BadField) else f"not valid JSON ({exc})"
            raise InvalidInputError(f"{path.name}, line {number}: {what}.",
                                    hint=f"Each line is like {EXAMPLE_LINE}") from exc
    return questions


def _question(data: object) -> EvalQuestion:
    if not isinstance(data, dict):
        raise _BadField("line", "must be a JSON object")
    question = data.get("question")
    if not isinstance(question, str) or not question.strip():
        raise _BadField("question", "must be a non-empty text")
    answerable = data.get("answerable", True)
    if not isinstance(answerable, bool):
        raise _BadField("answerable", f"must be true or false, not {json.dumps(answerable)}")
    kind = data.get("kind", "")
    if not isinstance(kind, str):
        raise _BadField("kind", "must be a text")
    return EvalQuestion(question, _phrases(data, "evidence"), _phrases(data, "answer"), answerable, kind)


def _phrases(data: dict, field: str) -> tuple[str, ...]:
    """A list of texts, or one text (taken as one phrase, not as its characters)."""
    value = data.get(field, [])
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise _BadField(field, "must be a text or a list of texts")
    return tuple(v for v in value if v.strip())


def _norm(text: str) -> str:
    # Inline code's backticks are marks, not words: "use the `key` parameter" holds "the key parameter".
    return " ".join(fold(without_code_marks(text)).split())


def evidence_rank(answer: Answer, evidence: tuple[str, ...]) -> int | None:
    """1-based rank of the first returned passage that holds one of the evidence phrases."""
    wanted = [_norm(e) for e in evidence]
    for rank, passage in enumerate(answer.passages, 1):
        text = _norm(passage.quote)
        if any(w in text for w in wanted):
            return rank
    return None


def holds(text: str, words: tuple[str, ...]) -> bool:
    """Whether a text shows one of the accepted answers (case and accents ignored)."""
    text = _norm(text)
    return any(_norm(w) in text for w in words)


def answer_hit(answer: Answer, words: tuple[str, ...]) -> bool:
    return not answer.abstained and holds(answer.text, words)


def first_sentence_hit(answer: Answer, words: tuple[str, ...]) -> bool:
    return not answer.abstained and bool(answer.sentences) and holds(answer.sentences[0], words)


@dataclass(frozen=True)
class EvalReport:
    metrics: dict[str, float | int | None]
    records: list[dict]
    by_kind: dict[str, dict[str, float | int | None]]


def run_eval(questions: list[EvalQuestion], ask: Callable[[str], Answer]) -> EvalReport:
    records = []
    for q in questions:
        answer = ask(q.question)
        record = {"question": q.question, "kind": q.category, "answerable": q.answerable,
                  "abstained": answer.abstained, "tier": answer.tier, "answer": answer.text,
                  "sentences": len(answer.sentences), "citations": [c.to_dict() for c in answer.citations],
                  "top_score": round(answer.top_score, 4), "match": round(getattr(answer, "match", 0.0), 4),
                  "similarity": getattr(answer, "similarity", None), "kind_ok": getattr(answer, "kind_ok", True),
                  "passage_match": round(getattr(answer, "passage_match", 0.0), 4),
                  "unplaced": list(getattr(answer, "unplaced", ())), "reason": answer.reason}
        if q.answerable:
            if q.evidence:  # without evidence there is nothing to find: not a retrieval miss
                record["evidence_rank"] = evidence_rank(answer, q.evidence)
            if q.answer:
                record["answer_hit"] = answer_hit(answer, q.answer)
                record["first_sentence_hit"] = first_sentence_hit(answer, q.answer)
        records.append(record)
    return EvalReport(_metrics(records), records, kind_metrics(records))


def _share(values: list[bool]) -> float | None:
    return round(sum(values) / len(values), 4) if values else None


def _mean(values: list[float]) -> float | None:
    return round(sum(values) / len(values), 3) if values else None


def _metrics(records: list[dict]) -> dict[str, float | int | None]:
    answerable = [r for r in records if r["answerable"]]
    ranks = [r.get("evidence_rank") for r in answerable if "evidence_rank" in r]

    def recall_at(k: int) -> float | None:
        return _share([r is not None and r <= k for r in ranks])

    hits = [r["answer_hit"] for r in answerable if "answer_hit" in r]
    answered = [r for r in records if not r["abstained"]]
    mrr = round(sum(1 / r for r in ranks if r) / len(ranks), 4) if ranks else None
    return {
        "questions": len(records), "covered": len(answerable), "uncovered": len(records) - len(answerable),
        "recall@1": recall_at(1), "recall@3": recall_at(3), "recall@5": recall_at(5), "mrr": mrr,
        "answer_hit_rate": _share(hits),
        "first_sentence_hit_rate": _share([r["first_sentence_hit"] for r in answerable if "first_sentence_hit" in r]),
        "abstention_uncovered": _share([r["abstained"] for r in records if not r["answerable"]]),
        "false_abstention_covered": _share([r["abstained"] for r in answerable]),
        "sentences_per_answer": _mean([r["sentences"] for r in answered]),
    }


def kind_metrics(records: list[dict]) -> dict[str, dict[str, float | int | None]]:
    """What each kind of question got: for covered ones whether the fact was in the answer and in
    its first sentence; for every kind how often it was declined or answered confidently."""
    out: dict[str, dict[str, float | int | None]] = {}
    # The three kinds this project's pools use first, then any other label a file gives.
    labels = [*KINDS, *sorted({r["kind"] for r in records} - set(KINDS))]
    for kind in labels:
        group = [r for r in records if r["kind"] == kind]
        if not group:
            continue
        answered = [r for r in group if not r["abstained"]]
        confident = [r for r in group if r["tier"] == CONFIDENT]
        figures: dict[str, float | int | None] = {
            "questions": len(group),
            "declined": _share([r["abstained"] for r in group]),
            "answered_confident": _share([r["tier"] == CONFIDENT for r in group]),
            "sentences_per_answer": _mean([r["sentences"] for r in answered]),
        }
        scored = [r for r in group if "answer_hit" in r]
        if scored:
            figures["fact_in_answer"] = _share([r["answer_hit"] for r in scored])
            figures["fact_in_first_sentence"] = _share([r["first_sentence_hit"] for r in scored])
            figures["confident_precision"] = _share([r["answer_hit"] for r in confident if "answer_hit" in r])
        out[kind] = figures
    return out

"""Measuring answers on a question set (format: shared `eval/README.md`): retrieval recall of the
evidence, mean reciprocal rank, answer hit rate, and abstention on covered and uncovered questions."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from bot.core.answering import Answer
from bot.core.lexical import fold
from bot.errors import InvalidInputError


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
    return " ".join(fold(text).split())


def evidence_rank(answer: Answer, evidence: tuple[str, ...]) -> int | None:
    """1-based rank of the first returned passage that holds one of the evidence phrases."""
    wanted = [_norm(e) for e in evidence]
    for rank, passage in enumerate(answer.passages, 1):
        text = _norm(passage.quote)
        if any(w in text for w in wanted):
            return rank
    return None


def answer_hit(answer: Answer, words: tuple[str, ...]) -> bool:
    text = _norm(answer.text)
    return not answer.abstained and any(_norm(w) in text for w in words)


@dataclass(frozen=True)
class EvalReport:
    metrics: dict[str, float | int | None]
    records: list[dict]


def run_eval(questions: list[EvalQuestion], ask: Callable[[str], Answer]) -> EvalReport:
    records, ranks, hits, false_abstain, true_abstain = [], [], [], [], []
    for q in questions:
        answer = ask(q.question)
        record = {"question": q.question, "answerable": q.answerable, "abstained": answer.abstained,
                  "tier": answer.tier, "answer": answer.text,
                  "citations": [c.to_dict() for c in answer.citations]}
        if q.answerable:
            if q.evidence:  # without evidence there is nothing to find: not a retrieval miss
                rank = evidence_rank(answer, q.evidence)
                record["evidence_rank"] = rank
                ranks.append(rank)
            hit = answer_hit(answer, q.answer) if q.answer else None
            record["answer_hit"] = hit
            if hit is not None:
                hits.append(hit)
            false_abstain.append(answer.abstained)
        else:
            true_abstain.append(answer.abstained)
        records.append(record)
    return EvalReport(_metrics(ranks, hits, false_abstain, true_abstain, len(questions)), records)


def _share(values: list[bool]) -> float | None:
    return round(sum(values) / len(values), 4) if values else None


def _metrics(ranks, hits, false_abstain, true_abstain, total) -> dict[str, float | int | None]:
    def recall_at(k: int) -> float | None:
        return _share([r is not None and r <= k for r in ranks])

    mrr = round(sum(1 / r for r in ranks if r) / len(ranks), 4) if ranks else None
    return {
        "questions": total, "covered": len(false_abstain), "uncovered": len(true_abstain),
        "recall@1": recall_at(1), "recall@3": recall_at(3), "recall@5": recall_at(5), "mrr": mrr,
        "answer_hit_rate": _share(hits), "abstention_uncovered": _share(true_abstain),
        "false_abstention_covered": _share(false_abstain),
    }

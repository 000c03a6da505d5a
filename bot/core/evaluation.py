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


@dataclass(frozen=True)
class EvalQuestion:
    question: str
    evidence: tuple[str, ...] = ()
    answer: tuple[str, ...] = ()
    answerable: bool = True


def load_questions(path: Path) -> list[EvalQuestion]:
    if not path.is_file():
        raise InvalidInputError(f"No question file at {path}.")
    questions = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
            questions.append(EvalQuestion(
                question=str(data["question"]), evidence=tuple(data.get("evidence", ())),
                answer=tuple(data.get("answer", ())), answerable=bool(data.get("answerable", True))))
        except (ValueError, KeyError, TypeError) as exc:
            raise InvalidInputError(
                f"{path.name}, line {number}: not a question object ({type(exc).__name__}: {exc}).",
                hint='Each line must be JSON like {"question": "...", "evidence": [...], "answer": [...]}.',
            ) from exc
    return questions


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
            rank = evidence_rank(answer, q.evidence) if q.evidence else None
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

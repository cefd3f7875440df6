"""Scoring arithmetic shared by every evaluator."""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Iterable
from dataclasses import dataclass, field


@dataclass
class PRF:
    """Counts of true positives, false positives and false negatives, with P/R/F1."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, tp: int = 0, fp: int = 0, fn: int = 0) -> None:
        self.tp += tp
        self.fp += fp
        self.fn += fn

    def add_sets(self, predicted: Iterable[Hashable], gold: Iterable[Hashable]) -> None:
        """Compare two multisets of items (e.g. spans, codes) and count matches."""
        p, g = Counter(predicted), Counter(gold)
        tp = sum((p & g).values())
        self.add(tp, sum(p.values()) - tp, sum(g.values()) - tp)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self, prefix: str = "") -> dict[str, float]:
        return {f"{prefix}precision": round(self.precision, 4), f"{prefix}recall": round(self.recall, 4), f"{prefix}f1": round(self.f1, 4)}


@dataclass
class PerClass:
    """P/R/F1 per class label, plus macro averages."""

    by: dict[str, PRF] = field(default_factory=dict)

    def get(self, label: str) -> PRF:
        return self.by.setdefault(label, PRF())

    def add_pair(self, predicted: str | None, gold: str | None) -> None:
        """One item classified: predicted label vs gold label (None = no label)."""
        if predicted is not None and predicted == gold:
            self.get(gold).add(tp=1)
            return
        if predicted is not None:
            self.get(predicted).add(fp=1)
        if gold is not None:
            self.get(gold).add(fn=1)

    def macro_f1(self, labels: Iterable[str] | None = None) -> float:
        labels = list(labels) if labels is not None else sorted(self.by)
        return sum(self.get(label).f1 for label in labels) / len(labels) if labels else 0.0


def ratio(num: int, den: int) -> float:
    return round(num / den, 4) if den else 0.0

"""Well-known dated events (newsgraph/data/time/anchors.yaml) that let an undated text date itself."""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import yaml

from ..errors import NewsgraphError


@dataclass(frozen=True)
class Anchor:
    id: str
    dates: tuple[dt.date, ...]
    patterns: tuple[re.Pattern, ...]
    context: tuple[str, ...] = ()

    def found_in(self, sentence: str) -> re.Match | None:
        """Where the sentence names this event (None if it does not, or lacks the required context)."""
        for p in self.patterns:
            m = p.search(sentence)
            if m:
                if self.context and self.context_distance(sentence, m) is None:
                    return None
                return m
        return None

    def context_distance(self, sentence: str, m: re.Match) -> int | None:
        """How far the nearest context word is from the match (0 without context words; None when none is there)."""
        if not self.context:
            return 0
        best = None
        for c in self.context:
            for cm in re.finditer(rf"(?<!\w){re.escape(c)}(?!\w)", sentence):
                d = cm.start() - m.end() if cm.start() >= m.end() else m.start() - cm.end()
                best = d if best is None else min(best, max(d, 0))
        return best


def default_anchor_path() -> Path:
    return Path(str(resources.files("newsgraph").joinpath("data", "time", "anchors.yaml")))


@functools.lru_cache(maxsize=4)
def load_anchors(path: str | None = None) -> tuple[Anchor, ...]:
    p = Path(path) if path else default_anchor_path()
    try:
        raw = yaml.safe_load(p.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as e:
        raise NewsgraphError(f"{p}: cannot read the anchor dates file ({e})") from None
    out = []
    for i, ev in enumerate(raw.get("events") or []):
        where = f"{p}: event {i + 1}"
        if not isinstance(ev, dict) or not ev.get("id") or not ev.get("patterns") or not ev.get("date"):
            raise NewsgraphError(f"{where}: needs id, date and patterns")
        dates = ev["date"] if isinstance(ev["date"], list) else [ev["date"]]
        parsed = []
        for d in dates:
            if isinstance(d, dt.date):
                parsed.append(d)
                continue
            try:
                parsed.append(dt.date.fromisoformat(str(d)))
            except ValueError:
                raise NewsgraphError(f"{where} ({ev['id']}): date {d!r} is not YYYY-MM-DD") from None
        try:
            pats = tuple(re.compile(x, re.IGNORECASE) for x in ev["patterns"])
        except re.error as e:
            raise NewsgraphError(f"{where} ({ev['id']}): bad pattern ({e})") from None
        out.append(Anchor(str(ev["id"]), tuple(sorted(parsed)), pats, tuple(str(c) for c in ev.get("context") or ())))
    return tuple(out)

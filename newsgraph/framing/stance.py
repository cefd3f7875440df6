"""Stance toward one named target in a text: the mean targeted tone of the mentions that denote it."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..actors.resolve import fold
from ..model import DocResult, MentionTone
from .tone import label_for, score_text


@dataclass(slots=True)
class Stance:
    target: str
    tone: float
    label: str
    mentions: list[MentionTone] = field(default_factory=list)
    fallback: bool = False  # the target was not found; the whole text was scored
    words: list[str] = field(default_factory=list)


def _names_match(target: str, *names: str | None) -> bool:
    t = fold(target)
    t_last = t.split()[-1] if t.split() else t
    for n in names:
        if not n:
            continue
        f = fold(n)
        if f == t or t in f or f in t or (len(t_last) > 3 and t_last in f.split()):
            return True
    return False


def matching_tones(result: DocResult, target: str, registry=None) -> list[MentionTone]:
    """Mention tones about ``target``: same registry actor, a phrase reached through it ("the Maduro regime"), or the same name."""
    ids: set[str] = set()
    if registry is not None:
        ids = {a.id for a in registry.find(target)}
    out = []
    for t in result.tones:
        if (ids and (t.actor.actor_id in ids or t.via in ids)) or (not ids and _names_match(target, t.actor.name, t.text)):
            out.append(t)
    if not out and ids:  # registry knows the name, but the text named it in a form resolved differently
        out = [t for t in result.tones if _names_match(target, t.actor.name, t.text)]
    return out


def stance_from_result(result: DocResult, target: str, registry=None) -> Stance:
    tones = matching_tones(result, target, registry)
    if not tones:
        sc = score_text(result.document.text)
        return Stance(target, sc.tone, sc.label, [], True, sc.words)
    mean = sum(t.tone for t in tones) / len(tones)
    words = [w for t in tones for w in t.words]
    return Stance(target, round(mean, 4), label_for(mean), tones, False, words)


def stance(text: str, target: str) -> Stance:
    """Stance of ``text`` toward ``target`` (Python API; `newsgraph eval stance` scores this)."""
    from ..extract import default_resources, extract
    from ..model import Document

    res = default_resources()
    return stance_from_result(extract(Document(text=text), res), target, res.registry)

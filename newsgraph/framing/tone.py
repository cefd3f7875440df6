"""Targeted tone: VADER over the words around and about an actor, plus the loaded-terms lexicon.

The scorer is VADER (vaderSentiment 3.3.2, whose lexicon ships inside the
package; nothing is downloaded). Its lexicon is extended with
``data/lexicons/loaded_terms.yaml`` (charged political words, also flagged)
and ``data/lexicons/news_valence.yaml`` (ordinary cooperation/conflict words
VADER lacks). Multi-word terms are scored as one token.

What words are "about" a mention is decided in ``framing.analyze`` from the
dependency parse; this module only scores a list of words.
"""

from __future__ import annotations

import functools
import os
import re
import string
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import yaml

from ..errors import DataFileError

POSITIVE = 0.05  # VADER's conventional thresholds on the compound score
NEGATIVE = -0.05


@dataclass(frozen=True)
class Lexicons:
    loaded: dict[str, tuple[float, str]]  # term -> (valence, category)
    news: dict[str, float]
    phrases: tuple[str, ...]  # multi-word terms, longest first
    # for find_loaded, worked out once: (phrase, " phrase ", " ______ ") for the loaded phrases, longest first; and
    # each one-word loaded term and its plural in "s", mapped to the term
    loaded_phrases: tuple[tuple[str, str, str], ...] = ()
    loaded_words: dict[str, str] = field(default_factory=dict)


def _read(path: Path) -> dict:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as e:
        raise DataFileError(str(path), f"cannot read lexicon: {e}") from None
    if not isinstance(data, dict) or not all(isinstance(v, dict) for v in data.values()):
        raise DataFileError(str(path), "a lexicon is a mapping of category -> {term: valence}")
    return data


def _lexdir() -> Path:
    return Path(str(resources.files("newsgraph") / "data" / "lexicons"))


@functools.lru_cache(maxsize=1)
def lexicons() -> Lexicons:
    loaded: dict[str, tuple[float, str]] = {}
    paths = [_lexdir() / "loaded_terms.yaml"]
    extra = os.environ.get("NEWSGRAPH_LOADED_TERMS")
    if extra:
        paths.insert(0, Path(extra))
    for p in paths:
        for cat, terms in _read(p).items():
            for term, val in terms.items():
                loaded.setdefault(str(term).lower(), (float(val), cat))
    news: dict[str, float] = {}
    for terms in _read(_lexdir() / "news_valence.yaml").values():
        for term, val in terms.items():
            news[str(term).lower()] = float(val)
    phrases = tuple(sorted((t for t in (*loaded, *news) if " " in t), key=len, reverse=True))
    loaded_phrases = tuple((p, f" {p} ", " " + "_" * len(p) + " ") for p in phrases if p in loaded)
    words = [t for t in loaded if t and " " not in t]
    loaded_words = {t + "s": t for t in words}
    loaded_words.update({t: t for t in words})  # a word that is a term itself and another's plural is the term
    return Lexicons(loaded, news, phrases, loaded_phrases, loaded_words)


@functools.lru_cache(maxsize=1)
def analyzer():
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    sia = SentimentIntensityAnalyzer()
    lex = lexicons()
    extra: dict[str, float] = {}
    for term, val in lex.news.items():
        extra[term.replace(" ", "_")] = val
    for term, (val, _) in lex.loaded.items():
        key = term.replace(" ", "_")
        extra[key] = val
        if " " not in term and not term.endswith("s"):
            extra.setdefault(key + "s", val)
    sia.lexicon.update(extra)
    return sia


@dataclass(slots=True)
class Score:
    tone: float
    label: str
    words: list[str]
    loaded: list[str]


def label_for(tone: float) -> str:
    return "positive" if tone >= POSITIVE else "negative" if tone <= NEGATIVE else "neutral"


_POSS = re.compile(r"'s\b")
_NOT_WORD = re.compile(r"[^\w'\-]+")


def find_loaded(text: str) -> list[str]:
    """Loaded terms in a piece of text, longest match first, each occurrence once."""
    lex = lexicons()
    low = " " + _NOT_WORD.sub(" ", _POSS.sub("", text.lower().replace("\u2019", "'"))) + " "
    found: list[str] = []
    for p, padded, blank in lex.loaded_phrases:
        if padded in low:
            found.append(p)
            low = low.replace(padded, blank)
    terms = lex.loaded_words  # a word, or a word ending in "s" without it, that is a one-word term
    for w in low.split():
        term = terms.get(w)
        if term is not None:
            found.append(term)
    return found


def _has_valence(sia, text: str) -> bool:
    """Whether VADER can score ``text`` other than 0: it may hold an emoji (a non-ASCII character), or one of its
    words, as VADER splits them (on whitespace, then punctuation stripped unless that leaves two characters or
    fewer), is in VADER's lexicon. Every other word has valence 0, and so has the compound: VADER is not run."""
    if not text.isascii():
        return True
    lexicon = sia.lexicon
    for w in text.split():
        stripped = w.strip(string.punctuation)
        if (w if len(stripped) <= 2 else stripped).lower() in lexicon:
            return True
    return False


def score_text(text: str) -> Score:
    """VADER compound over ``text`` (the targeted words, in order), with the lexicon extensions."""
    lex = lexicons()
    low = " ".join(_POSS.sub("", text.replace("\u2019", "'")).split())
    # join multi-word terms into one token so VADER scores them as one
    lowered = low.lower()
    for p in lex.phrases:
        if p in lowered:
            low = re.sub(re.escape(p), p.replace(" ", "_"), low, flags=re.I)
            lowered = low.lower()
    sia = analyzer()
    compound = sia.polarity_scores(low)["compound"] if _has_valence(sia, low) else 0.0
    words = []
    for w in low.split():
        k = w.strip(".,;:!?\"'“”()[]").lower()
        if k in sia.lexicon:
            words.append(f"{k.replace('_', ' ')}:{sia.lexicon[k]:+.1f}")
    return Score(round(compound, 4), label_for(compound), words, find_loaded(text))

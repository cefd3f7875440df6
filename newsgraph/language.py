"""Which language is a text in? Script first, then function words.

newsgraph's pipeline is English; a text in another language is recorded as
such and not coded as if it were English (its events would be garbage).
Texts too short to tell (under ``MIN_WORDS`` words) are not judged.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from importlib import resources
from pathlib import Path

import yaml

MIN_WORDS = 12
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)

# letters of non-Latin scripts -> language (or script when the language cannot be told by script alone)
_SCRIPTS = (
    ("HANGUL", "ko"), ("HIRAGANA", "ja"), ("KATAKANA", "ja"), ("CJK", "zh"), ("ARABIC", "ar"), ("HEBREW", "he"),
    ("GREEK", "el"), ("DEVANAGARI", "hi"), ("THAI", "th"), ("CYRILLIC", "ru"), ("ARMENIAN", "hy"), ("GEORGIAN", "ka"),
)


@functools.lru_cache(maxsize=1)
def _stopwords() -> dict[str, frozenset[str]]:
    path = Path(str(resources.files("newsgraph") / "data" / "lexicons" / "stopwords.yaml"))
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return {lang: frozenset(w.lower() for w in words) for lang, words in data.items()}


def _script(ch: str) -> str | None:
    name = unicodedata.name(ch, "")
    for key, lang in _SCRIPTS:
        if key in name:
            return lang
    return None


def detect_language(text: str, sample_chars: int = 5000) -> str | None:
    """ISO 639-1 code of the text's language, or None when it cannot be told."""
    sample = text[:sample_chars]
    letters = [c for c in sample if c.isalpha()]
    if len(letters) < 20:
        return None
    scripts: dict[str, int] = {}
    for c in letters:
        if ord(c) > 0x24F:  # beyond Latin Extended-B
            s = _script(c)
            if s:
                scripts[s] = scripts.get(s, 0) + 1
    if scripts:
        lang, n = max(scripts.items(), key=lambda kv: kv[1])
        if n > 0.3 * len(letters):
            if lang == "zh" and (scripts.get("ja", 0) > 0.05 * n):
                return "ja"
            if lang == "ru" and re.search("[іїєґ]", sample.lower()):
                return "uk"
            return lang
    words = [w.lower() for w in _WORD.findall(sample)]
    if len(words) < MIN_WORDS:
        return None
    scores = {lang: sum(w in sw for w in words) for lang, sw in _stopwords().items()}
    lang, hits = max(scores.items(), key=lambda kv: kv[1])
    return lang if hits >= 0.08 * len(words) else None


def is_english(language: str | None) -> bool:
    """Unknown counts as English: a short text or a list of names should still be coded."""
    return language is None or language.lower().split("-")[0] == "en"

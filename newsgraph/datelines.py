"""Wire datelines: "CHENNAI —", "SUKKUR:", "BENIN CITY —", "NAIROBI, Kenya —", "KINSHASA (Reuters) -".

One detector (``dateline_at``) serves two readers:

- before the parser, ``mark_dateline`` (the pipeline component ``newsgraph_datelines``, added by
  ``nlp.load_pipeline``) makes the words after a dateline start a sentence of their own. Left to itself, spaCy's small
  parser takes the dateline for the subject and the real subject for a conjunct of it ("ADDIS ABABA, Ethiopia —
  Ethiopia and Egypt agreed ...": "ABABA" the subject, "Ethiopia and Egypt" its conjuncts), and the event loses its
  doers;
- after it, ``actors.resolve.datelines`` finds the town the story was filed from and the words that are no event party.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence

DATELINE_DASHES = {"—", "–", "-", "--"}
DATELINE_ENDS = DATELINE_DASHES | {":"}  # "SUKKUR: The Rangers ...", as Pakistani and Indian dailies write datelines
COMPONENT = "newsgraph_datelines"


def capitals(word: str) -> bool:
    return len(word) >= 2 and word.isupper() and word.replace("'", "").isalpha()


def dateline_at(words: Sequence[str], start: int, name_like: Callable[[int], bool]) -> tuple[int, int] | None:
    """The dateline opening at ``start``, as (end of its town, index of its dash or colon), or None: up to four words
    in capitals, then a dash or colon ("CHENNAI —"), or then within ten words a dash after nothing but names
    (``name_like``), commas, a date and a parenthesised agency ("NAIROBI, Kenya (AP) —"; "SAN JUAN, PUERTO RICO:";
    "ACCRA, Nov 4 (Reuters) -")."""
    n = len(words)
    end = start
    while end < n and end - start < 4 and capitals(words[end]):
        end += 1
    if end == start or end >= n:
        return None
    if words[end] in DATELINE_ENDS:
        return end, end
    for k in range(end, min(n, start + 10)):
        t = words[k]
        if t in DATELINE_DASHES or (t == ":" and words[k - 1].isupper()):
            return end, k
        # a day's number only after the town's comma: "ACCRA, Nov 4 (Reuters) -", not "UPDATE 2 -"
        if not (name_like(k) or t in (",", "(", ")", ".") or t.isupper() or (t.isdigit() and "," in words[end:k])):
            return None
    return None


def mark_dateline(doc):
    """Pipeline component, before the parser: after a dateline that opens the text (a paragraph: ``nlp.parse_together``
    parses each on its own), the next word starts a sentence. Only a sure dateline: its town is a gazetteer place
    ("JOS —", "WASHINGTON —"), or a comma or an agency follows it ("GOMA, Congo —", "LAGOS (Reuters) -"). Not "NATO -
    the alliance - said", "CHINA - the world's biggest buyer -": "CHINA" is no town a story is filed from, and the
    dash there is followed by a lower-case word."""
    start = next((i for i, t in enumerate(doc) if not t.is_space), None)
    if start is None:
        return doc
    words = [t.text for t in doc[: start + 11]]  # a dateline is done within ten words
    found = dateline_at(words, start, lambda k: doc[k].tag_ in ("NNP", "NNPS") or doc[k].is_title)
    if found is None:
        return doc
    end, last = found
    after = next((i for i in range(last + 1, min(len(doc), last + 4)) if not doc[i].is_space), None)
    if after is None or not (doc[after].is_title or doc[after].is_upper or doc[after].text[:1] in "'\"‘“"):
        return doc
    if last == end and not _town(" ".join(words[start:end])):
        return doc  # "NATO —", "UPDATE 2 -": no place
    doc[after].is_sent_start = True
    return doc


# datelines of sites that are no town: the UN's headquarters ("UNITED NATIONS —", AP and Reuters style)
DATELINE_SITES = frozenset({"united nations"})


def _town(name: str) -> bool:
    from .actors.resolve import fold, gazetteer, shared_places

    key = fold(name)
    return key in gazetteer() or key in shared_places() or key in _capitals() or key in DATELINE_SITES


@functools.lru_cache(maxsize=1)
def _capitals() -> frozenset[str]:
    """Folded capitals and seats of government of countries.yaml ("NAIROBI —", "PRETORIA —"): the registry has them as
    metonyms of their governments, the gazetteer of towns leaves them to it."""
    from .actors.registry import _data_dir, _load_yaml, fold

    data = _load_yaml(_data_dir() / "countries.yaml")  # the registry's reader: a broken file is a DataFileError naming it
    return frozenset(fold(str(name)) for rec in (data or {}).values() if isinstance(rec, dict)
                     for name in (rec.get("capital"), *(rec.get("metonyms") or ())) if name)

"""Cross-document merging: event mentions -> clusters that each stand for one real-world event.

A *mention* is one coded event in one document (a row of ``events``). Two
mentions may be the same real-world event when they are *compatible*:

- same PLOVER type (legacy 2016 names folded into the 2021 type that replaced them),
  or, across documents, types of one ``merge_family`` (plover.yaml: "agreed to
  restore ties" / "restored ties") when the reports *agree strongly*: the same
  participants (one set holding the other), both the main events of their
  stories or dated to the same day, in two documents;
- participant sets (ISO3 countries, or the actor id / name when an actor has no
  country) that overlap with one contained in the other: "Russia and Venezuela
  signed" matches "Maduro signed ... with Putin"; US->VEN does not match US->IRN.
  One role may name a non-state group where the other report names a state
  ("PKK targets" / "Kurdish militants in Iraq" -> IRQ; "Kenyans rallied" /
  "Kenya"), when the reports agree strongly and the other role matches;
- the same direction for directed types (US sanctions VEN is not VEN sanctions US);
- date intervals that overlap, given each date's precision. A date of precision
  "published" only says "on or before publication": it becomes the week up to
  the publication date. Finer dates from the time layer narrow the interval.
  A mention with no date at all (a story without a publication date) merges
  with another story only as its main event, between the same actors, told in
  much the same words;
- quantities in the same normalised unit that agree within 20 %, a floor ("at
  least", "millions of dollars") or a ceiling ("up to") counting as the range
  it allows;
- the same realis: an asserted or reported event never merges with a threat,
  an intention or a hypothetical one (those are different events);
- and a similarity score (shared participants, evidence words, CAMEO code,
  exact dates) of at least ``THRESHOLD``.

Clustering is a pure function of the *set* of mentions, so ingesting articles
in any order, all at once or in batches, gives the same clusters:

1. the compatibility graph is split into connected components;
2. inside a component, clusters are grown by deterministic agglomeration (best
   pair first, ties broken by event id) that never joins two clusters holding
   a contradicting pair (type, date, actors, direction, realis, numbers), so a
   vague mention cannot chain two distinct events.

Incremental merging recomputes only the components a new mention touches
(every component of the new graph that holds no new mention is a component of
the old graph), which is why it equals a fresh run; ``tests/test_merge.py``
checks that.

Salience: each document's *main event* is the one its headline and lead
report (an event coded from the headline itself when the text does not tell
it), scored from the title's words, the sentence position, the actors, and
how far the event's date lies before publication (background recalled in
passing scores low).
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import json
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from .events.lexicon import load_ontology
from .store import CLUSTER_DAY, insert_rows, transaction, write_cluster_keys

THRESHOLD = 0.3
PUBLISHED_WINDOW_DAYS = 7  # a "published" date: the event happened in the week up to publication
DAY_TOLERANCE = 1  # outlets in different time zones date the same event a day apart
QUANTITY_TOLERANCE = 0.2
SAME_DOC_WORDS = 0.25
UNDATED_WORDS = 0.35  # undated main events of two stories must share this much wording to merge  # two mentions in one document must share this much wording (cosine of stems) to merge
SYMMETRIC_TYPES = frozenset({"AGREE", "CONSULT", "COOPERATE"})
REALIZED = frozenset({"asserted", "reported", "denied"})
UNREALIZED = frozenset({"threatened", "intended", "hypothetical"})
# types that code an expressed intention (PLOVER codes "X will give aid" as X's AGREE, "X will impose" as THREATEN):
# for them "intended" describes what was said, not whether it was said, so it does not set two reports apart
INTENT_TYPES = frozenset({"AGREE", "THREATEN"})

_WORD = re.compile(r"[^\W\d_]{3,}", re.UNICODE)
STOPWORDS = frozenset(
    """the and for that with from this have has had was were are its their his her they them will would said says
    also after before over into about than which who whom whose what when where while been being not but on in of
    to by as at an a or it is be on new more most other some such only very could should may might can one two
    three four five six seven eight nine ten year years week month day days today tuesday wednesday thursday friday
    monday saturday sunday last next according officials official statement told reporters""".split()
)


# ------------------------------------------------------------------ mentions


@dataclass(slots=True)
class Mention:
    """What merging needs of one stored event (slotted: the corpus stage holds hundreds of thousands)."""

    event_id: str
    doc_id: str
    type: str
    type_key: str
    cameo: str | None
    factuality: str | None
    sources: frozenset[str]
    targets: frozenset[str]
    lo: dt.date | None
    hi: dt.date | None
    precision: str | None
    date: dt.date | None
    quantities: list[tuple[str, float]]
    words: frozenset[str]
    outlet: str
    published: dt.date | None
    sentence: int = 0
    salience: float = 0.0
    is_main: bool = False
    row: dict[str, Any] = field(default_factory=dict, repr=False)
    families: tuple[str, ...] = ()  # blocking keys: the type's merge families, else the type itself
    quantity_ranges: list[tuple[str, float, float]] = field(default_factory=list)  # (unit, low, high) the text allows

    def __post_init__(self) -> None:
        self.families = self.families or merge_families(self.type_key)
        if not self.quantity_ranges:
            self.quantity_ranges = [(u, v, v) for u, v in self.quantities]

    @property
    def participants(self) -> frozenset[str]:
        return self.sources | self.targets


def type_key(event_type: str | None) -> str:
    """The 2021 PLOVER type a (possibly legacy) type name stands for."""
    if not event_type:
        return "?"
    info = load_ontology().types.get(event_type) or {}
    repl = info.get("replaced_by")
    return str(repl).split("/")[0] if repl else event_type


@functools.lru_cache(maxsize=256)
def merge_families(tkey: str) -> tuple[str, ...]:
    """The merge families of a (2021) type name (``merge_family`` in plover.yaml: one name or a list), else the type itself."""
    fam = (load_ontology().types.get(tkey) or {}).get("merge_family")
    if not fam:
        return (tkey,)
    return tuple(sorted({fam} if isinstance(fam, str) else set(map(str, fam))))


@functools.lru_cache(maxsize=64)
def family_types(family: str) -> tuple[str, ...]:
    """Every type name whose mentions block under ``family`` (legacy names included)."""
    onto = load_ontology().types
    return tuple(sorted(t for t in onto if family in merge_families(type_key(t)))) or (family,)


# Sectors that act apart from, often against, their state: the opposition is not "Venezuela".
NON_STATE_SECTORS = frozenset({"OPP", "REB", "INS", "CVL", "NGO", "MED", "REL", "UAF"})  # UAF: unidentified armed men


def actor_key(a: dict[str, Any]) -> str | None:
    """Country when known (merging works at the level outlets agree on), else the actor id or name.

    Government, military, business and the like count as their state ("Maduro",
    "PDVSA", "Caracas" are all VEN); opposition, rebels, civil society and media
    keep their own key ("VEN/OPP"), so "the opposition denounced the deal" never
    merges with "Maduro denounced the sanctions".
    """
    if a.get("country"):
        return f"{a['country']}/{a['sector']}" if a.get("sector") in NON_STATE_SECTORS else a["country"]
    if a.get("actor_id"):
        return a["actor_id"]
    name = (a.get("name") or "").strip().lower()
    return f"name:{name}" if name else None


def _month_end(d: dt.date) -> dt.date:
    nxt = dt.date(d.year + (d.month == 12), d.month % 12 + 1, 1)
    return nxt - dt.timedelta(days=1)


def date_interval(date: dt.date | None, precision: str | None, published: dt.date | None) -> tuple[dt.date | None, dt.date | None]:
    """The days an event may have happened on, given its date and how precise it is."""
    if date is None:
        if published is None:
            return None, None
        return published - dt.timedelta(days=PUBLISHED_WINDOW_DAYS), published
    if precision == "day":
        return date, date
    if precision == "month":
        return date.replace(day=1), _month_end(date)
    if precision == "quarter":
        start = dt.date(date.year, 3 * ((date.month - 1) // 3) + 1, 1)
        return start, _month_end(dt.date(start.year, start.month + 2, 1))
    if precision == "season":
        return date - dt.timedelta(days=46), date + dt.timedelta(days=92)
    if precision == "year":
        return dt.date(date.year, 1, 1), dt.date(date.year, 12, 31)
    if precision == "decade":
        y = date.year - date.year % 10
        return dt.date(y, 1, 1), dt.date(y + 9, 12, 31)
    if precision == "range":
        return date, max(date, published) if published else date + dt.timedelta(days=365)
    # "published" or unknown: on or before that date
    return date - dt.timedelta(days=PUBLISHED_WINDOW_DAYS), date


_SUFFIXES = (("ies", "y"), ("ied", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", ""))


@functools.lru_cache(maxsize=200_000)
def _stem(w: str) -> str:
    """A crude stem, enough to match "rallied"/"rally", "sanctions"/"sanctioned" across outlets."""
    for suf, rep in _SUFFIXES:
        if w.endswith(suf) and len(w) - len(suf) >= 3:
            w = w[: -len(suf)] + rep
            break
    return w[:5]


@functools.lru_cache(maxsize=50_000)
def words_of(text: str) -> frozenset[str]:
    return frozenset(_stem(w) for w in (m.group(0).lower() for m in _WORD.finditer(text or "")) if w not in STOPWORDS)


def _to_date(v) -> dt.date | None:
    if v is None or isinstance(v, dt.date):
        return v
    return dt.date.fromisoformat(str(v)[:10])


# the columns of an event row a cluster record needs (``slim`` mentions keep only these)
RECORD_COLUMNS = ("mode", "context", "evidence", "confidence", "source_json", "target_json")


def mention_from_row(row: dict[str, Any], slim: bool = False, interned: dict | None = None) -> Mention:
    """A Mention from a joined events+documents row (``_EVENT_ROWS``).

    ``slim``: keep only what clustering and the cluster record need (the corpus stage over a large store),
    not the whole row with its parsed actors; ``interned`` shares equal actor sets and dates between mentions.
    """
    src_json, tgt_json = row["source_json"] or "[]", row["target_json"] or "[]"
    src, tgt = json.loads(src_json), json.loads(tgt_json)
    qs = json.loads(row["quantities_json"] or "[]")
    date, published = _to_date(row["date"]), _to_date(row.get("published"))
    lo, hi = date_interval(date, row["date_precision"], published)
    sources = frozenset(k for k in map(actor_key, src) if k)
    targets = frozenset(k for k in map(actor_key, tgt) if k)
    if interned is not None:
        sources, targets, lo, hi, date, published = (interned.setdefault(v, v) for v in (sources, targets, lo, hi, date, published))
    if slim:
        kept = {c: row.get(c) for c in RECORD_COLUMNS}
    else:
        title = row.get("title") or ""
        kept = {**row, "_title_words": words_of(title), "_source": src, "_target": tgt, "_quantities": qs}
    return Mention(
        event_id=row["event_id"],
        doc_id=row["doc_id"],
        type=row["type"],
        type_key=type_key(row["type"]),
        cameo=row["cameo"],
        factuality=row["factuality"],
        sources=sources,
        targets=targets,
        lo=lo,
        hi=hi,
        precision=row["date_precision"],
        date=date,
        quantities=[(q["normalized_unit"], float(q["normalized_value"])) for q in qs if q.get("normalized_unit") and q.get("normalized_value") is not None],
        quantity_ranges=[quantity_range(q) for q in qs if q.get("normalized_unit") and q.get("normalized_value") is not None],
        words=words_of(row["evidence"]) | words_of(row.get("trigger") or ""),
        outlet=row.get("outlet") or _host(row.get("url")) or row["doc_id"],
        published=published,
        sentence=row.get("sentence") or 0,
        row=kept,
    )


def _actors(m: Mention, role: str) -> list[dict]:
    """The actors of one role of a mention, full or slim."""
    got = m.row.get(f"_{role}")
    return got if got is not None else json.loads(m.row.get(f"{role}_json") or "[]")


OPEN_ABOVE = frozenset({"at least", "more than"})  # "millions of dollars", "more than $2 billion": a floor, not the number
OPEN_BELOW = frozenset({"up to", "less than"})  # a ceiling ("nearly" and "about" stay the number, within the tolerance)


def quantity_range(q: dict[str, Any]) -> tuple[str, float, float]:
    """(unit, low, high): the values a reported quantity allows, given its qualifier and range."""
    v = float(q["normalized_value"])
    hi = float(q["value_max"]) if q.get("value_max") is not None else v
    qual = q.get("qualifier")
    if qual in OPEN_ABOVE:
        return q["normalized_unit"], v, math.inf
    if qual in OPEN_BELOW:
        return q["normalized_unit"], 0.0, hi
    return q["normalized_unit"], v, hi


def _host(url: str | None) -> str | None:
    m = re.match(r"[a-z]+://([^/]+)", url or "")
    return m.group(1).removeprefix("www.") if m else None


# ------------------------------------------------------------------ compatibility


def incompatible(a: Mention, b: Mention) -> str | None:
    """Why two mentions cannot be one event, or None when they can."""
    if a.type_key != b.type_key and not (set(a.families) & set(b.families) and _strong_agreement(a, b)
                                         and (a.participants <= b.participants or b.participants <= a.participants)):
        return "type"
    if a.doc_id != b.doc_id:
        if a.lo is None or b.lo is None:
            # no date at all (no publication date either): only the main events of two stories,
            # between the same actors and told in much the same words, may be one event
            if not (a.is_main and b.is_main and a.participants == b.participants and a.participants
                    and _word_cosine(a, b) >= UNDATED_WORDS):
                return "undated"
        elif a.lo > b.hi + dt.timedelta(days=DAY_TOLERANCE) or b.lo > a.hi + dt.timedelta(days=DAY_TOLERANCE):
            return "date"
    pa, pb = a.participants, b.participants
    if not pa or not pb:
        if a.doc_id != b.doc_id:
            return "actors"
    elif not (pa <= pb or pb <= pa) and not _complementary(a, b) and not (_group_for_state(a, b) and _strong_agreement(a, b)):
        return "actors"
    if not (a.type_key in SYMMETRIC_TYPES and b.type_key in SYMMETRIC_TYPES) and not (a.sources & a.targets or b.sources & b.targets):
        # an actor that acts in one report and is acted upon in the other: "Maduro condemned the US" vs "the US condemned ...";
        # a report with one key on both sides (a domestic event: "Kenyan police dispersed crowds" KEN -> KEN) has no direction
        if (a.sources & b.targets and not a.sources & b.sources) or (b.sources & a.targets and not b.sources & a.sources):
            return "direction"
    # "pledged $10 million" and "said it would give 1.5 billion yen": one commitment, told as done or as intent
    fa, fb = _said(a.type_key, a.factuality or "asserted"), _said(b.type_key, b.factuality or "asserted")
    if (fa in REALIZED) != (fb in REALIZED) and (fa in UNREALIZED or fb in UNREALIZED):
        return "factuality"
    units = {u for u, _, _ in a.quantity_ranges} & {u for u, _, _ in b.quantity_ranges}
    for unit in units:
        ra = [(lo, hi) for u, lo, hi in a.quantity_ranges if u == unit]
        rb = [(lo, hi) for u, lo, hi in b.quantity_ranges if u == unit]
        if not any(_ranges_meet(x, y) for x in ra for y in rb):
            return "quantity"  # the same measure with clearly different numbers: a different event
    return None


def _said(type_key: str, factuality: str) -> str:
    """The factuality of the report as a speech act: an intention coded as AGREE/THREATEN was said."""
    return "asserted" if type_key in INTENT_TYPES and factuality in ("intended", "threatened") else factuality


def _strong_agreement(a: Mention, b: Mention) -> bool:
    """Two reports that are what their stories are about, or dated to the same day: enough to look past a wording difference."""
    if a.doc_id == b.doc_id or not a.participants or not b.participants:
        return False
    return (a.is_main and b.is_main) or (a.precision == "day" and b.precision == "day" and a.date == b.date)


def _group_for_state(a: Mention, b: Mention) -> bool:
    """One role names a non-state group where the other report names a state, and the other role agrees.

    "Turkish jets strike PKK targets" (TUR -> TUR/REB) and "Turkey bombs Kurdish
    militant bases in Iraq" (TUR -> IRQ); "Kenyans rallied" (KEN/CVL) and "Kenya
    fuel tax protest" (KEN). Only a group key against a state key: two states,
    or two groups, never.
    """
    def soft(x: frozenset[str], y: frozenset[str]) -> bool:
        dx, dy = x - y, y - x
        if not dx and not dy:
            return True
        if not dx or not dy:
            return False
        return (all("/" in k for k in dx) and all(_is_state(k) for k in dy)) or (all("/" in k for k in dy) and all(_is_state(k) for k in dx))

    src_same = a.sources <= b.sources or b.sources <= a.sources
    tgt_same = a.targets <= b.targets or b.targets <= a.targets
    if src_same and a.sources & b.sources:
        return soft(a.targets, b.targets)
    if tgt_same and (a.targets & b.targets or not a.targets or not b.targets):
        # the same targets, or one report names none ("Kenyans rallied" against "police dispersed crowds protesting in Kenya")
        return soft(a.sources, b.sources)
    return False


def _is_state(key: str) -> bool:
    return len(key) == 3 and key.isalpha() and key.isupper()


def _complementary(a: Mention, b: Mention) -> bool:
    """Each report names a different role of one event: "China gave a loan" / "Pakistan received a loan"."""
    roles_fit = (not a.sources or not b.sources or a.sources & b.sources) and (not a.targets or not b.targets or a.targets & b.targets)
    return bool(roles_fit) and not (a.sources and b.sources and a.targets and b.targets)


def _word_cosine(a: Mention, b: Mention) -> float:
    wa, wb = a.words, b.words
    return len(wa & wb) / math.sqrt(len(wa) * len(wb)) if wa and wb else 0.0


def _same_quantity(a: Mention, b: Mention) -> bool:
    """Both reports give one number (not a floor or a ceiling), and it is the same."""
    return any(ua == ub and _close(la, lb) and _close(ha, hb)
               for ua, la, ha in a.quantity_ranges for ub, lb, hb in b.quantity_ranges if math.isfinite(ha) and math.isfinite(hb) and la > 0 and lb > 0)


def _ranges_meet(a: tuple[float, float], b: tuple[float, float]) -> bool:
    """Two reported amounts can be one number: their ranges overlap, or their nearest ends are close."""
    low, high = max(a[0], b[0]), min(a[1], b[1])
    return low <= high or _close(high, low)


def _close(x: float, y: float) -> bool:
    if x == y:
        return True
    return abs(x - y) <= QUANTITY_TOLERANCE * max(abs(x), abs(y))


def similarity(a: Mention, b: Mention) -> float:
    """0..1: how alike two compatible mentions are."""
    pa, pb = block_keys(a) - {"*half"}, block_keys(b) - {"*half"}  # a group also counts under its country
    actors = len(pa & pb) / len(pa | pb) if pa | pb else 0.0
    wa, wb = a.words, b.words
    words = len(wa & wb) / math.sqrt(len(wa) * len(wb)) if wa and wb else 0.0
    cameo = 1.0 if a.cameo and a.cameo == b.cameo else (0.5 if a.cameo and b.cameo and a.cameo[:2] == b.cameo[:2] else 0.0)
    exact = 1.0 if a.precision == "day" and b.precision == "day" and a.date == b.date else 0.0
    main = 1.0 if a.is_main and b.is_main else 0.0
    return 0.35 * actors + 0.3 * words + 0.1 * cameo + 0.1 * exact + 0.15 * main


def compatible_score(a: Mention, b: Mention) -> float | None:
    if incompatible(a, b):
        return None
    s = similarity(a, b)
    if a.doc_id == b.doc_id and _word_cosine(a, b) < SAME_DOC_WORDS:
        return None  # one story recalling several sanctions rounds: only repeats of one event (shared words) merge
    pa, pb = a.participants, b.participants
    if pa and pb and not (pa <= pb or pb <= pa):
        # complementary roles only: the reports must also share a number, much of their wording,
        # or both be what their stories are about (the main event of each)
        wa, wb = a.words, b.words
        words = len(wa & wb) / math.sqrt(len(wa) * len(wb)) if wa and wb else 0.0
        if not (_same_quantity(a, b) or words >= 0.35 or (a.is_main and b.is_main)):
            return None
    return s if s >= THRESHOLD else None


# ------------------------------------------------------------------ clustering


def cluster_id_for(event_ids: Iterable[str]) -> str:
    return "c" + hashlib.sha1(min(event_ids).encode()).hexdigest()[:15]


def block_keys(m: Mention) -> frozenset[str]:
    """Keys two compatible mentions always share: a participant (a group's also under its country, see
    ``_group_for_state``), or "*half" when each names one role of the event."""
    roots = {k.split("/")[0] for k in m.participants if "/" in k and _is_state(k.split("/")[0])}
    return m.participants | roots | ({"*half"} if bool(m.sources) != bool(m.targets) else set())


def candidate_pairs(mentions: Sequence[Mention]) -> Iterable[tuple[int, int]]:
    """Index pairs worth comparing, each once: same type, a shared participant and overlapping dates (a sweep
    per block), or same document.

    No set of the pairs seen is kept (at archive scale that set is what runs out of memory): a pair sharing
    several blocks is yielded by the first of them only, and same-document pairs of one type by ``by_doc`` only.
    """
    blocks: dict[tuple[str, str], list[int]] = defaultdict(list)
    by_doc: dict[tuple[str, str], list[int]] = defaultdict(list)
    mains: dict[tuple[str, str], list[int]] = defaultdict(list)
    keys_of: list[frozenset[tuple[str, str]]] = []
    for i, m in enumerate(mentions):
        by_doc[(m.type_key, m.doc_id)].append(i)
        ks = frozenset((fam, k) for k in block_keys(m) for fam in m.families) if m.lo is not None else frozenset()
        keys_of.append(ks)
        for b in ks:
            blocks[b].append(i)
        if m.is_main:
            for k in m.participants:
                for fam in m.families:
                    mains[(fam, k)].append(i)

    def same_doc_type(x: Mention, y: Mention) -> bool:
        return x.doc_id == y.doc_id and x.type_key == y.type_key

    undated_seen: set[tuple[int, int]] = set()  # undated main events are few
    for idx in mains.values():  # an undated main event against every main event sharing an actor
        for x in idx:
            if mentions[x].lo is None:
                for y in idx:
                    key = (min(x, y), max(x, y))
                    if y != x and key not in undated_seen and not same_doc_type(mentions[x], mentions[y]):
                        undated_seen.add(key)
                        yield key
    tol = dt.timedelta(days=DAY_TOLERANCE)
    for block, idx in blocks.items():
        idx.sort(key=lambda i: (mentions[i].lo, mentions[i].event_id))
        active: list[int] = []
        for i in idx:
            m = mentions[i]
            active = [j for j in active if mentions[j].hi + tol >= m.lo]
            for j in active:
                if same_doc_type(m, mentions[j]):
                    continue
                shared = keys_of[i] & keys_of[j]
                if len(shared) > 1 and min(shared) != block:
                    continue
                yield (j, i)
            active.append(i)
    for members in by_doc.values():  # one document: any two of its mentions of a type (dated or not, with or without actors)
        for x in range(len(members)):
            for y in range(x + 1, len(members)):
                yield (members[x], members[y])


MAX_EDGES = 24  # the best-scored links kept per mention for agglomeration (components use every link)


def components(mentions: Sequence[Mention]) -> tuple[list[list[int]], dict[tuple[int, int], float]]:
    """Connected components of the compatibility graph, and the links agglomeration works on.

    Every compatible pair joins two components, but only each mention's ``MAX_EDGES`` best links are kept
    (best score first, then event id: a pure function of the component), so a thousand reports of one
    event cost a thousand short lists, not half a million scores.
    """
    parent = list(range(len(mentions)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    links: dict[int, list[tuple[float, int]]] = defaultdict(list)

    def rank(link: tuple[float, int]) -> tuple[float, str]:  # best score first, then the other report's event id
        return -link[0], mentions[link[1]].event_id

    for i, j in candidate_pairs(mentions):
        s = compatible_score(mentions[i], mentions[j])
        if s is None:
            continue
        for x, y in ((i, j), (j, i)):
            lst = links[x]
            lst.append((s, y))
            if len(lst) > 2 * MAX_EDGES:
                lst.sort(key=rank)
                del lst[MAX_EDGES:]
        ri, rj = find(i), find(j)
        if ri != rj:
            parent[max(ri, rj)] = min(ri, rj)
    scores: dict[tuple[int, int], float] = {}
    for x, lst in links.items():
        lst.sort(key=rank)
        for s, y in lst[:MAX_EDGES]:
            scores[(min(x, y), max(x, y))] = s
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(mentions)):
        groups[find(i)].append(i)
    return list(groups.values()), scores


# Reasons two mentions *contradict* each other; "undated" only means too little evidence to link them
# directly, so it does not stop them sharing a cluster through a third report.
CONTRADICTIONS = frozenset({"type", "date", "actors", "direction", "factuality", "quantity"})


def _agglomerate(comp: list[int], mentions: Sequence[Mention], scores: dict[tuple[int, int], float]) -> list[list[int]]:
    """Split one component into clusters: best-linked pair first, never across an incompatible pair.

    Contradictions are tested when two clusters would join, member against member, and a pair of clusters
    found to contradict is remembered (a cluster that grows keeps its contradictions), so no table of all
    pairs of a large component is ever built.
    """
    if len(comp) == 1:
        return [comp]
    order = sorted(comp, key=lambda i: mentions[i].event_id)
    clusters: dict[int, list[int]] = {i: [i] for i in order}
    owner = {i: i for i in order}
    conflicts: dict[int, set[int]] = defaultdict(set)
    # edges, best first; deterministic tie-break on the event ids
    edges = sorted(((s, i, j) for (i, j), s in scores.items() if i in owner and j in owner),
                   key=lambda e: (-e[0], mentions[e[1]].event_id, mentions[e[2]].event_id))
    for _, i, j in edges:
        ci, cj = owner[i], owner[j]
        if ci == cj or cj in conflicts[ci]:
            continue
        a, b = clusters[ci], clusters[cj]
        if any(incompatible(mentions[x], mentions[y]) in CONTRADICTIONS for x in a for y in b):
            conflicts[ci].add(cj)
            conflicts[cj].add(ci)
            continue
        # the larger cluster absorbs the smaller (ties: the first event id), so each member moves O(log n) times
        keep, drop = (ci, cj) if (-len(a), mentions[ci].event_id) < (-len(b), mentions[cj].event_id) else (cj, ci)
        moved = clusters.pop(drop)
        clusters[keep].extend(moved)
        for x in moved:
            owner[x] = keep
        for other in conflicts.pop(drop, ()):
            conflicts[other].discard(drop)
            conflicts[other].add(keep)
            conflicts[keep].add(other)
    return [sorted(c, key=lambda i: mentions[i].event_id) for c in clusters.values()]


def cluster_mentions(mentions: Sequence[Mention]) -> list[tuple[str, str, list[Mention]]]:
    """(component_id, cluster_id, members) for every cluster of ``mentions``; a pure function of the set
    (whatever order the store returns them in)."""
    mentions = sorted(mentions, key=lambda m: m.event_id)
    comps, scores = components(mentions)
    where = {i: n for n, comp in enumerate(comps) for i in comp}
    comp_scores: dict[int, dict[tuple[int, int], float]] = defaultdict(dict)
    for k, v in scores.items():
        comp_scores[where[k[0]]][k] = v
    out = []
    for n, comp in enumerate(comps):
        comp_id = cluster_id_for(mentions[i].event_id for i in comp)
        for cl in _agglomerate(comp, mentions, comp_scores[n]):
            members = [mentions[i] for i in cl]
            out.append((comp_id, cluster_id_for(m.event_id for m in members), members))
    out.sort(key=lambda t: t[1])
    return out


# ------------------------------------------------------------------ salience


def mark_salience(doc_mentions: list[Mention]) -> None:
    """Score each mention of one document and mark the document's main event (what the headline and lead report)."""
    if not doc_mentions:
        return
    for m in doc_mentions:
        title_words = m.row.get("_title_words") or frozenset()
        title = len(m.words & title_words) / math.sqrt(len(m.words) * len(title_words)) if m.words and title_words else 0.0
        s = 2.0 * title
        trig = words_of(m.row.get("trigger") or "")
        if trig & title_words:
            s += 0.6  # the headline uses the event's own verb or noun
        # the lede, or the headline (sentence -1, coded only when the text does not repeat it: events/title.py)
        s += 1.0 if m.sentence <= 0 else (0.6 if m.sentence <= 2 else max(0.0, 0.4 - 0.04 * m.sentence))
        s += 0.4 if m.sources and m.targets else (0.2 if len(m.participants) >= 2 else 0.0)
        s += 0.2 if (m.factuality or "asserted") not in ("denied", "hypothetical", "intended") else 0.0
        s += 0.2 * float(m.row.get("confidence") or 0.5)
        if m.date and m.published and m.precision not in (None, "published"):
            age = (m.published - (m.hi or m.date)).days
            if age > 31:  # background: the text dates it well before publication
                s -= 1.0 if age > 365 else 0.5
        if m.type_key == "CONSULT" and any(x.type_key != "CONSULT" for x in doc_mentions):
            s -= 0.2  # visits and talks are usually the setting of the news, not the news
        m.salience = round(s, 4)
    best = max(doc_mentions, key=lambda m: (m.salience, -m.sentence, m.event_id))
    for m in doc_mentions:
        m.is_main = m is best


def salience_by_doc(mentions: Iterable[Mention]) -> None:
    by_doc: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        by_doc[m.doc_id].append(m)
    for ms in by_doc.values():
        mark_salience(ms)


# ------------------------------------------------------------------ cluster records


PRECISION_RANK = {p: i for i, p in enumerate(("day", "month", "quarter", "season", "year", "decade", "range", "published"))}


def cluster_record(cluster_id: str, component_id: str, members: list[Mention]) -> dict[str, Any]:
    """The canonical record of a cluster: the best-attested values, counts, and where reports disagree."""
    canon = max(members, key=lambda m: (m.is_main, bool(m.sources) + bool(m.targets), len(m.participants), m.row.get("confidence") or 0, -m.sentence, m.event_id))
    dated = [m for m in members if m.date]
    best_prec = min((PRECISION_RANK.get(m.precision or "published", 9) for m in dated), default=None)
    date = precision = None
    if dated:
        finest = [m for m in dated if PRECISION_RANK.get(m.precision or "published", 9) == best_prec]
        date, _ = Counter(m.date for m in finest).most_common(1)[0] if len(finest) else (None, 0)
        precision = finest[0].precision
        # most common date among the finest; ties to the earliest
        counts = Counter(m.date for m in finest)
        top = max(counts.values())
        date = min(d for d, c in counts.items() if c == top)
    lo = max((m.lo for m in members if m.lo), default=None)
    hi = min((m.hi for m in members if m.hi), default=None)
    if lo and hi and lo > hi:  # day tolerance can leave an empty intersection
        lo, hi = hi, lo
    published = [m.published for m in members if m.published]
    outlets = sorted({m.outlet for m in members})
    disagreements: dict[str, Any] = {}
    day_dates = sorted({m.date.isoformat() for m in members if m.date and m.precision == "day"})
    if len(day_dates) > 1:
        disagreements["dates"] = day_dates
    facts = sorted({m.factuality or "asserted" for m in members})
    if len(facts) > 1:
        disagreements["factuality"] = facts
    by_unit: dict[str, set[float]] = defaultdict(set)
    for m in members:
        for u, v in m.quantities:
            by_unit[u].add(v)
    nums = {u: sorted(vs) for u, vs in by_unit.items() if len(vs) > 1}
    if nums:
        disagreements["quantities"] = nums
    types = sorted({m.type for m in members})
    if len(types) > 1:
        disagreements["types"] = types
    onto = load_ontology()
    cameo = Counter(m.cameo for m in members if m.cameo).most_common(1)
    cameo = cameo[0][0] if cameo else (onto.types.get(canon.type_key) or {}).get("default_cameo")
    tinfo = onto.types.get(canon.type_key) or {}
    row = canon.row
    return {
        "cluster_id": cluster_id,
        "component_id": component_id,
        "type": canon.type_key,
        "mode": row.get("mode"),
        "context": row.get("context"),
        "cameo": cameo,
        "relation": tinfo.get("relation"),
        "quad_class": tinfo.get("quad_class"),
        "goldstein": onto.goldstein(cameo),
        "date": date,
        "date_precision": precision,
        "date_lo": lo,
        "date_hi": hi,
        "source_json": json.dumps(_merge_actors(_actors(m, "source") for m in [canon] + members), ensure_ascii=False),
        "target_json": json.dumps(_merge_actors(_actors(m, "target") for m in [canon] + members), ensure_ascii=False),
        "factuality": canon.factuality,
        "canonical_event_id": canon.event_id,
        "evidence": row.get("evidence"),
        "num_mentions": len(members),
        "num_sources": len(outlets),
        "num_docs": len({m.doc_id for m in members}),
        "outlets_json": json.dumps(outlets, ensure_ascii=False),
        "first_seen": min(published) if published else None,
        "last_seen": max(published) if published else None,
        "disagreements_json": json.dumps(disagreements, ensure_ascii=False, default=str),
        "members": members,
    }


def _merge_actors(lists: Iterable[list[dict]]) -> list[dict]:
    """Union of the actors reports name, one per key, the canonical report's first."""
    out, seen = [], set()
    for lst in lists:
        for a in lst:
            k = actor_key(a)
            if k and k not in seen:
                seen.add(k)
                out.append(a)
    return out


# ------------------------------------------------------------------ the corpus stage over the store

CLUSTER_COLUMNS = (
    "cluster_id", "component_id", "type", "mode", "context", "cameo", "relation", "quad_class", "goldstein",
    "date", "date_precision", "date_lo", "date_hi", "source_json", "target_json", "factuality", "canonical_event_id",
    "evidence", "num_mentions", "num_sources", "num_docs", "outlets_json", "first_seen", "last_seen", "disagreements_json",
)

_EVENT_ROWS = "SELECT e.*, d.outlet, d.url, d.published, d.title FROM events e JOIN documents d USING (doc_id)"
_MEMBER_ROWS = ("SELECT e.*, d.outlet, d.url, d.published, d.title, cm.salience, cm.is_main, cm.component_id"
                " FROM events e JOIN documents d USING (doc_id) JOIN cluster_members cm ON cm.event_id = e.event_id")


@dataclass
class MergeReport:
    new_mentions: int = 0
    components_rebuilt: int = 0
    clusters: int = 0  # clusters in the store after the stage

    def summary(self) -> str:
        return f"{self.new_mentions} new event mentions merged; {self.clusters} clusters in the store"


def _rows(con, sql: str, params: Sequence = ()) -> list[dict[str, Any]]:
    cur = con.execute(sql, list(params))
    cols = [c[0] for c in cur.description]
    return [dict(zip(cols, r)) for r in cur.fetchall()]


def _iter_rows(con, sql: str, params: Sequence = (), chunk: int = 4096) -> Iterator[dict[str, Any]]:
    """The rows of one query, fetched a chunk at a time (run no other statement on ``con`` while iterating)."""
    cur = con.execute(sql, list(params))
    cols = [c[0] for c in cur.description]
    while batch := cur.fetchmany(chunk):
        for r in batch:
            yield dict(zip(cols, r))


@functools.lru_cache(maxsize=1)
def type_partitions() -> tuple[tuple[str, ...], ...]:
    """Groups of stored type names (legacy names included) whose mentions may share a component: types
    linked through their merge families. No component spans two groups, so the corpus stage merges one
    group at a time and holds only that group's mentions in memory."""
    onto = load_ontology().types
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            x = parent[x]
        return x

    for t in onto:
        fams = merge_families(type_key(t))
        for f in fams[1:]:
            ra, rb = find(fams[0]), find(f)
            if ra != rb:
                parent[max(ra, rb)] = min(ra, rb)
    groups: dict[str, set[str]] = defaultdict(set)
    for t in onto:
        groups[find(merge_families(type_key(t))[0])].add(t)
    return tuple(sorted(tuple(sorted(g)) for g in groups.values()))


SALIENCE_DOCS = 500  # documents scored per step of the salience pass
WRITE_CLUSTERS = 5000  # cluster records built and inserted per statement


def _score_new(con) -> int:
    """Salience of every event not yet in a cluster, document by document, into the temporary table
    ``merge_new`` (event_id, salience, is_main); returns the number of new events."""
    con.execute("CREATE OR REPLACE TEMP TABLE merge_new (event_id VARCHAR, salience DOUBLE, is_main BOOLEAN)")
    docs = [r[0] for r in con.execute(
        "SELECT DISTINCT doc_id FROM events WHERE event_id NOT IN (SELECT event_id FROM cluster_members) ORDER BY doc_id").fetchall()]
    n = 0
    for k in range(0, len(docs), SALIENCE_DOCS):
        ms = [mention_from_row(r) for r in _rows(con, _EVENT_ROWS + " WHERE e.doc_id IN (SELECT unnest(?))"
                                                  " AND e.event_id NOT IN (SELECT event_id FROM cluster_members)",
                                                  [docs[k:k + SALIENCE_DOCS]])]
        salience_by_doc(ms)
        insert_rows(con, "merge_new", [(m.event_id, m.salience, m.is_main) for m in ms])
        n += len(ms)
    return n


def _type_filter(group: tuple[str, ...] | None) -> tuple[str, list]:
    """SQL (on ``e.type``) for one partition of types; None: the types the ontology does not know."""
    if group is not None:
        return "e.type IN (SELECT unnest(?))", [list(group)]
    return "(e.type IS NULL OR e.type NOT IN (SELECT unnest(?)))", [[t for g in type_partitions() for t in g]]


def merge_store(store, rebuild: bool = False) -> MergeReport:
    """Merge the events not yet in a cluster into the store's clusters (all of them when ``rebuild``).

    Runs in one transaction. Only the components a new mention touches are
    recomputed, which gives the same clusters as a fresh run over all events.
    Memory is bounded by the largest group of related types (``type_partitions``),
    not by the store: salience is scored a few thousand documents at a time,
    and each group's mentions are held in their slim form.
    """
    con = store.con
    report = MergeReport()
    with transaction(con):
        if rebuild:
            con.execute("DELETE FROM cluster_members")
            con.execute("DELETE FROM clusters")
        everything = not con.execute("SELECT count(*) FROM clusters").fetchone()[0]
        # the clusters written go to two staging tables first, and into the store at the end in day order (see _store_written)
        con.execute("CREATE OR REPLACE TEMP TABLE merge_clusters AS SELECT * FROM clusters LIMIT 0")
        con.execute("CREATE OR REPLACE TEMP TABLE merge_members AS SELECT * FROM cluster_members LIMIT 0")
        report.new_mentions = _score_new(con)
        for group in (*type_partitions(), None) if report.new_mentions else ():
            report.components_rebuilt += _merge_group(con, group)
        _store_written(con)
        if report.new_mentions or rebuild:
            write_cluster_keys(con, "merge_clusters", everything=everything)  # the key table the timeline and dyad queries read
        for table in ("merge_new", "merge_clusters", "merge_members"):
            con.execute(f"DROP TABLE IF EXISTS {table}")
        report.clusters = con.execute("SELECT count(*) FROM clusters").fetchone()[0]
    return report


def _scored_mentions(con, sql: str, params: Sequence, interned: dict | None) -> Iterator[tuple[Mention, dict[str, Any]]]:
    """Slim mentions, each with its row, from a query that also returns their salience and is_main (the new
    events' scores in ``merge_new``, or a stored member's)."""
    for r in _iter_rows(con, sql, params):
        m = mention_from_row(r, slim=True, interned=interned)
        m.salience, m.is_main = r["salience"], r["is_main"]
        yield m, r


def _merge_group(con, group: tuple[str, ...] | None) -> int:
    """Merge the new mentions of one type partition; returns the number of components written."""
    where, params = _type_filter(group)
    interned: dict = {}
    new: list[Mention] = []
    for m, _ in _scored_mentions(con, "SELECT * FROM (" + _EVENT_ROWS + f" WHERE {where}) e JOIN merge_new n USING (event_id)", params, interned):
        new.append(m)
    if not new:
        return 0
    affected = sorted(_adjacent_components(con, new, interned))
    old: list[Mention] = []
    if affected:
        for m, _ in _scored_mentions(con, _MEMBER_ROWS + " WHERE cm.component_id IN (SELECT unnest(?))", [affected], interned):
            old.append(m)
        con.execute("DELETE FROM clusters WHERE component_id IN (SELECT unnest(?))", [affected])
        con.execute("DELETE FROM cluster_members WHERE component_id IN (SELECT unnest(?))", [affected])
    result = cluster_mentions(new + old)
    for k in range(0, len(result), WRITE_CLUSTERS):  # records built and written a slice at a time
        _write_clusters(con, result[k:k + WRITE_CLUSTERS])
    return len({c for c, _, _ in result})


def _adjacent_components(con, new: list[Mention], interned: dict | None = None) -> set[str]:
    """Stored components holding a mention compatible with one of ``new``.

    The blocking is a join in the store: each new dated mention's blocks (merge family, participant key,
    its date interval widened by the tolerance) against the stored members' keys, so only the stored
    reports that share a block *and* a date window with a new one are read back and compared.
    """
    tol = dt.timedelta(days=DAY_TOLERANCE)
    found: set[str] = set()
    _adjacent_undated(con, new, found, interned)
    probes = [(i, t, k, m.lo - tol, m.hi + tol) for i, m in enumerate(new) if m.lo is not None
              for fam in m.families for t in family_types(fam) for k in block_keys(m)]
    if not probes:
        return found
    con.execute("CREATE OR REPLACE TEMP TABLE merge_probe (i INTEGER, type_key VARCHAR, key VARCHAR, lo DATE, hi DATE)")
    insert_rows(con, "merge_probe", probes)
    pairs = con.execute(
        "SELECT DISTINCT p.i, cm.event_id FROM merge_probe p JOIN"
        " (SELECT event_id, type_key, date_lo, date_hi, unnest(keys) AS key FROM cluster_members) cm"
        " ON cm.key = p.key AND cm.type_key = p.type_key AND cm.date_hi >= p.lo AND cm.date_lo <= p.hi").fetchall()
    con.execute("DROP TABLE merge_probe")
    stored: dict[str, tuple[Mention, str]] = {}
    for c, r in _scored_mentions(con, _MEMBER_ROWS + " WHERE cm.event_id IN (SELECT unnest(?))", [sorted({e for _, e in pairs})], interned):
        stored[c.event_id] = (c, r["component_id"])
    for i, event_id in pairs:
        c, comp = stored[event_id]
        if comp not in found and compatible_score(new[i], c) is not None:
            found.add(comp)
    return found


def _adjacent_undated(con, new: list[Mention], found: set[str], interned: dict | None = None) -> None:
    """Stored components that an undated main event links to (or that hold an undated main event a new one links to)."""
    by_type: dict[str, list[Mention]] = defaultdict(list)
    for m in new:
        if m.is_main and m.participants:
            for fam in m.families:
                by_type[fam].append(m)
    for tkey, ms in by_type.items():
        keys = sorted({k for m in ms for k in m.participants})
        # dated new mains only need stored undated mains; undated new mains need every stored main
        cond = "" if any(m.lo is None for m in ms) else " AND cm.date_lo IS NULL"
        cands = [(c, r["component_id"]) for c, r in _scored_mentions(
            con, _MEMBER_ROWS + " WHERE cm.type_key IN (SELECT unnest(?)) AND cm.is_main AND list_has_any(cm.keys, ?)" + cond,
            [list(family_types(tkey)), keys], interned)]
        for m in ms:
            for c, comp in cands:
                if comp not in found and (m.lo is None or c.lo is None) and compatible_score(m, c) is not None:
                    found.add(comp)


def _write_clusters(con, result: list[tuple[str, str, list[Mention]]]) -> None:
    clusters, members = [], []
    for comp_id, cl_id, ms in result:
        rec = cluster_record(cl_id, comp_id, ms)
        clusters.append(tuple(rec[c] for c in CLUSTER_COLUMNS))
        for m in ms:
            members.append((m.event_id, cl_id, comp_id, m.doc_id, m.type_key, m.lo, m.hi, m.salience, m.is_main, sorted(block_keys(m))))
    insert_rows(con, "merge_clusters", clusters)
    insert_rows(con, "merge_members", members)


# The order clusters are stored in: by the day they are filed under (graph.event_day), so that the clusters of one
# period -- what a timeline or a dyad over a period reads -- lie together in a few blocks of each column, and a
# query reading a hundred of them does not fetch a block per cluster (one actor's oldest 120 clusters among a
# million: 63 -> 22 ms for the clusters and 35 -> 14 ms for their members, from a freshly opened store).
_DAY_ORDER = f"{CLUSTER_DAY} NULLS LAST, c.cluster_id"


def _store_written(con) -> None:
    """Move the clusters a merge wrote from the staging tables into the store, in day order. A merge over
    every event writes all of them in that order; an incremental one appends its own, sorted among themselves
    (`newsgraph merge --rebuild` sorts the whole table again)."""
    con.execute(f"INSERT INTO clusters SELECT c.* FROM merge_clusters c ORDER BY {_DAY_ORDER}")
    con.execute(f"INSERT INTO cluster_members SELECT m.* FROM merge_members m JOIN merge_clusters c USING (cluster_id) "
                f"ORDER BY {_DAY_ORDER}, m.event_id")


def clusters_in_memory(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Cluster records computed from joined event rows without touching a store (the as-of view, the merge eval)."""
    ms = [mention_from_row(r) for r in rows]
    salience_by_doc(ms)
    return [cluster_record(cl, comp, members) for comp, cl, members in cluster_mentions(ms)]

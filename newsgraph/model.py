"""The data model every stage reads and writes (see DESIGN.md, "Data model").

Plain dataclasses, no behaviour beyond (de)serialisation: stages are functions
over these objects, and the store, the CLI and the HTTP API all speak the
dictionaries that ``to_dict`` produces. Field names of ``Event.to_dict`` are a
public contract (other tools read them): add fields, never rename.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata
from dataclasses import asdict, dataclass, field, fields
from typing import Any

# How a document's publication date was known.
PUBLISHED_SOURCES = ("metadata", "text", "estimated", "given")

# How much of a date the text supports, finest first; "published" = the text gives no date, the publication date stands in.
DATE_PRECISIONS = ("day", "month", "quarter", "season", "year", "decade", "range", "published")

FACTUALITIES = ("asserted", "reported", "threatened", "intended", "denied", "hypothetical")

_WS = re.compile(r"\s+")


def content_hash(text: str) -> str:
    """Stable document id: sha256 of the NFC-normalised text with whitespace collapsed.

    Collapsing whitespace means the same article saved with different line
    endings or wrapping is recognised as the same document.
    """
    norm = _WS.sub(" ", unicodedata.normalize("NFC", text)).strip()
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()[:32]


@dataclass(slots=True)
class Document:
    text: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    outlet_source: str | None = None  # metadata | text | given | None
    published: dt.date | None = None
    published_source: str | None = None  # one of PUBLISHED_SOURCES, None when unknown
    published_earliest: dt.date | None = None  # interval, for estimated dates
    published_latest: dt.date | None = None
    published_reason: str | None = None
    language: str | None = None
    source_path: str | None = None  # file the document was read from
    source_line: int | None = None  # line within that file (JSONL)
    doc_id: str = ""

    def __post_init__(self) -> None:
        if not self.doc_id:
            self.doc_id = content_hash(self.text)

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        for k in ("published", "published_earliest", "published_latest"):
            if d[k] is not None:
                d[k] = d[k].isoformat()
        return d


@dataclass(slots=True)
class ActorRef:
    """An actor as it takes part in one event or mention."""

    name: str
    actor_id: str | None
    country: str | None
    sector: str | None
    kind: str | None = None
    text: str | None = None  # the words in the sentence that name it
    provisional: bool = False  # named in the text but not in the registry

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "actor_id": self.actor_id, "country": self.country, "sector": self.sector,
                "kind": self.kind, "text": self.text, "provisional": self.provisional}

    def copy(self, **changes: Any) -> ActorRef:
        """A shallow copy (all fields are immutable values), with ``changes`` applied. Built field by field:
        ``dataclasses.replace`` costs several times more, and the coder and framing copy refs by the thousand."""
        new = ActorRef(self.name, self.actor_id, self.country, self.sector, self.kind, self.text, self.provisional)
        for field_name, value in changes.items():
            if field_name not in _ACTOR_REF_FIELDS:
                raise TypeError(f"ActorRef has no field {field_name!r}")
            setattr(new, field_name, value)
        return new


_ACTOR_REF_FIELDS = frozenset(f.name for f in fields(ActorRef))


@dataclass(slots=True)
class Mention:
    """A span of a document resolved to an actor."""

    start: int  # character offsets in Document.text
    end: int
    text: str
    actor: ActorRef
    how: str  # alias | short | surname | metonym | adjective | title | provisional | ...
    sentence: int = 0

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["actor"] = self.actor.to_dict()
        return d


@dataclass(slots=True)
class Quantity:
    value: float | None
    unit: str | None  # as written ("$", "barrels per day", "%")
    normalized_value: float | None
    normalized_unit: str | None  # USD, CNY, EUR, barrels/day, barrels, percent, tonnes, count:<noun>
    text: str
    start: int
    end: int
    qualifier: str | None = None  # about | at least | up to | more than | nearly | ...
    measure: str | None = None  # what it measures, when known
    value_max: float | None = None  # for ranges
    change: str | None = None  # rise to | fall by | cut by | ... (lemma + preposition)
    kind: str | None = None  # money | volume | percent | multiple | count | measure | number
    # what the number is said of (newsgraph.quantities.attach): whose measure, towards whom, when, how sure
    subject: list[ActorRef] = field(default_factory=list)  # whose measure: Venezuela's oil production, China's loans
    subject_text: str | None = None
    counterpart: list[ActorRef] = field(default_factory=list)  # towards whom: loans to Venezuela, bounty on El Aissami, promised to OPEC
    counterpart_text: str | None = None
    time_text: str | None = None  # the time phrase of the quantity's clause ("by January 2023", "since 2006")
    date: dt.date | None = None  # that phrase resolved, when the time layer can; None otherwise
    date_precision: str | None = None
    factuality: str | None = None  # asserted | reported | threatened | intended | denied | hypothetical
    sentence: int | None = None
    evidence: str | None = None  # the sentence that states it
    event_id: str | None = None  # the event the quantity belongs to, when one was coded

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["date"] = self.date.isoformat() if self.date else None
        return d


@dataclass(slots=True)
class Event:
    type: str  # PLOVER event type
    mode: str | None
    context: str | None
    cameo: str | None
    source: list[ActorRef]
    target: list[ActorRef]
    evidence: str  # the sentence
    evidence_start: int
    evidence_end: int
    trigger: str
    trigger_start: int
    trigger_end: int
    doc_id: str = ""
    date: dt.date | None = None
    date_precision: str | None = None
    date_text: str | None = None  # the phrase the date came from; None when taken from publication
    factuality: str = "asserted"
    attribution: str | None = None  # who says so
    quantities: list[Quantity] = field(default_factory=list)
    confidence: float = 0.5
    location: str | None = None
    sentence: int = 0
    id: str = ""
    date_end: dt.date | None = None  # last day of the period the date stands for (month, year, range, estimate)
    date_value: str | None = None  # TimeML value of date_text: "2022-02", "2019", "201" (the 2010s), ...

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "doc_id": self.doc_id,
            "type": self.type,
            "mode": self.mode,
            "context": self.context,
            "cameo": self.cameo,
            "source": [a.to_dict() for a in self.source],
            "target": [a.to_dict() for a in self.target],
            "date": self.date.isoformat() if self.date else None,
            "date_precision": self.date_precision,
            "date_text": self.date_text,
            "factuality": self.factuality,
            "attribution": self.attribution,
            "quantities": [q.to_dict() for q in self.quantities],
            "evidence": self.evidence,
            "evidence_start": self.evidence_start,
            "evidence_end": self.evidence_end,
            "trigger": self.trigger,
            "trigger_start": self.trigger_start,
            "trigger_end": self.trigger_end,
            "confidence": round(self.confidence, 3),
            "location": self.location,
            "sentence": self.sentence,
            "date_end": self.date_end.isoformat() if self.date_end else None,
            "date_value": self.date_value,
        }


@dataclass(slots=True)
class Descriptor:
    """Words a document uses for an actor: "the Venezuelan socialist regime", "a drug kingpin"."""

    actor: ActorRef  # what the words describe (for "the Maduro regime": Venezuela's government)
    text: str  # as written
    form: str  # normalised for counting: lowercase, no article, the actor's own name/adjective left out
    kind: str  # premodifier | apposition | label | government-noun
    start: int
    end: int
    sentence: int = 0
    via: str | None = None  # actor id of the mention it hangs on when that is not ``actor`` ("nicolas-maduro")
    loaded: list[str] = field(default_factory=list)  # loaded terms in it (data/lexicons/loaded_terms.yaml)

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["actor"] = self.actor.to_dict()
        return d


@dataclass(slots=True)
class MentionTone:
    """Targeted tone toward one actor mention: the words around and about it, scored."""

    actor: ActorRef
    text: str  # the mention ("Maduro", "the socialist regime")
    start: int
    end: int
    sentence: int
    tone: float  # -1 .. 1 (VADER compound over the targeted words)
    label: str  # positive | neutral | negative
    words: list[str] = field(default_factory=list)  # the targeted words that carry valence, "regime:-1.8"
    loaded: list[str] = field(default_factory=list)
    evidence: str = ""  # the sentence
    via: str | None = None

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["actor"] = self.actor.to_dict()
        return d


@dataclass(slots=True)
class DocResult:
    """Everything extract() learns from one document."""

    document: Document
    mentions: list[Mention] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    n_sentences: int = 0
    n_entities: int = 0
    warnings: list[str] = field(default_factory=list)
    descriptors: list[Descriptor] = field(default_factory=list)
    tones: list[MentionTone] = field(default_factory=list)
    outlet_how: str | None = None  # how the outlet was known: metadata | given | tagline | name-line | domain-line | copyright | dateline | byline
    outlet_evidence: str | None = None

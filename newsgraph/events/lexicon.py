"""Trigger senses and the PLOVER/CAMEO ontology, loaded from data files."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field, replace
from importlib import resources
from pathlib import Path

import yaml

from ..errors import DataFileError

DEFAULT_PREPS = ("to", "on", "against", "with")
DEFAULT_SOURCE_PREPS = ("by",)


@dataclass(frozen=True, slots=True)
class Sense:
    lemmas: tuple[str, ...]
    pos: str
    type: str
    cameo: str | None
    mode: str | None = None
    context: str | None = None
    objects: frozenset[str] | None = None
    unless: frozenset[str] = frozenset()  # the sense does not fire when the object phrase has one of these ("economic war")
    particle: str | None = None
    preps: tuple[str, ...] = DEFAULT_PREPS
    source_preps: tuple[str, ...] = DEFAULT_SOURCE_PREPS
    symmetric: bool = False
    needs: str | None = None  # target | pair | any
    governs: bool = False
    reverse: bool = False  # the subject receives: "received aid from Iran"
    home: bool = False  # a measure a state takes at home: with no place or party named, its target is the source's state
    military: dict | None = None  # {type, cameo, mode}: coding when the sentence is about armed forces
    factuality: str | None = None
    confidence: float = 0.6
    line: int = 0  # position in the data file, for error messages and tie-breaking
    synonym_of: str | None = None  # a WordNet synonym's sense, cloned from this hand trigger's (trigger_synonyms.yaml)


# irregular inflections of the verbs the trigger lexicon lists (regular ones are generated)
IRREGULAR_FORMS = {
    "begin": ("began", "begun"), "bring": ("brought",), "break": ("broke", "broken"), "blow": ("blew", "blown"),
    "build": ("built",), "buy": ("bought",), "fight": ("fought",), "forbid": ("forbade", "forbidden"),
    "forgive": ("forgave", "forgiven"), "freeze": ("froze", "frozen"), "give": ("gave", "given"),
    "hold": ("held",), "lead": ("led",), "lend": ("lent",), "meet": ("met",), "overrun": ("overran",),
    "seek": ("sought",), "sell": ("sold",), "send": ("sent",), "shoot": ("shot",), "slay": ("slew", "slain"),
    "speak": ("spoke", "spoken"), "stand": ("stood",), "strike": ("struck", "stricken"), "swear": ("swore", "sworn"),
    "take": ("took", "taken"), "undertake": ("undertook", "undertaken"), "win": ("won",),
    "withdraw": ("withdrew", "withdrawn"), "withhold": ("withheld",), "rise": ("rose", "risen"),
    # the tagger leaves some as their own lemma ("leapt to the defence of", "tore down the posters")
    "leap": ("leapt",), "spring": ("sprang", "sprung"), "burn": ("burnt",), "drive": ("drove", "driven"),
    "fly": ("flew", "flown"), "tear": ("tore", "torn"), "throw": ("threw", "thrown"), "sink": ("sank", "sunk"),
    "shake": ("shook", "shaken"), "dig": ("dug",), "sting": ("stung",), "feed": ("fed",), "withstand": ("withstood",),
    "rebuild": ("rebuilt",), "stick": ("stuck",), "lay": ("laid",),
}


def verb_forms(lemma: str) -> tuple[str, ...]:
    """Inflected forms of a verb lemma: -s, -ed, -ing with the usual spelling rules, plus the irregular ones.
    Doubling a final consonant is a guess either way ("ban" -> "banned", "open" -> "opened"): both are listed."""
    if " " in lemma or not lemma.isalpha():
        return ()
    out = set(IRREGULAR_FORMS.get(lemma, ()))
    if lemma.endswith(("s", "x", "z", "ch", "sh")):
        out.add(lemma + "es")
    elif lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        out.add(lemma[:-1] + "ies")
    else:
        out.add(lemma + "s")
    if lemma.endswith("e"):
        out.update((lemma + "d", lemma[:-1] + "ing"))
    elif lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        out.update((lemma[:-1] + "ied", lemma + "ing"))
    else:
        out.update((lemma + "ed", lemma + "ing"))
        if len(lemma) >= 3 and lemma[-1] not in "aeiouwxy" and lemma[-2] in "aeiou" and lemma[-3] not in "aeiou":
            out.update((lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"))
    out.discard(lemma)
    return tuple(sorted(out))


def _data(*parts: str) -> Path:
    return Path(str(resources.files("newsgraph").joinpath("data", *parts)))


@dataclass
class Lexicon:
    senses: list[Sense]
    by_lemma: dict[tuple[str, str], list[Sense]]
    hypernym_file: Path | None = None  # data/events/noun_hypernyms.tsv: read on first use (``hypernyms``)
    # a listed "re" verb -> its verb's senses, tried when none of its own fits ("reopen talks"; ``_add_iteratives``)
    again: dict[str, list[Sense]] = field(default_factory=dict)
    _hypernyms: dict[str, str] | None = field(default=None, repr=False, compare=False)

    def hypernyms(self, noun: str) -> tuple[str, ...]:
        """The WordNet hypernyms of ``noun`` (its dominant senses, nearest first) that the generated table lists: the
        coder's fallback when no sense's objects list names the noun itself. The table is read on the first call,
        not at load: most documents never need it."""
        return self.noun_kinds(noun)[0]

    def noun_kinds(self, noun: str) -> tuple[tuple[str, ...], frozenset[str]]:
        """``noun``'s hypernyms (as ``hypernyms``) and the other object words it stands near (a common hypernym close
        to both: a schooner is near a ship)."""
        table = self._hypernyms
        if table is None:
            table = self._hypernyms = load_noun_hypernyms(self.hypernym_file) if self.hypernym_file else {}
        row = table.get(noun)
        if not row:
            return (), frozenset()
        words, _tab, near = row.partition("\t")
        return tuple(words.split()), frozenset(near.split())


def load_noun_hypernyms(path: Path) -> dict[str, str]:
    """noun -> "its hypernyms<TAB>the object words it stands near", from a file of ``noun<TAB>hypernym ...[<TAB>near
    ...]`` lines (``#`` comments), as scripts/make_noun_hypernyms.py writes it. The words stay one string until asked
    for: loading is a few ms."""
    table: dict[str, str] = {}
    with path.open(encoding="utf-8") as fh:
        for i, line in enumerate(fh, start=1):
            if line.startswith("#") or not line.strip():
                continue
            noun, tab, words = line.rstrip("\n").partition("\t")
            if not tab or not noun or not words:
                raise DataFileError(str(path), "each line must be a noun, a tab and its hypernyms (rerun scripts/make_noun_hypernyms.py)", i)
            table[noun] = words
    return table


def _words(values) -> tuple[str, ...]:
    """Words of a YAML list, lower-cased. YAML 1.1 reads a bare on/off/yes/no as a boolean (``preps: [on, for]`` gives
    True): those come back as the word that was written."""
    return tuple(("on" if x else "off") if isinstance(x, bool) else str(x).lower() for x in values)


SYNONYM_CONFIDENCE = 0.8  # a synonym's sense is as sure as the hand sense it inherits, times this


def load_object_classes(path: Path | None = None) -> dict[str, frozenset[str]]:
    """The named noun classes of ``path`` (data/events/object_classes.yaml): class name -> its words, a member
    ``@other`` standing for all of that class's words. Senses refer to a class in their objects and unless lists."""
    path = path or _data("events", "object_classes.yaml")
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        raise DataFileError(str(path), f"invalid YAML: {getattr(e, 'problem', e)}", mark.line + 1 if mark else None) from None
    if not isinstance(raw, dict) or not all(isinstance(v, list) and v for v in raw.values()):
        raise DataFileError(str(path), "must map each class name to a non-empty list of words")
    lists = {str(k).lower(): _words(v) for k, v in raw.items()}
    out: dict[str, frozenset[str]] = {}

    def expand(name: str, seen: tuple[str, ...]) -> frozenset[str]:
        if name in out:
            return out[name]
        if name in seen:
            raise DataFileError(str(path), f"class {name!r} includes itself (through {' -> '.join(seen)})")
        words: set[str] = set()
        for w in lists[name]:
            if w.startswith("@"):
                if w[1:] not in lists:
                    raise DataFileError(str(path), f"class {name!r}: unknown class {w!r}")
                words |= expand(w[1:], (*seen, name))
            else:
                words.add(w)
        out[name] = frozenset(words)
        return out[name]

    for name in lists:
        expand(name, ())
    return out


def _expand_classes(words: tuple[str, ...], classes: dict[str, frozenset[str]], where: str, path: Path) -> frozenset[str]:
    """A sense's objects or unless list with its class references expanded: "@vessels" gives every vessel noun, and a
    marker ending in one ("*prep:to:@monitors") gives that marker for each member ("*prep:to:inspector", ...)."""
    out: set[str] = set()
    for w in words:
        at = w.find("@")
        if at < 0 or (at and w[at - 1] != ":"):
            out.add(w)
            continue
        members = classes.get(w[at + 1:])
        if members is None:
            raise DataFileError(str(path), f"{where}: unknown object class {w[at:]!r} (data/events/object_classes.yaml)")
        out.update(w[:at] + m for m in members)
    return frozenset(out)


def load_lexicon(path: Path | None = None, synonyms: Path | None | bool = None, classes: Path | None = None,
                 hypernyms: Path | None | bool = None) -> Lexicon:
    """The trigger senses of ``path`` (data/events/triggers.yaml), plus the fallback senses of the WordNet synonyms in
    ``synonyms`` (data/events/trigger_synonyms.yaml by default when ``path`` is the default; False for none). Object
    classes ("@vessels") come from ``classes`` (data/events/object_classes.yaml by default). ``hypernyms`` is the
    table of noun hypernyms the coder widens an unlisted object with (data/events/noun_hypernyms.tsv by default, read
    on first use; False for none)."""
    if synonyms is None:
        synonyms = path is None
    if synonyms is True:
        synonyms = _data("events", "trigger_synonyms.yaml")
    if hypernyms is None or hypernyms is True:
        hypernyms = _data("events", "noun_hypernyms.tsv")
    path = path or _data("events", "triggers.yaml")
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        raise DataFileError(str(path), f"invalid YAML: {getattr(e, 'problem', e)}", mark.line + 1 if mark else None) from None
    if not isinstance(raw, list):
        raise DataFileError(str(path), "must be a YAML list of trigger senses")
    ontology = load_ontology()
    object_classes = load_object_classes(classes)
    senses: list[Sense] = []
    for i, rec in enumerate(raw, start=1):
        if not isinstance(rec, dict) or not rec.get("lemmas") or not rec.get("type"):
            raise DataFileError(str(path), f"sense {i}: needs lemmas and type")
        if ontology.types and rec["type"] not in ontology.types:
            raise DataFileError(str(path), f"sense {i}: unknown PLOVER type {rec['type']!r}")
        pos = rec.get("pos", "VERB")
        if pos not in ("VERB", "NOUN"):
            raise DataFileError(str(path), f"sense {i}: pos must be VERB or NOUN, not {pos!r}")
        needs = rec.get("needs")
        if needs not in (None, "target", "pair", "any"):
            raise DataFileError(str(path), f"sense {i}: needs must be target, pair or any")
        senses.append(
            Sense(
                lemmas=_words(rec["lemmas"]),
                pos=pos,
                type=rec["type"],
                cameo=str(rec["cameo"]) if rec.get("cameo") is not None else None,
                mode=rec.get("mode"),
                context=rec.get("context"),
                objects=_expand_classes(_words(rec["objects"]), object_classes, f"sense {i} objects", path) if rec.get("objects") else None,
                unless=_expand_classes(_words(rec.get("unless") or ()), object_classes, f"sense {i} unless", path),
                particle=_words([rec["particle"]])[0] if rec.get("particle") is not None else None,
                preps=_words(rec["preps"]) if rec.get("preps") is not None else DEFAULT_PREPS,
                source_preps=_words(rec["source_preps"]) if rec.get("source_preps") is not None else DEFAULT_SOURCE_PREPS,
                symmetric=bool(rec.get("symmetric", False)),
                needs=needs,
                governs=bool(rec.get("governs", False)),
                reverse=bool(rec.get("reverse", False)),
                home=bool(rec.get("home", False)),
                military=rec.get("military"),
                factuality=rec.get("factuality"),
                confidence=float(rec.get("confidence", 0.6)),
                line=i,
            )
        )
    by_lemma: dict[tuple[str, str], list[Sense]] = {}
    for s in senses:
        for lemma in s.lemmas:
            by_lemma.setdefault((lemma, s.pos), []).append(s)
    for (lemma, pos), lst in list(by_lemma.items()):
        if pos == "VERB":
            # the tagger's lemma is sometimes wrong ("staged" -> "stag", "struck" taken for an auxiliary): the coder
            # falls back to the word's form, so each verb lemma also lists its inflected forms (never replacing a lemma)
            for form in verb_forms(lemma):
                if (form, pos) not in by_lemma:
                    by_lemma[(form, pos)] = lst
    if synonyms:
        _add_synonyms(synonyms, senses, by_lemma)
        again = _add_iteratives(senses, by_lemma)
    else:
        again = {}
    for lst in by_lemma.values():
        # senses constrained by their particle or object come before unconstrained ones, particle senses first, each
        # in file order: "withdrew recognition" must meet the recognition sense before the bare "withdraw", and
        # "backed down" the yielding sense before the bare "back", "gave up their weapons" disarming before giving
        lst.sort(key=lambda s: (s.objects is None and s.particle is None, s.particle is None, s.objects is None, s.line))
    return Lexicon(senses, by_lemma, hypernyms or None, again=again)


# words of "re" and a listed verb whose "re" is not "again" (or that are no verb of it at all): "refined oil" is no fine,
# "recommended" no praise, "replaced the minister" no placing
NOT_AGAIN = frozenset({
    "react", "really", "rebar", "rebase", "rebe", "rebus", "recap", "recapitulate", "recast", "recede", "recharge", "recollect",
    "recommend", "recreate", "redeem", "redirect", "redish", "redoubt", "redrum", "redub", "reface", "refeed", "refind", "refine",
    "reflash", "reflex", "reform", "refree", "refund", "regift", "rego", "relet", "reline", "relook", "reman", "remediate", "rename",
    "repass", "repay", "repetition", "repin", "replace", "replay", "repost", "represent", "reprod", "research", "reserve", "reside",
    "resit", "resound", "resting", "restall", "retable", "retour", "reup", "revisit", "rewind", "rewound", "retie", "retouch",
    # listed words whose "re" is no "again" either: their own senses only
    "recall", "remove", "resign", "return", "reset", "relay", "repress", "reassure", "retreat", "reclaim", "resettle", "restate",
    "release", "resolve", "reserve", "repel", "reject", "report", "request", "rescue", "respond", "restore", "retain", "reveal"})


def _add_iteratives(senses: list[Sense], by_lemma: dict[tuple[str, str], list[Sense]]) -> dict[str, list[Sense]]:
    """A verb of "re" and a hand verb that the lexicon does not list takes that verb's senses, objects and all: what is
    done again is the same act ("reoccupied the town", "rejoined the talks", "rearrested the activist"). Like a
    synonym's, its senses are fallbacks (``synonym_of``, lower confidence): they code only sentences no hand trigger
    codes. Words whose "re" is no "again" (``NOT_AGAIN``) are left out.
    A "re" verb the hand lexicon lists keeps its own senses; its verb's senses are returned for it (word -> senses), for
    the coder to try when none of its own fits ("reopen talks": the lexicon lists "reopen" for crossings)."""
    listed = set(by_lemma)
    line = len(senses)
    stems = sorted({lemma for s in senses if s.pos == "VERB" and s.synonym_of is None for lemma in s.lemmas if lemma.isalpha()})
    again: dict[str, list[Sense]] = {}
    for stem in stems:
        word = "re" + stem
        forms = (word, *verb_forms(word), *("re" + f for f in IRREGULAR_FORMS.get(stem, ())))  # "rebuilt", "retook"
        if word in NOT_AGAIN:
            continue
        clones = []
        for s in by_lemma.get((stem, "VERB"), ()):
            if s.synonym_of is None:
                line += 1
                clones.append(replace(s, lemmas=(word,), confidence=round(s.confidence * SYNONYM_CONFIDENCE, 3), line=line, synonym_of=stem))
        if not clones:
            continue
        if any((f, p) in listed for f in forms for p in ("VERB", "NOUN")):
            if (word, "VERB") in listed:
                again[word] = clones
            continue
        senses.extend(clones)
        for form in forms:
            if (form, "VERB") not in by_lemma:
                by_lemma[(form, "VERB")] = clones
    return again


def _add_synonyms(path: Path, senses: list[Sense], by_lemma: dict[tuple[str, str], list[Sense]]) -> None:
    """Each word of the generated synonym file takes the meaning-alone senses (no particle, no objects) of the hand
    trigger it is a synonym or nominalisation of (``from``, ``from_pos``), at a lower confidence, marked ``synonym_of``. A word the hand lexicon lists already (the
    file may be older than triggers.yaml) keeps its hand senses only; a trigger that no longer has the sense is skipped."""
    try:
        rows = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        raise DataFileError(str(path), f"invalid YAML: {getattr(e, 'problem', e)}", mark.line + 1 if mark else None) from None
    listed = set(by_lemma)
    line = len(senses)
    for i, row in enumerate(rows, start=1):
        if not isinstance(row, dict) or not row.get("word") or not row.get("from") or row.get("pos") not in ("VERB", "NOUN"):
            raise DataFileError(str(path), f"synonym {i}: needs word, from and pos VERB or NOUN")
        word, pos = str(row["word"]).lower(), row["pos"]
        forms = (word, *verb_forms(word)) if pos == "VERB" else (word,)
        if any((f, p) in listed for f in forms for p in ("VERB", "NOUN")):
            continue
        from_pos = row.get("from_pos", pos)  # a nominalisation ("extradition") inherits its verb's senses
        inherited = [s for s in by_lemma.get((str(row["from"]).lower(), from_pos), ())
                     if s.particle is None and s.objects is None and s.synonym_of is None]
        clones = []
        for s in inherited:
            line += 1
            clones.append(replace(s, lemmas=(word,), pos=pos, confidence=round(s.confidence * SYNONYM_CONFIDENCE, 3), line=line,
                                  synonym_of=str(row["from"]).lower()))
        senses.extend(clones)
        for form in forms:
            if clones and (form, pos) not in by_lemma:
                by_lemma[(form, pos)] = clones


@dataclass
class Ontology:
    types: dict[str, dict]
    contexts: dict[str, dict]
    cameo: dict[str, dict]
    modality: dict = field(default_factory=dict)  # data/ontology/modality.yaml

    def relation(self, etype: str) -> str | None:
        """cooperation | conflict, from plover.yaml."""
        return (self.types.get(etype) or {}).get("relation")

    def context_cues(self) -> dict[str, str]:
        """cue word -> context, from the contexts' cue lists (first listed context wins)."""
        out: dict[str, str] = {}
        for name, c in self.contexts.items():
            for w in (c or {}).get("cues", []) or []:
                out.setdefault(str(w).lower(), name)
        return out

    def goldstein(self, code: str | None) -> float | None:
        if not code:
            return None
        while code:
            rec = self.cameo.get(code)
            if rec and rec.get("goldstein") is not None:
                return float(rec["goldstein"])
            code = code[:-1]
        return None


@functools.lru_cache(maxsize=1)
def load_ontology() -> Ontology:
    plover_path = _data("ontology", "plover.yaml")
    cameo_path = _data("ontology", "cameo.yaml")
    plover = yaml.safe_load(plover_path.read_text(encoding="utf-8")) if plover_path.exists() else {}
    cameo = yaml.safe_load(cameo_path.read_text(encoding="utf-8")) if cameo_path.exists() else {}
    modality = yaml.safe_load(_data("ontology", "modality.yaml").read_text(encoding="utf-8"))
    return Ontology(
        types=(plover or {}).get("types", {}) or {},
        contexts=(plover or {}).get("contexts", {}) or {},
        cameo={str(k): v for k, v in (cameo or {}).items()},
        modality=modality or {},
    )


@functools.lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    return load_lexicon()

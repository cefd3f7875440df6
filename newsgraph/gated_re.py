"""``finditer`` for word-initial regular expressions, tried only where a match can start: same matches, less work.

Python's ``re`` scans quickly only when a pattern begins with a literal or a
case-sensitive character class. The time and quantity patterns begin with
``\\b`` and are mostly case-insensitive, so ``finditer`` runs the whole
pattern at every character of the text. For such a pattern this module
works out, from the parsed pattern, the set of characters a match can begin
with, and builds a *gate*: a case-sensitive class of those characters (a
case-insensitive letter stands for all the characters ``re`` folds to it),
followed by a lookbehind for the word boundary and lookarounds for the first
six characters a match can begin with (``prefixes``: "the sp", "the su",
"spring", ... for "(the )?(spring|summer...)"). The gate finds in C the few
positions where a match can start; ``pattern.match`` is tried there only, in
order, skipping positions inside the previous match, which is exactly what
``finditer`` does. Any pattern this analysis does not cover (no leading
``\\b`` or lookbehind for a non-word character, a first character that is not
a word character, a back-reference, a possible empty match) is left to
``finditer`` itself. Many patterns over one text share one scan instead
(``GatedSet``): the text is scanned once for word starts, and each is handed
to the patterns whose first character and prefixes fit.

Before that, a text that holds none of the strings every match must contain
(``required_strings``: "quarter"; a month name and "last", "this" or "next"; ...) is
skipped outright, on its lower-case form computed once for all patterns.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterator
from re import _constants as C  # noqa: N812 - the sre opcodes
from re import _parser

# Characters other than the two ASCII cases that re.IGNORECASE folds onto an ASCII letter
# (tests/test_gated_re.py checks this table against every code point).
_EXTRA_FOLDS = {"i": "\u0130\u0131", "k": "\u212a", "s": "\u017f"}
_WORD_CATEGORIES = {C.CATEGORY_DIGIT, C.CATEGORY_WORD, C.CATEGORY_UNI_DIGIT, C.CATEGORY_UNI_WORD}
_CATEGORY_SRC = {C.CATEGORY_DIGIT: r"\d", C.CATEGORY_WORD: r"\w", C.CATEGORY_UNI_DIGIT: r"\d", C.CATEGORY_UNI_WORD: r"\w"}


class _Unsupported(Exception):
    pass


def _chars(ch: str, ignorecase: bool) -> str:
    if not re.fullmatch(r"\w", ch):
        raise _Unsupported  # a match starting with a non-word character has no boundary before it to test
    if not ignorecase or ch.lower() == ch.upper():
        return ch
    low = ch.lower()
    if not low.isascii():
        raise _Unsupported
    return low + low.upper() + _EXTRA_FOLDS.get(low, "")


def _first(items, flags: int) -> tuple[set[str], bool]:
    """(class members a match of ``items`` can begin with, whether ``items`` can match the empty string)."""
    out: set[str] = set()
    for op, av in items:
        ic = bool(flags & re.IGNORECASE)
        if op is C.AT or op is C.ASSERT or op is C.ASSERT_NOT:
            continue  # zero width: leaving the test out only widens the set
        if op is C.LITERAL:
            out.add(_chars(chr(av), ic))
            return out, False
        if op is C.IN:
            for iop, iav in av:
                if iop is C.LITERAL:
                    out.add(_chars(chr(iav), ic))
                elif iop is C.RANGE:
                    out.update(_chars(chr(c), ic) for c in range(iav[0], iav[1] + 1))
                elif iop is C.CATEGORY and iav in _WORD_CATEGORIES:
                    out.add(_CATEGORY_SRC[iav])
                else:
                    raise _Unsupported
            return out, False
        if op is C.SUBPATTERN:
            _group, add, delete, sub = av
            got, nullable = _first(sub.data, (flags | add) & ~delete)
        elif op is C.BRANCH:
            got, nullable = set(), False
            for alt in av[1]:
                g, n = _first(alt.data, flags)
                got |= g
                nullable = nullable or n
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
            lo, _hi, sub = av
            got, nullable = _first(sub.data, flags)
            nullable = nullable or lo == 0
        elif op is C.ATOMIC_GROUP:
            got, nullable = _first(av.data, flags)
        else:
            raise _Unsupported  # ANY, NOT_LITERAL, GROUPREF, ...
        out |= got
        if not nullable:
            return out, False
    return out, True


def _required(items) -> list[set[str]]:
    """Sets of strings (lower case) such that every match of ``items`` contains one string of each set.

    A run of literal characters gives one string; a group adds what it requires; an alternation gives the
    union over its branches of each branch's most selective set (the one with the longest shortest string).
    """
    out: list[set[str]] = []
    run = ""
    for op, av in items:
        if op is C.LITERAL:
            run += chr(av).lower()
            continue
        if run:
            out.append({run})
            run = ""
        if op is C.SUBPATTERN:
            out += _required(av[3].data)
        elif op is C.ATOMIC_GROUP:
            out += _required(av.data)
        elif op is C.BRANCH:
            alts = [_required(alt.data) for alt in av[1]]
            if all(alts):
                out.append(set().union(*(max(a, key=lambda g: min(map(len, g))) for a in alts)))
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT) and av[0] >= 1:
            out += _required(av[2].data)
    if run:
        out.append({run})
    return out


def required_strings(rx: re.Pattern) -> tuple[tuple[str, ...], ...]:
    """Groups of lower-case strings: every match of ``rx`` contains a string of each group (none known: ())."""
    if not isinstance(rx.pattern, str) or rx.flags & (re.LOCALE | re.ASCII | re.VERBOSE):
        return ()
    groups = {tuple(sorted(g)) for g in _required(_parser.parse(rx.pattern, rx.flags).data)}
    return tuple(sorted(groups, key=lambda g: (-min(map(len, g)), g)))  # the most selective first


# Characters whose str.lower() is not the character re.IGNORECASE compares them as: a text holding one is
# never skipped on its lower-case form.
_UNSAFE_LOWER = re.compile("[\u0130\u0131\u017f]")


def lowered(text: str) -> str | None:
    """``text.lower()`` for :meth:`GatedPattern.finditer`'s keyword test, or None where that test is unsafe."""
    return None if _UNSAFE_LOWER.search(text) else text.lower()


_ASCII_CATEGORY = {
    C.CATEGORY_DIGIT: "0123456789", C.CATEGORY_UNI_DIGIT: "0123456789",
    C.CATEGORY_WORD: "abcdefghijklmnopqrstuvwxyz0123456789_", C.CATEGORY_UNI_WORD: "abcdefghijklmnopqrstuvwxyz0123456789_",
    C.CATEGORY_SPACE: " \t\n\r\x0b\x0c", C.CATEGORY_UNI_SPACE: " \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f",
}
_ANY = [("", False)]  # a prefix that stops here: nothing known about what follows
_FOLDS_TO_ASCII = "".join(_EXTRA_FOLDS.values())
_CAP = 4000


def _prefixes(items, k: int) -> list[tuple[str, bool]]:
    """The possible first ``k`` characters (lower case, ASCII members only) of a match of ``items``, each with
    whether the match may go on after it (True) or what follows is unknown (False). Non-ASCII characters of
    a class are not listed: the caller accepts any position with a non-ASCII character in its first ``k``."""
    results = [("", True)]
    for op, av in items:
        if op is C.AT or op is C.ASSERT or op is C.ASSERT_NOT:
            continue
        if op is C.LITERAL:
            ch = chr(av).lower()
            # a non-ASCII character here puts one in the match's first k: such matches are excepted (the caller
            # lets those positions through), so the path adds no prefix; unless re.IGNORECASE may fold it to ASCII
            item = [(ch, True)] if ch.isascii() else _ANY if ch in _FOLDS_TO_ASCII else []
        elif op is C.IN:
            chars = set()
            for iop, iav in av:
                if iop is C.LITERAL:
                    chars.add(chr(iav).lower())
                elif iop is C.RANGE and iav[1] - iav[0] < 64:
                    chars.update(chr(c).lower() for c in range(iav[0], iav[1] + 1))
                elif iop is C.CATEGORY and iav in _ASCII_CATEGORY:
                    chars.update(_ASCII_CATEGORY[iav])
                else:
                    chars = None
                    break
            item = [(c, True) for c in chars if c.isascii()] if chars else _ANY
        elif op is C.SUBPATTERN:
            item = _prefixes(av[3].data, k)
        elif op is C.ATOMIC_GROUP:
            item = _prefixes(av.data, k)
        elif op is C.BRANCH:
            item = [p for alt in av[1] for p in _prefixes(alt.data, k)]
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
            lo, hi, sub = av
            once = _prefixes(sub.data, k)
            if hi != 1:  # after one pass of a loop: the rest of the pattern, or another pass and then unknown
                once = _then(once, [("", True), *((p, False) for p, _ in once)], k)
            item = [("", True), *once] if lo == 0 else once
        else:
            item = _ANY
        results = _then(results, item, k)
        if results is _ANY:
            return _ANY
        if all(not more or len(s) >= k for s, more in results):
            break
    return results


def _then(results, item, k: int) -> list[tuple[str, bool]]:
    """The prefixes of ``results`` followed by those of ``item`` (both as ``_prefixes`` gives them)."""
    new = set()
    for s, more in results:
        if not more or len(s) >= k:
            new.add((s[:k], False))
            continue
        for p, pmore in item:
            t = s + p
            new.add((t[:k], False) if len(t) >= k else (t, pmore))
    return _ANY if len(new) > _CAP else list(new)


PREFIX_LENGTH = 6  # characters of a match's beginning the gate tests ("the " + two letters of the next word)


def prefixes(rx: re.Pattern, k: int = PREFIX_LENGTH) -> frozenset[str] | None:
    """Lower-case strings one of which begins every match of ``rx`` (matches with a non-ASCII character in their
    first ``k`` excepted): each string is the match's first ``k`` characters, or fewer where a match may end or
    what follows is not known. None when nothing is known: the longest ``k`` down to 2 whose list stays short."""
    try:
        items = _parser.parse(rx.pattern, rx.flags).data
    except re.error:
        return None
    for n in range(k, 1, -1):
        found = _prefixes(items, n)
        if found is not _ANY and not any(len(s) == 0 for s, _ in found):
            return frozenset(s for s, _ in found)
    return None


def _trie(strings: frozenset[str]) -> str:
    """A regular expression matching exactly the strings that begin with one of ``strings``, with shared
    beginnings factored out; a string that is a prefix of another makes the longer one redundant."""
    tree: dict = {}
    for s in sorted(strings, key=len):
        node = tree
        for ch in s:
            if "" in node:
                break  # a shorter string already ends here
            node = node.setdefault(ch, {})
        else:
            node.clear()
            node[""] = {}

    def build(node: dict) -> str:
        if "" in node:
            return ""
        by_rest: dict[str, list[str]] = {}
        for ch, child in node.items():
            by_rest.setdefault(build(child), []).append(ch)
        alts = sorted((re.escape(chs[0]) if len(chs) == 1 else "[" + "".join(map(re.escape, sorted(chs))) + "]") + rest
                      for rest, chs in by_rest.items())
        return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"

    return build(tree)


def _starts_with_boundary(items, lookbehind_ok: bool = True) -> bool:
    """Whether a match must begin where a word begins: a leading ``\\b`` (the first character a match consumes is a
    word character, ``_first`` makes sure), or a lookbehind ruling out a word character before it (``year``'s
    ``(?<![\\w$.,])``); other lookbehinds in front ("not after 'this '") only narrow the matches."""
    for op, av in items:
        if op is C.AT:
            return av in (C.AT_BOUNDARY, C.AT_UNI_BOUNDARY)
        if op is C.SUBPATTERN:
            return _starts_with_boundary(av[3].data, lookbehind_ok)
        if op is C.ASSERT_NOT and av[0] == -1:
            sub = av[1].data
            if lookbehind_ok and len(sub) == 1 and sub[0][0] is C.IN and any(o is C.CATEGORY and a in (C.CATEGORY_WORD, C.CATEGORY_UNI_WORD) for o, a in sub[0][1]):
                return True
            continue
        if op is C.ASSERT and av[0] == -1:
            continue
        return False
    return False


def gate_for(rx: re.Pattern) -> re.Pattern | None:
    """The gate of ``rx`` (see the module docstring), or None when ``rx`` must be scanned in full."""
    if not isinstance(rx.pattern, str) or rx.flags & (re.LOCALE | re.ASCII | re.VERBOSE):
        return None
    try:
        parsed = _parser.parse(rx.pattern, rx.flags)
        if not _starts_with_boundary(parsed.data):
            return None
        first, nullable = _first(parsed.data, parsed.state.flags)
    except _Unsupported:
        return None
    if nullable or not first:
        return None
    # a word character at a word boundary: the character before it is not a word character (or there is none)
    members = "".join(sorted(m if m.startswith("\\") else re.escape(m) for m in first))
    return re.compile(f"[{members}](?<!\\w[\\s\\S])")


def _first_guarded(items, flags: int, guarded: bool) -> tuple[dict[str, bool], bool]:
    """Like ``_first``, for a pattern that need not begin at a word boundary: each class member a match can begin
    with, mapped to whether the match then begins where a word begins (a word character after ``\\b`` or after a
    lookbehind for a non-word character, on every path to it); and whether ``items`` can match the empty string.
    Zero-width tests inside a group guard only that group's own first characters."""
    out: dict[str, bool] = {}

    def add(member: str, word: bool, g: bool) -> None:
        out[member] = out.get(member, True) and g and word

    for op, av in items:
        ic = bool(flags & re.IGNORECASE)
        if op is C.AT:
            guarded = guarded or av in (C.AT_BOUNDARY, C.AT_UNI_BOUNDARY)
            continue
        if op is C.ASSERT_NOT and av[0] == -1:
            sub = av[1].data
            if len(sub) == 1 and sub[0][0] is C.IN and any(o is C.CATEGORY and a in (C.CATEGORY_WORD, C.CATEGORY_UNI_WORD) for o, a in sub[0][1]):
                guarded = True  # not after a word character
            continue
        if op is C.ASSERT or op is C.ASSERT_NOT:
            continue
        if op is C.LITERAL:
            ch = chr(av)
            word = bool(re.fullmatch(r"\w", ch))
            add(_chars(ch, ic) if word else re.escape(ch), word, guarded)
            return out, False
        if op is C.IN:
            for iop, iav in av:
                if iop is C.LITERAL:
                    ch = chr(iav)
                    word = bool(re.fullmatch(r"\w", ch))
                    add(_chars(ch, ic) if word else re.escape(ch), word, guarded)
                elif iop is C.RANGE and all(re.fullmatch(r"\w", chr(c)) for c in iav):
                    for c in range(iav[0], iav[1] + 1):
                        add(_chars(chr(c), ic), True, guarded)
                elif iop is C.CATEGORY and iav in _WORD_CATEGORIES:
                    add(_CATEGORY_SRC[iav], True, guarded)
                else:
                    raise _Unsupported
            return out, False
        if op is C.SUBPATTERN:
            _group, add_flags, delete, sub = av
            got, nullable = _first_guarded(sub.data, (flags | add_flags) & ~delete, guarded)
        elif op is C.BRANCH:
            got, nullable = {}, False
            for alt in av[1]:
                g, n = _first_guarded(alt.data, flags, guarded)
                for m, w in g.items():
                    got[m] = got.get(m, True) and w
                nullable = nullable or n
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
            lo, _hi, sub = av
            got, nullable = _first_guarded(sub.data, flags, guarded)
            nullable = nullable or lo == 0
        elif op is C.ATOMIC_GROUP:
            got, nullable = _first_guarded(av.data, flags, guarded)
        else:
            raise _Unsupported
        for m, w in got.items():
            add(m, True, w)
        if not nullable:
            return out, False
    return out, True


def loose_gate_for(rx: re.Pattern) -> re.Pattern | None:
    """A gate for a pattern ``gate_for`` leaves out because it may begin with a non-word character ("$", "€") or
    inside a word: a class of every character a match can begin with, where the characters that can only begin a
    match at a word boundary (a qualifier after ``\\b``, a number after ``(?<![\\w.,:])``) must also begin a word;
    then narrowed by ``prefixes`` like ``gate_for``'s gate. None when the analysis does not cover ``rx``."""
    if not isinstance(rx.pattern, str) or rx.flags & (re.LOCALE | re.ASCII | re.VERBOSE):
        return None
    try:
        parsed = _parser.parse(rx.pattern, rx.flags)
        first, nullable = _first_guarded(parsed.data, parsed.state.flags, False)
    except (_Unsupported, re.error):
        return None
    if nullable or not first:
        return None
    members = "".join(sorted(first))
    anywhere = sorted(m for m, g in first.items() if not g)
    # after the first character: a word start, unless that character may begin a match anywhere
    tail = "(?<!\\w[\\s\\S])" if not anywhere else f"(?:(?<=[{''.join(anywhere)}])|(?<!\\w[\\s\\S]))"
    gate = re.compile(f"[{members}]{tail}")
    starts = prefixes(rx, LOOSE_PREFIX_LENGTH)
    return _with_prefixes(gate, starts, LOOSE_PREFIX_LENGTH) if starts else gate


# Characters of a match's beginning a loose gate tests: these patterns (numbers, amounts) begin in many ways, and
# working out their six-character beginnings takes 2 s per process, three 0.1 s, for about the same narrowing
LOOSE_PREFIX_LENGTH = 3


def _with_prefixes(gate: re.Pattern, starts: frozenset[str], k: int = PREFIX_LENGTH) -> re.Pattern:
    """``gate`` narrowed to positions where the text begins with one of ``starts`` (``prefixes``), in either
    case, tested in the gate itself by a lookbehind for the first character and a lookahead for the rest; a
    position with a non-ASCII character among its first ``k`` is always let through."""
    by_first: dict[str, set[str]] = {}
    for s in starts:
        by_first.setdefault(s[0], set()).add(s[1:])
    alts = ["(?<=[^\\x00-\\x7f])", f"(?=[\\s\\S]{{0,{k - 2}}}[^\\x00-\\x7f])"]
    for first, rests in sorted(by_first.items()):
        rest = "" if "" in rests else _trie(frozenset(rests))
        alts.append(f"(?i:(?<={re.escape(first)}){f'(?={rest})' if rest else ''})")
    return re.compile(gate.pattern + "(?:" + "|".join(alts) + ")")


class GatedPattern:
    """A compiled pattern whose ``finditer`` over a whole text runs ``match`` only at the gate's positions."""

    __slots__ = ("rx", "gate", "scan", "starts", "required", "pattern", "groupindex")

    def __init__(self, rx: re.Pattern):
        self.rx = rx
        self.gate = gate_for(rx)
        self.starts = prefixes(rx) if self.gate is not None else None  # for GatedSet
        if self.starts:
            self.gate = _with_prefixes(self.gate, self.starts)
        self.required = required_strings(rx)
        # what finditer scans for the positions to try: the gate, or for a pattern that need not begin at a word
        # boundary its loose gate (not used by GatedSet, which hands out word starts and ends only)
        self.scan = self.gate if self.gate is not None else loose_gate_for(rx)
        self.pattern = rx.pattern
        self.groupindex = rx.groupindex

    def finditer(self, text: str, low: str | None = None, pos: int = 0, endpos: int | None = None,
                 candidates: list[int] | None = None, found: dict | None = None) -> Iterator[re.Match]:
        """``self.rx.finditer(text, pos, endpos)``; ``low``, ``lowered(text)`` computed once by the caller, lets a
        text (or the part from pos to endpos) without the pattern's required strings be skipped at once.
        ``candidates``, this pattern's list from ``GatedSet.candidates(text)``, replaces the gate's scan.
        ``found``, a dict the caller keeps for one ``low`` and hands to every pattern it runs over it, remembers
        which required strings each part holds: patterns share month names, currency words, "last"/"next"."""
        if candidates is not None and not candidates:
            return  # no position where a match can begin
        end = len(text) if endpos is None else min(endpos, len(text))
        if low is not None and self.required and not self._holds_required(low, pos, end, found):
            return
        if candidates is None and self.scan is None:
            yield from self.rx.finditer(text, pos, end)
            return
        match = self.rx.match
        if candidates is None:
            starts = (g.start() for g in self.scan.finditer(text, pos, end))
        else:
            starts = itertools.islice(candidates, bisect.bisect_left(candidates, pos), None)
        for i in starts:
            if i < pos:
                continue
            if i >= end:
                break
            m = match(text, i, end)
            if m is not None:
                yield m
                pos = m.end()  # never empty: a pattern that can match nothing has no gate nor candidates

    def _holds_required(self, low: str, pos: int, end: int, found: dict | None) -> bool:
        """Whether ``low[pos:end]`` holds a string of each of the pattern's required groups. ``found`` remembers
        which strings the whole text holds (a string it lacks is not looked for again in each part) and which
        each part holds: patterns share month names, currency words, "last"/"next"."""
        whole = pos <= 0 and end >= len(low)
        for group in self.required:
            for s in group:
                if found is None:
                    hit = low.find(s, pos, end) >= 0
                else:
                    hit = found.get(s)
                    if hit is None:
                        hit = found[s] = s in low
                    if hit and not whole:
                        key = (s, pos, end)
                        hit = found.get(key)
                        if hit is None:
                            hit = found[key] = low.find(s, pos, end) >= 0
                if hit:
                    break
            else:
                return False
        return True


_WORD = re.compile(r"\w+")


def _boundary_first(rx: re.Pattern) -> bool:
    """Whether every match of ``rx`` begins at a word boundary (a leading ``\\b``) and none is empty: it begins where a word begins or, when its first character is not a
    word character (``\\b(last )?\\s*Monday``), where a word ends."""
    if not isinstance(rx.pattern, str) or rx.flags & (re.LOCALE | re.ASCII | re.VERBOSE):
        return False
    try:
        parsed = _parser.parse(rx.pattern, rx.flags)
    except re.error:
        return False
    # a lookbehind alone would let a match begin with "$" after a space: neither a word start nor a word end
    return _starts_with_boundary(parsed.data, lookbehind_ok=False) and parsed.getwidth()[0] > 0


WINDOW_MEMO = 200_000  # windows remembered by a GatedSet (a few MB at most)


class GatedSet:
    """Patterns run over the same texts, gated together: one scan finds where words begin and end, and each
    such position is given to the patterns whose ``prefixes`` (and gate class) fit it there.

    The gate regexes scan a whole text once per pattern, in C but character by character; with dozens of
    patterns that scan is most of the cost. Here the text is scanned once and each word costs a few
    dictionary look-ups. Every position where a pattern's match can begin is among its candidates: the
    pattern begins at a word boundary, so the position is a word start or a word end; a gated pattern's
    first character is in its gate's class (so it begins at word starts only); and the first
    ``PREFIX_LENGTH`` characters there either hold a non-ASCII character or, lower-cased, begin with one of
    the pattern's ``prefixes``. Patterns with none of this (no leading boundary, no prefixes) get None and
    are left to ``finditer``.
    """

    def __init__(self, patterns: list[GatedPattern]):
        self.patterns = list(patterns)
        self._gated = [j for j, p in enumerate(self.patterns) if p.gate is not None]
        self._first = {j: re.compile(self.patterns[j].gate.pattern.split("(?<!", 1)[0]) for j in self._gated}
        starts = {j: self.patterns[j].starts for j in self._gated}
        for j, p in enumerate(self.patterns):  # ungated patterns that begin at a boundary: "\b(last )?\s*Monday"
            if p.gate is None and _boundary_first(p.rx):
                found = prefixes(p.rx)
                if found:
                    starts[j] = found
        self._loose = frozenset(j for j in starts if j not in self._first)
        self._open = frozenset(j for j in self._gated if not starts[j])  # gated on the first character only
        at_start: dict[str, set[int]] = {}
        at_end: dict[str, set[int]] = {}
        for j, found in starts.items():
            for prefix in found or ():
                (at_start if re.match(r"\w", prefix) else at_end).setdefault(prefix, set()).add(j)
        # one object per distinct set of patterns (``_shared``): the tables map tens of thousands of prefixes to a few
        # hundred sets, and every frozenset is an object the garbage collector walks on each full collection
        self._sets: dict[frozenset[int], frozenset[int]] = {}
        self._at_start = {s: self._shared(frozenset(js)) for s, js in at_start.items()}
        self._at_end = {s: self._shared(frozenset(js)) for s, js in at_end.items()}
        self._start_lengths = sorted({len(s) for s in at_start})
        self._end_lengths = sorted({len(s) for s in at_end})
        self._end_ids = frozenset(j for js in at_end.values() for j in js)
        self._ids = frozenset(starts)
        self._by_char: dict[str, frozenset[int]] = {}  # first character -> patterns that may begin with it
        # window -> the patterns that fit it, at a word start and at a word end: a pure function of the window,
        # kept across texts (news repeats its words), cleared when it grows past WINDOW_MEMO entries
        self._seen_start: dict[str, frozenset[int]] = {}
        self._seen_end: dict[str, frozenset[int]] = {}

    def _shared(self, ids: frozenset[int]) -> frozenset[int]:
        """The one frozenset kept equal to ``ids``: the memos below keep up to WINDOW_MEMO of them."""
        return self._sets.setdefault(ids, ids)

    def _for_char(self, ch: str) -> frozenset[int]:
        got = self._by_char.get(ch)
        if got is None:
            got = self._by_char[ch] = self._shared(self._loose | frozenset(j for j in self._gated if self._first[j].match(ch)))
        return got

    def _fit(self, window: str, by_prefix: dict, lengths: list[int], allowed: frozenset[int], opened) -> frozenset[int]:
        """The patterns of ``allowed`` that may begin a match with ``window`` (the text's next PREFIX_LENGTH characters)."""
        if not window.isascii():
            return allowed
        low = window.lower()
        fit = set(opened)
        for n in lengths:
            got = by_prefix.get(low[:n])
            if got:
                fit |= got
        return self._shared(allowed.intersection(fit))

    def candidates(self, text: str) -> list[list[int] | None]:
        """For each pattern (in order), the positions of ``text`` where a match of it can begin, ascending; None
        for a pattern this cannot narrow."""
        out: list[list[int] | None] = [[] if j in self._ids else None for j in range(len(self.patterns))]
        n, k, fit, for_char = len(text), PREFIX_LENGTH, self._fit, self._for_char
        at_start, at_end, start_lengths, end_lengths = self._at_start, self._at_end, self._start_lengths, self._end_lengths
        opened, end_ids = self._open, self._end_ids
        seen_start, seen_end = self._seen_start, self._seen_end
        if len(seen_start) + len(seen_end) > WINDOW_MEMO:
            seen_start.clear()
            seen_end.clear()
        for m in _WORD.finditer(text):
            i, e = m.span()
            window = text[i : i + k]
            ids = seen_start.get(window)
            if ids is None:
                allowed = for_char(text[i])
                ids = seen_start[window] = fit(window, at_start, start_lengths, allowed, opened) if allowed else allowed
            for j in ids:
                out[j].append(i)
            if e < n and end_ids:
                window = text[e : e + k]
                ids = seen_end.get(window)
                if ids is None:
                    ids = seen_end[window] = fit(window, at_end, end_lengths, end_ids, ())
                for j in ids:
                    out[j].append(e)
        return out


def compile(pattern: str, flags: int = 0) -> GatedPattern:  # noqa: A001 - mirrors re.compile
    return GatedPattern(re.compile(pattern, flags))

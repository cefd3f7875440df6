"""``finditer`` for word-initial regular expressions, tried only where a match can start: same matches, less work.

Python's ``re`` scans quickly only when a pattern begins with a literal or a
case-sensitive character class. The time and quantity patterns begin with
``\\b`` and are mostly case-insensitive, so ``finditer`` runs the whole
pattern at every character of the text. For such a pattern this module
works out, from the parsed pattern, the set of characters a match can begin
with, and builds a *gate*: a case-sensitive class of those characters (a
case-insensitive letter stands for all the characters ``re`` folds to it),
followed by a lookbehind for the word boundary and lookarounds for the first
two letters a match can begin with (``prefix_sets``). The gate finds in C the
few positions where a match can start (word starts such as "th", "la", "ja",
...); ``pattern.match`` is tried there only, in order, skipping positions
inside the previous match, which is exactly what ``finditer`` does. Any
pattern this analysis does not cover (no leading ``\\b``, a first character
that is not a word character, a back-reference, a possible empty match) is
left to ``finditer`` itself.

Before that, a text that holds none of the strings every match must contain
(``required_strings``: "quarter"; a month name and "last", "this" or "next"; ...) is
skipped outright, on its lower-case form computed once for all patterns.
"""

from __future__ import annotations

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
            item = [(ch, True)] if ch.isascii() else _ANY
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
            item = once if hi == 1 else [(p, False) for p, _ in once]  # after one pass of a loop: unknown
            if lo == 0:
                item = [("", True), *item]
        else:
            item = _ANY
        new = set()
        for s, more in results:
            if not more or len(s) >= k:
                new.add((s[:k], False))
                continue
            for p, pmore in item:
                t = s + p
                new.add((t[:k], False) if len(t) >= k else (t, pmore))
        if len(new) > _CAP:
            return _ANY
        results = list(new)
        if all(not more or len(s) >= k for s, more in results):
            break
    return results


def prefix_sets(rx: re.Pattern) -> tuple[frozenset, frozenset] | None:
    """(first characters after which anything may follow, first two characters), lower case, or None."""
    try:
        found = _prefixes(_parser.parse(rx.pattern, rx.flags).data, 2)
    except re.error:
        return None
    if any(len(s) == 0 for s, _ in found):
        return None  # a match can begin with a character the lists do not know
    return frozenset(s for s, _ in found if len(s) == 1), frozenset(s for s, _ in found if len(s) == 2)


def _starts_with_boundary(items) -> bool:
    for op, av in items:
        if op is C.AT:
            return av in (C.AT_BOUNDARY, C.AT_UNI_BOUNDARY)
        if op is C.SUBPATTERN:
            return _starts_with_boundary(av[3].data)
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
    members = "".join(sorted(m if m.startswith("\\") else re.escape(m) for m in first))
    # a word character at a word boundary: the character before it is not a word character (or there is none)
    return re.compile(f"[{members}](?<!\\w[\\s\\S])")


def _with_second_letter(gate: re.Pattern, heads: frozenset, pairs: frozenset) -> re.Pattern:
    """``gate`` narrowed by the first two letters a match can begin with (``prefix_sets``), tested in the gate
    itself by lookarounds, in either case; a non-ASCII first or second character is always let through."""

    def both(chars) -> str:
        return "".join(re.escape(c) + (re.escape(c.upper()) if c.upper() != c and c.upper().isascii() else "") for c in sorted(chars))

    seconds: dict[str, set[str]] = {}
    for two in pairs:
        seconds.setdefault(two[0], set()).add(two[1])
    alts = ["(?<=[^\\x00-\\x7f])", "(?=[^\\x00-\\x7f])"]
    if heads:
        alts.append(f"(?<=[{both(heads)}])")
    for first, after in sorted(seconds.items()):
        if first not in heads:
            alts.append(f"(?<=[{both(first)}])(?=[{both(after)}])")
    return re.compile(gate.pattern + "(?:" + "|".join(alts) + ")")


class GatedPattern:
    """A compiled pattern whose ``finditer`` over a whole text runs ``match`` only at the gate's positions."""

    __slots__ = ("rx", "gate", "required", "pattern", "groupindex")

    def __init__(self, rx: re.Pattern):
        self.rx = rx
        self.gate = gate_for(rx)
        sets = prefix_sets(rx) if self.gate is not None else None
        if sets:
            self.gate = _with_second_letter(self.gate, *sets)
        self.required = required_strings(rx)
        self.pattern = rx.pattern
        self.groupindex = rx.groupindex

    def finditer(self, text: str, low: str | None = None, pos: int = 0, endpos: int | None = None) -> Iterator[re.Match]:
        """``self.rx.finditer(text, pos, endpos)``; ``low``, ``lowered(text)`` computed once by the caller, lets a
        text (or the part from pos to endpos) without the pattern's required strings be skipped at once."""
        end = len(text) if endpos is None else min(endpos, len(text))
        if low is not None and not all(any(low.find(s, pos, end) >= 0 for s in group) for group in self.required):
            return
        if self.gate is None:
            yield from self.rx.finditer(text, pos, end)
            return
        match = self.rx.match
        for g in self.gate.finditer(text, pos, end):
            i = g.start()
            if i < pos:
                continue
            m = match(text, i, end)
            if m is not None:
                yield m
                pos = m.end()  # never empty: a pattern that can match nothing has no gate


def compile(pattern: str, flags: int = 0) -> GatedPattern:  # noqa: A001 - mirrors re.compile
    return GatedPattern(re.compile(pattern, flags))

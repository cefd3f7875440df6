"""The per-document framing step: descriptors of each actor and targeted tone per mention.

``frame_document`` is called once by ``extract`` with the parsed document and
the resolved actor mentions; like extract it is a pure function of them.

Which actor a phrase is about:

- a mention that names an actor stands for it ("Maduro", "Rosneft");
- a state or person premodifying a government noun stands for that state's
  government: "the Venezuelan socialist regime", "the Maduro regime", "the
  ailing regime of Nicolás Maduro" are Venezuela's government (VEN, GOV),
  reached *via* the mention;
- "the regime", "the socialist regime", "the government" with no owner named
  are the government of the document's focus country (the resolver's rule).

What an actor is called (descriptors): the words before its name in its noun
phrase ("Venezuela's socialist President Maduro"), appositions on either side
("Hezbollah" <- "the terrorist organization"; "Russia, a key ideological ally
of ..."), copular and reported labels ("X is one of ...", "accused X of being
a drug kingpin", "called X a ..."), and the government noun phrases above.

What words are about a mention (tone scope): its own noun phrase (modifiers,
appositions, relative clauses), and the predicate it is an argument of: the
verb with its negation, adverbs, complements and objects; when the actor is
the agent of a verb whose object is another actor ("Maduro condemned the
United States"), the verb counts for both (it is the agent's act) but the
object's own words ("the United States' illegal blockade") only for the
object. Clauses of their own (ccomp, advcl, conj) are left out, and so are
names (proper nouns, actor mentions): "United" in "United States" is no praise.
"""

from __future__ import annotations

from spacy.attrs import LEMMA
from spacy.tokens import Span as SpacySpan

from ..actors.resolve import ArgResolver, Span, sector_nouns
from ..model import ActorRef, Descriptor, MentionTone
from ..nlp import doc_arrays, doc_text, span_chars
from .tone import find_loaded, score_text

GOV_NOUNS = {"regime", "government", "administration", "authorities", "leadership", "junta", "dictatorship", "cabinet", "presidency"}
MODIFIER_DEPS = ("amod", "compound", "poss", "nmod")
LABEL_VERBS = {"call", "brand", "label", "describe", "dub", "term", "designate", "list", "name", "consider", "deem", "regard"}
CLAUSE_DEPS = {"ccomp", "advcl", "conj", "parataxis", "cc", "punct", "mark", "relcl", "csubj", "xcomp"}
MAX_DESC_TOKENS = 16
# children of the predicate whose words are about its arguments: negation, adverbs, complements, objects
PREDICATE_DEPS = {"neg", "advmod", "acomp", "attr", "oprd", "dobj", "prep", "agent", "xcomp", "aux", "auxpass", "prt", "npadvmod"}


def frame_document(parsed, spans: list[Span], resolver: ArgResolver, sentence_of) -> tuple[list[Descriptor], list[MentionTone]]:
    """Descriptors and mention tones for one parsed document.

    ``sentence_of(token_index)`` gives the sentence number of a token (the same numbering as Mention.sentence).
    """
    at: dict[int, Span] = {}
    for s in spans:
        for k in range(s.start, s.end):
            at[k] = s
    descriptors: list[Descriptor] = []
    tones: list[MentionTone] = []
    gov_heads_done: set[int] = set()
    scores: dict = {}
    words = _Words(parsed, sentence_of)
    lemma = words.lemmas()
    for s in spans:
        span = SpacySpan(parsed, s.start, s.end)
        root = span.root.i
        np_head, referent, via = _referent(words, s, root, at, resolver)
        if np_head is None:
            continue  # a modifier inside another actor's name ("Venezuelan" in "Venezuelan President Maduro")
        sent = sentence_of(s.start)
        if np_head != root and lemma[np_head].lower() in GOV_NOUNS:
            gov_heads_done.add(np_head)
            descriptors.append(_np_descriptor(words, np_head, referent, "government-noun", at, sent, via))
        elif np_head == root:
            descriptors.extend(_own_descriptors(words, s, root, referent, at, sent))
        if np_head == root or lemma[np_head].lower() in GOV_NOUNS:  # not "the American justification was ..."
            descriptors.extend(_labels(words, np_head, referent, at, sent, via))
        tones.append(_tone(np_head, referent, span, at, sent, via, scores, words))
    # "the regime", "the socialist regime": the government of the document's focus country
    for tok in words.government_nouns():
        if tok.i in gov_heads_done or tok.i in at:
            continue
        if not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in tok.children):
            continue
        if any(c.i in at or (c.dep_ == "prep" and c.lower_ in ("of", "in")) for c in tok.subtree if c.i != tok.i):
            continue  # owned by a named actor (handled above) or "the government of X" / "the regime in Caracas"
        focus = resolver.focus_country()
        if not focus:
            continue
        ref = resolver._state_ref(focus)
        ref.sector = "GOV"
        ref.text = parsed[_left(words, tok.i) : tok.i + 1].text
        sent = sentence_of(tok.i)
        d = _np_descriptor(words, tok.i, ref, "government-noun", at, sent, None)
        if d is not None and (d.form not in ("government", "administration", "authorities") or d.loaded):
            descriptors.append(d)  # a bare "the government" says nothing; "the regime", "the socialist government" do
        tones.append(_tone(tok.i, ref, parsed[_left(words, tok.i) : tok.i + 1], at, sent, None, scores, words))
    return [d for d in descriptors if d is not None and d.form], tones


class _Words:
    """What framing reads of every word: the doc's ``DocArrays`` (by word index, shared with the coder and the
    resolver), so no Token object is built for a word that is only looked at, plus the sentences' evidence texts."""

    def __init__(self, parsed, sentence_of):
        self.doc = parsed
        self.text = doc_text(parsed)
        self.sentence_of = sentence_of
        self._evidence: dict[int, str] = {}
        self.arrays = w = doc_arrays(parsed)  # the doc's words by index, shared with the coder and the resolver
        self.idx, self.length, self.space = w.idx, w.length, w.space
        self.pos, self.dep, self.head = w.pos, w.dep, w.head
        self.proper = [p == "PROPN" for p in w.pos]
        self._lemmas: list[str] | None = None

    def chars(self, span) -> tuple[int, int]:
        return span_chars(span, self.idx, self.length)

    def text_of(self, start: int, end: int) -> str:
        """The text of words start..end-1 (``doc[start:end].text``)."""
        return self.arrays.words_text(start, end)

    def word(self, i: int) -> str:
        return self.arrays.text(i)

    def lower(self) -> list[str]:
        """Each word's ``lower_``."""
        return self.arrays.lower

    def lemmas(self) -> list[str]:
        """Each word's ``lemma_`` as spaCy gives it (``DocArrays.lemma`` is lower-cased; a label verb is matched
        on the lemma itself)."""
        if self._lemmas is None:
            strings = self.doc.vocab.strings
            self._lemmas = [strings[h] for h in self.doc.to_array([LEMMA]).tolist()]
        return self._lemmas

    def tags(self) -> list[str]:
        """Each word's ``tag_``."""
        return self.arrays.tag

    def punct(self) -> list[bool]:
        """Each word's ``is_punct``."""
        return self.arrays.is_punct

    def left_edge(self, i: int) -> int:
        return self.arrays.left_edge(i)

    def right_edge(self, i: int) -> int:
        return self.arrays.right_edge(i)

    def government_nouns(self) -> list:
        """The tokens tagged NOUN whose lemma is a government noun."""
        w = self.arrays
        return [self.doc[i] for i in range(w.n) if w.pos[i] == "NOUN" and w.lemma[i] in GOV_NOUNS]

    def evidence(self, i: int) -> str:
        """The text of word i's sentence, stripped, cut once per sentence from the parsed text."""
        k = self.sentence_of(i)
        got = self._evidence.get(k)
        if got is None:
            got = self._evidence[k] = self.arrays.words_text(*self.arrays.sent_bounds(i)).strip()
        return got

    def is_verb(self, i: int) -> bool:
        return self.pos[i] in ("VERB", "AUX")

    def children(self, i: int) -> list[int]:
        """Word i's dependents, ascending (``Token.children``)."""
        return self.arrays.children(i)

    def subtree(self, i: int) -> list[int]:
        """The indices of word i's subtree (``DocArrays.subtree``, kept per doc): the mentions of one clause share
        their verb's phrases."""
        return self.arrays.subtree(i)

    def joined(self, indices: list[int]) -> str:
        """The words at ``indices`` (ascending) in order: with their own spacing where two are adjacent in the
        text, else followed by one space."""
        text, idx, length, space = self.text, self.idx, self.length, self.space
        out = []
        for k, i in enumerate(indices):
            word = text[idx[i] : idx[i] + length[i]]
            adjacent = k + 1 < len(indices) and indices[k + 1] == i + 1
            out.append(word + (" " if space[i] else "") if adjacent else word + " ")
        return "".join(out)


# ---------------------------------------------------------------- referents


def _government_of(ref: ActorRef, resolver: ArgResolver, text: str) -> ActorRef | None:
    if not ref.country:
        return None
    g = resolver._state_ref(ref.country)
    g.sector = "GOV"
    g.text = text
    return g


def _referent(words: _Words, s: Span, root: int, at, resolver):
    """(head of the phrase the mention stands in, the actor that phrase is about, via-actor id); word indices."""
    ref = s.ref
    dep, head, lemma, lower, pos = words.dep, words.head, words.lemmas(), words.lower(), words.pos
    t = root
    # climb premodifier chains: "Venezuelan" -> "socialist" -> "regime"; "Maduro" -> "regime"
    while dep[t] in MODIFIER_DEPS and head[t] != t and pos[head[t]] in _CONTENT_POS and head[t] > t:
        t = head[t]
        if t in at and at[t] is not s:
            return None, None, None  # part of another actor's name
    # "the (ailing) regime of Nicolás Maduro", "the socialist regime in Caracas"
    if t == root and dep[root] == "pobj" and lower[head[root]] in ("of", "in") and lemma[head[head[root]]].lower() in GOV_NOUNS and head[head[root]] not in at:
        t = head[head[root]]
    if t != root:
        if lemma[t].lower() in GOV_NOUNS:
            gov = _government_of(ref, resolver, words.text_of(_left(words, t), t + 1))
            if gov is not None:
                return t, gov, ref.actor_id
        if ref.kind == "state" and s.how in ("adjective", "alias", "metonym") and lemma[t].lower() in sector_nouns():
            return None, None, None  # "Venezuela's oil minister", "the Russian company": about someone else
        if s.how == "adjective":
            return t, ref, None  # "Venezuelan oil exports": tone of the phrase is about Venezuela
        return t, ref, None
    return root, ref, None


def _left(words: _Words, i: int) -> int:
    """First word of word i's noun phrase before it (determiners and modifiers), not its clauses."""
    left = i
    dep = words.dep
    for c in words.children(i):
        if c < i and dep[c] not in ("punct", "cc", "conj", "relcl", "acl", "appos", "prep"):
            left = min(left, words.left_edge(c))
    return left


# ---------------------------------------------------------------- descriptors


def _form(words: _Words, start: int, end: int, referent: ActorRef, at) -> str:
    """Lowercase words without articles, possessive marks and the referent's own state name or adjective."""
    out = []
    dep, lower, punct = words.dep, words.lower(), words.punct()
    for i in range(start, end):
        if dep[i] == "det" and lower[i] in ("the", "a", "an", "this", "that", "these", "those"):
            continue
        if dep[i] == "case" or punct[i]:
            continue
        s = at.get(i)
        if s is not None and s.ref.kind == "state" and s.ref.country == referent.country and s.how in ("adjective", "alias", "metonym"):
            continue
        out.append(lower[i])
    return " ".join(out).replace(" - ", "-").strip()


_CONTENT_POS = ("NOUN", "ADJ", "PROPN")


def _descriptor(words: _Words, start: int, end: int, referent: ActorRef, kind: str, at, sent: int, via: str | None) -> Descriptor | None:
    if end <= start:
        return None
    if end - start > MAX_DESC_TOKENS:
        end = start + MAX_DESC_TOKENS
    first, last = words.idx[start], words.idx[end - 1] + words.length[end - 1]
    text = words.text[first:last]
    pos = words.pos
    if not any(pos[i] in _CONTENT_POS and i not in at for i in range(start, end)):
        return None  # nothing but other names
    form = _form(words, start, end, referent, at)
    if not any(sum(c.isalpha() for c in w) >= 3 for w in form.split()):
        return None  # "(R)" in a photo caption, initials
    if kind in ("premodifier", "apposition"):
        tags = words.tags()
        if any(tags[i] in ("VBZ", "VBD", "VBP") or words.word(i) in ("(", ")", "[", "]") for i in range(start, end)):
            return None  # a clause the parser glued to the name (captions), not a name for it
    return Descriptor(actor=_copy(referent), text=text, form=form, kind=kind, start=first, end=last, sentence=sent, via=via,
                      loaded=find_loaded(text))


def _np_descriptor(words: _Words, head: int, referent, kind, at, sent, via):
    return _descriptor(words, _left(words, head), head + 1, referent, kind, at, sent, via)


def _own_descriptors(words: _Words, s: Span, root: int, referent, at, sent) -> list[Descriptor]:
    """Premodifiers before the name ("Venezuela's socialist President Maduro") and appositions on either side."""
    out = []
    dep = words.dep
    kids = words.children(root)
    left = min((words.left_edge(c) for c in kids if c < s.start and dep[c] in (*MODIFIER_DEPS, "det")), default=s.start)
    if left < s.start and not (referent.kind == "state" and all(words.pos[i] == "PROPN" for i in range(left, s.start) if i not in at)):
        # (a state's "premodifier" made of proper nouns is the rest of a longer name: "Latin America")
        out.append(_descriptor(words, left, s.start, referent, "premodifier", at, sent, None))
    for c in kids:
        if dep[c] == "appos" and c not in at:
            # "China, Iran, and Turkey, Russia, a key ideological ally": the apposition names the nearest name before it
            k = words.left_edge(c) - 1
            while k > root and k not in at:
                k -= 1
            owner = at.get(k)
            ref = owner.ref if owner is not None and owner is not s and owner.how != "adjective" else referent
            out.append(_descriptor(words, words.left_edge(c), words.right_edge(c) + 1, ref, "apposition", at, sent, None))
    h = words.head[root]
    if dep[root] == "appos" and h not in at:
        end = h + 1
        lower = words.lower()
        for c in words.children(h):  # "the head of the Russian state-oil corporation"
            if dep[c] == "prep" and lower[c] == "of" and c > h and not any(t in at and t >= s.start for t in words.subtree(c)):
                end = words.right_edge(c) + 1
        left = _left(words, h)
        out.append(_descriptor(words, left, min(end, s.start) if left < s.start else end, referent, "apposition", at, sent, None))
    return [d for d in out if d is not None]


def _labels(words: _Words, np_head: int, referent, at, sent, via) -> list[Descriptor]:
    """'X is one of ...', 'accused X of being a drug kingpin', 'called X a dictator'."""
    out = []
    dep, lemma, lower, children = words.dep, words.lemmas(), words.lower(), words.children
    h = words.head[np_head]

    def label(i, ref=referent):
        return _descriptor(words, words.left_edge(i), words.right_edge(i) + 1, ref, "label", at, sent, via)

    if dep[np_head] == "nsubj" and lemma[h] == "be":
        for c in children(h):
            if dep[c] in ("attr", "acomp") and c > np_head:
                out.append(label(c))
    if dep[np_head] == "dobj":
        for c in children(h):
            if dep[c] == "oprd" and lemma[h] in LABEL_VERBS:
                out.append(label(c))
            if dep[c] == "prep" and lower[c] in ("as", "of"):
                for p in children(c):
                    if dep[p] == "pobj" and lower[c] == "as" and lemma[h] in LABEL_VERBS:
                        out.append(label(p))
                    if dep[p] == "pcomp" and lemma[p] == "be":  # "accused X of being a drug kingpin"
                        for a in children(p):
                            if dep[a] == "attr":
                                out.append(label(a))
    return [d for d in out if d is not None]


# ---------------------------------------------------------------- tone


def _predicate(i: int, words: _Words) -> int | None:
    """The verb (or copula) word i's phrase is an argument of, climbing prepositions and noun chains (at most 4 steps)."""
    t = i
    dep, head = words.dep, words.head
    for _ in range(4):
        if dep[t] == "ROOT" or head[t] == t:
            return t if words.is_verb(t) else None
        t = head[t]
        if words.is_verb(t):
            return t
    return None


def _scope(np_head: int, at, referent, words: _Words) -> list[int]:
    idx: set[int] = set(words.subtree(np_head))  # the phrase with its modifiers, appositions and relative clauses
    verb = _predicate(np_head, words)
    if verb is not None:
        dep = words.dep
        is_agent = dep[np_head] in ("nsubj", "csubj") and words.head[np_head] == verb
        children = words.children(verb)
        other_objects = set()
        for c in children:
            if dep[c] in ("dobj", "dative", "pobj", "prep") and any(
                i in at and at[i].ref.actor_id != referent.actor_id and at[i].ref.country != referent.country for i in words.subtree(c)
            ):
                other_objects.add(c)
        idx.add(verb)  # what the actor does or undergoes: "praised", "condemned", "was sanctioned"
        for c in children:
            d = dep[c]
            if d in CLAUSE_DEPS and d != "xcomp":
                continue
            if d in ("nsubj", "nsubjpass") and c != np_head and np_head not in words.subtree(c):
                continue  # the subject's words are about the subject
            if is_agent and c in other_objects:
                continue  # "Maduro condemned the United States": the object's words are about the object
            if d in PREDICATE_DEPS:
                idx.update(words.subtree(c))
    return sorted(idx)


def _tone(np_head: int, referent, span, at, sent, via, scores: dict, words: _Words) -> MentionTone:
    # names carry no stance: "United" in "United States", "Party" in a party's name
    proper = words.proper
    text = words.joined([i for i in _scope(np_head, at, referent, words) if i not in at and not proper[i]])
    sc = scores.get(text)
    if sc is None:  # the same words about two mentions of a document are scored once
        sc = scores[text] = score_text(text)
    start, end = words.chars(span)
    return MentionTone(actor=_copy(referent), text=words.text[start:end], start=start, end=end, sentence=sent,
                       tone=sc.tone, label=sc.label, words=list(sc.words), loaded=list(sc.loaded), evidence=words.evidence(np_head), via=via)


def _copy(r: ActorRef) -> ActorRef:
    return r.copy()

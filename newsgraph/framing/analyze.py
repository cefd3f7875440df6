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

from ..actors.resolve import ArgResolver, Span, sector_nouns
from ..model import ActorRef, Descriptor, MentionTone
from ..nlp import VERBAL_POS, DocArrays, doc_arrays, doc_text
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
    w = doc_arrays(parsed)  # the doc's words by index, shared with the coder and the resolver: no Token per word looked at
    tone = _ToneCache()
    lemma = w.lemma
    for s in spans:
        root = w.span_root(s.start, s.end)
        np_head, referent, via = _referent(w, s, root, at, resolver)
        if np_head is None:
            continue  # a modifier inside another actor's name ("Venezuelan" in "Venezuelan President Maduro")
        sent = sentence_of(s.start)
        if np_head != root and lemma[np_head] in GOV_NOUNS:
            gov_heads_done.add(np_head)
            descriptors.append(_np_descriptor(w, np_head, referent, "government-noun", at, sent, via))
        elif np_head == root:
            descriptors.extend(_own_descriptors(w, s, root, referent, at, sent))
        if np_head == root or lemma[np_head] in GOV_NOUNS:  # not "the American justification was ..."
            descriptors.extend(_labels(w, np_head, referent, at, sent, via))
        tones.append(_tone(np_head, referent, s.start, s.end, at, sent, via, tone, w))
    # "the regime", "the socialist regime": the government of the document's focus country
    dep, lower = w.dep, w.lower
    for i in range(w.n):
        if w.pos[i] != "NOUN" or lemma[i] not in GOV_NOUNS or i in gov_heads_done or i in at:
            continue
        if not any(dep[c] == "det" and lower[c] in ("the", "this", "that") for c in w.children(i)):
            continue
        if any(c in at or (dep[c] == "prep" and lower[c] in ("of", "in")) for c in w.subtree(i) if c != i):
            continue  # owned by a named actor (handled above) or "the government of X" / "the regime in Caracas"
        focus = resolver.focus_country()
        if not focus:
            continue
        left = _left(w, i)
        ref = resolver._state_ref(focus)
        ref.sector = "GOV"
        ref.text = w.words_text(left, i + 1)
        sent = sentence_of(i)
        d = _np_descriptor(w, i, ref, "government-noun", at, sent, None)
        if d is not None and (d.form not in ("government", "administration", "authorities") or d.loaded):
            descriptors.append(d)  # a bare "the government" says nothing; "the regime", "the socialist government" do
        tones.append(_tone(i, ref, left, i + 1, at, sent, None, tone, w))
    return [d for d in descriptors if d is not None and d.form], tones


class _ToneCache:
    """Per document: VADER's score of each distinct scope text (the same words about two mentions are scored once;
    never across documents, which would only flatter a templated corpus) and each sentence's evidence text."""

    __slots__ = ("evidence", "scores")

    def __init__(self):
        self.scores: dict = {}
        self.evidence: dict[int, str] = {}


def _joined(w: DocArrays, indices: list[int]) -> str:
    """The words at ``indices`` (ascending) in order: with their own spacing where two are adjacent in the text,
    else followed by one space."""
    words, space = w.words, w.space
    out = []
    for k, i in enumerate(indices):
        adjacent = k + 1 < len(indices) and indices[k + 1] == i + 1
        out.append(words[i] + (" " if space[i] else "") if adjacent else words[i] + " ")
    return "".join(out)


# ---------------------------------------------------------------- referents


def _government_of(ref: ActorRef, resolver: ArgResolver, text: str) -> ActorRef | None:
    if not ref.country:
        return None
    g = resolver._state_ref(ref.country)
    g.sector = "GOV"
    g.text = text
    return g


def _referent(w: DocArrays, s: Span, root: int, at, resolver):
    """(head of the phrase the mention stands in, the actor that phrase is about, via-actor id); word indices."""
    ref = s.ref
    dep, head, lemma, lower, pos = w.dep, w.head, w.lemma, w.lower, w.pos
    t = root
    # climb premodifier chains: "Venezuelan" -> "socialist" -> "regime"; "Maduro" -> "regime"
    while dep[t] in MODIFIER_DEPS and head[t] != t and pos[head[t]] in _CONTENT_POS and head[t] > t:
        t = head[t]
        if t in at and at[t] is not s:
            return None, None, None  # part of another actor's name
    # "the (ailing) regime of Nicolás Maduro", "the socialist regime in Caracas"
    if t == root and dep[root] == "pobj" and lower[head[root]] in ("of", "in") and lemma[head[head[root]]] in GOV_NOUNS and head[head[root]] not in at:
        t = head[head[root]]
    if t != root:
        if lemma[t] in GOV_NOUNS:
            gov = _government_of(ref, resolver, w.words_text(_left(w, t), t + 1))
            if gov is not None:
                return t, gov, ref.actor_id
        if ref.kind == "state" and s.how in ("adjective", "alias", "metonym") and lemma[t] in sector_nouns():
            return None, None, None  # "Venezuela's oil minister", "the Russian company": about someone else
        if s.how == "adjective":
            return t, ref, None  # "Venezuelan oil exports": tone of the phrase is about Venezuela
        return t, ref, None
    return root, ref, None


def _left(w: DocArrays, i: int) -> int:
    """First word of word i's noun phrase before it (determiners and modifiers), not its clauses."""
    left = i
    dep = w.dep
    for c in w.children(i):
        if c < i and dep[c] not in ("punct", "cc", "conj", "relcl", "acl", "appos", "prep"):
            left = min(left, w.left_edge(c))
    return left


# ---------------------------------------------------------------- descriptors


def _form(w: DocArrays, start: int, end: int, referent: ActorRef, at) -> str:
    """Lowercase words without articles, possessive marks and the referent's own state name or adjective."""
    out = []
    dep, lower, punct = w.dep, w.lower, w.is_punct
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


def _descriptor(w: DocArrays, start: int, end: int, referent: ActorRef, kind: str, at, sent: int, via: str | None) -> Descriptor | None:
    if end <= start:
        return None
    if end - start > MAX_DESC_TOKENS:
        end = start + MAX_DESC_TOKENS
    first, last = w.idx[start], w.idx[end - 1] + w.length[end - 1]
    text = doc_text(w.doc)[first:last]
    pos = w.pos
    if not any(pos[i] in _CONTENT_POS and i not in at for i in range(start, end)):
        return None  # nothing but other names
    form = _form(w, start, end, referent, at)
    if not any(sum(c.isalpha() for c in w) >= 3 for w in form.split()):
        return None  # "(R)" in a photo caption, initials
    if kind in ("premodifier", "apposition"):
        tags, text_of = w.tag, w.words
        if any(tags[i] in ("VBZ", "VBD", "VBP") or text_of[i] in ("(", ")", "[", "]") for i in range(start, end)):
            return None  # a clause the parser glued to the name (captions), not a name for it
    return Descriptor(actor=_copy(referent), text=text, form=form, kind=kind, start=first, end=last, sentence=sent, via=via,
                      loaded=find_loaded(text))


def _np_descriptor(w: DocArrays, head: int, referent, kind, at, sent, via):
    return _descriptor(w, _left(w, head), head + 1, referent, kind, at, sent, via)


def _own_descriptors(w: DocArrays, s: Span, root: int, referent, at, sent) -> list[Descriptor]:
    """Premodifiers before the name ("Venezuela's socialist President Maduro") and appositions on either side."""
    out = []
    dep = w.dep
    kids = w.children(root)
    left = min((w.left_edge(c) for c in kids if c < s.start and dep[c] in (*MODIFIER_DEPS, "det")), default=s.start)
    if left < s.start and not (referent.kind == "state" and all(w.pos[i] == "PROPN" for i in range(left, s.start) if i not in at)):
        # (a state's "premodifier" made of proper nouns is the rest of a longer name: "Latin America")
        out.append(_descriptor(w, left, s.start, referent, "premodifier", at, sent, None))
    for c in kids:
        if dep[c] == "appos" and c not in at:
            # "China, Iran, and Turkey, Russia, a key ideological ally": the apposition names the nearest name before it
            k = w.left_edge(c) - 1
            while k > root and k not in at:
                k -= 1
            owner = at.get(k)
            ref = owner.ref if owner is not None and owner is not s and owner.how != "adjective" else referent
            out.append(_descriptor(w, w.left_edge(c), w.right_edge(c) + 1, ref, "apposition", at, sent, None))
    h = w.head[root]
    if dep[root] == "appos" and h not in at:
        end = h + 1
        lower = w.lower
        for c in w.children(h):  # "the head of the Russian state-oil corporation"
            if dep[c] == "prep" and lower[c] == "of" and c > h and not any(t in at and t >= s.start for t in w.subtree(c)):
                end = w.right_edge(c) + 1
        left = _left(w, h)
        out.append(_descriptor(w, left, min(end, s.start) if left < s.start else end, referent, "apposition", at, sent, None))
    return [d for d in out if d is not None]


def _labels(w: DocArrays, np_head: int, referent, at, sent, via) -> list[Descriptor]:
    """'X is one of ...', 'accused X of being a drug kingpin', 'called X a dictator'."""
    out = []
    dep, lemma, lower, children = w.dep, w.lemma_exact, w.lower, w.children
    h = w.head[np_head]

    def label(i, ref=referent):
        return _descriptor(w, w.left_edge(i), w.right_edge(i) + 1, ref, "label", at, sent, via)

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


def _predicate(i: int, w: DocArrays) -> int | None:
    """The verb (or copula) word i's phrase is an argument of, climbing prepositions and noun chains (at most 4 steps)."""
    t = i
    dep, head, pos = w.dep, w.head, w.pos
    for _ in range(4):
        if dep[t] == "ROOT" or head[t] == t:
            return t if pos[t] in VERBAL_POS else None
        t = head[t]
        if pos[t] in VERBAL_POS:
            return t
    return None


def _scope(np_head: int, at, referent, w: DocArrays) -> list[int]:
    idx: set[int] = set(w.subtree(np_head))  # the phrase with its modifiers, appositions and relative clauses
    verb = _predicate(np_head, w)
    if verb is not None:
        dep = w.dep
        is_agent = dep[np_head] in ("nsubj", "csubj") and w.head[np_head] == verb
        children = w.children(verb)
        other_objects = set()
        for c in children:
            if dep[c] in ("dobj", "dative", "pobj", "prep") and any(
                i in at and at[i].ref.actor_id != referent.actor_id and at[i].ref.country != referent.country for i in w.subtree(c)
            ):
                other_objects.add(c)
        idx.add(verb)  # what the actor does or undergoes: "praised", "condemned", "was sanctioned"
        for c in children:
            d = dep[c]
            if d in CLAUSE_DEPS and d != "xcomp":
                continue
            if d in ("nsubj", "nsubjpass") and c != np_head and np_head not in w.subtree(c):
                continue  # the subject's words are about the subject
            if is_agent and c in other_objects:
                continue  # "Maduro condemned the United States": the object's words are about the object
            if d in PREDICATE_DEPS:
                idx.update(w.subtree(c))
    return sorted(idx)


def _tone(np_head: int, referent, start: int, end: int, at, sent, via, cache: _ToneCache, w: DocArrays) -> MentionTone:
    """The tone of the words about the mention of words start..end-1, whose phrase ``np_head`` heads."""
    # names carry no stance: "United" in "United States", "Party" in a party's name
    pos = w.pos
    text = _joined(w, [i for i in _scope(np_head, at, referent, w) if i not in at and pos[i] != "PROPN"])
    sc = cache.scores.get(text)
    if sc is None:  # the same words about two mentions of a document are scored once
        sc = cache.scores[text] = score_text(text)
    first, last = w.idx[start], w.idx[end - 1] + w.length[end - 1]
    bounds = w.sent_bounds(np_head)
    evidence = cache.evidence.get(bounds[0])
    if evidence is None:  # the sentence's text, stripped, cut once per sentence from the parsed text
        evidence = cache.evidence[bounds[0]] = w.words_text(*bounds).strip()
    return MentionTone(actor=_copy(referent), text=doc_text(w.doc)[first:last], start=first, end=last, sentence=sent,
                       tone=sc.tone, label=sc.label, words=list(sc.words), loaded=list(sc.loaded), evidence=evidence, via=via)


def _copy(r: ActorRef) -> ActorRef:
    return r.copy()

"""Why records of a PLOVER file get no event at all: counts only, so it can be run on blind sets.

    python bench/plover_coverage.py FILE [FILE ...]

For each record the coder codes nothing for, the stage where its sentences stopped:

- ``no-listed-word``: no verb or noun of the text is a lemma or form the trigger lexicon lists;
- ``no-fitting-sense``: listed words, but every sense wanted an object, particle or marker the text lacks (or had one
  its ``unless`` list excludes), and no object noun's WordNet hypernym stood in for it;
- ``no-actors``: some sense fitted, but its roles were not filled enough to code (and no last resort took it).

And for each uncovered record and each record whose events all have the wrong type, where the gold trigger's words
stood: ``gold-trigger-unlisted`` (no listed word), ``gold-trigger-listed-unfit`` (listed, no sense fitted),
``gold-trigger-fits`` (a sense fitted: the wrong sense, or roles missing; ``fitting-gold-word-roles`` says, for an
uncovered record, that sense's type, what it needs, which roles it found and where the trigger hangs).

For ``no-listed-word`` records, the part of speech spaCy gave the gold trigger's words (``gold-trigger-pos``): how
many gold triggers are verbs the lexicon lacks, nouns, adjectives. The last line is a JSON object per file.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from newsgraph.evaluate.plover import gold_trigger_words, load_records
from newsgraph.events.coder import EventCoder, _misfit
from newsgraph.extract import default_resources, extract_many
from newsgraph.model import Document

STOP = {"the", "a", "an", "of", "to", "on", "in", "with", "and", "for", "its", "their", "his", "her", "by", "from", "at"}


class TracingCoder(EventCoder):
    """The coder, counting per document the listed words, the fitting candidates and the candidates given roles."""

    def reset(self) -> None:
        self.listed, self.fitting, self.why, self.roles = set(), set(), {}, {}

    def _candidates(self, sent):
        out = super()._candidates(sent)
        self.listed.update(self._w.lower[t] for t in self._words.listed(sent))
        self.fitting.update(self._w.lower[c.tok] for c in out)
        for t in self._words.listed(sent):
            self.why.setdefault(self._w.lower[t], self._unfit(t))
        return out

    def _roles(self, c, r) -> None:
        super()._roles(c, r)
        needs = c.sense.needs or ("pair" if c.sense.pos == "NOUN" else "-")
        self.roles[self._w.lower[c.tok]] = (f"{c.sense.type} {c.sense.pos} needs={needs} source={'yes' if c.source else 'no'} "
                                            f"target={'yes' if c.target else 'no'} dep={self._w.dep[c.tok]}")

    def _unfit(self, tok) -> str:
        """Why no sense of the listed word ``tok`` fits (the check most of its senses fail first), or "fits": the coder's
        own checks (``_trigger``, ``_sense_context``, ``_misfit``)."""
        w = self._w
        pos, senses = self._trigger(tok)
        if pos is None:
            return "tagged-" + w.pos[tok]
        if not senses:
            return f"listed-not-as-{pos}"
        objects, markers, unless = self._sense_context(tok, pos)
        fails = Counter()
        for sense in senses:
            why = _misfit(w, tok, sense, objects, markers, unless)
            if why is None:
                return "fits"
            fails[{"objects": "object-not-listed" if objects else "no-object", "particle": "no-particle"}.get(why, why)] += 1
        if pos == "VERB" and any(_misfit(w, tok, s, objects, markers, unless) is None for s in self.lex.again.get(w.lemma[tok], ())):
            return "fits-as-re-verb"  # the coder's fallback for a listed re- verb: its verb's senses ("reopen talks")
        if fails["object-not-listed"] and self._by_hypernyms(tok, pos, senses, dict(objects), unless | markers):
            return "fits-by-hypernym"  # the coder's fallback: an object noun's WordNet hypernym is listed
        return f"{pos}:{fails.most_common(1)[0][0]}"


def main() -> None:
    show = "--show" in sys.argv  # the records themselves: only for files you may read
    files = [a for a in sys.argv[1:] if a != "--show"]
    res = default_resources()
    coder = TracingCoder(res.lexicon)
    res.coder = coder
    for path in files:
        records = load_records(path)
        stages: Counter = Counter()
        wrong: Counter = Counter()
        unfit: Counter = Counter()
        roles: Counter = Counter()
        pos: Counter = Counter()
        for rec in records:
            coder.reset()
            result = next(extract_many([Document(text=rec["text"])], res))
            gold = {g for g in gold_trigger_words(rec) if g not in STOP}
            where = ("gold-trigger-fits" if gold & coder.fitting else "gold-trigger-listed-unfit" if gold & coder.listed
                     else "gold-trigger-unlisted")
            if result.events:
                if not any(e.type == rec["event"] for e in result.events):
                    wrong[where] += 1
                continue
            stages[where] += 1
            if where == "gold-trigger-fits":
                for g in sorted(gold & coder.fitting):
                    roles[coder.roles.get(g, "?")] += 1
            for g in sorted(gold & coder.listed):
                unfit[coder.why.get(g, "?")] += 1
                if show:
                    print(f"  {coder.why.get(g)} {g!r}: {rec['text'][:200]}")
            if not coder.listed:
                stage = "no-listed-word"
                doc = res.nlp(rec["text"])
                tags = {t.pos_ for t in doc if t.lower_ in gold and not t.is_stop}
                pos.update(tags or {"none"})
            elif not coder.fitting:
                stage = "no-fitting-sense"
            else:
                stage = "no-actors"
            stages[stage] += 1
        print(json.dumps({"file": path, "n": len(records), **stages, "wrong-type": dict(wrong), "uncovered-gold-word": dict(unfit), "fitting-gold-word-roles": dict(roles),
                          "gold-trigger-pos": dict(pos)}))


if __name__ == "__main__":
    main()

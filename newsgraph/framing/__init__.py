"""Sources and framing: which outlet said it, how it names each actor, and in what tone.

- ``outlets``: outlet identity (metadata, url, the text's own signs) normalised through data/outlets.yaml;
- ``tone``: targeted tone per actor mention (VADER plus the loaded-terms lexicon), with evidence;
- ``analyze``: the per-document step extract() calls: descriptors (appositions, premodifiers, labels) and tone scopes;
- ``report``: corpus-level views over the store (sources, framing of one actor, coverage).
"""

from __future__ import annotations

import bisect


def frame(result, parsed, spans, resolver, sent_starts: list[int]) -> None:
    """The framing step of extract(): fill result.descriptors, result.tones and how the outlet was known."""
    from .analyze import frame_document
    from .outlets import outlet_from_text

    doc = result.document
    if doc.outlet_source == "text":  # the text's own sign (tagline, copyright, dateline, ...), found again: it is deterministic
        found = outlet_from_text(doc.text)
        if found is not None and found.name == doc.outlet:
            result.outlet_how, result.outlet_evidence = found.how, found.evidence
    elif doc.outlet_source in ("metadata", "given"):
        result.outlet_how, result.outlet_evidence = doc.outlet_source, doc.outlet
    result.descriptors, result.tones = frame_document(parsed, spans, resolver, lambda i: bisect.bisect_right(sent_starts, i) - 1)

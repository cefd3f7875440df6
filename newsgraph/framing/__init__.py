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
    from .outlets import identify_outlet

    doc = result.document
    if doc.outlet:
        src = doc.outlet_source
        found = identify_outlet(doc.text, doc.outlet if src == "metadata" else None, doc.url if src == "metadata" else None, doc.outlet if src == "given" else None)
        if found is not None and found.name == doc.outlet:
            result.outlet_how, result.outlet_evidence = found.how, found.evidence
        else:
            result.outlet_how = src
    result.descriptors, result.tones = frame_document(parsed, spans, resolver, lambda i: bisect.bisect_right(sent_starts, i) - 1)

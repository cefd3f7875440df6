"""A generator of benchmark corpora that look like news to the pipeline: same lengths, same event density.

    python bench/corpus.py OUT.jsonl[.gz] --docs 20000 [--seed 1]

Every article is written here, from templates: no text is copied from
anywhere. Actors come from newsgraph's own registry (states, government
bodies, companies, organisations, people), event verbs from the trigger
lexicon's senses (sign/agree, impose sanctions, threaten, accuse, meet,
pledge aid, ...), dates, amounts and places vary, and filler sentences of
background, market colour and quotes dilute the events the way real
reporting does.

Shape, from the seed and demo articles: 350-1,100 words (median about
600), 8-20 paragraphs of 1-4 sentences, a headline and a dateline, and
roughly one sentence in three stating an event between two actors.
Output is JSON Lines (gzip if the name ends in .gz), one article a line
with title, outlet, url, published and text.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

OUTLETS = ["Northern Ledger", "Capital Wire", "Meridian Daily", "The Harbour Post", "Energy Desk Weekly",
           "Continental Review", "Pacific Dispatch", "Southern Herald"]
WEEKDAYS = ["on Monday", "on Tuesday", "on Wednesday", "on Thursday", "on Friday", "on Saturday", "on Sunday",
            "last week", "earlier this month", "this week", "on Tuesday evening", "late on Friday"]
OBJECTS_AGREE = ["a strategic partnership agreement", "an energy cooperation accord", "a memorandum of understanding",
                 "a trade deal", "a ten-year supply contract", "a joint declaration", "a defence pact"]
SANCTION_OBJS = ["sanctions", "new sanctions", "an arms embargo", "export restrictions", "tariffs"]

# Event sentence shapes: {a} source actor, {b} target actor, {when}, {obj}, {amt}, {n}.
EVENT_TEMPLATES = [
    "{a} and {b} signed {obj} {when}.",
    "{a} signed {obj} with {b} {when}, officials said.",
    "{a} imposed {sanction} on {b} {when}.",
    "{a} threatened to impose {sanction} on {b} if the shipments continued.",
    "{a} accused {b} of violating the terms of the agreement.",
    "{a} condemned {b} over the seizure of the tanker.",
    "{a} met {b} in {city} {when} to discuss oil supplies.",
    "Officials from {a} held talks with {b} {when}.",
    "{a} pledged {amt} in aid to {b}.",
    "{a} extended a loan of {amt} to {b} {when}.",
    "{a} rejected the proposal from {b}.",
    "{a} urged {b} to release the detained executives.",
    "{a} demanded that {b} withdraw its troops from the border.",
    "{a} praised {b} for its role in the negotiations.",
    "{a} expelled diplomats from {b} {when}.",
    "{a} recalled its ambassador from {b}.",
    "{a} agreed to supply {n} barrels per day of crude to {b}.",
    "{a} criticized {b} for the decision, according to a statement.",
    "{a} investigated claims that {b} had evaded the embargo.",
    "{a} welcomed the decision by {b} to resume exports.",
    "{a} suspended talks with {b} {when}.",
    "{a} lifted sanctions on {b} {when}.",
    "{a} invited {b} to a summit in {city}.",
    "{a} warned {b} against further escalation.",
    "Troops from {a} attacked positions held by {b} near {city}.",
    "{a} announced an investment of {amt} in a joint venture with {b}.",
]
FILLER_TEMPLATES = [
    "Oil prices rose {pct} percent in early trading, with Brent crude at {price} dollars a barrel.",
    "The country produced about {n} barrels per day last year, down from a peak a decade ago.",
    "Analysts said the move was unlikely to change the balance of the market in the short term.",
    "\"This is a turning point for the region,\" said a senior official who asked not to be named.",
    "The talks come amid growing tension over shipping routes and payment arrangements.",
    "Exports have fallen sharply since the start of the year, according to shipping data.",
    "The announcement was made at a news conference in {city}.",
    "Critics say the arrangement gives the lenders too much control over future revenue.",
    "It was not immediately clear when the measures would take effect.",
    "A spokesperson declined to comment on the details of the arrangement.",
    "The economy has contracted by more than {pct} percent over the past five years.",
    "Inflation reached {pct} percent in {month}, the central bank said.",
    "Several refineries have been operating well below capacity because of a lack of spare parts.",
    "Shipping data compiled by traders showed {k} tankers leaving the main terminal in {month}.",
    "Observers expect further announcements before the end of the quarter.",
    "The deal is worth an estimated {amt}, according to people familiar with the matter.",
    "Opposition lawmakers questioned the terms and called for the contracts to be published.",
    "Diplomats in {city} described the atmosphere of the meeting as cordial but tense.",
]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
CITIES = ["Caracas", "Beijing", "Moscow", "Havana", "Tehran", "Brasília", "Bogotá", "Geneva", "Vienna", "Doha", "Ankara", "New Delhi"]
HEADLINES = ["{a} and {b} deepen ties as oil talks resume", "{a} moves against {b} over shipments",
             "Pressure mounts on {b} after {a} statement", "{a} seals new agreement with {b}",
             "Tensions rise between {a} and {b}", "{a} steps up support for {b}"]


def actor_names() -> list[str]:
    """Names as news writes them, from the registry: countries, government bodies, companies, organisations, people."""
    from newsgraph.actors import default_registry

    reg = default_registry()
    names = []
    for a in reg.actors.values():
        if a.kind in ("state", "government", "company", "organisation", "person") and 3 <= len(a.name) <= 40:
            names.append(a.name)
    return sorted(set(names))


def _fill(t: str, rng: random.Random, names: list[str], a: str | None = None, b: str | None = None) -> str:
    a = a or rng.choice(names)
    b = b or rng.choice([n for n in rng.sample(names, 3) if n != a][:1] or names)
    return t.format(
        a=a, b=b, when=rng.choice(WEEKDAYS), obj=rng.choice(OBJECTS_AGREE), sanction=rng.choice(SANCTION_OBJS),
        amt=f"${rng.choice([1.2, 2, 5, 10, 20, 50, 300, 750])} {rng.choice(['million', 'billion'])}",
        n=f"{rng.randrange(20, 900) * 1000:,}", k=rng.randrange(3, 60), city=rng.choice(CITIES),
        pct=rng.choice([1.5, 2, 3.4, 7, 12, 25, 40]), price=rng.randrange(55, 110), month=rng.choice(MONTHS),
    )


def article(rng: random.Random, names: list[str], i: int, median_words: int = 600) -> dict:
    cast = rng.sample(names, 4)  # the actors this story is about; events mostly among them
    published = dt.date(2019, 1, 1) + dt.timedelta(days=rng.randrange(0, 6 * 365))
    scale = median_words / 600
    target_words = int(min(1100 * scale, max(350 * scale, rng.lognormvariate(6.4, 0.3) * scale)))
    paragraphs, words = [], 0
    while words < target_words:
        sents = []
        for _ in range(rng.choice([1, 2, 2, 3, 3, 4])):
            if rng.random() < 0.33:
                a, b = rng.sample(cast, 2) if rng.random() < 0.8 else (rng.choice(cast), rng.choice(names))
                sents.append(_fill(rng.choice(EVENT_TEMPLATES), rng, names, a, b))
            else:
                sents.append(_fill(rng.choice(FILLER_TEMPLATES), rng, names))
        para = " ".join(sents)
        paragraphs.append(para)
        words += len(para.split())
    outlet = rng.choice(OUTLETS)
    title = _fill(rng.choice(HEADLINES), rng, names, cast[0], cast[1])
    dateline = f"{rng.choice(CITIES).upper()}, {published:%B} {published.day}, {published.year}"
    text = f"{title}\n\n{dateline}\n\n" + "\n\n".join(paragraphs) + "\n"
    return {"title": title, "outlet": outlet, "url": f"https://news.invalid/{outlet.lower().replace(' ', '-')}/{i}",
            "published": published.isoformat(), "text": text}


def generate(n: int, seed: int = 1, median_words: int = 600):
    rng = random.Random(seed)
    names = actor_names()
    for i in range(n):
        yield article(rng, names, i, median_words)


def write(path: str, n: int, seed: int = 1, median_words: int = 600) -> None:
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "wt", encoding="utf-8") as fh:
        for rec in generate(n, seed, median_words):
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out")
    ap.add_argument("--docs", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--median-words", type=int, default=600, help="article length (tests use short articles)")
    args = ap.parse_args()
    write(args.out, args.docs, args.seed, args.median_words)


if __name__ == "__main__":
    main()

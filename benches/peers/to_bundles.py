#!/usr/bin/env python3
"""Convert the peers' synthetic claim graph (../shared/bench/peers/gen.py CSV) into
chronograph interchange bundles, one JSON line per document, for `chronograph ingest`.

Usage: python3 to_bundles.py DATA_DIR > bundles.jsonl
       (DATA_DIR = peers/data/n100000, holding actors.csv, documents.csv, ...)

Mapping (every peer id survives as a local id, so answers map back to peer ids):
- document D -> one bundle, document id "d<D>", publisher = the outlet actor's name;
- actor A -> local actor "a<A>" in every bundle that mentions it (the store merges
  actors across documents by name; peer names are unique);
- claim C -> claim "c<C>" in its document's bundle: claimant, `via` [via actor],
  `subject` = the predicate, quantity {value, unit}, stated = stated_date,
  valid = valid_from..valid_to, `about` = its subject actor or event;
- event E -> event "e<E>" (kind, title as label, start..end, location, participants
  with roles) in a home bundle, chosen so that events are ingested in id order,
  and copied into every other bundle with a claim about it: interchange ids are
  local to a bundle, and chronograph identifies an event reported by several
  documents by its kind, label and dates.
"""
import csv
import json
import os
import sys
from collections import defaultdict

KIND = {"person": "person", "organization": "organization", "government": "government",
        "armed_group": "group", "agency": "organization", "outlet": "media"}


def rows(path):
    with open(path, newline="") as f:
        r = csv.reader(f)
        next(r)
        yield from r


def main():
    d = sys.argv[1]
    actors = {int(i): (name, kind) for i, name, kind, _country in rows(os.path.join(d, "actors.csv"))}
    docs = [(int(i), int(o), t, u, p) for i, o, t, u, p in rows(os.path.join(d, "documents.csv"))]
    events = {}
    for i, kind, title, start, end, loc in rows(os.path.join(d, "events.csv")):
        events[int(i)] = (kind, title, start, end, loc)
    parts = defaultdict(list)
    for e, a, role in rows(os.path.join(d, "event_participants.csv")):
        parts[int(e)].append((int(a), role))
    claims = defaultdict(list)
    for r in rows(os.path.join(d, "claims.csv")):
        claims[int(r[8])].append(r)
    ev_ids = sorted(events)
    home = defaultdict(list)
    for k, e in enumerate(ev_ids):
        home[docs[k * len(docs) // len(ev_ids)][0]].append(e)

    out = sys.stdout
    for doc_id, outlet, title, url, published in docs:
        used = {}

        def actor(a):
            if a not in used:
                name, kind = actors[a]
                used[a] = {"id": f"a{a}", "name": name, "kind": KIND.get(kind, "organization")}
            return f"a{a}"

        bundle_events = {}

        def event(e):
            if e not in bundle_events:
                kind, label, start, end, loc = events[e]
                bundle_events[e] = {
                    "id": f"e{e}", "kind": kind, "label": label,
                    "time": {"value": start, "start": start, "end": end},
                    "place": loc or None,
                    "participants": [{"actor": actor(a), "role": role} for a, role in parts[e]],
                    "status": "occurred", "evidence": {"start": 0, "end": 0, "text": ""},
                }
            return f"e{e}"

        actor(outlet)  # the outlet is an actor of its document (the store links the publisher to it)
        for e in home.get(doc_id, []):
            event(e)
        out_claims = []
        for (cid, subj, skind, pred, value, unit, claimant, via, _doc, stated, vfrom, vto) in claims.get(doc_id, []):
            about = actor(int(subj)) if skind == "actor" else event(int(subj))
            v = float(value)
            out_claims.append({
                "id": f"c{cid}", "claimant": actor(int(claimant)),
                "via": [actor(int(via))] if via else [],
                "subject": pred,
                "statement": f"{pred} of {skind} {subj}: {value} {unit}",
                "quantity": {"value": int(v) if v.is_integer() else v, "unit": unit},
                "stated": {"value": stated}, "valid": {"value": vfrom, "start": vfrom, "end": vto},
                "about": [about], "evidence": {"start": 0, "end": 0, "text": ""},
            })
        bundle = {
            "document": {"id": f"d{doc_id}", "title": title, "publisher": actors[outlet][0], "url": url,
                         "published": published},
            "actors": list(used.values()),
            "events": list(bundle_events.values()),
            "claims": out_claims,
        }
        out.write(json.dumps(bundle, separators=(",", ":")))
        out.write("\n")


if __name__ == "__main__":
    main()

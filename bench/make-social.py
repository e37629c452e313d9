#!/usr/bin/env python3
"""Writes a reproducible social network for timing the multi-unit mechanisms (bench/social-60.json).

Usage: bench/make-social.py AGENTS UNITS SEED > bench/social-AGENTS.json
Agent k (1-based, named N01, N02, ...) joins next to 1 to 3 earlier nodes (the seller among the
candidates), mostly one, so the network has long critical paths with some cycles: what makes
GIDM's critical parents and children non-trivial. Values are integers and halves in [0, 100].
"""
import json
import random
import sys

n, units, seed = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
rnd = random.Random(seed)
ids = ["N%02d" % k for k in range(1, n + 1)]
agents = [{"id": i, "value": (str(rnd.randint(0, 200) / 2).rstrip("0").rstrip(".") if rnd.random() < 0.3 else rnd.randint(0, 100))} for i in ids]
edges = set()
for k in range(1, n + 1):
    earlier = ["s"] + ids[: k - 1]
    degree = rnd.choices([1, 2, 3], weights=[12, 3, 1])[0]
    # prefer recent nodes, so that paths get long
    for _ in range(degree):
        j = max(0, len(earlier) - 1 - int(rnd.expovariate(1 / 4)))
        if k <= 2:
            j = 0
        edges.add(tuple(sorted((earlier[j], ids[k - 1]), key=lambda x: (x != "s", x))))
net = {
    "format": "mechcheck-network/1",
    "name": "social-%d" % n,
    "source": "benchmark: bench/make-social.py %d %d %d (random social network, every agent a bidder who invites)" % (n, units, seed),
    "seller": "s",
    "units": units,
    "agents": agents,
    "edges": [list(e) for e in sorted(edges, key=lambda e: (e[0] != "s", e[0], e[1]))],
}
json.dump(net, sys.stdout, indent=1)
sys.stdout.write("\n")

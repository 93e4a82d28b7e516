#!/usr/bin/env python3
"""Aggregates `jfr print --events jdk.ExecutionSample --stack-depth 200` output.

    top-frames.py samples.txt [thread-regex]

Prints the top frames by self samples, then the frames of our code and of the libraries on the
request path by inclusive samples (share of samples whose stack holds the frame)."""
import collections
import re
import sys

text = open(sys.argv[1]).read()
thread = re.compile(sys.argv[2]) if len(sys.argv) > 2 else None
self_count, inclusive, threads = collections.Counter(), collections.Counter(), collections.Counter()
samples = 0
for event in text.split("jdk.ExecutionSample")[1:]:
    name = re.search(r'sampledThread = "([^"]*)"', event)
    if not name:
        continue
    threads[re.sub(r"\d+", "N", name.group(1))] += 1
    if thread and not thread.search(name.group(1)):
        continue
    frames = re.findall(r"^\s+([\w.$<>]+)\(", event, re.M)
    if not frames:
        continue
    samples += 1
    self_count[frames[0]] += 1
    for frame in set(frames):
        inclusive[frame] += 1
print("threads:", ", ".join(f"{t} {c}" for t, c in threads.most_common(6)))
print(f"samples: {samples}")
for frame, count in self_count.most_common(25):
    print(f"self {count:6d} {100 * count / samples:5.1f}%  {frame}")
keys = ("twincatalog", "lucene", "jackson", "hibernate", "h2.", "oidc", "jose4j", "smallrye.jwt", "resteasy", "vertx.core.http")
print("--- inclusive")
shown = 0
for frame, count in inclusive.most_common():
    if any(k in frame for k in keys) and "_Subclass" not in frame and "ClientProxy" not in frame:
        print(f"incl {count:6d} {100 * count / samples:5.1f}%  {frame}")
        shown += 1
        if shown == 70:
            break

#!/usr/bin/env python3
"""Writes a JSONL corpus of about MB megabytes for timing the tool: the texts
of a claims-jsonl file (by default PolNeAR train, read from ../shared, never
copied into the repo) as {"id", "text"} lines, repeated with fresh ids.

    python3 scripts/news_jsonl.py [SOURCE] [MB] > /tmp/news.jsonl
"""
import json
import sys

source = sys.argv[1] if len(sys.argv) > 1 else "../shared/eval/polnear-train.jsonl"
target = int(sys.argv[2] if len(sys.argv) > 2 else 40) * 1024 * 1024

with open(source, encoding="utf-8") as f:
    docs = [json.loads(line) for line in f if line.strip()]
written, copy = 0, 0
out = sys.stdout
while written < target:
    for d in docs:
        line = json.dumps({"id": f"{d['id']}#{copy}", "text": d["text"]}, ensure_ascii=False) + "\n"
        out.write(line)
        written += len(line.encode("utf-8"))
    copy += 1

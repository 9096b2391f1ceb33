#!/usr/bin/env python3
"""Writes a made-up Codex CLI home (sessions/YYYY/MM/DD/rollout-*.jsonl) of about TARGET_MB for costplan's benchmark.

  gen_codex_sessions.py OUT_DIR TARGET_MB [SEED]

Each session has turns of a user message, tool calls with large outputs, an assistant message and a token_count
event (cumulative total and last-turn usage, sometimes repeated); one session in ten is a fork that first replays its
parent's history. OUT_DIR/truth.json holds the turns and tokens costplan must count. Everything is invented.
"""
import json
import os
import random
import sys
from datetime import datetime, timedelta, timezone

WORDS = ("the cache read input token session request model latency prefill decode budget memory context window "
         "function return value error retry parser schema build test commit branch merge diff patch file line").split()


def main(out, target_mb, seed):
    rng = random.Random(seed)
    fillers = [" ".join(rng.choice(WORDS) for _ in range(n)) for n in (40, 200, 900, 2500) for _ in range(25)]
    target = target_mb * 1_000_000
    written, sessions, turns_total = 0, 0, 0
    totals = [0, 0, 0]  # input (uncached), cached, output
    start = datetime(2026, 9, 1, 8, tzinfo=timezone.utc)
    previous = None  # (session id, history lines, cumulative) of the last session, for forks
    while written < target:
        t = start + timedelta(hours=sessions * 3 + rng.randint(0, 2), minutes=rng.randint(0, 59))
        sid = "0199%04x-%04x-7%03x-8%03x-%012x" % (sessions, rng.getrandbits(16), rng.getrandbits(12), rng.getrandbits(12),
                                                 rng.getrandbits(48))
        fork = previous if previous and rng.random() < 0.1 else None
        day = t.strftime("%Y/%m/%d")
        os.makedirs(f"{out}/sessions/{day}", exist_ok=True)
        path = f"{out}/sessions/{day}/rollout-{t.strftime('%Y-%m-%dT%H-%M-%S')}-{sid}.jsonl"
        lines = []

        def emit(when, typ, payload):
            lines.append(json.dumps({"timestamp": when.strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % (when.microsecond // 1000),
                                     "type": typ, "payload": payload}, separators=(",", ":")))

        meta = {"id": sid, "timestamp": t.isoformat(), "cwd": "/home/dev/src/project-%d" % (sessions % 7),
                "originator": "codex_cli_rs", "cli_version": "0.46.0", "source": "cli", "model_provider": "openai"}
        cumulative = [0, 0, 0, 0]
        if fork:
            meta["forked_from_id"] = fork[0]
        emit(t, "session_meta", meta)
        if fork:
            for raw in fork[1]:
                record = json.loads(raw)
                record["timestamp"] = t.strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % (t.microsecond // 1000 + 20)
                lines.append(json.dumps(record, separators=(",", ":")))
            cumulative = list(fork[2])
        history_start = len(lines)
        model = rng.choice(["gpt-5-codex", "gpt-5", "gpt-5-codex"])
        emit(t, "turn_context", {"cwd": meta["cwd"], "approval_policy": "on-request", "model": model, "effort": "medium"})
        t += timedelta(seconds=5)
        for _ in range(rng.randint(20, 120)):
            emit(t, "response_item", {"type": "message", "role": "user", "content": [{"type": "input_text", "text": rng.choice(fillers[:50])}]})
            for _ in range(rng.randint(1, 6)):
                emit(t, "response_item", {"type": "function_call", "name": "shell", "arguments": json.dumps({"command": ["rg", rng.choice(WORDS)]}), "call_id": "call_%x" % rng.getrandbits(40)})
                emit(t, "response_item", {"type": "function_call_output", "call_id": "call_x", "output": rng.choice(fillers)})
            emit(t, "response_item", {"type": "message", "role": "assistant", "content": [{"type": "output_text", "text": rng.choice(fillers[:75])}]})
            t += timedelta(seconds=rng.randint(10, 240))
            inp = rng.randint(2_000, 60_000)
            cached = min(inp, cumulative[0] // 3 // 256 * 256) if cumulative[0] else 0
            out_tokens, reasoning = rng.randint(50, 3_000), 0
            reasoning = out_tokens // 3
            last = [inp, cached, out_tokens, reasoning]
            cumulative = [c + l for c, l in zip(cumulative, last)]

            def usage(u):
                return {"input_tokens": u[0], "cached_input_tokens": u[1], "output_tokens": u[2],
                        "reasoning_output_tokens": u[3], "total_tokens": u[0] + u[2]}
            info = {"total_token_usage": usage(cumulative), "last_token_usage": usage(last), "model_context_window": 272000}
            emit(t, "event_msg", {"type": "token_count", "info": info, "rate_limits": {"primary": {"used_percent": 10.0}}})
            if rng.random() < 0.2:
                emit(t + timedelta(milliseconds=300), "event_msg", {"type": "token_count", "info": info, "rate_limits": {"primary": {"used_percent": 11.0}}})
            turns_total += 1
            totals[0] += inp - cached
            totals[1] += cached
            totals[2] += out_tokens
        text = "\n".join(lines) + "\n"
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        written += len(text.encode())
        previous = (sid, lines[history_start:] if not fork else lines[1:], cumulative)
        sessions += 1
    with open(f"{out}/truth.json", "w") as f:
        json.dump({"sessions": sessions, "bytes": written, "turns": turns_total, "inputTokens": totals[0],
                   "cacheReadTokens": totals[1], "outputTokens": totals[2]}, f, indent=1)


if __name__ == "__main__":
    if len(sys.argv) not in (3, 4):
        sys.exit(__doc__)
    main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]) if len(sys.argv) == 4 else 1)

#!/usr/bin/env python3
"""Writes made-up provider usage exports for costplan's samples and benchmark.

  gen_exports.py sample DIR          the same made-up week (2026-10-05 .. 2026-10-11, UTC) in every export format
                                     costplan reads, plus truth.json with the totals each format must give
  gen_exports.py csv FILE ROWS       a Claude Console usage CSV with ROWS rows (hourly grain), for the benchmark

All names, keys, ids and counts are invented. Deterministic: the same arguments give the same bytes.
"""
import csv
import io
import json
import random
import sys
from datetime import datetime, timedelta, timezone
from decimal import Decimal, ROUND_HALF_UP

WEEK = [datetime(2026, 10, 5, tzinfo=timezone.utc) + timedelta(days=d) for d in range(7)]
M = Decimal(1_000_000)

# USD per million tokens: input, output, cache write 5m, cache write 1h, cache read (pricing-data/anthropic.json)
ANTHROPIC = {
    "claude-sonnet-4-5-20250929": ("Claude Sonnet 4.5", "3", "15", "3.75", "6", "0.30"),
    "claude-haiku-4-5-20251001": ("Claude Haiku 4.5", "1", "5", "1.25", "2", "0.10"),
    "claude-opus-4-5-20251101": ("Claude Opus 4.5", "5", "25", "6.25", "10", "0.50"),
}
# input, cached input, output (pricing-data/openai.json)
OPENAI = {"gpt-5-2025-08-07": ("1.25", "0.125", "10"), "gpt-5-mini-2025-08-07": ("0.25", "0.025", "2")}
# OpenRouter: permaslug, slug, input, cache read, output (made-up OpenRouter prices)
OPENROUTER = [("anthropic/claude-4.5-sonnet-20250929", "anthropic/claude-sonnet-4.5", "3", "0.30", "15"),
              ("openai/gpt-5-mini-2025-08-07", "openai/gpt-5-mini", "0.25", "0.025", "2"),
              ("qwen/qwen3-coder-480b-a35b-07-25", "qwen/qwen3-coder", "0.40", "0.40", "1.60")]

WORKSPACES = [  # (workspace id or None, workspace name, key name, models, profile)
    (None, "Default", "ci-bot", ["claude-sonnet-4-5-20250929", "claude-haiku-4-5-20251001"], "backend"),
    ("wrkspc_01KpV7tQm3ZrX9cLb2Hn5Wd8", "Claude Code", "claude_code_key_rui.m_p4kz",
     ["claude-sonnet-4-5-20250929", "claude-opus-4-5-20251101"], "agent"),
]
OPENAI_PROJECTS = ["proj_Lw4pZ8nQ2rT6yH1cV9bX3mKd", "proj_Fs7hJ2kR5tN8qW4eY6uA1zPc"]


def iso(t):
    return t.strftime("%Y-%m-%dT%H:%M:%SZ")


def plain(d):
    s = format(d.normalize(), "f")
    return s


def anthropic_rows(rng):
    rows = []
    for day in WEEK:
        for ws_id, ws_name, key, models, profile in WORKSPACES:
            for model in models:
                if profile == "agent":
                    u = dict(uncached=rng.randint(900, 6000), w5=rng.randint(5000, 40000), w1=rng.randint(150000, 700000),
                             read=rng.randint(3_000_000, 15_000_000), out=rng.randint(30000, 110000), web=0)
                else:
                    u = dict(uncached=rng.randint(300000, 900000), w5=rng.randint(40000, 90000), w1=0,
                             read=rng.randint(600000, 1500000), out=rng.randint(60000, 140000),
                             web=rng.choice([0, 0, 2, 3, 5]))
                rows.append(dict(day=day, ws_id=ws_id, ws_name=ws_name, key=key, model=model, **u))
    return rows


def anthropic_costs(r):
    name, pin, pout, p5, p1, pread = ANTHROPIC[r["model"]]
    return [("uncached_input_tokens", "input_no_cache", "Input Tokens", r["uncached"] * Decimal(pin) / M),
            ("output_tokens", "output", "Output Tokens", r["out"] * Decimal(pout) / M),
            ("cache_creation.ephemeral_5m_input_tokens", "input_cache_write_5m", "Cache Write (5m) Tokens", r["w5"] * Decimal(p5) / M),
            ("cache_creation.ephemeral_1h_input_tokens", "input_cache_write_1h", "Cache Write (1h) Tokens", r["w1"] * Decimal(p1) / M),
            ("cache_read_input_tokens", "input_cache_read", "Cache Read Tokens", r["read"] * Decimal(pread) / M)]


def write_json(path, obj):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        json.dump(obj, f, indent=2)
        f.write("\n")


def write_csv(path, header, rows, quote_all=False):
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n", quoting=csv.QUOTE_ALL if quote_all else csv.QUOTE_MINIMAL)
        w.writerow(header)
        w.writerows(rows)


def sample(out):
    rng = random.Random(20261005)
    truth = {}
    rows = anthropic_rows(rng)

    # Anthropic usage report: three pages of daily buckets (3 + 3 + 1), grouped by model and workspace
    pages = [WEEK[0:3], WEEK[3:6], WEEK[6:7]]
    for n, days in enumerate(pages, 1):
        data = []
        for day in days:
            results = []
            for r in rows:
                if r["day"] != day:
                    continue
                results.append({"account_id": None, "api_key_id": None,
                                "cache_creation": {"ephemeral_1h_input_tokens": r["w1"], "ephemeral_5m_input_tokens": r["w5"]},
                                "cache_read_input_tokens": r["read"], "context_window": None, "inference_geo": None,
                                "model": r["model"], "output_tokens": r["out"],
                                "server_tool_use": {"web_search_requests": r["web"]}, "service_account_id": None,
                                "service_tier": None, "uncached_input_tokens": r["uncached"], "workspace_id": r["ws_id"]})
            data.append({"starting_at": iso(day), "ending_at": iso(day + timedelta(days=1)), "results": results})
        last = n == len(pages)
        token = None if last else "page_" + iso(pages[n][0]).encode().hex()[:24]
        write_json(f"{out}/anthropic-usage-report.page{n}.json", {"data": data, "has_more": not last, "next_page": token})

    # Anthropic cost report: one page, grouped by workspace and description; amounts are cents as decimal strings
    data, cost_total = [], Decimal(0)
    for day in WEEK:
        results = []
        for r in rows:
            if r["day"] != day:
                continue
            name = ANTHROPIC[r["model"]][0]
            for token_type, _, label, dollars in anthropic_costs(r):
                if dollars == 0:
                    continue
                cost_total += dollars
                results.append({"amount": plain(dollars * 100), "context_window": "0-200k", "cost_type": "tokens",
                                "currency": "USD", "description": f"{name} Usage - {label}", "inference_geo": None,
                                "model": r["model"], "service_tier": "standard", "token_type": token_type,
                                "workspace_id": r["ws_id"]})
        searches = {}
        for r in rows:
            if r["day"] == day and r["web"]:
                searches[r["ws_id"]] = searches.get(r["ws_id"], 0) + r["web"]
        for ws_id, n in searches.items():
            cost_total += Decimal(n) / 100
            results.append({"amount": plain(Decimal(n)), "context_window": None, "cost_type": "web_search",
                            "currency": "USD", "description": "Web Search Usage", "inference_geo": None, "model": None,
                            "service_tier": None, "token_type": None, "workspace_id": ws_id})
        data.append({"starting_at": iso(day), "ending_at": iso(day + timedelta(days=1)), "results": results})
    write_json(f"{out}/anthropic-cost-report.json", {"data": data, "has_more": False, "next_page": None})

    # Claude Console exports: the same rows, with workspace and key names; costs rounded to cents per row
    write_csv(f"{out}/anthropic-console-usage.csv",
              ["usage_date_utc", "model_version", "api_key", "workspace", "usage_type", "context_window",
               "usage_input_tokens_no_cache", "usage_input_tokens_cache_write_5m", "usage_input_tokens_cache_write_1h",
               "usage_input_tokens_cache_read", "usage_output_tokens", "web_search_count", "inference_geo", "speed"],
              [[r["day"].date().isoformat(), r["model"], r["key"], r["ws_name"], "standard", "≤ 200k", r["uncached"],
                r["w5"], r["w1"], r["read"], r["out"], r["web"], "not_available", ""] for r in rows])
    cost_rows, csv_total = [], Decimal(0)
    for r in rows:
        for _, token_type, _, dollars in anthropic_costs(r):
            if dollars == 0:
                continue
            cents = dollars.quantize(Decimal("0.01"), ROUND_HALF_UP)
            csv_total += cents
            cost_rows.append([r["day"].date().isoformat(), ANTHROPIC[r["model"]][0], r["ws_name"], r["key"], "message",
                              "≤ 200k", token_type, plain(cents), plain(cents), "token", "not_available", ""])
    searches = {}
    for r in rows:
        if r["web"]:
            k = (r["day"].date().isoformat(), r["ws_name"], r["key"])
            searches[k] = searches.get(k, 0) + r["web"]
    for (day, ws_name, key), n in sorted(searches.items()):
        cents = Decimal(n) / 100
        csv_total += cents
        cost_rows.append([day, "", ws_name, key, "message", "", "", plain(cents), plain(cents), "web_search", "", ""])
    write_csv(f"{out}/anthropic-console-cost.csv",
              ["usage_date_utc", "model", "workspace", "api_key", "usage_type", "context_window", "token_type",
               "cost_usd", "list_price_usd", "cost_type", "inference_geo", "speed"], cost_rows)

    def tok(keys):
        return {k: sum(r[k] for r in rows) for k in keys}
    truth["anthropic"] = {"uncachedInputTokens": sum(r["uncached"] for r in rows),
                          "cacheWrite5mTokens": sum(r["w5"] for r in rows), "cacheWrite1hTokens": sum(r["w1"] for r in rows),
                          "cacheReadTokens": sum(r["read"] for r in rows), "outputTokens": sum(r["out"] for r in rows),
                          "webSearchRequests": sum(r["web"] for r in rows), "usageRows": len(rows),
                          "costReportUsd": plain(cost_total), "consoleCostCsvUsd": plain(csv_total)}

    # OpenAI: usage buckets (one page), costs per line item, and the dashboard CSV with the same numbers
    oa_rows = []
    for day in WEEK:
        for p, project in enumerate(OPENAI_PROJECTS):
            for model in OPENAI:
                if p == 1 and model == "gpt-5-2025-08-07" and day.day % 2 == 0:
                    continue
                inp = rng.randint(200_000, 4_000_000)
                cached = (inp * rng.randint(35, 70) // 100) // 128 * 128
                oa_rows.append(dict(day=day, project=project, model=model, input=inp, cached=cached,
                                    out=rng.randint(40_000, 1_100_000), req=rng.randint(40, 900)))
    data, costs_data, oa_cost = [], [], Decimal(0)
    for day in WEEK:
        results, cresults = [], []
        for r in (x for x in oa_rows if x["day"] == day):
            results.append({"object": "organization.usage.completions.result", "input_tokens": r["input"],
                            "input_cached_tokens": r["cached"], "input_cache_write_tokens": 0,
                            "input_uncached_tokens": r["input"] - r["cached"], "output_tokens": r["out"],
                            "num_model_requests": r["req"], "project_id": r["project"], "user_id": None,
                            "api_key_id": None, "model": r["model"], "batch": None, "service_tier": None})
            pin, pcached, pout = OPENAI[r["model"]]
            for item, qty, price in ((", input", r["input"] - r["cached"], pin), (", cached input", r["cached"], pcached),
                                     (", output", r["out"], pout)):
                dollars = qty * Decimal(price) / M
                oa_cost += dollars
                cresults.append({"object": "organization.costs.result",
                                 "amount": {"value": float(dollars), "currency": "usd"},
                                 "line_item": r["model"] + item, "project_id": r["project"], "api_key_id": None,
                                 "quantity": qty, "quantity_unit": "tokens"})
        start, end = int(day.timestamp()), int((day + timedelta(days=1)).timestamp())
        data.append({"object": "bucket", "start_time": start, "end_time": end, "results": results})
        costs_data.append({"object": "bucket", "start_time": start, "end_time": end, "results": cresults})
    write_json(f"{out}/openai-usage-completions.json", {"object": "page", "data": data, "has_more": False, "next_page": None})
    write_json(f"{out}/openai-costs.json", {"object": "page", "data": costs_data, "has_more": False, "next_page": None})
    write_csv(f"{out}/openai-dashboard-usage.csv",
              ["start_time", "end_time", "start_time_iso", "end_time_iso", "project_id", "num_model_requests", "user_id",
               "api_key_id", "model", "batch", "service_tier", "input_tokens", "output_tokens", "input_cached_tokens",
               "input_uncached_tokens"],
              [[int(r["day"].timestamp()), int((r["day"] + timedelta(days=1)).timestamp()),
                r["day"].strftime("%Y-%m-%dT%H:%M:%S+00:00"), (r["day"] + timedelta(days=1)).strftime("%Y-%m-%dT%H:%M:%S+00:00"),
                r["project"], f"{r['req']}.0", "user-Qe8Tn3Vb6Xk1Lp4R", "key_M2cH7wPz9Ya5Dg3S", r["model"], "FALSE",
                "default", f"{r['input']}.0", f"{r['out']}.0", f"{r['cached']}.0", f"{r['input'] - r['cached']}.0"]
               for r in oa_rows])
    truth["openai"] = {"inputTokensIncludingCached": sum(r["input"] for r in oa_rows),
                       "cachedInputTokens": sum(r["cached"] for r in oa_rows), "outputTokens": sum(r["out"] for r in oa_rows),
                       "requests": sum(r["req"] for r in oa_rows), "usageRows": len(oa_rows), "costsUsd": plain(oa_cost)}

    # OpenRouter: per-generation CSV, the daily CSV and the activity API summing it, one generation as JSON
    gens = []
    for day in WEEK[:3]:
        t = day + timedelta(hours=8, minutes=rng.randint(0, 50))
        for i in range(rng.randint(4, 6)):
            permaslug, slug, pin, pread, pout = OPENROUTER[i % 3]
            prompt = rng.randint(8000, 60000)
            cached = prompt * rng.randint(0, 80) // 100 if pin != pread else 0
            completion = rng.randint(300, 6000)
            reasoning = completion // 4 if "gpt" in slug else 0
            cost = ((prompt - cached) * Decimal(pin) + cached * Decimal(pread) + completion * Decimal(pout)) / M
            t += timedelta(minutes=rng.randint(3, 40), seconds=rng.randint(0, 59), milliseconds=rng.randint(0, 999))
            gid = "gen-%d-%s" % (int(t.timestamp()), "".join(rng.choice("abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789") for _ in range(20)))
            gens.append(dict(id=gid, t=t, permaslug=permaslug, slug=slug, prompt=prompt, cached=cached,
                             completion=completion, reasoning=reasoning, cost=cost))
    write_csv(f"{out}/openrouter-activity.csv",
              ["generation_id", "created_at", "cost_total", "cost_web_search", "cost_cache", "cost_file_processing",
               "byok_usage_inference", "tokens_prompt", "tokens_completion", "tokens_reasoning", "tokens_cached",
               "model_permaslug", "provider_name", "variant", "cancelled", "streamed", "user", "finish_reason_raw",
               "finish_reason_normalized", "generation_time_ms", "time_to_first_token_ms", "api_key_disabled",
               "api_key_name", "app_name"],
              [[g["id"], g["t"].strftime("%Y-%m-%d %H:%M:%S.") + "%03d" % (g["t"].microsecond // 1000), plain(g["cost"]),
                "", "", "", "0", g["prompt"], g["completion"], g["reasoning"], g["cached"], g["permaslug"],
                g["permaslug"].split("/")[0].capitalize(), "standard", "false", "true", "", "stop", "stop",
                rng.randint(2000, 40000), rng.randint(300, 2500), "false", "laptop-cli", "harbor-lane-cli"] for g in gens])
    daily = {}
    for g in gens:
        k = (g["t"].date().isoformat(), g["slug"], g["permaslug"])
        d = daily.setdefault(k, dict(cost=Decimal(0), req=0, prompt=0, completion=0, reasoning=0))
        d["cost"] += g["cost"]; d["req"] += 1; d["prompt"] += g["prompt"]; d["completion"] += g["completion"]
        d["reasoning"] += g["reasoning"]
    write_csv(f"{out}/openrouter-activity-daily.csv",
              ["Date", "Slug", "Usage", "BYOK Usage", "Requests", "Prompt Tokens", "Completion Tokens", "Reasoning Tokens"],
              [[k[0] + " 00:00:00", k[1], plain(d["cost"]), "0", d["req"], d["prompt"], d["completion"], d["reasoning"]]
               for k, d in sorted(daily.items())], quote_all=True)
    write_json(f"{out}/openrouter-activity-api.json", {"data": [
        {"date": k[0], "model": k[1], "model_permaslug": k[2], "endpoint_id": "ep-%s-%d" % (k[1].split("/")[1], i),
         "provider_name": k[2].split("/")[0].capitalize(), "usage": float(d["cost"]), "byok_usage_inference": 0,
         "requests": d["req"], "prompt_tokens": d["prompt"], "completion_tokens": d["completion"],
         "reasoning_tokens": d["reasoning"]} for i, (k, d) in enumerate(sorted(daily.items()))]})
    g = gens[1]
    write_json(f"{out}/openrouter-generation.json", {"data": {
        "id": g["id"], "total_cost": float(g["cost"]), "created_at": g["t"].strftime("%Y-%m-%dT%H:%M:%S.%f+00:00"),
        "model": g["permaslug"], "provider_name": g["permaslug"].split("/")[0].capitalize(), "streamed": True,
        "cancelled": False, "tokens_prompt": g["prompt"], "tokens_completion": g["completion"],
        "native_tokens_prompt": g["prompt"], "native_tokens_completion": g["completion"],
        "native_tokens_reasoning": g["reasoning"], "native_tokens_cached": g["cached"], "usage": float(g["cost"]),
        "is_byok": False, "service_tier": None}})
    truth["openrouter"] = {"generations": len(gens), "promptTokensIncludingCached": sum(g["prompt"] for g in gens),
                           "cachedTokens": sum(g["cached"] for g in gens),
                           "completionTokens": sum(g["completion"] for g in gens),
                           "costUsd": plain(sum((g["cost"] for g in gens), Decimal(0))), "dailyRows": len(daily),
                           "generationJsonId": g["id"]}
    write_json(f"{out}/truth.json", truth)


def bench_csv(path, rows):
    rng = random.Random(7)
    keys = ["key-%03d" % i for i in range(200)]
    models = list(ANTHROPIC)
    start = datetime(2026, 1, 1, tzinfo=timezone.utc)
    per_hour = len(keys) * len(models)
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write("usage_date_utc,model_version,api_key,workspace,usage_type,context_window,usage_input_tokens_no_cache,"
                "usage_input_tokens_cache_write_5m,usage_input_tokens_cache_write_1h,usage_input_tokens_cache_read,"
                "usage_output_tokens,web_search_count,inference_geo,speed\n")
        buf = io.StringIO()
        for i in range(rows):
            hour = start + timedelta(hours=i // per_hour)
            key = keys[(i // len(models)) % len(keys)]
            buf.write("%s,%s,%s,%s,standard,≤ 200k,%d,%d,%d,%d,%d,0,not_available,\n" % (
                hour.strftime("%Y-%m-%d %H:00"), models[i % len(models)], key, "ws-" + key[-1], rng.randint(0, 9000),
                rng.randint(0, 40000), rng.randint(0, 90000), rng.randint(0, 2_000_000), rng.randint(0, 20000)))
            if i % 10000 == 9999:
                f.write(buf.getvalue())
                buf = io.StringIO()
        f.write(buf.getvalue())


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "sample":
        sample(sys.argv[2])
    elif len(sys.argv) == 4 and sys.argv[1] == "csv":
        bench_csv(sys.argv[2], int(sys.argv[3]))
    else:
        sys.exit(__doc__)

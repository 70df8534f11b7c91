#!/usr/bin/env python3
"""Extracts Cloudflare's Workflows operations from its full published API description.

Usage: extract-cloudflare-workflows.py cloudflare-full.json.gz > cloudflare-workflows.json
Keeps every path under /accounts/{account_id}/workflows, the document's servers and security, every
securityScheme, and the transitive closure of the components they $ref (today none: the operations are inline).
"""
import gzip, json, re, sys

with gzip.open(sys.argv[1], "rt", encoding="utf-8") as f:
    full = json.load(f)

paths = {p: v for p, v in full["paths"].items() if p.startswith("/accounts/{account_id}/workflows")}
out = {
    "openapi": full["openapi"],
    "info": full["info"],
    "servers": full["servers"],
    "security": full["security"],
    "paths": paths,
    "components": {"securitySchemes": full["components"]["securitySchemes"]},
}

pending = set(re.findall(r'"\$ref": "#/components/([^/"]+)/([^"]+)"', json.dumps(paths)))
done = set()
while pending:
    kind, name = pending.pop()
    if (kind, name) in done:
        continue
    done.add((kind, name))
    node = full["components"][kind][name]
    out["components"].setdefault(kind, {})[name] = node
    pending |= set(re.findall(r'"\$ref": "#/components/([^/"]+)/([^"]+)"', json.dumps(node)))

json.dump(out, sys.stdout, indent=2, ensure_ascii=False)
sys.stdout.write("\n")

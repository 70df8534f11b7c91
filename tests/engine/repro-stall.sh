#!/usr/bin/env bash
# Reproduces the engine stall of tests/engine/README.md ("The engine stall") against a running engine:
# each round sends a request with a body that the explorer API answers without reading (an unknown workflow), then
# a GET of a known instance with a 5 s limit, and counts the GETs that were not answered.
# Usage: tests/engine/repro-stall.sh PORT [ROUNDS]   (start the engine as this folder's README shows)
set -uo pipefail
port=${1:?usage: repro-stall.sh PORT [ROUNDS]}
rounds=${2:-15}
api=http://127.0.0.1:$port/cdn-cgi/explorer/api/workflows
curl -s -o /dev/null -X POST "$api/quick/instances" -d '{"id":"repro-known"}'
stalled=0
for _ in $(seq 1 "$rounds"); do
  curl -s -m 10 -o /dev/null -X POST "$api/no-such-workflow/instances" -H 'content-type: application/json' -d '{"id":"x"}'
  code=$(curl -s -m 5 -o /dev/null -w '%{http_code}' "$api/quick/instances/repro-known")
  [ "$code" = 000 ] && stalled=$((stalled + 1))
done
echo "next request stalled in $stalled of $rounds rounds"

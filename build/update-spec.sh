#!/usr/bin/env bash
# The spec bump, in one command: extracts the Workflows part of Cloudflare's published OpenAPI description into
# spec/cloudflare-workflows.openapi.json (values unmodified) and records its origin in spec/UPSTREAM.json.
# Names and corrections live in spec/workflows.overlay.yaml, which the generator applies at compile time.
#
# Usage:
#   build/update-spec.sh                       # newest cloudflare-typescript: clone (shallow) and read scripts/mock
#   build/update-spec.sh --git DIR [REV]       # a local clone (or bare git dir) of cloudflare-typescript at REV (HEAD)
#   build/update-spec.sh FILE [--source TEXT] [--commit SHA] [--date DATE]
#                                              # an openapi.json (or .gz), or a scripts/mock file with EMBEDDED_SPEC
#   build/update-spec.sh --out DIR ...         # any of the above, written to DIR instead of spec/ (the contract
#                                              # tests re-extract into a temporary folder and compare with spec/)
# Needs node (any >= 18) and, for --git or no argument, git.
set -euo pipefail
cd "$(dirname "$0")/.."

out_dir=spec
if [ "${1:-}" = "--out" ]; then
  out_dir=$2
  shift 2
fi
out=$out_dir/cloudflare-workflows.openapi.json
note=$out_dir/UPSTREAM.json
repo_url=https://github.com/cloudflare/cloudflare-typescript

extract() { node build/update-spec.mjs --output "$out" --note "$note" "$@"; }

from_git() {
  local dir=$1 rev=${2:-HEAD} commit date tmp
  commit=$(git --git-dir="$(git -C "$dir" rev-parse --absolute-git-dir)" rev-parse "$rev^{commit}")
  date=$(git -C "$dir" show -s --format=%cI "$commit")
  tmp=$(mktemp); trap 'rm -f "$tmp"' RETURN
  git -C "$dir" show "$commit:scripts/mock" >"$tmp"
  extract --input "$tmp" --source "$repo_url/blob/$commit/scripts/mock (EMBEDDED_SPEC)" --commit "$commit" --date "$date"
}

case "${1:-}" in
  "")
    work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
    git clone --quiet --depth 1 --filter=blob:none "$repo_url" "$work/repo"
    from_git "$work/repo"
    ;;
  --git)
    from_git "$2" "${3:-HEAD}"
    ;;
  *)
    file=$1; shift
    extract --input "$file" "$@"
    ;;
esac

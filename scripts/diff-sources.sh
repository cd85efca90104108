#!/usr/bin/env bash
# What a change to sources/ does to the published data, in words (`iscm diff`): output/ as committed
# at a git revision against output/ in the working tree. Without an argument the revision is the
# last commit when sources/ or output/ have uncommitted changes (a maintainer's edit, after `make`),
# else the commit before it (the change CI is testing). `make test` runs it, so CI prints it.
# Usage: scripts/diff-sources.sh [REVISION]
set -euo pipefail
cd "$(dirname "$0")/.."

if ! git rev-parse --git-dir >/dev/null 2>&1; then
  echo "diff-sources: not a git checkout, nothing to compare"
  exit 0
fi
rev="${1:-}"
if [ -z "$rev" ]; then
  if [ -n "$(git status --porcelain -- sources output)" ]; then rev=HEAD; else rev=HEAD^; fi
fi
if ! git rev-parse --verify --quiet "$rev^{commit}" >/dev/null; then
  echo "diff-sources: no revision $rev to compare with (a shallow clone?), nothing to compare"
  exit 0
fi
if git diff --quiet "$rev" -- sources && [ -z "$(git ls-files --others --exclude-standard -- sources)" ]; then
  echo "diff-sources: sources/ unchanged since $(git rev-parse --short "$rev")"
  exit 0
fi
if ! git cat-file -e "$rev:output/iscm.nt" 2>/dev/null; then
  echo "diff-sources: $rev has no output/iscm.nt, nothing to compare"
  exit 0
fi
if git diff --quiet "$rev" -- output; then
  echo "diff-sources: sources/ changed since $(git rev-parse --short "$rev") but output/ did not: run make first"
  exit 0
fi

before=$(mktemp -d)
trap 'rm -rf "$before"' EXIT
git archive "$rev" output | tar -x -C "$before"
echo "diff-sources: what the changes to sources/ since $(git rev-parse --short "$rev") do to the data"
node bin/iscm.js diff "$before/output" output

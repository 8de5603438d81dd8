#!/usr/bin/env bash
# Fails when committed generated files (payload-types.ts, the admin import map, SQLite
# migrations) no longer match the Payload config. The payload CLI sometimes exits 0 having
# done nothing on Node 20 (see shared/notes/recipe.md), so each step is retried until its
# output proves it ran.
set -uo pipefail
cd "$(dirname "$0")/.."

run_until() { # run_until <proof> <command...>: retry until <proof> (a shell test) holds
  local proof=$1; shift
  for attempt in 1 2 3 4 5 6; do
    "$@" > /tmp/inkwell-generate.log 2>&1
    if eval "$proof"; then return 0; fi
    echo "  (payload CLI did nothing, attempt $attempt; retrying)"
  done
  cat /tmp/inkwell-generate.log
  return 1
}

status=0
check_file() { # check_file <file> <npm script>: compares a fresh copy with the one on disk
  local file=$1 script=$2 kept
  echo "Checking $file is up to date"
  kept=$(mktemp)
  cp "$file" "$kept"
  rm -f "$file"
  run_until "[ -s '$file' ]" npm run --silent "$script" || { cp "$kept" "$file"; return 1; }
  if ! cmp -s "$kept" "$file"; then
    echo "$file is stale: run 'npm run $script' and commit it."
    diff -u "$kept" "$file" | head -20
    status=1
  fi
  cp "$kept" "$file"
}

check_file payload-types.ts generate:types || status=1
check_file 'app/(payload)/admin/importMap.js' generate:importmap || status=1

echo "Checking SQLite migrations match the schema"
before=$(ls migrations/sqlite)
index_kept=$(mktemp)
cp migrations/sqlite/index.ts "$index_kept"
if run_until "grep -q 'DOWN statements generation complete\|Migration created' /tmp/inkwell-generate.log" \
  npm run --silent payload -- migrate:create schema_check --skip-empty; then
  created=$(comm -13 <(echo "$before") <(ls migrations/sqlite))
  if [ -n "$created" ]; then
    echo "The schema changed without a migration: run 'npm run payload -- migrate:create <name>' and commit it."
    for f in $created; do rm -f "migrations/sqlite/$f"; done
    status=1
  fi
else
  status=1
fi
cp "$index_kept" migrations/sqlite/index.ts
exit $status

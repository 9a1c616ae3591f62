#!/usr/bin/env bash
# npm run mutation [-- --mutate <glob>]: Stryker over the engine and the rule book (or the files
# asked), then every file's score against the break threshold (.ci/mutation-files.mjs).
set -uo pipefail
cd "$(dirname "$0")/.."
report=node_modules/.cache/stryker/mutation.json
# The last run's report goes first: a run that stops before writing one has nothing to judge.
rm -f "$report"
npx stryker run .ci/stryker.config.mjs "$@"
stryker=$?
[[ -f $report ]] || exit "$stryker"
node .ci/mutation-files.mjs
files=$?
[[ $stryker -eq 0 && $files -eq 0 ]]

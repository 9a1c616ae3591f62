#!/usr/bin/env bash
# npm run mutation [-- --mutate <files>]: Stryker over the config's scope (or the files asked),
# starting from the committed result (.ci/mutation/incremental.json) and updating it: only the
# mutants whose code or covering tests changed since are tested again. Then the README's table is
# written from that result, and every measured file is judged against the break threshold
# (.ci/mutation-scores.mjs). Commit the result and the README together.
# npm run mutation -- --measured: only the files the result already holds (what CI runs). A file
# no change touched costs nothing but its share of the first test run.
# MUTATION_TIME_LIMIT (a `timeout` duration, e.g. 60m): stop Stryker then, and fail.
set -uo pipefail
cd "$(dirname "$0")/.."
args=("$@")
if [[ ${1-} == --measured ]]; then
  files=$(node .ci/mutation-scores.mjs --measured)
  if [[ -z $files ]]; then
    echo "mutation: the committed result holds no file of the scope; nothing to re-test"
    node .ci/mutation-scores.mjs
    exit
  fi
  args=(--mutate "$files" "${@:2}")
fi
report=node_modules/.cache/stryker/mutation.json
# The last run's report goes first: a run that stops before writing one has nothing to judge.
rm -f "$report"
limit=()
[[ -n ${MUTATION_TIME_LIMIT-} ]] && limit=(timeout --kill-after=60 "$MUTATION_TIME_LIMIT")
"${limit[@]}" node node_modules/@stryker-mutator/core/bin/stryker.js run .ci/stryker.config.mjs "${args[@]}"
stryker=$?
if [[ $stryker -eq 124 ]]; then
  echo "mutation: Stryker stopped after $MUTATION_TIME_LIMIT; run \`npm run mutation\` and commit .ci/mutation/ to bring the result up to date"
fi
# Stryker records the folder it ran in: a machine path, kept out of the committed result.
node -e 'const fs = require("node:fs"); const path = ".ci/mutation/incremental.json"; if (fs.existsSync(path)) { const result = JSON.parse(fs.readFileSync(path, "utf8")); delete result.projectRoot; fs.writeFileSync(path, JSON.stringify(result, null, 2) + "\n"); }'
[[ -f $report ]] || exit "$stryker"
node .ci/mutation-scores.mjs --readme
node .ci/mutation-scores.mjs
files=$?
[[ $stryker -eq 0 && $files -eq 0 ]]

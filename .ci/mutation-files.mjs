// After a mutation run: the score of every file in its report, and exit 1 if any is below the
// break threshold. Stryker's own `break` judges the run as a whole; the engine and the rule book
// are held to it file by file, so a well-tested file cannot hide a poorly tested one.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import config from './stryker.config.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const report = JSON.parse(readFileSync(resolve(root, config.jsonReporter.fileName), 'utf8'));
const minimum = config.thresholds.break;

// As Stryker counts: timeouts kill; compile and runtime errors and disabled mutants do not count.
const detected = new Set(['Killed', 'Timeout']);
const undetected = new Set(['Survived', 'NoCoverage']);
const rows = Object.entries(report.files).map(([file, { mutants }]) => {
  const killed = mutants.filter((mutant) => detected.has(mutant.status)).length;
  const missed = mutants.filter((mutant) => undetected.has(mutant.status)).length;
  const disabled = mutants.filter((mutant) => mutant.status === 'Ignored').length;
  const score = killed + missed === 0 ? 100 : (100 * killed) / (killed + missed);
  return { file, score, killed, missed, disabled };
});
rows.sort((a, b) => a.file.localeCompare(b.file));
const below = rows.filter((row) => row.score < minimum);
for (const row of rows) {
  const mark = row.score < minimum ? '  below' : '';
  console.log(`${row.score.toFixed(2).padStart(6)}%  ${String(row.killed).padStart(4)} killed  ${String(row.missed).padStart(3)} survived  ${String(row.disabled).padStart(3)} equivalent  ${row.file}${mark}`);
}
console.log(below.length === 0 ? `every file at least ${minimum}%` : `${below.length} file(s) below ${minimum}%`);
process.exit(below.length === 0 ? 0 : 1);

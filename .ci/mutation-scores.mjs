// The scores in the committed mutation result (.ci/mutation/incremental.json, which every run of
// `npm run mutation` updates), by file and by folder.
//   node .ci/mutation-scores.mjs             every file's score, then each folder's; exit 1 if a
//                                            measured file is below the break threshold
//   node .ci/mutation-scores.mjs --readme    rewrite the README's table from the result
//   node .ci/mutation-scores.mjs --table     print that table (what the README must hold)
//   node .ci/mutation-scores.mjs --measured  the measured files still in the tree, comma-separated
//                                            (what CI re-tests: `--mutate` for Stryker)
//   --result <file>                          another result (the tests use small ones)
// Stryker's own `break` judges a run as a whole; each file is held to it here, so a well-tested
// file cannot hide a poorly tested one. A file in the mutation scope with no result is listed as
// not measured: its score is unknown, not zero and not passing.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import config from './stryker.config.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const resultAt = args.includes('--result') ? resolve(args[args.indexOf('--result') + 1]) : resolve(root, config.incrementalFile);
const minimum = config.thresholds.break;
const readmePath = join(root, 'README.md');
const tableStart = '<!-- mutation scores: `npm run mutation` writes this table from .ci/mutation/incremental.json -->';
const tableEnd = '<!-- end of mutation scores -->';

// As Stryker counts: timeouts kill; compile and runtime errors and disabled mutants do not count.
const detected = new Set(['Killed', 'Timeout']);
const undetected = new Set(['Survived', 'NoCoverage']);

/** A glob of the config (`*`, `**`, `{a,b}`) as a regular expression over a relative path. */
function globToRegExp(glob) {
  let source = '';
  for (let index = 0; index < glob.length; index += 1) {
    const char = glob[index];
    if (glob.startsWith('**/', index)) {
      source += '(?:.*/)?';
      index += 2;
    } else if (char === '*') source += '[^/]*';
    else if (char === '{') source += '(?:';
    else if (char === '}') source += ')';
    else if (char === ',') source += '|';
    else source += char.replace(/[.+?^$()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}

/** Every file of the tree that the config's `mutate` names (its `!` patterns taken out). */
function scopeFiles() {
  const include = config.mutate.filter((glob) => !glob.startsWith('!')).map(globToRegExp);
  const exclude = config.mutate.filter((glob) => glob.startsWith('!')).map((glob) => globToRegExp(glob.slice(1)));
  const files = readdirSync(join(root, 'src'), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(root, join(entry.parentPath ?? entry.path, entry.name)).split('\\').join('/'));
  return files.filter((file) => include.some((re) => re.test(file)) && !exclude.some((re) => re.test(file))).sort();
}

/** The folder a file's score is counted in: the first two parts of its path (src/render/text/x.ts: src/render). */
function folderOf(file) {
  return file.split('/').slice(0, 2).join('/');
}

/** The folders the config names, in its order. */
function scopeFolders() {
  return [...new Set(config.mutate.filter((glob) => !glob.startsWith('!')).map(folderOf))];
}

function score(killed, missed) {
  return killed + missed === 0 ? 100 : (100 * killed) / (killed + missed);
}

function fileRows(result) {
  return Object.entries(result.files)
    .map(([file, { mutants }]) => {
      const killed = mutants.filter((mutant) => detected.has(mutant.status)).length;
      const missed = mutants.filter((mutant) => undetected.has(mutant.status)).length;
      const disabled = mutants.filter((mutant) => mutant.status === 'Ignored').length;
      return { file: file.split('\\').join('/'), killed, missed, disabled, score: score(killed, missed) };
    })
    .sort((a, b) => a.file.localeCompare(b.file));
}

function folderRows(rows) {
  return scopeFolders().map((folder) => {
    const files = rows.filter((row) => folderOf(row.file) === folder);
    const killed = files.reduce((sum, row) => sum + row.killed, 0);
    const missed = files.reduce((sum, row) => sum + row.missed, 0);
    const disabled = files.reduce((sum, row) => sum + row.disabled, 0);
    const lowest = files.reduce((low, row) => (low === undefined || row.score < low.score ? row : low), undefined);
    return { folder, files: files.length, killed, missed, disabled, score: score(killed, missed), lowest };
  });
}

const percent = (value) => `${value.toFixed(1)}%`;

/** The README's table: one row a folder of the scope, from the result alone. */
function table(rows) {
  const lines = ['| folder | files measured | mutants killed | not killed | marked equivalent | score | lowest file |', '|---|---:|---:|---:|---:|---:|---|'];
  for (const row of folderRows(rows)) {
    lines.push(
      row.files === 0
        ? `| \`${row.folder}\` | 0 | | | | not measured | |`
        : `| \`${row.folder}\` | ${row.files} | ${row.killed} | ${row.missed} | ${row.disabled} | ${percent(row.score)} | \`${row.lowest.file.slice(row.folder.length + 1)}\` ${percent(row.lowest.score)} |`,
    );
  }
  return lines.join('\n');
}

const result = existsSync(resultAt) ? JSON.parse(readFileSync(resultAt, 'utf8')) : { files: {} };
const rows = fileRows(result);

if (args.includes('--table')) {
  console.log(table(rows));
} else if (args.includes('--measured')) {
  const inTree = new Set(scopeFiles());
  console.log(rows.map((row) => row.file).filter((file) => inTree.has(file)).join(','));
} else if (args.includes('--readme')) {
  const readme = readFileSync(readmePath, 'utf8');
  const start = readme.indexOf(tableStart);
  const end = readme.indexOf(tableEnd);
  if (start < 0 || end < start) {
    console.error(`README.md has no mutation table between "${tableStart}" and "${tableEnd}"`);
    process.exit(2);
  }
  writeFileSync(readmePath, `${readme.slice(0, start + tableStart.length)}\n${table(rows)}\n${readme.slice(end)}`);
  console.log('README.md: mutation table written from the result');
} else {
  const measured = new Set(rows.map((row) => row.file));
  const notMeasured = scopeFiles().filter((file) => !measured.has(file));
  const below = rows.filter((row) => row.score < minimum);
  for (const row of rows) {
    const mark = row.score < minimum ? '  below' : '';
    console.log(`${row.score.toFixed(2).padStart(6)}%  ${String(row.killed).padStart(4)} killed  ${String(row.missed).padStart(3)} survived  ${String(row.disabled).padStart(3)} equivalent  ${row.file}${mark}`);
  }
  console.log('');
  for (const row of folderRows(rows)) {
    const files = `${row.files} file(s) measured`;
    console.log(row.files === 0 ? `${row.folder}: not measured` : `${row.folder}: ${percent(row.score)} (${row.killed} killed, ${row.missed} not; ${files}; lowest ${row.lowest.file} ${percent(row.lowest.score)})`);
  }
  if (notMeasured.length > 0) {
    console.log(`\nnot measured (no result yet; \`npm run mutation -- --mutate <file>\` measures one): ${notMeasured.length} file(s)`);
    for (const file of notMeasured) console.log(`  ${file}`);
  }
  console.log(below.length === 0 ? `every measured file at least ${minimum}%` : `${below.length} measured file(s) below ${minimum}%`);
  process.exit(below.length === 0 ? 0 : 1);
}

// npm run bench: start-up, batch throughput, allocation, memory, long schedules and the CDS Hooks service of the built
// CLI, each against a floor measured side by side in the same run: on a shared machine only the
// ratios compare across runs. Inputs go to a temporary folder, never into the repo. Not part of
// the test suite. `--quick` runs a smaller version (for trying a change out).
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeLongTapers } from './long-tapers.js';
import { writeRequests } from './requests.js';
import { serveLines } from './serve.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = join(root, 'bin', 'titrate.js');
const bench = (file) => join(root, 'test', 'bench', file);
const quick = process.argv.includes('--quick');
const settings = quick
  ? { startupRuns: 10, batchLines: 10_000, batchRuns: 1, memoryLines: [10_000, 100_000], taperSteps: [10, 100, 1000], taperStepsPerRun: 20_000 }
  : { startupRuns: 30, batchLines: 100_000, batchRuns: 3, memoryLines: [10_000, 1_000_000], taperSteps: [10, 100, 1000], taperStepsPerRun: 200_000 };

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const grouped = (number) => Math.round(number).toLocaleString('en-US');
const ms = (value) => `${value.toFixed(1)} ms`;
const seconds = (value) => `${(value / 1000).toFixed(2)} s`;
const mb = (kb) => `${(kb / 1024).toFixed(1)} MB`;

/**
 * Runs node with `args` to completion, stdout to /dev/null unless `stdout` names a file; returns
 * its wall time in ms, and with `usage` what test/bench/usage.cjs reports (CPU µs, peak RSS).
 */
function timed(args, { stdinPath, usage = false, env, nodeOptions = [], node = process.execPath } = {}) {
  const stdin = stdinPath ? openSync(stdinPath, 'r') : 'ignore';
  try {
    const argv = [...(usage ? ['--require', bench('usage.cjs')] : []), ...nodeOptions, ...args];
    const start = process.hrtime.bigint();
    const result = spawnSync(node, argv, { stdio: [stdin, 'ignore', 'pipe'], encoding: 'utf8', maxBuffer: 1 << 26, env: env ?? process.env });
    const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
    if (result.status !== 0 && result.status !== 1 && result.status !== 2) throw new Error(`${argv.join(' ')} exited ${result.status}: ${result.stderr}`);
    const report = /bench-usage (\{.*\})/.exec(result.stderr)?.[1];
    if (usage && !report) throw new Error(`no usage report from ${argv.join(' ')}: ${result.stderr}`);
    return { wallMs, ...(report && JSON.parse(report)) };
  } finally {
    if (typeof stdin === 'number') closeSync(stdin);
  }
}

/** Each command once a round, `runs` rounds after `warmUp`: the runs of each, in order. */
function alternate(commands, runs, warmUp = 0) {
  const results = commands.map(() => []);
  for (let round = 0; round < warmUp + runs; round += 1) {
    commands.forEach((command, index) => {
      const result = timed(command.args, command);
      if (round >= warmUp) results[index].push(result);
    });
  }
  return results;
}

const STARTUP_COMMANDS = [
  ['plan --json', ['plan', '--start', '2026-01-05', '--json']],
  ['plan (table)', ['plan', '--start', '2026-01-05']],
  ['taper --json', ['taper', '--from', '20mg tid', '--start', '2026-03-02', '--json']],
  ['check', ['check', '20mg tid']],
  ['rules', ['rules']],
  ['--help', ['--help']],
];

/**
 * Each command right after a run of `node -e 0`, both in `env` and on `node`: the ratio of each
 * pair, so a change in the machine's load between rounds cancels out. The user cache folder is a
 * new one, so the warm-up's first run makes the code cache the measured runs start with.
 */
function startup(env, condition = '', node = process.execPath, version = process.version) {
  const cacheHome = mkdtempSync(join(tmpdir(), 'titrate-bench-cache-'));
  const withCache = { ...env, XDG_CACHE_HOME: cacheHome };
  const lines = [`start-up  Node ${version}: ${condition}wall time after the first run, each command right after node -e 0, median of ${settings.startupRuns} pairs (goal 1.2 or less)`];
  try {
    for (const [name, args] of STARTUP_COMMANDS) {
      const [floors, runs] = alternate([{ args: ['-e', '0'], env: withCache, node }, { args: [bin, ...args], env: withCache, node }], settings.startupRuns, 3);
      const ratios = runs.map((run, index) => run.wallMs / floors[index].wallMs);
      lines.push(`  ${`titrate ${name}`.padEnd(22)} ${ms(median(runs.map((run) => run.wallMs))).padStart(9)}; node -e 0: ${ms(median(floors.map((run) => run.wallMs)))}; ratio ${median(ratios).toFixed(2)}`);
    }
  } finally {
    rmSync(cacheHome, { recursive: true, force: true });
  }
  return lines;
}

/**
 * The other Node lines to measure start-up on: those `npm run test:node -- <line>` installed
 * (.ci/test-node.sh, in ${TITRATE_NODE_CACHE:-~/.cache/titrate-node}/<line>), other than this one.
 */
function otherNodeLines() {
  const cache = process.env.TITRATE_NODE_CACHE ?? join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'titrate-node');
  if (!existsSync(cache)) return [];
  const platform = process.platform === 'win32' ? 'win' : process.platform;
  return readdirSync(cache)
    .filter((line) => /^\d+$/.test(line) && `v${line}` !== process.version.split('.')[0])
    .sort((a, b) => Number(a) - Number(b))
    .map((line) => join(cache, line, 'node_modules', `node-${platform}-${process.arch}`, 'bin', 'node'))
    .filter((node) => existsSync(node))
    .map((node) => ({ node, version: spawnSync(node, ['-v'], { encoding: 'utf8' }).stdout.trim() }));
}

/** Bytes V8 allocated in one run: the sum of what it reports at each collection (--trace-gc-nvp). */
function allocatedBytes(args, stdinPath, outputPath) {
  const stdin = openSync(stdinPath, 'r');
  try {
    const result = spawnSync(process.execPath, ['--trace-gc-nvp', ...args, '-o', outputPath], { stdio: [stdin, 'pipe', 'pipe'], encoding: 'utf8', maxBuffer: 1 << 28 });
    let total = 0;
    for (const match of result.stdout.matchAll(/ allocated=(\d+)/g)) total += Number(match[1]);
    return total;
  } finally {
    closeSync(stdin);
  }
}

/**
 * The batch against two floors, on processing time (each run less a run of the same program on
 * an empty input, so start-up and loading cancel out): the output-aware floor writes titrate's own
 * results, so it does the parsing, serialising and writing any program giving this output must do.
 */
function throughput(dir) {
  const lines = settings.batchLines;
  const requests = join(dir, 'batch.ndjson');
  const empty = join(dir, 'empty.ndjson');
  const results = join(dir, 'results.ndjson');
  writeFileSync(empty, '');
  const titrate = [bin, 'plan', '--ndjson'];
  const floor = [bench('output-floor.js'), results];
  const precomputed = spawnSync(process.execPath, [...titrate, requests, '-o', results], { stdio: 'ignore' });
  if (precomputed.status !== 0 && precomputed.status !== 2) throw new Error(`titrate plan --ndjson exited ${precomputed.status}`);
  const [full, idle, floorFull, floorIdle, passthrough] = alternate(
    [
      { args: titrate, stdinPath: requests, usage: true },
      { args: titrate, stdinPath: empty, usage: true },
      { args: floor, stdinPath: requests, usage: true },
      { args: floor, stdinPath: empty, usage: true },
      { args: [bench('passthrough.js')], stdinPath: requests, usage: true },
    ],
    settings.batchRuns,
  );
  const processing = (runs, idles, key) => median(runs.map((run, index) => run[key] - idles[index][key]));
  const wall = processing(full, idle, 'wallMs');
  const cpuUs = processing(full, idle, 'cpuUs');
  const floorWall = processing(floorFull, floorIdle, 'wallMs');
  const floorCpuUs = processing(floorFull, floorIdle, 'cpuUs');
  const allocated = (allocatedBytes(titrate, requests, join(dir, 'allocated.ndjson')) - allocatedBytes(titrate, empty, join(dir, 'allocated-empty.ndjson'))) / lines;
  const fullWall = median(full.map((run) => run.wallMs));
  const passthroughWall = median(passthrough.map((run) => run.wallMs));
  return [
    `batch     ${grouped(lines)} mixed requests through plan --ndjson, median of ${settings.batchRuns} alternating runs; processing time = each run less its run on an empty input`,
    `  titrate: ${seconds(fullWall)} in all; processing ${seconds(wall)} wall (${grouped(lines / (wall / 1000))} requests/s), ${(cpuUs / lines).toFixed(1)} µs CPU a request (goal 50 or less), ` +
      `${(allocated / 1024).toFixed(1)} KB allocated a request (goal 20 or less)`,
    `  output-aware floor (parse each line, JSON.stringify titrate's result for it, write): processing ${seconds(floorWall)} wall, ${(floorCpuUs / lines).toFixed(1)} µs CPU a line; ` +
      `ratio ${(wall / floorWall).toFixed(2)} wall, ${(cpuUs / floorCpuUs).toFixed(2)} CPU (goal 2.5 or less)`,
    `  pass-through floor (parse and re-serialise each line), whole runs as before: ${seconds(passthroughWall)}; ratio ${(fullWall / passthroughWall).toFixed(2)}`,
  ];
}

/** Peak RSS and the live heap at exit of one batch run. */
function memoryOf(path) {
  return timed([bin, 'plan', '--ndjson', path], { usage: true, nodeOptions: ['--expose-gc'] });
}

async function memory(dir) {
  const [small, large] = settings.memoryLines;
  const figures = [];
  for (const count of [small, large]) {
    const path = join(dir, `memory-${count}.ndjson`);
    await writeRequests(path, count, 11);
    figures.push(memoryOf(path));
    rmSync(path);
  }
  const [a, b] = figures;
  return [
    `memory    peak RSS, plan --ndjson: ${grouped(small)} lines ${mb(a.maxRssKb)}; ${grouped(large)} lines ${mb(b.maxRssKb)}; ratio ${(b.maxRssKb / a.maxRssKb).toFixed(2)} (goal 1.15 or less); ` +
      `live heap at exit ${mb(a.liveHeapKb)} and ${mb(b.liveHeapKb)}`,
  ];
}

/** check of tapers of each length, the same number of steps in all: CPU µs a step, less an empty run. */
function longSchedules(dir) {
  const empty = join(dir, 'empty.ndjson');
  const titrate = [bin, 'check', '--ndjson'];
  const perStep = settings.taperSteps.map((steps) => {
    const path = join(dir, `taper-${steps}.ndjson`);
    writeLongTapers(path, settings.taperStepsPerRun / steps, steps);
    const [full, idle] = alternate([{ args: titrate, stdinPath: path, usage: true }, { args: titrate, stdinPath: empty, usage: true }], settings.batchRuns);
    return median(full.map((run, index) => run.cpuUs - idle[index].cpuUs)) / settings.taperStepsPerRun;
  });
  const shortest = perStep[0];
  return [
    `tapers    check --ndjson of tapers of ${settings.taperSteps.join(', ')} steps (${grouped(settings.taperStepsPerRun)} steps each run): ` +
      `${perStep.map((value) => value.toFixed(2)).join(', ')} µs CPU a step; longest ÷ shortest ${(perStep[perStep.length - 1] / shortest).toFixed(2)} (1 or less: linear)`,
  ];
}

if (!existsSync(join(root, 'dist', 'titrate.cjs'))) {
  console.log('bench: building first (npm run build)');
  spawnSync(process.execPath, [join(root, 'src', 'build', 'bundle.js')], { stdio: 'inherit' });
}
const dir = mkdtempSync(join(tmpdir(), 'titrate-bench-'));
try {
  console.log(
    `titrate bench${quick ? ' (quick)' : ''}: Node ${process.version}, ${process.platform} ${process.arch}, ${availableParallelism()} CPUs (${cpus()[0]?.model.trim() ?? 'unknown'})`,
  );
  // Each Node line: the code cache is made by the first run on each, so a package built on one
  // starts as fast on the others. Node reads the certificates NODE_EXTRA_CA_CERTS names at every
  // start, before any script: a floor that includes them makes titrate's own start-up look
  // smaller. Where it is set (some containers and sandboxes set it for every process), the ratios
  // without it are given too.
  for (const { node, version } of [{ node: process.execPath, version: process.version }, ...otherNodeLines()]) {
    for (const line of startup(process.env, '', node, version)) console.log(line);
    if (process.env.NODE_EXTRA_CA_CERTS) {
      const { NODE_EXTRA_CA_CERTS: _certificates, ...bare } = process.env;
      for (const line of startup(bare, 'without NODE_EXTRA_CA_CERTS (set in this environment): ', node, version)) console.log(line);
    }
  }
  await writeRequests(join(dir, 'batch.ndjson'), settings.batchLines, 5);
  for (const line of throughput(dir)) console.log(line);
  for (const line of await memory(dir)) console.log(line);
  for (const line of longSchedules(dir)) console.log(line);
  for (const line of await serveLines(quick ? 3 : 10)) console.log(line);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

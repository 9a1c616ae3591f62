// npm run bench: start-up, batch throughput and memory of the built CLI, each against a floor
// measured side by side in the same run. Inputs go to a temporary folder, never into the repo.
// Not part of the test suite. `--quick` runs a smaller version (for trying a change out).
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, rmSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeRequests } from './requests.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = join(root, 'bin', 'titrate.js');
const quick = process.argv.includes('--quick');
const settings = quick
  ? { startupRuns: 10, batchLines: 10_000, batchRuns: 1, memoryLines: [10_000, 100_000] }
  : { startupRuns: 30, batchLines: 100_000, batchRuns: 3, memoryLines: [10_000, 1_000_000] };

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const grouped = (number) => Math.round(number).toLocaleString('en-US');
const ms = (value) => `${value.toFixed(1)} ms`;
const seconds = (value) => `${(value / 1000).toFixed(2)} s`;

/** Runs a command to completion with stdout to /dev/null; returns its wall time in ms. */
function timed(args, { stdinPath } = {}) {
  const stdin = stdinPath ? openSync(stdinPath, 'r') : 'ignore';
  try {
    const start = process.hrtime.bigint();
    const result = spawnSync(process.execPath, args, { stdio: [stdin, 'ignore', 'pipe'], encoding: 'utf8' });
    const elapsed = Number(process.hrtime.bigint() - start) / 1e6;
    if (result.status !== 0 && result.status !== 2) throw new Error(`${args.join(' ')} exited ${result.status}: ${result.stderr}`);
    return elapsed;
  } finally {
    if (typeof stdin === 'number') closeSync(stdin);
  }
}

/** Runs each command in turn, `runs` times over, after `warmUp` rounds; returns the times. */
function alternate(commands, runs, warmUp) {
  const times = commands.map(() => []);
  for (let round = 0; round < warmUp + runs; round += 1) {
    commands.forEach((command, index) => {
      const elapsed = timed(command.args, command);
      if (round >= warmUp) times[index].push(elapsed);
    });
  }
  return times;
}

function startup() {
  const [floor, titrate] = alternate(
    [{ args: ['-e', '0'] }, { args: [bin, 'plan', '--start', '2026-01-05', '--json'] }],
    settings.startupRuns,
    3,
  ).map(median);
  return {
    line: `start-up  titrate plan --start 2026-01-05 --json: median ${ms(titrate)}; node -e 0: ${ms(floor)}; ratio ${(titrate / floor).toFixed(2)} (${settings.startupRuns} alternating runs each; goal 1.3 or less)`,
  };
}

function throughput(requests) {
  const [floor, titrate] = alternate(
    [
      { args: [join(root, 'test', 'bench', 'passthrough.js')], stdinPath: requests },
      { args: [bin, 'plan', '--ndjson'], stdinPath: requests },
    ],
    settings.batchRuns,
    0,
  ).map(median);
  const perSecond = settings.batchLines / (titrate / 1000);
  return {
    line:
      `batch     ${grouped(settings.batchLines)} mixed requests through plan --ndjson: ${seconds(titrate)} (${grouped(perSecond)} requests/s); ` +
      `pass-through floor: ${seconds(floor)}; ratio ${(titrate / floor).toFixed(2)} (median of ${settings.batchRuns} alternating runs; goal 3 or less)`,
  };
}

/** Peak RSS in kB of one batch run: GNU time when there is one, else the process's own figure. */
function peakRssKb(requests) {
  const args = [bin, 'plan', '--ndjson', requests];
  const time = '/usr/bin/time';
  const withTime = existsSync(time) && spawnSync(time, ['-v', 'true'], { stdio: 'ignore' }).status === 0;
  const result = withTime
    ? spawnSync(time, ['-v', process.execPath, ...args], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' })
    : spawnSync(process.execPath, ['--require', join(root, 'test', 'bench', 'max-rss.cjs'), ...args], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  const match = /Maximum resident set size \(kbytes\): (\d+)|bench-max-rss-kb=(\d+)/.exec(result.stderr);
  if (!match) throw new Error(`no peak RSS in: ${result.stderr}`);
  return { kb: Number(match[1] ?? match[2]), how: withTime ? '/usr/bin/time -v' : 'process.resourceUsage().maxRSS' };
}

async function memory(dir) {
  const [small, large] = settings.memoryLines;
  const figures = [];
  for (const count of [small, large]) {
    const path = join(dir, `memory-${count}.ndjson`);
    await writeRequests(path, count, 11);
    figures.push(peakRssKb(path));
    rmSync(path);
  }
  const [a, b] = figures;
  const mb = (kb) => `${(kb / 1024).toFixed(1)} MB`;
  return {
    line: `memory    peak RSS, plan --ndjson: ${grouped(small)} lines ${mb(a.kb)}; ${grouped(large)} lines ${mb(b.kb)}; ratio ${(b.kb / a.kb).toFixed(2)} (${a.how}; goal within 10%)`,
  };
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
  console.log(startup().line);
  const requests = join(dir, 'batch.ndjson');
  await writeRequests(requests, settings.batchLines, 5);
  console.log(throughput(requests).line);
  console.log((await memory(dir)).line);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

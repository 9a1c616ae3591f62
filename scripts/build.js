// Builds dist/titrate.cjs, one minified CommonJS bundle of the CLI, and dist/titrate.cjs.cache,
// V8's code cache for it after a warm-up run (bin/titrate.js uses it when it fits).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const require = createRequire(import.meta.url);
const { bundlePath, cachePath, compileBundle } = require('../bin/titrate.js');
const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * Modules that only some commands use become stubs that load them on first use: commander's
 * child_process (only for external subcommands, which titrate has none of), the table renderer
 * and colour (only for table output), v8 (only for batches). Static imports would load them on
 * every start. A module required by CommonJS is stubbed whole; one imported by an ES module, by
 * the named exports titrate uses.
 */
const lazyModules = {
  'node:child_process': { commonjs: true },
  'cli-table3': { commonjs: true },
  chalk: { exports: ['Chalk'] },
  'node:v8': { exports: ['setFlagsFromString'] },
};

function stubSource(id, { commonjs, exports = [] }) {
  const head = `
    let real;
    const load = () => (real ??= require(${JSON.stringify(id)}));
    const lazy = (pick) => new Proxy(function () {}, {
      get: (_, key) => (key === '__esModule' ? undefined : pick()[key]),
      construct: (_, args) => Reflect.construct(pick(), args),
      apply: (_, self, args) => Reflect.apply(pick(), self, args),
    });`;
  if (commonjs) return `${head}\nmodule.exports = lazy(load);`;
  return `${head}\n${exports.map((name) => `export const ${name} = lazy(() => load().${name});`).join('\n')}`;
}

const lazy = {
  name: 'lazy-modules',
  setup(build) {
    const filter = new RegExp(`^(${Object.keys(lazyModules).join('|')})$`);
    // The stub's own require() resolves as usual.
    build.onResolve({ filter }, (args) => (args.namespace === 'lazy' ? undefined : { path: args.path, namespace: 'lazy' }));
    build.onLoad({ filter: /.*/, namespace: 'lazy' }, (args) => ({
      resolveDir: root,
      loader: 'js',
      contents: stubSource(args.path, lazyModules[args.path]),
    }));
  },
};

/**
 * The commands run before the cache is taken, so it holds the code they compile too, not only
 * the top level: the single JSON request that scripts call most (the start-up that counts), a
 * table, and a short batch.
 */
function warmUpCommands(dir) {
  const requests = join(dir, 'requests.ndjson');
  writeFileSync(requests, '{"id":1,"start":"2026-01-05","target":60,"crcl":40,"renalAdjust":true}\n{"start":"2026-02-30"}\n');
  return [
    ['plan', '--start', '2026-01-05', '--json'],
    ['plan', '--start', '2026-01-05', '--target', '20mg qid', '--age', '70', '--weight', '60', '--scr', '1.4', '--sex', 'f'],
    ['plan', '--ndjson', requests],
  ];
}

/** In a child process (stdout ignored): runs the warm-up, then writes the cache on exit. */
function writeCodeCache(buildId) {
  const dir = mkdtempSync(join(tmpdir(), 'titrate-build-'));
  const { script, run } = compileBundle(false);
  for (const argv of warmUpCommands(dir)) {
    process.argv = [process.argv[0], bundlePath, ...argv];
    run();
  }
  process.on('exit', () => {
    rmSync(dir, { recursive: true, force: true });
    writeFileSync(cachePath, Buffer.concat([Buffer.from(`${buildId}\n`, 'latin1'), script.createCachedData()]));
    process.exitCode = 0;
  });
}

if (process.argv[2] === '--code-cache') {
  writeCodeCache(process.argv[3]);
} else {
  const { outputFiles } = await build({
    entryPoints: [join(root, 'src', 'cli', 'main.ts')],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    outfile: bundlePath,
    write: false,
    minify: true,
    legalComments: 'none',
    logLevel: 'warning',
    plugins: [lazy],
  });
  const code = outputFiles[0].text;
  // bin/titrate.js runs the bundle as a vm.Script, which cannot import() a module at run time.
  if (/\bimport\(/.test(code)) throw new Error('build: the bundle has a dynamic import() of an external module');
  // The id ties the cache to this bundle (V8 itself compares only the source's length).
  const buildId = createHash('sha256').update(code).digest('hex').slice(0, 16);
  rmSync(cachePath, { force: true });
  mkdirSync(dirname(bundlePath), { recursive: true });
  writeFileSync(bundlePath, `${code}//# titrate-build=${buildId}\n`);
  const warm = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--code-cache', buildId], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (warm.status !== 0) console.warn('build: no code cache (the CLI works without it, only starts slower)');
}

// `npm run build` (and so `npm ci`, via prepare). Builds dist/titrate.cjs, one minified bundle of
// the CLI (as the CommonJS module function bin/titrate.js calls), and in dist/code-cache V8's code
// caches for it, each made after running the commands it serves (bin/titrate.js uses the one for
// the command line it runs, when it fits); and the library: dist/lib/index.js (ES module),
// dist/lib/index.cjs (CommonJS) and its types in dist/types.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import ts from 'typescript';

const require = createRequire(import.meta.url);
const { bundlePath, cacheFolder, cachePathOf, CACHE_KEYS, compileBundle, MODULE_HEAD, MODULE_TAIL } = require('../../bin/titrate.js');
const root = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Modules that only some commands use become stubs that load them on first use: commander's
 * child_process (only for external subcommands, which titrate has none of), colour (only for
 * table output), v8 and perf_hooks (only for batches), tty (only to ask whether a stream is a terminal; it
 * loads node:net), fs/promises (only for --output; it loads Node's streams). Static imports would load them on every start. A module required by CommonJS is stubbed whole; one imported by an ES module, by
 * the named exports titrate uses (and whole as its default export where one imports it so).
 */
const lazyModules = {
  'node:child_process': { commonjs: true },
  chalk: { exports: ['Chalk'] },
  'node:v8': { exports: ['getHeapSpaceStatistics', 'setFlagsFromString'] },
  'node:perf_hooks': { exports: ['PerformanceObserver'] },
  // chalk's colour detection imports the module whole; titrate imports isatty.
  'node:tty': { exports: ['isatty'], whole: true },
  'node:fs/promises': { exports: ['rename', 'rm', 'writeFile'] },
};

function stubSource(id, { commonjs, exports = [], whole = false }) {
  const head = `
    let real;
    const load = () => (real ??= require(${JSON.stringify(id)}));
    const lazy = (pick) => new Proxy(function () {}, {
      get: (_, key) => (key === '__esModule' ? undefined : pick()[key]),
      construct: (_, args) => Reflect.construct(pick(), args),
      apply: (_, self, args) => Reflect.apply(pick(), self, args),
    });`;
  if (commonjs) return `${head}\nmodule.exports = lazy(load);`;
  const named = exports.map((name) => `export const ${name} = lazy(() => load().${name});`);
  return [head, ...named, ...(whole ? ['export default lazy(load);'] : [])].join('\n');
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
 * What runs before each cache is taken, so it holds the code those commands compile, not only the
 * top level: for requests, a plan as JSON (what scripts call most) and as a table, a taper and a
 * check; for the rest, the program's help and the rules. No more: a cache of every command's
 * code took longer to read than the code it spared compiling, and the package stays small. Not a
 * batch: it runs long enough not to need the cache, and it sets a V8 flag, which would tie the
 * cache to that flag (V8 rejects a cache made under other flags).
 */
const warmUps = {
  requests: [
    ['plan', '--start', '2026-01-05', '--json'],
    ['plan', '--start', '2026-01-05', '--target', '20mg qid', '--age', '70', '--weight', '60', '--scr', '1.4', '--sex', 'f'],
    ['taper', '--from', '20mg tid', '--start', '2026-03-02', '--json'],
    ['check', '20mg tid'],
  ],
  default: [['--help'], ['rules']],
};

/** In a child process (stdout ignored): runs the warm-up for `key`, then writes its cache on exit. */
function writeCodeCache(buildId, key) {
  const { script, run } = compileBundle(false);
  for (const argv of warmUps[key]) {
    process.argv = [process.argv[0], bundlePath, ...argv];
    run();
  }
  process.on('exit', () => {
    writeFileSync(cachePathOf(key), Buffer.concat([Buffer.from(`${buildId}\n`, 'latin1'), script.createCachedData()]));
    process.exitCode = 0;
  });
}

/** In a child process: whether V8 takes the package's cache for `key` as bin/titrate.js offers it to Node run without flags (exit 0). */
function checkCodeCache(key) {
  process.exitCode = compileBundle(true, key, '').script.cachedDataRejected === false ? 0 : 1;
}

/**
 * The library (src/index.ts), bundled with what it uses so it needs no runtime dependency: an ES
 * module and a CommonJS build, and type declarations. It carries nothing of the CLI.
 */
async function buildLibrary() {
  const libDir = join(root, 'dist', 'lib');
  rmSync(libDir, { recursive: true, force: true });
  for (const [format, file] of [['esm', 'index.js'], ['cjs', 'index.cjs']]) {
    await build({
      entryPoints: [join(root, 'src', 'index.ts')],
      bundle: true,
      platform: 'node',
      target: 'node20',
      format,
      outfile: join(libDir, file),
      // A CommonJS dependency's require() of a Node built-in still works in the ES module build.
      ...(format === 'esm' && { banner: { js: "import { createRequire as __titrateRequire } from 'node:module'; const require = __titrateRequire(import.meta.url);" } }),
      minify: true,
      legalComments: 'none',
      logLevel: 'warning',
    });
  }
  const typesDir = join(root, 'dist', 'types');
  rmSync(typesDir, { recursive: true, force: true });
  const program = ts.createProgram([join(root, 'src', 'index.ts')], {
    declaration: true,
    emitDeclarationOnly: true,
    outDir: typesDir,
    rootDir: join(root, 'src'),
    strict: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    types: ['node'],
    skipLibCheck: true,
  });
  const { diagnostics } = program.emit();
  if (diagnostics.length > 0) throw new Error(`build: type declarations: ${ts.formatDiagnostics(diagnostics, ts.createCompilerHost({}))}`);
}

if (process.argv[2] === '--code-cache') {
  writeCodeCache(process.argv[3], process.argv[4]);
} else if (process.argv[2] === '--check-code-cache') {
  checkCodeCache(process.argv[3]);
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
  // esbuild escapes every non-ASCII character but those in regular expression literals (escaped,
  // a pattern's `source` reads differently; titrate never reads it). Escaped here too, the bundle
  // is ASCII: bin/titrate.js reads it as Latin-1 and V8 keeps it one byte a character, half the
  // memory to read and compile (each page of memory touched costs start-up time).
  const code = outputFiles[0].text.replace(/[^\x00-\x7f]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
  // bin/titrate.js runs the bundle as a vm.Script, which cannot import() a module at run time.
  if (/\bimport\(/.test(code)) throw new Error('build: the bundle has a dynamic import() of an external module');
  // The id ties the cache to this bundle (V8 itself compares only the source's length).
  const buildId = createHash('sha256').update(code).digest('hex').slice(0, 16);
  rmSync(cacheFolder, { recursive: true, force: true });
  mkdirSync(cacheFolder, { recursive: true });
  writeFileSync(bundlePath, `${MODULE_HEAD}${code}${MODULE_TAIL}\n//# titrate-build=${buildId}\n`);
  await buildLibrary();
  const self = fileURLToPath(import.meta.url);
  // Without the flags of this build's own Node (NODE_OPTIONS): the package's cache is for Node run
  // as is; bin/titrate.js makes one per flag set for the rest.
  const plain = { ...process.env, NODE_OPTIONS: '' };
  for (const key of CACHE_KEYS) {
    const made = spawnSync(process.execPath, [self, '--code-cache', buildId, key], { stdio: ['ignore', 'ignore', 'inherit'], env: plain }).status === 0;
    const taken = made && spawnSync(process.execPath, [self, '--check-code-cache', key], { stdio: 'inherit', env: plain }).status === 0;
    if (!taken) console.warn(`build: ${made ? `V8 rejects the ${key} code cache` : `no ${key} code cache`}; titrate works without it, only starts slower`);
  }
}

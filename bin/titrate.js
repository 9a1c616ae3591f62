#!/usr/bin/env node
'use strict';
// Starts the built CLI (dist/titrate.cjs) with a V8 code cache, so a call skips parsing and
// compiling. A cache holds the code the commands run to make it compiled: the request commands
// (plan, taper, check, missed) share one, and any other command line takes the default one (the
// program's help, rules): a cache of every command's code took longer to read than its extra
// code saves. `npm run build` leaves them, for Node run as is, in dist/code-cache. V8 rejects a
// cache made under other V8 flags, and NODE_OPTIONS often carries one (--max-old-space-size in
// containers and CI): under flags, the caches are one per flag set, made by the first run under
// them and kept in the user's cache folder ($XDG_CACHE_HOME/titrate, or ~/.cache/titrate), never
// in the package. A cache that is missing, made for another build (checked here) or rejected by
// V8 is passed over and the bundle compiles as usual: which cache a command line gets changes its
// speed, never its output. CommonJS (bin/package.json): an ES module entry costs Node 20 its ESM
// loader on every start.
const { mkdirSync, readFileSync, renameSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { Script } = require('node:vm');

const bundlePath = join(__dirname, '..', 'dist', 'titrate.cjs');
const cacheFolder = join(__dirname, '..', 'dist', 'code-cache');

/** The commands that take the requests cache (the build says what it runs to make each cache). */
const REQUEST_COMMANDS = ['plan', 'taper', 'check', 'missed'];
const CACHE_KEYS = ['requests', 'default'];
/** The cache a command line takes. */
function cacheKeyOf(argv) {
  return REQUEST_COMMANDS.includes(argv.find((arg) => !arg.startsWith('-'))) ? 'requests' : 'default';
}
/** Where the package keeps the cache for a key, made for Node run without flags. */
const cachePathOf = (key) => join(cacheFolder, `${key}.cache`);
/**
 * The build writes the bundle already wrapped as the CommonJS module function this file calls,
 * so it is compiled as read (no second copy of it to make), and only in ASCII, so it is read as
 * one byte a character; then it appends a build id: `\n//# titrate-build=<16 hex digits>\n`.
 */
const MODULE_HEAD = '(function (exports, require, module, __filename, __dirname) {';
const MODULE_TAIL = '\n})';
const BUILD_ID = /\/\/# titrate-build=([0-9a-f]{16})\n$/;

/** Node's own options that name code or files to load: they do not touch V8's flags. */
const LOADING = new Set(['--eval', '--print', '--require', '--import', '--input-type', '--loader', '--experimental-loader']);

/**
 * The flags this Node runs under that V8 may tie a code cache to: the long options of its command
 * line and of NODE_OPTIONS (a value given apart, `-e <code>`, is not one).
 */
function runtimeFlags() {
  return [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)]
    .filter((arg) => arg.startsWith('--') && !LOADING.has(arg.split('=')[0]))
    .join(' ');
}

/** FNV-1a: a short, stable name for a flag set (not a security measure). */
function nameOf(text) {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) hash = Math.imul(hash ^ text.charCodeAt(index), 0x01000193) >>> 0;
  return hash.toString(16).padStart(8, '0');
}

/** Where the cache for this build, key and flags lives: the package's own without flags. */
function cacheFor(id, key, flags) {
  if (flags === '') return { path: cachePathOf(key), own: true };
  // node:os only here: loading it costs every start, and only runs under flags need it.
  const folder = join(process.env.XDG_CACHE_HOME || join(require('node:os').homedir(), '.cache'), 'titrate');
  return { path: join(folder, `${id}-${key}-${process.version}-${nameOf(flags)}.cache`), own: false };
}

/** The cache's V8 data when it was made for this very bundle, else undefined. */
function cachedDataFrom(path, id) {
  try {
    const cache = readFileSync(path);
    return cache.toString('latin1', 0, 17) === `${id}\n` ? cache.subarray(17) : undefined;
  } catch {
    return undefined;
  }
}

/** Writes a cache whole or not at all; a folder that cannot be written to only costs speed. */
function keepCache(path, id, script) {
  try {
    mkdirSync(join(path, '..'), { recursive: true });
    const temporary = `${path}.${process.pid}.tmp`;
    writeFileSync(temporary, Buffer.concat([Buffer.from(`${id}\n`, 'latin1'), script.createCachedData()]));
    renameSync(temporary, path);
  } catch {
    // No cache this time.
  }
}

/**
 * The bundle compiled as a CommonJS module function, using the cache for `key` when it fits.
 * `useCache` false compiles without one (the build's warm-up, which makes the package's caches).
 */
function compileBundle(useCache = true, key = cacheKeyOf(process.argv.slice(2)), flags = runtimeFlags()) {
  const source = readFileSync(bundlePath, 'latin1');
  const id = BUILD_ID.exec(source.slice(-40))?.[1];
  const cache = id && useCache ? cacheFor(id, key, flags) : undefined;
  const cachedData = cache && cachedDataFrom(cache.path, id);
  const script = new Script(source, {
    filename: bundlePath,
    ...(cachedData && { cachedData }),
  });
  const run = () => {
    const module = { exports: {} };
    script.runInThisContext().call(module.exports, module.exports, require, module, bundlePath, join(__dirname, '..', 'dist'));
  };
  // Under flags with no cache that V8 takes, this run makes one for the next (once the command
  // has run, so it holds the code the command compiled).
  const makesCache = cache !== undefined && !cache.own && (cachedData === undefined || script.cachedDataRejected === true);
  return { script, run, keep: makesCache ? () => keepCache(cache.path, id, script) : undefined };
}

function start() {
  let bundle;
  try {
    bundle = compileBundle();
  } catch (error) {
    if (error.code !== 'ENOENT') throw error;
    process.stderr.write('titrate: dist/titrate.cjs is missing: run npm run build (npm ci runs it)\n');
    process.exitCode = 3;
    return;
  }
  if (bundle.keep) process.once('exit', bundle.keep);
  bundle.run();
}

if (require.main === module) start();
else module.exports = { compileBundle, bundlePath, cacheFolder, cachePathOf, CACHE_KEYS, MODULE_HEAD, MODULE_TAIL };

#!/usr/bin/env node
'use strict';
// Starts the built CLI (dist/titrate.cjs) with a V8 code cache, so a call skips parsing and
// compiling. A code cache fits only the Node version (and V8 flags) that made it, so the package
// ships none: the first run of a command on a Node version and flag set keeps one, made once the
// command has run (so it holds the code the command compiled), in the user's cache folder
// ($XDG_CACHE_HOME/titrate, or ~/.cache/titrate), never in the package; later runs start with it.
// Each request command (plan, taper, check, missed) keeps its own cache, every other command line
// takes the default one (help, rules): a cache holds the code the command that made it compiled,
// so a shared one made by plan left taper and check compiling their own code on every run, and
// a cache of every command's code took longer to read than its extra code saves. A cache that is missing, made for another build (checked here) or
// rejected by V8 is passed over and the bundle compiles as usual, and a folder that cannot be
// written only costs speed: which cache a command line gets changes its speed, never its output.
// CommonJS (bin/package.json): an ES module entry costs Node 20 its ESM loader on every start.
const { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { Script } = require('node:vm');

const bundlePath = join(__dirname, '..', 'dist', 'titrate.cjs');

/** The commands that keep a cache of their own. */
const REQUEST_COMMANDS = ['plan', 'taper', 'check', 'missed'];
/** The cache a command line takes: its request command's, or the default one. */
function cacheKeyOf(argv) {
  const command = argv.find((arg) => !arg.startsWith('-'));
  return REQUEST_COMMANDS.includes(command) ? command : 'default';
}
/** How many caches the folder keeps (builds, Node versions, flag sets): the oldest go first. */
const KEPT_CACHES = 24;
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

/** The user's cache folder for titrate. */
function cacheFolder() {
  // node:os only without HOME: loading it costs every start.
  const home = process.env.HOME || require('node:os').homedir();
  return join(process.env.XDG_CACHE_HOME || join(home, '.cache'), 'titrate');
}

/** Where the cache for this build, key, Node version and flags lives. */
function cachePathFor(id, key, flags) {
  return join(cacheFolder(), `${id}-${key}-${process.version}-${nameOf(flags)}.cache`);
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

/** Removes the oldest caches past KEPT_CACHES, so builds and Node versions gone by do not pile up. */
function pruneCaches(folder) {
  const caches = readdirSync(folder)
    .filter((name) => name.endsWith('.cache'))
    .map((name) => ({ path: join(folder, name), modifiedMs: statSync(join(folder, name)).mtimeMs }))
    .sort((a, b) => b.modifiedMs - a.modifiedMs);
  for (const { path } of caches.slice(KEPT_CACHES)) rmSync(path, { force: true });
}

/** Writes a cache whole or not at all; a folder that cannot be written to only costs speed. */
function keepCache(path, id, script) {
  try {
    const folder = join(path, '..');
    mkdirSync(folder, { recursive: true });
    const temporary = `${path}.${process.pid}.tmp`;
    writeFileSync(temporary, Buffer.concat([Buffer.from(`${id}\n`, 'latin1'), script.createCachedData()]));
    renameSync(temporary, path);
    pruneCaches(folder);
  } catch {
    // No cache this time.
  }
}

/**
 * The bundle compiled as a CommonJS module function, using the cache for `key` when it fits;
 * `keep`, when set, writes a cache for the next run (call it once the command has run).
 */
function compileBundle(key = cacheKeyOf(process.argv.slice(2)), flags = runtimeFlags()) {
  const source = readFileSync(bundlePath, 'latin1');
  const id = BUILD_ID.exec(source.slice(-40))?.[1];
  const path = id && cachePathFor(id, key, flags);
  const cachedData = path && cachedDataFrom(path, id);
  const script = new Script(source, {
    filename: bundlePath,
    ...(cachedData && { cachedData }),
  });
  const run = () => {
    const module = { exports: {} };
    script.runInThisContext().call(module.exports, module.exports, require, module, bundlePath, join(__dirname, '..', 'dist'));
  };
  const makesCache = path !== undefined && (cachedData === undefined || script.cachedDataRejected === true);
  return { script, run, keep: makesCache ? () => keepCache(path, id, script) : undefined };
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
else module.exports = { compileBundle, bundlePath, cachePathFor, MODULE_HEAD, MODULE_TAIL };

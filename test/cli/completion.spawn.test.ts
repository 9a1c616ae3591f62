import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { interactionNames } from '../../src/protocol/products.js';
import { formatsFor } from '../../src/render/formats/index.js';
import { runCli } from '../helpers/run-cli.js';

// The completion scripts, loaded into the real shells (.ci/run installs zsh and fish), completing
// what a user would type. Expected candidates come from the program's own help, not from the
// generator, so a generator that drops an option fails here.

const bin = join(import.meta.dirname, '..', '..', 'bin', 'titrate.js');
const scratch = mkdtempSync(join(tmpdir(), 'titrate-completion-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const SHELL_MS = 60_000;

const scriptFor = (shell: string): string => {
  const result = spawnSync(process.execPath, [bin, 'completion', shell], { encoding: 'utf8' });
  expect(result.status).toBe(0);
  const path = join(scratch, `titrate.${shell}`);
  writeFileSync(path, result.stdout);
  return path;
};

let bashScript = '';
let fishScript = '';
let zshScript = '';
beforeAll(() => {
  bashScript = scriptFor('bash');
  fishScript = scriptFor('fish');
  zshScript = scriptFor('zsh');
}, SHELL_MS);

/** What bash completes for the words typed so far (the last word is the one being completed). */
function bashComplete(...typed: string[]): string[] {
  const words = typed.map((word) => `'${word}'`).join(' ');
  const program = `source '${bashScript}'; COMP_WORDS=(${words}); COMP_CWORD=${typed.length - 1}; _titrate_completion; printf '%s\\n' "\${COMPREPLY[@]}"`;
  const result = spawnSync('bash', ['--norc', '--noprofile', '-c', program], { encoding: 'utf8' });
  expect(result.stderr).toBe('');
  return result.stdout.split('\n').filter(Boolean).sort();
}

function fishComplete(line: string): string[] {
  const result = spawnSync('fish', ['--no-config', '-c', `source '${fishScript}'; complete -C '${line}'`], { encoding: 'utf8' });
  expect(result.stderr).toBe('');
  return result.stdout
    .split('\n')
    .filter(Boolean)
    .map((candidate) => candidate.split('\t')[0] ?? '')
    .sort();
}

/** A command's long options, read from its --help as a user would. */
async function longOptions(command: string): Promise<string[]> {
  const help = (await runCli([command, '--help'], { env: { COLUMNS: '200' } })).stdout;
  return [...help.matchAll(/^ {2}(?:-\w, )?(--[\w-]+)/gm)].map((match) => match[1] ?? '').sort();
}

const commands = ['plan', 'taper', 'check', 'missed', 'rules', 'protocols', 'schema', 'completion', 'help'];

describe('bash', () => {
  it(
    'titrate pl<TAB> completes plan; titrate plan --fo<TAB> offers --form and --format',
    () => {
      expect(bashComplete('titrate', 'pl')).toEqual(['plan']);
      expect(bashComplete('titrate', 'plan', '--fo')).toEqual(['--form', '--format']);
    },
    SHELL_MS,
  );

  it(
    'offers every command, and every option of each command as its help lists them',
    async () => {
      expect(bashComplete('titrate', '')).toEqual(expect.arrayContaining(commands));
      for (const command of ['plan', 'taper', 'check', 'missed', 'rules', 'protocols']) {
        expect(bashComplete('titrate', command, '--').filter((word) => word.startsWith('--')), command).toEqual(
          expect.arrayContaining(await longOptions(command)),
        );
      }
    },
    SHELL_MS,
  );

  it(
    "an option's choices: the formats each command has, the forms, the shells",
    () => {
      expect(bashComplete('titrate', 'plan', '--format', '')).toEqual(formatsFor('schedule').map((format) => format.name).sort());
      expect(bashComplete('titrate', 'check', '--format', '')).toEqual(formatsFor('check').map((format) => format.name).sort());
      expect(bashComplete('titrate', 'taper', '--form', 'sol')).toEqual(['solution-1', 'solution-2']);
      expect(bashComplete('titrate', 'completion', '')).toEqual(['bash', 'fish', 'zsh']);
      expect(bashComplete('titrate', 'protocols', '--format', '')).toEqual(formatsFor('protocols').map((format) => format.name).sort());
      expect(bashComplete('titrate', 'pro')).toEqual(['protocols']);
      // A value with nothing to offer completes nothing (not the options).
      expect(bashComplete('titrate', 'plan', '--start', '')).toEqual([]);
    },
    SHELL_MS,
  );
});

/** What bash completes, run in a folder with one .json file and one folder. */
function bashCompleteIn(folder: string, ...typed: string[]): string[] {
  const words = typed.map((word) => `'${word}'`).join(' ');
  const program = `cd '${folder}'; source '${bashScript}'; COMP_WORDS=(${words}); COMP_CWORD=${typed.length - 1}; _titrate_completion; printf '%s\\n' "\${COMPREPLY[@]}"`;
  const result = spawnSync('bash', ['--norc', '--noprofile', '-c', program], { encoding: 'utf8' });
  expect(result.stderr).toBe('');
  return result.stdout.split('\n').filter(Boolean).sort();
}

const requestNames = ['check', 'missed', 'plan', 'taper'];
const files = join(scratch, 'files');
beforeAll(() => {
  spawnSync('mkdir', ['-p', join(files, 'plans')]);
  writeFileSync(join(files, 'schedule.json'), '{}');
}, SHELL_MS);

describe('every value and argument that has something to offer (bash)', () => {
  it(
    '--with offers the interaction names; --tz the zones and floating; --weight and --height nothing (not bare units)',
    () => {
      expect(bashComplete('titrate', 'plan', '--with', '')).toEqual([...interactionNames].sort());
      expect(bashComplete('titrate', 'taper', '--tz', 'Europe/Lo')).toEqual(['Europe/London']);
      expect(bashComplete('titrate', 'plan', '--tz', 'flo')).toEqual(['floating']);
      expect(bashComplete('titrate', 'plan', '--weight', '')).toEqual([]);
      expect(bashComplete('titrate', 'check', '--height', '')).toEqual([]);
    },
    SHELL_MS,
  );

  it(
    'check <file> and check --file, missed --plan and schema --to complete file names; schema <command> the commands',
    () => {
      for (const typed of [['check', ''], ['check', '--file', ''], ['missed', '--plan', ''], ['schema', 'plan', '--to', '']]) {
        expect(bashCompleteIn(files, 'titrate', ...typed), typed.join(' ')).toEqual(['plans', 'schedule.json']);
      }
      expect(bashComplete('titrate', 'schema', '')).toEqual(requestNames);
    },
    SHELL_MS,
  );
});

describe('fish', () => {
  it(
    '--with, --tz, --weight, check <file>, schema <command>',
    () => {
      expect(fishComplete('titrate plan --with ')).toEqual([...interactionNames].sort());
      expect(fishComplete('titrate plan --tz Europe/Lo')).toEqual(['Europe/London']);
      expect(fishComplete('titrate plan --weight ')).toEqual([]);
      expect(fishComplete('titrate schema ').filter((word) => !word.startsWith('-'))).toEqual(requestNames);
      const inFolder = spawnSync('fish', ['--no-config', '-c', `cd '${files}'; source '${fishScript}'; complete -C 'titrate check '`], { encoding: 'utf8' });
      expect(inFolder.stdout.split('\n').map((line) => line.split('\t')[0])).toEqual(expect.arrayContaining(['schedule.json', 'plans/']));
    },
    SHELL_MS,
  );

  it(
    'titrate pl<TAB> completes plan; titrate plan --fo<TAB> offers --form and --format; --format offers the formats',
    () => {
      expect(fishComplete('titrate pl')).toEqual(['plan']);
      expect(fishComplete('titrate pro')).toEqual(['protocols']);
      expect(fishComplete('titrate plan --fo')).toEqual(['--form', '--format']);
      expect(fishComplete('titrate plan --format ')).toEqual(formatsFor('schedule').map((format) => format.name).sort());
    },
    SHELL_MS,
  );
});

describe('zsh', () => {
  it(
    'the script parses, and names every command and option',
    async () => {
      const result = spawnSync('zsh', ['-n', zshScript], { encoding: 'utf8' });
      expect(result.status).toBe(0);
      expect(result.stderr).toBe('');
      const script = spawnSync('cat', [zshScript], { encoding: 'utf8' }).stdout;
      for (const command of commands) expect(script).toContain(`'${command}:`);
      for (const option of await longOptions('plan')) expect(script).toContain(`'${option}[`);
      expect(script).toContain(`:--with:(${interactionNames.join(' ')})'`);
      expect(script).toMatch(/'--tz\[[^\]]*\]:--tz:\(floating [^)]*Europe\/London /);
      expect(script).toMatch(/'--weight\[[^\]]*\]:--weight: '/);
      expect(script).toContain(`'1:argument:(${['plan', 'taper', 'check', 'missed'].join(' ')})'`);
      expect(script).toMatch(/ {8}check\)\n(?:.*\n)*? {12}'1:argument:_files'/);
    },
    SHELL_MS,
  );
});

describe('titrate completion', () => {
  it('an unknown shell is a usage error', async () => {
    const result = await runCli(['completion', 'powershell']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/Allowed choices are bash, zsh, fish/);
  });
});

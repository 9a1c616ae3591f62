import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultProfileId, everyProfile, profileIds } from '../../src/protocol/profiles.js';
import { sources } from '../../src/protocol/source-documents.js';

// `titrate protocols` on the real, built executable: every profile the data defines (a profile
// added to src/protocol/profiles.ts is listed without a change to the command), with its scope and
// the documents its values are traced to.

const bin = join(import.meta.dirname, '..', '..', 'bin', 'titrate.js');
const SPAWNS_MS = 60_000;

function titrate(args: readonly string[]) {
  return spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', COLUMNS: '100' } });
}

interface ProfileJson {
  profile: string;
  id: string;
  default: boolean;
  scope: string;
  sources: string[];
}

describe('titrate protocols', () => {
  it(
    '--json lists every profile by the id --protocol takes, the default marked, each with its scope and sources; every source cited is listed',
    () => {
      const result = titrate(['protocols', '--json']);
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      const json = JSON.parse(result.stdout) as { kind: string; profiles: ProfileJson[]; sources: Record<string, { title: string }> };
      expect(json.kind).toBe('protocols');
      expect(json.profiles.map((profile) => profile.profile)).toEqual(profileIds);
      expect(json.profiles.filter((profile) => profile.default).map((profile) => profile.profile)).toEqual([defaultProfileId]);
      for (const [index, profile] of json.profiles.entries()) {
        const data = everyProfile[index];
        expect(profile.id).toBe(data?.protocol.id);
        expect(profile.scope).toBe(data?.protocol.scope);
        // Its maximum's sources are among the profile's: a profile's sources are its own values'.
        expect(profile.sources).toEqual(expect.arrayContaining([...(data?.protocol.maxDailyMg.sources ?? [])]));
        for (const key of profile.sources) expect(json.sources[key]?.title, key).toBe(sources[key as keyof typeof sources].title);
      }
      expect(json.profiles.find((profile) => profile.profile === 'uk-smpc')?.sources).toEqual(expect.arrayContaining(['UK2', 'UK5']));
      expect(json.profiles.find((profile) => profile.profile === 'us-label')?.sources).not.toContain('UK2');
    },
    SPAWNS_MS,
  );

  it(
    'the table names each profile, its scope and its sources, and lists each source with its address',
    () => {
      const result = titrate(['protocols']);
      expect(result.status).toBe(0);
      expect(result.stderr).toBe('');
      const text = result.stdout.replace(/\s+/g, ' ');
      for (const { protocol } of everyProfile) {
        expect(text).toContain(`${protocol.profile}${protocol.profile === defaultProfileId ? ' (default)' : ''}: ${protocol.title}`);
        expect(text).toContain(`scope: ${protocol.scope}`);
      }
      expect(text).toContain(`UK2 ${sources.UK2.citation} ${sources.UK2.url}`);
      expect(text).toMatch(/Draft for a clinician to confirm/);
    },
    SPAWNS_MS,
  );

  it(
    "titrate's help lists the command",
    () => {
      const help = titrate(['--help']).stdout;
      expect(help).toMatch(/^ {2}protocols \[options\] +list the protocol profiles --protocol takes/m);
      expect(titrate(['protocols', '--help']).stdout).toContain('titrate protocols --json');
    },
    SPAWNS_MS,
  );
});

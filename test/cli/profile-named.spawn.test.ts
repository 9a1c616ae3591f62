import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatsFor } from '../../src/render/formats/index.js';

// Every output names the profile it was made under (issue 28, CLI and library): JSON always;
// a chosen profile also in every text format but CSV (a header line only, so no place for it).
// The default's text outputs read as before profiles existed (its golden files are unchanged).
// On the real, built executable.

const bin = join(import.meta.dirname, '..', '..', 'bin', 'titrate.js');
const SPAWNS_MS = 120_000;

function titrate(args: readonly string[]) {
  return spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', COLUMNS: '100' } });
}

const UK = /uk-smpc/;
const outputs = (argv: readonly string[], kind: 'schedule' | 'check') =>
  formatsFor(kind)
    .filter((format) => format.name !== 'csv')
    .map((format) => {
      const result = titrate([...argv, '--format', format.name, ...(format.reads?.includes('timeZone') ? ['--tz', 'Europe/London'] : [])]);
      expect(result.stderr, format.name).toBe('');
      return { format: format.name, text: result.stdout };
    });

describe('every output names its profile', () => {
  it(
    'a plan, a taper (and its stop), a check and missed-dose advice under uk-smpc name it in every format but CSV; us-label text outputs do not',
    () => {
      const plan = ['plan', '--start', '2026-01-05', '--target', '30'];
      const taper = ['taper', '--from', '20mg tid', '--start', '2026-03-02'];
      const check = ['check', '20mg tid'];
      const missed = ['missed', '--times', '08:00,20:00', '--missed', '08:00', '--now', '09:00'];
      const named = [
        ...outputs([...plan, '--protocol', 'uk-smpc'], 'schedule'),
        ...outputs([...taper, '--protocol', 'uk-smpc'], 'schedule'),
        ...outputs([...check, '--protocol', 'uk-smpc'], 'check'),
        ...['table', 'json'].map((format) => ({ format: `missed ${format}`, text: titrate([...missed, '--protocol', 'uk-smpc', '--format', format]).stdout })),
      ];
      expect(named.length).toBe(2 * 7 + 3 + 2);
      for (const { format, text } of named) expect(text, format).toMatch(UK);
      // Where a sentence names it: the handouts, each calendar event, the FHIR note, the advice.
      for (const { format, text } of named.filter((item) => ['html', 'handout-md', 'fhir', 'missed table'].includes(item.format))) expect(text, format).toContain('Protocol profile: UK SmPC (uk-smpc)');
      const ics = named.find((item) => item.format === 'ics')?.text ?? '';
      const events = ics.split('BEGIN:VEVENT').slice(1);
      expect(events.length).toBeGreaterThan(1);
      for (const event of events) expect(event.replace(/\r\n /g, '')).toContain('Protocol profile: UK SmPC (uk-smpc).');
      const missedJson = JSON.parse(titrate([...missed, '--protocol', 'uk-smpc', '--json']).stdout);
      expect(missedJson.protocol).toBe('baclofen-oral-uk-smpc');

      const plain = [...outputs(plan, 'schedule'), ...outputs(check, 'check'), { format: 'missed table', text: titrate(missed).stdout }];
      for (const { format, text } of plain.filter((item) => item.format !== 'json' && item.format !== 'fhir')) expect(text, format).not.toMatch(/us-label|Protocol profile/);
      expect(JSON.parse(titrate([...missed, '--json']).stdout).protocol).toBe('baclofen-oral-us-label');
    },
    SPAWNS_MS,
  );
});

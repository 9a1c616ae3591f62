import { describe, expect, it } from 'vitest';
import { patientWords } from '../../src/protocol/patient-words.js';
import { runCli } from '../helpers/run-cli.js';

// What the patient gets is safe on its own (PROTOCOL.md, Turn 3): the handouts the commands of
// issue 29's "Why" write, read as a patient, a carer and a pharmacist would.

const both = ['html', 'handout-md'] as const;
/** The handout's text with tags and Markdown escapes dropped, whitespace as single spaces. */
const textOf = (output: string) =>
  output
    .replace(/^[\s\S]*<body>/, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/(?<!\\)[*_]/g, '')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\\(.)/g, '$1')
    .replace(/\s+/g, ' ');

describe('the handout, as the patient reads it', () => {
  for (const format of both) {
    it(`${format}: emergency services first, then same-day signs, then never stop or run out`, async () => {
      for (const argv of [
        ['plan', '--start', '2026-03-02'],
        ['taper', '--from', '20mg tid', '--start', '2026-03-02'],
        ['plan', '--start', '2026-03-02', '--crcl', '40', '--with', 'opioid', '--pregnant'],
      ]) {
        const result = await runCli([...argv, '--format', format]);
        const text = textOf(result.stdout);
        const emergency = text.indexOf(patientWords.emergencyLead.value);
        expect(emergency, argv.join(' ')).toBeGreaterThan(0);
        // Nothing but the title (and a not-ready banner) before it.
        expect(text.slice(0, emergency)).not.toMatch(/\d{1,2}:\d{2}|Your medicine|Day by day/);
        for (const sign of ['seizure', 'Slow or difficult breathing', 'very hard to wake', 'very high fever with stiff muscles', 'seeing or hearing things']) expect(text).toContain(sign);
        const sameDay = text.indexOf(patientWords.sameDayHeading.value);
        expect(sameDay).toBeGreaterThan(emergency);
        expect(text).toContain('do not go up to the next step, call');
        expect(text.indexOf(patientWords.neverRunOut.value)).toBeGreaterThan(sameDay);
        expect(text).toMatch(/Fill in before handing over: Out-of-hours phone.*Poisons information phone/);
        expect(text).toMatch(/Checked by \(clinician\).*Date/);
        // No finding codes, no draft notice, no program name addressed to the patient.
        expect(text).not.toMatch(/\b[A-Z]+_[A-Z_]+\b|Draft|titrate/);
      }
    });
  }

  it('kidney, opioids, pregnancy: the lines that matter to this patient, in plain words', async () => {
    for (const format of both) {
      const text = textOf((await runCli(['plan', '--start', '2026-03-02', '--crcl', '40', '--with', 'opioid', '--pregnant', '--format', format])).stdout);
      for (const line of [
        patientWords.kidneySlower,
        patientWords.kidneyLowered,
        patientWords.kidneyPainkillers,
        patientWords.pregnancy,
        patientWords.alcohol,
        patientWords.sedatives,
        patientWords.driving,
      ])
        expect(text, format).toContain(line.value);
    }
    // The "lower dose" line only where the reduction was applied.
    const notAdjusted = textOf((await runCli(['plan', '--start', '2026-03-02', '--crcl', '40', '--no-renal-adjust', '--format', 'html'])).stdout);
    expect(notAdjusted).toContain(patientWords.kidneySlower.value);
    expect(notAdjusted).not.toContain(patientWords.kidneyLowered.value);
    const normal = textOf((await runCli(['plan', '--start', '2026-03-02', '--format', 'html'])).stdout);
    expect(normal).not.toContain(patientWords.kidneySlower.value);
    expect(normal).not.toContain(patientWords.pregnancy.value);
  });

  it('the 5 mg/mL suspension: shake well, an oral syringe, and a bottle of another strength is not given', async () => {
    const text = textOf((await runCli(['taper', '--from', '10mg tid', '--start', '2026-03-02', '--form', 'suspension-5', '--format', 'html'])).stdout);
    expect(text).toContain(patientWords.liquidShake.value);
    expect(text).toContain(patientWords.liquidSyringe.value);
    expect(text).toContain('Check that your bottle says 5 mg/mL (25 mg/5 mL). If the strength on the bottle is different, do not give it');
  });

  it('dates in words, and the plan at a glance before the day-by-day list', async () => {
    const text = textOf((await runCli(['taper', '--from', '20mg tid', '--start', '2026-03-02', '--format', 'html'])).stdout);
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(text).toContain('Monday 2 March 2026');
    expect(text.indexOf('Your plan at a glance')).toBeLessThan(text.indexOf('Day by day'));
  });

  it('a schedule with an error finding says not ready before anything else', async () => {
    for (const format of both) {
      const result = await runCli(['taper', '--from', '20mg tid', '--start', '2026-03-02', '--over', '1', '--format', format]);
      expect(result.code).toBe(1);
      expect(textOf(result.stdout).trimStart()).toMatch(/^(> )?NOT READY TO USE: do not follow this schedule\. Keep your current dose and call your prescriber\./);
    }
  });
});

describe('the fields filled in from options', () => {
  const hostile = `<img src=x onerror=alert(1)> "Bob" & 'Al' *b* _i_ [l](javascript:x) | # \` \\ </style><script>`;
  const options = ['--patient-name', '--date-of-birth', '--prescriber', '--prescriber-phone', '--pharmacy', '--out-of-hours-phone', '--poisons-phone', '--emergency-number'];
  const argv = ['plan', '--start', '2026-03-02', ...options.flatMap((option, index) => [option, `${hostile}${index}`])];

  it('HTML: every field is text, never markup', async () => {
    const result = await runCli([...argv, '--format', 'html']);
    expect(result.code).toBe(0);
    expect(result.stdout).not.toMatch(/<img|<script/i);
    const escaped = '&lt;img src=x onerror=alert(1)&gt; &quot;Bob&quot; &amp; &#39;Al&#39; *b* _i_ [l](javascript:x) | # ` \\ &lt;/style&gt;&lt;script&gt;';
    options.forEach((_, index) => expect(result.stdout).toContain(`${escaped}${index}`));
    // One style element, closed once: no text ends it early.
    expect(result.stdout.match(/<\/style>/g)).toHaveLength(1);
  });

  it('Markdown: every field is text, never markup or a link', async () => {
    const result = await runCli([...argv, '--format', 'handout-md']);
    expect(result.code).toBe(0);
    const escaped = '\\<img src=x onerror=alert(1)\\> "Bob" \\& \'Al\' \\*b\\* \\_i\\_ \\[l\\](javascript:x) \\| \\# \\` \\\\ \\</style\\>\\<script\\>';
    options.forEach((_, index) => expect(result.stdout).toContain(`${escaped}${index}`));
    expect(result.stdout).not.toMatch(/(?<!\\)<(img|script)/);
  });

  it('the fields are output options: JSON and the table do not take them into the request', async () => {
    const result = await runCli([...argv, '--json']);
    expect(result.code).toBe(0);
    expect(result.stdout).not.toContain('Bob');
  });
});

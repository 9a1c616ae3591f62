// Generated plan requests for the bench: many shapes, in a fixed pseudo-random order (seeded),
// with about 3% bad lines, as a clinic's list or an audit would have them.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

/** mulberry32: a small seeded generator, so every run benches the same lines. */
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function requestLines(count, seed = 5) {
  const next = random(seed);
  const pick = (items) => items[Math.floor(next() * items.length)];
  const between = (low, high, step = 1) => low + step * Math.floor(next() * ((high - low) / step + 1));
  const date = () => {
    const day = new Date(Date.UTC(2026, 0, 1) + between(0, 729) * 86_400_000);
    return day.toISOString().slice(0, 10);
  };
  const kidney = () =>
    pick([
      {},
      {},
      { crcl: between(15, 120) },
      { crcl: between(15, 80), renalAdjust: true },
      { age: between(18, 95), weight: between(40, 130), scr: between(6, 30) / 10, sex: pick(['female', 'male', 'f', 'm']) },
      { age: between(18, 95), weight: between(40, 130), scrUmol: between(50, 250), sex: pick(['female', 'male']), renalAdjust: true },
      { dialysis: true },
    ]);
  const shapes = [
    () => ({ start: date() }),
    () => ({ start: date(), target: between(15, 80, 5) }),
    () => ({ start: date(), target: `${between(5, 20, 5)}mg ${pick(['tid', 'qid'])}` }),
    () => ({ start: date(), target: between(20, 80, 5), ...kidney() }),
    () => ({ start: date(), ...kidney() }),
    () => ({ start: date(), startDose: pick([2.5, 5, '5 mg', 10]), step: pick([2.5, 5]), interval: between(3, 7), frequency: pick(['tid', 'qid']) }),
    () => ({ target: between(20, 60, 5) }),
  ];
  const bad = [
    () => '{"id": "cut", "start": ',
    () => JSON.stringify({ start: date(), target: 120 }),
    () => JSON.stringify({ start: '2026-02-30' }),
    () => JSON.stringify({ start: date(), dose: 5 }),
  ];
  let index = 0;
  return {
    next() {
      if (index >= count) return null;
      index += 1;
      if (next() < 0.03) return pick(bad)();
      const id = next() < 0.8 ? `p${index}` : index;
      return JSON.stringify({ id, ...pick(shapes)() });
    },
  };
}

/** Writes `count` request lines to `path`, a chunk at a time. */
export async function writeRequests(path, count, seed) {
  const out = createWriteStream(path);
  const lines = requestLines(count, seed);
  let chunk = [];
  for (let line = lines.next(); line !== null; line = lines.next()) {
    chunk.push(line);
    if (chunk.length === 1000) {
      if (!out.write(`${chunk.join('\n')}\n`)) await once(out, 'drain');
      chunk = [];
    }
  }
  if (chunk.length > 0) out.write(`${chunk.join('\n')}\n`);
  out.end();
  await once(out, 'finish');
}

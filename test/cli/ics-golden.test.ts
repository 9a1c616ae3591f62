import { describeGoldenFolder } from '../helpers/golden.js';

// --format ics: with --tz America/New_York (across the 2026-03-08 change), Australia/Lord_Howe
// (its half-hour change on 2026-04-05), floating, none (refused: --tz is required), and a taper
// not ready to use (its one "not ready" event). Each under every golden process TZ, same file.
describeGoldenFolder('ics');

import { describeGoldenFolder } from '../helpers/golden.js';

// --format ics: with --tz America/New_York (across the 2026-03-08 change), Australia/Lord_Howe
// (its half-hour change on 2026-04-05), floating, and none (the machine's zone, faked as
// Europe/London, across 2026-10-25). Each under every golden process TZ, against the same file.
describeGoldenFolder('ics');

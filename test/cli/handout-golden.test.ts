import { describeGoldenFolder } from '../helpers/golden.js';

// The patient handouts (--format html, --format handout-md): plans, tapers, a liquid, a kidney-adjusted
// plan and one not ready to use, byte for byte in every golden zone.
describeGoldenFolder('handout');

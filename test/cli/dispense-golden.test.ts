import { describeGoldenFolder } from '../helpers/golden.js';

// Dispensing (units, volumes, times) and missed-dose outputs.
describeGoldenFolder('dispense');

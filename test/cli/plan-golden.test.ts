import { describeGoldenFolder } from '../helpers/golden.js';

describeGoldenFolder('plan');

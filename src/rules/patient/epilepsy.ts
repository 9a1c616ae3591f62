import { cautionRule } from './caution.js';

/** Epilepsy: seizure control may worsen, and withdrawal can itself cause seizures [S15][S1]. */
export const epilepsy = cautionRule('epilepsy', 'EPILEPSY');

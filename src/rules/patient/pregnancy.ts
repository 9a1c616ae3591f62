import { cautionRule } from './caution.js';

/** Pregnancy: safety not established; a taper should finish before delivery (neonatal withdrawal) [S1][S7]. */
export const pregnancy = cautionRule('pregnant', 'PREGNANCY');

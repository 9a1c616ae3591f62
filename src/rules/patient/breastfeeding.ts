import { cautionRule } from './caution.js';

/** Breastfeeding: baclofen passes into milk; the infant can have withdrawal [S3]. */
export const breastfeeding = cautionRule('breastfeeding', 'BREASTFEEDING');

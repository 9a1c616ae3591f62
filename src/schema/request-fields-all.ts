import { patientFields } from './patient-fields.js';
import { productFields } from './product-fields.js';
import type { RequestField } from './request-field.js';

/** Every request field any command takes, each described once: what completion and the tests read. */
export const allRequestFields: readonly RequestField[] = [...patientFields, ...productFields];

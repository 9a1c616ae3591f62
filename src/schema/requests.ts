import type { ProductChoice } from '../engine/administrations.js';
import type { DispensingRequest } from '../engine/plan-dispensing.js';
import type { TaperRequest } from '../engine/plan-taper.js';
import type { TitrationRequest } from '../engine/plan-titration.js';
import type { PatientInput, PerKgTarget, Target } from '../engine/types.js';
import type { Subject } from '../rules/subject.js';

// The checked requests the use cases take: what the normalizers here produce from request fields,
// and what a script may build itself. Defined below the use cases (src/app), which re-export them,
// so that no import runs back up the layers.

/** How plan and taper ask for the product and its dispensing. */
export interface ProductRequest extends ProductChoice, DispensingRequest {}

/** A titration as requested: its target may be in mg/kg/day (a weight-based profile makes it a regimen for the child). */
export type PlanTitration = Omit<TitrationRequest, 'target'> & { readonly target?: Target | PerKgTarget };

/** A validated plan request: the titration, the patient, and the product to dispense. */
export interface PlanRequest {
  readonly titration: PlanTitration;
  readonly patient: PatientInput;
  readonly product: ProductRequest;
  /** Apply the kidney reduction when kidney function is impaired (default true). */
  readonly renalAdjust?: boolean;
}

/** A validated taper request: the taper, the patient, and the product to dispense. */
export interface TaperPlanRequest {
  readonly taper: TaperRequest;
  readonly patient: PatientInput;
  readonly product: ProductRequest;
}

/** A validated check request: a regimen or a schedule, and the patient it is for. */
export interface CheckRequest {
  readonly subject: Subject;
  readonly patient: PatientInput;
}

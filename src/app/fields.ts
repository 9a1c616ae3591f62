import { defaultProtocolData, isProfileId, profiles, type ProtocolData } from '../protocol/profiles.js';
import type { IsoDate } from '../engine/types.js';
import { normalizeCheckRequest } from '../schema/check-request.js';
import type { Normalized } from '../schema/issues.js';
import { normalizeMissedRequest } from '../schema/missed-request.js';
import { normalizePlanRequest } from '../schema/plan-request.js';
import { normalizeTaperRequest } from '../schema/taper-request.js';
import { check, type CheckResult } from './check.js';
import { missed, type MissedResult } from './missed.js';
import { plan } from './plan.js';
import type { ScheduleResult } from './schedule-result.js';
import { taper } from './taper.js';

// Each use case from request fields: the command line's long options in camelCase, as an NDJSON
// line or a script gives them (`{ start: '2026-01-05', target: 80, crcl: 40 }`). The fields are
// checked first (problems named by field), then the use case runs (refusals named the same way).

/**
 * The presentation choices a request itself may carry: a subset of the renderers' options
 * (RenderOptions), named here so that the use cases do not import the layer that renders them.
 */
export interface RequestedRendering {
  /** Under each step of a table, the rule that produced it and its sources. */
  readonly explain?: boolean;
}

/** A result, and the presentation choices that came with its request (explain). */
export interface Prepared<R> {
  readonly result: R;
  readonly render: RequestedRendering;
}

function prepared<R>(outcome: Normalized<R>, render: RequestedRendering = {}): Normalized<Prepared<R>> {
  return outcome.ok ? { ok: true, value: { result: outcome.value, render } } : outcome;
}

/** The profile a request names in its `protocol` field (already checked by its normalizer), or the default. */
function profileOf(fields: unknown): ProtocolData {
  const id = typeof fields === 'object' && fields !== null && 'protocol' in fields ? fields.protocol : undefined;
  return typeof id === 'string' && isProfileId(id) ? profiles[id] : defaultProtocolData;
}

/** `today` fills a missing `start`. */
export function planFromFields(fields: unknown, today: IsoDate): Normalized<Prepared<ScheduleResult>> {
  const input = normalizePlanRequest(fields, today);
  return input.ok ? prepared(plan(input.value.request, profileOf(fields)), { explain: input.value.explain }) : input;
}

/** `today` fills a missing `start`. */
export function taperFromFields(fields: unknown, today: IsoDate): Normalized<Prepared<ScheduleResult>> {
  const input = normalizeTaperRequest(fields, today);
  return input.ok ? prepared(taper(input.value.request, profileOf(fields)), { explain: input.value.explain }) : input;
}

/** A `regimen` or a `schedule` (titrate's JSON), and the patient fields. */
export function checkFromFields(fields: unknown): Normalized<Prepared<CheckResult>> {
  const request = normalizeCheckRequest(fields);
  return request.ok ? prepared(check(request.value, profileOf(fields))) : request;
}

/** `today` picks the step of a `plan` when no `date` is given. */
export function missedFromFields(fields: unknown, today: IsoDate): Normalized<Prepared<MissedResult>> {
  const request = normalizeMissedRequest(fields, today);
  return request.ok ? prepared(missed(request.value, profileOf(fields))) : request;
}

// titrate as a library: the use cases, their requests and results, findings, the protocol data
// and the renderers. Nothing here runs on import; nothing reads the clock, the environment or a
// file. The CLI (bin/titrate.js) is built from src/cli and is not part of this API.

// Every function that can turn a request down returns one shape: { ok: true, value } or
// { ok: false, problems: [{ code, field, message, params }] }; bad input is never thrown.
export type { Problem, Result } from './library/result.js';
// Use cases from request fields as the CLI and NDJSON lines take them (`{ start: '2026-01-05',
// target: 80 }`), typed from the request JSON Schemas; `today` as yyyy-MM-dd text or a Date…
export { planFromFields, taperFromFields, checkFromFields, missedFromFields } from './library/from-fields.js';
export type { PlanFields, TaperFields, CheckFields, MissedFields } from './library/request-fields.js';
export type { Prepared } from './app/fields.js';
export { parseDate, parseTime, type DateInput } from './library/dates.js';
// …or from checked requests.
export { plan, taper, check, missed } from './app/library-guard.js';
export type { MissedResult } from './app/missed.js';
export type { PlanRequest } from './app/plan.js';
export type { TaperPlanRequest } from './app/taper.js';
export type { CheckRequest, CheckResult, CheckSubject } from './app/check.js';
export type { ScheduleResult, ProductRequest } from './app/schedule-result.js';
export { defaultProtocolData, type ProtocolData } from './app/protocol-data.js';
// Refusals: data (`{ code, field, params }`), worded by one catalogue like findings.
export type { ProblemCode, ProblemParams } from './engine/problems.js';
export type { InputProblemCode } from './schema/issues.js';
export { problemMessageOf } from './rules/problem-messages.js';

// Engine types the requests and results are made of.
export type { TitrationRequest, PlannedSchedule } from './engine/plan-titration.js';
export type { TaperRequest } from './engine/plan-taper.js';
export type { MissedDoseRequest, MissedDoseAdvice } from './engine/missed-dose.js';
export type { DispensedStep, DispensingDetail } from './engine/plan-dispensing.js';
export type { Dispense, DispenseTotal } from './engine/dispense-totals.js';
export type { Administration, Product } from './engine/administrations.js';
export type { ClockTime } from './engine/dose-times.js';
export type { IsoDate, KidneyAssessment, KidneyInput, PatientInput, Step, StepBasis, Target } from './engine/types.js';
export type { Subject, SubjectStep } from './rules/subject.js';

// Findings: data, worded by one catalogue.
export { describeSources, type Finding, type FindingCode, type FindingParams } from './engine/findings.js';
export { messageOf } from './rules/catalogue.js';

// The protocol: every rule as data, each value with its sources.
export { baclofenOral, frequencies, type Protocol } from './protocol/baclofen.js';
export { baclofenProducts, type Products } from './protocol/products.js';
export { baclofenFhir, type BaclofenFhir } from './protocol/fhir.js';
export { sources, type SourceKey } from './protocol/source-documents.js';

// JSON Schemas (2020-12) of the request fields the *FromFields use cases take (one NDJSON line of
// the CLI), and of the JSON results (jsonValue); each built when called.
export type { JsonSchema } from './schema/json-schema/json-schema.js';
export { requestSchemaFor, type RequestSchemaName } from './schema/json-schema/request-schemas.js';
export { resultSchemaFor } from './render/json-schema/result-schemas.js';

// Renderers: each output format a pure function from a result to text.
export { formats, formatsFor, findFormat, type Format, type ResultKind, type Results } from './render/formats/index.js';
export { renderAs, type FormatName, type FormatNames } from './library/render.js';
export { jsonValue } from './render/formats/json.js';
export { defaultRenderOptions, renderOptions, type RenderOptions } from './render/render-options.js';
export { plainPaint, type Paint } from './render/paint.js';

// The CDS Hooks service (`titrate serve`) as functions any server can mount: the discovery
// document, a service call (a parsed request and today in, a status and cards out), feedback.
export { callCdsService, takeFeedback, type CdsAnswer, type CdsCall, type CdsResponse } from './service/service.js';
export { discovery, type CdsServiceDefinition } from './service/discovery.js';
export type { Card } from './service/cards.js';
export { baclofenCdsHooks } from './protocol/cds-hooks.js';

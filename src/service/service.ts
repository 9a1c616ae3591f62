import { check } from '../app/check.js';
import { defaultProtocolData, type ProtocolData } from '../app/protocol-data.js';
import type { IsoDate } from '../engine/types.js';
import { findingsCard, notCheckedCard, problemLines, type Card } from './cards.js';
import { serviceDefinitions, type CdsServiceDefinition } from './discovery.js';
import { isObject, isText, resourcesOf, type Json } from './json.js';
import { baclofenIn, medicationLookup } from './medication.js';
import { operationOutcome, type OperationOutcome } from './operation-outcome.js';
import { baclofenOrders } from './orders.js';
import { activeBaclofenCount, patientFromPrefetch } from './patient.js';
import { suggestRegimen } from './suggestion.js';
import { suggestTaper } from './taper-suggestion.js';

// The CDS Hooks service as a function: a parsed request in, a status and a JSON body out. No I/O
// and no clock ("today", for ages, is an argument), so any server can mount it; `titrate serve`
// is one (src/serve). Each baclofen order is judged by `check`, the one rule book.

/** The body of a service call answered: the cards. */
export interface CdsResponse {
  readonly cards: readonly Card[];
}

/** A service call answered: 200 with cards, or 400/404 with a FHIR OperationOutcome. */
export type CdsAnswer =
  | { readonly status: 200; readonly body: CdsResponse }
  | { readonly status: 400 | 404; readonly body: OperationOutcome };

/** A service call as a server passes it on: the service id, the parsed body and today. */
export interface CdsCall {
  /** The `{id}` of `POST /cds-services/{id}`. */
  readonly serviceId: string;
  /** The request's JSON, parsed. */
  readonly body: unknown;
  /** Today in the service's calendar: ages are counted to it. */
  readonly today: IsoDate;
}

export function findService(id: string): CdsServiceDefinition | undefined {
  return serviceDefinitions().find((service) => service.id === id);
}

const MAX_ID_CHARS = 200;

/** What makes a body a CDS Hooks call of this service, or the reason it is not. */
function requestProblem(service: CdsServiceDefinition, body: unknown): string | null {
  if (!isObject(body)) return 'expected a CDS Hooks request: a JSON object with hook, hookInstance and context';
  if (body.hook !== service.hook) return `expected hook "${service.hook}" for the service ${service.id}, got ${isText(body.hook) ? `"${body.hook.slice(0, 40)}"` : 'none'}`;
  if (!isText(body.hookInstance) || body.hookInstance.length === 0 || body.hookInstance.length > MAX_ID_CHARS) return `expected hookInstance, a string (a UUID) of at most ${MAX_ID_CHARS} characters`;
  if (!isObject(body.context)) return 'expected context, an object';
  const orders = body.context.draftOrders;
  if (!isObject(orders) || orders.resourceType !== 'Bundle') return 'expected context.draftOrders, a FHIR Bundle of the orders being written';
  if (body.prefetch !== undefined && body.prefetch !== null && !isObject(body.prefetch)) return 'expected prefetch, an object of FHIR resources by key';
  return null;
}

/**
 * `POST /cds-services/{id}`: one card per baclofen order with a problem; `{"cards": []}` when there is none.
 *
 * @example
 * ```ts
 * import { callCdsService, parseDate } from 'titrate';
 * const today = parseDate('2026-01-05');
 * if (today.ok) console.log(callCdsService({ serviceId: 'titrate-baclofen-order-check', body: {}, today: today.value }).status);
 * ```
 */
export function callCdsService(call: CdsCall, data: ProtocolData = defaultProtocolData): CdsAnswer {
  const service = findService(call.serviceId);
  if (!service) return { status: 404, body: operationOutcome('not-found', `no CDS service "${call.serviceId.slice(0, 60)}": see GET /cds-services`) };
  const problem = requestProblem(service, call.body);
  if (problem) return { status: 400, body: operationOutcome('invalid', problem) };
  const body = call.body as Json;
  const context = body.context as Json;
  const prefetch = isObject(body.prefetch) ? body.prefetch : {};
  const resources = [...resourcesOf(context.draftOrders), ...Object.values(prefetch).flatMap(resourcesOf)];
  const lookup = medicationLookup(resources);
  const orders = baclofenOrders(context, lookup, call.today);
  if (orders.length === 0) return { status: 200, body: { cards: [] } };

  const facts = patientFromPrefetch(prefetch, call.today, data.protocol);
  const activeBaclofen = activeBaclofenCount(prefetch, (order) => baclofenIn(order, lookup) !== null);
  const cards: Card[] = [];
  for (const order of orders) {
    const parts = { order, hookInstance: body.hookInstance as string, data, facts, activeBaclofen };
    if (!order.reading.ok) {
      cards.push(notCheckedCard(parts, order.reading.reason, order.reading.problems));
      continue;
    }
    const request = { subject: order.reading.subject, patient: facts.patient };
    const outcome = check(request, data);
    if (!outcome.ok) {
      cards.push(notCheckedCard(parts, 'refused', problemLines(outcome.problems)));
      continue;
    }
    const suggested = suggestRegimen(order, request, outcome.value, data) ?? suggestTaper(order, order.reading.subject, outcome.value, facts.patient, call.today, data);
    const card = findingsCard(parts, order.reading.subject, outcome.value, order.reading.conversions, suggested);
    if (card) cards.push(card);
  }
  return { status: 200, body: { cards } };
}

/**
 * `POST /cds-services/{id}/feedback`: taken (200) when it is feedback on cards; what the log may keep, no patient data.
 *
 * @example
 * ```ts
 * import { takeFeedback } from 'titrate';
 * console.log(takeFeedback('titrate-baclofen-order-check', { feedback: [] }).status);
 * ```
 */
export function takeFeedback(serviceId: string, body: unknown): { status: 200; body: Record<string, never>; outcomes: string[] } | { status: 400 | 404; body: OperationOutcome } {
  if (!findService(serviceId)) return { status: 404, body: operationOutcome('not-found', `no CDS service "${serviceId.slice(0, 60)}"`) };
  const list = isObject(body) ? body.feedback : undefined;
  if (!Array.isArray(list) || list.length === 0 || list.length > 100 || !list.every((item) => isObject(item) && isText(item.card) && (item.outcome === 'accepted' || item.outcome === 'overridden'))) {
    return { status: 400, body: operationOutcome('invalid', 'expected {"feedback": [{"card": <card uuid>, "outcome": "accepted" | "overridden", …}]}, 1 to 100 items') };
  }
  return { status: 200, body: {}, outcomes: list.map((item) => String((item as Json).outcome)) };
}

// Reading untrusted JSON from an EHR: every value is looked at before it is used, and lists are
// read only as far as a request could sensibly go.

export type Json = Record<string, unknown>;

export const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
export const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
export const isText = (value: unknown): value is string => typeof value === 'string';

/** The longest list the service reads from a request (entries, codings, dosage lines). */
export const MAX_ITEMS = 1000;

/** The objects of a list (at most MAX_ITEMS); anything else is no list. */
export function objectsOf(value: unknown): Json[] {
  return Array.isArray(value) ? value.slice(0, MAX_ITEMS).filter(isObject) : [];
}

/** The resources a value holds: a resource itself, or a Bundle's entries. */
export function resourcesOf(value: unknown): Json[] {
  if (!isObject(value)) return [];
  if (value.resourceType === 'Bundle') return objectsOf(value.entry).flatMap((entry) => (isObject(entry.resource) ? [entry.resource] : []));
  return typeof value.resourceType === 'string' ? [value] : [];
}

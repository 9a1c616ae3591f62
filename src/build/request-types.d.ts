/** The source of src/library/request-fields.ts for the request schemas `schemaFor(name)` gives. */
export function requestFieldTypes(schemaFor: (name: 'plan' | 'taper' | 'check' | 'missed') => object): string;

/**
 * The version of titrate's JSON: written in every JSON output and required of a schedule read
 * back. Bumped only when a field changes meaning or disappears; added fields keep it.
 */
export const SCHEMA_VERSION = 1;

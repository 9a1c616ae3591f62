// Errors the service answers with: a FHIR OperationOutcome, as CDS Hooks asks for a request it
// cannot take. The text says what was wrong and what was expected; never a stack trace.

export interface OperationOutcome {
  readonly resourceType: 'OperationOutcome';
  readonly issue: readonly { readonly severity: 'error' | 'fatal'; readonly code: string; readonly diagnostics: string }[];
}

/** `code` from FHIR's issue-type value set: invalid, security, not-found, not-supported, too-long, timeout, exception. */
export function operationOutcome(code: string, diagnostics: string): OperationOutcome {
  return { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code, diagnostics }] };
}

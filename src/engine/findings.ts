import { sources, type SourceKey } from '../protocol/sources.js';
import type { Sourced } from '../protocol/sourced.js';
import type { Severity } from '../protocol/sourced.js';
import type { Finding, FindingCode } from './types.js';

/** `S1: OZOBAX …; S7: Baclofen Tablets USP labels` — keys first, so scripts can match them. */
export function describeSources(keys: readonly SourceKey[]): string {
  return [...new Set(keys)].map((key) => `${key}: ${sources[key].title}`).join('; ');
}

/** The source keys of some protocol rules, each once, in order. */
export function sourcesOf(...rules: readonly { readonly sources: readonly SourceKey[] }[]): SourceKey[] {
  return [...new Set(rules.flatMap((rule) => rule.sources))];
}

export function finding(
  code: FindingCode,
  severity: Severity,
  message: string,
  basis: readonly (Sourced<unknown> | SourceKey)[],
): Finding {
  const keys = basis.flatMap((item) => (typeof item === 'string' ? [item] : item.sources));
  return { code, severity, message, source: describeSources(keys) };
}

export function hasError(findings: readonly { severity: Severity }[]): boolean {
  return findings.some((item) => item.severity === 'error');
}

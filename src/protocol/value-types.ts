// The types a protocol's values are made of: a value with its sources, an exact fraction, a severity.

import type { SourceKey } from './source-documents.js';

/** A protocol value together with the documents it comes from. */
export interface Sourced<T> {
  readonly value: T;
  readonly sources: readonly SourceKey[];
  /** What the value means, in one line, for `titrate rules`. */
  readonly summary: string;
}

export function sourced<T>(value: T, sources: readonly SourceKey[], summary: string): Sourced<T> {
  return { value, sources, summary };
}

/** An exact fraction; dose arithmetic never goes through floating point. */
export interface Fraction {
  readonly numerator: number;
  readonly denominator: number;
}

/** How serious a finding is, least first. */
export const severities = ['info', 'warning', 'error'] as const;
export type Severity = (typeof severities)[number];

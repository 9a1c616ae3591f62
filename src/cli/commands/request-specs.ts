import type { ResultKind } from '../../render/formats/index.js';
import type { CommandSpec } from '../command-spec.js';
import { checkCommand } from './check.js';
import { missedCommand } from './missed.js';
import { planCommand } from './plan.js';
import { taperCommand } from './taper.js';

/** The commands that turn one request into one result (and so run as --ndjson batches), in the order help lists them. */
export const requestSpecs: readonly CommandSpec<ResultKind>[] = [planCommand, taperCommand, checkCommand, missedCommand] as readonly CommandSpec<any>[];

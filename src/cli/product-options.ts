import type { Command } from 'commander';
import { productFields } from '../schema/product-fields.js';
import { addFieldOptions } from './options.js';

/** The product, supply, times and explain options plan and taper share, made from their request fields. */
export function addProductOptions(command: Command): Command {
  return addFieldOptions(command, productFields);
}

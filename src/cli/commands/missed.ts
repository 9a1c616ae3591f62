import type { Command } from 'commander';
import type { CommandContext } from '../context.js';

// Placeholder until the command lands; registered so the program shape is fixed.
export function configureMissed(command: Command, _context: CommandContext): void {
  command.description('(not yet available)').action(() => {
    throw new Error('titrate missed is not implemented yet');
  });
}

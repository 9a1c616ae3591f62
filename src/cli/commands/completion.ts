import { Argument, type Command } from 'commander';
import { bashCompletion } from '../completion/bash.js';
import { fishCompletion } from '../completion/fish.js';
import { completionModel, type CompletionModel } from '../completion/model.js';
import { zshCompletion } from '../completion/zsh.js';
import type { CommandContext } from '../context.js';
import { examplesSection } from '../help.js';

const shells: Readonly<Record<string, (model: CompletionModel) => string>> = {
  bash: bashCompletion,
  zsh: zshCompletion,
  fish: fishCompletion,
};

export const completionSummary = 'print a shell completion script (commands, options and their choices)';
export const completionTerm = 'completion <shell>';

/** `titrate completion bash|zsh|fish`: a completion script made from the program's own commands and options. */
export function configureCompletion(command: Command, context: CommandContext): void {
  command
    .addArgument(new Argument('<shell>', 'the shell to complete in').choices(Object.keys(shells)))
    .addHelpText(
      'after',
      () => `\n${examplesSection(
        [
          { command: 'source <(npx titrate completion bash)', says: 'complete titrate in this bash' },
          { command: 'npx titrate completion fish | source', says: 'complete titrate in this fish' },
        ],
        context.help,
      )}`,
    )
    .action((shell: string, _options: unknown, self: Command) => {
      const program = self.parent ?? self;
      const render = shells[shell];
      if (render) context.io.stdout.write(render(completionModel(program)));
    });
}

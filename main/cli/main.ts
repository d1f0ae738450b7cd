/** Entry of the `yieldscope` command (started by main/cli/yieldscope.js under tsx). */
import { RunInputError, RunnerError } from '../../core/run/runner.ts';
import { parseCommand, USAGE, UsageError } from './args.ts';
import { inspect } from './inspect.ts';
import { record } from './record.ts';

/** Exit status: 0 recorded (whatever the program did), 2 bad usage or unusable input, 1 internal failure. */
async function main(argv: string[]): Promise<number> {
  try {
    const command = parseCommand(argv);
    if (command.command === 'help') {
      process.stdout.write(USAGE);
      return 0;
    }
    if (command.command === 'inspect') await inspect(command, (text) => console.log(text));
    else
      await record(command, {
        say: (line) => console.log(line),
        progress: process.stderr,
        input: process.stdin,
        echo: (text) => process.stdout.write(text),
      });
    return 0;
  } catch (e) {
    if (e instanceof UsageError) {
      console.error(`yieldscope: ${e.message}\nTry \`yieldscope --help\`.`);
      return 2;
    }
    if (e instanceof RunInputError) {
      console.error(`yieldscope: ${e.message}`);
      return 2;
    }
    // The runtime's own errors carry a message meant for users; anything else is a bug: show where.
    const detail =
      e instanceof RunnerError ? e.message : e instanceof Error ? (e.stack ?? e.message) : String(e);
    console.error(`yieldscope: internal failure: ${detail}`);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
// A worker that fails to shut down must not keep the command from returning.
setTimeout(() => process.exit(), 3000).unref();

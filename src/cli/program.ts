/**
 * The `customer-asset` command line: commander for the parsing, one module per command, and a
 * `run` that returns the exit code instead of exiting, so that tests drive it in-process.
 */
import { Command, CommanderError } from 'commander';
import { briefingCommand } from './commands/briefing.js';
import { fitCommand } from './commands/fit.js';
import { ledgerCommand } from './commands/ledger.js';
import { summaryCommand } from './commands/summary.js';
import { valueCommand } from './commands/value.js';
import { CliError, EXIT } from './exit-codes.js';
import { type CliIo, processIo } from './io.js';
import { packageVersion } from './version.js';

const EXIT_HELP = `
Exit codes:
  0  done
  1  unexpected failure (a bug: please report it)
  2  usage: unknown command or option, missing or malformed value
  3  data: unreadable file, missing column, rejected rows, bad scenario file, too little data
  4  model: a fit that does not converge, a quantity that does not exist for the data
  5  output: the results could not be written

Start with:  customer-asset briefing --sample
Guide:       docs/guide/cli.md
`;

/** The program with its commands, writing through `io`. */
export function buildProgram(io: CliIo): Command {
  const program = new Command('customer-asset')
    .description(
      'Customers as assets: value a customer base from its transactions and brief a CFO on it.',
    )
    .version(packageVersion(), '-v, --version')
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) })
    .exitOverride()
    .showHelpAfterError('(customer-asset --help shows the commands and options)')
    .addHelpText('after', EXIT_HELP);
  briefingCommand(program, io);
  summaryCommand(program, io);
  fitCommand(program, io);
  valueCommand(program, io);
  ledgerCommand(program, io);
  return program;
}

/** Runs the command line on `argv` (without `node` and the script) and returns the exit code. */
export async function run(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  const program = buildProgram(io);
  if (argv.length === 0) {
    io.err(program.helpInformation());
    io.err(EXIT_HELP);
    return EXIT.usage;
  }
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return EXIT.ok;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    if (error instanceof CliError) {
      io.err(`customer-asset: ${error.message}\n`);
      return error.exitCode;
    }
    io.err(
      `customer-asset: unexpected error (please report it): ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    return EXIT.internal;
  }
}

/**
 * Where the command line writes: stdout for results, stderr for messages and progress. Injected so
 * that tests run commands in-process and read what they print.
 */

/** The streams a command writes to. */
export interface CliIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  /** Whether stdout is a terminal (progress is shown only then). */
  readonly isTty: boolean;
  /** The directory relative paths are resolved against. */
  readonly cwd: string;
}

/** The process's own streams. */
export function processIo(): CliIo {
  return {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    isTty: process.stdout.isTTY === true,
    cwd: process.cwd(),
  };
}

/**
 * A progress display for long steps: on a terminal, one line on stderr rewritten in place
 * (`[3/7] Checking the model on the holdout period… 1.2 s`); elsewhere (a pipe, a file, CI) nothing.
 */
export class Progress {
  private readonly io: CliIo;
  private started = 0;
  private label = '';
  private active = false;

  constructor(io: CliIo) {
    this.io = io;
  }

  /** Marks the start of a step. */
  step(index: number, total: number, label: string): void {
    if (!this.io.isTty) return;
    this.finishLine();
    this.started = performance.now();
    this.label = `[${index}/${total}] ${label}…`;
    this.io.err(`\r${this.label}`);
    this.active = true;
  }

  /** Ends the current step's line with its duration. */
  done(): void {
    this.finishLine();
  }

  private finishLine(): void {
    if (!this.active) return;
    const seconds = ((performance.now() - this.started) / 1000).toFixed(1);
    this.io.err(`\r${this.label} ${seconds} s\n`);
    this.active = false;
  }
}

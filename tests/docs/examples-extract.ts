import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** One runnable TSDoc `@example` found in the sources. */
export interface TsDocExample {
  readonly file: string;
  readonly line: number;
  readonly code: string;
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/**
 * Finds every TSDoc `@example` block with a ```ts fence in the `.ts` files below `dir`, and returns
 * its code with the leading ` * ` of the comment removed.
 */
export function extractTsDocExamples(root: string, dir: string): TsDocExample[] {
  const examples: TsDocExample[] = [];
  for (const file of walk(dir)) {
    const lines = readFileSync(file, 'utf8').split('\n');
    let inExample = false;
    let inFence = false;
    let start = 0;
    let body: string[] = [];
    lines.forEach((raw, index) => {
      const line = raw.replace(/^\s*\* ?/, '');
      if (/^\s*\*\s*@example/.test(raw)) {
        inExample = true;
        return;
      }
      if (!inExample) return;
      if (!inFence && /^```(ts|typescript)\s*$/.test(line.trim())) {
        inFence = true;
        start = index + 2;
        body = [];
        return;
      }
      if (inFence && line.trim() === '```') {
        examples.push({ file: relative(root, file), line: start, code: body.join('\n') });
        inFence = false;
        inExample = false;
        return;
      }
      if (inFence) body.push(line);
      else if (/^\s*\*\//.test(raw) || /^\s*\*\s*@\w+/.test(raw)) inExample = false;
    });
  }
  return examples;
}

// Problems found in a source file. Every problem names a line, so the CLI can print FILE:LINE: message.

export interface Problem {
  line: number;
  message: string;
  /** Set when the problem is in a companion file (e.g. the overrides), not in the source itself. */
  file?: string;
}

export function formatProblem(file: string, problem: Problem): string {
  return `${problem.file ?? file}:${problem.line}: ${problem.message}`;
}

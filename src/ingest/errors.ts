// Problems found in a source file. Every problem names a line, so the CLI can print FILE:LINE: message.

export interface Problem {
  line: number;
  message: string;
}

export function formatProblem(file: string, problem: Problem): string {
  return `${file}:${problem.line}: ${problem.message}`;
}

// Where a piece of the model came from in its source file, in the terms the format's own tools show a person:
// a line (text, HTML), a body paragraph or a table cell (Word), a cell reference (Excel), a container entry, a line
// of a page (PDF).
import { z } from "zod";

const positive = z.number().int().positive();

export const Location = z.union([
  z.object({ line: positive }).strict(),
  z.object({ paragraph: positive }).strict(),
  z.object({ table: positive, row: positive, column: positive }).strict(),
  z.object({ sheet: z.string(), cell: z.string().regex(/^[A-Z]{1,3}\d+$/) }).strict(),
  z.object({ entry: z.string() }).strict(),
  z.object({ page: positive, line: positive }).strict(),
  z.object({ page: positive, table: positive, row: positive, column: positive }).strict(),
]);

/** From the first place to the last place of a model element in the source. */
export const SourceSpan = z.tuple([Location, Location]).describe("first and last place in the source file");

export type Location = z.infer<typeof Location>;
export type SourceSpan = z.infer<typeof SourceSpan>;


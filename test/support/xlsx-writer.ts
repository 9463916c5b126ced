// Builds .xlsx fixtures from a readable description (sheets of rows, merges, number formats), so no binary is committed.
import ExcelJS from "exceljs";

export interface SheetSpec {
  name: string;
  /** Row by row from A1; null leaves the cell empty. */
  rows: Array<Array<string | number | Date | null>>;
  /** Merged ranges, as Excel writes them: "A3:A5". */
  merges?: string[];
  /** Number formats by cell: { C4: "#,##0.00" }. */
  formats?: Record<string, string>;
}

export async function writeXlsx(spec: { sheets: SheetSpec[] }): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  for (const s of spec.sheets) {
    const ws = workbook.addWorksheet(s.name);
    s.rows.forEach((row, r) =>
      row.forEach((value, c) => {
        if (value !== null) ws.getCell(r + 1, c + 1).value = value;
      }),
    );
    for (const range of s.merges ?? []) ws.mergeCells(range);
    for (const [address, format] of Object.entries(s.formats ?? {})) ws.getCell(address).numFmt = format;
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

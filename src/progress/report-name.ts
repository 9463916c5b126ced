// A progress report's file name: <list id>.progress-<YYYY-MM>.<ext> names the list it reports on and its month.

const NAME = /^(.+)\.progress-(\d{4})-(\d{2})\.[^.]+$/i;

export interface ReportName {
  /** The stem of the list's file, as the list's id is made from it. */
  listStem: string;
  year: number;
  month: number;
}

export function reportName(fileName: string): ReportName | undefined {
  const m = NAME.exec(fileName);
  return m ? { listStem: m[1], year: Number(m[2]), month: Number(m[3]) } : undefined;
}

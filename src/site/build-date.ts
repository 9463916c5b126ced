// The day a build is made, which splits the 到期 tables into coming and past: BUILD_DATE (YYYY-MM-DD) when set, so
// that a rebuild of the same commit can give the same bytes on another day, else today in China (UTC+8).

export function buildDay(env: Record<string, string | undefined> = process.env, now: Date = new Date()): string {
  const set = env["BUILD_DATE"]?.trim();
  if (set) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(set) || Number.isNaN(Date.parse(set))) throw new Error(`BUILD_DATE: "${set}" is not a date; expected YYYY-MM-DD`);
    return set;
  }
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

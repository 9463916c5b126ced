// Build settings given as environment variables that hold a count (SEARCH_INDEX_PAGES, LISTS_PER_SHARD).

/** A whole number, at least 1, from `setting`; `fallback` when unset or empty; else an error naming the setting. */
export function countSetting(name: string, setting: string | undefined, fallback: number, unit: string): number {
  const text = setting?.trim() ?? "";
  if (text === "") return fallback;
  if (!/^[1-9][0-9]*$/.test(text) || !Number.isSafeInteger(Number(text))) throw new Error(`${name}: "${text}" is not a whole number of ${unit} (at least 1)`);
  return Number(text);
}

// Names → stable, readable ASCII path segments (unit pages, document ids).
import { pinyin } from "pinyin-pro";

/** A readable ASCII path segment: the name in toneless pinyin, other characters kept when alphanumeric. */
export function slugify(name: string): string {
  const syllables = pinyin(name, { toneType: "none", type: "array", nonZh: "consecutive", v: true }) as string[];
  const slug = syllables
    .join("-")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return slug || "unit";
}

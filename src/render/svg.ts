// Text and attributes → SVG/XML markup. Every string that enters an SVG passes through this table-driven escape.

/** The characters XML gives a meaning to, in text and in double-quoted attribute values. */
const XML_ESCAPES: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };
const XML_SPECIAL = /[&<>"']/g;
/** Characters XML 1.0 forbids outright (C0 controls but TAB, LF, CR; U+FFFE/U+FFFF; lone surrogates): dropped. */
const XML_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function escapeXml(text: string): string {
  return text.replace(XML_FORBIDDEN, "").replace(XML_SPECIAL, (ch) => XML_ESCAPES[ch]);
}

/** Markup that is already safe: only `el` and `raw` make it, so a plain string is always escaped. */
export class Markup {
  readonly html: string;
  constructor(html: string) {
    this.html = html;
  }
  toString(): string {
    return this.html;
  }
}

export type Child = Markup | string | number | null | undefined | false | readonly Child[];
export type Attributes = Readonly<Record<string, string | number | boolean | null | undefined>>;

const NAME = /^[A-Za-z_][\w.:-]*$/;

function children(content: readonly Child[]): string {
  return content
    .map((c) => (c === null || c === undefined || c === false ? "" : c instanceof Markup ? c.html : Array.isArray(c) ? children(c) : escapeXml(String(c))))
    .join("");
}

/** An element: attribute values and text children escaped, `null`/`false` attributes left out, no children = self-closing. */
export function el(name: string, attributes: Attributes = {}, ...content: Child[]): Markup {
  if (!NAME.test(name)) throw new Error(`invalid element name ${JSON.stringify(name)}`);
  let attrs = "";
  for (const [key, value] of Object.entries(attributes)) {
    if (!NAME.test(key)) throw new Error(`invalid attribute name ${JSON.stringify(key)}`);
    if (value === null || value === undefined || value === false) continue;
    attrs += ` ${key}="${escapeXml(value === true ? key : String(value))}"`;
  }
  const inner = children(content);
  return new Markup(inner === "" ? `<${name}${attrs}/>` : `<${name}${attrs}>${inner}</${name}>`);
}

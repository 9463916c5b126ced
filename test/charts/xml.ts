// A small XML well-formedness check for the charts (no parser dependency): balanced tags, quoted attributes,
// no raw < or stray & in text or values. Returns the elements in document order.
export interface Element {
  name: string;
  attributes: Record<string, string>;
  text: string;
}

const ENTITY = /^&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/;

function checkText(text: string, where: string): void {
  for (let i = text.indexOf("&"); i >= 0; i = text.indexOf("&", i + 1)) {
    if (!ENTITY.test(text.slice(i))) throw new Error(`stray & in ${where}: ${text.slice(i, i + 12)}`);
  }
  if (text.includes("<")) throw new Error(`raw < in ${where}`);
}

const decode = (s: string) => s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");

export function parseXml(xml: string): Element[] {
  const elements: Element[] = [];
  const stack: Element[] = [];
  let i = 0;
  while (i < xml.length) {
    const lt = xml.indexOf("<", i);
    const text = xml.slice(i, lt < 0 ? xml.length : lt);
    checkText(text, "text");
    if (stack.length) stack.at(-1)!.text += decode(text);
    else if (text.trim()) throw new Error("text outside the root element");
    if (lt < 0) break;
    const gt = xml.indexOf(">", lt);
    if (gt < 0) throw new Error("unclosed tag");
    const body = xml.slice(lt + 1, gt);
    if (body.startsWith("/")) {
      const name = body.slice(1).trim();
      const open = stack.pop();
      if (!open || open.name !== name) throw new Error(`</${name}> closes <${open?.name}>`);
    } else {
      const selfClosing = body.endsWith("/");
      const m = /^([A-Za-z_][\w:.-]*)((?:\s+[A-Za-z_][\w:.-]*="[^"<]*")*)\s*\/?$/.exec(body);
      if (!m) throw new Error(`malformed tag <${body.slice(0, 40)}>`);
      const attributes: Record<string, string> = {};
      for (const a of m[2].matchAll(/([A-Za-z_][\w:.-]*)="([^"<]*)"/g)) {
        if (a[1] in attributes) throw new Error(`duplicate attribute ${a[1]}`);
        checkText(a[2], `attribute ${a[1]}`);
        attributes[a[1]] = decode(a[2]);
      }
      if (!stack.length && elements.length) throw new Error("second root element");
      const el: Element = { name: m[1], attributes, text: "" };
      elements.push(el);
      if (!selfClosing) stack.push(el);
    }
    i = gt + 1;
  }
  if (stack.length) throw new Error(`unclosed <${stack.at(-1)!.name}>`);
  if (!elements.length) throw new Error("no element");
  return elements;
}

// Writes a real .docx from a readable description, so the Word reader's fixtures are code rather than committed binaries.
import { strToU8, zipSync } from "fflate";

export type DocxCell = {
  /** One string per paragraph; with `wordQuirks`, the lines of one paragraph broken by w:br. */
  text: string | string[];
  gridSpan?: number;
  vMerge?: "restart" | "continue";
  /** On the cell's first paragraph. */
  numbering?: { numId: number; level: number };
};
export type DocxBlock =
  /** A "\n" in the text is written as w:br. */
  | { paragraph: string; numbering?: { numId: number; level: number }; style?: string }
  | { table: DocxCell[][] };
export interface DocxSpec {
  blocks: DocxBlock[];
  /** numId → its levels (one abstractNum per numId unless `abstract` is shared). `startOverride` overrides level 0. */
  numbering?: Array<{ numId: number; abstract?: number; startOverride?: number; levels: Array<{ level: number; format: string; text: string; start?: number }> }>;
  /** Paragraph styles beyond the ones `style` names; a style can carry numbering, as Word's heading styles do. */
  styles?: Array<{ id: string; basedOn?: string; numbering?: { numId: number; level?: number } }>;
  /** Write text the way Word does: runs split mid-word, w:proofErr, bookmarks, rsid attributes, an empty w:sectPr. */
  wordQuirks?: boolean;
  /** Rule every table with single lines, as a printed list is (a PDF export then draws them). */
  tableBorders?: boolean;
  /** The tables' column widths in twips (1,800 each when not given). */
  columnWidths?: number[];
  /** Extra raw parts or relationships, for hostile-input tests. A part named here replaces the generated one. */
  extraParts?: Record<string, string>;
  extraDocumentRels?: string;
}

const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const REL = "http://schemas.openxmlformats.org/package/2006/relationships";
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
/** The namespaces Word 2016 declares on w:document, most of them unused by the body. */
const WORD_NAMESPACES = [
  'xmlns:wpc="http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas"',
  'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"',
  'xmlns:o="urn:schemas-microsoft-com:office:office"',
  `xmlns:r="${R}"`,
  'xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math"',
  'xmlns:v="urn:schemas-microsoft-com:vml"',
  'xmlns:wp14="http://schemas.microsoft.com/office/word/2010/wordprocessingDrawing"',
  'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"',
  'xmlns:w10="urn:schemas-microsoft-com:office:word"',
  `xmlns:w="${W}"`,
  'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml"',
  'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"',
  'mc:Ignorable="w14 wp14"',
].join(" ");

export function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** A w:document around raw body XML, for tests that need markup the description cannot say. */
export function documentXml(body: string): string {
  return `${XML_HEAD}<w:document ${WORD_NAMESPACES}><w:body>${body}<w:sectPr/></w:body></w:document>`;
}

export function writeDocx(spec: DocxSpec): Uint8Array {
  const writer = new BodyWriter(spec.wordQuirks === true, spec.tableBorders === true, spec.columnWidths);
  const body = spec.blocks.map((b) => ("table" in b ? writer.table(b.table) : writer.paragraph([b.paragraph], b.numbering, b.style))).join("");
  const sectPr = spec.wordQuirks ? "<w:sectPr/>" : '<w:sectPr><w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/></w:sectPr>';
  const documentPart = `${XML_HEAD}<w:document ${WORD_NAMESPACES}><w:body>${body}${sectPr}</w:body></w:document>`;

  const usedStyles = new Set<string>();
  for (const b of spec.blocks) if ("paragraph" in b && b.style) usedStyles.add(b.style);
  const parts: Record<string, string> = {
    "[Content_Types].xml": contentTypes(spec.numbering !== undefined),
    "_rels/.rels": `${XML_HEAD}<Relationships xmlns="${REL}"><Relationship Id="rId1" Type="${R}/officeDocument" Target="word/document.xml"/></Relationships>`,
    "word/document.xml": documentPart,
    "word/_rels/document.xml.rels": documentRels(spec),
    "word/styles.xml": stylesXml(usedStyles, spec.styles ?? []),
  };
  if (spec.numbering) parts["word/numbering.xml"] = numberingXml(spec.numbering);
  Object.assign(parts, spec.extraParts);
  const files: Record<string, Uint8Array> = {};
  for (const [name, text] of Object.entries(parts)) files[name] = strToU8(text);
  return zipSync(files, { level: 6, mtime: new Date("2024-01-01T00:00:00Z") });
}

function contentTypes(numbering: boolean): string {
  const main = "application/vnd.openxmlformats-officedocument.wordprocessingml";
  return (
    `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    `<Override PartName="/word/document.xml" ContentType="${main}.document.main+xml"/>` +
    `<Override PartName="/word/styles.xml" ContentType="${main}.styles+xml"/>` +
    (numbering ? `<Override PartName="/word/numbering.xml" ContentType="${main}.numbering+xml"/>` : "") +
    "</Types>"
  );
}

function documentRels(spec: DocxSpec): string {
  let rels = `<Relationship Id="rIdStyles" Type="${R}/styles" Target="styles.xml"/>`;
  if (spec.numbering) rels += `<Relationship Id="rIdNumbering" Type="${R}/numbering" Target="numbering.xml"/>`;
  // Word keeps a hyperlink's address as an external relationship, the one kind a source may have.
  if (spec.wordQuirks) rels += `<Relationship Id="rIdLink" Type="${R}/hyperlink" Target="https://www.gov.cn/zhengce/" TargetMode="External"/>`;
  return `${XML_HEAD}<Relationships xmlns="${REL}">${rels}${spec.extraDocumentRels ?? ""}</Relationships>`;
}

function stylesXml(used: Set<string>, styles: NonNullable<DocxSpec["styles"]>): string {
  const defined = new Set(styles.map((s) => s.id));
  let out =
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>' +
    '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/></w:style>';
  for (const s of styles) {
    const numPr = s.numbering ? `<w:pPr><w:numPr>${s.numbering.level === undefined ? "" : `<w:ilvl w:val="${s.numbering.level}"/>`}<w:numId w:val="${s.numbering.numId}"/></w:numPr></w:pPr>` : "";
    out += `<w:style w:type="paragraph" w:styleId="${escapeXml(s.id)}"><w:name w:val="${escapeXml(s.id)}"/>${s.basedOn ? `<w:basedOn w:val="${escapeXml(s.basedOn)}"/>` : ""}${numPr}</w:style>`;
  }
  for (const id of used) {
    if (!defined.has(id)) out += `<w:style w:type="paragraph" w:styleId="${escapeXml(id)}"><w:name w:val="${escapeXml(id)}"/><w:basedOn w:val="Normal"/></w:style>`;
  }
  return `${XML_HEAD}<w:styles xmlns:w="${W}">${out}</w:styles>`;
}

function numberingXml(numbering: NonNullable<DocxSpec["numbering"]>): string {
  const abstracts = new Map<number, string>();
  let nums = "";
  for (const n of numbering) {
    const abstractId = n.abstract ?? n.numId;
    if (!abstracts.has(abstractId)) {
      const levels = n.levels
        .map(
          (l) =>
            `<w:lvl w:ilvl="${l.level}" w:tplc="04090019"><w:start w:val="${l.start ?? 1}"/><w:numFmt w:val="${l.format}"/>` +
            `<w:lvlText w:val="${escapeXml(l.text)}"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="${420 * (l.level + 1)}" w:hanging="420"/></w:pPr></w:lvl>`,
        )
        .join("");
      abstracts.set(abstractId, `<w:abstractNum w:abstractNumId="${abstractId}"><w:multiLevelType w:val="hybridMultilevel"/>${levels}</w:abstractNum>`);
    }
    const override = n.startOverride === undefined ? "" : `<w:lvlOverride w:ilvl="0"><w:startOverride w:val="${n.startOverride}"/></w:lvlOverride>`;
    nums += `<w:num w:numId="${n.numId}"><w:abstractNumId w:val="${abstractId}"/>${override}</w:num>`;
  }
  // The schema puts every w:abstractNum before the first w:num.
  return `${XML_HEAD}<w:numbering xmlns:w="${W}">${[...abstracts.values()].join("")}${nums}</w:numbering>`;
}

const PIECE_SIZES = [3, 12, 1, 9, 6, 2, 14, 8, 5, 11];

/** Writes paragraphs and tables; with quirks, each run of text in one of the shapes Word leaves behind after editing. */
class BodyWriter {
  quirks: boolean;
  borders: boolean;
  widths: number[] | undefined;
  /** Counts runs and paragraphs so the quirks vary through the document but the output is the same every time. */
  step = 0;
  constructor(quirks: boolean, borders = false, widths?: number[]) {
    this.quirks = quirks;
    this.borders = borders;
    this.widths = widths;
  }

  rsid(): string {
    return (0x00a1b2c3 + this.step * 7919).toString(16).toUpperCase().padStart(8, "0").slice(-8);
  }

  paragraph(lines: string[], numbering?: { numId: number; level: number }, style?: string): string {
    this.step++;
    const props =
      (style ? `<w:pStyle w:val="${escapeXml(style)}"/>` : "") +
      (numbering ? `<w:numPr><w:ilvl w:val="${numbering.level}"/><w:numId w:val="${numbering.numId}"/></w:numPr>` : "") +
      (this.quirks ? '<w:spacing w:line="560" w:lineRule="exact"/><w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr>' : "");
    const pPr = props ? `<w:pPr>${props}</w:pPr>` : "";
    const attrs = this.quirks ? ` w:rsidR="${this.rsid()}" w:rsidRDefault="${this.rsid()}" w:rsidP="00C3D4E5" w14:paraId="${this.rsid()}" w14:textId="77777777"` : "";
    const content = lines
      .flatMap((line) => line.split("\n"))
      .map((line) => this.text(line))
      .join("<w:r><w:br/></w:r>");
    const noise = this.quirks && this.step % 7 === 0 ? this.textBoxRun() : "";
    return `<w:p${attrs}>${pPr}${noise}${content}</w:p>`;
  }

  table(rows: DocxCell[][]): string {
    const width = Math.max(1, ...rows.map((r) => r.reduce((n, c) => n + (c.gridSpan ?? 1), 0)));
    const grid = `<w:tblGrid>${Array.from({ length: width }, (_, i) => `<w:gridCol w:w="${this.widths?.[i] ?? 1800}"/>`).join("")}</w:tblGrid>`;
    const line = (side: string) => `<w:${side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>`;
    const borders = this.borders ? `<w:tblBorders>${["top", "left", "bottom", "right", "insideH", "insideV"].map(line).join("")}</w:tblBorders>` : "";
    const tblPr = `<w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/>${borders}<w:tblLook w:val="04A0"/></w:tblPr>`;
    const body = rows
      .map((row) => {
        const cells = row.map((cell) => {
          const tcPr =
            '<w:tcPr><w:tcW w:w="1800" w:type="dxa"/>' +
            (cell.gridSpan && cell.gridSpan > 1 ? `<w:gridSpan w:val="${cell.gridSpan}"/>` : "") +
            (cell.vMerge === "restart" ? '<w:vMerge w:val="restart"/>' : cell.vMerge === "continue" ? "<w:vMerge/>" : "") +
            '<w:vAlign w:val="center"/></w:tcPr>';
          const texts = Array.isArray(cell.text) ? cell.text : [cell.text];
          // Word always leaves one paragraph in a cell; with quirks, a cell's lines are one paragraph broken by w:br.
          const paragraphs = this.quirks
            ? this.paragraph(texts.length ? texts : [""], cell.numbering)
            : (texts.length ? texts : [""]).map((t, i) => this.paragraph([t], i === 0 ? cell.numbering : undefined)).join("");
          return `<w:tc>${tcPr}${paragraphs}</w:tc>`;
        });
        const trAttrs = this.quirks ? ` w:rsidR="${this.rsid()}" w:rsidTr="00D5E6F7"` : "";
        return `<w:tr${trAttrs}><w:trPr><w:jc w:val="center"/></w:trPr>${cells.join("")}</w:tr>`;
      })
      .join("");
    return `<w:tbl>${tblPr}${grid}${body}</w:tbl>`;
  }

  /** A line of text: one run, or with quirks, pieces of one to three characters in Word's many wrappers. */
  text(line: string): string {
    if (!this.quirks) return line === "" ? "" : `<w:r><w:t xml:space="preserve">${escapeXml(line)}</w:t></w:r>`;
    const chars = [...line];
    let out = "";
    // Pieces of 1 to 14 characters, about what an edited Word file has: a split wherever the font changes or an
    // edit began, often inside a word.
    for (let at = 0, i = 0; at < chars.length; i++) {
      const size = PIECE_SIZES[(this.step + i) % PIECE_SIZES.length];
      out += this.piece(chars.slice(at, at + size).join(""));
      at += size;
    }
    return out;
  }

  piece(text: string): string {
    this.step++;
    const rPr = '<w:rPr><w:rFonts w:ascii="仿宋_GB2312" w:eastAsia="仿宋_GB2312" w:hint="eastAsia"/><w:sz w:val="32"/></w:rPr>';
    const run = (t: string) => `<w:r w:rsidR="${this.rsid()}">${rPr}<w:t xml:space="preserve">${escapeXml(t)}</w:t></w:r>`;
    // Most runs are plain, as in Word; every shape below still turns up within twenty pieces.
    switch (this.step % 20) {
      case 0:
        return `<w:proofErr w:type="spellStart"/>${run(text)}<w:proofErr w:type="spellEnd"/>`;
      case 1:
        // Tracked changes: the deleted and moved-away text is not what the document says now.
        return `<w:del w:id="${this.step}" w:author="审核" w:date="2024-03-01T09:00:00Z"><w:r><w:delText>已删除</w:delText></w:r></w:del><w:ins w:id="${this.step + 1}" w:author="审核" w:date="2024-03-01T09:00:00Z">${run(text)}</w:ins>`;
      case 2:
        return `<w:moveFrom w:id="${this.step}" w:author="审核" w:date="2024-03-01T09:00:00Z"><w:r><w:t>移走的</w:t></w:r></w:moveFrom>${run(text)}`;
      case 3:
        return (
          `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> MERGEFIELD 任务名称 \\* MERGEFORMAT </w:instrText></w:r>` +
          `<w:r><w:fldChar w:fldCharType="separate"/></w:r>${run(text)}<w:r><w:fldChar w:fldCharType="end"/></w:r>`
        );
      case 4:
        return `<w:hyperlink r:id="rIdLink" w:history="1"><w:r><w:rPr><w:rStyle w:val="Hyperlink"/></w:rPr><w:t>${escapeXml(text)}</w:t></w:r></w:hyperlink>`;
      case 5:
        return `<w:bookmarkStart w:id="${this.step}" w:name="_Hlk${this.step}"/>${run(text)}<w:bookmarkEnd w:id="${this.step}"/>`;
      case 6:
        return `<w:fldSimple w:instr=" DOCPROPERTY 任务 "><w:r><w:t>${escapeXml(text)}</w:t></w:r></w:fldSimple>`;
      case 7:
        return `<w:sdt><w:sdtPr><w:alias w:val="内容"/><w:id w:val="${this.step}"/><w:text/></w:sdtPr><w:sdtContent>${run(text)}</w:sdtContent></w:sdt>`;
      case 8:
        return `<w:smartTag w:uri="urn:schemas-microsoft-com:office:smarttags" w:element="chsdate">${run(text)}</w:smartTag><w:r><w:softHyphen/><w:lastRenderedPageBreak/></w:r>`;
      default:
        return run(text);
    }
  }

  /** A floating text box (drawing, with a VML fallback): its text is not the paragraph's. */
  textBoxRun(): string {
    const box = '<w:txbxContent><w:p><w:r><w:t>文本框里的字</w:t></w:r></w:p></w:txbxContent>';
    return (
      '<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="1" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">' +
      `<wps:wsp><wps:txbx>${box}</wps:txbx></wps:wsp></wp:anchor></w:drawing></mc:Choice>` +
      `<mc:Fallback><w:pict><v:shape style="position:absolute"><v:textbox>${box}</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>`
    );
  }
}

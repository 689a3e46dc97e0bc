/**
 * A4 documents with Chinese text (办事指南, 一次性告知书, later receipts): a pdfkit document with
 * the CJK fonts registered, and small layout helpers that keep a common look — a header with
 * an optional QR code, section headings, key-value rows, wrapping tables, numbered lists, a
 * signature and seal area, and "第 1 页 / 共 N 页" footers.
 *
 * Helpers draw at the left margin from `doc.y` and leave `doc.y` below what they drew.
 */
import PDFDocument from 'pdfkit';
import { cjkFaces } from './fonts.ts';

export type Pdf = PDFKit.PDFDocument;

/** Font names registered on every document. */
export const fonts = { regular: 'cjk', bold: 'cjk-bold' } as const;

export const colors = {
  text: '#1f1f1f',
  muted: '#595959',
  accent: '#1d4f91',
  rule: '#bfbfbf',
  faint: '#e8e8e8',
  headerFill: '#eef2f8',
} as const;

const sizes = { title: 19, subtitle: 11.5, meta: 9, section: 12.5, body: 10, table: 9, footer: 8 } as const;
/** Extra space between wrapped lines: CJK text needs air. */
const lineGap = 2.5;

export interface DocumentInfo {
  title: string;
  subject?: string;
  author?: string;
  keywords?: string;
}

/** An A4 document, 2 cm margins, pages buffered (for footers), CJK fonts registered and selected. */
export function createA4Document(info: DocumentInfo): Pdf {
  const faces = cjkFaces();
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 56, bottom: 62, left: 56, right: 56 },
    bufferPages: true,
    lang: 'zh-CN',
    displayTitle: true,
    info: {
      Title: info.title,
      ...(info.subject ? { Subject: info.subject } : {}),
      Author: info.author ?? 'Tongban (通办)',
      ...(info.keywords ? { Keywords: info.keywords } : {}),
      Creator: 'Tongban (通办)',
    },
  });
  doc.registerFont(fonts.regular, faces.regular.file, faces.regular.postscriptName);
  doc.registerFont(fonts.bold, faces.bold.file, faces.bold.postscriptName);
  doc.font(fonts.regular).fontSize(sizes.body).fillColor(colors.text);
  return doc;
}

// ---- Geometry

export const left = (doc: Pdf): number => doc.page.margins.left;
export const contentWidth = (doc: Pdf): number => doc.page.width - doc.page.margins.left - doc.page.margins.right;
/** The lowest y content may reach on the current page. */
export const bottom = (doc: Pdf): number => doc.page.height - doc.page.margins.bottom;

/** Starts a new page unless `height` points still fit on this one. */
export function ensureSpace(doc: Pdf, height: number): void {
  if (doc.y + height > bottom(doc)) doc.addPage();
}

function lineHeight(doc: Pdf, size: number): number {
  doc.fontSize(size);
  return doc.currentLineHeight(true) + lineGap;
}

/** Text shown for an empty value. */
export const EMPTY = '无';
const orEmpty = (s: string): string => (s.trim() === '' ? EMPTY : s);

// ---- Blocks

export interface HeaderOptions {
  title: string;
  subtitle?: string;
  /** Small lines under the subtitle (codes, version, department). */
  lines?: string[];
  /** A QR code in the top-right corner, with a caption under it. */
  qr?: { png: Buffer; caption: string };
}

/** The document header; call it first on page 1. */
export function header(doc: Pdf, { title, subtitle, lines = [], qr }: HeaderOptions): void {
  const x = left(doc);
  const top = doc.page.margins.top;
  const width = contentWidth(doc);
  const qrSize = 82;
  const captionWidth = qrSize + 20;
  const textWidth = qr ? width - captionWidth - 12 : width;
  let qrBottom = top;
  if (qr) {
    const qrX = x + width - qrSize - (captionWidth - qrSize) / 2;
    doc.image(qr.png, qrX, top, { width: qrSize, height: qrSize });
    doc
      .font(fonts.regular)
      .fontSize(7.5)
      .fillColor(colors.muted)
      .text(qr.caption, x + width - captionWidth, top + qrSize + 2, { width: captionWidth, align: 'center', lineGap: 1 });
    qrBottom = doc.y;
  }
  doc.font(fonts.bold).fontSize(sizes.title).fillColor(colors.text).text(title, x, top, { width: textWidth, lineGap: 2 });
  if (subtitle) doc.moveDown(0.15).font(fonts.regular).fontSize(sizes.subtitle).fillColor(colors.accent).text(subtitle, x, doc.y, { width: textWidth });
  if (lines.length > 0) {
    doc.moveDown(0.35).font(fonts.regular).fontSize(sizes.meta).fillColor(colors.muted);
    for (const line of lines) doc.text(line, x, doc.y, { width: textWidth, lineGap: 1.5 });
  }
  const y = Math.max(doc.y, qrBottom) + 8;
  doc
    .moveTo(x, y)
    .lineTo(x + width, y)
    .lineWidth(1.5)
    .strokeColor(colors.accent)
    .stroke();
  doc.x = x;
  doc.y = y + 12;
  doc.font(fonts.regular).fontSize(sizes.body).fillColor(colors.text);
}

/**
 * A section heading ("一、受理条件"), kept on the same page as the start of its section:
 * `keepWith` points of what follows (three lines of text unless told, e.g. `tableStartHeight`).
 */
export function sectionHeading(doc: Pdf, text: string, { keepWith }: { keepWith?: number } = {}): void {
  const x = left(doc);
  const h = lineHeight(doc, sizes.section);
  ensureSpace(doc, h + 11 + (keepWith ?? lineHeight(doc, sizes.body) * 3));
  if (doc.y > doc.page.margins.top + 1) doc.y += 6;
  const y = doc.y;
  doc.rect(x, y + 2, 3, h - lineGap - 3).fill(colors.accent);
  doc
    .font(fonts.bold)
    .fontSize(sizes.section)
    .fillColor(colors.accent)
    .text(text, x + 9, y, { width: contentWidth(doc) - 9 });
  doc.x = x;
  doc.y += 5;
  doc.font(fonts.regular).fontSize(sizes.body).fillColor(colors.text);
}

/** Running text at full width; flows onto the next pages when long. */
export function paragraph(
  doc: Pdf,
  text: string,
  { indent = 0, size = sizes.body, color = colors.text, bold = false }: { indent?: number; size?: number; color?: string; bold?: boolean } = {},
): void {
  const x = left(doc) + indent;
  ensureSpace(doc, lineHeight(doc, size) * 2);
  doc
    .font(bold ? fonts.bold : fonts.regular)
    .fontSize(size)
    .fillColor(color)
    .text(orEmpty(text), x, doc.y, { width: contentWidth(doc) - indent, lineGap });
  doc.x = left(doc);
  doc.y += 4;
  doc.fillColor(colors.text);
}

/**
 * Label / value rows: the label in a fixed column, the value wrapping beside it (and flowing
 * onto the next page when it is very long).
 */
export function keyValueRows(doc: Pdf, rows: readonly (readonly [string, string])[], { labelWidth = 92 }: { labelWidth?: number } = {}): void {
  const x = left(doc);
  const width = contentWidth(doc);
  const gap = 10;
  const valueWidth = width - labelWidth - gap;
  for (const [label, rawValue] of rows) {
    const value = orEmpty(rawValue);
    doc.font(fonts.regular).fontSize(sizes.body);
    const valueHeight = doc.heightOfString(value, { width: valueWidth, lineGap });
    ensureSpace(doc, Math.min(valueHeight, lineHeight(doc, sizes.body) * 3) + 4);
    const page = doc.page;
    const y = doc.y;
    doc.font(fonts.bold).fontSize(sizes.body).fillColor(colors.muted).text(label, x, y, { width: labelWidth, lineGap });
    const labelBottom = doc.y;
    doc
      .font(fonts.regular)
      .fillColor(colors.text)
      .text(value, x + labelWidth + gap, y, { width: valueWidth, lineGap });
    const rowBottom = (doc.page === page ? Math.max(doc.y, labelBottom) : doc.y) + 3;
    doc
      .moveTo(x, rowBottom)
      .lineTo(x + width, rowBottom)
      .lineWidth(0.5)
      .strokeColor(colors.faint)
      .stroke();
    doc.x = x;
    doc.y = rowBottom + 4;
  }
  doc.y += 2;
}

export interface Column {
  header: string;
  /** Relative width: columns share the content width in proportion. */
  weight: number;
  align?: 'left' | 'center';
}

/**
 * A table with borders and a shaded header row; cells wrap, rows never split across pages,
 * and the header row repeats on each new page. A row taller than a whole page is cut with an
 * ellipsis.
 */
const cellPad = 4;
const cellGap = 1.5;

function tableLayout(doc: Pdf, columns: readonly Column[]) {
  const total = columns.reduce((n, c) => n + c.weight, 0);
  const widths = columns.map((c) => (c.weight / total) * contentWidth(doc));
  const rowHeight = (cells: readonly string[], font: string) => {
    doc.font(font).fontSize(sizes.table);
    return Math.max(...cells.map((cell, i) => doc.heightOfString(cell || ' ', { width: widths[i]! - 2 * cellPad, lineGap: cellGap }))) + 2 * cellPad;
  };
  const headerHeight = rowHeight(
    columns.map((c) => c.header),
    fonts.bold,
  );
  /** Rows taller than a page are cut to one page. */
  const pageRoom = () => bottom(doc) - doc.page.margins.top - headerHeight;
  return { widths, rowHeight, headerHeight, pageRoom };
}

/** The height a table needs on the current page: its header and first row (for keep-with-next). */
export function tableStartHeight(doc: Pdf, columns: readonly Column[], rows: readonly (readonly string[])[]): number {
  const { rowHeight, headerHeight, pageRoom } = tableLayout(doc, columns);
  return headerHeight + (rows[0] ? Math.min(rowHeight(rows[0], fonts.regular), pageRoom()) : 0);
}

export function table(doc: Pdf, columns: readonly Column[], rows: readonly (readonly string[])[]): void {
  const x0 = left(doc);
  const pad = cellPad;
  const { widths, rowHeight, headerHeight, pageRoom } = tableLayout(doc, columns);
  const drawRow = (cells: readonly string[], isHeader: boolean, height: number) => {
    const y = doc.y;
    let x = x0;
    for (const [i, cell] of cells.entries()) {
      const w = widths[i]!;
      if (isHeader) doc.rect(x, y, w, height).fillAndStroke(colors.headerFill, colors.rule);
      else doc.rect(x, y, w, height).lineWidth(0.5).strokeColor(colors.rule).stroke();
      doc
        .font(isHeader ? fonts.bold : fonts.regular)
        .fontSize(sizes.table)
        .fillColor(colors.text)
        .text(cell, x + pad, y + pad, {
          width: w - 2 * pad,
          height: height - 2 * pad + 1,
          ellipsis: true,
          lineGap: cellGap,
          align: isHeader ? 'center' : (columns[i]?.align ?? 'left'),
        });
      x += w;
    }
    doc.x = x0;
    doc.y = y + height;
  };
  const headers = columns.map((c) => c.header);

  doc.lineWidth(0.5);
  ensureSpace(doc, tableStartHeight(doc, columns, rows));
  drawRow(headers, true, headerHeight);
  for (const row of rows) {
    const height = Math.min(rowHeight(row, fonts.regular), pageRoom());
    if (doc.y + height > bottom(doc)) {
      doc.addPage();
      drawRow(headers, true, headerHeight);
    }
    drawRow(row, false, height);
  }
  doc.y += 8;
  doc.font(fonts.regular).fontSize(sizes.body).fillColor(colors.text);
}

export interface ListItem {
  title: string;
  /** Smaller lines under the title. */
  details?: string[];
}

/** "1. title" with indented detail lines; an item starts on a new page rather than being orphaned. */
export function numberedList(doc: Pdf, items: readonly ListItem[]): void {
  const x = left(doc);
  const width = contentWidth(doc);
  const numberWidth = 22;
  items.forEach((item, i) => {
    doc.font(fonts.bold).fontSize(sizes.body);
    const titleHeight = doc.heightOfString(item.title, { width: width - numberWidth, lineGap });
    ensureSpace(doc, titleHeight + lineHeight(doc, sizes.table) * Math.min(2, item.details?.length ?? 0));
    const y = doc.y;
    doc
      .font(fonts.bold)
      .fontSize(sizes.body)
      .fillColor(colors.accent)
      .text(`${i + 1}.`, x, y, { width: numberWidth, lineGap });
    doc.fillColor(colors.text).text(item.title, x + numberWidth, y, { width: width - numberWidth, lineGap });
    doc.font(fonts.regular).fontSize(sizes.table).fillColor(colors.muted);
    for (const detail of item.details ?? []) doc.text(detail, x + numberWidth, doc.y, { width: width - numberWidth, lineGap: 1.5 });
    doc.x = x;
    doc.y += 5;
  });
  doc.font(fonts.regular).fontSize(sizes.body).fillColor(colors.text);
}

/** A bulleted list of short lines ("· …"). */
export function bulletList(doc: Pdf, lines: readonly string[]): void {
  const x = left(doc);
  const width = contentWidth(doc);
  for (const line of lines) {
    doc.font(fonts.regular).fontSize(sizes.body);
    ensureSpace(doc, lineHeight(doc, sizes.body));
    const y = doc.y;
    doc.fillColor(colors.accent).text('·', x + 2, y, { width: 12, lineGap });
    doc.fillColor(colors.text).text(line, x + 14, y, { width: width - 14, lineGap });
    doc.x = x;
    doc.y += 2;
  }
  doc.y += 2;
}

/**
 * A bordered signature and seal area: one line per field on the left (经办人 / 日期 …), an
 * empty box for the seal on the right, kept on one page with an optional bold statement above it.
 */
export interface SignatureField {
  label: string;
  /** Printed at the right end of the line, e.g. the 年 / 月 / 日 of a date line. */
  trailing?: string;
}

export function signatureArea(doc: Pdf, fields: readonly SignatureField[], sealLabel: string, { statement }: { statement?: string } = {}): void {
  const x = left(doc);
  const width = contentWidth(doc);
  const rowHeight = 30;
  const height = Math.max(fields.length * rowHeight + 20, 110);
  doc.font(fonts.bold).fontSize(sizes.body);
  const statementHeight = statement ? doc.heightOfString(statement, { width, lineGap }) + 8 : 0;
  // The statement (what the signer confirms) stays on the same page as the signature.
  ensureSpace(doc, statementHeight + height + 12);
  if (statement) {
    doc.fillColor(colors.text).text(statement, x, doc.y, { width, lineGap });
    doc.y += 2;
  }
  doc.y += 6;
  const y = doc.y;
  const sealWidth = 170;
  doc.lineWidth(0.75).strokeColor(colors.rule).rect(x, y, width, height).stroke();
  doc
    .moveTo(x + width - sealWidth, y)
    .lineTo(x + width - sealWidth, y + height)
    .stroke();
  doc.font(fonts.regular).fontSize(sizes.body).fillColor(colors.text);
  const lineEnd = x + width - sealWidth - 20;
  fields.forEach((field, i) => {
    const lineY = y + 14 + i * rowHeight;
    doc.text(field.label, x + 14, lineY, { width: 70, lineBreak: false });
    if (field.trailing) doc.text(field.trailing, lineEnd - 120, lineY, { width: 116, align: 'right', lineBreak: false });
    doc
      .moveTo(x + 84, lineY + 13)
      .lineTo(lineEnd, lineY + 13)
      .lineWidth(0.5)
      .strokeColor(colors.muted)
      .stroke();
  });
  doc.text(sealLabel, x + width - sealWidth + 12, y + 12, { width: sealWidth - 24, lineBreak: false });
  doc.x = x;
  doc.y = y + height + 10;
}

/**
 * Footers on every buffered page: an optional note on the left, "第 i 页 / 共 N 页" on the right.
 * Call once, after the content.
 */
export function addPageNumbers(doc: Pdf, { note = '' }: { note?: string } = {}): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const savedBottom = doc.page.margins.bottom;
    // Writing inside the bottom margin would otherwise open a new page.
    doc.page.margins.bottom = 0;
    const x = doc.page.margins.left;
    const width = contentWidth(doc);
    const y = doc.page.height - savedBottom + 22;
    doc
      .moveTo(x, y - 6)
      .lineTo(x + width, y - 6)
      .lineWidth(0.5)
      .strokeColor(colors.rule)
      .stroke();
    doc.font(fonts.regular).fontSize(sizes.footer).fillColor(colors.muted);
    if (note) doc.text(note, x, y, { width: width * 0.7, lineBreak: false, ellipsis: true });
    doc.text(`第 ${i - range.start + 1} 页 / 共 ${range.count} 页`, x + width * 0.7, y, { width: width * 0.3, align: 'right', lineBreak: false });
    doc.page.margins.bottom = savedBottom;
  }
}

/** Ends the document and resolves with its bytes. */
export function toBuffer(doc: Pdf): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}

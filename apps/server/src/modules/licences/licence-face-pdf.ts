/**
 * The printable licence face (证照照面打印件): the holder's own copy of one licence as an A4 PDF,
 * drawn from the wallet's detail (`LicenceDetail`, full ID number), with the type name as title,
 * the identifier, number, holder, issuer, dates, status, every data field, the history, and a QR
 * code (扫码核验) of the public verify page, which anyone can open to check it is genuine and in force.
 */
import type { LicenceDetail, LicenceStatusName } from '@tongban/contracts';
import { chinaToday, LICENCE_STATUS_CODES } from '@tongban/domain';
import {
  addPageNumbers,
  colors,
  contentWidth,
  createA4Document,
  ensureSpace,
  fonts,
  header,
  keyValueRows,
  left,
  paragraph,
  sectionHeading,
  table,
  tableStartHeight,
  toBuffer,
  type Column,
  type Pdf,
} from '../../platform/documents/pdf.ts';
import { qrPng } from '../../platform/documents/qr.ts';
import { createRenderCache } from '../../platform/documents/render-cache.ts';

/**
 * The public verify page a face's QR code opens (web: `features/portal/licences/VerifyLicencePage`).
 * The identifier goes in the query: it contains dots, and a path ending in `.K` would be taken for a file.
 */
export function licenceVerifyPageUrl(baseUrl: string, identifier: string): string {
  return `${baseUrl}/verify/licence?id=${encodeURIComponent(identifier)}`;
}

export function licenceFacePath(identifier: string): string {
  return `/api/licenses/${encodeURIComponent(identifier)}/face.pdf`;
}

// ---- Wording

/** What each lifecycle action is called on the face's history (docs: LICENCE_ACTIONS). */
const actionLabels: Record<string, string> = {
  issue: '签发',
  suspend: '暂扣',
  restore: '发还',
  revoke: '撤销',
  penalty_revoke: '吊销',
  cancel: '注销',
  expire: '失效',
  renew: '延续',
  change: '变更',
  transfer_out: '办理转出',
};

/** Why a licence that is not in force is not, in one line for the banner. */
const notInForce: Partial<Record<LicenceStatusName, string>> = {
  suspended: '本证照已被暂扣，暂扣期间不能使用。',
  revoked: '本证照已被撤销，不再有效。',
  cancelled: '本证照已注销，不再有效。',
  expired: '本证照已超过有效期限，不再有效。',
  superseded: '本证照已由新版本替代，不再有效。',
  transferred_out: '本证照已办理转出，不再有效。',
  penalty_revoked: '本证照已被吊销，不再有效。',
  other: '本证照当前不在有效状态。',
};

/** YYYY-MM-DD (or an ISO time, taken in China) as 2026年3月2日. */
function chineseDate(value: string): string {
  const day = /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : chinaToday(new Date(value));
  const [y, m, d] = day.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** An ISO time as 2026年3月2日 09:05 in China. */
function chineseDateTime(iso: string): string {
  const hm = new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString().slice(11, 16);
  return `${chineseDate(iso)} ${hm}`;
}

export function validityText(face: Pick<LicenceDetail, 'validFrom' | 'validUntil'>): string {
  return face.validUntil ? `${chineseDate(face.validFrom)} 至 ${chineseDate(face.validUntil)}` : '长期有效';
}

/** A resident ID number (17 digits and a digit or X) or else a unified social credit code. */
const holderIdLabel = (idNumber: string) => (/^\d{17}[\dX]$/.test(idNumber) ? '公民身份号码' : '统一社会信用代码');

// ---- Drawing

/** A red framed line under the header when the licence is not in force. */
function statusBanner(doc: Pdf, text: string): void {
  const x = left(doc);
  const width = contentWidth(doc);
  doc.font(fonts.bold).fontSize(12);
  const height = doc.heightOfString(text, { width: width - 24 }) + 16;
  ensureSpace(doc, height + 8);
  const y = doc.y;
  doc.lineWidth(1.2).rect(x, y, width, height).fillAndStroke('#fdecec', '#c41d1d');
  doc.fillColor('#c41d1d').text(text, x + 12, y + 8, { width: width - 24 });
  doc.x = x;
  doc.y = y + height + 10;
  doc.font(fonts.regular).fontSize(10).fillColor(colors.text);
}

/** One label column for both blocks (照面 labels such as 法定代表人（经营者） are long). */
const labelWidth = 112;

const historyColumns: Column[] = [
  { header: '时间', weight: 2.2 },
  { header: '事项', weight: 1.1, align: 'center' },
  { header: '状态', weight: 1.1, align: 'center' },
  { header: '说明', weight: 4 },
];

async function draw(face: LicenceDetail, verifyUrl: string): Promise<Buffer> {
  const doc = createA4Document({ title: `${face.typeName} ${face.number}`, subject: '电子证照照面', author: face.issuerName, keywords: face.identifier });
  header(doc, {
    title: face.typeName,
    subtitle: '电子证照 · 照面',
    lines: [`证照编号：${face.number}`, `发证机关：${face.issuerName}`],
    qr: { png: await qrPng(verifyUrl), caption: '扫码核验' },
  });

  const warning = face.status === 'valid' ? null : notInForce[face.status];
  if (warning) statusBanner(doc, `证照状态：${face.statusLabel}。${warning}`);

  sectionHeading(doc, '一、证照信息');
  keyValueRows(
    doc,
    [
      ['证照标识', face.identifier],
      ['证照编号', face.version > 1 ? `${face.number}（第 ${face.version} 版）` : face.number],
      ['持证主体', face.holderName],
      [holderIdLabel(face.holderIdNumber), face.holderIdNumber],
      ['发证机关', face.issuerName],
      ['发证日期', chineseDate(face.issueDate)],
      ['有效期限', validityText(face)],
      ['证照状态', face.statusLabel],
      ...(face.caseNo ? [['办件编号', face.caseNo] as [string, string]] : []),
      ...(face.previousIdentifier ? [['原证照标识', face.previousIdentifier] as [string, string]] : []),
    ],
    { labelWidth },
  );

  sectionHeading(doc, '二、照面信息');
  keyValueRows(
    doc,
    face.fields.map((f) => [f.label, f.value] as const),
    { labelWidth },
  );

  const rows = face.history.map((h) => [
    chineseDateTime(h.at),
    actionLabels[h.action] ?? h.action,
    LICENCE_STATUS_CODES[h.toStatus].label,
    [h.reason, h.caseNo ? `办件编号 ${h.caseNo}` : null].filter(Boolean).join('；'),
  ]);
  if (rows.length > 0) {
    sectionHeading(doc, '三、证照记录', { keepWith: tableStartHeight(doc, historyColumns, rows) });
    table(doc, historyColumns, rows);
  }

  // 核验说明: what the QR code is for, and where else to check.
  doc.y += 6;
  paragraph(
    doc,
    `核验：扫描右上角二维码或在浏览器中打开 ${verifyUrl}，无需登录即可查看本证照的真伪和当前状态（以核验结果为准）。本打印件载有完整证件号码，仅供持证人使用，请妥善保管。`,
    {
      size: 8.5,
      color: colors.muted,
    },
  );

  addPageNumbers(doc, { note: `${face.typeName} · 证照编号 ${face.number}` });
  return toBuffer(doc);
}

export interface LicenceFacePdf {
  pdf: Buffer;
  /** 食品经营许可证-JY25119020001.pdf */
  fileName: string;
  asciiName: string;
}

/**
 * Renders faces, keeping the last few renderings: a 下载 followed by 打印 draws once. The key holds
 * everything that can change what is printed (status and history); only the holder reaches it.
 */
export function createLicenceFaces({ cacheSize = 16 }: { cacheSize?: number } = {}) {
  const cache = createRenderCache({ max: cacheSize });
  return {
    async render(face: LicenceDetail, baseUrl: string): Promise<LicenceFacePdf> {
      const url = licenceVerifyPageUrl(baseUrl, face.identifier);
      const key = [face.identifier, face.status, face.history.length, url].join('|');
      const pdf = await cache.get(key, () => draw(face, url));
      const safeNumber = face.number.replace(/[^0-9A-Za-z]/g, '');
      return { pdf, fileName: `${face.typeName}-${safeNumber}.pdf`, asciiName: `licence-${safeNumber}.pdf` };
    },
  };
}

export type LicenceFaces = ReturnType<typeof createLicenceFaces>;

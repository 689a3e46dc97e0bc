/**
 * Printable documents of a published item: the guide (办事指南, with the ten public elements
 * 十公开) and the one-time notice (一次性告知书) a window hands out. Both carry a QR code of the
 * online guide.
 */
import type { ItemVersion } from '@tongban/contracts';
import {
  addPageNumbers,
  bulletList,
  createA4Document,
  header,
  keyValueRows,
  numberedList,
  paragraph,
  sectionHeading,
  signatureArea,
  table,
  tableStartHeight,
  toBuffer,
  type Column,
  type Pdf,
} from '../../platform/documents/pdf.ts';
import { qrPng } from '../../platform/documents/qr.ts';
import { createRenderCache } from '../../platform/documents/render-cache.ts';
import {
  caseTypeLabels,
  channelsText,
  chinaDate,
  copiesText,
  crossRegionLabels,
  formLabels,
  HOTLINE,
  itemTypeLabels,
  materialNotes,
  necessityLabels,
  onlineDepthLabels,
  serviceObjectLabels,
  sourceText,
  timeLimitText,
} from './guide-text.ts';

export type PrintableKind = 'guide' | 'notice';

const printables = {
  guide: { render: renderGuidePdf, title: '办事指南', ascii: 'guide' },
  notice: { render: renderNoticePdf, title: '一次性告知书', ascii: 'notice' },
} as const;

/**
 * Renders an item's printable documents. A published version never changes, so each one is
 * rendered once per link base and kept in a small LRU cache.
 */
export function createGuideDocuments({ cacheSize = 32 }: { cacheSize?: number } = {}) {
  const cache = createRenderCache({ max: cacheSize });
  return {
    render(kind: PrintableKind, guide: ItemVersion, guideUrl: string): Promise<Buffer> {
      const key = JSON.stringify([kind, guide.item.implCode, guide.version, guide.publishedAt, guide.item.departmentName, guideUrl]);
      return cache.get(key, () => printables[kind].render(guide, guideUrl));
    },
    /** The download name ("食品经营许可（新办）-办事指南.pdf") and an ASCII fallback. */
    fileName(kind: PrintableKind, guide: ItemVersion): { name: string; ascii: string } {
      return { name: `${guide.content.name}-${printables[kind].title}.pdf`, ascii: `${guide.item.implCode}-${printables[kind].ascii}.pdf` };
    },
  };
}
export type GuideDocuments = ReturnType<typeof createGuideDocuments>;

/** The portal page of an item's guide, which the QR codes point to. */
export function guidePageUrl(baseUrl: string, implCode: string): string {
  return `${baseUrl}/portal/items/${encodeURIComponent(implCode)}`;
}

const numerals = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五'];

/** Numbers section headings in order: 一、… 二、… */
function sections(doc: Pdf) {
  let n = 0;
  const section = (title: string, keepWith?: number) =>
    sectionHeading(doc, `${numerals[n++] ?? String(n)}、${title}`, keepWith === undefined ? {} : { keepWith });
  /** A section holding a table (or `empty` when there are no rows), its heading kept with the table's first row. */
  const tableSection = (title: string, columns: readonly Column[], rows: readonly (readonly string[])[], empty: string) => {
    if (rows.length === 0) {
      section(title);
      paragraph(doc, empty);
      return;
    }
    section(title, tableStartHeight(doc, columns, rows));
    table(doc, columns, rows);
  };
  return { section, tableSection };
}

function headerLines(guide: ItemVersion): string[] {
  const published = chinaDate(guide.publishedAt);
  return [
    `实施编码：${guide.item.implCode}`,
    `实施主体：${guide.item.departmentName}`,
    `版本：第 ${guide.version} 版${published ? `\u3000\u3000发布日期：${published}` : ''}`,
  ];
}

const footerNote = (guide: ItemVersion) => `${guide.content.name} · ${guide.item.implCode} · 第 ${guide.version} 版`;

/** 办事指南: every public element of the published version, with a QR code of the online guide. */
export async function renderGuidePdf(guide: ItemVersion, guideUrl: string): Promise<Buffer> {
  const c = guide.content;
  const qr = await qrPng(guideUrl);
  const doc = createA4Document({ title: `${c.name} 办事指南`, subject: '办事指南', keywords: guide.item.implCode });
  header(doc, { title: c.name, subtitle: '办事指南', lines: headerLines(guide), qr: { png: qr, caption: '扫码查看网上办事指南' } });
  const { section, tableSection } = sections(doc);

  section('事项名称');
  keyValueRows(doc, [
    ['事项名称', c.name],
    ['事项类型', itemTypeLabels[c.itemType]],
    ['实施主体', guide.item.departmentName],
    ...(c.jointDepartments.length > 0 ? [['联办机构', c.jointDepartments.join('、')] as const] : []),
    ['服务对象', c.serviceObjects.map((o) => serviceObjectLabels[o]).join('、')],
    ['办件类型', caseTypeLabels[c.caseType]],
    ['到现场次数', `${c.visits}次${c.visitsReason.trim() ? `（${c.visitsReason.trim()}）` : ''}`],
    ['办理形式', channelsText(c.channels)],
    ['网办深度', c.onlineDepth.map((d) => onlineDepthLabels[d]).join('、')],
    ...(c.crossRegion !== 'none' ? [['通办范围', crossRegionLabels[c.crossRegion]] as const] : []),
    ['办理结果', c.resultName],
  ]);

  section('设定依据');
  paragraph(doc, c.legalBasis);

  tableSection(
    '办理流程',
    [
      { header: '序号', weight: 0.5, align: 'center' },
      { header: '环节', weight: 1.1, align: 'center' },
      { header: '办理内容', weight: 6 },
    ],
    c.procedure.map((p, i) => [String(i + 1), p.step, p.description]),
    '无',
  );

  section('受理条件');
  paragraph(doc, c.acceptanceConditions);

  tableSection(
    `申请材料（共 ${c.materials.length} 项）`,
    [
      { header: '序号', weight: 0.55, align: 'center' },
      { header: '材料名称', weight: 2.5 },
      { header: '原件/复印件', weight: 1.2, align: 'center' },
      { header: '形式', weight: 0.8, align: 'center' },
      { header: '必要性', weight: 1, align: 'center' },
      { header: '来源渠道', weight: 1.45 },
      { header: '说明', weight: 2.5 },
    ],
    c.materials.map((m, i) => [
      String(i + 1),
      m.name,
      copiesText(m),
      formLabels[m.form],
      necessityLabels[m.necessity],
      sourceText(m),
      materialNotes(m).join('\n'),
    ]),
    '无需提交申请材料。',
  );

  section('办结时限');
  keyValueRows(doc, [
    ['承诺办结时限', timeLimitText(c.promisedLimit)],
    ['法定办结时限', timeLimitText(c.legalLimit)],
  ]);

  section('办件进度查询方式');
  bulletList(doc, progressLines(c, guideUrl));

  tableSection(
    '收费项目、收费标准及收费依据',
    [
      { header: '收费项目', weight: 1.8 },
      { header: '收费标准', weight: 1.8 },
      { header: '收费依据', weight: 3.2 },
      { header: '减免', weight: 2.6 },
    ],
    c.charged ? c.fees.map((f) => [f.name, f.standard, f.basis, f.waivable ? `可减免${f.waiverBasis ? `：${f.waiverBasis}` : ''}` : '不减免']) : [],
    '不收费。',
  );

  section('办理地点和时间');
  keyValueRows(doc, [
    ['办理地点', c.place],
    ['办理时间', c.hours],
  ]);

  section('咨询和监督投诉');
  keyValueRows(doc, [
    ['咨询电话', c.consultationPhone],
    ['监督投诉电话', c.supervisionPhone || HOTLINE],
    ['便民热线', `${HOTLINE} 政务服务便民热线`],
  ]);

  const others = (
    [
      ['中介服务', c.intermediaryServices],
      ['特别程序', c.specialProcedures],
      ['数量限制', c.quantityLimit],
    ] as const
  ).filter(([, value]) => value.trim() !== '');
  if (others.length > 0) {
    section('其他事项');
    keyValueRows(doc, others);
  }

  if (c.faq.length > 0) {
    section('常见问题');
    numberedList(
      doc,
      c.faq.map((f) => ({ title: f.question, details: [f.answer] })),
    );
  }

  addPageNumbers(doc, { note: footerNote(guide) });
  return toBuffer(doc);
}

function progressLines(c: ItemVersion['content'], guideUrl: string): string[] {
  return [
    `网上查询：访问 ${guideUrl} 或扫描右上角二维码，登录后在“我的办件”中查看办理进度`,
    `电话查询：拨打 ${HOTLINE} 政务服务便民热线${c.consultationPhone ? `，或咨询电话 ${c.consultationPhone}` : ''}`,
    ...(c.place ? [`窗口查询：凭受理回执到${c.place}查询`] : []),
  ];
}

/**
 * 一次性告知书: every material (copies, form, necessity, filling notes), the conditions, the
 * time limit, where and when, the phones, and an empty area for the clerk's signature and the
 * window's seal.
 */
export async function renderNoticePdf(guide: ItemVersion, guideUrl: string): Promise<Buffer> {
  const c = guide.content;
  const qr = await qrPng(guideUrl);
  const doc = createA4Document({ title: `${c.name} 一次性告知书`, subject: '一次性告知书', keywords: guide.item.implCode });
  header(doc, { title: '一次性告知书', subtitle: c.name, lines: headerLines(guide), qr: { png: qr, caption: '扫码查看网上办事指南' } });
  const { section } = sections(doc);

  paragraph(doc, `申请人：______________________\n您申请办理“${c.name}”事项，现将所需的全部材料和办理要求一次性告知如下：`);

  section(`申请材料（共 ${c.materials.length} 项）`);
  if (c.materials.length === 0) paragraph(doc, '无需提交申请材料。');
  else
    numberedList(
      doc,
      c.materials.map((m) => ({
        title: m.name,
        details: [
          `${copiesText(m)}；${formLabels[m.form]}；${necessityLabels[m.necessity]}；来源：${sourceText(m)}`,
          ...materialNotes(m),
          ...(m.acceptanceStandard.trim() ? [`受理标准：${m.acceptanceStandard.trim()}`] : []),
        ],
      })),
    );

  section('受理条件');
  paragraph(doc, c.acceptanceConditions);

  section('办结时限');
  keyValueRows(doc, [
    ['承诺办结时限', timeLimitText(c.promisedLimit)],
    ['法定办结时限', timeLimitText(c.legalLimit)],
  ]);

  section('办理地点、时间和电话');
  keyValueRows(doc, [
    ['办理地点', c.place],
    ['办理时间', c.hours],
    ['咨询电话', c.consultationPhone],
    ['监督投诉电话', c.supervisionPhone || HOTLINE],
    ['网上办事指南', guideUrl],
  ]);

  doc.y += 6;
  signatureArea(doc, [{ label: '经办人：' }, { label: '日期：', trailing: '年　　　月　　　日' }], '窗口（盖章）', {
    statement: `本告知书一次性告知您办理该事项所需的全部材料。如有疑问，请拨打咨询电话或 ${HOTLINE} 政务服务便民热线。`,
  });

  addPageNumbers(doc, { note: footerNote(guide) });
  return toBuffer(doc);
}

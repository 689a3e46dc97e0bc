/**
 * Documents of a case (办件文书) as A4 PDFs with a QR code of the public progress page:
 * 收件凭证 (before acceptance) / 受理通知书 (after), 不予受理决定书, 一次性告知书 (补正) and
 * 准予（不予）行政许可决定书 / 办结通知书. Each is drawn from the case detail (the same reading,
 * with the same reach, as `GET /api/cases/{caseNo}`) and the item version the case is pinned to;
 * what a document says comes from the event that issued it (its time, officer, opinion and details).
 */
import {
  caseDocumentKinds,
  type CaseDetail,
  type CaseDocument,
  type CaseDocumentKind,
  type CaseDocumentList,
  type CaseTimelineEntry,
  type ItemContent,
  type ItemVersion,
} from '@tongban/contracts';
import { chinaToday } from '@tongban/domain';
import {
  addPageNumbers,
  bulletList,
  colors,
  contentWidth,
  createA4Document,
  ensureSpace,
  fonts,
  header,
  keyValueRows,
  left,
  numberedList,
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
import { AppError } from '../../platform/errors.ts';
import type { Actor } from '../../platform/http/policy.ts';

export interface CaseDocumentsDeps {
  /** The case detail, with its access rule (404 outside the actor's reach). */
  cases: { get(actor: Actor, caseNo: string): Promise<CaseDetail> };
  /** The published item version a case is pinned to (phones, place, item type). */
  catalog: { guide(implCode: string, version?: number): Promise<ItemVersion> };
  cacheSize?: number;
}

/** The public progress page a document's QR code opens. */
export function progressPageUrl(baseUrl: string, caseNo: string): string {
  return `${baseUrl}/portal/progress?caseNo=${encodeURIComponent(caseNo)}`;
}

export function caseDocumentPath(caseNo: string, kind: CaseDocumentKind): string {
  return `/api/cases/${encodeURIComponent(caseNo)}/documents/${kind}.pdf`;
}

// ---- Wording

const HOTLINE = '12345';
/** 《中华人民共和国行政许可法》: the wording of licence documents cites it; other items do not. */
const LICENCE_ITEM_TYPE = '01';
const LICENSING_LAW = '《中华人民共和国行政许可法》';
const REVIEW_RIGHTS = '如不服本决定，可以自收到本决定书之日起六十日内依法申请行政复议，或者自收到本决定书之日起六个月内依法向人民法院提起行政诉讼。';

const channelLabels: Record<CaseDetail['channel'], string> = { online: '网上申报', window: '窗口申报', kiosk: '自助终端申报', agent: '代办员代办' };
const provisionLabels: Record<CaseDetail['materials'][number]['provided'], string> = {
  upload: '电子上传',
  licence: '电子证照调取',
  commitment: '告知承诺',
  deferred: '容缺后补',
  missing: '未提交',
};
const idLabels: Record<CaseDetail['applicant']['idType'], string> = { resident_id: '身份证号码', credit_code: '统一社会信用代码' };
const decisionLabels: Record<NonNullable<CaseDetail['decision']>, string> = { approve: '准予', deferred_pass: '准予（容缺通过）', reject: '不予' };
/** The 办结结果 exchange codes of a `decided` event (11 准予, 12 容缺通过, 13 不予). */
const decisionByCode: Record<string, NonNullable<CaseDetail['decision']>> = { '11': 'approve', '12': 'deferred_pass', '13': 'reject' };

/** YYYY-MM-DD (or an ISO time, taken in China) as 2026年3月2日. */
export function chineseDate(value: string): string {
  const day = /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : chinaToday(new Date(value));
  const [y, m, d] = day.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** An ISO time as 2026年3月2日 09:05 in China. */
function chineseDateTime(iso: string): string {
  const at = new Date(iso);
  const hm = new Date(at.getTime() + 8 * 3600_000).toISOString().slice(11, 16);
  return `${chineseDate(iso)} ${hm}`;
}

function deliveryText(d: CaseDetail['delivery']): string {
  switch (d.method) {
    case 'window':
      return '窗口领取';
    case 'post':
      return `邮寄送达（收件人：${d.address.recipient}；地址：${d.address.address}）`;
    case 'electronic':
      return '电子送达（登录网上办事大厅下载，电子证照同步存入电子证照库）';
  }
}

// ---- Which documents a case has

interface Facts {
  detail: CaseDetail;
  content: ItemContent;
}

/** A document that exists: its title, number and the event that issued it. */
interface Issued {
  title: string;
  docNo: string;
  event: CaseTimelineEntry;
  issuedOn: string;
}

const lastOf = (d: CaseDetail, type: CaseTimelineEntry['type']) => d.timeline.findLast((e) => e.type === type);
const isLicence = (c: ItemContent) => c.itemType === LICENCE_ITEM_TYPE;

function decisionOf(f: Facts, event: CaseTimelineEntry): NonNullable<CaseDetail['decision']> {
  return f.detail.decision ?? decisionByCode[event.exchangeCode ?? ''] ?? 'approve';
}

function decisionTitle(f: Facts, decision: CaseDetail['decision']): string {
  if (!isLicence(f.content)) return '办结通知书';
  if (decision === null) return '行政许可决定书';
  return decision === 'reject' ? '不予行政许可决定书' : '准予行政许可决定书';
}

/** The document of `kind` as the case stands now, or null when it does not exist (yet). */
function issued(f: Facts, kind: CaseDocumentKind): Issued | null {
  const { detail } = f;
  const no = detail.caseNo;
  switch (kind) {
    case 'receipt': {
      const accepted = lastOf(detail, 'accepted');
      if (accepted) return { title: '受理通知书', docNo: `${no}-SL`, event: accepted, issuedOn: chinaToday(new Date(accepted.at)) };
      const submitted = detail.timeline[0];
      return submitted ? { title: '收件凭证', docNo: `${no}-SJ`, event: submitted, issuedOn: chinaToday(new Date(detail.submittedAt)) } : null;
    }
    case 'refusal': {
      const refused = lastOf(detail, 'refused');
      return refused ? { title: '不予受理决定书', docNo: `${no}-BSL`, event: refused, issuedOn: chinaToday(new Date(refused.at)) } : null;
    }
    case 'supplement-notice': {
      const notices = detail.timeline.filter((e) => e.type === 'supplement_requested');
      const last = notices.at(-1);
      if (!last) return null;
      // A second notice (after a supplement that was still not enough) gets its own number.
      return { title: '一次性告知书', docNo: `${no}-BZ${notices.length > 1 ? notices.length : ''}`, event: last, issuedOn: chinaToday(new Date(last.at)) };
    }
    case 'decision': {
      const decided = lastOf(detail, 'decided');
      if (!decided) return null;
      return { title: decisionTitle(f, decisionOf(f, decided)), docNo: `${no}-JD`, event: decided, issuedOn: chinaToday(new Date(decided.at)) };
    }
  }
}

const unavailableTitles: Record<CaseDocumentKind, (f: Facts) => string> = {
  receipt: () => '收件凭证',
  refusal: () => '不予受理决定书',
  'supplement-notice': () => '一次性告知书',
  decision: (f) => decisionTitle(f, null),
};

function entry(f: Facts, kind: CaseDocumentKind): CaseDocument {
  const doc = issued(f, kind);
  const url = caseDocumentPath(f.detail.caseNo, kind);
  return doc
    ? { kind, title: doc.title, available: true, docNo: doc.docNo, issuedOn: doc.issuedOn, url }
    : { kind, title: unavailableTitles[kind](f), available: false, docNo: null, issuedOn: null, url };
}

// ---- Drawing

interface Draw {
  doc: Pdf;
  f: Facts;
  issued: Issued;
  progressUrl: string;
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** The applicant as the case detail shows them (ID and phone masked); `contact` adds the contact person and phone. */
function applicantRows(d: CaseDetail, { contact = true }: { contact?: boolean } = {}): [string, string][] {
  const a = d.applicant;
  return [
    ['申请人', a.name],
    [idLabels[a.idType], a.idNumberMasked],
    ...(contact && a.contactName ? [['联系人', a.contactName] as [string, string]] : []),
    ...(contact && a.phoneMasked ? [['联系电话', a.phoneMasked] as [string, string]] : []),
    ...(d.agent ? [['代办人', `${d.agent.name}（授权委托书 ${d.agent.authorisation.documentNo}）`] as [string, string]] : []),
  ];
}

function contactRows(f: Facts): [string, string][] {
  const c = f.content;
  return [
    ['办理部门', f.detail.departmentName],
    ...(c.consultationPhone.trim() ? [['咨询电话', c.consultationPhone] as [string, string]] : []),
    ['监督投诉电话', c.supervisionPhone.trim() || HOTLINE],
    ...(c.place.trim() ? [['办理地点', c.place] as [string, string]] : []),
    ...(c.hours.trim() ? [['办理时间', c.hours] as [string, string]] : []),
  ];
}

/** Starts a document: its header with the number, the department, the date and the QR code. */
async function open(f: Facts, doc: Issued, progressUrl: string): Promise<Pdf> {
  const d = f.detail;
  const pdf = createA4Document({ title: `${doc.title} ${d.caseNo}`, subject: doc.title, author: d.departmentName, keywords: d.caseNo });
  header(pdf, {
    title: doc.title,
    subtitle: d.itemName,
    lines: [`文书编号：${doc.docNo}`, `办件编号：${d.caseNo}`, `出具单位：${d.departmentName}`, `日期：${chineseDate(doc.issuedOn)}`],
    qr: { png: await qrPng(progressUrl), caption: '扫码查询办理进度' },
  });
  return pdf;
}

/** The issuing department and the date, right-aligned, where the seal goes. */
function issuer(doc: Pdf, department: string, date: string, seal: string): void {
  const x = left(doc);
  const width = contentWidth(doc);
  ensureSpace(doc, 90);
  doc.y += 22;
  doc.font(fonts.regular).fontSize(11).fillColor(colors.text);
  doc.text(`${department}（${seal}）`, x, doc.y, { width, align: 'right' });
  doc.y += 4;
  doc.text(chineseDate(date), x, doc.y, { width, align: 'right' });
  doc.x = x;
  doc.y += 8;
}

function numbered(doc: Pdf) {
  const numerals = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
  let n = 0;
  return (title: string, keepWith?: number) => sectionHeading(doc, `${numerals[n++] ?? String(n)}、${title}`, keepWith === undefined ? {} : { keepWith });
}

/** How a material came: the form filled online and documents other departments share are not "missing". */
function howProvided(f: Facts, m: CaseDetail['materials'][number]): string {
  const source = f.content.materials.find((spec) => spec.key === m.materialKey)?.source;
  if (m.provided === 'missing' && source === 'online_form') return '在线填报';
  if (m.provided === 'missing' && source === 'government') return '部门共享';
  return provisionLabels[m.provided];
}

/** "已上传 2 个文件" for a material uploaded online. */
function filesNote(m: CaseDetail['materials'][number]): string {
  return m.provided === 'upload' && m.files.length > 0 ? `已上传 ${m.files.length} 个文件` : '';
}

function materialsTable(doc: Pdf, section: (title: string, keepWith?: number) => void, f: Facts, note: (m: CaseDetail['materials'][number]) => string) {
  const d = f.detail;
  const columns: Column[] = [
    { header: '序号', weight: 0.55, align: 'center' },
    { header: '材料名称', weight: 3.2 },
    { header: '提交方式', weight: 1.3, align: 'center' },
    { header: '说明', weight: 3.2 },
  ];
  const rows = d.materials.map((m, i) => [String(i + 1), m.name, howProvided(f, m), note(m)]);
  if (rows.length === 0) {
    section('收到的材料');
    paragraph(doc, '本事项无需提交申请材料。');
    return;
  }
  section(`收到的材料（共 ${rows.length} 项）`, tableStartHeight(doc, columns, rows));
  table(doc, columns, rows);
}

function progressLine(progressUrl: string): string {
  return `扫描右上角二维码或访问 ${progressUrl} 查询办理进度，也可拨打 ${HOTLINE} 政务服务便民热线查询。`;
}

/** 收件凭证: the application and its materials were received; not yet accepted. */
function drawCollection({ doc, f, progressUrl }: Draw): void {
  const d = f.detail;
  const section = numbered(doc);
  paragraph(doc, `${d.applicant.name}：`);
  paragraph(doc, `您（单位）于${chineseDateTime(d.submittedAt)}通过${channelLabels[d.channel]}提出的“${d.itemName}”申请及材料已收到，现出具收件凭证如下：`);
  section('申请信息');
  keyValueRows(doc, [
    ['办件编号', d.caseNo],
    ['申请事项', d.itemName],
    ...applicantRows(d),
    ['申报渠道', channelLabels[d.channel]],
    ['提交时间', chineseDateTime(d.submittedAt)],
    ['当前状态', d.statusName],
  ]);
  materialsTable(doc, section, f, (m) => (m.provided === 'licence' ? '已从电子证照库调取，免提交纸质材料' : filesNote(m)));
  section('后续办理');
  bulletList(doc, [
    `本凭证仅证明已收到申请材料，不代表已经受理。${d.departmentName}将对申请材料进行审查，依法作出受理、不予受理的决定；材料不齐全或者不符合法定形式的，一次性告知需要补正的全部内容。`,
    '承诺办结时限自受理之日起按工作日计算。',
    progressLine(progressUrl),
  ]);
  section('联系方式');
  keyValueRows(doc, contactRows(f));
}

/** 受理通知书: accepted, by whom and when, the promised limit and due date, the materials and how they came. */
function drawAcceptance({ doc, f, issued: accepted, progressUrl }: Draw): void {
  const d = f.detail;
  const section = numbered(doc);
  const event = accepted.event;
  const limit = d.limitWorkingDays ?? (typeof event.details.limitWorkingDays === 'number' ? event.details.limitWorkingDays : null);
  const due = event.dueDate;
  const deferred = d.materials.filter((m) => m.provided === 'deferred');
  const committed = d.materials.filter((m) => m.provided === 'commitment');
  const ways = [...(deferred.length ? ['容缺受理'] : []), ...(committed.length ? ['告知承诺'] : [])];
  const how = ways.length ? `申请材料按${ways.join('、')}的规定予以接收` : '申请材料齐全、符合法定形式';
  const basis = isLicence(f.content) ? `根据${LICENSING_LAW}第三十二条第一款第（五）项的规定，` : '';
  paragraph(doc, `${d.applicant.name}：`);
  paragraph(doc, `您（单位）于${chineseDate(d.submittedAt)}提出的“${d.itemName}”申请，经审查，${how}，${basis}本机关决定予以受理。`);
  section('受理信息');
  keyValueRows(doc, [
    ['办件编号', d.caseNo],
    ['申请事项', d.itemName],
    ...applicantRows(d),
    ['受理部门', d.departmentName],
    ['受理人', event.actorName],
    ['受理日期', chineseDate(d.acceptedOn ?? accepted.issuedOn)],
    ['承诺办结时限', limit === null ? '无' : limit === 0 ? '即办（受理当日办结）' : `${limit}个工作日（自受理之日的次一工作日起计算）`],
    ['办结期限', due ? `${chineseDate(due)}前（依法需要听证、检验、检测、鉴定、专家评审等特别程序的，所需时间不计入办结时限）` : '无'],
    ...(event.opinion ? [['受理意见', event.opinion] as [string, string]] : []),
  ]);
  materialsTable(doc, section, f, (m) => {
    if (m.provided === 'deferred')
      return d.missingDeferred.includes(m.materialKey) ? `容缺受理：请于${due ? `${chineseDate(due)}前、` : ''}作出决定前补交` : '容缺受理，已补交';
    if (m.provided === 'commitment') return '以书面承诺代替，办结后依法核查';
    if (m.provided === 'licence') return '已从电子证照库调取，免提交';
    return filesNote(m);
  });
  section('后续办理');
  bulletList(doc, [
    `${d.departmentName}将依法审查，并在承诺时限内作出决定。`,
    ...(deferred.length ? [`请在作出决定前补交容缺材料：${deferred.map((m) => m.name).join('、')}。容缺材料未补齐的，不能作出准予的决定。`] : []),
    ...(committed.length
      ? [`您以告知承诺方式代替的材料（${committed.map((m) => m.name).join('、')}）将在办结后核查；承诺不实的，依法撤销办理结果，并记入信用记录。`]
      : []),
    `办理结果送达方式：${deliveryText(d.delivery)}。`,
    progressLine(progressUrl),
  ]);
  section('联系方式');
  keyValueRows(doc, contactRows(f));
}

/** 不予受理决定书: the reason and its legal basis, and the right to review and litigation. */
function drawRefusal({ doc, f, issued: refusal }: Draw): void {
  const d = f.detail;
  const section = numbered(doc);
  const event = refusal.event;
  paragraph(doc, `${d.applicant.name}：`);
  paragraph(doc, `您（单位）于${chineseDate(d.submittedAt)}提出的“${d.itemName}”申请，经审查，本机关决定不予受理。`);
  section('基本信息');
  keyValueRows(doc, [
    ['办件编号', d.caseNo],
    ['申请事项', d.itemName],
    ...applicantRows(d, { contact: false }),
    ['申请日期', chineseDate(d.submittedAt)],
    ['决定日期', chineseDate(refusal.issuedOn)],
    ['经办人', event.actorName],
  ]);
  section('不予受理的理由');
  paragraph(doc, text(event.details.reason) || (event.opinion ?? ''));
  section('法律依据');
  paragraph(doc, text(event.details.legalBasis));
  section('权利告知');
  paragraph(doc, REVIEW_RIGHTS);
  section('联系方式');
  keyValueRows(doc, contactRows(f));
}

interface MissingMaterial {
  materialKey: string;
  name: string;
  note: string;
}

/** 一次性告知书: every material the notice asks for, once, each with its note, and how to supplement. */
function drawSupplement({ doc, f, issued: notice, progressUrl }: Draw): void {
  const d = f.detail;
  const c = f.content;
  const section = numbered(doc);
  const event = notice.event;
  const missing = (Array.isArray(event.details.missing) ? event.details.missing : []) as MissingMaterial[];
  const specs = new Map(c.materials.map((m) => [m.key, m]));
  const basis = isLicence(c) ? `根据${LICENSING_LAW}第三十二条第一款第（四）项的规定，` : '';
  paragraph(doc, `${d.applicant.name}：`);
  paragraph(
    doc,
    `您（单位）于${chineseDate(d.submittedAt)}提出的“${d.itemName}”申请，经审查，申请材料不齐全或者不符合法定形式。${basis}现将需要补正的全部材料一次性告知如下：`,
  );
  section(`需要补正的材料（共 ${missing.length} 项）`);
  numberedList(
    doc,
    missing.map((m) => {
      const spec = specs.get(m.materialKey);
      return {
        title: m.name,
        details: [
          m.note.trim() ? `补正要求：${m.note.trim()}` : '补正要求：请按办事指南的要求提交',
          ...(spec?.acceptanceStandard.trim() ? [`受理标准：${spec.acceptanceStandard.trim()}`] : []),
        ],
      };
    }),
  );
  if (event.opinion) {
    section('其他说明');
    paragraph(doc, event.opinion);
  }
  section('补正方式');
  bulletList(doc, [
    '网上补正：登录网上办事大厅，在“我的办件”中打开本办件，提交上述全部材料。',
    ...(c.place.trim() ? [`窗口补正：携带上述材料到${c.place}${c.hours.trim() ? `（${c.hours.trim()}）` : ''}办理。`] : []),
    '请一次性补齐上述全部材料。补齐后本机关将重新审查并作出是否受理的决定，承诺办结时限自受理之日起计算。',
    progressLine(progressUrl),
  ]);
  section('告知信息');
  keyValueRows(doc, [['告知日期', chineseDate(notice.issuedOn)], ['经办人', event.actorName], ...contactRows(f)]);
}

/** 准予（不予）行政许可决定书 / 办结通知书: the decision, the opinion, the result, the date. */
function drawDecision({ doc, f, issued: decision, progressUrl }: Draw): void {
  const d = f.detail;
  const c = f.content;
  const section = numbered(doc);
  const event = decision.event;
  const outcome = decisionOf(f, event);
  const resultName = text(event.details.resultName) || c.resultName;
  const resultNo = text(event.details.resultNo);
  const licence = isLicence(c);
  const accepted = d.acceptedOn ? `，本机关已于${chineseDate(d.acceptedOn)}依法受理` : '';
  let body: string;
  if (licence && outcome === 'reject') body = `经审查，该申请不符合法定条件、标准，根据${LICENSING_LAW}第三十八条第二款的规定，本机关决定不予行政许可。`;
  else if (licence)
    body = `经审查，该申请符合法定条件、标准，根据${LICENSING_LAW}第三十八条第一款的规定，本机关决定准予行政许可${outcome === 'deferred_pass' ? '（容缺通过）' : ''}。`;
  else body = `经审查，本机关决定${outcome === 'reject' ? '不予办理' : '予以办理'}，现已办结。`;
  paragraph(doc, `${d.applicant.name}：`);
  paragraph(doc, `您（单位）于${chineseDate(d.submittedAt)}提出的“${d.itemName}”申请${accepted}。${body}`);
  section('决定信息');
  keyValueRows(doc, [
    ['办件编号', d.caseNo],
    ['申请事项', d.itemName],
    ...applicantRows(d, { contact: false }),
    ['决定', licence ? `${decisionLabels[outcome]}行政许可` : `${decisionLabels[outcome]}办理`],
    ['决定日期', chineseDate(decision.issuedOn)],
    ['决定部门', d.departmentName],
    ['审批人', event.actorName],
    ...(outcome !== 'reject' && resultName ? [['办理结果', resultName] as [string, string]] : []),
    ...(outcome !== 'reject' && resultNo ? [['证照编号', resultNo] as [string, string]] : []),
  ]);
  section(outcome === 'reject' ? '不予许可的理由' : '审批意见');
  paragraph(doc, event.opinion ?? '');
  if (outcome === 'reject') {
    section('权利告知');
    paragraph(doc, REVIEW_RIGHTS);
  } else {
    const deferred = d.materials.filter((m) => d.missingDeferred.includes(m.materialKey)).map((m) => m.name);
    const committed = d.materials.filter((m) => m.provided === 'commitment').map((m) => m.name);
    section('领取和后续事项');
    bulletList(doc, [
      `送达方式：${deliveryText(d.delivery)}。`,
      ...(deferred.length ? [`容缺材料尚未补交：${deferred.join('、')}。请尽快补交，逾期未补交的，依法处理。`] : []),
      ...(committed.length ? [`以告知承诺方式代替的材料（${committed.join('、')}）将依法核查；承诺不实的，撤销本决定，并记入信用记录。`] : []),
      progressLine(progressUrl),
    ]);
  }
  section('联系方式');
  keyValueRows(doc, contactRows(f));
}

const drawers: Record<CaseDocumentKind, { draw: (x: Draw) => void; seal: string }> = {
  receipt: { draw: (x) => (x.issued.event.type === 'accepted' ? drawAcceptance(x) : drawCollection(x)), seal: '受理专用章' },
  refusal: { draw: drawRefusal, seal: '印章' },
  'supplement-notice': { draw: drawSupplement, seal: '受理专用章' },
  decision: { draw: drawDecision, seal: '印章' },
};

async function render(f: Facts, kind: CaseDocumentKind, doc: Issued, progressUrl: string): Promise<Buffer> {
  const pdf = await open(f, doc, progressUrl);
  drawers[kind].draw({ doc: pdf, f, issued: doc, progressUrl });
  issuer(pdf, f.detail.departmentName, doc.issuedOn, drawers[kind].seal);
  addPageNumbers(pdf, { note: `${doc.title} · ${doc.docNo}` });
  return toBuffer(pdf);
}

// ---- Service

export function createCaseDocuments({ cases, catalog, cacheSize = 32 }: CaseDocumentsDeps) {
  // A document of a case at one version never changes: render it once for a download followed by a print.
  const cache = createRenderCache({ max: cacheSize });

  async function facts(actor: Actor, caseNo: string): Promise<Facts> {
    const detail = await cases.get(actor, caseNo);
    const content = (await catalog.guide(detail.implCode, detail.itemVersion)).content;
    return { detail, content };
  }

  return {
    /** Every kind of document, with whether the case has it now. */
    async list(actor: Actor, caseNo: string): Promise<CaseDocumentList> {
      const f = await facts(actor, caseNo);
      return { caseNo: f.detail.caseNo, documents: caseDocumentKinds.map((kind) => entry(f, kind)) };
    },

    /**
     * The PDF of one document; 404 outside the actor's reach (as the detail), 409 INVALID_STATE
     * when the case does not have that document (yet).
     */
    async render(actor: Actor, caseNo: string, kind: CaseDocumentKind, baseUrl: string): Promise<{ pdf: Buffer; fileName: string; asciiName: string }> {
      const f = await facts(actor, caseNo);
      const doc = issued(f, kind);
      if (!doc)
        throw new AppError('INVALID_STATE', {
          reason: 'document_not_available',
          document: kind,
          status: f.detail.status,
          issues: [{ path: 'kind', code: 'not_available', message: `caseDocuments.notYet.${kind}` }],
        });
      const url = progressPageUrl(baseUrl, f.detail.caseNo);
      const pdf = await cache.get(JSON.stringify([f.detail.caseNo, kind, f.detail.version, url]), () => render(f, kind, doc, url));
      return { pdf, fileName: `${f.detail.caseNo}-${doc.title}.pdf`, asciiName: `${f.detail.caseNo}-${kind}.pdf` };
    },
  };
}
export type CaseDocuments = ReturnType<typeof createCaseDocuments>;

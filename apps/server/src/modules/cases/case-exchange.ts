/**
 * A case in the shape of the national exchange tables (STANDARDS §2.2: up_pro_accept,
 * up_pro_process, up_pro_special_procedure, up_pro_result, up_pro_material), pure.
 */
import type { CaseExchange, ItemContent } from '@tongban/contracts';
import { EXCHANGE_STATUS_NAMES, openSteps, type ExchangeStatusCode, type ProcessStep, type SpecialProcedure } from '@tongban/domain';
import type { CaseEventRow } from './cases.repository.ts';
import type { LoadedCase } from './case-engine.ts';

type Departments = Map<string, { name: string; creditCode: string }>;
type ProcessRow = CaseExchange['process'][number];
type SpecialRow = CaseExchange['specialProcedures'][number];

/** GB/T 39046 日期时间型 `YYYYMMDDhhmmss`, in China time. */
export function exchangeTime(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 19).replace(/[-T:]/g, '');
}

const specialNames: Record<SpecialProcedure, string> = {
  hearing: '听证',
  inspection: '检验',
  testing: '检测',
  appraisal: '鉴定',
  expert_review: '专家评审',
  site_survey: '现场勘验',
  quarantine: '检疫',
  other: '其他',
};

/** 申报来源 / 办理形式 (A.5): 1 窗口办理, 2 电脑端网上办理, 9 其他 (kiosk, agent). */
const channelCodes = { online: '2', window: '1', kiosk: '9', agent: '9' } as const;
const collectMethods = { upload: '电子上传', licence: '电子证照调取', commitment: '告知承诺', deferred: '容缺后补', missing: '未收取' } as const;
/** 证件类型 (GA/T 2000.156): 111 居民身份证; 001 for the unified social credit code is an assumption (STANDARDS §2.1). */
const idTypeCodes = { resident_id: '111', credit_code: '001' } as const;

const text = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

export function toExchange(loaded: LoadedCase, content: ItemContent, departments: Departments): CaseExchange {
  const { row, events, definition } = loaded;
  const caseNo = row.caseNo;
  const stepByKey = new Map(definition.stages.flatMap((s) => (s.type === 'step' ? [s.step] : s.branches)).map((s) => [s.key, s]));
  const stepOfKind = (kind: ProcessStep['kind']) => [...stepByKey.values()].find((s) => s.kind === kind);
  const deptName = (step: ProcessStep | undefined) => departments.get(step?.departmentId ?? row.departmentId)?.name ?? null;

  // When each step was last opened: replay the log and note the steps each event opens.
  const openedAt = new Map<string, Date>();
  let open = new Set<string>();
  events.forEach((e, i) => {
    const now = new Set(openSteps(definition, loaded.domainEvents.slice(0, i + 1)).open.map((s) => s.key));
    for (const key of now) if (!open.has(key)) openedAt.set(key, e.at);
    open = now;
  });
  const startOf = (key: string | undefined, fallback: Date) => exchangeTime((key && openedAt.get(key)) || fallback);

  const process: ProcessRow[] = [];
  const done = (step: ProcessStep | undefined, e: CaseEventRow, action: ProcessRow['action']) =>
    process.push({
      caseNo,
      stepName: step?.name ?? e.type,
      action,
      opinion: e.opinion,
      user: e.actorName,
      deptName: deptName(step),
      startTime: startOf(step?.key, e.at),
      endTime: exchangeTime(e.at),
      stepStatus: '2',
    });
  for (const e of events) {
    const p = e.payload;
    if (e.type === 'accepted') done(stepOfKind('accept'), e, '通过');
    else if (e.type === 'refused') done(stepOfKind('accept'), e, '其他');
    else if (e.type === 'step_completed') done(stepByKey.get(String(p.step)), e, p.outcome === 'approve' ? '通过' : p.outcome === 'return' ? '退回' : '其他');
    else if (e.type === 'decided') done(stepOfKind('decide'), e, p.decision === 'reject' ? '其他' : '通过');
    else if (e.type === 'delivered') done(stepOfKind('deliver'), e, '通过');
  }
  for (const step of row.openSteps)
    process.push({
      caseNo,
      stepName: step.name,
      action: null,
      opinion: null,
      user: null,
      deptName: departments.get(step.departmentId)?.name ?? null,
      startTime: startOf(step.key, row.updatedAt),
      endTime: null,
      stepStatus: '1',
    });

  const specialProcedures: SpecialRow[] = [];
  for (const e of events) {
    if (e.type === 'special_started') {
      const end = events.find((x) => x.seq > e.seq && (x.type === 'special_ended' || x.type === 'withdrawn'));
      specialProcedures.push({
        caseNo,
        typeCode: '2',
        typeName: specialNames[e.payload.procedure as SpecialProcedure] ?? '其他',
        startTime: exchangeTime(e.at),
        reason: text(e.details.reason) ?? '',
        applicant: e.actorName,
        endTime: end ? exchangeTime(end.at) : null,
        result: end?.type === 'special_ended' ? text(end.details.result) : null,
        opinion: end?.opinion ?? null,
        user: end?.actorName ?? null,
      });
    } else if (e.type === 'extension_requested') {
      const decision = events.find((x) => x.seq > e.seq && x.type === 'extension_decided');
      const days = Number(e.payload.workingDays);
      specialProcedures.push({
        caseNo,
        typeCode: '1',
        typeName: '延长审批',
        startTime: exchangeTime(e.at),
        reason: `${text(e.details.reason) ?? ''}（申请延长${days}个工作日）`,
        applicant: e.actorName,
        endTime: decision ? exchangeTime(decision.at) : null,
        result: decision ? (decision.payload.approved === true ? `准予延长${days}个工作日` : '不予延长') : null,
        opinion: decision?.opinion ?? null,
        user: decision?.actorName ?? null,
      });
    }
  }

  const decided = events.find((e) => e.type === 'decided');
  const accepted = events.find((e) => e.type === 'accepted');
  const submitted = events[0]!;
  const a = row.applicant;
  const post = row.delivery.method === 'post' ? row.delivery.address : null;
  const department = departments.get(row.departmentId);
  const resultCode = decided?.exchangeCode as ExchangeStatusCode | undefined;
  const status = row.exchangeStatus as ExchangeStatusCode;
  return {
    accept: {
      caseNo,
      baseCode: content.baseCode,
      implCode: row.implCode,
      handleItemCode: null,
      itemName: row.itemName,
      itemVersion: row.itemVersion,
      summary: `${a.name}申请${row.itemName}`,
      applicantType: a.kind === 'person' ? '1' : '2',
      applicantName: a.name,
      applicantIdType: idTypeCodes[a.idType],
      applicantIdNumber: a.idNumber,
      contactName: a.contactName ?? (a.kind === 'person' ? a.name : null),
      contactPhone: a.phone,
      acceptDeptName: department?.name ?? '',
      acceptDeptCode: department?.creditCode ?? '',
      acceptUser: accepted?.actorName ?? null,
      applyTime: exchangeTime(submitted.at),
      acceptTime: accepted ? exchangeTime(accepted.at) : null,
      acceptDocNo: null,
      handleType: row.caseType,
      promisedTime: row.dueDate ? `${row.dueDate.replaceAll('-', '')}235959` : null,
      address: post?.address ?? null,
      postcode: post?.postcode ?? null,
      channelCode: channelCodes[row.channel],
      regionCode: row.regionCode,
      statusCode: status,
      statusName: EXCHANGE_STATUS_NAMES[status],
    },
    process,
    specialProcedures,
    result:
      decided && resultCode
        ? {
            caseNo,
            resultCode,
            resultName: EXCHANGE_STATUS_NAMES[resultCode],
            finishTime: exchangeTime(decided.at),
            description: decided.opinion ?? '',
            licenceName: text(decided.details.resultName) ?? (decided.payload.decision === 'reject' ? null : text(content.resultName)),
            licenceNo: text(decided.details.resultNo),
            expressDelivery: row.delivery.method === 'post' ? '1' : '0',
            satisfaction: null,
          }
        : null,
    materials: row.materials
      .filter((m) => m.provided !== 'missing')
      .map((m) => ({
        caseNo,
        name: content.materials.find((s) => s.key === m.materialKey)?.name ?? m.materialKey,
        collectMethod: collectMethods[m.provided],
        count: m.provided === 'deferred' ? 0 : 1,
      })),
  };
}

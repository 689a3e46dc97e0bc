/**
 * The Chinese wording of each kind of message (as stored and as sent by SMS), and which
 * events of a case tell the applicant what. Pure: no I/O.
 */
import type { MessageKind, MessageParams } from '@tongban/contracts';
import type { CaseEventType } from '@tongban/domain';

/** `2026-03-05` → `2026年3月5日`. */
export function zhDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : iso;
}

const decisionNames: Record<string, string> = { approve: '准予许可', reject: '不予许可', deferred_pass: '容缺通过' };
const deliveryNames: Record<string, string> = { window: '窗口领取', post: '邮寄送达', electronic: '电子送达' };

/** The decision a case's exchange status reports (11 准予, 12 容缺通过, 13 不予). */
export function decisionOfExchange(code: string | undefined): 'approve' | 'reject' | 'deferred_pass' | null {
  return code === '11' ? 'approve' : code === '12' ? 'deferred_pass' : code === '13' ? 'reject' : null;
}

const str = (v: MessageParams[string] | undefined) => (v === null || v === undefined ? '' : String(v));

/** Title and body of a message in Chinese. */
export function wording(kind: MessageKind, p: MessageParams): { title: string; body: string } {
  const item = `「${str(p.item)}」`;
  const no = str(p.caseNo);
  switch (kind) {
    case 'case_submitted':
      return { title: '申请已提交', body: `您申请的${item}已提交，办件编号 ${no}。工作人员审核材料后会通知您。` };
    case 'case_accepted':
      return {
        title: '申请已受理',
        body: p.dueDate ? `${item}已受理（办件编号 ${no}），承诺在 ${zhDate(str(p.dueDate))} 前办结。` : `${item}已受理（办件编号 ${no}），正在办理。`,
      };
    case 'case_supplement':
      return {
        title: '请补正材料',
        body: `${item}还需要补充材料${p.missing ? `：${str(p.missing)}` : ''}。请按一次性告知书补齐后再提交（办件编号 ${no}）。`,
      };
    case 'case_refused':
      return { title: '不予受理', body: `${item}不予受理（办件编号 ${no}）${p.reason ? `。原因：${str(p.reason)}` : ''}。` };
    case 'case_decided':
      return { title: '已办结', body: `${item}已办结${p.decision ? `，结果：${decisionNames[str(p.decision)] ?? str(p.decision)}` : ''}（办件编号 ${no}）。` };
    case 'case_ready':
      return { title: '请领取办理结果', body: `${item}的办理结果可以领取了，请带上有效证件到政务服务中心出件窗口领取（办件编号 ${no}）。` };
    case 'case_delivered':
      return {
        title: '结果已送达',
        body: `${item}的办理结果已送达${p.method ? `（${deliveryNames[str(p.method)] ?? str(p.method)}）` : ''}，办件编号 ${no}。`,
      };
    case 'case_withdrawn':
      return { title: '申请已撤回', body: `您已撤回${item}的申请（办件编号 ${no}），这件事不会再办理。` };
    case 'task_new':
      return { title: '新待办', body: `${item}的“${str(p.step)}”环节等待办理，办件编号 ${no}。` };
    case 'task_transferred':
      return { title: '转办给您', body: `${item}的“${str(p.step)}”环节已转给您办理，办件编号 ${no}。` };
    case 'deadline_yellow':
      return { title: '办件即将到期', body: `${item}将在 ${zhDate(str(p.dueDate))} 到期，还剩 ${str(p.days)} 个工作日（办件编号 ${no}）。` };
    case 'deadline_red':
      return { title: '办件已超期', body: `${item}已于 ${zhDate(str(p.dueDate))} 到期，超期 ${str(p.days)} 个工作日，请尽快办理（办件编号 ${no}）。` };
  }
}

/** The message an applicant (and their agent) gets for an event, or null for events they are not told of. */
export const applicantKinds: Partial<Record<CaseEventType, MessageKind>> = {
  submitted: 'case_submitted',
  accepted: 'case_accepted',
  supplement_requested: 'case_supplement',
  refused: 'case_refused',
  decided: 'case_decided',
  delivered: 'case_delivered',
  withdrawn: 'case_withdrawn',
};

/** Kinds that also go out by SMS / WeChat; new tasks stay in the workbench's message centre. */
export const sentOutside: ReadonlySet<MessageKind> = new Set<MessageKind>([
  'case_submitted',
  'case_accepted',
  'case_supplement',
  'case_refused',
  'case_decided',
  'case_ready',
  'case_delivered',
  'case_withdrawn',
  'task_transferred',
  'deadline_yellow',
  'deadline_red',
]);

/** The text sent by SMS / WeChat. */
export const outsideText = (title: string, body: string) => `【通办】${title}：${body}`;

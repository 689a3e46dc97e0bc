// 办理状态代码: the status codes of the national exchange (STANDARDS §2.3, the widely reused
// 工程建设项目审批 list; no national 办件状态 list exists in GB/T 39046).
import type { CaseEvent, CaseState } from './case-state.ts';

export const EXCHANGE_STATUS_NAMES = {
  '1': '已接件',
  '2': '已撤件',
  '3': '已受理',
  '4': '不受理',
  '5': '不予受理',
  '6': '补正（开始）',
  '7': '补正（结束）',
  '8': '部门开始办理',
  '9': '特别程序（开始）',
  '10': '特别程序（结束）',
  '11': '办结（通过）',
  '12': '办结（容缺通过）',
  '13': '办结（不通过）',
  '14': '撤回',
  '15': '撤销',
} as const;
export type ExchangeStatusCode = keyof typeof EXCHANGE_STATUS_NAMES;

const decisionCode = { approve: '11', deferred_pass: '12', reject: '13' } as const;

/** The exchange code an event reports, or null for events the exchange does not carry (extensions, delivery). */
export function exchangeCodeOfEvent(event: CaseEvent): ExchangeStatusCode | null {
  switch (event.type) {
    case 'submitted':
      return '1';
    case 'accepted':
      return '3';
    case 'refused':
      return '5';
    case 'supplement_requested':
      return '6';
    case 'supplement_provided':
      return '7';
    case 'step_completed':
      return '8';
    case 'special_started':
      return '9';
    case 'special_ended':
      return '10';
    case 'decided':
      return decisionCode[event.decision];
    case 'withdrawn':
      return '14';
    case 'revoked':
      return '15';
    case 'post_check_completed':
      return event.passed ? null : '15';
    case 'extension_requested':
    case 'extension_decided':
    case 'deferred_supplied':
    case 'delivered':
    case 'green_channel_set':
    case 'step_claimed':
    case 'step_transferred':
      return null;
  }
}

/** The exchange code of a case's current status. */
export function exchangeCodeOfState(state: CaseState): ExchangeStatusCode {
  switch (state.status) {
    case 'submitted':
      return '1';
    case 'supplementing':
      return '6';
    case 'processing':
      return '8';
    case 'suspended':
      return '9';
    case 'decided':
    case 'delivered':
      return decisionCode[state.decision ?? 'approve'];
    case 'withdrawn':
      return '14';
    case 'refused':
      return '5';
    case 'revoked':
      return '15';
  }
}

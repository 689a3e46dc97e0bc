import type { Message, MessageKind } from '@tongban/contracts';
import type { TFunction } from 'i18next';

/** Kinds whose wording has a variant for when the optional fact is missing. */
const optionalFact = {
  case_accepted: 'dueDate',
  case_supplement: 'missing',
  case_refused: 'reason',
  case_decided: 'decision',
  case_delivered: 'method',
} as const satisfies Partial<Record<MessageKind, string>>;
type PlainKind = keyof typeof optionalFact;
const hasPlain = (kind: MessageKind): kind is PlainKind => kind in optionalFact;

const str = (v: Message['params'][string] | undefined): string => (v === null || v === undefined ? '' : String(v));

/**
 * A message in the reader's language, worded from its kind and facts; the server's Chinese
 * text is the fallback for a kind this version of the app does not know.
 */
export function messageText(m: Message, t: TFunction, formatDate: (iso: string) => string): { title: string; body: string } {
  const p = m.params;
  const known = t(`messages.kinds.${m.kind}.title`, { defaultValue: '' });
  if (!known) return { title: m.title, body: m.body };
  const decision = str(p.decision);
  const method = str(p.method);
  const vars = {
    item: str(p.item),
    caseNo: str(p.caseNo),
    step: str(p.step),
    days: str(p.days),
    dueDate: p.dueDate ? formatDate(str(p.dueDate)) : '',
    missing: str(p.missing),
    reason: str(p.reason),
    decision: decision === 'approve' || decision === 'reject' || decision === 'deferred_pass' ? t(`messages.decisions.${decision}`) : decision,
    method: method === 'window' || method === 'post' || method === 'electronic' ? t(`messages.methods.${method}`) : method,
  };
  const plain = hasPlain(m.kind) && !p[optionalFact[m.kind]];
  const body = plain && hasPlain(m.kind) ? t(`messages.plain.${m.kind}`, vars) : t(`messages.kinds.${m.kind}.body`, vars);
  return { title: known, body };
}

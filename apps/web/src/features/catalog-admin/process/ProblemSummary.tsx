import { CheckCircleOutlined, ExclamationCircleOutlined } from '@ant-design/icons';
import type { TimeLimit } from '@tongban/contracts';
import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { fieldId, totalShare, type Definition, type Problem } from './model.ts';
import { useProcessText } from './useProcessText.ts';

/** Puts the cursor on the field of a path, or on the nearest enclosing part that exists. */
export function focusPath(path: string) {
  const parts = path.split('.');
  for (let n = parts.length; n > 0; n--) {
    const el = document.getElementById(fieldId(parts.slice(0, n).join('.')));
    if (el) {
      el.scrollIntoView({ block: 'center' });
      el.focus({ preventScroll: true });
      return;
    }
  }
}

/** Every problem of the definition, each a link to where it is fixed (GOV.UK error summary). */
export function ProblemSummary({ problems, definition }: { problems: readonly Problem[]; definition: Definition }) {
  const { t } = useTranslation();
  const text = useProcessText();
  if (problems.length === 0) return null;
  return (
    <div className="tb-error-summary tb-pe-problems" data-testid="process-problems">
      <Alert
        type="error"
        showIcon
        title={t('processEditor.problems.title', { count: problems.length })}
        description={
          <ul className="tb-error-list">
            {problems.map((p) => (
              <li key={p.key} data-rule={p.rule}>
                <a
                  href={`#${fieldId(p.path)}`}
                  onClick={(e) => {
                    e.preventDefault();
                    focusPath(p.path);
                  }}
                >
                  {t('common.labelValue', { label: text.where(p, definition), value: text.message(p) })}
                </a>
              </li>
            ))}
          </ul>
        }
      />
    </div>
  );
}

/** The shares added up (a parallel block counts its largest branch), and what they mean in days. */
export function ShareSummary({ definition, limit }: { definition: Definition; limit: Pick<TimeLimit, 'value' | 'unit'> | null }) {
  const { t } = useTranslation();
  const text = useProcessText();
  const total = totalShare(definition);
  const over = total > 100;
  const days = text.amount(limit, Math.min(total, 100));
  return (
    <div className={`tb-pe-share${over ? ' tb-pe-share-over' : ''}`} data-testid="share-total" aria-live="polite">
      {over ? <ExclamationCircleOutlined aria-hidden /> : <CheckCircleOutlined aria-hidden />}
      <strong>{t('processEditor.share.total', { total })}</strong>
      <span>
        {over
          ? t('processEditor.share.over', { over: total - 100 })
          : total === 100
            ? t('processEditor.share.full')
            : t('processEditor.share.left', { left: 100 - total })}
      </span>
      {!over && days && limit && <span className="tb-muted">{t('processEditor.share.meaning', { limit: text.limitText(limit), days })}</span>}
      <span className="tb-muted tb-small">{t('processEditor.share.parallelNote')}</span>
    </div>
  );
}

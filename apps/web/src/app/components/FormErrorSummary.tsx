import { Alert, type FormInstance } from 'antd';
import { useEffect, useRef } from 'react';
import type { ErrorSummary } from '../forms.ts';

/**
 * The error summary at the top of a form (GOV.UK pattern): announced to screen readers,
 * each item a link that moves focus to its field.
 */
export function FormErrorSummary({ summary, form }: { summary: ErrorSummary | null; form: FormInstance }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (summary) ref.current?.scrollIntoView?.({ block: 'nearest' });
  }, [summary]);
  if (!summary) return null;
  return (
    <div ref={ref} className="tb-error-summary" data-testid="form-error-summary">
      <Alert
        type="error"
        showIcon
        title={summary.title}
        description={
          summary.items.length > 0 ? (
            <ul className="tb-error-list">
              {summary.items.map((item) => (
                <li key={item.key}>
                  {item.name ? (
                    <a
                      href="#"
                      onClick={(e) => {
                        e.preventDefault();
                        if (item.name) {
                          form.scrollToField(item.name);
                          form.focusField(item.name);
                        }
                      }}
                    >
                      {item.text}
                    </a>
                  ) : (
                    item.text
                  )}
                </li>
              ))}
            </ul>
          ) : undefined
        }
      />
    </div>
  );
}

import type { ItemContent } from '@tongban/contracts';
import { Button, Checkbox } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ApplyState } from './api.ts';
import { formFields, valueText } from './formSchema.ts';
import { initialEntry, isAskedFor } from './MaterialsStep.tsx';

interface Props {
  content: ItemContent;
  state: ApplyState;
  declared: boolean;
  onDeclared: (on: boolean) => void;
  declarationError: boolean;
  goTo: (step: number) => void;
}

/** ④ 确认提交: check your answers (each part with a link to change it), then the declaration. */
export function ReviewStep({ content, state, declared, onDeclared, declarationError, goTo }: Props) {
  const { t } = useTranslation();
  const fields = formFields(content.formSchema);
  const delivery = state.delivery;
  const change = (step: number, what: string) => (
    <Button type="link" className="tb-apply-change" onClick={() => goTo(step)} aria-label={t('apply.review.changeLabel', { what })}>
      {t('apply.review.change')}
    </Button>
  );
  return (
    <div className="tb-apply-review" data-testid="apply-review">
      <section className="tb-apply-review-part" aria-labelledby="review-form-h">
        <div className="tb-apply-review-head">
          <h3 id="review-form-h">{t('apply.steps.form')}</h3>
          {change(0, t('apply.steps.form'))}
        </div>
        <dl className="tb-kv tb-apply-kv">
          {fields.map((f) => (
            <div key={f.key}>
              <dt>{f.title}</dt>
              <dd>
                {valueText(state.formData[f.key], t('apply.review.yes'), t('apply.review.no'), t('apply.review.listSeparator')) || t('apply.review.empty')}
              </dd>
            </div>
          ))}
        </dl>
      </section>
      <section className="tb-apply-review-part" aria-labelledby="review-materials-h">
        <div className="tb-apply-review-head">
          <h3 id="review-materials-h">{t('apply.steps.materials')}</h3>
          {change(1, t('apply.steps.materials'))}
        </div>
        <dl className="tb-kv tb-apply-kv" data-testid="review-materials">
          {content.materials.filter(isAskedFor).map((m) => {
            const entry = state.materials[m.key] ?? initialEntry(m);
            return (
              <div key={m.key}>
                <dt>{m.name}</dt>
                <dd>
                  {t(`apply.review.provided.${entry.provided}`)}
                  {entry.provided === 'upload' && (
                    <ul className="tb-apply-review-files">
                      {entry.files.map((f) => (
                        <li key={f.id}>{f.name}</li>
                      ))}
                    </ul>
                  )}
                </dd>
              </div>
            );
          })}
        </dl>
      </section>
      <section className="tb-apply-review-part" aria-labelledby="review-delivery-h">
        <div className="tb-apply-review-head">
          <h3 id="review-delivery-h">{t('apply.steps.delivery')}</h3>
          {change(2, t('apply.steps.delivery'))}
        </div>
        <p data-testid="review-delivery">
          {delivery ? t(`apply.delivery.methods.${delivery.method}`) : t('apply.review.empty')}
          {delivery?.method === 'post' && delivery.address && (
            <span className="tb-apply-review-address">
              {t('apply.review.address', {
                recipient: delivery.address.recipient ?? '',
                phone: delivery.address.phone ?? '',
                address: delivery.address.address ?? '',
                postcode: delivery.address.postcode ?? '',
              })}
            </span>
          )}
        </p>
      </section>
      <div className={`tb-apply-declare${declarationError ? ' tb-apply-material-error' : ''}`}>
        <Checkbox checked={declared} onChange={(e) => onDeclared(e.target.checked)} data-testid="apply-declare">
          {t('apply.review.declaration')}
        </Checkbox>
        {declarationError && (
          <p className="tb-file-problems" role="alert">
            {t('apply.review.declarationRequired')}
          </p>
        )}
      </div>
    </div>
  );
}

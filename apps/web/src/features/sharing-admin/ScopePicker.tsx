import { Alert, Checkbox } from 'antd';
import { useTranslation } from 'react-i18next';
import { useScopes } from './scopes.ts';

/**
 * The scopes to grant, as checkboxes grouped 证照核验 / 证照调取 (one per licence type) / 数据集.
 * A form control: `value` and `onChange` come from the Form.Item around it.
 */
export function ScopePicker({ id, value = [], onChange }: { id?: string; value?: string[]; onChange?: (value: string[]) => void }) {
  const { t } = useTranslation();
  const { groups, types } = useScopes();
  const toggle = (scope: string, on: boolean) => onChange?.(on ? [...value, scope] : value.filter((s) => s !== scope));
  // Scopes the system holds that the lists no longer offer (e.g. a licence type since removed) stay visible, to be taken away.
  const offered = new Set(groups.flatMap((g) => g.options.map((o) => o.value)));
  const others = types.isSuccess ? value.filter((s) => !offered.has(s)) : [];

  return (
    <div id={id} className="tb-sa-picker" role="group" aria-label={t('sharingAdmin.form.scopes')}>
      {groups.map((group) => (
        <fieldset key={group.key} className="tb-sa-picker-group">
          <legend>{group.title}</legend>
          <p className="tb-muted tb-sa-picker-help">{group.help}</p>
          {group.key === 'read' && types.isPending && <p className="tb-muted">{t('sharingAdmin.form.typesLoading')}</p>}
          {group.key === 'read' && types.isError && <Alert type="warning" showIcon title={t('sharingAdmin.form.typesFailed')} />}
          <ul className="tb-sa-picker-options">
            {(group.key === 'read' ? [...group.options, ...others.map((s) => ({ value: s, label: s, help: '' }))] : group.options).map((o) => (
              <li key={o.value}>
                <Checkbox checked={value.includes(o.value)} onChange={(e) => toggle(o.value, e.target.checked)} value={o.value}>
                  <span className="tb-sa-picker-label">{o.label}</span>
                  {o.help && <span className="tb-muted tb-sa-picker-option-help">{o.help}</span>}
                </Checkbox>
              </li>
            ))}
          </ul>
        </fieldset>
      ))}
    </div>
  );
}

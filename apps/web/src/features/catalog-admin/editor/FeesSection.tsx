import { Form, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { FeesEditor } from '../lists/FeesEditor.tsx';
import type { RowFocus } from '../lists/ListEditor.tsx';

/** 收费: whether the item is charged, and each fee. */
export function FeesSection({ focus }: { focus: RowFocus | null }) {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item name="charged" label={t('catalogAdmin.fields.charged')} valuePropName="checked" extra={t('catalogAdmin.help.charged')}>
        <Switch />
      </Form.Item>
      <Form.Item name="fees" label={t('catalogAdmin.fields.fees')}>
        <FeesEditor focus={focus} />
      </Form.Item>
    </>
  );
}

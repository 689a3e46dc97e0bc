import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import type { SubjectCheckResult } from '@tongban/contracts';
import { Alert, Button, Form, Space } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { checkSubject } from './api.ts';

/**
 * 人口库 / 法人库核验 at the counter: checks that the name typed goes with the ID number or the
 * credit code (audited). For an organisation, the registered name can be taken over.
 */
export function IdentityCheck({
  kind,
  nameField,
  idField,
  disabled,
}: {
  kind: 'person' | 'organisation';
  nameField: string[];
  idField: string[];
  disabled: boolean;
}) {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const name = Form.useWatch(nameField) as string | undefined;
  const identifier = Form.useWatch(idField) as string | undefined;
  const check = useMutation({
    mutationFn: () => checkSubject({ kind, identifier: identifier ?? '', name: name?.trim() ?? '', purpose: t('subjects.check.purpose') }),
  });
  const { reset } = check;
  // A verdict belongs to the name and number it was given for.
  useEffect(() => reset(), [name, identifier, kind, reset]);
  const ready = !!name?.trim() && !!identifier && form.getFieldError(idField).length === 0;
  return (
    <Space direction="vertical" className="tb-identity-check">
      <Button icon={<SafetyCertificateOutlined aria-hidden />} disabled={disabled || !ready} loading={check.isPending} onClick={() => check.mutate()}>
        {t(kind === 'person' ? 'subjects.check.person' : 'subjects.check.organisation')}
      </Button>
      {check.data && <Verdict kind={kind} result={check.data} onUseName={(n) => form.setFieldValue(nameField, n)} />}
      {check.isError && <Alert type="error" showIcon message={t('subjects.check.failed')} />}
    </Space>
  );
}

function Verdict({ kind, result, onUseName }: { kind: 'person' | 'organisation'; result: SubjectCheckResult; onUseName: (name: string) => void }) {
  const { t } = useTranslation();
  const registry = t(kind === 'person' ? 'subjects.check.personRegistry' : 'subjects.check.orgRegistry');
  if (result.result === 'not_found') return <Alert type="warning" showIcon role="status" message={t('subjects.check.notFound', { registry })} />;
  if (result.result === 'inconsistent')
    return (
      <Alert
        type="error"
        showIcon
        role="status"
        message={t('subjects.check.inconsistent', { registry })}
        description={result.registeredName ? t('subjects.check.registeredName', { name: result.registeredName }) : t('subjects.check.checkCard')}
        action={
          result.registeredName ? (
            <Button size="small" onClick={() => onUseName(result.registeredName!)}>
              {t('subjects.check.useName')}
            </Button>
          ) : undefined
        }
      />
    );
  return (
    <Alert
      type={result.cancelled ? 'warning' : 'success'}
      showIcon
      role="status"
      message={t('subjects.check.consistent', { registry })}
      description={result.cancelled ? t('subjects.check.cancelled') : undefined}
    />
  );
}

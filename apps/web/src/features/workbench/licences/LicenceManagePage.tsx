import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { LicenceStaffAction, LicenceVerification } from '@tongban/contracts';
import { Alert, Button, Card, Form, Input, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SearchButton } from '../../../app/components/SearchButton.tsx';
import { useSearchParams } from 'react-router';
import { api } from '../../../app/api.ts';
import { EmptyState } from '../../../app/components/EmptyState.tsx';
import { FormActions, FormModal } from '../../../app/components/FormModal.tsx';
import { QueryError } from '../../../app/components/QueryError.tsx';
import { useFeedback } from '../../../app/feedback.ts';
import { useFormErrors } from '../../../app/forms.ts';
import { AreaPage } from '../../../app/layout/AreaPage.tsx';
import { useSession } from '../../../app/session.ts';
import { LicenceFacts } from '../../portal/licences/LicenceFacts.tsx';
import { LicenceStatusTag } from '../../portal/licences/LicenceStatusTag.tsx';
import { licenceKeys, verifyLicence } from '../../portal/licences/api.ts';
import '../../portal/licences/licences.css';
import '../subjects/subjects.css';
import './licence-manage.css';

type Action = LicenceStaffAction['action'];

/** The changes each status allows (as the domain's transitions); 注销 is offered last. */
const ACTIONS_BY_STATUS: Partial<Record<string, Action[]>> = {
  valid: ['suspend', 'penalty_revoke', 'cancel'],
  suspended: ['restore', 'penalty_revoke', 'cancel'],
  expired: ['cancel'],
  revoked: ['cancel'],
  penalty_revoked: ['cancel'],
};
const NEEDS_BASIS: ReadonlySet<Action> = new Set(['suspend', 'penalty_revoke']);

/** 证照管理: the issuing department finds a licence by its identifier and suspends, restores, revokes or cancels it. */
export function LicenceManagePage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const identifier = params.get('id')?.trim() ?? '';
  const roles = useSession().data?.roles ?? [];
  const mayAct = roles.includes('approver') || roles.includes('dept_admin');
  const [acting, setActing] = useState<Action | null>(null);
  const query = useQuery({ queryKey: licenceKeys.verify(identifier), queryFn: ({ signal }) => verifyLicence(identifier, signal), enabled: identifier !== '' });
  const result = query.data;
  const actions = result?.status && result.verdict !== 'signature_invalid' ? (ACTIONS_BY_STATUS[result.status] ?? []) : [];
  return (
    <AreaPage title={t('licenceManage.title')}>
      <Card>
        <Form
          layout="inline"
          role="search"
          name="licenceFind"
          initialValues={{ identifier }}
          onFinish={(v: { identifier: string }) => setParams({ id: v.identifier.trim() })}
          className="tb-filter-form"
        >
          <Form.Item
            name="identifier"
            label={t('licenceManage.identifier')}
            rules={[{ required: true, whitespace: true, message: t('licenceManage.identifierRequired') }]}
          >
            <Input maxLength={200} spellCheck={false} className="tb-mono tb-licence-manage-input" placeholder="1.2.156.3005.2.…" />
          </Form.Item>
          <Form.Item>
            <SearchButton loading={query.isFetching} />
          </Form.Item>
        </Form>
      </Card>
      <Card className="tb-mt" aria-live="polite">
        {identifier === '' ? (
          <EmptyState title={t('licenceManage.start')} text={t('licenceManage.startText')} />
        ) : query.isError ? (
          <QueryError error={query.error} onRetry={() => void query.refetch()} />
        ) : !result ? null : !result.licence ? (
          <Alert type="warning" showIcon message={t(`licenceManage.verdicts.${result.verdict}`)} />
        ) : (
          <Space direction="vertical" size="middle" className="tb-subject-detail">
            <Space wrap>
              <strong data-testid="manage-type">{result.licence.typeName}</strong>
              <LicenceStatusTag status={result.licence.status} />
              <span className="tb-mono">{result.licence.identifier}</span>
            </Space>
            <LicenceFacts face={result.licence} />
            {mayAct && actions.length > 0 && (
              <Space wrap>
                {actions.map((a) => (
                  <Button key={a} danger={a !== 'restore'} onClick={() => setActing(a)}>
                    {t(`licenceManage.actions.${a}`)}
                  </Button>
                ))}
              </Space>
            )}
            {mayAct && <p className="tb-muted">{t('licenceManage.ownOnly')}</p>}
          </Space>
        )}
      </Card>
      {result?.licence && <ActionModal identifier={result.licence.identifier} action={acting} onClose={() => setActing(null)} />}
    </AreaPage>
  );
}

function ActionModal({ identifier, action, onClose }: { identifier: string; action: Action | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <FormModal open={action !== null} title={action ? t(`licenceManage.actions.${action}`) : ''} onCancel={onClose}>
      {action && <ActionForm identifier={identifier} action={action} onClose={onClose} />}
    </FormModal>
  );
}

function ActionForm({ identifier, action, onClose }: { identifier: string; action: Action; onClose: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const feedback = useFeedback();
  const [form] = Form.useForm<{ reason: string; legalBasis?: string }>();
  const labels = { reason: t('licenceManage.reason'), legalBasis: t('licenceManage.legalBasis') };
  const { summary, showError, showClientErrors, clearErrors } = useFormErrors(form, labels);
  const save = useMutation({
    mutationFn: (v: { reason: string; legalBasis?: string }) =>
      api.post<LicenceVerification['licence']>(`/api/licenses/${encodeURIComponent(identifier)}/actions`, {
        action,
        reason: v.reason.trim(),
        ...(v.legalBasis?.trim() ? { legalBasis: v.legalBasis.trim() } : {}),
      }),
    onSuccess: (face) => {
      feedback.success(t('licenceManage.done', { action: t(`licenceManage.actions.${action}`), status: face?.statusLabel ?? '' }));
      void client.invalidateQueries({ queryKey: licenceKeys.verify(identifier) });
      onClose();
    },
    onError: showError,
  });
  return (
    <Form
      form={form}
      name="licenceAction"
      layout="vertical"
      onFinish={(v) => {
        clearErrors();
        save.mutate(v);
      }}
      onFinishFailed={({ errorFields }) => showClientErrors(errorFields)}
    >
      {summary && <Alert type="error" showIcon message={summary.title} className="tb-mb" />}
      <Alert type="warning" showIcon className="tb-mb" message={t('licenceManage.warning')} />
      <Form.Item
        name="reason"
        label={labels.reason}
        rules={[{ required: true, whitespace: true, min: 2, max: 500, message: t('licenceManage.reasonRequired') }]}
      >
        <Input.TextArea rows={3} maxLength={500} />
      </Form.Item>
      <Form.Item
        name="legalBasis"
        label={labels.legalBasis}
        rules={NEEDS_BASIS.has(action) ? [{ required: true, whitespace: true, min: 2, max: 300, message: t('licenceManage.legalBasisRequired') }] : []}
      >
        <Input maxLength={300} placeholder={t('licenceManage.legalBasisPlaceholder')} />
      </Form.Item>
      <FormActions onCancel={onClose} loading={save.isPending} submitText={t('licenceManage.submit')} />
    </Form>
  );
}

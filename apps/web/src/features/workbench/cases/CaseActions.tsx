import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CaseActionName, CaseDetail } from '@tongban/contracts';
import { Button, Form, Modal, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../app/apiError.ts';
import { useFeedback } from '../../../app/feedback.ts';
import { ActionFields, bodyOf, initialValues, notHere, type Allowed, type Values } from './ActionFields.tsx';
import { casesKeys, postCaseAction } from './api.ts';

const offeredHere = (a: CaseDetail['allowedActions'][number]): a is Allowed => !notHere.has(a.action);

/** Actions that end or refuse something: shown in red and confirmed as such. */
const dangerous = new Set<CaseActionName>(['refuse', 'disapprove', 'revoke']);

/** The buttons for what the server allows now; each opens a confirmation with the fields its action needs. */
export function CaseActions({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const actions = detail.allowedActions.filter(offeredHere);
  const [open, setOpen] = useState<Allowed | null>(null);
  if (actions.length === 0) return <p className="tb-muted">{t('workbenchCases.noActions')}</p>;
  const stepName = (a: Allowed) => detail.openSteps.find((s) => s.key === a.step)?.name ?? '';
  return (
    <>
      <Space wrap>
        {actions.map((a, i) => (
          <Button
            key={`${a.action}:${a.step ?? ''}`}
            type={i === 0 ? 'primary' : 'default'}
            danger={dangerous.has(a.action)}
            onClick={() => setOpen(a)}
            data-testid={`case-action-${a.action}`}
          >
            {t(`workbenchCases.actions.${a.action}`)}
            {a.step && actions.filter((b) => b.action === a.action).length > 1 ? `（${stepName(a)}）` : ''}
          </Button>
        ))}
      </Space>
      {open && <ActionModal detail={detail} allowed={open} stepName={stepName(open)} onClose={() => setOpen(null)} />}
    </>
  );
}

function ActionModal({ detail, allowed, stepName, onClose }: { detail: CaseDetail; allowed: Allowed; stepName: string; onClose: () => void }) {
  const { t } = useTranslation();
  const feedback = useFeedback();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const { action } = allowed;
  const mutation = useMutation({
    mutationFn: (values: Values) => postCaseAction(detail.caseNo, bodyOf(allowed, values, detail.version)),
    onSuccess: (updated) => {
      client.setQueryData(casesKeys.detail(detail.caseNo), updated);
      void client.invalidateQueries({ queryKey: casesKeys.all });
      feedback.success(t(`workbenchCases.done.${action}`, { caseNo: detail.caseNo, status: updated.statusName }));
      onClose();
    },
    onError: (error) => {
      if (isApiError(error) && error.status === 409) {
        // Someone else acted first: show the case as it is now.
        void client.invalidateQueries({ queryKey: casesKeys.detail(detail.caseNo) });
        onClose();
      }
      feedback.failure(error, { CONFLICT: t('workbenchCases.conflict'), INVALID_STATE: t('workbenchCases.conflict') });
    },
  });

  return (
    <Modal
      open
      title={t(`workbenchCases.confirm.${action}Title`, { step: stepName })}
      okText={t('workbenchCases.confirmOk')}
      okButtonProps={{ danger: dangerous.has(action), loading: mutation.isPending }}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <p>{t(`workbenchCases.confirm.${action}`, { caseNo: detail.caseNo })}</p>
      <Form form={form} layout="vertical" initialValues={initialValues(action, detail)} onFinish={(values) => mutation.mutate(values)}>
        <ActionFields action={action} detail={detail} form={form} />
      </Form>
    </Modal>
  );
}

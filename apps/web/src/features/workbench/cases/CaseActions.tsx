import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CaseDetail, CaseStep } from '@tongban/contracts';
import { Button, Form, Input, Modal, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../app/apiError.ts';
import { useFeedback } from '../../../app/feedback.ts';
import { casesKeys, postCaseAction } from './api.ts';

type ActionKey = 'accept' | 'supplement' | 'refuse' | 'review' | 'decide' | 'deliver';

interface ActionDef {
  key: ActionKey;
  step: CaseStep;
  danger?: boolean;
}

/** The actions the case's status and the user's open steps allow now (the server re-checks each). */
export function actionsFor(detail: CaseDetail, steps: CaseStep[]): ActionDef[] {
  const out: ActionDef[] = [];
  for (const step of steps) {
    if (step.kind === 'accept' && detail.status === 'submitted') {
      out.push({ key: 'accept', step }, { key: 'supplement', step }, { key: 'refuse', step, danger: true });
    } else if (step.kind === 'accept' && detail.status === 'supplementing') {
      out.push({ key: 'refuse', step, danger: true });
    } else if (step.kind === 'review' && detail.status === 'processing') {
      out.push({ key: 'review', step });
    } else if (step.kind === 'decide' && detail.status === 'processing') {
      out.push({ key: 'decide', step });
    } else if (step.kind === 'deliver' && detail.status === 'decided') {
      out.push({ key: 'deliver', step });
    }
  }
  return out;
}

const endpoint: Record<ActionKey, string> = {
  accept: 'accept',
  supplement: 'supplement-request',
  refuse: 'refuse',
  review: 'steps',
  decide: 'decision',
  deliver: 'delivery',
};

type Values = Record<string, unknown>;

function bodyOf(action: ActionDef, values: Values, version: number): Record<string, unknown> {
  switch (action.key) {
    case 'supplement':
      return {
        missing: ((values.missing as string[] | undefined) ?? []).map((materialKey) => ({ materialKey, note: (values.note as string | undefined) ?? '' })),
        opinion: values.opinion ?? '',
        version,
      };
    case 'review':
      return { step: action.step.key, outcome: 'approve', opinion: values.opinion, version };
    case 'deliver':
      return { method: values.method, trackingNo: values.trackingNo || undefined, recipient: values.recipient || undefined, version };
    default:
      return { ...values, version };
  }
}

export function CaseActions({ detail, steps }: { detail: CaseDetail; steps: CaseStep[] }) {
  const { t } = useTranslation();
  const actions = actionsFor(detail, steps);
  const [open, setOpen] = useState<ActionDef | null>(null);
  if (actions.length === 0) return <p className="tb-muted">{t('workbenchCases.noActions')}</p>;
  return (
    <>
      <Space wrap>
        {actions.map((a, i) => (
          <Button key={a.key} type={i === 0 ? 'primary' : 'default'} danger={a.danger} onClick={() => setOpen(a)} data-testid={`case-action-${a.key}`}>
            {t(`workbenchCases.actions.${a.key}`)}
          </Button>
        ))}
      </Space>
      {open && <ActionModal detail={detail} action={open} onClose={() => setOpen(null)} />}
    </>
  );
}

function ActionModal({ detail, action, onClose }: { detail: CaseDetail; action: ActionDef; onClose: () => void }) {
  const { t } = useTranslation();
  const feedback = useFeedback();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const method = Form.useWatch('method', form) as string | undefined;
  const mutation = useMutation({
    mutationFn: (values: Values) => postCaseAction(detail.caseNo, endpoint[action.key], bodyOf(action, values, detail.version)),
    onSuccess: (updated) => {
      client.setQueryData(casesKeys.detail(detail.caseNo), updated);
      void client.invalidateQueries({ queryKey: casesKeys.all });
      feedback.success(t(`workbenchCases.done.${action.key}`, { caseNo: detail.caseNo, status: updated.statusName }));
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
  const required = { required: true, message: t('workbenchCases.required') };
  const opinionField = (need: boolean, label = t('workbenchCases.fields.opinion')) => (
    <Form.Item name="opinion" label={label} rules={need ? [required, { min: 1 }] : []}>
      <Input.TextArea rows={3} maxLength={1000} showCount />
    </Form.Item>
  );
  const initial: Values =
    action.key === 'decide'
      ? { decision: 'approve' }
      : action.key === 'deliver'
        ? { method: detail.delivery.method, recipient: detail.delivery.method === 'post' ? detail.delivery.address.recipient : '' }
        : {};

  return (
    <Modal
      open
      title={t(`workbenchCases.confirm.${action.key}Title`, { step: action.step.name })}
      okText={t('workbenchCases.confirmOk')}
      okButtonProps={{ danger: action.danger, loading: mutation.isPending }}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <p>{t(`workbenchCases.confirm.${action.key}`, { caseNo: detail.caseNo })}</p>
      <Form form={form} layout="vertical" initialValues={initial} onFinish={(values) => mutation.mutate(values)}>
        {action.key === 'accept' && opinionField(false)}
        {action.key === 'supplement' && (
          <>
            <Form.Item name="missing" label={t('workbenchCases.fields.missing')} rules={[required]}>
              <Select mode="multiple" options={detail.materials.map((m) => ({ value: m.materialKey, label: m.name }))} />
            </Form.Item>
            <Form.Item name="note" label={t('workbenchCases.fields.note')}>
              <Input maxLength={500} />
            </Form.Item>
            {opinionField(false)}
          </>
        )}
        {action.key === 'refuse' && (
          <>
            <Form.Item name="reason" label={t('workbenchCases.fields.reason')} rules={[required, { min: 2, message: t('workbenchCases.min2') }]}>
              <Input.TextArea rows={3} maxLength={1000} />
            </Form.Item>
            <Form.Item name="legalBasis" label={t('workbenchCases.fields.legalBasis')} rules={[required, { min: 2, message: t('workbenchCases.min2') }]}>
              <Input.TextArea rows={2} maxLength={1000} />
            </Form.Item>
          </>
        )}
        {action.key === 'review' && opinionField(true)}
        {action.key === 'decide' && (
          <>
            <Form.Item name="decision" label={t('workbenchCases.fields.decision')} rules={[required]}>
              <Select options={(['approve', 'deferred_pass', 'reject'] as const).map((d) => ({ value: d, label: t(`workbenchCases.decision.${d}`) }))} />
            </Form.Item>
            {opinionField(true)}
            <Form.Item name="resultName" label={t('workbenchCases.fields.resultName')}>
              <Input maxLength={100} />
            </Form.Item>
            <Form.Item name="resultNo" label={t('workbenchCases.fields.resultNo')}>
              <Input maxLength={50} />
            </Form.Item>
          </>
        )}
        {action.key === 'deliver' && (
          <>
            <Form.Item name="method" label={t('workbenchCases.fields.method')} rules={[required]}>
              <Select options={(['window', 'post', 'electronic'] as const).map((m) => ({ value: m, label: t(`workbenchCases.delivery.${m}`) }))} />
            </Form.Item>
            {method === 'post' && (
              <Form.Item name="trackingNo" label={t('workbenchCases.fields.trackingNo')} rules={[required]}>
                <Input maxLength={50} />
              </Form.Item>
            )}
            <Form.Item name="recipient" label={t('workbenchCases.fields.recipient')}>
              <Input maxLength={50} />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}

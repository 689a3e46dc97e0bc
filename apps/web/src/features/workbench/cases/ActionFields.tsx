import type { CaseActionName, CaseDetail } from '@tongban/contracts';
import { Form, Input, InputNumber, Select, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';

export type Values = Record<string, unknown>;

/** Actions the workbench does not offer (the applicant's own, and 转办 which needs a colleague picker). */
type NotHere = 'withdraw' | 'supplement' | 'transfer';
export const notHere: ReadonlySet<CaseActionName> = new Set<NotHere>(['withdraw', 'supplement', 'transfer']);
export type WorkbenchAction = Exclude<CaseActionName, NotHere>;

/** An action the server says this user may take, with the open step it concerns. */
export type Allowed = { action: WorkbenchAction; step: string | null };

const SPECIAL_PROCEDURES = ['hearing', 'inspection', 'testing', 'appraisal', 'expert_review', 'site_survey', 'quarantine', 'other'] as const;

/** The request body of an action from the form's values. */
export function bodyOf(allowed: Allowed, values: Values, version: number): Record<string, unknown> {
  const base = { action: allowed.action, version, ...(allowed.step ? { step: allowed.step } : {}) };
  switch (allowed.action) {
    case 'request-supplement':
      return {
        ...base,
        missing: ((values.missing as string[] | undefined) ?? []).map((materialKey) => ({ materialKey, note: (values.note as string | undefined) ?? '' })),
        opinion: values.opinion ?? '',
      };
    case 'deliver':
      return { ...base, method: values.method, trackingNo: values.trackingNo || undefined, recipient: values.recipient || undefined };
    case 'decide-extension':
    case 'post-check':
    case 'green-channel': {
      const { yes, ...rest } = values;
      const flag = allowed.action === 'decide-extension' ? 'approved' : allowed.action === 'post-check' ? 'passed' : 'on';
      return { ...base, ...rest, [flag]: yes === 'yes' };
    }
    default:
      return { ...base, ...values };
  }
}

export function initialValues(action: WorkbenchAction, detail: CaseDetail): Values {
  switch (action) {
    case 'decide':
      return { decision: detail.missingDeferred.length ? 'deferred_pass' : 'approve' };
    case 'deliver':
      return { method: detail.delivery.method, recipient: detail.delivery.method === 'post' ? detail.delivery.address.recipient : '' };
    case 'decide-extension':
    case 'post-check':
      return { yes: 'yes' };
    case 'green-channel':
      return { yes: detail.greenChannel ? 'no' : 'yes' };
    default:
      return {};
  }
}

/** The fields one action asks for, with the same limits as the contract. */
export function ActionFields({ action, detail, form }: { action: WorkbenchAction; detail: CaseDetail; form: FormInstance<Values> }) {
  const { t } = useTranslation();
  const method = Form.useWatch('method', form) as string | undefined;
  const required = { required: true, message: t('workbenchCases.required') };
  const min2 = { min: 2, message: t('workbenchCases.min2') };
  const text = (name: 'opinion' | 'reason' | 'legalBasis' | 'result', need: boolean, rows = 3, max = 1000) => (
    <Form.Item name={name} label={t(`workbenchCases.fields.${name}`)} rules={need ? [required, min2] : []}>
      <Input.TextArea rows={rows} maxLength={max} showCount />
    </Form.Item>
  );
  const yesNo = (kind: 'decide-extension' | 'post-check' | 'green-channel', label: string) => (
    <Form.Item name="yes" label={label} rules={[required]}>
      <Select
        options={[
          { value: 'yes', label: t(`workbenchCases.yesNo.${kind}.yes`) },
          { value: 'no', label: t(`workbenchCases.yesNo.${kind}.no`) },
        ]}
      />
    </Form.Item>
  );

  switch (action) {
    case 'accept':
      return text('opinion', false);
    case 'request-supplement':
      return (
        <>
          <Form.Item name="missing" label={t('workbenchCases.fields.missing')} rules={[required]}>
            <Select mode="multiple" options={detail.materials.map((m) => ({ value: m.materialKey, label: m.name }))} />
          </Form.Item>
          <Form.Item name="note" label={t('workbenchCases.fields.note')}>
            <Input maxLength={500} />
          </Form.Item>
          {text('opinion', false)}
        </>
      );
    case 'refuse':
    case 'revoke':
      return (
        <>
          {text('reason', true)}
          {text('legalBasis', true, 2)}
        </>
      );
    case 'approve':
    case 'disapprove':
      return text('opinion', true);
    case 'return': {
      const str = (v: unknown) => (typeof v === 'string' ? v : '');
      const done = [...new Map(detail.timeline.filter((e) => e.type === 'step_completed').map((e) => [str(e.details.step), str(e.details.stepName)]))].filter(
        ([key]) => key,
      );
      return (
        <>
          <Form.Item name="returnTo" label={t('workbenchCases.fields.returnTo')} rules={[required]}>
            <Select options={done.map(([value, label]) => ({ value, label }))} notFoundContent={t('workbenchCases.noEarlierStep')} />
          </Form.Item>
          {text('opinion', true)}
        </>
      );
    }
    case 'suspend':
      return (
        <>
          <Form.Item name="procedure" label={t('workbenchCases.fields.procedure')} rules={[required]}>
            <Select options={SPECIAL_PROCEDURES.map((p) => ({ value: p, label: t(`workbenchCases.procedures.${p}`) }))} />
          </Form.Item>
          {text('reason', true)}
        </>
      );
    case 'resume':
      return (
        <>
          {text('result', true)}
          {text('opinion', false)}
        </>
      );
    case 'extend':
      return (
        <>
          <Form.Item name="workingDays" label={t('workbenchCases.fields.workingDays')} rules={[required]}>
            <InputNumber min={1} max={60} precision={0} />
          </Form.Item>
          {text('reason', true)}
        </>
      );
    case 'decide-extension':
      return (
        <>
          {yesNo(action, t('workbenchCases.fields.extensionDecision', { count: detail.pendingExtension ?? 0 }))}
          {text('opinion', true)}
        </>
      );
    case 'post-check':
      return (
        <>
          {yesNo(action, t('workbenchCases.fields.postCheck'))}
          {text('opinion', true)}
        </>
      );
    case 'green-channel':
      return (
        <>
          {yesNo(action, t('workbenchCases.fields.greenChannel'))}
          {text('reason', true, 2, 500)}
        </>
      );
    case 'supply-deferred':
      return (
        <Form.Item name="materialKey" label={t('workbenchCases.fields.materialKey')} rules={[required]}>
          <Select options={detail.missingDeferred.map((key) => ({ value: key, label: detail.materials.find((m) => m.materialKey === key)?.name ?? key }))} />
        </Form.Item>
      );
    case 'decide':
      return (
        <>
          <Form.Item name="decision" label={t('workbenchCases.fields.decision')} rules={[required]}>
            <Select options={(['approve', 'deferred_pass', 'reject'] as const).map((d) => ({ value: d, label: t(`workbenchCases.decision.${d}`) }))} />
          </Form.Item>
          {text('opinion', true)}
          <Form.Item name="resultName" label={t('workbenchCases.fields.resultName')}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="resultNo" label={t('workbenchCases.fields.resultNo')}>
            <Input maxLength={50} />
          </Form.Item>
        </>
      );
    case 'deliver':
      return (
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
      );
    default:
      return null;
  }
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateStaff, Staff, UpdateStaff } from '@tongban/contracts';
import { Col, Form, Input, Radio, Row, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormErrorSummary } from '../../../app/components/FormErrorSummary.tsx';
import { FormActions, FormModal } from '../../../app/components/FormModal.tsx';
import { useFeedback } from '../../../app/feedback.ts';
import { useFormErrors } from '../../../app/forms.ts';
import { useAdminRoles } from '../../admin/useAdminRoles.ts';
import { DepartmentSelect } from '../../org/DepartmentSelect.tsx';
import { HallSelect, WindowSelect } from '../../org/HallWindowSelect.tsx';
import { RegionSelect } from '../../org/RegionSelect.tsx';
import { useValidators } from '../validators.ts';
import { createStaff, staffKeys, staffRoles, updateStaff, type StaffRole } from './api.ts';

interface Values {
  username?: string;
  password?: string;
  confirmPassword?: string;
  displayName: string;
  phone?: string;
  roles: StaffRole[];
  departmentId: string | null;
  regionCode: string;
  includeSubRegions: boolean;
  /** Only narrows the window list; not sent. */
  hallId: string | null;
  windowId: string | null;
  status: 'active' | 'disabled';
}

function StaffForm({ record, onClose }: { record: Staff | null; onClose: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const feedback = useFeedback();
  const { isCentreAdmin } = useAdminRoles();
  const v = useValidators();
  const [form] = Form.useForm<Values>();
  const hallId = Form.useWatch('hallId', form) ?? null;
  const labels: Record<string, string> = {
    username: t('staff.username'),
    password: t('staff.password'),
    confirmPassword: t('staff.confirmPassword'),
    displayName: t('staff.displayName'),
    phone: t('staff.phone'),
    roles: t('staff.roles'),
    departmentId: t('staff.department'),
    regionCode: t('staff.region'),
    includeSubRegions: t('staff.includeSubRegions'),
    hallId: t('staff.hall'),
    windowId: t('staff.window'),
    status: t('staff.status'),
  };
  const { summary, showError, showClientErrors, clearErrors } = useFormErrors(form, labels);

  const save = useMutation({
    mutationFn: (values: Values) => {
      const phone = values.phone?.trim() ? values.phone.trim() : undefined;
      const common = {
        displayName: values.displayName.trim(),
        ...(phone ? { phone } : {}),
        roles: values.roles,
        departmentId: values.departmentId ?? null,
        regionCode: values.regionCode,
        includeSubRegions: values.includeSubRegions,
        windowId: values.windowId ?? null,
      };
      if (record) {
        const body: UpdateStaff = { ...common, status: values.status, version: record.version };
        return updateStaff(record.id, body);
      }
      const body: CreateStaff = { ...common, username: (values.username ?? '').trim(), password: values.password ?? '' };
      return createStaff(body);
    },
    onSuccess: (_saved, values) => {
      const name = values.displayName.trim();
      feedback.success(record ? t('staff.updated', { name }) : t('staff.created', { name }));
      void client.invalidateQueries({ queryKey: staffKeys.all });
      onClose();
    },
    onError: showError,
  });

  const initial: Partial<Values> = record
    ? {
        displayName: record.displayName,
        roles: record.roles.filter((r): r is StaffRole => (staffRoles as string[]).includes(r)),
        departmentId: record.departmentId,
        regionCode: record.regionCode,
        includeSubRegions: record.includeSubRegions,
        hallId: null,
        windowId: record.windowId,
        status: record.status,
      }
    : { roles: [], departmentId: null, includeSubRegions: false, hallId: null, windowId: null, status: 'active' };

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      initialValues={initial}
      onFinish={(values) => {
        clearErrors();
        save.mutate(values);
      }}
      onFinishFailed={({ errorFields }) => showClientErrors(errorFields)}
    >
      <FormErrorSummary summary={summary} form={form} />
      <Row gutter={16}>
        {!record && (
          <>
            <Col xs={24} md={12}>
              <Form.Item name="username" label={labels.username} extra={t('register.usernameHelp')} rules={[v.required(), v.username()]}>
                <Input autoComplete="off" maxLength={32} spellCheck={false} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="displayName" label={labels.displayName} rules={[v.required(), v.length(1, 50)]}>
                <Input maxLength={50} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="password" label={labels.password} extra={t('staff.passwordHelp')} rules={[v.required(), v.password()]}>
                <Input.Password autoComplete="new-password" maxLength={128} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="confirmPassword" label={labels.confirmPassword} dependencies={['password']} rules={[v.required(), v.sameAs('password')]}>
                <Input.Password autoComplete="new-password" maxLength={128} />
              </Form.Item>
            </Col>
          </>
        )}
        {record && (
          <Col xs={24} md={12}>
            <Form.Item name="displayName" label={labels.displayName} rules={[v.required(), v.length(1, 50)]}>
              <Input maxLength={50} />
            </Form.Item>
          </Col>
        )}
        <Col xs={24} md={12}>
          <Form.Item
            name="phone"
            label={labels.phone}
            extra={record?.phoneMasked ? t('staff.phoneKeep', { masked: record.phoneMasked }) : undefined}
            rules={[v.phone()]}
          >
            <Input type="tel" inputMode="numeric" maxLength={11} autoComplete="off" />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item name="roles" label={labels.roles} rules={[{ required: true, type: 'array', min: 1, message: t('validation.rolesRequired') }]}>
            <Select<StaffRole[]>
              mode="multiple"
              options={staffRoles.map((r) => ({ value: r, label: t(`roles.${r}`), disabled: !isCentreAdmin && (r === 'centre_admin' || r === 'supervisor') }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="departmentId" label={labels.departmentId}>
            <DepartmentSelect initialLabel={record?.departmentName ?? null} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="regionCode" label={labels.regionCode} rules={[{ required: true, message: t('common.required') }]}>
            <RegionSelect initialLabel={record?.regionName ?? null} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="includeSubRegions" label={labels.includeSubRegions} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Col>
        {record && (
          <Col xs={24} md={12}>
            <Form.Item name="status" label={labels.status}>
              <Radio.Group
                optionType="button"
                options={[
                  { value: 'active', label: t('staff.statuses.active') },
                  { value: 'disabled', label: t('staff.statuses.disabled') },
                ]}
              />
            </Form.Item>
          </Col>
        )}
        <Col xs={24} md={12}>
          <Form.Item name="hallId" label={labels.hallId} extra={t('staff.windowHelp')}>
            <HallSelect onChange={(id) => form.setFieldsValue({ hallId: id, windowId: null })} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="windowId" label={labels.windowId}>
            <WindowSelect hallId={hallId} initialLabel={record?.windowName ?? null} />
          </Form.Item>
        </Col>
      </Row>
      <FormActions onCancel={onClose} loading={save.isPending} />
    </Form>
  );
}

export type StaffDialog = { mode: 'create' } | { mode: 'edit'; record: Staff };

export function StaffFormModal({ dialog, onClose }: { dialog: StaffDialog | null; onClose: () => void }) {
  const { t } = useTranslation();
  const record = dialog?.mode === 'edit' ? dialog.record : null;
  return (
    <FormModal
      open={dialog !== null}
      title={record ? t('staff.editTitle', { name: record.displayName }) : t('staff.createTitle')}
      onCancel={onClose}
      width={760}
    >
      <StaffForm record={record} onClose={onClose} />
    </FormModal>
  );
}

import { Col, Form, Input, Radio, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { useValidators } from '../../identity/validators.ts';
import { IdentityCheck } from '../subjects/IdentityCheck.tsx';
import type { ApplicantKind } from './walkIn.ts';
import '../subjects/subjects.css';

/** ② 申请人: the person at the counter, or the organisation they act for (then they are its 经办人). */
export function ApplicantSection({ disabled }: { disabled: boolean }) {
  const { t } = useTranslation();
  const v = useValidators();
  const kind = Form.useWatch(['applicant', 'kind']) as ApplicantKind | undefined;
  return (
    <>
      <Form.Item name={['applicant', 'kind']} label={t('walkIn.applicant.kind')}>
        <Radio.Group
          optionType="button"
          disabled={disabled}
          data-testid="walkin-applicant-kind"
          options={[
            { value: 'person', label: t('walkIn.applicant.person') },
            { value: 'organisation', label: t('walkIn.applicant.organisation') },
          ]}
        />
      </Form.Item>
      {kind === 'organisation' ? (
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name={['applicant', 'orgName']} label={t('walkIn.applicant.orgName')} rules={[v.required(), v.length(2, 100)]}>
              <Input maxLength={100} disabled={disabled} autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name={['applicant', 'creditCode']}
              label={t('walkIn.applicant.creditCode')}
              rules={[v.required(), v.creditCode()]}
              validateDebounce={300}
            >
              <Input maxLength={20} disabled={disabled} autoCapitalize="characters" spellCheck={false} autoComplete="off" className="tb-mono" />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <IdentityCheck kind="organisation" nameField={['applicant', 'orgName']} idField={['applicant', 'creditCode']} disabled={disabled} />
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name={['applicant', 'contactName']} label={t('walkIn.applicant.contactName')} rules={[v.required(), v.length(2, 50)]}>
              <Input maxLength={50} disabled={disabled} autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name={['applicant', 'orgPhone']}
              label={t('walkIn.applicant.orgPhone')}
              extra={t('walkIn.applicant.orgPhoneHelp')}
              rules={[v.required(), v.phone()]}
            >
              <Input type="tel" inputMode="numeric" maxLength={11} disabled={disabled} autoComplete="off" />
            </Form.Item>
          </Col>
        </Row>
      ) : (
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name={['applicant', 'name']} label={t('walkIn.applicant.name')} rules={[v.required(), v.length(2, 50)]}>
              <Input maxLength={50} disabled={disabled} autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name={['applicant', 'idNumber']}
              label={t('walkIn.applicant.idNumber')}
              extra={t('walkIn.applicant.idHelp')}
              rules={[v.required(), v.residentId()]}
              validateDebounce={300}
            >
              <Input maxLength={20} disabled={disabled} autoCapitalize="characters" spellCheck={false} autoComplete="off" className="tb-mono" />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <IdentityCheck kind="person" nameField={['applicant', 'name']} idField={['applicant', 'idNumber']} disabled={disabled} />
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name={['applicant', 'phone']} label={t('walkIn.applicant.phone')} extra={t('walkIn.applicant.phoneHelp')} rules={[v.phone()]}>
              <Input type="tel" inputMode="numeric" maxLength={11} disabled={disabled} autoComplete="off" />
            </Form.Item>
          </Col>
        </Row>
      )}
    </>
  );
}

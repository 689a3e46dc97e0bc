import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ErrorSchema, UiSchema } from '@rjsf/utils';
import type { CaseDetail } from '@tongban/contracts';
import { Alert, Button, Card, Col, Empty, Form, Row, Space, Spin, type FormInstance, type RefSelectProps } from 'antd';
import { lazy, Suspense, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FormErrorSummary } from '../../../app/components/FormErrorSummary.tsx';
import { QueryError } from '../../../app/components/QueryError.tsx';
import { ApiError, isApiError } from '../../../app/apiError.ts';
import type { ErrorSummary, SummaryItem } from '../../../app/forms.ts';
import { AreaPage } from '../../../app/layout/AreaPage.tsx';
import { useSession } from '../../../app/session.ts';
import { splitUi } from '../../catalog-admin/form-schema/parseSchema.ts';
import { normaliseIdentifier } from '../../identity/validators.ts';
import { useLimitText } from '../../portal/guide/useLimitText.ts';
import { casesKeys } from '../cases/api.ts';
import { ActionModal, type DialogValues, type WalkInKind } from './ActionModal.tsx';
import { ApplicantSection } from './ApplicantSection.tsx';
import { caseAction, getGuide, getRegion, submitCase, walkInKeys, type WalkInAction } from './api.ts';
import type { FormData, FormHandle } from './ApplicationForm.tsx';
import { DeliverySection } from './DeliverySection.tsx';
import { placeIssues } from './issues.ts';
import { ItemFacts, ItemPicker } from './ItemPicker.tsx';
import { MarkRestButton, MaterialsSection } from './MaterialsSection.tsx';
import { ResultPanel, type WalkInResult } from './ResultPanel.tsx';
import {
  deliveryOf,
  isTongban,
  materialMode,
  materialsOf,
  missingMaterials,
  newAttemptKey,
  prefillFromApplicant,
  principalOf,
  submitBody,
  tally,
  unmarkedMaterials,
  type ApplicantValues,
  type DeliveryValues,
  type Marks,
  type SentMaterial,
} from './walkIn.ts';
import './accept.css';

const ApplicationForm = lazy(() => import('./ApplicationForm.tsx'));

interface PageValues {
  implCode?: string;
  applicant: ApplicantValues;
  marks: Marks;
  notes: Record<string, string>;
  delivery: DeliveryValues;
}

type PageFields = Parameters<FormInstance<PageValues>['setFields']>[0];
type DialogFields = Parameters<FormInstance<DialogValues>['setFields']>[0];

const initialValues: PageValues = { applicant: { kind: 'person' }, marks: {}, notes: {}, delivery: { method: 'window' } };

/** One attempt at the counter: its idempotency key, and the case once the server has registered it. */
interface Attempt {
  key: string;
  caseNo: string | null;
  version: number;
}

function Section({ n, title, extra, children, testId }: { n: string; title: string; extra?: ReactNode; children: ReactNode; testId: string }) {
  return (
    <Card
      className="tb-walkin-section"
      data-testid={testId}
      title={
        <h2 className="tb-card-title">
          <span className="tb-walkin-step" aria-hidden>
            {n}
          </span>
          {title}
        </h2>
      }
      extra={extra}
    >
      {children}
    </Card>
  );
}

/** 一窗受理: a clerk takes an application at the counter, for any department of the region or, by 通办, of another region. */
export function AcceptPage() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const user = useSession().data;
  const limitText = useLimitText();
  const [form] = Form.useForm<PageValues>();
  const [dialogForm] = Form.useForm<DialogValues>();
  const selectRef = useRef<RefSelectProps>(null);
  const formRef = useRef<FormHandle>(null);

  const [implCode, setImplCode] = useState<string | null>(null);
  const [formData, setFormData] = useState<FormData>({});

  const [formErrors, setFormErrors] = useState<ErrorSchema | undefined>(undefined);
  const [formLive, setFormLive] = useState(false);
  const [attempt, setAttempt] = useState<Attempt>(() => ({ key: newAttemptKey(), caseNo: null, version: 0 }));
  const [dialog, setDialog] = useState<WalkInKind | null>(null);
  const [summary, setSummary] = useState<ErrorSummary | null>(null);
  const [failure, setFailure] = useState<{ caseNo: string; message: string } | null>(null);
  const [result, setResult] = useState<WalkInResult | null>(null);

  const guide = useQuery({
    queryKey: walkInKeys.guide(implCode ?? ''),
    queryFn: ({ signal }) => getGuide(implCode!, signal),
    enabled: !!implCode,
  });
  const item = guide.data?.item;
  const content = guide.data?.content;
  const materials = useMemo(() => content?.materials ?? [], [content]);
  const region = useQuery({
    queryKey: walkInKeys.region(item?.regionCode ?? ''),
    queryFn: ({ signal }) => getRegion(item!.regionCode, signal),
    enabled: !!item,
    staleTime: Infinity,
  });
  const tongban =
    item && isTongban(user, item.regionCode) && !region.isPending
      ? t('walkIn.tongban.title', { department: item.departmentName, region: region.data?.name ?? item.regionCode })
      : null;
  const formParts = useMemo(() => (content ? splitUi(content.formSchema) : null), [content]);
  const properties = (formParts?.schema.properties ?? {}) as Record<string, unknown>;
  const hasForm = Object.keys(properties).length > 0;

  const marks: Marks = Form.useWatch('marks', form) ?? {};
  const applicantName = Form.useWatch<string | undefined>(['applicant', 'name'], form);
  const orgName = Form.useWatch<string | undefined>(['applicant', 'orgName'], form);
  const kind = Form.useWatch<ApplicantValues['kind'] | undefined>(['applicant', 'kind'], form) ?? 'person';
  const who = (kind === 'organisation' ? orgName : applicantName)?.trim() || t('walkIn.panel.noApplicant');
  const counts = tally(materials, marks);
  const unmarked = unmarkedMaterials(materials, marks).length;
  const registered = attempt.caseNo !== null;

  const pick = (code: string) => {
    if (code === implCode) return;
    setImplCode(code);
    setFormData({});
    setFormErrors(undefined);
    setFormLive(false);
    form.setFieldsValue({ marks: {}, notes: {} });
    setSummary(null);
    // Straight on to the applicant.
    setTimeout(() => form.focusField(['applicant', kind === 'organisation' ? 'orgName' : 'name']), 0);
  };

  /** What a page field is called, for the error summary. */
  function labelOf(name: (string | number)[]): string {
    const [head, key] = name.map(String);
    const material = materials.find((m) => m.key === key);
    if (head === 'implCode') return t('walkIn.item.label');
    if (head === 'applicant' && key) return t(`walkIn.applicant.${key as 'name'}`);
    if (head === 'delivery' && key) return t(`walkIn.delivery.${key as 'method'}`);
    if (head === 'marks' && material) return material.name;
    if (head === 'notes' && material) return `${material.name} · ${t('walkIn.materials.note')}`;
    return name.join('.');
  }
  const fieldItem = (name: (string | number)[], text: string): SummaryItem => ({
    key: name.join('.'),
    text: t('common.labelValue', { label: labelOf(name), value: text }),
    name,
  });

  /** A field the clerk changes leaves the summary (its own message beside it is checked again by antd). */
  const dropFixed = (changed: Partial<PageValues>) => {
    if (!summary) return;
    const paths: string[] = [];
    const walk = (value: unknown, path: string[]) => {
      if (value && typeof value === 'object' && !Array.isArray(value)) for (const [k, v] of Object.entries(value)) walk(v, [...path, k]);
      else paths.push(path.join('.'));
    };
    walk(changed, []);
    const items = summary.items.filter((i) => !i.name || !paths.includes(i.name.join('.')));
    if (items.length !== summary.items.length) setSummary(items.length > 0 ? { ...summary, items } : null);
  };

  /** Checks the page for an action; true when it may go on. */
  async function check(action: WalkInKind): Promise<boolean> {
    setSummary(null);
    const checkMarks = action !== 'refuse';
    const names = [
      ['implCode'],
      ...(registered ? [] : [['applicant'], ['delivery']]),
      ...(checkMarks ? materials.filter((m) => materialMode(m) === 'check').map((m) => ['marks', m.key]) : []),
      ...(action === 'supplement' ? missingMaterials(materials, marks).map((m) => ['notes', m.key]) : []),
    ];
    const fieldItems: SummaryItem[] = [];
    try {
      // `recursive` takes every field under applicant / delivery.
      await form.validateFields(names, { recursive: true });
    } catch (error) {
      const fields = (error as { errorFields?: { name: (string | number)[]; errors: string[] }[] }).errorFields ?? [];
      for (const f of fields) if (f.errors[0]) fieldItems.push(fieldItem(f.name, f.errors[0]));
    }
    // In the order of the page: ① ②, then ③ the application form, then ④ ⑤.
    const section = (i: SummaryItem) => ['implCode', 'applicant', 'marks', 'notes', 'delivery'].indexOf(String(i.name?.[0]));
    fieldItems.sort((a, b) => section(a) - section(b));
    const items = fieldItems.filter((i) => section(i) <= 1);
    if (!registered && formRef.current) {
      setFormLive(true);
      if (!formRef.current.validateForm()) items.push({ key: 'form', text: t('walkIn.errors.formInvalid') });
    }
    items.push(...fieldItems.filter((i) => section(i) > 1));
    if (checkMarks && items.length === 0) {
      const missing = missingMaterials(materials, marks);
      if (action === 'accept' && missing.length > 0) {
        form.setFields(missing.map((m) => ({ name: ['marks', m.key], errors: [t('walkIn.materials.missingBlocks')] })));
        for (const m of missing) items.push({ key: m.key, text: t('walkIn.errors.cannotAccept', { name: m.name }), name: ['marks', m.key] });
      }
      if (action === 'supplement' && missing.length === 0) items.push({ key: 'none', text: t('walkIn.errors.noMissing') });
    }
    if (items.length > 0) {
      setSummary({ title: t('errors.summaryTitle'), items });
      return false;
    }
    return true;
  }

  const open = async (action: WalkInKind) => {
    if (await check(action)) {
      dialogForm.resetFields();
      setDialog(action);
    }
  };

  /** Puts the server's problems beside their fields (page, form or dialog) and in the summary. */
  function showServerError(error: unknown, sent: SentMaterial[], missingKeys: string[]) {
    if (!(isApiError(error) && error.code === 'VALIDATION_FAILED' && error.issues.length > 0)) {
      setSummary({ title: error instanceof ApiError ? error.message : t('errors.badResponse'), items: [] });
      return;
    }
    const placed = placeIssues(error.issues, { kind, sent, missing: missingKeys });
    form.setFields(placed.page as PageFields);
    dialogForm.setFields(placed.dialog as DialogFields);
    if (placed.formMessages.length) setFormErrors(placed.form);
    const title = (p: string) => {
      const prop = properties[p] as { title?: unknown } | undefined;
      return typeof prop?.title === 'string' ? prop.title : p;
    };
    setSummary({
      title: error.message,
      items: [
        ...placed.page.map((f) => fieldItem(f.name, f.errors.join(' '))),
        ...placed.dialog.map((f) => ({ key: `dialog.${f.name.join('.')}`, text: f.errors.join(' ') })),
        ...placed.formMessages.map((f, i) => ({
          key: `form.${f.property}.${i}`,
          text: t('common.labelValue', { label: title(f.property), value: f.message }),
        })),
        ...placed.loose.map((text, i) => ({ key: `loose.${i}`, text })),
      ],
    });
  }

  const run = useMutation({
    mutationFn: async ({ action, values }: { action: WalkInKind; values: DialogValues }) => {
      const v = form.getFieldsValue(true) as PageValues;
      const sent = materialsOf(materials, v.marks ?? {});
      const missing = missingMaterials(materials, v.marks ?? {}).map((m) => ({ materialKey: m.key, note: (v.notes?.[m.key] ?? '').trim() }));
      let current = attempt;
      if (!current.caseNo) {
        let submitted: CaseDetail;
        try {
          submitted = await submitCase(
            submitBody({
              implCode: item!.implCode,
              formData,
              materials: sent,
              delivery: deliveryOf(v.delivery),
              onBehalfOf: principalOf(v.applicant, normaliseIdentifier),
              idempotencyKey: attempt.key,
            }),
          );
        } catch (error) {
          showServerError(error, sent, []);
          throw error;
        }
        current = { ...attempt, caseNo: submitted.caseNo, version: submitted.version };
        setAttempt(current);
      }
      const caseNo = current.caseNo!;
      const body: WalkInAction =
        action === 'accept'
          ? // The materials as verified at the counter (they replace the submitted ones).
            { action: 'accept', opinion: (values.opinion ?? '').trim(), materials: sent }
          : action === 'supplement'
            ? { action: 'request-supplement', missing, opinion: (values.opinion ?? '').trim() }
            : { action: 'refuse', reason: (values.reason ?? '').trim(), legalBasis: (values.legalBasis ?? '').trim() };
      try {
        const detail = await caseAction(caseNo, { ...body, version: current.version });
        return { action, detail, values };
      } catch (error) {
        showServerError(
          error,
          sent,
          missing.map((m) => m.materialKey),
        );
        setFailure({ caseNo, message: isApiError(error) ? error.message : t('errors.badResponse') });
        throw error;
      }
    },
    onSuccess: ({ action, detail, values }) => {
      void client.invalidateQueries({ queryKey: casesKeys.all });
      setDialog(null);
      setFailure(null);
      setSummary(null);
      setResult({ kind: action, detail, tongban, reason: values.reason?.trim(), legalBasis: values.legalBasis?.trim() });
      window.scrollTo({ top: 0 });
    },
    onError: (error) => {
      // Problems with the reason or legal basis stay in the dialog; anything else is shown on the page.
      const dialogProblem = isApiError(error) && error.issues.some((i) => ['reason', 'legalBasis', 'opinion'].includes(i.path));
      if (!dialogProblem) setDialog(null);
    },
  });

  const next = () => {
    form.resetFields();
    dialogForm.resetFields();
    setImplCode(null);
    setFormData({});
    setFormErrors(undefined);
    setFormLive(false);
    setSummary(null);
    setFailure(null);
    setResult(null);
    setAttempt({ key: newAttemptKey(), caseNo: null, version: 0 });
    setTimeout(() => selectRef.current?.focus(), 0);
  };

  if (result) {
    return (
      <AreaPage title={t('walkIn.title')}>
        <ResultPanel result={result} onNext={next} />
      </AreaPage>
    );
  }

  const missingForDialog = missingMaterials(materials, marks).map((m) => ({
    name: m.name,
    note: ((form.getFieldValue(['notes', m.key]) as string | undefined) ?? '').trim(),
  }));
  const pickFirst = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('walkIn.pickFirst')} />;

  return (
    <AreaPage title={t('walkIn.title')}>
      <Form<PageValues> form={form} component={false} layout="vertical" initialValues={initialValues} onValuesChange={dropFixed}>
        <FormErrorSummary summary={summary} form={form} />
        {failure && (
          <Alert
            className="tb-mb"
            type="warning"
            showIcon
            data-testid="walkin-registered"
            title={t('walkIn.errors.registered', { caseNo: failure.caseNo })}
            description={
              <>
                {t('walkIn.errors.registeredText')} <Link to={`/workbench/cases/${encodeURIComponent(failure.caseNo)}`}>{t('walkIn.errors.openCase')}</Link>
              </>
            }
          />
        )}
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={17}>
            <Space orientation="vertical" size={16} className="tb-walkin-main">
              <Section n="①" title={t('walkIn.steps.item')} testId="walkin-section-item">
                <ItemPicker selectRef={selectRef} disabled={registered} picked={item} onPicked={pick} />
                {implCode && guide.isPending && <Spin />}
                {guide.isError && <QueryError error={guide.error} onRetry={() => void guide.refetch()} />}
                {guide.data && <ItemFacts guide={guide.data} />}
              </Section>

              <Section n="②" title={t('walkIn.steps.applicant')} testId="walkin-section-applicant">
                <ApplicantSection disabled={registered} />
              </Section>

              <Section
                n="③"
                title={t('walkIn.steps.form')}
                testId="walkin-section-form"
                extra={
                  hasForm && !registered ? (
                    <Button
                      size="small"
                      onClick={() =>
                        setFormData(prefillFromApplicant(properties, formData, form.getFieldValue('applicant') as ApplicantValues, normaliseIdentifier))
                      }
                      data-testid="walkin-prefill"
                    >
                      {t('walkIn.form.prefill')}
                    </Button>
                  ) : undefined
                }
              >
                {!formParts ? (
                  pickFirst
                ) : hasForm ? (
                  <Suspense fallback={<Spin />}>
                    <ApplicationForm
                      key={implCode ?? ''}
                      schema={formParts.schema}
                      uiSchema={formParts.uiSchema as UiSchema}
                      formData={formData}
                      onChange={setFormData}
                      extraErrors={formErrors}
                      disabled={registered}
                      live={formLive}
                      formRef={formRef}
                    />
                  </Suspense>
                ) : (
                  <p className="tb-muted">{t('walkIn.form.none')}</p>
                )}
              </Section>

              <Section
                n="④"
                title={t('walkIn.steps.materials')}
                testId="walkin-section-materials"
                extra={materials.length > 0 ? <MarkRestButton form={form} materials={materials} onMarked={(next) => dropFixed({ marks: next })} /> : undefined}
              >
                {content ? <MaterialsSection form={form} materials={materials} /> : pickFirst}
              </Section>

              <Section n="⑤" title={t('walkIn.steps.delivery')} testId="walkin-section-delivery">
                <DeliverySection disabled={registered} />
              </Section>
            </Space>
          </Col>

          <Col xs={24} xl={7}>
            <Card className="tb-walkin-panel" title={<h2 className="tb-card-title">{t('walkIn.panel.title')}</h2>} data-testid="walkin-panel">
              <dl className="tb-walkin-facts">
                <dt>{t('walkIn.panel.item')}</dt>
                <dd>{item?.name ?? t('walkIn.panel.noItem')}</dd>
                {content && (
                  <>
                    <dt>{t('walkIn.item.promised')}</dt>
                    <dd>
                      {limitText(content.promisedLimit)} · {t(`workbenchCases.caseType.${content.caseType}`)}
                    </dd>
                  </>
                )}
                <dt>{t('walkIn.panel.applicant')}</dt>
                <dd>{who}</dd>
                {content && (
                  <>
                    <dt>{t('walkIn.panel.materials')}</dt>
                    <dd data-testid="walkin-tally">
                      {t('walkIn.panel.tally', {
                        received: counts.upload + counts.licence,
                        deferred: counts.deferred,
                        committed: counts.commitment,
                        missing: counts.missing,
                      })}
                      {unmarked > 0 && <div className="tb-walkin-unmarked">{t('walkIn.panel.unmarked', { count: unmarked })}</div>}
                    </dd>
                  </>
                )}
              </dl>
              {tongban && <Alert type="warning" showIcon title={tongban} className="tb-mb" data-testid="walkin-panel-tongban" />}
              <Space orientation="vertical" className="tb-walkin-actions">
                <Button type="primary" size="large" block onClick={() => void open('accept')} disabled={!item} data-testid="walkin-accept">
                  {t('walkIn.panel.accept')}
                </Button>
                <Button size="large" block onClick={() => void open('supplement')} disabled={!item} data-testid="walkin-supplement">
                  {t('walkIn.panel.supplement')}
                </Button>
                <Button size="large" block danger onClick={() => void open('refuse')} disabled={!item} data-testid="walkin-refuse">
                  {t('walkIn.panel.refuse')}
                </Button>
              </Space>
              <p className="tb-muted tb-small tb-mt">{t('walkIn.panel.hint')}</p>
            </Card>
          </Col>
        </Row>
      </Form>

      {dialog && item && content && (
        <ActionModal
          kind={dialog}
          form={dialogForm}
          summary={{ item: item.name, applicant: who }}
          missing={missingForDialog}
          tongban={tongban}
          limit={limitText(content.promisedLimit)}
          pending={run.isPending}
          onConfirm={(values) => run.mutate({ action: dialog, values })}
          onCancel={() => setDialog(null)}
        />
      )}
    </AreaPage>
  );
}

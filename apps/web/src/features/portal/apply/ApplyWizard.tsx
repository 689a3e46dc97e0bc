import { CheckCircleOutlined, LeftOutlined, RightOutlined, SaveOutlined, SendOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import dayjs from 'dayjs';
import type { CaseDetail, CaseDraft, DeliveryChoice, DraftDelivery, ItemVersion, UploadLimits } from '@tongban/contracts';
import { Alert, App, Button, Form, Grid, Spin, Steps } from 'antd';
import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { isApiError, type ApiError } from '../../../app/apiError.ts';
import { DocumentTitle } from '../../../app/components/DocumentTitle.tsx';
import { guidePath } from '../catalog/api.ts';
import { myCaseKeys } from '../cases/api.ts';
import { applyKeys, createDraft, getDraft, materialsBody, saveDraft, stateOf, submitCase, type ApplyState, type MaterialEntry } from './api.ts';
import type { ApplyFormHandle } from './ApplyForm.tsx';
import { DeliveryStep, type DeliveryMethod } from './DeliveryStep.tsx';
import { formFields } from './formSchema.ts';
import { initialEntry, isAskedFor, MaterialsStep, missingRequired } from './MaterialsStep.tsx';
import { ReviewStep } from './ReviewStep.tsx';
import { ApplySuccess } from './ApplySuccess.tsx';

const ApplyForm = lazy(() => import('./ApplyForm.tsx'));

const STEPS = ['form', 'materials', 'delivery', 'review'] as const;
const LAST = STEPS.length - 1;

interface DraftRef {
  id: string;
  version: number;
  key: string;
}

/** Problems the server named, sorted to where they are shown. */
interface ServerProblems {
  title: string;
  form: Record<string, string[]>;
  materials: Record<string, string>;
  delivery: { name: (string | number)[]; errors: string[] }[];
  /** Each problem in words, for the summary at the top. */
  items: string[];
}

function initialState(guide: ItemVersion, draft: CaseDraft | null): ApplyState {
  const base: ApplyState = draft ? stateOf(draft) : { formData: {}, materials: {}, delivery: null, step: 0 };
  const materials: Record<string, MaterialEntry> = {};
  for (const m of guide.content.materials.filter(isAskedFor)) materials[m.key] = base.materials[m.key] ?? initialEntry(m);
  return { ...base, materials, step: Math.min(Math.max(base.step, 0), LAST) };
}

/** The delivery choice as the server takes it (a half-filled address is the server's to refuse, field by field). */
function deliveryChoice(d: DraftDelivery | null): DeliveryChoice {
  if (d?.method === 'post') {
    const a = d.address ?? {};
    return { method: 'post', address: { recipient: a.recipient ?? '', phone: a.phone ?? '', address: a.address ?? '', postcode: a.postcode ?? '' } };
  }
  return { method: d?.method ?? 'window' };
}

/**
 * The four steps of an online application, saved as a server-side draft at every step change
 * and with the button: ① the form, ② the materials, ③ delivery, ④ check and submit.
 */
export function ApplyWizard({ guide, draft, limits }: { guide: ItemVersion; draft: CaseDraft | null; limits: UploadLimits | undefined }) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const screens = Grid.useBreakpoint();
  const client = useQueryClient();
  const [, setParams] = useSearchParams();
  const { content, item } = guide;
  const [state, setState] = useState<ApplyState>(() => initialState(guide, draft));
  const [savedAt, setSavedAt] = useState<string | null>(draft?.updatedAt ?? null);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [problems, setProblems] = useState<ServerProblems | null>(null);
  const [materialErrors, setMaterialErrors] = useState<Record<string, string>>({});
  const [declared, setDeclared] = useState(false);
  const [licenceConsent, setLicenceConsent] = useState(false);
  const [declarationError, setDeclarationError] = useState(false);
  const [done, setDone] = useState<CaseDetail | null>(null);
  const [deliveryForm] = Form.useForm<DraftDelivery>();
  const formRef = useRef<ApplyFormHandle>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const draftRef = useRef<DraftRef | null>(draft ? { id: draft.id, version: draft.version, key: draft.idempotencyKey } : null);
  const chain = useRef<Promise<unknown>>(Promise.resolve());
  const step = state.step;

  const methods: DeliveryMethod[] = ['window', ...(content.channels.express ? (['post'] as const) : []), 'electronic'];

  /** Another device saved the draft since this page read it: load that, or keep this page's and save over it. */
  const resolveConflict = useCallback(
    (ref: DraftRef, mine: ApplyState) =>
      new Promise<void>((resolve) => {
        modal.confirm({
          title: t('apply.conflict.title'),
          content: t('apply.conflict.text'),
          okText: t('apply.conflict.keepMine'),
          cancelText: t('apply.conflict.loadTheirs'),
          onOk: async () => {
            const latest = await getDraft(ref.id);
            const saved = await saveDraft(ref.id, latest.version, mine);
            draftRef.current = { ...ref, version: saved.version };
            setSavedAt(saved.updatedAt);
            resolve();
          },
          onCancel: async () => {
            const latest = await getDraft(ref.id);
            draftRef.current = { ...ref, version: latest.version };
            setState(initialState(guide, latest));
            deliveryForm.setFieldsValue(latest.delivery ?? { method: 'window' });
            setSavedAt(latest.updatedAt);
            resolve();
          },
        });
      }),
    [modal, t, guide, deliveryForm],
  );

  /** Saves the state as the draft (made on the first save), one save after the other. */
  const persist = useCallback(
    (next: ApplyState): Promise<void> => {
      const run = async () => {
        setSaving(true);
        try {
          let ref = draftRef.current;
          if (!ref) {
            const created = await createDraft(item.implCode);
            ref = { id: created.id, version: created.version, key: created.idempotencyKey };
            draftRef.current = ref;
            setParams({ draft: created.id }, { replace: true });
          }
          try {
            const saved = await saveDraft(ref.id, ref.version, next);
            draftRef.current = { ...ref, version: saved.version };
            setSavedAt(saved.updatedAt);
          } catch (error) {
            if (isApiError(error) && error.code === 'CONFLICT') await resolveConflict(ref, next);
            else throw error;
          }
          setSaveError(null);
          void client.invalidateQueries({ queryKey: applyKeys.drafts });
        } catch (error) {
          setSaveError(isApiError(error) ? error.message : t('errors.badResponse'));
          throw error;
        } finally {
          setSaving(false);
        }
      };
      const p = chain.current.then(run);
      chain.current = p.catch(() => undefined);
      return p;
    },
    [client, item.implCode, resolveConflict, setParams, t],
  );

  useEffect(() => {
    headingRef.current?.focus();
  }, [step]);

  // A file uploaded or removed, a commitment ticked: saved at once, so that nothing is lost on another device.
  const materialsSeen = useRef(state.materials);
  useEffect(() => {
    if (materialsSeen.current === state.materials) return;
    materialsSeen.current = state.materials;
    void persist(state).catch(() => undefined);
  }, [state.materials]);

  const goTo = (next: number) => {
    const moved = { ...state, step: next };
    setState(moved);
    void persist(moved).catch(() => undefined);
    window.scrollTo({ top: 0 });
  };

  async function forward() {
    if (step === 0 && formRef.current && !formRef.current.validate()) return;
    if (step === 1) {
      const missing = missingRequired(content.materials, state.materials);
      if (missing.length > 0) {
        setMaterialErrors(Object.fromEntries(missing.map((k) => [k, t('apply.materials.requiredMissing')])));
        document.querySelector(`[data-testid="apply-material-${missing[0]}"]`)?.scrollIntoView({ block: 'center' });
        return;
      }
      setMaterialErrors({});
    }
    if (step === 2) {
      try {
        await deliveryForm.validateFields();
      } catch {
        return;
      }
    }
    goTo(step + 1);
  }

  /** Sorts the server's field problems to the step and the field they name. */
  function showProblems(error: ApiError, submitted: string[]) {
    const fields = new Map(formFields(content.formSchema).map((f) => [f.key, f.title]));
    const names = new Map(content.materials.map((m) => [m.key, m.name]));
    const found: ServerProblems = { title: error.message, form: {}, materials: {}, delivery: [], items: [] };
    let first = LAST;
    for (const issue of error.issues) {
      const [head, second, ...rest] = issue.path.split('.');
      if (head === 'formData' && second) {
        (found.form[second] ??= []).push(issue.message);
        found.items.push(t('common.labelValue', { label: fields.get(second) ?? second, value: issue.message }));
        first = Math.min(first, 0);
      } else if (head === 'materials' && second !== undefined) {
        const key = /^\d+$/.test(second) ? submitted[Number(second)] : second;
        if (key) found.materials[key] = issue.message;
        found.items.push(t('common.labelValue', { label: (key && names.get(key)) ?? t('apply.steps.materials'), value: issue.message }));
        first = Math.min(first, 1);
      } else if (head === 'delivery') {
        found.delivery.push({ name: [second ?? 'method', ...rest].filter(Boolean), errors: [issue.message] });
        found.items.push(t('common.labelValue', { label: t('apply.steps.delivery'), value: issue.message }));
        first = Math.min(first, 2);
      } else {
        found.items.push(issue.message);
      }
    }
    setProblems(found);
    setMaterialErrors(found.materials);
    if (first !== step) goTo(first);
  }

  useEffect(() => {
    if (step === 2 && problems && problems.delivery.length > 0) deliveryForm.setFields(problems.delivery as Parameters<typeof deliveryForm.setFields>[0]);
  }, [step, problems, deliveryForm]);

  async function submit() {
    if (!declared) {
      setDeclarationError(true);
      return;
    }
    setSubmitting(true);
    setProblems(null);
    const materials = materialsBody(state.materials);
    try {
      await persist(state);
      const ref = draftRef.current;
      if (!ref) return;
      const detail = await submitCase(
        {
          implCode: item.implCode,
          channel: 'online',
          formData: state.formData,
          materials,
          delivery: deliveryChoice(state.delivery),
          draftId: ref.id,
          licenceConsent,
        },
        ref.key,
      );
      draftRef.current = null;
      setDone(detail);
      setParams({}, { replace: true });
      void client.invalidateQueries({ queryKey: myCaseKeys.all });
      void client.invalidateQueries({ queryKey: applyKeys.drafts });
      window.scrollTo({ top: 0 });
    } catch (error) {
      if (isApiError(error) && error.code === 'VALIDATION_FAILED' && error.issues.length > 0)
        showProblems(
          error,
          materials.map((m) => m.materialKey),
        );
      else setProblems({ title: isApiError(error) ? error.message : t('errors.badResponse'), form: {}, materials: {}, delivery: [], items: [] });
    } finally {
      setSubmitting(false);
    }
  }

  if (done) return <ApplySuccess detail={done} />;

  const stepTitle = t(`apply.steps.${STEPS[step] ?? 'form'}`);
  return (
    <article className="tb-portal-body tb-apply" data-testid="apply-page" data-step={step}>
      <DocumentTitle title={t('apply.pageTitle', { name: content.name, step: stepTitle })} />
      <Link to={guidePath(item.implCode)} className="tb-back-link">
        {t('apply.backToGuide')}
      </Link>
      <h1 data-testid="apply-title">{content.name}</h1>
      <p className="tb-muted tb-apply-progress-text">{t('apply.stepOf', { n: step + 1, total: STEPS.length, title: stepTitle })}</p>
      <Steps
        className="tb-apply-steps"
        current={step}
        size="small"
        responsive={false}
        titlePlacement={screens.md ? 'horizontal' : 'vertical'}
        onChange={(n) => {
          if (n < step) goTo(n);
        }}
        items={STEPS.map((s, i) => ({ title: t(`apply.steps.${s}`), disabled: i > step }))}
      />

      {problems && (
        <Alert
          className="tb-mt"
          type="error"
          showIcon
          role="alert"
          data-testid="apply-problems"
          title={problems.title}
          description={
            problems.items.length > 0 ? (
              <ul className="tb-error-list">
                {problems.items.map((text, i) => (
                  <li key={i}>{text}</li>
                ))}
              </ul>
            ) : undefined
          }
        />
      )}

      <section className="tb-section tb-apply-step" aria-labelledby="apply-step-h">
        <h2 id="apply-step-h" ref={headingRef} tabIndex={-1}>
          {stepTitle}
        </h2>
        <p className="tb-muted">{t(`apply.intro.${STEPS[step] ?? 'form'}`)}</p>
        {step === 0 && (
          <Suspense
            fallback={
              <div className="tb-apply-loading">
                <Spin /> {t('apply.form.loading')}
              </div>
            }
          >
            <ApplyForm
              ref={formRef}
              schema={content.formSchema}
              formData={state.formData}
              onChange={(formData) => setState((s) => ({ ...s, formData }))}
              serverErrors={problems?.form ?? {}}
            />
          </Suspense>
        )}
        {step === 1 && (
          <MaterialsStep
            materials={content.materials}
            licenceConsent={licenceConsent}
            onLicenceConsent={setLicenceConsent}
            entries={state.materials}
            onEntry={(key, update) => {
              setState((s) => {
                const current = s.materials[key];
                return current ? { ...s, materials: { ...s.materials, [key]: update(current) } } : s;
              });
              setMaterialErrors((e) => {
                const { [key]: _gone, ...rest } = e;
                return rest;
              });
            }}
            limits={limits}
            errors={materialErrors}
          />
        )}
        {step === 2 && (
          <DeliveryStep form={deliveryForm} delivery={state.delivery} methods={methods} onChange={(delivery) => setState((s) => ({ ...s, delivery }))} />
        )}
        {step === 3 && (
          <ReviewStep
            content={content}
            state={state}
            declared={declared}
            onDeclared={(on) => {
              setDeclared(on);
              if (on) setDeclarationError(false);
            }}
            declarationError={declarationError}
            goTo={goTo}
          />
        )}
      </section>

      <div className="tb-apply-nav">
        {step > 0 && (
          <Button size="large" icon={<LeftOutlined aria-hidden />} onClick={() => goTo(step - 1)} data-testid="apply-back">
            {t('apply.back')}
          </Button>
        )}
        <Button
          size="large"
          icon={<SaveOutlined aria-hidden />}
          loading={saving}
          onClick={() => void persist(state).catch(() => undefined)}
          data-testid="apply-save"
        >
          {t('apply.saveDraft')}
        </Button>
        {step < LAST ? (
          <Button type="primary" size="large" onClick={() => void forward()} data-testid="apply-next">
            {t('apply.next')} <RightOutlined aria-hidden />
          </Button>
        ) : (
          <Button type="primary" size="large" icon={<SendOutlined aria-hidden />} loading={submitting} onClick={() => void submit()} data-testid="apply-submit">
            {t('apply.submit')}
          </Button>
        )}
      </div>
      <p className="tb-apply-saved" role="status" data-testid="apply-saved">
        {saveError ? (
          <span className="tb-file-problems">{t('apply.saveFailed', { reason: saveError })}</span>
        ) : savedAt ? (
          <>
            <CheckCircleOutlined aria-hidden /> {t('apply.savedAt', { time: dayjs(savedAt).format('HH:mm') })}
          </>
        ) : (
          t('apply.notSavedYet')
        )}
      </p>
    </article>
  );
}

import type { FieldIssue, ItemContent, ItemVersion } from '@tongban/contracts';
import { checkPublishRules, type PublishRuleId } from '@tongban/domain';
import { Alert, Form, Tabs } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ReasonModal } from '../../../app/components/ReasonModal.tsx';
import { useValidators } from '../../identity/validators.ts';
import { editorPath, type EditableItem } from '../api.ts';
import { FormSchemaSection } from '../form-schema/FormSchemaSection.tsx';
import { FaqEditor } from '../lists/FaqEditor.tsx';
import type { RowFocus } from '../lists/ListEditor.tsx';
import { MaterialsEditor } from '../materials/MaterialsEditor.tsx';
import { ActionBar } from './ActionBar.tsx';
import { BasicSection } from './BasicSection.tsx';
import { FeesSection } from './FeesSection.tsx';
import { OtherSection } from './OtherSection.tsx';
import { ProblemList } from './ProblemList.tsx';
import { useProblems, type Problem } from './problems.ts';
import { ProcessSection } from './ProcessSection.tsx';
import { PublishedNotice } from './PublishedNotice.tsx';
import { sectionKeys, type FieldTarget, type RowList, type SectionKey } from './sections.ts';
import { TimeSection } from './TimeSection.tsx';
import { useEditorActions } from './useEditorActions.ts';
import { useUnsavedGuard } from './useUnsavedGuard.ts';
import { sameContent, toContent, toValues, type EditorValues } from './values.ts';

interface Props {
  /** Null when creating an item. */
  item: EditableItem | null;
  base: ItemContent;
  canPickDepartment: boolean;
  departmentId: string | null;
  departmentName: string | null;
  onReload: () => void;
}

type Summary = { title: string; problems: Problem[] };

/** Scrolls to a field of the editor (the tab is already showing) and puts the cursor in it. */
function scrollToTarget(target: FieldTarget) {
  window.setTimeout(() => {
    const el = document.getElementById(`item_${target.name.join('_')}`) ?? document.getElementById(`item_${target.field}`);
    if (!el) return;
    el.scrollIntoView({ block: 'center' });
    el.focus({ preventScroll: true });
  }, 60);
}

/** Every element of an item, in tabs, with save / submit / publish / retire. */
export function ItemEditor({ item, base, canPickDepartment, departmentId, departmentName, onReload }: Props) {
  const { t } = useTranslation();
  const v = useValidators();
  const navigate = useNavigate();
  const [form] = Form.useForm<EditorValues>();
  const problemsOf = useProblems();
  const [tab, setTab] = useState<SectionKey>('basic');
  const [summary, setSummary] = useState<Summary | null>(null);
  const [refusal, setRefusal] = useState<{ version: number; problems: Problem[] } | null>(null);
  const [published, setPublished] = useState<ItemVersion | null>(null);
  const [retiring, setRetiring] = useState(false);
  const [focus, setFocus] = useState<Record<RowList, RowFocus | null>>({ materials: null, fees: null, faq: null });
  const summaryRef = useRef<HTMLDivElement>(null);

  // Load the server's version into the form, again whenever the server has a newer one.
  const serverKey = item ? `${item.current.item.id}:${item.current.version}:${item.current.item.rowVersion}:${item.current.updatedAt}` : 'new';
  useEffect(() => {
    form.resetFields();
    form.setFieldsValue({ ...toValues(base), ...(item ? {} : { departmentId }) });
    // `base` is the content of `serverKey`: reload only when the server's version changes.
  }, [serverKey, form]);

  const watched = Form.useWatch([], { form, preserve: true }) as Partial<EditorValues> | undefined;
  const content = useMemo(() => toContent(watched ?? {}, base), [watched, base]);
  const dirty = !sameContent(content, base);
  const procedureLength = content.procedure.length;
  // The same rules as the server (packages/domain), checked as the admin types; the server decides.
  const live = useMemo(
    () =>
      problemsOf.fromIssues(
        checkPublishRules(content).map((v) => ({ path: v.path, code: v.rule, message: t(`catalogAdmin.rules.${v.rule as PublishRuleId}`) })),
        procedureLength,
        true,
      ),
    [content, procedureLength, t],
  );

  const goTo = (p: Problem) => {
    const target = p.target;
    if (!target) return;
    setTab(target.section);
    if (target.row) {
      const { list, index, field } = target.row;
      setFocus((f) => ({ ...f, [list]: { index, field, nonce: (f[list]?.nonce ?? 0) + 1 } }));
    } else {
      scrollToTarget(target);
    }
  };

  const showSummary = (next: Summary) => {
    setSummary(next);
    window.setTimeout(() => summaryRef.current?.scrollIntoView({ block: 'start' }), 30);
  };
  const markFields = (problems: Problem[]) =>
    form.setFields(problems.filter((p) => p.target && !p.target.row).map((p) => ({ name: p.target!.name as never, errors: [p.message] })));

  const actions = useEditorActions({
    form,
    item,
    base,
    dirty,
    onStart: () => {
      setSummary(null);
      setPublished(null);
    },
    onInvalid: (fields) => showSummary({ title: t('errors.summaryTitle'), problems: problemsOf.fromClient(fields, procedureLength) }),
    onServerIssues: (title, issues: FieldIssue[]) => {
      const problems = problemsOf.fromIssues(issues, procedureLength);
      markFields(problems);
      showSummary({ title, problems });
    },
    onRulesBroken: (version, issues) => {
      const problems = problemsOf.fromIssues(issues, procedureLength, true);
      markFields(problems);
      setRefusal({ version, problems });
      window.setTimeout(() => summaryRef.current?.scrollIntoView({ block: 'start' }), 30);
    },
    onCreated: (created) => void navigate(editorPath(created.item.id), { replace: true }),
    onPublished: (v) => {
      setRefusal(null);
      setPublished(v);
    },
    onReload,
  });
  useUnsavedGuard(dirty && actions.busy === null);

  const liveKeys = new Set(live.map((p) => `${p.rule ?? ''}|${p.target?.name.join('.') ?? ''}`));
  const stillBroken = (p: Problem) => liveKeys.has(`${p.rule ?? ''}|${p.target?.name.join('.') ?? ''}`);
  const errorCount = (section: SectionKey) =>
    (summary?.problems ?? []).concat(refusal?.problems.filter(stillBroken) ?? []).filter((p) => p.target?.section === section).length;

  return (
    <div className="tb-ca-editor">
      <div ref={summaryRef} className="tb-ca-messages">
        {item && <PublishedNotice item={item} dirty={dirty} justPublished={published} />}
        {summary && (
          <div className="tb-error-summary" data-testid="form-error-summary">
            <Alert type="error" showIcon title={summary.title} description={<ProblemList problems={summary.problems} onGo={goTo} />} />
          </div>
        )}
        {refusal && (
          <div className="tb-error-summary" data-testid="publish-refusal" role="alert">
            <Alert
              type="error"
              showIcon
              title={t('catalogAdmin.refusal.title', { version: refusal.version, count: refusal.problems.length })}
              description={
                <>
                  <p>{t('catalogAdmin.refusal.text')}</p>
                  <ProblemList problems={refusal.problems} onGo={goTo} fixed={(p) => !stillBroken(p)} variant="rules" />
                </>
              }
            />
          </div>
        )}
      </div>
      <Form<EditorValues> form={form} name="item" layout="vertical" component={false} scrollToFirstError={false}>
        <Tabs
          activeKey={tab}
          onChange={(k) => setTab(k as SectionKey)}
          className="tb-ca-tabs"
          items={sectionKeys.map((key) => {
            const n = errorCount(key);
            return {
              key,
              forceRender: true,
              label: (
                <span data-testid={`tab-${key}`}>
                  {t(`catalogAdmin.sections.${key}`)}
                  {n > 0 && (
                    <span className="tb-ca-tab-count" title={t('catalogAdmin.problems.inTab', { count: n })}>
                      {n}
                      <span className="tb-visually-hidden">{t('catalogAdmin.problems.inTab', { count: n })}</span>
                    </span>
                  )}
                </span>
              ),
              children: (
                <div className="tb-ca-pane">
                  {key === 'basic' && <BasicSection isNew={item === null} canPickDepartment={canPickDepartment} departmentName={departmentName} />}
                  {key === 'process' && <ProcessSection />}
                  {key === 'time' && <TimeSection form={form} />}
                  {key === 'materials' && (
                    <Form.Item name="materials" label={t('catalogAdmin.fields.materials')} extra={t('catalogAdmin.help.materials')}>
                      <MaterialsEditor focus={focus.materials} />
                    </Form.Item>
                  )}
                  {key === 'fees' && <FeesSection focus={focus.fees} />}
                  {key === 'faq' && (
                    <Form.Item name="faq" label={t('catalogAdmin.fields.faq')}>
                      <FaqEditor focus={focus.faq} />
                    </Form.Item>
                  )}
                  {key === 'form' && <FormSchemaSection form={form} showPreview={tab === 'form'} />}
                  {key === 'other' && <OtherSection />}
                </div>
              ),
            };
          })}
        />
      </Form>
      <ActionBar
        item={item}
        dirty={dirty}
        busy={actions.busy}
        live={live}
        onGo={goTo}
        onSave={() => void actions.save()}
        onSubmit={() => void actions.submit()}
        onPublish={() => void actions.publish()}
        onRetire={() => setRetiring(true)}
      />
      {item && (
        <ReasonModal
          open={retiring}
          name="retire"
          text={{
            title: t('catalogAdmin.retire.title', { name: item.current.content.name }),
            warning: t('catalogAdmin.retire.warning'),
            text: t('catalogAdmin.retire.text'),
            reason: t('catalogAdmin.retire.reason'),
            reasonHelp: t('catalogAdmin.retire.reasonHelp'),
            confirm: t('catalogAdmin.retire.confirm'),
          }}
          rules={[v.required(), v.length(2, 500)]}
          loading={actions.busy === 'retire'}
          onCancel={() => setRetiring(false)}
          onConfirm={(reason) => {
            setRetiring(false);
            void actions.retire(reason);
          }}
        />
      )}
    </div>
  );
}

import { BranchesOutlined, LeftOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import type { ProcessRecord, TimeLimit } from '@tongban/contracts';
import { Alert, Button, Skeleton, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ButtonLink } from '../../../app/components/ButtonLink.tsx';
import { QueryError } from '../../../app/components/QueryError.tsx';
import { NotFoundResult } from '../../../app/components/Results.tsx';
import { isApiError } from '../../../app/apiError.ts';
import { useFormat } from '../../../app/format.ts';
import { AreaPage } from '../../../app/layout/AreaPage.tsx';
import { catalogAdminKeys, editorPath, getEditableItem, getVersion } from '../api.ts';
import { CatalogAdminTheme } from '../CatalogAdminTheme.tsx';
import { getProcess, processKeys } from './api.ts';
import { MAX_STAGES, insertStage, newParallel, newStep, remainingShare, fieldId } from './model.ts';
import { ProblemSummary, ShareSummary } from './ProblemSummary.tsx';
import { ProcessActionBar } from './ProcessActionBar.tsx';
import { ProcessDiagram } from './ProcessDiagram.tsx';
import { StageList } from './StageList.tsx';
import { useProcessDraft } from './useProcessDraft.ts';
import { useDepartmentNames, useProcessText } from './useProcessText.ts';
import { VersionHistory } from './VersionHistory.tsx';
import '../catalog-admin.css';
import './process-editor.css';

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What the page knows of the item beyond its process: its department and promised limit. */
interface ItemFacts {
  departmentId: string | null;
  departmentName: string | null;
  limit: Pick<TimeLimit, 'value' | 'unit'> | null;
  /** The item version the limit was read from. */
  limitVersion: number | null;
}

/** /admin/catalog/items/:id/process — 办理流程 of an item: diagram, editor, versions. */
export function ProcessEditorPage() {
  return (
    <CatalogAdminTheme>
      <PageBody />
    </CatalogAdminTheme>
  );
}

function BackToItem({ id }: { id: string }) {
  const { t } = useTranslation();
  return (
    <ButtonLink to={editorPath(id)} icon={<LeftOutlined aria-hidden />}>
      {t('processEditor.backToItem')}
    </ButtonLink>
  );
}

function PageBody() {
  const { t } = useTranslation();
  const id = useParams().id ?? '';
  const valid = UUID_RE.test(id);
  const process = useQuery({ queryKey: processKeys.current(id), queryFn: ({ signal }) => getProcess(id, signal), enabled: valid });
  const item = useQuery({ queryKey: catalogAdminKeys.item(id), queryFn: ({ signal }) => getEditableItem(id, signal), enabled: valid, staleTime: 30_000 });
  // Cases run on the published version's promised limit: read it when the latest version is a draft.
  const current = item.data?.current;
  const publishedVersion = current?.item.publishedVersion ?? null;
  const needPublished = publishedVersion !== null && current !== undefined && publishedVersion !== current.version;
  const published = useQuery({
    queryKey: catalogAdminKeys.version(id, publishedVersion ?? 0),
    queryFn: ({ signal }) => getVersion(id, publishedVersion ?? 0, signal),
    enabled: needPublished,
    staleTime: 60_000,
  });

  if (!valid || (process.isError && isApiError(process.error) && process.error.status === 404)) return <NotFoundResult home="/admin/catalog" />;
  if (process.isPending || (item.isPending && !item.isError)) {
    return (
      <AreaPage title={t('processEditor.loading')} extra={<BackToItem id={id} />}>
        <Skeleton active paragraph={{ rows: 10 }} />
      </AreaPage>
    );
  }
  if (process.isError) {
    return (
      <AreaPage title={t('processEditor.pageTitle')} extra={<BackToItem id={id} />}>
        <QueryError error={process.error} onRetry={() => void process.refetch()} />
      </AreaPage>
    );
  }
  const limitSource = needPublished ? published.data : current;
  const facts: ItemFacts = {
    departmentId: current?.item.departmentId ?? null,
    departmentName: current?.item.departmentName ?? null,
    limit: limitSource?.content.promisedLimit ?? null,
    limitVersion: limitSource?.version ?? null,
  };
  return <Editor record={process.data} facts={facts} onReload={() => void process.refetch()} />;
}

function Editor({ record, facts, onReload }: { record: ProcessRecord; facts: ItemFacts; onReload: () => void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const text = useProcessText();
  const draft = useProcessDraft(record, facts.departmentId);
  // Boxes and placeholders use the department's short name (市市场监管局).
  const shortName = useDepartmentNames([facts.departmentId]);
  const ownName = (facts.departmentId ? shortName(facts.departmentId) : undefined) ?? facts.departmentName;
  const { definition, problems } = draft;
  const stagesFull = definition.stages.length >= MAX_STAGES;

  /** Adds a stage before 决定 and puts the cursor in its name. */
  const add = (kind: 'step' | 'parallel') => {
    const share = remainingShare(definition);
    const stage =
      kind === 'step'
        ? ({ type: 'step', step: newStep(definition, 'review', t('processEditor.stages.newStepName'), share) } as const)
        : newParallel(definition, t('processEditor.stages.newBlockName'), t('processEditor.stages.newBranchName'), share);
    const next = insertStage(definition, stage);
    const at = next.stages.indexOf(stage);
    draft.change(next);
    window.setTimeout(() => {
      const el = document.getElementById(fieldId(kind === 'step' ? `stages.${at}.step.name` : `stages.${at}.name`));
      el?.scrollIntoView({ block: 'center' });
      (el as HTMLInputElement | null)?.select();
    }, 60);
  };

  const versionText =
    record.version === null
      ? t('processEditor.header.noVersion')
      : record.createdAt && record.createdByName
        ? t('processEditor.header.versionBy', { version: record.version, who: record.createdByName, at: fmt.dateTime(record.createdAt) })
        : t('processEditor.header.version', { version: record.version });

  return (
    <AreaPage title={t('processEditor.title', { name: record.itemName })} extra={<BackToItem id={record.itemId} />}>
      <dl className="tb-ca-header">
        <div>
          <dt>{t('processEditor.header.implCode')}</dt>
          <dd className="tb-mono">{record.implCode}</dd>
        </div>
        <div>
          <dt>{t('processEditor.header.department')}</dt>
          <dd>{facts.departmentName ?? '—'}</dd>
        </div>
        <div>
          <dt>{t('processEditor.header.limit')}</dt>
          <dd data-testid="process-limit">
            {text.limitText(facts.limit)}
            {facts.limitVersion !== null && <div className="tb-small tb-muted">{t('processEditor.header.limitFrom', { version: facts.limitVersion })}</div>}
          </dd>
        </div>
        <div>
          <dt>{t('processEditor.header.current')}</dt>
          <dd data-testid="process-current-version">{versionText}</dd>
        </div>
      </dl>

      <div className="tb-pe-messages" ref={draft.messagesRef} tabIndex={-1}>
        {draft.justSaved !== null && (
          <Alert
            type="success"
            showIcon
            closable={{ onClose: draft.dismissSaved }}
            title={t('processEditor.saved.title', { version: draft.justSaved })}
            description={t('processEditor.saved.text', { version: draft.justSaved })}
            data-testid="process-saved"
          />
        )}
        {draft.conflict !== null && (
          <Alert
            type="warning"
            showIcon
            role="alert"
            title={t('processEditor.conflict.title')}
            description={
              draft.conflict.latestVersion !== null
                ? t('processEditor.conflict.text', { version: draft.conflict.latestVersion })
                : t('processEditor.conflict.textAny')
            }
            action={
              <Button
                size="small"
                onClick={() => {
                  draft.discard();
                  onReload();
                }}
              >
                {t('processEditor.conflict.reload')}
              </Button>
            }
          />
        )}
        {draft.serverTitle !== null && draft.serverProblems.length > 0 && (
          <Alert
            type="error"
            showIcon
            role="alert"
            title={draft.serverTitle}
            description={t('processEditor.problems.serverText')}
            data-testid="process-refused"
          />
        )}
        {record.isDefault && !draft.dirty && (
          <Alert type="info" showIcon title={t('processEditor.defaultNotice.title')} description={t('processEditor.defaultNotice.text')} />
        )}
        {draft.loadedFrom !== null && (
          <Alert type="info" showIcon title={t('processEditor.versions.loaded', { version: draft.loadedFrom, next: (draft.baseVersion ?? 0) + 1 })} />
        )}
      </div>

      <section className="tb-pe-card" aria-labelledby="pe-diagram-h">
        <div className="tb-pe-card-head">
          <h2 id="pe-diagram-h" className="tb-ca-h2">
            <BranchesOutlined aria-hidden /> {t('processEditor.diagram.title')}
          </h2>
          {draft.dirty && <Tag className="tb-pe-unsaved-tag">{t('processEditor.diagram.unsavedTag')}</Tag>}
        </div>
        <ProcessDiagram
          definition={definition}
          limit={facts.limit}
          ownDepartmentName={ownName}
          problems={problems}
          label={t('processEditor.diagram.label', { name: record.itemName })}
          testId="process-diagram"
        />
      </section>

      <section className="tb-pe-card" aria-labelledby="pe-edit-h">
        <h2 id="pe-edit-h" className="tb-ca-h2">
          {t('processEditor.stages.title')}
        </h2>
        <p className="tb-muted tb-small">{t('processEditor.stages.help')}</p>
        <ShareSummary definition={definition} limit={facts.limit} />
        <div id={fieldId('stages')} tabIndex={-1} ref={draft.summaryRef}>
          <ProblemSummary problems={problems} definition={definition} />
        </div>
        <StageList definition={definition} onChange={draft.change} problems={problems} limit={facts.limit} ownDepartmentName={ownName} />
        <Space wrap className="tb-pe-add">
          <Button icon={<PlusOutlined aria-hidden />} onClick={() => add('step')} disabled={stagesFull} data-testid="add-review-step">
            {t('processEditor.stages.addStep')}
          </Button>
          <Button icon={<BranchesOutlined aria-hidden />} onClick={() => add('parallel')} disabled={stagesFull} data-testid="add-parallel">
            {t('processEditor.stages.addParallel')}
          </Button>
          <span className="tb-muted tb-small">{t('processEditor.stages.addHelp')}</span>
        </Space>
      </section>

      <ProcessActionBar
        dirty={draft.dirty}
        canSave={draft.dirty || record.version === null}
        problems={problems.length}
        saving={draft.saving}
        nextVersion={(draft.baseVersion ?? 0) + 1}
        onSave={draft.save}
        onReset={draft.discard}
      />

      <section className="tb-pe-card tb-mt-lg" aria-labelledby="pe-versions-h">
        <h2 id="pe-versions-h" className="tb-ca-h2">
          {t('processEditor.versions.title')}
        </h2>
        <VersionHistory itemId={record.itemId} latest={record.version} limit={facts.limit} ownDepartmentName={ownName} onUseAsBase={draft.loadVersion} />
      </section>
    </AreaPage>
  );
}

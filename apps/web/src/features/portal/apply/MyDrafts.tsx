import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CaseDraftSummary } from '@tongban/contracts';
import { App, Button, Pagination } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFeedback } from '../../../app/feedback.ts';
import { useFormat } from '../../../app/format.ts';
import { ButtonLink } from '../../../app/components/ButtonLink.tsx';
import { applyKeys, applyPath, deleteDraft, listDrafts } from './api.ts';
import './apply.css';

const PAGE_SIZE = 5;
const STEP_NAMES = ['form', 'materials', 'delivery', 'review'] as const;

/** 草稿 in 我的办件: applications started and saved, to resume (on any device) or delete. Nothing when there are none. */
export function MyDrafts() {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const query = useQuery({
    queryKey: applyKeys.draftList(page, PAGE_SIZE),
    queryFn: ({ signal }) => listDrafts(page, PAGE_SIZE, signal),
    placeholderData: keepPreviousData,
  });
  const data = query.data;
  if (!data || data.total === 0) return null;
  return (
    <section className="tb-section tb-my-drafts" aria-labelledby="my-drafts-h" data-testid="my-drafts">
      <h2 id="my-drafts-h">{t('apply.drafts.title')}</h2>
      <p className="tb-muted">{t('apply.drafts.intro', { total: data.total })}</p>
      <ul className="tb-case-cards">
        {data.items.map((d) => (
          <DraftCard key={d.id} draft={d} />
        ))}
      </ul>
      {data.total > PAGE_SIZE && (
        <nav className="tb-pager" aria-label={t('apply.drafts.pagesLabel')}>
          <Pagination current={page} pageSize={PAGE_SIZE} total={data.total} showSizeChanger={false} size="small" onChange={setPage} />
        </nav>
      )}
    </section>
  );
}

function DraftCard({ draft }: { draft: CaseDraftSummary }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { modal } = App.useApp();
  const feedback = useFeedback();
  const client = useQueryClient();
  const remove = useMutation({
    mutationFn: () => deleteDraft(draft.id, draft.version),
    onSuccess: () => {
      feedback.success(t('apply.drafts.deleted', { name: draft.itemName }));
      void client.invalidateQueries({ queryKey: applyKeys.drafts });
    },
    onError: (error) => {
      feedback.failure(error);
      void client.invalidateQueries({ queryKey: applyKeys.drafts });
    },
  });
  const stepName = t(`apply.steps.${STEP_NAMES[Math.min(draft.step, STEP_NAMES.length - 1)] ?? 'form'}`);
  return (
    <li className="tb-case-card tb-draft-card" data-testid="my-draft" data-draft-id={draft.id}>
      <h3 className="tb-case-card-title">{draft.itemName}</h3>
      <dl className="tb-case-facts">
        <div>
          <dt>{t('apply.drafts.savedOn')}</dt>
          <dd>{format.dateTime(draft.updatedAt)}</dd>
        </div>
        <div>
          <dt>{t('apply.drafts.stepReached')}</dt>
          <dd>{stepName}</dd>
        </div>
      </dl>
      <div className="tb-draft-actions">
        <ButtonLink
          type="primary"
          to={applyPath(draft.implCode, draft.id)}
          aria-label={t('apply.drafts.resumeFor', { name: draft.itemName })}
          data-testid="draft-resume"
        >
          {t('apply.drafts.resume')}
        </ButtonLink>
        <Button
          danger
          loading={remove.isPending}
          data-testid="draft-delete"
          aria-label={t('apply.drafts.deleteFor', { name: draft.itemName })}
          onClick={() =>
            modal.confirm({
              title: t('apply.drafts.confirmTitle'),
              content: t('apply.drafts.confirmText', { name: draft.itemName }),
              okText: t('apply.drafts.confirm'),
              okButtonProps: { danger: true },
              cancelText: t('apply.drafts.cancel'),
              onOk: () => remove.mutateAsync().catch(() => undefined),
            })
          }
        >
          {t('apply.drafts.delete')}
        </Button>
      </div>
    </li>
  );
}

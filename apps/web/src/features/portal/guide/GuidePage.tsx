import { useQuery } from '@tanstack/react-query';
import { Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { isApiError } from '../../../app/apiError.ts';
import { DocumentTitle } from '../../../app/components/DocumentTitle.tsx';
import { QueryError } from '../../../app/components/QueryError.tsx';
import { catalogKeys, getGuide, IMPL_CODE_PATTERN } from '../catalog/api.ts';
import { GuideActions } from './GuideActions.tsx';
import { GuideContacts, GuideProgress } from './GuideContacts.tsx';
import { GuideContents } from './GuideContents.tsx';
import { GuideBasis, GuideConditions, GuideFaq, GuideOther, GuideProcedure, hasOther } from './GuideDetails.tsx';
import { GuideFacts } from './GuideFacts.tsx';
import { GuideFees } from './GuideFees.tsx';
import { GuideHeader } from './GuideHeader.tsx';
import { GuideMaterials } from './GuideMaterials.tsx';
import { GuideNotFound } from './GuideNotFound.tsx';
import type { SectionKey } from './GuideSection.tsx';

const isMissing = (error: unknown) => isApiError(error) && (error.status === 404 || error.code === 'NOT_FOUND');

/** /portal/items/:implCode — 办事指南: a guide before a form. */
export function GuidePage() {
  const { t } = useTranslation();
  const implCode = useParams().implCode ?? '';
  const valid = IMPL_CODE_PATTERN.test(implCode);
  const query = useQuery({
    queryKey: catalogKeys.guide(implCode),
    queryFn: ({ signal }) => getGuide(implCode, signal),
    enabled: valid,
    staleTime: 5 * 60_000,
  });

  if (!valid || (query.isError && isMissing(query.error))) return <GuideNotFound />;
  if (query.isPending) {
    return (
      <div className="tb-portal-body" aria-busy="true">
        <DocumentTitle title={t('guide.loading')} />
        <span className="tb-visually-hidden" role="status">
          {t('guide.loading')}
        </span>
        <Skeleton active title={{ width: '60%' }} paragraph={{ rows: 3 }} />
        <Skeleton active paragraph={{ rows: 6 }} />
      </div>
    );
  }
  if (query.isError) {
    return (
      <div className="tb-portal-body">
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      </div>
    );
  }

  const guide = query.data;
  const { content } = guide;
  const sections: SectionKey[] = [
    'conditions',
    'procedure',
    'materials',
    'fees',
    'basis',
    ...(content.faq.length > 0 ? (['faq'] as const) : []),
    ...(hasOther(content) ? (['other'] as const) : []),
    'contact',
    'progress',
  ];
  return (
    <article className="tb-portal-body tb-guide">
      <DocumentTitle title={content.name} />
      <GuideHeader guide={guide} />
      <GuideFacts content={content} />
      <GuideActions implCode={guide.item.implCode} />
      <GuideContents sections={sections} />
      <GuideConditions content={content} />
      <GuideProcedure content={content} />
      <GuideMaterials content={content} />
      <GuideFees content={content} />
      <GuideBasis content={content} />
      <GuideFaq content={content} />
      <GuideOther content={content} />
      <GuideContacts content={content} />
      <GuideProgress />
    </article>
  );
}

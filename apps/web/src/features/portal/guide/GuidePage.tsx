import type { ItemVersion } from '@tongban/contracts';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { DocumentTitle } from '../../../app/components/DocumentTitle.tsx';
import { PortalQueryStates } from '../PortalQueryStates.tsx';
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

  return (
    <PortalQueryStates valid={valid} query={query} loadingText={t('guide.loading')} notFound={<GuideNotFound />}>
      {(guide) => <GuideView guide={guide} />}
    </PortalQueryStates>
  );
}

function GuideView({ guide }: { guide: ItemVersion }) {
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
      <GuideActions implCode={guide.item.implCode} online={content.channels.online} />
      <GuideContents sections={sections} />
      <GuideConditions content={content} />
      <GuideProcedure content={content} />
      <GuideMaterials content={content} implCode={guide.item.implCode} />
      <GuideFees content={content} />
      <GuideBasis content={content} />
      <GuideFaq content={content} />
      <GuideOther content={content} />
      <GuideContacts content={content} />
      <GuideProgress />
    </article>
  );
}

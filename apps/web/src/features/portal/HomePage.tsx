import { useTranslation } from 'react-i18next';
import { DocumentTitle } from '../../app/components/DocumentTitle.tsx';
import { BundlesSection } from './bundles/BundlesSection.tsx';
import { DepartmentsSection, HallsSection } from './HomeSections.tsx';
import { HotItems } from './home/HotItems.tsx';
import { ServiceList } from './home/ServiceList.tsx';
import { LifeEventTiles } from './LifeEventTiles.tsx';
import { ProgressEntry } from './progress/ProgressEntry.tsx';
import { SearchBox } from './SearchBox.tsx';

/** Portal home: search first, then life events and themes, 一件事一次办, the service list and popular items, then departments and halls. */
export function HomePage() {
  const { t } = useTranslation();
  return (
    <>
      <DocumentTitle title={t('portal.title')} />
      <section className="tb-hero">
        <h1>{t('portal.searchHeading')}</h1>
        <SearchBox />
      </section>
      <div className="tb-portal-body">
        <ProgressEntry />
        <LifeEventTiles />
        <BundlesSection />
        <ServiceList />
        <HotItems />
        <DepartmentsSection />
        <HallsSection />
      </div>
    </>
  );
}

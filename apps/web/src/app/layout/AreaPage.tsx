import type { ReactNode } from 'react';
import { DocumentTitle } from '../components/DocumentTitle.tsx';

/** A page inside a staff area: one <h1>, optional actions, the content. */
export function AreaPage({ title, extra, children }: { title: string; extra?: ReactNode; children: ReactNode }) {
  return (
    <section className="tb-area-page">
      <DocumentTitle title={title} />
      <header className="tb-area-page-head">
        <h1>{title}</h1>
        {extra && <div className="tb-area-page-extra">{extra}</div>}
      </header>
      {children}
    </section>
  );
}

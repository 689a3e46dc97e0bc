import { useId, type ReactNode } from 'react';

/** One titled part of a bundle page (h2), in the guide's card style. */
export function BundleSection({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  const id = useId();
  return (
    <section className="tb-section tb-guide-section" aria-labelledby={id} data-testid={testId}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

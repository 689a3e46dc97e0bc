import type { ItemContent } from '@tongban/contracts';
import { Collapse, Steps } from 'antd';
import { useTranslation } from 'react-i18next';
import { GuideSection } from './GuideSection.tsx';

/** 受理条件 */
export function GuideConditions({ content }: { content: ItemContent }) {
  const { t } = useTranslation();
  return (
    <GuideSection id="conditions">
      <p className="tb-prose">{content.acceptanceConditions || t('guide.noConditions')}</p>
    </GuideSection>
  );
}

/** 办理流程, as steps. */
export function GuideProcedure({ content }: { content: ItemContent }) {
  const { t } = useTranslation();
  return (
    <GuideSection id="procedure">
      {content.procedure.length === 0 ? (
        <p>{t('guide.noProcedure')}</p>
      ) : (
        <Steps
          className="tb-guide-steps"
          orientation="vertical"
          // A guide, not a progress bar: no step is "current".
          current={-1}
          items={content.procedure.map((p, i) => ({ key: i, title: p.step, content: p.description, status: 'process' as const }))}
        />
      )}
    </GuideSection>
  );
}

/** 设定依据 */
export function GuideBasis({ content }: { content: ItemContent }) {
  return (
    <GuideSection id="basis">
      <p className="tb-prose">{content.legalBasis}</p>
    </GuideSection>
  );
}

/** 常见问题 */
export function GuideFaq({ content }: { content: ItemContent }) {
  if (content.faq.length === 0) return null;
  return (
    <GuideSection id="faq">
      <Collapse items={content.faq.map((f, i) => ({ key: i, label: f.question, children: <p className="tb-prose">{f.answer}</p> }))} />
    </GuideSection>
  );
}

/** 特别程序, 中介服务, 数量限制: only when the item has them. */
export function GuideOther({ content }: { content: ItemContent }) {
  const { t } = useTranslation();
  const rows = [
    { label: t('guide.specialProcedures'), text: content.specialProcedures },
    { label: t('guide.intermediaryServices'), text: content.intermediaryServices },
    { label: t('guide.quantityLimit'), text: content.quantityLimit },
  ].filter((r) => r.text);
  if (rows.length === 0) return null;
  return (
    <GuideSection id="other">
      <dl className="tb-kv">
        {rows.map((r) => (
          <div key={r.label}>
            <dt>{r.label}</dt>
            <dd className="tb-prose">{r.text}</dd>
          </div>
        ))}
      </dl>
    </GuideSection>
  );
}

/** Which optional sections this guide has (for the contents list). */
export function hasOther(content: ItemContent): boolean {
  return Boolean(content.specialProcedures || content.intermediaryServices || content.quantityLimit);
}

import { Card } from 'antd';
import { useTranslation } from 'react-i18next';

const points = ['items', 'lists', 'rows', 'reference', 'atomic', 'scope'] as const;

/** What the template looks like and what an import does, before anyone uploads anything. */
export function TemplateGuide() {
  const { t } = useTranslation();
  return (
    <Card size="small" title={<h2 className="tb-card-title">{t('catalogExcel.guideTitle')}</h2>} className="tb-mb">
      <ul>
        {points.map((p) => (
          <li key={p}>{t(`catalogExcel.guide.${p}`)}</li>
        ))}
      </ul>
    </Card>
  );
}

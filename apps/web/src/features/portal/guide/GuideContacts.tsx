import { PhoneOutlined } from '@ant-design/icons';
import type { ItemContent } from '@tongban/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { GuideSection } from './GuideSection.tsx';

function Phone({ label, number }: { label: string; number: string }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>
        <a className="tb-tel" href={`tel:${number.replace(/[^\d+]/g, '')}`}>
          <PhoneOutlined aria-hidden /> {number}
        </a>
      </dd>
    </div>
  );
}

/** 咨询电话, 监督投诉电话 and 12345: tap to call. */
export function GuideContacts({ content }: { content: ItemContent }) {
  const { t } = useTranslation();
  return (
    <GuideSection id="contact">
      <dl className="tb-kv">
        {content.consultationPhone && <Phone label={t('guide.consultationPhone')} number={content.consultationPhone} />}
        {content.supervisionPhone && <Phone label={t('guide.supervisionPhone')} number={content.supervisionPhone} />}
        <Phone label={t('guide.hotline')} number="12345" />
      </dl>
    </GuideSection>
  );
}

/** 办件进度查询: for now, the applicant's own cases. */
export function GuideProgress() {
  const { t } = useTranslation();
  return (
    <GuideSection id="progress">
      <p>{t('guide.progressText')}</p>
      <p>
        <Link to="/portal/cases">{t('guide.progressLink')}</Link>
      </p>
    </GuideSection>
  );
}

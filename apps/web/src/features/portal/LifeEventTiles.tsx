import {
  AccountBookOutlined,
  AuditOutlined,
  BuildOutlined,
  CoffeeOutlined,
  ExportOutlined,
  HeartOutlined,
  HomeOutlined,
  MedicineBoxOutlined,
  ReadOutlined,
  SafetyCertificateOutlined,
  ShopOutlined,
  SmileOutlined,
  SolutionOutlined,
  TrophyOutlined,
} from '@ant-design/icons';
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { searchHref } from './search/searchState.ts';
import { themeWords, type EventKey } from './catalog/vocab.ts';

const personal: [EventKey, ReactNode][] = [
  ['birth', <SmileOutlined key="i" />],
  ['school', <ReadOutlined key="i" />],
  ['employment', <SolutionOutlined key="i" />],
  ['marriage', <HeartOutlined key="i" />],
  ['housing', <HomeOutlined key="i" />],
  ['socialSecurity', <SafetyCertificateOutlined key="i" />],
  ['medical', <MedicineBoxOutlined key="i" />],
  ['retirement', <CoffeeOutlined key="i" />],
];
const enterprise: [EventKey, ReactNode][] = [
  ['startBusiness', <ShopOutlined key="i" />],
  ['construction', <BuildOutlined key="i" />],
  ['permits', <AuditOutlined key="i" />],
  ['tax', <AccountBookOutlined key="i" />],
  ['talent', <TrophyOutlined key="i" />],
  ['closeBusiness', <ExportOutlined key="i" />],
];

function Tiles({ heading, events }: { heading: string; events: [EventKey, ReactNode][] }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <section className="tb-section" aria-labelledby={id}>
      <h2 id={id}>{heading}</h2>
      <ul className="tb-tiles">
        {events.map(([key, icon]) => {
          const label = t(`portal.events.${key}`);
          return (
            <li key={key}>
              <Link className="tb-tile" to={searchHref({ theme: themeWords[key] })}>
                <span className="tb-tile-icon" aria-hidden>
                  {icon}
                </span>
                <span className="tb-tile-label">{label}</span>
              </Link>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** Life events (人生事件) and business themes: start from the need, not the department. */
export function LifeEventTiles() {
  const { t } = useTranslation();
  return (
    <>
      <Tiles heading={t('portal.personalEvents')} events={personal} />
      <Tiles heading={t('portal.enterpriseThemes')} events={enterprise} />
    </>
  );
}

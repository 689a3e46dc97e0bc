import {
  ClockCircleOutlined,
  EnvironmentOutlined,
  FieldTimeOutlined,
  FileDoneOutlined,
  TeamOutlined,
  TransactionOutlined,
  CarOutlined,
} from '@ant-design/icons';
import type { ItemContent } from '@tongban/contracts';
import { Tag } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLimitText } from './useLimitText.ts';

type Channel = keyof ItemContent['channels'];
const channelSet: Record<Channel, true> = { online: true, inHall: true, appointment: true, onlinePayment: true, express: true, kiosk: true };
const channels = Object.keys(channelSet) as Channel[];

function Fact({ icon, label, children }: { icon: ReactNode; label: string; children: ReactNode }) {
  return (
    <div className="tb-fact">
      <dt>
        <span className="tb-fact-icon" aria-hidden>
          {icon}
        </span>
        {label}
      </dt>
      <dd>{children}</dd>
    </div>
  );
}

/** 办事须知: what you get, who can apply, how long, how many visits, what it costs, where and when. */
export function GuideFacts({ content }: { content: ItemContent }) {
  const { t } = useTranslation();
  const limitText = useLimitText();
  const promised = content.promisedLimit;
  const visits = content.visits === 0 ? t('guide.visitsZero') : content.visits === 1 ? t('guide.visitsOne') : t('guide.visitsMany', { count: content.visits });
  const fees = content.charged ? content.fees : [];
  const ways = channels.filter((c) => content.channels[c]);
  return (
    <section className="tb-facts" aria-labelledby="guide-facts-h">
      <h2 id="guide-facts-h">{t('guide.factsTitle')}</h2>
      <dl>
        {content.resultName && (
          <Fact icon={<FileDoneOutlined />} label={t('guide.result')}>
            {content.resultName}
          </Fact>
        )}
        <Fact icon={<TeamOutlined />} label={t('guide.whoCanApply')}>
          {content.serviceObjects.map((o) => t(`catalog.serviceObjects.${o}`)).join(t('common.listSeparator'))}
        </Fact>
        <Fact icon={<FieldTimeOutlined />} label={t('guide.howLong')}>
          <strong>{promised.unit === 'immediate' ? t('guide.promisedImmediate') : t('guide.promised', { limit: limitText(promised) })}</strong>{' '}
          <Tag>{t(`guide.caseTypes.${content.caseType}`)}</Tag>
          <div className="tb-fact-note">{t('guide.legal', { limit: limitText(content.legalLimit) })}</div>
          {promised.note && <div className="tb-fact-note">{promised.note}</div>}
          {content.legalLimit.note && <div className="tb-fact-note">{content.legalLimit.note}</div>}
        </Fact>
        <Fact icon={<CarOutlined />} label={t('guide.visits')}>
          <strong>{visits}</strong>
          {content.visitsReason && <div className="tb-fact-note">{content.visitsReason}</div>}
        </Fact>
        <Fact icon={<TransactionOutlined />} label={t('guide.cost')}>
          {fees.length === 0 ? (
            <strong>{t('guide.free')}</strong>
          ) : (
            <ul className="tb-plain-list">
              {fees.map((f) => (
                <li key={f.name}>{t('guide.feeLine', { name: f.name, standard: f.standard })}</li>
              ))}
            </ul>
          )}
        </Fact>
        {(content.place || ways.length > 0) && (
          <Fact icon={<EnvironmentOutlined />} label={t('guide.where')}>
            {content.place && <div>{content.place}</div>}
            {ways.length > 0 && (
              <ul className="tb-inline-tags" aria-label={t('guide.channelsLabel')}>
                {ways.map((c) => (
                  <li key={c}>
                    <Tag>{t(`guide.channels.${c}`)}</Tag>
                  </li>
                ))}
              </ul>
            )}
          </Fact>
        )}
        {content.hours && (
          <Fact icon={<ClockCircleOutlined />} label={t('guide.when')}>
            {content.hours}
          </Fact>
        )}
      </dl>
    </section>
  );
}

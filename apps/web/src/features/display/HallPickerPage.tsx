import { useQuery } from '@tanstack/react-query';
import { Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DocumentTitle } from '../../app/components/DocumentTitle.tsx';
import { QueryError } from '../../app/components/QueryError.tsx';
import { listHalls, orgKeys } from '../org/api.ts';
import { DisplayFrame } from './DisplayFrame.tsx';

/** /display: choose which hall this screen shows. */
export function HallPickerPage() {
  const { t } = useTranslation();
  const params = { page: 1, pageSize: 100 };
  const query = useQuery({ queryKey: orgKeys.hallList(params), queryFn: ({ signal }) => listHalls(params, signal) });
  return (
    <DisplayFrame>
      <DocumentTitle title={t('display.pickTitle')} />
      <div className="tb-led-picker">
        <h1>{t('display.pickTitle')}</h1>
        <p className="tb-led-muted">{t('display.pickText')}</p>
        {query.isPending ? (
          <Spin size="large" />
        ) : query.isError ? (
          <QueryError error={query.error} onRetry={() => void query.refetch()} />
        ) : query.data.items.length === 0 ? (
          <p className="tb-led-muted">{t('portal.hallsEmpty')}</p>
        ) : (
          <ul className="tb-led-hall-list">
            {query.data.items.map((h) => (
              <li key={h.id}>
                <Link to={`/display/${h.id}`} className="tb-led-hall-link">
                  <span className="tb-led-hall-name">{h.name}</span>
                  <span className="tb-led-muted">
                    {t(`halls.kinds.${h.kind}`)} · {t('portal.hallWindows', { count: h.windowCount })}
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </div>
    </DisplayFrame>
  );
}

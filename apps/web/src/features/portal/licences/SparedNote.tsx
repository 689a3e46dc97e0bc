import { CheckCircleFilled } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { getSpared, licenceKeys } from './api.ts';

/**
 * 免提交: how many submissions the e-licence library has spared — for one item (its guide) or
 * overall (the wallet). Says nothing until there is something to say.
 */
export function SparedNote({ implCode }: { implCode?: string }) {
  const { t } = useTranslation();
  const query = useQuery({ queryKey: licenceKeys.spared, queryFn: ({ signal }) => getSpared(signal), staleTime: 60_000 });
  const count = implCode ? (query.data?.byItem.find((r) => r.implCode === implCode)?.count ?? 0) : (query.data?.total ?? 0);
  if (count === 0) return null;
  return (
    <p className="tb-spared-note" data-testid="spared-note">
      <CheckCircleFilled aria-hidden /> {t(implCode ? 'licences.sparedItem' : 'licences.sparedTotal', { count })}
    </p>
  );
}

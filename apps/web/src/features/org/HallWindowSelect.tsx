import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { listHalls, listWindows, orgKeys } from './api.ts';

/** Hall picker with server-side search (GET /api/org/halls?q=). */
export function HallSelect({ id, value, onChange }: { id?: string; value?: string | null; onChange?: (value: string | null) => void }) {
  const { t } = useTranslation();
  const [input, setInput] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const timer = window.setTimeout(() => setQ(input.trim()), 250);
    return () => window.clearTimeout(timer);
  }, [input]);
  const params = { page: 1, pageSize: 50, q: q || undefined };
  const query = useQuery({ queryKey: orgKeys.hallList(params), queryFn: ({ signal }) => listHalls(params, signal), placeholderData: keepPreviousData });
  return (
    <Select
      id={id}
      value={value ?? undefined}
      onChange={(v: string | undefined) => onChange?.(v ?? null)}
      options={(query.data?.items ?? []).map((h) => ({ value: h.id, label: h.name }))}
      showSearch={{ filterOption: false, onSearch: setInput }}
      allowClear
      loading={query.isFetching}
      placeholder={t('halls.selectPlaceholder')}
      popupMatchSelectWidth={false}
    />
  );
}

interface WindowSelectProps {
  id?: string;
  hallId: string | null;
  value?: string | null;
  onChange?: (value: string | null) => void;
  initialLabel?: string | null;
}

/** Window picker for one hall (GET /api/org/halls/:id/windows). */
export function WindowSelect({ id, hallId, value, onChange, initialLabel }: WindowSelectProps) {
  const { t } = useTranslation();
  const query = useQuery({
    queryKey: orgKeys.windows(hallId ?? ''),
    queryFn: ({ signal }) => listWindows(hallId ?? '', signal),
    enabled: hallId !== null,
  });
  const options = (query.data ?? []).map((w) => ({ value: w.id, label: `${w.number} ${w.name}` }));
  if (value && !options.some((o) => o.value === value)) options.unshift({ value, label: initialLabel ?? value });
  return (
    <Select
      id={id}
      value={value ?? undefined}
      onChange={(v: string | undefined) => onChange?.(v ?? null)}
      options={options}
      allowClear
      disabled={hallId === null && !value}
      loading={query.isFetching}
      placeholder={hallId === null ? t('windows.selectHallFirst') : t('windows.selectPlaceholder')}
      popupMatchSelectWidth={false}
    />
  );
}

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { listDepartments, orgKeys } from './api.ts';

interface Props {
  id?: string;
  value?: string | null;
  onChange?: (value: string | null) => void;
  /** Label of the current value when it is not among the first results. */
  initialLabel?: string | null;
  placeholder?: string;
  className?: string;
  'aria-label'?: string;
}

/** Department picker with server-side search (GET /api/org/departments?q=). */
export function DepartmentSelect({ id, value, onChange, initialLabel, placeholder, className, ...rest }: Props) {
  const { t } = useTranslation();
  const [input, setInput] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const timer = window.setTimeout(() => setQ(input.trim()), 250);
    return () => window.clearTimeout(timer);
  }, [input]);
  const params = { page: 1, pageSize: 50, q: q || undefined };
  const query = useQuery({
    queryKey: orgKeys.departmentList(params),
    queryFn: ({ signal }) => listDepartments(params, signal),
    placeholderData: keepPreviousData,
  });
  const options = (query.data?.items ?? []).map((d) => ({ value: d.id, label: d.name }));
  if (value && !options.some((o) => o.value === value)) options.unshift({ value, label: initialLabel ?? value });

  return (
    <Select
      id={id}
      className={className}
      aria-label={rest['aria-label']}
      value={value ?? undefined}
      onChange={(v: string | undefined) => onChange?.(v ?? null)}
      options={options}
      showSearch={{ filterOption: false, onSearch: setInput }}
      allowClear
      loading={query.isFetching}
      placeholder={placeholder ?? t('departments.selectPlaceholder')}
      notFoundContent={query.isError ? t('common.loadFailed') : undefined}
      popupMatchSelectWidth={false}
    />
  );
}

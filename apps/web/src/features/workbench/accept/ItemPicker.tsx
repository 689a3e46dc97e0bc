import { useQuery } from '@tanstack/react-query';
import type { ItemSummary, ItemVersion } from '@tongban/contracts';
import { Alert, Descriptions, Form, Select, Spin, type RefSelectProps } from 'antd';
import { useEffect, useState, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../../app/session.ts';
import { useLimitText } from '../../portal/guide/useLimitText.ts';
import { getRegion, searchItems, walkInKeys } from './api.ts';
import { isTongban } from './walkIn.ts';

/** The search as the clerk types, sent once they pause. */
function useDebounced(value: string, ms = 250): string {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

/** ① 选择事项: type, arrows, Enter. */
export function ItemPicker({
  selectRef,
  disabled,
  picked,
  onPicked,
}: {
  selectRef: Ref<RefSelectProps>;
  disabled: boolean;
  /** The item chosen: its name stays shown while the clerk searches for something else. */
  picked: ItemSummary | undefined;
  onPicked: (implCode: string) => void;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const q = useDebounced(text.trim());
  const search = useQuery({ queryKey: walkInKeys.search(q), queryFn: ({ signal }) => searchItems(q, signal), placeholderData: (prev) => prev });
  const items: ItemSummary[] = search.data?.items ?? [];
  return (
    <Form.Item name="implCode" label={t('walkIn.item.label')} rules={[{ required: true, message: t('walkIn.item.required') }]}>
      <Select
        ref={selectRef}
        showSearch={{ filterOption: false, onSearch: setText }}
        autoFocus
        allowClear
        disabled={disabled}
        size="large"
        placeholder={t('walkIn.item.placeholder')}
        notFoundContent={search.isFetching ? <Spin size="small" /> : t('walkIn.item.none')}
        onChange={(value: string | undefined) => {
          if (value) onPicked(value);
        }}
        data-testid="walkin-item"
        labelRender={({ label, value }) => label ?? (picked?.implCode === value ? picked.name : value)}
        options={items.map((i) => ({
          value: i.implCode,
          label: i.name,
          title: i.name,
          item: i,
        }))}
        optionRender={(option) => {
          const i = (option.data as { item: ItemSummary }).item;
          return (
            <div className="tb-walkin-option">
              <span>{i.name}</span>
              <span className="tb-muted tb-small">{i.departmentName}</span>
            </div>
          );
        }}
      />
    </Form.Item>
  );
}

/** What the clerk tells the applicant about the item: who handles it, where, how long, and 通办. */
export function ItemFacts({ guide }: { guide: ItemVersion }) {
  const { t } = useTranslation();
  const limitText = useLimitText();
  const user = useSession().data;
  const { item, content } = guide;
  const region = useQuery({ queryKey: walkInKeys.region(item.regionCode), queryFn: ({ signal }) => getRegion(item.regionCode, signal), staleTime: Infinity });
  // The code only when the name cannot be had: no flash of digits while it loads.
  const regionName = region.data?.name ?? (region.isPending ? '' : item.regionCode);
  const tongban = isTongban(user, item.regionCode);
  return (
    <>
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        data-testid="walkin-item-facts"
        items={[
          { key: 'dept', label: t('walkIn.item.department'), children: item.departmentName },
          { key: 'region', label: t('walkIn.item.region'), children: regionName },
          {
            key: 'promised',
            label: t('walkIn.item.promised'),
            children: (
              <strong data-testid="walkin-promised">
                {limitText(content.promisedLimit)}
                {content.promisedLimit.note ? t('walkIn.item.limitNote', { note: content.promisedLimit.note }) : ''}
              </strong>
            ),
          },
          { key: 'legal', label: t('walkIn.item.legal'), children: limitText(content.legalLimit) },
          {
            key: 'type',
            label: t('walkIn.item.caseType'),
            children: <span data-testid="walkin-case-type">{t(`workbenchCases.caseType.${content.caseType}`)}</span>,
          },
          { key: 'code', label: t('walkIn.item.implCode'), children: <span className="tb-mono">{item.implCode}</span> },
        ]}
      />
      {tongban && regionName ? (
        <Alert
          className="tb-mt"
          type="warning"
          showIcon
          data-testid="walkin-tongban"
          title={t('walkIn.tongban.title', { department: item.departmentName, region: regionName })}
          description={t('walkIn.tongban.text')}
        />
      ) : tongban ? null : (
        <p className="tb-muted tb-small tb-mt" data-testid="walkin-local">
          {t('walkIn.tongban.local', { department: item.departmentName })}
        </p>
      )}
    </>
  );
}

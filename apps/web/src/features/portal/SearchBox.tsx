import { SearchOutlined } from '@ant-design/icons';
import { Button, Input, Space } from 'antd';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

interface Props {
  initial?: string;
  autoFocus?: boolean;
  /** On the search page: change the words and keep the filters. Elsewhere: go to /portal/search?q=. */
  onSearch?: (q: string) => void;
}

/** "我要办…": the first thing on the portal. */
export function SearchBox({ initial = '', autoFocus = false, onSearch }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [q, setQ] = useState(initial);
  const id = useId();
  return (
    <form
      role="search"
      className="tb-search"
      data-testid="portal-search"
      onSubmit={(e) => {
        e.preventDefault();
        const text = q.trim();
        if (onSearch) onSearch(text);
        else void navigate(text ? `/portal/search?q=${encodeURIComponent(text)}` : '/portal/search');
      }}
    >
      <label htmlFor={id} className="tb-visually-hidden">
        {t('portal.searchLabel')}
      </label>
      <Space.Compact block size="large">
        <Input
          id={id}
          type="search"
          value={q}
          onChange={(e) => setQ(e.target.value)}
          placeholder={t('portal.searchPlaceholder')}
          maxLength={50}
          autoFocus={autoFocus}
          enterKeyHint="search"
        />
        <Button type="primary" htmlType="submit" icon={<SearchOutlined aria-hidden />}>
          {t('portal.searchButton')}
        </Button>
      </Space.Compact>
    </form>
  );
}

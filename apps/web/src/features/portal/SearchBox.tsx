import { SearchOutlined } from '@ant-design/icons';
import { Button, Input, Space } from 'antd';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

/** "我要办…": the first thing on the portal. Goes to /portal/search?q=. */
export function SearchBox({ initial = '', autoFocus = false }: { initial?: string; autoFocus?: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [q, setQ] = useState(initial);
  const id = useId();
  return (
    <form
      role="search"
      className="tb-search"
      onSubmit={(e) => {
        e.preventDefault();
        const text = q.trim();
        void navigate(text ? `/portal/search?q=${encodeURIComponent(text)}` : '/portal/search');
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
          maxLength={100}
          autoFocus={autoFocus}
          enterKeyHint="search"
          data-testid="portal-search"
        />
        <Button type="primary" htmlType="submit" icon={<SearchOutlined aria-hidden />}>
          {t('portal.searchButton')}
        </Button>
      </Space.Compact>
    </form>
  );
}

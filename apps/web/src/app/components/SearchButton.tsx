import { SearchOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';

/** The submit button of a search form (搜索), spinning while the results load. */
export function SearchButton({ loading }: { loading: boolean }) {
  const { t } = useTranslation();
  return (
    <Button type="primary" htmlType="submit" icon={<SearchOutlined aria-hidden />} loading={loading}>
      {t('common.search')}
    </Button>
  );
}

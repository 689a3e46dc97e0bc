import { AppstoreOutlined, DownOutlined } from '@ant-design/icons';
import type { SessionUser } from '@tongban/contracts';
import { Button, Dropdown } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { areaPaths, switcherAreas, type AreaId } from '../access.ts';

/** Lets a user move between the areas their roles open (portal, workbench, admin, …). */
export function AreaSwitcher({ user, current, dark = false }: { user: SessionUser; current: AreaId; dark?: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const areas = switcherAreas(user.roles).filter((a) => a !== current);
  if (areas.length === 0) return null;
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: areas.map((area) => ({ key: area, label: t(`areas.${area}`) })),
        onClick: ({ key }) => void navigate(areaPaths[key as AreaId]),
      }}
    >
      <Button
        type="text"
        className={dark ? 'tb-header-btn tb-header-btn-dark' : 'tb-header-btn'}
        icon={<AppstoreOutlined aria-hidden />}
        data-testid="area-switch"
        aria-label={t('areas.switchLabel')}
        title={t('areas.current', { area: t(`areas.${current}`) })}
      >
        <span className="tb-hide-sm">{t('areas.switchLabel')}</span>
        <DownOutlined aria-hidden />
      </Button>
    </Dropdown>
  );
}

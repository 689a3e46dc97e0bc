import type { SessionUser } from '@tongban/contracts';
import { Descriptions } from 'antd';
import { useTranslation } from 'react-i18next';
import { useRoleNames } from '../../app/components/useRoleNames.ts';

/** The session user's profile, with identifiers masked (脱敏) as the server sends them. */
export function ProfileDetails({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  const roleNames = useRoleNames();
  const items = [
    { key: 'name', label: t('profile.name'), children: user.displayName },
    { key: 'username', label: t('profile.username'), children: user.username },
    { key: 'kind', label: t('profile.kind'), children: t(`accountKinds.${user.kind}`) },
    { key: 'residentId', label: t('profile.residentId'), children: user.residentIdMasked ?? t('common.notSet') },
    { key: 'phone', label: t('profile.phone'), children: user.phoneMasked ?? t('common.notSet') },
    ...(user.organisation
      ? [
          { key: 'org', label: t('profile.organisation'), children: user.organisation.name },
          { key: 'credit', label: t('profile.creditCode'), children: user.organisation.creditCode },
        ]
      : []),
    ...(user.departmentName ? [{ key: 'dept', label: t('profile.department'), children: user.departmentName }] : []),
    { key: 'roles', label: t('profile.roles'), children: roleNames(user.roles) },
  ];
  return (
    <>
      <Descriptions column={{ xs: 1, sm: 1, md: 2 }} bordered size="middle" items={items} />
      <p className="tb-muted tb-small tb-mt">{t('profile.maskedNote')}</p>
    </>
  );
}

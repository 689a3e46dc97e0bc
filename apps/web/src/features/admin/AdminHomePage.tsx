import { ApartmentOutlined, BankOutlined, GlobalOutlined, TeamOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { NotFoundResult } from '../../app/components/Results.tsx';
import { AreaPage } from '../../app/layout/AreaPage.tsx';

/** Admin home: one card per management screen. */
export function AdminHomePage() {
  const { t } = useTranslation();
  const cards: { to: string; title: string; text: string; icon: ReactNode }[] = [
    { to: '/admin/regions', title: t('admin.regions'), text: t('admin.regionsDesc'), icon: <GlobalOutlined /> },
    { to: '/admin/departments', title: t('admin.departments'), text: t('admin.departmentsDesc'), icon: <ApartmentOutlined /> },
    { to: '/admin/halls', title: t('admin.halls'), text: t('admin.hallsDesc'), icon: <BankOutlined /> },
    { to: '/admin/staff', title: t('admin.staff'), text: t('admin.staffDesc'), icon: <TeamOutlined /> },
  ];
  return (
    <AreaPage title={t('admin.welcome')}>
      <p className="tb-muted">{t('admin.intro')}</p>
      <ul className="tb-admin-cards">
        {cards.map((c) => (
          <li key={c.to}>
            <Link to={c.to} className="tb-admin-card">
              <span className="tb-admin-card-icon" aria-hidden>
                {c.icon}
              </span>
              <span className="tb-admin-card-title">{c.title}</span>
              <span className="tb-muted">{c.text}</span>
            </Link>
          </li>
        ))}
      </ul>
    </AreaPage>
  );
}

export function AreaNotFound() {
  return <NotFoundResult home="/admin" />;
}

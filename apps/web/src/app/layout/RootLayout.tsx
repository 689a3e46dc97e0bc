import { Outlet, ScrollRestoration, useNavigation } from 'react-router';
import { useTranslation } from 'react-i18next';

/** Wraps every page: a slim progress bar while an area's code is loading, and scroll restoration. */
export function RootLayout() {
  const navigation = useNavigation();
  const { t } = useTranslation();
  const busy = navigation.state !== 'idle';
  return (
    <>
      {busy && <div className="tb-nav-progress" role="progressbar" aria-label={t('app.navigating')} />}
      <Outlet />
      <ScrollRestoration />
    </>
  );
}

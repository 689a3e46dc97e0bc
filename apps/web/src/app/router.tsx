import type { ComponentType } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { FullPageSpin } from './components/FullPageSpin.tsx';
import { RootLayout } from './layout/RootLayout.tsx';
import { RouteErrorPage } from './layout/RouteErrorPage.tsx';

/*
 * Every area is its own dynamic import, so each becomes its own chunk: a citizen opening the
 * portal never downloads the admin console, the workbench or supervision code.
 */
const identity = () => import('../features/identity/index.ts');
const portal = () => import('../features/portal/index.ts');
// 在线办理: its own chunk, so that reading a guide does not download the application pages.
const apply = () => import('../features/portal/apply/index.ts');
const workbench = () => import('../features/workbench/index.ts');
// 消息中心: one chunk for the portal and the workbench.
const messages = () => import('../features/messages/index.ts');
const admin = () => import('../features/admin/index.ts');
const supervision = () => import('../features/supervision/index.ts');
const display = () => import('../features/display/index.ts');

/** A route `lazy` that takes one component from an area module. */
function page<M>(load: () => Promise<M>, pick: (m: M) => ComponentType) {
  return async () => ({ Component: pick(await load()) });
}

export const routes: RouteObject[] = [
  {
    Component: RootLayout,
    HydrateFallback: FullPageSpin,
    errorElement: <RouteErrorPage />,
    children: [
      { path: 'login', lazy: page(identity, (m) => m.LoginPage) },
      { path: 'register', lazy: page(identity, (m) => m.RegisterPage) },
      {
        // 网上办事大厅: public, phone first.
        path: '/',
        lazy: page(portal, (m) => m.PortalLayout),
        children: [
          { index: true, lazy: page(portal, (m) => m.HomePage) },
          { path: 'portal', lazy: page(portal, (m) => m.PortalIndexRedirect) },
          { path: 'portal/search', lazy: page(portal, (m) => m.SearchPage) },
          { path: 'portal/items/:implCode', lazy: page(portal, (m) => m.GuidePage) },
          { path: 'portal/items/:implCode/apply', lazy: page(apply, (m) => m.ApplyPage) },
          { path: 'portal/bundles/:key', lazy: page(portal, (m) => m.BundlePage) },
          { path: 'portal/cases', lazy: page(portal, (m) => m.MyCasesPage) },
          { path: 'portal/cases/:caseNo', lazy: page(portal, (m) => m.CaseProgressPage) },
          { path: 'portal/progress', lazy: page(portal, (m) => m.ProgressQueryPage) },
          { path: 'portal/licences', lazy: page(portal, (m) => m.MyLicencesPage) },
          { path: 'portal/licences/view', lazy: page(portal, (m) => m.LicencePage) },
          // 电子证照核验: public, the page a printed licence's QR code opens (`?id=<identifier>`).
          { path: 'verify/licence', lazy: page(portal, (m) => m.VerifyLicencePage) },
          { path: 'portal/messages', lazy: page(messages, (m) => m.PortalMessagesPage) },
          { path: 'portal/profile', lazy: page(portal, (m) => m.ProfilePage) },
          { path: '*', lazy: page(portal, (m) => m.PortalNotFound) },
        ],
      },
      {
        // 工作台
        path: 'workbench',
        lazy: page(workbench, (m) => m.WorkbenchLayout),
        children: [
          { index: true, lazy: page(workbench, (m) => m.InboxPage) },
          { path: 'accept', lazy: page(workbench, (m) => m.AcceptPage) },
          { path: 'cases', lazy: page(workbench, (m) => m.CaseSearchPage) },
          { path: 'cases/:caseNo', lazy: page(workbench, (m) => m.CasePage) },
          { path: 'window', lazy: page(workbench, (m) => m.MyWindowPage) },
          { path: 'subjects', lazy: page(workbench, (m) => m.SubjectsPage) },
          { path: 'licences', lazy: page(workbench, (m) => m.LicenceManagePage) },
          { path: 'messages', lazy: page(messages, (m) => m.WorkbenchMessagesPage) },
          { path: '*', lazy: page(workbench, (m) => m.AreaNotFound) },
        ],
      },
      {
        // 管理后台
        path: 'admin',
        lazy: page(admin, (m) => m.AdminLayout),
        children: [
          { index: true, lazy: page(admin, (m) => m.AdminHomePage) },
          { path: 'regions', lazy: page(admin, (m) => m.RegionsPage) },
          { path: 'departments', lazy: page(admin, (m) => m.DepartmentsPage) },
          { path: 'halls', lazy: page(admin, (m) => m.HallsPage) },
          { path: 'staff', lazy: page(admin, (m) => m.StaffPage) },
          { path: 'calendar', lazy: page(admin, (m) => m.CalendarPage) },
          { path: 'catalog', lazy: page(admin, (m) => m.ItemsPage) },
          { path: 'catalog/new', lazy: page(admin, (m) => m.NewItemPage) },
          { path: 'catalog/items/:id', lazy: page(admin, (m) => m.ItemEditorPage) },
          { path: 'catalog/items/:id/process', lazy: page(admin, (m) => m.ProcessEditorPage) },
          { path: 'catalog/excel', lazy: page(admin, (m) => m.CatalogExcelPage) },
          // 数据共享: centre admins only.
          { path: 'sharing', lazy: page(admin, (m) => m.SharingClientsPage) },
          { path: 'sharing/log', lazy: page(admin, (m) => m.SharingAccessLogPage) },
          { path: '*', lazy: page(admin, (m) => m.AreaNotFound) },
        ],
      },
      {
        // 效能监督
        path: 'supervision',
        lazy: page(supervision, (m) => m.SupervisionLayout),
        children: [
          { index: true, lazy: page(supervision, (m) => m.OverviewPage) },
          { path: 'alerts', lazy: page(supervision, (m) => m.AlertsPage) },
          { path: 'reviews', lazy: page(supervision, (m) => m.ReviewsPage) },
          { path: 'reports', lazy: page(supervision, (m) => m.ReportsPage) },
          { path: '*', lazy: page(supervision, (m) => m.AreaNotFound) },
        ],
      },
      {
        // 大厅显示: public, full screen.
        path: 'display',
        children: [
          { index: true, lazy: page(display, (m) => m.HallPickerPage) },
          { path: ':hallId', lazy: page(display, (m) => m.HallDisplayPage) },
        ],
      },
    ],
  },
];

export const router = createBrowserRouter(routes);

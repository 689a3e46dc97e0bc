// The admin console chunk (管理后台).
export { AdminLayout } from './AdminLayout.tsx';
export { AdminHomePage, AreaNotFound } from './AdminHomePage.tsx';
export { RegionsPage } from '../org/regions/RegionsPage.tsx';
export { DepartmentsPage } from '../org/departments/DepartmentsPage.tsx';
export { HallsPage } from '../org/halls/HallsPage.tsx';
export { StaffPage } from '../identity/staff/StaffPage.tsx';
export { CalendarPage } from '../calendar/CalendarPage.tsx';
export { ItemsPage } from '../catalog-admin/ItemsPage.tsx';
export { ItemEditorPage, NewItemPage } from '../catalog-admin/editor/ItemEditorPage.tsx';
export { ProcessEditorPage } from '../catalog-admin/process/ProcessEditorPage.tsx';
export { CatalogExcelPage } from '../catalog-admin/excel/CatalogExcelPage.tsx';
export { SharingClientsPage } from '../sharing-admin/ClientsPage.tsx';
export { SharingAccessLogPage } from '../sharing-admin/AccessLogPage.tsx';

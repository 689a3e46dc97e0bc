// The workbench chunk (工作台).
export { WorkbenchLayout } from './WorkbenchLayout.tsx';
export { InboxPage, CasePage } from './cases/index.ts';
export { CaseSearchPage, MyWindowPage, AreaNotFound } from './pages.tsx';
export { AcceptPage } from './accept/AcceptPage.tsx';
export { SubjectsPage } from './subjects/SubjectsPage.tsx';
export { LicenceManagePage } from './licences/LicenceManagePage.tsx';

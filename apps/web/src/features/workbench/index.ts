// The workbench chunk (工作台).
export { WorkbenchLayout } from './WorkbenchLayout.tsx';
export { InboxPage, CasePage } from './cases/index.ts';
export { AcceptPage, CaseSearchPage, MyWindowPage, AreaNotFound } from './pages.tsx';

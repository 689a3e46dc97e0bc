// The workbench chunk (工作台).
export { WorkbenchLayout } from './WorkbenchLayout.tsx';
export { InboxPage, AcceptPage, CaseSearchPage, MyWindowPage, AreaNotFound } from './pages.tsx';

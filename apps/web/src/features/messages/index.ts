// The message centre (消息中心): its own chunk, shared by the portal and the workbench.
export { PortalMessagesPage, WorkbenchMessagesPage } from './pages.tsx';

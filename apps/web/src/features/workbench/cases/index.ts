export { InboxPage } from './InboxPage.tsx';
export { CasePage } from './CasePage.tsx';

// The supervision chunk (效能监督).
export { SupervisionLayout } from './SupervisionLayout.tsx';
export { OverviewPage, AlertsPage, ReviewsPage, ReportsPage, AreaNotFound } from './pages.tsx';

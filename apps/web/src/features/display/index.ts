// The hall display chunk (大厅显示): public, no login.
export { HallPickerPage } from './HallPickerPage.tsx';
export { HallDisplayPage } from './HallDisplayPage.tsx';

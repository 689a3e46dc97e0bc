// The portal chunk (网上办事大厅). Must not import workbench, admin or supervision code.
import './portal.css';

export { PortalLayout } from './PortalLayout.tsx';
export { HomePage } from './HomePage.tsx';
export { SearchPage } from './SearchPage.tsx';
export { GuidePage } from './guide/GuidePage.tsx';
export { BundlePage } from './bundles/BundlePage.tsx';
export { ProfilePage, PortalIndexRedirect, PortalNotFound } from './PersonalPages.tsx';
export { MyLicencesPage } from './licences/MyLicencesPage.tsx';
export { LicencePage } from './licences/LicencePage.tsx';
export { VerifyLicencePage } from './licences/VerifyLicencePage.tsx';
export { MyCasesPage } from './cases/MyCasesPage.tsx';
export { CaseProgressPage } from './cases/CaseProgressPage.tsx';
export { ProgressQueryPage } from './progress/ProgressQueryPage.tsx';

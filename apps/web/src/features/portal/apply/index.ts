// The online application chunk (在线办理); the form renderer is loaded later still, on the form step.
export { ApplyPage } from './ApplyPage.tsx';

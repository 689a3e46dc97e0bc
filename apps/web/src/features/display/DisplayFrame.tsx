import type { ReactNode } from 'react';
import { LanguageSwitch } from '../../app/components/LanguageSwitch.tsx';
import './display.css';

/** Dark, full-screen LED-style frame of the hall display pages. */
export function DisplayFrame({ children, tools }: { children: ReactNode; tools?: ReactNode }) {
  return (
    <div className="tb-led">
      <div className="tb-led-tools">
        {tools}
        <LanguageSwitch dark />
      </div>
      <main id="main" className="tb-led-main">
        {children}
      </main>
    </div>
  );
}

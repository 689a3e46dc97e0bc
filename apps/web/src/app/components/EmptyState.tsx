import { Empty } from 'antd';
import type { ReactNode } from 'react';

/** An honest empty state: what is (not) here, and what will make something appear. */
export function EmptyState({ title, text, action }: { title: string; text?: string; action?: ReactNode }) {
  return (
    <Empty
      className="tb-empty"
      description={
        <>
          <div className="tb-empty-title">{title}</div>
          {text && <p className="tb-empty-text">{text}</p>}
        </>
      }
    >
      {action}
    </Empty>
  );
}

import { Tag } from 'antd';
import { useScopes } from './scopes.ts';

/** A system's scopes as readable tags (licence type names for 证照调取), the raw scope in the tooltip. */
export function ScopeTags({ scopes }: { scopes: readonly string[] }) {
  const { label, groupOf } = useScopes();
  return (
    <span className="tb-sa-scopes">
      {scopes.map((s) => (
        <Tag key={s} className={`tb-sa-scope tb-sa-scope-${groupOf(s)}`} title={s}>
          {label(s)}
        </Tag>
      ))}
    </span>
  );
}

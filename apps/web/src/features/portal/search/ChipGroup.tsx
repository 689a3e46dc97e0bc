import { useId } from 'react';

export interface ChipOption<T extends string> {
  value: T | null;
  label: string;
  hint?: string;
}

/** A row of single-choice filter chips: real buttons (aria-pressed), big enough for a thumb. */
export function ChipGroup<T extends string>({
  label,
  options,
  value,
  onChange,
}: {
  label: string;
  options: ChipOption<T>[];
  value: T | null;
  onChange: (value: T | null) => void;
}) {
  const id = useId();
  return (
    <div className="tb-chip-group" role="group" aria-labelledby={id}>
      <span id={id} className="tb-chip-group-label">
        {label}
      </span>
      <div className="tb-chips">
        {options.map((o) => {
          const pressed = o.value === value;
          return (
            <button
              key={o.value ?? ''}
              type="button"
              className={pressed ? 'tb-chip tb-chip-on' : 'tb-chip'}
              aria-pressed={pressed}
              title={o.hint}
              onClick={() => onChange(pressed ? null : o.value)}
            >
              {o.label}
            </button>
          );
        })}
      </div>
    </div>
  );
}

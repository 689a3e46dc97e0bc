import { CloseOutlined, FilterOutlined } from '@ant-design/icons';
import { Button, Grid } from 'antd';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DepartmentSelect } from '../../org/DepartmentSelect.tsx';
import { useThemeLabel } from '../catalog/useThemeLabel.ts';
import { audiences, serviceFlags, type Audience, type ServiceFlag } from '../catalog/vocab.ts';
import { ChipGroup } from './ChipGroup.tsx';
import { hasFilters, type SearchState } from './searchState.ts';

interface Props {
  state: SearchState;
  update: (patch: Partial<SearchState>) => void;
  /** Name of the department in the URL, once a result shows it. */
  departmentName?: string | undefined;
}

/** 个人/法人, 马上办…就近办 and the department: each change is a new URL. */
export function SearchFilters({ state, update, departmentName }: Props) {
  const { t } = useTranslation();
  const themeLabel = useThemeLabel();
  const deptId = useId();
  const panelId = useId();
  // Phones: the filters fold away behind one button, so the results start on the first screen.
  const narrow = Grid.useBreakpoint().sm === false;
  const [open, setOpen] = useState(false);
  const selected = [state.audience, state.flag, state.dept].filter(Boolean).length;
  const themeName = state.theme ? t('search.theme', { theme: themeLabel(state.theme) }) : '';
  return (
    <section className="tb-filters" aria-label={t('search.filtersLabel')}>
      {narrow && (
        <Button
          className="tb-filter-toggle"
          icon={<FilterOutlined aria-hidden />}
          aria-expanded={open}
          aria-controls={panelId}
          onClick={() => setOpen((o) => !o)}
        >
          {selected > 0 ? t('search.filtersSelected', { count: selected }) : t('search.filtersToggle')}
        </Button>
      )}
      <div id={panelId} className="tb-filter-panel" hidden={narrow && !open}>
        <ChipGroup<Audience>
          label={t('search.audience')}
          value={state.audience}
          onChange={(audience) => update({ audience })}
          options={[{ value: null, label: t('search.any') }, ...audiences.map((a) => ({ value: a, label: t(`catalog.audiences.${a}`) }))]}
        />
        <ChipGroup<ServiceFlag>
          label={t('search.flag')}
          value={state.flag}
          onChange={(flag) => update({ flag })}
          options={[
            { value: null, label: t('search.any') },
            ...serviceFlags.map((f) => ({ value: f, label: t(`catalog.flags.${f}`), hint: t(`catalog.flagHints.${f}`) })),
          ]}
        />
        <div className="tb-chip-group">
          <label htmlFor={deptId} className="tb-chip-group-label">
            {t('search.department')}
          </label>
          <DepartmentSelect
            id={deptId}
            className="tb-filter-dept"
            value={state.dept}
            initialLabel={departmentName}
            placeholder={t('search.departmentPlaceholder')}
            onChange={(dept) => update({ dept })}
          />
        </div>
      </div>
      {hasFilters(state) && (
        <div className="tb-active-filters">
          {state.theme && (
            <Button
              size="small"
              shape="round"
              icon={<CloseOutlined aria-hidden />}
              iconPlacement="end"
              aria-label={t('search.removeFilter', { name: themeName })}
              onClick={() => update({ theme: '' })}
            >
              {themeName}
            </Button>
          )}
          <Button type="link" size="small" onClick={() => update({ theme: '', audience: null, flag: null, dept: null })}>
            {t('search.clearFilters')}
          </Button>
        </div>
      )}
    </section>
  );
}

import { ApartmentOutlined, ExclamationCircleFilled, MergeOutlined, UserOutlined } from '@ant-design/icons';
import type { TimeLimit } from '@tongban/contracts';
import { useTranslation } from 'react-i18next';
import { stepPath, type Definition, type Problem, type Step } from './model.ts';
import { departmentIdsOf, useDepartmentNames, useProcessText } from './useProcessText.ts';

interface Props {
  definition: Definition;
  /** The item's promised limit, for the days of each share. */
  limit: Pick<TimeLimit, 'value' | 'unit'> | null;
  /** The item's own department (a step's null department). */
  ownDepartmentName: string | null;
  /** Problems of the definition: the boxes they touch are marked. */
  problems?: readonly Problem[];
  label: string;
  testId?: string;
}

/**
 * 办理流程图: the stages left to right (top to bottom when the space is narrow), a parallel
 * block (并联审批) as its branches stacked between a fork and a join, each box with the step's
 * name, role, department and its share of the time limit. Plain HTML and CSS.
 */
export function ProcessDiagram({ definition, limit, ownDepartmentName, problems = [], label, testId }: Props) {
  const { t } = useTranslation();
  const text = useProcessText();
  const nameOf = useDepartmentNames(departmentIdsOf(definition));
  const department = (id: string | null) =>
    id === null ? (ownDepartmentName ?? t('processEditor.ownDepartmentUnknown')) : (nameOf(id) ?? t('processEditor.departmentLoading'));
  const broken = (path: string) => problems.some((p) => p.path === path || p.path.startsWith(`${path}.`));

  const box = (step: Step, path: string) => {
    const days = text.amount(limit, step.sharePercent);
    return (
      <div className={`tb-pe-box tb-pe-kind-${step.kind}${broken(path) ? ' tb-pe-box-broken' : ''}`} data-testid="diagram-step" data-key={step.key}>
        <span className="tb-pe-box-head">
          <span className="tb-pe-box-kind">{text.kind(step.kind)}</span>
          {step.sharePercent > 0 && (
            <span className="tb-pe-box-pct">
              <span className="tb-visually-hidden">{t('processEditor.fields.sharePercent')}：</span>
              {step.sharePercent}%
            </span>
          )}
        </span>
        <strong className="tb-pe-box-name">{step.name || t('processEditor.unnamed')}</strong>
        <span className="tb-pe-box-line">
          <UserOutlined aria-hidden />
          <span className="tb-visually-hidden">{t('processEditor.fields.role')}：</span>
          {text.role(step.role)}
        </span>
        <span className="tb-pe-box-line">
          <ApartmentOutlined aria-hidden />
          <span className="tb-visually-hidden">{t('processEditor.fields.departmentId')}：</span>
          {department(step.departmentId)}
        </span>
        <span className="tb-pe-box-time">
          {step.sharePercent === 0 ? t('processEditor.diagram.noTime') : (days ?? t('processEditor.diagram.percent', { percent: step.sharePercent }))}
        </span>
        {broken(path) && (
          <span className="tb-pe-box-problem">
            <ExclamationCircleFilled aria-hidden /> {t('processEditor.diagram.hasProblem')}
          </span>
        )}
      </div>
    );
  };

  return (
    <div className="tb-pe-diagram" data-testid={testId}>
      <div className="tb-pe-diagram-scroll" role="group" aria-label={label} tabIndex={0}>
        <ol className="tb-pe-flow">
          {definition.stages.map((stage, i) => (
            <li key={stage.type === 'step' ? stage.step.key : stage.key} className={`tb-pe-stage tb-pe-stage-${stage.type}`}>
              {i > 0 && <span className="tb-pe-arrow" aria-hidden />}
              <span className="tb-visually-hidden">{t('processEditor.diagram.stageN', { n: i + 1 })}</span>
              {stage.type === 'step' ? (
                box(stage.step, stepPath(i, null))
              ) : (
                <section
                  className={`tb-pe-block${broken(`stages.${i}.branches`) || broken(`stages.${i}.name`) ? ' tb-pe-box-broken' : ''}`}
                  data-testid="diagram-parallel"
                  aria-label={t('processEditor.diagram.parallelLabel', { name: stage.name, count: stage.branches.length })}
                >
                  <header className="tb-pe-block-head">
                    <span className="tb-pe-block-tag">{t('processEditor.diagram.parallel')}</span>
                    <strong>{stage.name || t('processEditor.unnamed')}</strong>
                    <span className="tb-pe-block-count">{t('processEditor.diagram.branchCount', { count: stage.branches.length })}</span>
                  </header>
                  <ul className="tb-pe-branches">
                    {stage.branches.map((b, j) => (
                      <li key={b.key} className="tb-pe-branch">
                        <div className="tb-pe-branch-inner">{box(b, stepPath(i, j))}</div>
                      </li>
                    ))}
                  </ul>
                  <footer className="tb-pe-block-foot" data-testid="diagram-join">
                    <MergeOutlined aria-hidden className="tb-pe-join-mark" />
                    {t('processEditor.diagram.join', { rule: text.join(stage.join) })}
                  </footer>
                </section>
              )}
            </li>
          ))}
        </ol>
      </div>
    </div>
  );
}

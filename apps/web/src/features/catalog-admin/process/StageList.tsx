import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { TimeLimit } from '@tongban/contracts';
import { Alert, Button, Form, Input, InputNumber, Popconfirm, Radio, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { DepartmentSelect } from '../../org/DepartmentSelect.tsx';
import {
  fieldId,
  joinRules,
  MAX_BRANCHES,
  MAX_NAME,
  moveStage,
  newStep,
  problemsAt,
  removeStage,
  replaceStage,
  stepKinds,
  stepPath,
  stepRoles,
  updateStep,
  type Definition,
  type Problem,
  type Stage,
  type Step,
} from './model.ts';
import { departmentIdsOf, useDepartmentNames, useProcessText } from './useProcessText.ts';

interface Props {
  definition: Definition;
  onChange: (next: Definition) => void;
  problems: readonly Problem[];
  limit: Pick<TimeLimit, 'value' | 'unit'> | null;
  ownDepartmentName: string | null;
}

/** Form.Item props that show the problems at a path beside the field. */
function useFieldState(problems: readonly Problem[]) {
  const text = useProcessText();
  return (path: string) => {
    const here = problemsAt(problems, path);
    return here.length
      ? { validateStatus: 'error' as const, help: <span data-testid="field-problem">{here.map((p) => text.message(p)).join('；')}</span> }
      : {};
  };
}

/** The fields of one step: name, kind (not in a parallel block: always 审查), role, department, share. */
function StepFields({
  step,
  path,
  inBlock,
  problems,
  limit,
  ownDepartmentName,
  departmentName,
  onChange,
}: {
  step: Step;
  path: string;
  inBlock: boolean;
  problems: readonly Problem[];
  limit: Pick<TimeLimit, 'value' | 'unit'> | null;
  ownDepartmentName: string | null;
  departmentName: string | undefined;
  onChange: (patch: Partial<Step>) => void;
}) {
  const { t } = useTranslation();
  const text = useProcessText();
  const state = useFieldState(problems);
  const days = text.amount(limit, step.sharePercent);
  const own = ownDepartmentName ? t('processEditor.ownDepartment', { name: ownDepartmentName }) : t('processEditor.ownDepartmentUnknown');
  return (
    <div className={`tb-pe-fields${inBlock ? ' tb-pe-fields-branch' : ''}`}>
      <Form.Item label={t('processEditor.fields.name')} htmlFor={fieldId(`${path}.name`)} {...state(`${path}.name`)} className="tb-pe-f-name">
        <Input id={fieldId(`${path}.name`)} value={step.name} maxLength={MAX_NAME} onChange={(e) => onChange({ name: e.target.value })} />
      </Form.Item>
      {!inBlock && (
        <Form.Item label={t('processEditor.fields.kind')} htmlFor={fieldId(`${path}.kind`)} {...state(`${path}.kind`)} className="tb-pe-f-kind">
          <Select
            id={fieldId(`${path}.kind`)}
            value={step.kind}
            options={stepKinds.map((k) => ({ value: k, label: text.kind(k) }))}
            onChange={(kind) => onChange({ kind })}
          />
        </Form.Item>
      )}
      <Form.Item label={t('processEditor.fields.role')} htmlFor={fieldId(`${path}.role`)} {...state(`${path}.role`)} className="tb-pe-f-role">
        <Select
          id={fieldId(`${path}.role`)}
          value={step.role}
          options={stepRoles.map((r) => ({ value: r, label: text.role(r) }))}
          onChange={(role) => onChange({ role })}
        />
      </Form.Item>
      <Form.Item
        label={t('processEditor.fields.departmentId')}
        htmlFor={fieldId(`${path}.departmentId`)}
        {...state(`${path}.departmentId`)}
        className="tb-pe-f-dept"
      >
        <DepartmentSelect
          id={fieldId(`${path}.departmentId`)}
          value={step.departmentId}
          initialLabel={departmentName ?? null}
          placeholder={own}
          onChange={(departmentId) => onChange({ departmentId })}
          className="tb-pe-dept-select"
        />
      </Form.Item>
      <Form.Item
        label={t('processEditor.fields.sharePercent')}
        htmlFor={fieldId(`${path}.sharePercent`)}
        {...state(`${path}.sharePercent`)}
        extra={
          problemsAt(problems, `${path}.sharePercent`).length > 0 ? undefined : step.sharePercent === 0 ? (
            <span data-testid="step-days">{t('processEditor.share.zero')}</span>
          ) : days ? (
            <span data-testid="step-days">{t('processEditor.share.means', { days })}</span>
          ) : undefined
        }
        className="tb-pe-f-share"
      >
        <InputNumber
          id={fieldId(`${path}.sharePercent`)}
          value={step.sharePercent}
          min={0}
          max={100}
          precision={0}
          suffix="%"
          className="tb-pe-share-input"
          onChange={(v) => onChange({ sharePercent: typeof v === 'number' ? v : 0 })}
        />
      </Form.Item>
    </div>
  );
}

/** The stages in order: move, remove, edit; a parallel block with its branches and join rule. */
export function StageList({ definition, onChange, problems, limit, ownDepartmentName }: Props) {
  const { t } = useTranslation();
  const text = useProcessText();
  const nameOf = useDepartmentNames(departmentIdsOf(definition));
  const state = useFieldState(problems);
  const { stages } = definition;

  const stageName = (s: Stage) => (s.type === 'step' ? s.step.name : s.name) || t('processEditor.unnamed');

  return (
    <Form layout="vertical" component={false}>
      <ol className="tb-pe-edit-list" data-testid="process-stage-editor">
        {stages.map((stage, i) => {
          const name = stageName(stage);
          const stageProblems = [...problemsAt(problems, `stages.${i}`), ...problemsAt(problems, `stages.${i}.key`)];
          return (
            <li
              key={stage.type === 'step' ? stage.step.key : stage.key}
              id={fieldId(`stages.${i}`)}
              tabIndex={-1}
              className={`tb-pe-edit-stage tb-pe-edit-${stage.type}`}
              data-testid="edit-stage"
            >
              <div className="tb-pe-edit-head">
                <h3 className="tb-pe-edit-title">
                  <span className="tb-pe-edit-n">{t('processEditor.stages.stageN', { n: i + 1 })}</span>
                  <span className="tb-pe-edit-kind">{stage.type === 'step' ? text.kind(stage.step.kind) : t('processEditor.diagram.parallel')}</span>
                  <span className="tb-pe-edit-name">{name}</span>
                </h3>
                <Space size={4} wrap>
                  <Button
                    size="small"
                    icon={<ArrowUpOutlined aria-hidden />}
                    aria-label={t('processEditor.stages.moveUp', { name })}
                    disabled={i === 0}
                    onClick={() => onChange(moveStage(definition, i, i - 1))}
                  />
                  <Button
                    size="small"
                    icon={<ArrowDownOutlined aria-hidden />}
                    aria-label={t('processEditor.stages.moveDown', { name })}
                    disabled={i === stages.length - 1}
                    onClick={() => onChange(moveStage(definition, i, i + 1))}
                  />
                  <Popconfirm
                    title={t('processEditor.stages.removeConfirm', { name })}
                    okText={t('common.delete')}
                    cancelText={t('common.cancel')}
                    okButtonProps={{ danger: true }}
                    onConfirm={() => onChange(removeStage(definition, i))}
                  >
                    <Button size="small" danger icon={<DeleteOutlined aria-hidden />} aria-label={t('processEditor.stages.remove', { name })} />
                  </Popconfirm>
                </Space>
              </div>
              {stageProblems.length > 0 && (
                <Alert type="error" showIcon className="tb-pe-stage-alert" title={stageProblems.map((p) => text.message(p)).join('；')} />
              )}
              {stage.type === 'step' ? (
                <StepFields
                  step={stage.step}
                  path={stepPath(i, null)}
                  inBlock={false}
                  problems={problems}
                  limit={limit}
                  ownDepartmentName={ownDepartmentName}
                  departmentName={stage.step.departmentId ? nameOf(stage.step.departmentId) : undefined}
                  onChange={(patch) => onChange(updateStep(definition, i, null, patch))}
                />
              ) : (
                <>
                  <div className="tb-pe-block-fields">
                    <Form.Item
                      label={t('processEditor.fields.blockName')}
                      htmlFor={fieldId(`stages.${i}.name`)}
                      {...state(`stages.${i}.name`)}
                      className="tb-pe-f-name"
                    >
                      <Input
                        id={fieldId(`stages.${i}.name`)}
                        value={stage.name}
                        maxLength={MAX_NAME}
                        onChange={(e) => onChange(replaceStage(definition, i, { ...stage, name: e.target.value }))}
                      />
                    </Form.Item>
                    <Form.Item label={t('processEditor.fields.join')} {...state(`stages.${i}.join`)}>
                      <Radio.Group
                        id={fieldId(`stages.${i}.join`)}
                        value={stage.join}
                        aria-label={t('processEditor.fields.join')}
                        onChange={(e) => onChange(replaceStage(definition, i, { ...stage, join: e.target.value as typeof stage.join }))}
                        options={joinRules.map((j) => ({ value: j, label: text.join(j) }))}
                      />
                    </Form.Item>
                  </div>
                  <p className="tb-muted tb-small tb-pe-block-help">{t('processEditor.stages.blockHelp')}</p>
                  <div id={fieldId(`stages.${i}.branches`)} tabIndex={-1}>
                    {problemsAt(problems, `stages.${i}.branches`).length > 0 && (
                      <Alert
                        type="error"
                        showIcon
                        className="tb-pe-stage-alert"
                        title={problemsAt(problems, `stages.${i}.branches`)
                          .map((p) => text.message(p))
                          .join('；')}
                      />
                    )}
                    <ol className="tb-pe-edit-branches">
                      {stage.branches.map((b, j) => (
                        <li key={b.key} className="tb-pe-edit-branch" data-testid="edit-branch">
                          <div className="tb-pe-edit-branch-head">
                            <span className="tb-pe-edit-n">{t('processEditor.stages.branchN', { n: j + 1 })}</span>
                            <Popconfirm
                              title={t('processEditor.stages.removeConfirm', { name: b.name || t('processEditor.unnamed') })}
                              okText={t('common.delete')}
                              cancelText={t('common.cancel')}
                              okButtonProps={{ danger: true }}
                              disabled={stage.branches.length <= 2}
                              onConfirm={() => onChange(replaceStage(definition, i, { ...stage, branches: stage.branches.filter((_b, k) => k !== j) }))}
                            >
                              <Button
                                size="small"
                                type="text"
                                danger
                                icon={<DeleteOutlined aria-hidden />}
                                disabled={stage.branches.length <= 2}
                                title={stage.branches.length <= 2 ? t('processEditor.stages.minBranches') : undefined}
                                aria-label={t('processEditor.stages.removeBranch', { name: b.name || t('processEditor.unnamed') })}
                              >
                                {t('common.delete')}
                              </Button>
                            </Popconfirm>
                          </div>
                          <StepFields
                            step={b}
                            path={stepPath(i, j)}
                            inBlock
                            problems={problems}
                            limit={limit}
                            ownDepartmentName={ownDepartmentName}
                            departmentName={b.departmentId ? nameOf(b.departmentId) : undefined}
                            onChange={(patch) => onChange(updateStep(definition, i, j, patch))}
                          />
                        </li>
                      ))}
                    </ol>
                  </div>
                  <Button
                    icon={<PlusOutlined aria-hidden />}
                    disabled={stage.branches.length >= MAX_BRANCHES}
                    onClick={() =>
                      onChange(
                        replaceStage(definition, i, {
                          ...stage,
                          branches: [...stage.branches, newStep(definition, 'review', t('processEditor.stages.newBranchName'), 0, null, 'branch')],
                        }),
                      )
                    }
                    data-testid="add-branch"
                  >
                    {t('processEditor.stages.addBranch')}
                  </Button>
                </>
              )}
            </li>
          );
        })}
      </ol>
    </Form>
  );
}

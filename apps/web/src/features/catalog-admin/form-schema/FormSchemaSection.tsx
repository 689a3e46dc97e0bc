import { FormatPainterOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Col, Form, Input, Row, Space, Spin, type FormInstance } from 'antd';
import type { TextAreaRef } from 'antd/es/input/TextArea';
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRules } from '../editor/useRules.ts';
import type { EditorValues } from '../editor/values.ts';
import { formatSchema } from './formatSchema.ts';
import { parseFormSchema, type JsonObject, type SchemaProblem } from './parseSchema.ts';
import { insertSnippet, snippetKinds } from './snippets.ts';

const FormPreview = lazy(() => import('./FormPreview.tsx'));

/** Offset of a 1-based line and column in a text. */
function offsetOf(text: string, line: number, column: number): number {
  const lines = text.split('\n');
  let offset = 0;
  for (let i = 0; i < Math.min(line - 1, lines.length); i += 1) offset += (lines[i]?.length ?? 0) + 1;
  return offset + column - 1;
}

/** The typed text, a little after the last keystroke. */
function useSettled(text: string, ms = 300): string {
  const [settled, setSettled] = useState(text);
  useEffect(() => {
    const timer = window.setTimeout(() => setSettled(text), ms);
    return () => window.clearTimeout(timer);
  }, [text, ms]);
  return settled;
}

/** 申请表单: the JSON Schema beside a live preview of the form the applicant will fill in (rendered while the tab shows). */
export function FormSchemaSection({ form, showPreview }: { form: FormInstance<EditorValues>; showPreview: boolean }) {
  const { t } = useTranslation();
  const rules = useRules();
  const textRef = useRef<TextAreaRef>(null);
  const text = Form.useWatch('formSchemaText', form) ?? '';
  const settled = useSettled(text);
  const [lastGood, setLastGood] = useState<{ schema: JsonObject; version: number } | null>(null);
  const [problem, setProblem] = useState<SchemaProblem | null>(null);
  const [insertFailed, setInsertFailed] = useState(false);

  useEffect(() => {
    const result = parseFormSchema(settled);
    if (result.ok) {
      setProblem(null);
      setLastGood((prev) => ({ schema: result.schema, version: (prev?.version ?? 0) + 1 }));
    } else {
      setProblem(result.problem);
    }
  }, [settled]);

  const setText = (next: string) => {
    form.setFieldValue('formSchemaText', next);
    void form.validateFields(['formSchemaText']).catch(() => undefined);
  };

  const goToProblem = () => {
    const area = textRef.current?.resizableTextArea?.textArea;
    if (!area || !problem?.line || !problem.column) return;
    const at = offsetOf(area.value, problem.line, problem.column);
    area.focus();
    area.setSelectionRange(at, Math.min(at + 1, area.value.length));
  };

  return (
    <Row gutter={[24, 16]}>
      <Col xs={24} xl={12}>
        <div className="tb-ca-snippets" role="group" aria-label={t('catalogAdmin.form.snippets')}>
          <span className="tb-muted">{t('catalogAdmin.form.snippets')}</span>
          <Space wrap size={[6, 6]}>
            {snippetKinds.map((kind) => (
              <Button
                key={kind}
                size="small"
                icon={<PlusOutlined aria-hidden />}
                data-testid={`snippet-${kind}`}
                onClick={() => {
                  const next = insertSnippet(form.getFieldValue('formSchemaText') as string, kind, t);
                  setInsertFailed(next === null);
                  if (next !== null) setText(next);
                }}
              >
                {t(`catalogAdmin.form.snippetNames.${kind}`)}
              </Button>
            ))}
            <Button
              size="small"
              icon={<FormatPainterOutlined aria-hidden />}
              disabled={problem?.key === 'catalogAdmin.form.problems.json'}
              onClick={() => {
                try {
                  setText(formatSchema(JSON.parse(form.getFieldValue('formSchemaText') as string)));
                } catch {
                  // The JSON error is shown under the text already.
                }
              }}
            >
              {t('catalogAdmin.form.format')}
            </Button>
          </Space>
        </div>
        {insertFailed && <Alert className="tb-mb" type="warning" showIcon title={t('catalogAdmin.form.insertFailed')} />}
        <Form.Item name="formSchemaText" label={t('catalogAdmin.fields.formSchemaText')} extra={t('catalogAdmin.form.help')} rules={[rules.formSchema()]}>
          <Input.TextArea ref={textRef} className="tb-ca-code" autoSize={{ minRows: 16, maxRows: 36 }} spellCheck={false} data-testid="form-schema-text" />
        </Form.Item>
        {problem?.line && (
          <Button type="link" size="small" onClick={goToProblem}>
            {t('catalogAdmin.form.goToLine', { line: problem.line })}
          </Button>
        )}
      </Col>
      <Col xs={24} xl={12}>
        <section className="tb-ca-preview" aria-labelledby="form-preview-h" data-testid="form-preview">
          <h3 id="form-preview-h">{t('catalogAdmin.form.preview')}</h3>
          <p className="tb-muted tb-small">{t('catalogAdmin.form.previewHelp')}</p>
          {problem && lastGood && <Alert className="tb-mb" type="warning" showIcon title={t('catalogAdmin.form.previewStale')} />}
          {!showPreview ? null : lastGood ? (
            <Suspense fallback={<Spin />}>
              <FormPreview schema={lastGood.schema} version={lastGood.version} />
            </Suspense>
          ) : (
            <p className="tb-muted">{t('catalogAdmin.form.previewNone')}</p>
          )}
        </section>
      </Col>
    </Row>
  );
}

/**
 * The one error catalogue. Every error the API returns has a code from this table,
 * an HTTP status and a message in each supported language.
 * Wire shape: `{ error: CODE, message, details, requestId }`.
 */
import { z } from 'zod';
import type { Language } from './i18n.ts';

export const errorCatalogue = {
  VALIDATION_FAILED: { status: 400, zh: '提交的内容有误，请按提示修改后重试', en: 'Some fields are invalid: correct them and try again' },
  BAD_REQUEST: { status: 400, zh: '请求格式不正确', en: 'The request is malformed' },
  UNAUTHENTICATED: { status: 401, zh: '请先登录', en: 'Please log in first' },
  INVALID_CREDENTIALS: { status: 401, zh: '账号或密码错误', en: 'Wrong account or password' },
  INVALID_CLIENT: { status: 401, zh: '接入系统的凭证无效或已过期', en: 'The client credentials or access token are invalid or expired' },
  INSUFFICIENT_SCOPE: { status: 403, zh: '接入系统未获授权访问该数据', en: 'The client is not granted the scope this data needs' },
  CSRF_FAILED: { status: 403, zh: '页面已过期，请刷新后重试', en: 'The page has expired: reload it and try again' },
  FORBIDDEN: { status: 403, zh: '您没有权限执行此操作', en: 'You are not allowed to do this' },
  ACCOUNT_DISABLED: { status: 403, zh: '账号已停用，请联系管理员', en: 'This account is disabled: contact an administrator' },
  NOT_FOUND: { status: 404, zh: '要找的内容不存在', en: 'Not found' },
  ROUTE_NOT_FOUND: { status: 404, zh: '接口不存在', en: 'No such API route' },
  INVALID_STATE: { status: 409, zh: '当前状态下不能执行此操作，请刷新后查看最新状态', en: 'This cannot be done in the current state: reload to see it' },
  CONFLICT: { status: 409, zh: '数据已被他人修改，请刷新后重试', en: 'Someone else changed this first: reload and try again' },
  ALREADY_EXISTS: { status: 409, zh: '该记录已存在', en: 'This record already exists' },
  HAS_DEPENDENTS: { status: 409, zh: '该记录仍被其他数据引用，无法删除', en: 'Other records still refer to this one, so it cannot be deleted' },
  CALENDAR_YEAR_EXISTS: {
    status: 409,
    zh: '该年度的放假安排已存在：请在年度列表中打开它进行修改',
    en: 'A schedule for this year already exists: open it from the list of years to change it',
  },
  CALENDAR_YEAR_PUBLISHED: {
    status: 409,
    zh: '该年度的放假安排已发布，不能再修改；如需地方调整，请添加地区调整',
    en: 'This year’s schedule is published and can no longer be changed; add a regional adjustment for local changes',
  },
  CALENDAR_ADJUSTMENT_EXISTS: {
    status: 409,
    zh: '该地区在这一天已有调整：如需更改，请先删除原有调整',
    en: 'This region already has an adjustment on that day: remove it first to change it',
  },
  PAYLOAD_TOO_LARGE: { status: 413, zh: '提交的内容过大', en: 'The request is too large' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, zh: '不支持的内容类型', en: 'Unsupported content type' },
  FILE_TOO_LARGE: {
    status: 413,
    zh: '文件超过8 MB，无法导入：请把事项分到几个文件中分批导入',
    en: 'The file is larger than 8 MB: split the items into several files and import them one by one',
  },
  SPREADSHEET_UNREADABLE: {
    status: 400,
    zh: '无法读取该文件：请上传用 Excel 或 WPS 保存的 .xlsx 工作簿（不支持 .xls、.csv 或损坏的文件）',
    en: 'The file cannot be read: upload an .xlsx workbook saved by Excel or WPS (not .xls, .csv or a damaged file)',
  },
  SPREADSHEET_TEMPLATE_MISMATCH: {
    status: 400,
    zh: '文件不符合导入模板：缺少工作表或列，或有无法识别的列。请下载最新模板，按模板填写',
    en: 'The file does not follow the import template (missing sheets or columns, or unknown columns): download the template and use it',
  },
  RULES_BROKEN: {
    status: 422,
    zh: '事项不符合发布规则，请按列出的每一条修改后再发布',
    en: 'The item breaks publishing rules: fix each one listed, then publish again',
  },
  PROCESS_RULES_BROKEN: {
    status: 422,
    zh: '办理流程不符合规则，请按列出的每一条修改后再保存',
    en: 'The process definition breaks its rules: fix each one listed, then save again',
  },
  ACCOUNT_LOCKED: { status: 423, zh: '登录失败次数过多，账号已临时锁定，请稍后再试', en: 'Too many failed logins: the account is locked for a while' },
  RATE_LIMITED: { status: 429, zh: '操作过于频繁，请稍后再试', en: 'Too many requests: try again later' },
  UPLOAD_TYPE_NOT_ALLOWED: {
    status: 400,
    zh: '只能上传 PDF、JPG、PNG 或 OFD 格式的文件：这个文件的内容不是其中任何一种（改文件扩展名没有用，请用扫描或导出功能另存为这些格式）',
    en: 'Only PDF, JPEG, PNG or OFD files can be uploaded, and this file’s content is none of them (renaming it does not help: save or scan it in one of these formats)',
  },
  UPLOAD_TOO_LARGE: {
    status: 413,
    zh: '文件太大，超过了单个文件的大小上限：请压缩图片、降低扫描分辨率，或拆分成几个文件后上传',
    en: 'The file is larger than the limit for one file: compress it, scan at a lower resolution, or split it into several files',
  },
  UPLOAD_QUOTA_EXCEEDED: {
    status: 429,
    zh: '24小时内上传的文件数量已达上限，请稍后再试；如有急事请联系办事窗口',
    en: 'You have uploaded as many files as allowed in 24 hours: try again later, or contact a service window if it is urgent',
  },
  DRAFT_LIMIT_REACHED: {
    status: 409,
    zh: '草稿数量已达上限（50件）：请先提交或删除不需要的草稿，再开始新的申请',
    en: 'You have the maximum of 50 drafts: submit or delete some before starting a new application',
  },
  INTERNAL: {
    status: 500,
    zh: '系统内部错误，请稍后重试；如持续出现请联系管理员并提供请求编号',
    en: 'Internal error: try again later, and quote the request id if it persists',
  },
  SERVICE_UNAVAILABLE: { status: 503, zh: '服务暂不可用，请稍后再试', en: 'The service is temporarily unavailable' },
} as const satisfies Record<string, { status: number; zh: string; en: string }>;

export type ErrorCode = keyof typeof errorCatalogue;
export const errorCodes = Object.keys(errorCatalogue) as [ErrorCode, ...ErrorCode[]];

export function errorMessage(code: ErrorCode, lang: Language): string {
  return errorCatalogue[code][lang === 'en' ? 'en' : 'zh'];
}

/** One problem with one field of the input. `path` is the dotted field path. */
export const fieldIssueSchema = z.object({
  path: z.string(),
  code: z.string(),
  message: z.string(),
});
export type FieldIssue = z.infer<typeof fieldIssueSchema>;

export const errorBodySchema = z
  .object({
    error: z.enum(errorCodes),
    message: z.string(),
    details: z.unknown().optional(),
    requestId: z.string(),
  })
  .meta({ id: 'Error' });
export type ErrorBody = z.infer<typeof errorBodySchema>;

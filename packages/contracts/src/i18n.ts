/** Languages the platform speaks. zh-CN is the default. */
export const languages = ['zh-CN', 'en'] as const;
export type Language = 'zh' | 'en';

/** Picks the response language from an Accept-Language header or a stored preference. */
export function pickLanguage(header: string | undefined | null): Language {
  if (!header) return 'zh';
  const first = header.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'zh';
}

/**
 * Messages for field-level validation problems, keyed by the message key that a contract's
 * refinement raises. Keys not found here fall back to a generic message per issue code.
 */
export const fieldMessages = {
  'residentId.length': { zh: '请输入18位身份证号码，最后一位可以是X', en: 'Enter the 18-character resident ID number (the last may be X)' },
  'residentId.charset': { zh: '身份证号码只能包含数字，最后一位可以是X', en: 'A resident ID number has only digits, the last may be X' },
  'residentId.region': { zh: '身份证号码前两位不是有效的省级行政区划代码', en: 'The first two digits are not a valid province code' },
  'residentId.birthDate': { zh: '身份证号码中的出生日期无效', en: 'The birth date inside the ID number is not valid' },
  'residentId.checksum': { zh: '身份证号码校验位不正确，请核对后重新输入', en: 'The check digit does not match: check the number' },
  'creditCode.length': { zh: '请输入18位统一社会信用代码', en: 'Enter the 18-character unified social credit code' },
  'creditCode.charset': { zh: '统一社会信用代码只能包含数字和大写字母（不含I、O、Z、S、V）', en: 'Only digits and capital letters except I, O, Z, S, V' },
  'creditCode.authority': { zh: '统一社会信用代码第一位（登记管理部门）无效', en: 'The first character (registration authority) is not valid' },
  'creditCode.region': { zh: '统一社会信用代码中的行政区划代码无效', en: 'The region code inside the credit code is not valid' },
  'creditCode.orgCodeChecksum': { zh: '统一社会信用代码中的组织机构代码校验位不正确', en: 'The embedded organisation code check is wrong' },
  'creditCode.checksum': { zh: '统一社会信用代码校验位不正确，请核对后重新输入', en: 'The check character does not match: check the code' },
  'phone.format': { zh: '请输入11位手机号码', en: 'Enter an 11-digit mobile number' },
  'password.weak': { zh: '密码至少8位，且须同时包含字母和数字', en: 'At least 8 characters, with letters and digits' },
  'username.format': { zh: '账号为4至32位字母、数字、下划线或点', en: '4 to 32 letters, digits, underscores or dots' },
  'region.code': { zh: '行政区划代码应为6位、9位或12位数字', en: 'A region code has 6, 9 or 12 digits' },
  'region.parent': { zh: '上级行政区划与代码不匹配', en: 'The parent region does not match the code' },
  'ref.notFound': { zh: '所选的记录不存在，请重新选择', en: 'The selected record does not exist: choose again' },
  'scope.outsideDepartment': { zh: '数据范围须在所属部门的行政区划之内', en: 'The data scope must lie inside the department’s region' },
  'password.current': { zh: '当前密码不正确', en: 'The current password is wrong' },
  'generic.required': { zh: '此项为必填项', en: 'This field is required' },
  'generic.invalid_type': { zh: '格式不正确', en: 'Wrong type' },
  'generic.too_small': { zh: '内容太短或数值太小', en: 'Too short or too small' },
  'generic.too_big': { zh: '内容太长或数值太大', en: 'Too long or too large' },
  'generic.invalid_format': { zh: '格式不正确', en: 'Wrong format' },
  'generic.invalid_value': { zh: '不是允许的取值', en: 'Not an allowed value' },
  'generic.unrecognized_keys': { zh: '包含无法识别的字段', en: 'Contains unknown fields' },
  'generic.invalid': { zh: '内容无效', en: 'Invalid value' },
} as const;
export type FieldMessageKey = keyof typeof fieldMessages;

export function fieldMessage(key: string, lang: Language): string | undefined {
  const entry = (fieldMessages as Record<string, { zh: string; en: string }>)[key];
  return entry ? entry[lang] : undefined;
}

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
  'date.format': { zh: '请输入有效的日期，格式为 YYYY-MM-DD（如 2025-10-01）', en: 'Enter a real date as YYYY-MM-DD (for example 2025-10-01)' },
  'calendar.dateRange': { zh: '日期须在2000年至2099年之间', en: 'The date must lie between 2000 and 2099' },
  'calendar.year': { zh: '年度应为2000至2099之间的四位数字', en: 'The year must be a four-digit number from 2000 to 2099' },
  'calendar.workingDays': { zh: '工作日数应为0至1000之间的整数', en: 'The number of working days must be a whole number from 0 to 1000' },
  'calendar.invalidDate': { zh: '不是有效的日期', en: 'Not a real date' },
  'calendar.outsideYear': {
    zh: '日期不属于该年度：只能是该年的日期，或上一年12月中由本年通知调整的日期',
    en: 'The date is outside the year: only dates of that year, or of the December before that its notice arranges',
  },
  'calendar.makeUpOnWeekday': {
    zh: '调休上班日只能是周六或周日（周一至周五本来就是工作日）',
    en: 'A make-up working day must be a Saturday or Sunday (weekdays are working days anyway)',
  },
  'calendar.duplicateDate': { zh: '同一日期在本年度安排中只能出现一次', en: 'Each date may appear only once in the year’s schedule' },
  'calendar.noEffect': {
    zh: '这项调整不会改变该地区的日历：这一天在该地区本来就是所选的类型',
    en: 'This adjustment changes nothing: the day already has that kind in this region',
  },
  'scope.outsideDepartment': { zh: '数据范围须在所属部门的行政区划之内', en: 'The data scope must lie inside the department’s region' },
  'password.current': { zh: '当前密码不正确', en: 'The current password is wrong' },
  'sharing.scope': {
    zh: '授权范围无效：只能是 licence.verify、licence.read:<证照类型代码>、subject.org.read 或 subject.person.verify',
    en: 'Not a valid scope: licence.verify, licence.read:<TYPE_KEY>, subject.org.read or subject.person.verify',
  },
  'sharing.dateRange': { zh: '结束日期不能早于开始日期', en: 'The end date cannot be before the start date' },
  'licences.legalBasisRequired': { zh: '暂扣和吊销须写明法律依据', en: 'Suspension and penalty revocation need their legal basis' },
  'subjects.kindMismatch': {
    zh: '该统一社会信用代码表明的主体类别与所选类别不一致（第1、2位：登记管理部门和机构类别）',
    en: 'The credit code states another kind of organisation than the one chosen (characters 1–2: registrar and category)',
  },
  'subjects.purpose': {
    zh: '请填写查询事由（至少2个字），查询将记入审计日志',
    en: 'State why you look this up (at least 2 characters): the look-up is audited',
  },
  'subjects.query': { zh: '请输入身份证号码、统一社会信用代码或至少2个字的名称', en: 'Enter an ID number, a credit code or at least 2 characters of a name' },
  'catalog.formSchemaInvalid': {
    zh: '申请表单不是有效的 JSON Schema（2020-12 版）对象，请按提示位置修改',
    en: 'The application form is not a valid JSON Schema (2020-12) object: fix it at the indicated place',
  },
  'catalog.baseCodeForImplCode': {
    zh: '自动生成实施编码需要12位基本编码（数字和大写字母）；导入的编码请直接填写实施编码',
    en: 'Building the implementation code needs a 12-character base code; for an imported code, give the implementation code itself',
  },
  'catalog.rule.immediate-case-type': {
    zh: '承诺时限为"即办"时，办件类型必须是即办件；即办件的承诺时限必须是"即办"',
    en: 'An immediate promised limit goes with the immediate case type (即办件), and the other way round',
  },
  'catalog.rule.visits-reason': {
    zh: '到办事现场次数不为0时，须填写必须现场办理的原因',
    en: 'When visits are needed, say why the applicant must come in person',
  },
  'catalog.rule.zero-visits-delivery': { zh: '零跑动且不支持网办的事项，须支持物流快递送达', en: 'Zero visits without online handling needs express delivery' },
  'catalog.rule.depth-iv-zero-visits': { zh: '网上办理深度为全程网办（Ⅳ级）时，到办事现场次数必须为0', en: 'Fully online (level IV) means zero visits' },
  'catalog.rule.online-depth-channel': {
    zh: '支持网上办理的事项，网上办理深度须达到Ⅲ级或Ⅳ级；反之亦然',
    en: 'Online handling and an online depth of level III or IV go together',
  },
  'catalog.rule.fee-basis': { zh: '收费事项须列明收费项目、收费标准和收费依据', en: 'A charged item lists each fee with its standard and legal basis' },
  'catalog.rule.no-fee-no-payment': { zh: '不收费的事项不能设置网上支付', en: 'An item without fees cannot offer online payment' },
  'catalog.rule.promised-within-legal': { zh: '承诺办结时限不能超过法定办结时限', en: 'The promised time limit cannot exceed the legal one' },
  'catalog.rule.phones-differ': {
    zh: '须填写咨询电话和监督投诉电话，且两者不能相同',
    en: 'Give both a consultation and a supervision phone, and make them different',
  },
  'catalog.rule.themes-match-objects': {
    zh: '服务对象与主题分类不一致：面向自然人须有自然人主题，面向法人须有法人主题',
    en: 'Service objects and themes must match (person themes for citizens, business themes for organisations)',
  },
  'catalog.rule.licensing-faq': { zh: '行政许可事项至少要有一条常见问题', en: 'A licensing item needs at least one FAQ' },
  'catalog.rule.licensing-procedure': {
    zh: '行政许可事项的办理流程须包含受理、审查、决定、送达环节',
    en: 'A licensing item’s procedure needs the steps accept, review, decide and deliver',
  },
  'catalog.rule.result-sample': { zh: '有审批结果的事项须上传结果样本', en: 'An item with a result needs a result sample' },
  'catalog.rule.licence-material-type': { zh: '来源为电子证照库的材料须指定证照类型', en: 'A material taken from the licence library needs its licence type' },
  'catalog.rule.material-keys-unique': { zh: '材料编号不能重复', en: 'Material keys must be unique' },
  'catalog.rule.has-materials': { zh: '至少要列出一项申请材料', en: 'List at least one material' },
  'catalog.rule.name-and-basis': { zh: '事项名称和设定依据不能为空', en: 'The item needs a name and a legal basis' },
  'catalogExcel.sheetMissing': { zh: '缺少这个工作表', en: 'This sheet is missing' },
  'catalogExcel.columnMissing': { zh: '工作表缺少这一列', en: 'The sheet lacks this column' },
  'catalogExcel.columnUnknown': { zh: '无法识别的列（第2行的列键不在模板中）', en: 'Unknown column (its key in row 2 is not in the template)' },
  'catalogExcel.columnDuplicate': { zh: '这一列出现了两次', en: 'This column appears twice' },
  'catalogExcel.noItems': { zh: '“事项”工作表中没有任何事项', en: 'The items sheet (事项) has no items' },
  'catalogExcel.required': { zh: '此项为必填项', en: 'This cell is required' },
  'catalogExcel.choice': { zh: '不是允许的取值，请从下拉列表中选择', en: 'Not an allowed value: pick one from the drop-down list' },
  'catalogExcel.choices': {
    zh: '含有不允许的取值，请填写代码表中的代码，多个值用分号分隔',
    en: 'Contains a value that is not allowed: use codes from the code sheet (代码表), separated by semicolons',
  },
  'catalogExcel.integer': { zh: '请填写不小于0的整数', en: 'Enter a whole number (0 or more)' },
  'catalogExcel.boolean': { zh: '请填写“是”或“否”', en: 'Enter 是 (yes) or 否 (no)' },
  'catalogExcel.json': { zh: '不是有效的 JSON 对象', en: 'Not a valid JSON object' },
  'catalogExcel.formSchema': {
    zh: '申请表单不是有效的 JSON Schema（2020-12 版）',
    en: 'The application form is not a valid JSON Schema (draft 2020-12)',
  },
  'catalogExcel.cellType': { zh: '单元格内容无法识别（公式出错或为图片等）', en: 'The cell content cannot be read (a formula error, an image…)' },
  'catalogExcel.implCodeFormat': {
    zh: '实施编码应为10至50位数字、大写字母或连字符',
    en: 'An implementation code has 10 to 50 digits, capital letters or hyphens',
  },
  'catalogExcel.implCodeCheck': {
    zh: '31位实施编码的前18位须是有效的统一社会信用代码，第19位须是行使层级代码1至7',
    en: 'In a 31-character implementation code, the first 18 must be a valid credit code and the 19th a level code 1-7',
  },
  'catalogExcel.implCodeDepartment': {
    zh: '实施编码中的统一社会信用代码与实施主体的不一致',
    en: 'The credit code inside the implementation code is not the implementing department’s',
  },
  'catalogExcel.implCodeDuplicate': {
    zh: '这个实施编码在“事项”工作表中出现了不止一次',
    en: 'This implementation code appears more than once on the items sheet',
  },
  'catalogExcel.unknownItem': {
    zh: '“事项”工作表中没有这个实施编码的事项',
    en: 'No item with this implementation code on the items sheet (事项)',
  },
  'catalogExcel.departmentNotFound': {
    zh: '找不到这个统一社会信用代码对应的部门',
    en: 'No department has this unified social credit code',
  },
  'catalogExcel.outsideScope': {
    zh: '您不能导入这个部门的事项：部门管理员只能导入本部门的事项，中心管理员只能导入本辖区的事项',
    en: 'You may not import items of this department: a department admin imports only their own, a centre admin only their region’s',
  },
  'catalogExcel.departmentChanged': {
    zh: '已有事项的实施主体不能通过导入更改',
    en: 'The implementing department of an existing item cannot be changed by an import',
  },
  'catalogExcel.levelChanged': {
    zh: '已有事项的行使层级（实施主体）不能通过导入更改',
    en: 'The level of an existing item cannot be changed by an import',
  },
  'catalogExcel.retired': {
    zh: '这个事项已停用，不能通过导入修改（实施编码不能重复使用）',
    en: 'This item is retired and cannot be changed by an import (codes are never reused)',
  },
  'catalogExcel.baseCode': { zh: '基本编码为1至12位数字或大写字母', en: 'A base code has 1 to 12 digits or capital letters' },
  'catalogExcel.materialKey': {
    zh: '材料编号只能包含小写字母、数字、下划线和连字符，不超过40位',
    en: 'A material key has up to 40 lower-case letters, digits, underscores or hyphens',
  },
  'process.rule.too-short': { zh: '办理流程至少包括受理、决定、送达三个环节', en: 'A process needs at least accept, decide and deliver' },
  'process.rule.first-accept': { zh: '第一个环节必须是受理', en: 'The first stage must be the acceptance (受理)' },
  'process.rule.last-deliver': { zh: '最后一个环节必须是送达', en: 'The last stage must be the delivery (送达)' },
  'process.rule.one-decide': { zh: '办理流程必须有且只有一个决定环节', en: 'A process has exactly one decision step' },
  'process.rule.decide-before-deliver': { zh: '决定环节必须紧接在送达之前', en: 'The decision comes right before the delivery' },
  'process.rule.key-format': {
    zh: '环节编号以小写字母开头，只含小写字母、数字和下划线，不超过40位',
    en: 'A step key starts with a lower-case letter and has up to 40 lower-case letters, digits or underscores',
  },
  'process.rule.key-unique': { zh: '环节编号不能重复', en: 'Step keys must be unique' },
  'process.rule.share-range': { zh: '环节时限占比应为0至100之间的整数', en: 'A step’s share of the time limit is a whole number from 0 to 100' },
  'process.rule.share-total': {
    zh: '各环节时限占比之和不能超过100%（并联环节按其中最大者计）',
    en: 'The shares add up to more than 100% (a parallel block counts its largest)',
  },
  'process.rule.parallel-branches': { zh: '并联审批至少要有两个部门的环节', en: 'A parallel block needs steps of at least two departments' },
  'process.rule.parallel-departments': { zh: '并联审批中每个部门只能有一个环节', en: 'Each department has one step in a parallel block' },
  'process.rule.parallel-kind': { zh: '并联审批中的环节只能是审查环节', en: 'The steps of a parallel block are review steps' },
  'process.rule.role': { zh: '该角色不能办理环节', en: 'This role cannot act on a step' },
  'cases.formField': { zh: '不符合申请表的填写要求', en: 'Does not meet the application form’s rules' },
  'cases.unknownMaterial': { zh: '该事项没有这项材料', en: 'The item has no such material' },
  'cases.materialTwice': { zh: '同一项材料只能列一次', en: 'List each material once' },
  'cases.notDeferrable': { zh: '这项材料不能容缺后补', en: 'This material cannot be supplied later (容缺)' },
  'cases.noCommitment': { zh: '这项材料不能以告知承诺代替', en: 'A signed commitment cannot replace this material' },
  'cases.notFromLibrary': { zh: '这项材料不能从电子证照库调取', en: 'This material is not taken from the licence library' },
  'cases.materialMissing': {
    zh: '必要材料缺失：请申请人补正，或按容缺、告知承诺办理',
    en: 'A required material is missing: ask for a supplement, or accept it as deferred or committed',
  },
  'cases.notRequested': { zh: '补正通知中没有要求这项材料', en: 'The supplement notice did not ask for this material' },
  'cases.supplementIncomplete': { zh: '补正通知要求的这项材料仍未提供', en: 'This material asked for in the supplement notice is still missing' },
  'cases.idempotencyKey': {
    zh: '请提供8至100位的幂等键（Idempotency-Key 请求头或 idempotencyKey 字段，两处须一致）',
    en: 'Give an idempotency key of 8 to 100 characters (the Idempotency-Key header or idempotencyKey, the same in both)',
  },
  'cases.onBehalfOfRequired': { zh: '窗口代录或代办申请须填写申请人信息', en: 'A window or agent application names the applicant' },
  'cases.onBehalfOfNotAllowed': { zh: '本人申请不能填写其他申请人', en: 'Applying yourself, you cannot name another applicant' },
  'cases.authorisationRequired': { zh: '代办申请须登记申请人的授权委托', en: 'An agent application records the applicant’s authorisation' },
  'cases.authorisationExpired': { zh: '授权委托已过期', en: 'The authorisation has expired' },
  'cases.channel': { zh: '该身份不能使用这种申请渠道', en: 'This channel is not open to you' },
  'cases.stepKind': {
    zh: '决定和送达环节请使用"作出决定"和"送达"操作',
    en: 'Decision and delivery steps are completed by deciding and delivering',
  },
  'cases.refuseOnlyParallel': {
    zh: '只有并联审批中的部门可以出具不同意意见；单独审查环节请退回或提出审查意见后通过',
    en: 'Only a department of a parallel block refuses; in a single review step, return the case or pass it with your opinion',
  },
  'cases.returnTo': { zh: '只能退回到之前已经办理过的审查环节', en: 'Return only to an earlier review step' },
  'cases.returnToMissing': { zh: '退回时须选择退回到哪个环节', en: 'Choose the step to return to' },
  'cases.notMissingDeferred': { zh: '这项材料不是待补交的容缺材料', en: 'This material is not a deferred one still missing' },
  'cases.trackingNo': { zh: '邮寄送达须填写快递单号', en: 'Delivery by post needs the tracking number' },
  'caseDocuments.notYet.refusal': { zh: '该办件未被不予受理，没有不予受理决定书', en: 'The case was not refused, so there is no refusal decision' },
  'caseDocuments.notYet.supplement-notice': {
    zh: '该办件没有发出过补正通知，没有一次性告知书',
    en: 'No supplement was asked for on this case, so there is no one-time notice',
  },
  'caseDocuments.notYet.decision': {
    zh: '该办件尚未作出决定，决定书在作出决定后才能下载',
    en: 'The case is not decided yet: the decision document exists once it is',
  },
  'files.notYours': { zh: '找不到这个文件，或它不是您本人上传的：请重新上传', en: 'This file cannot be found or was not uploaded by you: upload it again' },
  'files.uploadNeeded': { zh: '请为这项材料上传至少一个文件', en: 'Upload at least one file for this material' },
  'files.onlyForUpload': { zh: '只有选择“上传”提交的材料才能附带文件', en: 'Only a material provided by upload carries files' },
  'files.twice': { zh: '同一个文件在这项材料中只能出现一次', en: 'Each file may appear only once in a material' },
  'drafts.notFound': { zh: '草稿不存在或已经提交', en: 'The draft does not exist or has already been submitted' },
  'drafts.keyMismatch': {
    zh: '幂等键与草稿的不一致：提交草稿时请使用草稿的幂等键',
    en: 'The idempotency key is not the draft’s: submit a draft with its own key',
  },
  'drafts.otherItem': { zh: '草稿属于另一个事项', en: 'The draft belongs to another item' },
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

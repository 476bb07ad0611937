import type { ErrorCode } from '../../domain/errors.ts';
import type { Locale } from '../../contract/common.ts';

/** The message of every error code, in each language of the interface. `{name}` is filled from the error's params. */
export const errorMessages: Record<ErrorCode, Record<Locale, string>> = {
  VALIDATION_FAILED: {
    'zh-CN': '提交的数据不符合要求',
    'zh-TW': '提交的資料不符合要求',
    en: 'The submitted data is not valid',
  },
  MALFORMED_JSON: {
    'zh-CN': '请求内容不是有效的 JSON',
    'zh-TW': '請求內容不是有效的 JSON',
    en: 'The request body is not valid JSON',
  },
  BAD_REQUEST: { 'zh-CN': '请求无效', 'zh-TW': '請求無效', en: 'The request is not valid' },
  PASSWORD_TOO_WEAK: {
    'zh-CN': '密码须包含大写字母、小写字母、数字、符号中的至少 {minClasses} 类',
    'zh-TW': '密碼須包含大寫字母、小寫字母、數字、符號中的至少 {minClasses} 類',
    en: 'The password needs characters from at least {minClasses} of: upper case, lower case, digits, symbols',
  },
  PASSWORD_TOO_SHORT: {
    'zh-CN': '密码至少 {minLength} 个字符；一句好记的话比复杂的短密码更安全',
    'zh-TW': '密碼至少 {minLength} 個字元；一句好記的話比複雜的短密碼更安全',
    en: 'The password needs at least {minLength} characters; a memorable phrase is safer than a short complex one',
  },
  PASSWORD_TOO_LONG: {
    'zh-CN': '密码不能超过 256 个字符',
    'zh-TW': '密碼不能超過 256 個字元',
    en: 'The password may have at most 256 characters',
  },
  PASSWORD_TOO_COMMON: {
    'zh-CN': '这个密码太常见，容易被猜中，请换一个',
    'zh-TW': '這個密碼太常見，容易被猜中，請換一個',
    en: 'This password is too common and easily guessed; choose another',
  },
  PASSWORD_CONTAINS_USERNAME: {
    'zh-CN': '密码不能包含用户名',
    'zh-TW': '密碼不能包含使用者名稱',
    en: 'The password may not contain the username',
  },
  PASSWORD_UNCHANGED: {
    'zh-CN': '新密码不能与当前密码相同',
    'zh-TW': '新密碼不能與目前密碼相同',
    en: 'The new password must differ from the current one',
  },
  WRONG_PASSWORD: { 'zh-CN': '当前密码不正确', 'zh-TW': '目前密碼不正確', en: 'The current password is wrong' },
  UNAUTHENTICATED: { 'zh-CN': '请先登录', 'zh-TW': '請先登入', en: 'Please sign in' },
  INVALID_CREDENTIALS: {
    'zh-CN': '用户名或密码错误；多次失败后请稍候几分钟再试',
    'zh-TW': '使用者名稱或密碼錯誤；多次失敗後請稍候幾分鐘再試',
    en: 'Wrong username or password; after several failures, wait a few minutes before trying again',
  },
  SESSION_EXPIRED: {
    'zh-CN': '长时间未操作，请重新登录',
    'zh-TW': '長時間未操作，請重新登入',
    en: 'Your session timed out; please sign in again',
  },
  FORBIDDEN: { 'zh-CN': '您的角色无权进行此操作', 'zh-TW': '您的角色無權進行此操作', en: 'Your role may not do this' },
  CSRF_TOKEN_INVALID: {
    'zh-CN': '页面已过期，请刷新后重试',
    'zh-TW': '頁面已過期，請重新整理後重試',
    en: 'The page is out of date; reload and try again',
  },
  NOT_FOUND: { 'zh-CN': '未找到', 'zh-TW': '找不到', en: 'Not found' },
  URI_TOO_LONG: {
    'zh-CN': '请求地址过长',
    'zh-TW': '請求位址過長',
    en: 'The request address is too long',
  },
  METHOD_NOT_ALLOWED: { 'zh-CN': '不支持该请求方法', 'zh-TW': '不支援該請求方法', en: 'Method not allowed' },
  CONFLICT: { 'zh-CN': '与现有数据冲突', 'zh-TW': '與現有資料衝突', en: 'This conflicts with existing data' },
  USERNAME_TAKEN: {
    'zh-CN': '用户名“{username}”已被使用',
    'zh-TW': '使用者名稱「{username}」已被使用',
    en: 'The username "{username}" is taken',
  },
  UNIT_CODE_TAKEN: {
    'zh-CN': '单位代码“{code}”已存在',
    'zh-TW': '單位代碼「{code}」已存在',
    en: 'The unit code "{code}" already exists',
  },
  TRANSITION_NOT_ALLOWED: {
    'zh-CN': '工作室当前状态（{status}）下不能进行此操作',
    'zh-TW': '工作室目前狀態（{status}）下不能進行此操作',
    en: 'This cannot be done while the studio is {status}',
  },
  PLAQUE_NUMBER_TAKEN: {
    'zh-CN': '牌匾编号“{number}”已使用过，不能重复使用',
    'zh-TW': '牌匾編號「{number}」已使用過，不能重複使用',
    en: 'Plaque number "{number}" has been used before and cannot be reused',
  },
  RENEWAL_TOO_LATE: {
    'zh-CN': '协议期已满，不能续签，请重新申办',
    'zh-TW': '協議期已滿，不能續簽，請重新申辦',
    en: 'The term has ended; renewal is no longer possible, apply again',
  },
  APPLICATION_INCOMPLETE: {
    'zh-CN': '申请信息不完整：{fields}',
    'zh-TW': '申請資訊不完整：{fields}',
    en: 'The application is incomplete: {fields}',
  },
  REVIEW_INCONSISTENT: {
    'zh-CN': '资质审查有未通过的项目，不能作出“通过”决定',
    'zh-TW': '資質審查有未通過的項目，不能作出「通過」決定',
    en: 'A checklist item failed, so the review cannot pass',
  },
  REVIEW_INCOMPLETE: {
    'zh-CN': '资质审查的每一项都须作出“合格”或“不合格”的结论',
    'zh-TW': '資質審查的每一項都須作出「合格」或「不合格」的結論',
    en: 'Every checklist item needs a pass or fail before the review is submitted',
  },
  PUBLIC_URL_NOT_SET: {
    'zh-CN': '尚未设置公开访问地址，不能打印二维码或发送短信链接。请区级管理员在“公开访问地址”中设置。',
    'zh-TW': '尚未設定公開存取位址，不能列印二維碼或發送簡訊連結。請區級管理員在「公開存取位址」中設定。',
    en: 'The public address is not set, so QR codes cannot be printed nor SMS links sent. A district admin sets it under “Public address”.',
  },
  PLAQUE_RETIRED: {
    'zh-CN': '牌匾 {number} 已于 {date} 取消，证书不再打印',
    'zh-TW': '牌匾 {number} 已於 {date} 取消，證書不再列印',
    en: 'Plaque {number} was cancelled on {date}; its certificate is no longer printed',
  },
  REASON_REQUIRED: { 'zh-CN': '请填写理由或说明', 'zh-TW': '請填寫理由或說明', en: 'A reason is required' },
  TERM_INVALID: {
    'zh-CN': '协议期限无效：结束日期须晚于开始日期和今天',
    'zh-TW': '協議期限無效：結束日期須晚於開始日期和今天',
    en: 'Invalid term: the end must be after the start and after today',
  },
  SIGNATORIES_REQUIRED: {
    'zh-CN': '协议须有双方签约人',
    'zh-TW': '協議須有雙方簽約人',
    en: 'Both parties must sign the agreement',
  },
  DEADLINE_INVALID: {
    'zh-CN': '整改期限须晚于今天',
    'zh-TW': '整改期限須晚於今天',
    en: 'The deadline must be after today',
  },
  FEE_NOT_ALLOWED: {
    'zh-CN': '工作室为无偿服务，不能登记任何收费、价格或报酬',
    'zh-TW': '工作室為無償服務，不能登記任何收費、價格或報酬',
    en: 'Studios serve unpaid: no fee, price or payment may be recorded',
  },
  CONSENT_REQUIRED: {
    'zh-CN': '请先阅读并同意短信订阅说明',
    'zh-TW': '請先閱讀並同意簡訊訂閱說明',
    en: 'Please read and accept the SMS consent text',
  },
  LETTER_STATE_CONFLICT: {
    'zh-CN': '信件当前的办理状态下不能进行此操作',
    'zh-TW': '信件目前的辦理狀態下不能進行此操作',
    en: 'This cannot be done at the letter’s current stage',
  },
  HANDLER_NOT_ELIGIBLE: {
    'zh-CN': '首接责任人须为本街道党工委的工作人员',
    'zh-TW': '首接責任人須為本街道黨工委的工作人員',
    en: 'The handler must be a staff member of this street’s party committee',
  },
  EXTENSION_ALREADY_USED: {
    'zh-CN': '每封信件只能延期一次',
    'zh-TW': '每封信件只能延期一次',
    en: 'A letter can be extended only once',
  },
  EXTENSION_TOO_LONG: {
    'zh-CN': '延期不能超过 {max} 个工作日',
    'zh-TW': '延期不能超過 {max} 個工作日',
    en: 'An extension can be at most {max} working days',
  },
  RULING_BY_HANDLER: {
    'zh-CN': '投诉是否属实须由首接责任人以外的人员认定',
    'zh-TW': '投訴是否屬實須由首接責任人以外的人員認定',
    en: 'Someone other than the handler must rule on the complaint',
  },
  RATING_WINDOW_CLOSED: {
    'zh-CN': '评价期限已过，本次办理记为未评价',
    'zh-TW': '評價期限已過，本次辦理記為未評價',
    en: 'The time to rate this reply has passed; it stays unrated',
  },
  PHOTO_INVALID: {
    'zh-CN': '照片无法识别，请上传 JPEG、PNG 或 WebP 格式的图片',
    'zh-TW': '照片無法識別，請上傳 JPEG、PNG 或 WebP 格式的圖片',
    en: 'The photo could not be read; send a JPEG, PNG or WebP image',
  },
  PHOTO_TOO_LARGE: {
    'zh-CN': '每张照片不能超过 {maxMb} MB',
    'zh-TW': '每張照片不能超過 {maxMb} MB',
    en: 'Each photo can be at most {maxMb} MB',
  },
  DUPLICATE_VOLUNTEER: {
    'zh-CN': '登记册中已有相同身份证号或手机号的记录',
    'zh-TW': '登記冊中已有相同身分證號或手機號的記錄',
    en: 'The registry already holds someone with this ID number or phone',
  },
  IMPORT_NOT_READY: {
    'zh-CN': '导入尚未校验完成或已提交',
    'zh-TW': '匯入尚未校驗完成或已提交',
    en: 'The import is not validated yet, or was already committed',
  },
  IMPORT_HAS_ERRORS: {
    'zh-CN': '有 {count} 行存在问题，不能全部导入；可以只导入无误的行',
    'zh-TW': '有 {count} 行存在問題，不能全部匯入；可以只匯入無誤的行',
    en: '{count} rows have problems, so not all can be imported; import only the good rows instead',
  },
  INVALID_WORKBOOK: {
    'zh-CN': '无法读取该文件，请使用下载的 Excel 模板（.xlsx）',
    'zh-TW': '無法讀取該檔案，請使用下載的 Excel 範本（.xlsx）',
    en: 'The file cannot be read; use the downloaded Excel template (.xlsx)',
  },
  PAYLOAD_TOO_LARGE: { 'zh-CN': '提交的内容过大', 'zh-TW': '提交的內容過大', en: 'The request is too large' },
  UNSUPPORTED_MEDIA_TYPE: {
    'zh-CN': '不支持的内容类型，请使用 application/json',
    'zh-TW': '不支援的內容類型，請使用 application/json',
    en: 'Unsupported content type; use application/json',
  },
  ACCOUNT_LOCKED: {
    'zh-CN': '登录失败次数过多，账号已锁定，请 {minutes} 分钟后再试',
    'zh-TW': '登入失敗次數過多，帳號已鎖定，請 {minutes} 分鐘後再試',
    en: 'Too many failed sign-ins; the account is locked for {minutes} minutes',
  },
  RATE_LIMITED: {
    'zh-CN': '请求过于频繁，请稍后再试',
    'zh-TW': '請求過於頻繁，請稍後再試',
    en: 'Too many requests; try again later',
  },
  CHECKLIST_MISMATCH: {
    'zh-CN': '检查表共 {expected} 项，每项须评一次（收到 {given} 项）',
    'zh-TW': '檢查表共 {expected} 項，每項須評一次（收到 {given} 項）',
    en: 'The checklist has {expected} items and each needs one rating ({given} received)',
  },
  INSPECTION_NOT_ALLOWED: {
    'zh-CN': '检查当前状态（{status}）下不能进行此操作',
    'zh-TW': '檢查目前狀態（{status}）下不能進行此操作',
    en: 'This cannot be done while the inspection is {status}',
  },
  CORRECTION_WINDOW_CLOSED: {
    'zh-CN': '检查提交已超过 {hours} 小时，不能再更正',
    'zh-TW': '檢查提交已超過 {hours} 小時，不能再更正',
    en: 'An inspection can be corrected only within {hours} hours of its submission',
  },
  SUPERVISOR_UNAVAILABLE: {
    'zh-CN': '该监督员不在本街道在任名册中',
    'zh-TW': '該監督員不在本街道在任名冊中',
    en: "That supervisor is not serving on this street's roster",
  },
  SUPERVISOR_NOT_ALLOWED: {
    'zh-CN': '监督员当前状态（{status}）下不能进行此操作',
    'zh-TW': '監督員目前狀態（{status}）下不能進行此操作',
    en: 'This cannot be done while the supervisor is {status}',
  },
  PROPOSAL_NOT_PENDING: {
    'zh-CN': '整改建议已处理（{status}），不能再次处理',
    'zh-TW': '整改建議已處理（{status}），不能再次處理',
    en: 'The rectification proposal was already decided ({status})',
  },
  IDEMPOTENCY_KEY_REUSED: {
    'zh-CN': '该提交编号已用于另一项检查',
    'zh-TW': '該提交編號已用於另一項檢查',
    en: 'This idempotency key was already used for another inspection',
  },
  CARD_NUMBER_TAKEN: {
    'zh-CN': '监督员证号“{number}”已被使用',
    'zh-TW': '監督員證號「{number}」已被使用',
    en: 'The supervisor card number "{number}" is taken',
  },
  ALREADY_ON_ROSTER: {
    'zh-CN': '该账号已登记为监督员',
    'zh-TW': '該帳號已登記為監督員',
    en: 'This account is already on a supervisor roster',
  },
  SCHEME_EFFECTIVE_IN_PAST: {
    'zh-CN': '考评办法的生效日期不能早于本季度开始（{from}），已结束季度的结果不能改变',
    'zh-TW': '考評辦法的生效日期不能早於本季度開始（{from}），已結束季度的結果不能改變',
    en: 'A scheme cannot take effect before the current quarter began ({from}); past quarters keep their scheme',
  },
  QUARTER_NOT_OVER: {
    'zh-CN': '季度 {quarter} 尚未结束，不能考评',
    'zh-TW': '季度 {quarter} 尚未結束，不能考評',
    en: 'The quarter {quarter} is not over yet and cannot be evaluated',
  },
  NO_SCHEME_IN_FORCE: {
    'zh-CN': '季度 {quarter} 没有生效的考评办法',
    'zh-TW': '季度 {quarter} 沒有生效的考評辦法',
    en: 'No evaluation scheme was in force in {quarter}',
  },
  RUN_SUPERSEDED: {
    'zh-CN': '季度 {quarter} 的考评正由另一次运行更新，本次结果未发布，请稍后查看或重新运行',
    'zh-TW': '季度 {quarter} 的考評正由另一次運行更新，本次結果未發布，請稍後查看或重新運行',
    en: 'Another run of {quarter} published its result first; this run was not published (look again, or run it again)',
  },
  ALREADY_RATED: {
    'zh-CN': '这次服务已经评价过了，每次服务只能评价一次',
    'zh-TW': '這次服務已經評價過了，每次服務只能評價一次',
    en: 'This service has already been rated; each service is rated once',
  },
  RECEIPT_EXPIRED: {
    'zh-CN': '这张服务回执已过期（{days} 天内有效），不能再评价',
    'zh-TW': '這張服務回執已過期（{days} 天內有效），不能再評價',
    en: 'This service receipt has expired (valid for {days} days) and can no longer be used to rate',
  },
  SMS_CODE_WRONG: {
    'zh-CN': '验证码不正确，还可以再试 {left} 次',
    'zh-TW': '驗證碼不正確，還可以再試 {left} 次',
    en: 'The code is not right; {left} tries left',
  },
  SMS_CODE_EXPIRED: {
    'zh-CN': '验证码已失效，请重新获取',
    'zh-TW': '驗證碼已失效，請重新取得',
    en: 'The code is no longer valid; ask for a new one',
  },
  SMS_CODE_LOCKED: {
    'zh-CN': '验证码输错次数过多，请重新获取',
    'zh-TW': '驗證碼輸錯次數過多，請重新取得',
    en: 'Too many wrong codes; ask for a new one',
  },
  NOTHING_TO_NOTIFY: {
    'zh-CN': '季度 {quarter} 没有尚未通报的已确认表扬',
    'zh-TW': '季度 {quarter} 沒有尚未通報的已確認表揚',
    en: 'There is no confirmed commendation of {quarter} that a notice has not named yet',
  },
  EXCELLENT_QUOTA_EXCEEDED: {
    'zh-CN': '支部“{branch}”评为优秀的党员不能超过参评党员的三分之一（最多 {allowed} 人）',
    'zh-TW': '支部「{branch}」評為優秀的黨員不能超過參評黨員的三分之一（最多 {allowed} 人）',
    en: 'At most a third of the graded members of the branch "{branch}" may be excellent (at most {allowed})',
  },
  MEMBER_PROBATIONARY: {
    'zh-CN': '预备党员列入评议参考表但不评定等次',
    'zh-TW': '預備黨員列入評議參考表但不評定等次',
    en: 'Probationary members are listed on the sheet but not graded',
  },
  INTERNAL: {
    'zh-CN': '服务器内部错误，请联系管理员并提供请求编号',
    'zh-TW': '伺服器內部錯誤，請聯絡管理員並提供請求編號',
    en: 'Internal server error; contact the administrator with the request id',
  },
  UNAVAILABLE: { 'zh-CN': '服务暂不可用', 'zh-TW': '服務暫不可用', en: 'Service unavailable' },
  DATABASE_UNAVAILABLE: {
    'zh-CN': '数据库暂时无法访问，请稍后重试；您的操作未被保存',
    'zh-TW': '資料庫暫時無法存取，請稍後重試；您的操作未被儲存',
    en: 'The database is unavailable for the moment; nothing was saved. Please try again shortly.',
  },
};

/** The message of a code in a language, with its params filled in. */
export function messageFor(code: ErrorCode, locale: Locale, params: Record<string, string | number> = {}): string {
  const template = errorMessages[code][locale];
  return template.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? `{${k}}`));
}

/** Picks the interface language from an Accept-Language header; Simplified Chinese unless asked otherwise. */
export function localeFromHeader(header: string | undefined): Locale {
  if (!header) return 'zh-CN';
  const tags = header
    .split(',')
    .map((part) => {
      const [tag = '', ...rest] = part.trim().split(';');
      const q = rest.find((r) => r.trim().startsWith('q='));
      return { tag: tag.toLowerCase(), q: q ? Number(q.trim().slice(2)) || 0 : 1 };
    })
    .sort((a, b) => b.q - a.q);
  for (const { tag } of tags) {
    if (/^zh-(tw|hk|mo|hant)/.test(tag)) return 'zh-TW';
    if (tag.startsWith('zh')) return 'zh-CN';
    if (tag.startsWith('en')) return 'en';
  }
  return 'zh-CN';
}

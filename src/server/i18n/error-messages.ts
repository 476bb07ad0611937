import type { ErrorCode } from '../../domain/errors.ts';
import type { Locale } from '../../contract/common.ts';

/** The message of every error code, in each language of the interface. `{name}` is filled from the error's params. */
export const errorMessages: Record<ErrorCode, Record<Locale, string>> = {
  VALIDATION_FAILED: { 'zh-CN': '提交的数据不符合要求', 'zh-TW': '提交的資料不符合要求', en: 'The submitted data is not valid' },
  MALFORMED_JSON: { 'zh-CN': '请求内容不是有效的 JSON', 'zh-TW': '請求內容不是有效的 JSON', en: 'The request body is not valid JSON' },
  BAD_REQUEST: { 'zh-CN': '请求无效', 'zh-TW': '請求無效', en: 'The request is not valid' },
  PASSWORD_TOO_WEAK: {
    'zh-CN': '密码至少 {minLength} 位，并包含大写字母、小写字母、数字、符号中的至少 {minClasses} 类',
    'zh-TW': '密碼至少 {minLength} 位，並包含大寫字母、小寫字母、數字、符號中的至少 {minClasses} 類',
    en: 'The password needs at least {minLength} characters from at least {minClasses} of: upper case, lower case, digits, symbols',
  },
  WRONG_PASSWORD: { 'zh-CN': '当前密码不正确', 'zh-TW': '目前密碼不正確', en: 'The current password is wrong' },
  UNAUTHENTICATED: { 'zh-CN': '请先登录', 'zh-TW': '請先登入', en: 'Please sign in' },
  INVALID_CREDENTIALS: { 'zh-CN': '用户名或密码错误', 'zh-TW': '使用者名稱或密碼錯誤', en: 'Wrong username or password' },
  SESSION_EXPIRED: { 'zh-CN': '长时间未操作，请重新登录', 'zh-TW': '長時間未操作，請重新登入', en: 'Your session timed out; please sign in again' },
  FORBIDDEN: { 'zh-CN': '您的角色无权进行此操作', 'zh-TW': '您的角色無權進行此操作', en: 'Your role may not do this' },
  CSRF_TOKEN_INVALID: { 'zh-CN': '页面已过期，请刷新后重试', 'zh-TW': '頁面已過期，請重新整理後重試', en: 'The page is out of date; reload and try again' },
  NOT_FOUND: { 'zh-CN': '未找到', 'zh-TW': '找不到', en: 'Not found' },
  METHOD_NOT_ALLOWED: { 'zh-CN': '不支持该请求方法', 'zh-TW': '不支援該請求方法', en: 'Method not allowed' },
  CONFLICT: { 'zh-CN': '与现有数据冲突', 'zh-TW': '與現有資料衝突', en: 'This conflicts with existing data' },
  USERNAME_TAKEN: { 'zh-CN': '用户名“{username}”已被使用', 'zh-TW': '使用者名稱「{username}」已被使用', en: 'The username "{username}" is taken' },
  UNIT_CODE_TAKEN: { 'zh-CN': '单位代码“{code}”已存在', 'zh-TW': '單位代碼「{code}」已存在', en: 'The unit code "{code}" already exists' },
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
  RATE_LIMITED: { 'zh-CN': '请求过于频繁，请稍后再试', 'zh-TW': '請求過於頻繁，請稍後再試', en: 'Too many requests; try again later' },
  INTERNAL: {
    'zh-CN': '服务器内部错误，请联系管理员并提供请求编号',
    'zh-TW': '伺服器內部錯誤，請聯絡管理員並提供請求編號',
    en: 'Internal server error; contact the administrator with the request id',
  },
  UNAVAILABLE: { 'zh-CN': '服务暂不可用', 'zh-TW': '服務暫不可用', en: 'Service unavailable' },
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

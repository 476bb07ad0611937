// Walk-in receipts (服務回執) and the codes that confirm an SMS subscription: Traditional Chinese.
import type { zhCN } from './zh-CN.ts';

export const zhTW: Record<keyof typeof zhCN, string> = {
  'receipt.askMember':
    '接受過來訪、上門或活動服務，手上沒有查詢碼？請為您服務的黨員出示「服務回執」二維碼，或輸入回執上的評價碼。',
  'receipt.validUntil': '這張回執 {date} 前可以評價，只能評價一次。',
  'receipt.expired': '這張服務回執已過期，不能再評價。有意見或建議，可以寫信到監督信箱。',
  'smsCode.intro': '為保護您的號碼，訂閱和退訂都要輸入發到這支手機上的驗證碼。',
  'smsCode.sentSubscribe': '驗證碼已發送到 {phone}，10 分鐘內有效。輸入驗證碼後才會訂閱 {unit} 的服務公告。',
  'smsCode.sentUnsubscribe': '如果 {phone} 訂閱了 {unit} 的服務公告，驗證碼已發送到這個號碼，10 分鐘內有效。',
  'smsCode.code': '簡訊驗證碼（6 位數字）',
  'smsCode.codeInvalid': '請輸入簡訊中的 6 位數字',
  'smsCode.confirmSubscribe': '確認訂閱',
  'smsCode.confirmUnsubscribe': '確認退訂',
  'smsCode.resend': '重新發送驗證碼',
  'smsCode.change': '換一個號碼或社區',
};

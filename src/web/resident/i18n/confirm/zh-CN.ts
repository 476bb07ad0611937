// Walk-in receipts (服务回执) and the codes that confirm an SMS subscription: Simplified Chinese.
export const zhCN = {
  'receipt.askMember':
    '接受过来访、上门或活动服务，手里没有查询码？请为您服务的党员出示“服务回执”二维码，或输入回执上的评价码。',
  'receipt.validUntil': '这张回执 {date} 前可以评价，只能评价一次。',
  'receipt.expired': '这张服务回执已过期，不能再评价。有意见或建议，可以写信到监督信箱。',
  'smsCode.intro': '为保护您的号码，订阅和退订都要输入发到这个手机上的验证码。',
  'smsCode.sentSubscribe': '验证码已发送到 {phone}，10 分钟内有效。输入验证码后才会订阅 {unit} 的服务公告。',
  'smsCode.sentUnsubscribe': '如果 {phone} 订阅了 {unit} 的服务公告，验证码已发送到这个号码，10 分钟内有效。',
  'smsCode.code': '短信验证码（6 位数字）',
  'smsCode.codeInvalid': '请输入短信中的 6 位数字',
  'smsCode.confirmSubscribe': '确认订阅',
  'smsCode.confirmUnsubscribe': '确认退订',
  'smsCode.resend': '重新发送验证码',
  'smsCode.change': '换一个号码或社区',
};

// Walk-in receipts and the codes that confirm an SMS subscription: English.
import type { zhCN } from './zh-CN.ts';

export const en: Record<keyof typeof zhCN, string> = {
  'receipt.askMember':
    'Served at a visit, at home or at an activity, and no tracking code? Ask the member who served you to show the service receipt QR code, or type the code printed on the receipt.',
  'receipt.validUntil': 'This receipt can be used to rate until {date}, once.',
  'receipt.expired':
    'This service receipt has expired and can no longer be used to rate. You can still write to the supervision mailbox.',
  'smsCode.intro': 'To protect your number, subscribing and unsubscribing need a code sent to this phone.',
  'smsCode.sentSubscribe':
    'A code was sent to {phone}; it is valid for 10 minutes. You are subscribed to {unit} only once you type it.',
  'smsCode.sentUnsubscribe': 'If {phone} is subscribed to {unit}, a code was sent to it; it is valid for 10 minutes.',
  'smsCode.code': 'Code from the SMS (6 digits)',
  'smsCode.codeInvalid': 'Type the 6 digits from the SMS',
  'smsCode.confirmSubscribe': 'Confirm subscription',
  'smsCode.confirmUnsubscribe': 'Confirm unsubscription',
  'smsCode.resend': 'Send the code again',
  'smsCode.change': 'Use another number or community',
};

// The resident home, the not-found pages and looking a request up by phone: English.
import type { zhCN } from './zh-CN.ts';

export const en: Record<keyof typeof zhCN, string> = {
  'home.title': 'Services for residents',
  'home.intro': 'Party member service studios are near you, and every service is free. What would you like to do?',
  'home.find': 'Find a studio',
  'home.findText': 'See which studios are near you, where they are and when they open',
  'home.ask': 'Ask for help',
  'home.askText': 'Tell us what you need; we pass it to the nearest studio',
  'home.track': 'Track a request',
  'home.trackText': 'See how far your request has come, by its code or your phone number, and rate it',
  'home.sms': 'SMS updates',
  'home.smsText': 'Get the service notices of your community’s studios',
  'home.mailbox': 'Supervision mailbox',
  'home.mailboxText': 'Write to us about a studio: a complaint or a suggestion',
  'home.lastRequest': 'Go on with your last request, {code}',
  'home.staffLogin': 'Staff sign-in',
  'nav.home': 'Home',
  'gone.home': 'Back to the home page',
  'gone.waysBack': 'Where you can go',
  'gone.studioTitle': 'Studio not found',
  'gone.studioText': 'There is no such studio, or the number is wrong. You can look among the studios near you.',
  'gone.codeTitle': 'Tracking code not found',
  'gone.codeText':
    'Please check the code. If you cannot remember it, look the request up with the phone number you gave.',
  'gone.byPhone': 'Look up by phone number',
};

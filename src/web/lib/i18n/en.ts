import type { Messages } from './messages.ts';
import { en as delivery } from '../../features/delivery/messages.ts';
import { en as statistics } from '../../features/statistics/messages.ts';
import { en as registry } from '../../features/registry/messages.ts';
import { en as categories } from '../../features/categories/messages.ts';
import { en as publicAddress } from '../../features/public/messages.ts';
import { en as studios } from '../../features/studios/messages.ts';
import { en as mailbox } from '../../features/mailbox/messages.ts';
import { en as needs } from '../../features/needs/messages.ts';
import { en as siting } from '../../features/siting/messages.ts';
import { en as evaluation } from '../../features/evaluation/messages.ts';
import { en as evaluationDocuments } from '../../features/evaluation/messages-documents.ts';
import { en as frame } from '../../app/console-messages.ts';
import { en as audit } from '../../features/audit/messages.ts';
import { en as inspections } from '../../features/inspections/messages.ts';

// English, for visitors and staff who read it more easily than Chinese.
export const en: Messages = {
  'app.name': 'Huimin',
  'app.title': 'Huimin · Party Member Professional Service Studios',
  'app.subtitle': 'Party member professional service studios of Xinluo District',
  'a11y.skipToContent': 'Skip to main content',
  'a11y.mainNav': 'Main navigation',

  'nav.org': 'Organisation',
  'nav.accounts': 'Accounts',
  'nav.audit': 'Audit log',
  'nav.about': 'About',
  'nav.openMenu': 'Open menu',

  'prefs.language': 'Language',
  'prefs.largeFont': 'Large text, high contrast',
  'prefs.saveFailed': 'The setting was not saved: {message}',

  'session.signedInAs': 'Signed in as',
  'session.logout': 'Sign out',
  'session.expired': 'Your session has ended. Please sign in again.',
  'session.signedOut': 'You have signed out.',

  'login.heading': 'Sign in',
  'login.username': 'Username',
  'login.password': 'Password',
  'login.submit': 'Sign in',
  'login.usernameRequired': 'Enter your username',
  'login.passwordRequired': 'Enter your password',
  'login.failed': 'Sign-in failed',

  'demo.label': 'Demo instance',
  'demo.text':
    "Demo instance: the data is made up and the demo accounts' password is public; enter no real personal data.",
  'common.loading': 'Loading…',
  'common.search': 'Search',
  'common.reset': 'Reset',
  'common.cancel': 'Cancel',
  'common.ok': 'OK',
  'common.actions': 'Actions',
  'common.none': '(none)',
  'common.total': '{total} in total',
  'common.required': 'Required',
  'common.invalid': 'Not valid',
  'common.networkError': 'The server cannot be reached. Check the network and try again.',
  'common.serverError': 'The server answered with an error ({status})',
  'common.loadFailed': 'Could not load: {message}',
  'common.retry': 'Try again',

  'noPermission.title': 'No permission',
  'noPermission.body': 'Your role may not view this page. Ask your administrator if you need it.',
  'notFound.title': 'Page not found',
  'notFound.body': 'The page you asked for does not exist or has moved.',
  'notFound.back': 'Back to the start page',

  'role.district_admin': 'District administrator',
  'role.street_admin': 'Street / township administrator',
  'role.community_admin': 'Community / village administrator',
  'role.member': 'Party member',
  'role.supervisor': 'Public supervisor',

  'level.district': 'District',
  'level.street': 'Street',
  'level.town': 'Town',
  'level.community': 'Community',
  'level.village': 'Village',
  'level.enterprise': 'Enterprise',

  'postKind.center': 'Centre',
  'postKind.station': 'Station',
  'postKind.point': 'Point',

  'org.heading': 'Organisation',
  'org.treeLabel': 'Organisation tree',
  'org.searchLabel': 'Search units',
  'org.searchPlaceholder': 'Name, pinyin or initials, e.g. xxsq',
  'org.searchHint': 'Searching within “{name}” and the units below it',
  'org.listOf': '{name} and the units below it',
  'org.col.name': 'Name',
  'org.col.shortName': 'Short name',
  'org.col.code': 'Division code',
  'org.col.level': 'Level',
  'org.col.postKind': 'Service post',
  'org.col.location': 'Coordinates (GCJ-02)',

  'accounts.heading': 'Accounts',
  'accounts.searchLabel': 'Search accounts',
  'accounts.searchPlaceholder': 'Username or name',
  'accounts.create': 'New account',
  'accounts.col.username': 'Username',
  'accounts.col.displayName': 'Name',
  'accounts.col.role': 'Role',
  'accounts.col.unit': 'Unit',
  'accounts.col.status': 'Status',
  'accounts.col.createdAt': 'Created',
  'accounts.status.active': 'Active',
  'accounts.status.locked': 'Locked',
  'accounts.status.disabled': 'Disabled',
  'accounts.unlock': 'Unlock',
  'accounts.disable': 'Disable',
  'accounts.enable': 'Enable',
  'accounts.confirmDisable': 'Disable the account “{name}”? Its sessions end at once.',
  'accounts.confirmEnable': 'Enable the account “{name}” again?',
  'accounts.unlocked': 'Unlocked “{name}”',
  'accounts.disabledDone': 'Disabled “{name}”',
  'accounts.enabledDone': 'Enabled “{name}”',
  'accounts.created': 'Created the account “{name}”',
  'accounts.form.title': 'New account',
  'accounts.form.username': 'Username',
  'accounts.form.usernameHelp': '3–64 lower-case letters, digits, underscores, dots or hyphens',
  'accounts.form.displayName': 'Name',
  'accounts.form.password': 'Initial password',
  'accounts.form.passwordHelp':
    'At least 12 characters (a memorable phrase works well); not a common password, not containing the username',
  'accounts.form.role': 'Role',
  'accounts.form.unit': 'Unit',
  'accounts.form.unitPlaceholder': 'Type a name or pinyin to search',
  'accounts.form.unitHelp': 'Allowed levels: {levels}',
  'accounts.form.submit': 'Create',

  'audit.heading': 'Audit log',
  'audit.filter.entity': 'Object type',
  'audit.filter.action': 'Action',
  'audit.filter.actionPlaceholder': 'e.g. login, create',
  'audit.filter.dateRange': 'Dates',
  'audit.filter.any': 'All',
  'audit.col.at': 'Time',
  'audit.col.actor': 'By',
  'audit.col.entity': 'Object',
  'audit.col.entityId': 'Object id',
  'audit.col.action': 'Action',
  'audit.col.ip': 'IP address',
  'audit.before': 'Before',
  'audit.after': 'After',
  'audit.requestId': 'Request id',
  'audit.system': 'System',
  'audit.entity.session': 'Session',
  'audit.entity.account': 'Account',
  'audit.entity.orgUnit': 'Org unit',
  'audit.entity.settings': 'Own settings',
  'audit.entity.studio': 'Studio',
  'audit.entity.commitment': 'Commitment',
  'audit.entity.volunteer': 'Volunteer resource',
  'audit.entity.need': 'Resident need',
  'audit.entity.venue': 'Venue',
  'audit.entity.import': 'Import',
  'audit.entity.smsSubscription': 'SMS subscription',
  'audit.entity.system': 'System',

  'about.heading': 'About Huimin',
  'about.intro':
    'Huimin (惠民, “benefit the people”) runs the party member professional service studios of Xinluo District. Party members use their professional skills to open studios in communities, villages, enterprises, markets, residential compounds and office buildings, and serve residents nearby, unpaid: legal advice, health care, employment guidance, culture and more.',
  'about.scope':
    'The platform follows the district → street/township → community/village/enterprise tree of service centres, stations and points. Each account sees and changes only its own unit and the units below it, and every change is written to the audit log.',
  'about.version': 'Version',
  'about.database': 'Database',
  'about.schema': 'Schema version',
  'about.status': 'Status',
  'about.status.ok': 'OK',
  'about.status.degraded': 'Degraded',
  'about.attributionHeading': 'Data sources',
  'about.attribution':
    'Administrative divisions and coordinates: Vonng/adcode (CC BY 4.0); modood/Administrative-divisions-of-China (WTFPL); statistical division codes © National Bureau of Statistics of China (国家统计局)',
  'about.source.vonng':
    'Division codes, points (GCJ-02) and the district outline, data of 2016–2018; licence: CC BY 4.0',
  'about.source.modood': 'Township and street codes and names (NBS 2023 release); licence: WTFPL',
  'about.source.nbs':
    'Statistical division and urban-rural codes © National Bureau of Statistics of China, 2023 changes as collected by njzjz/prcadmin',
  'about.coords':
    'Coordinates are GCJ-02. Some street points are the mean of their communities’ points and only approximate.',
  ...delivery,
  ...statistics,
  ...registry,
  ...categories,
  ...publicAddress,
  ...studios,
  ...mailbox,
  ...needs,
  ...siting,
  ...evaluation,
  ...evaluationDocuments,
  ...frame,
  ...audit,
  ...inspections,
};

/** A service category as configured by district admins; every other part refers to these. */
export interface CategorySpec {
  code: string;
  zhCN: string;
  zhTW: string;
  en: string;
  icon: string;
  color: string;
}

/**
 * The 11 default categories: the five the bulletin names (政策法律咨询, 文化宣传, 计生服务,
 * 就业指导, 医疗保健) and six that fit the studios it describes (the pig-farming studio is
 * 农业技术; the 80-year-old doctor's home visits fit 养老助残 too).
 */
export const defaultCategories: readonly CategorySpec[] = [
  {
    code: 'legal',
    zhCN: '政策法律咨询',
    zhTW: '政策法律諮詢',
    en: 'Policy and legal advice',
    icon: 'SafetyCertificate',
    color: '#1d4ed8',
  },
  { code: 'culture', zhCN: '文化宣传', zhTW: '文化宣傳', en: 'Culture and outreach', icon: 'Read', color: '#b45309' },
  {
    code: 'family',
    zhCN: '计生服务',
    zhTW: '計生服務',
    en: 'Family planning services',
    icon: 'Heart',
    color: '#be185d',
  },
  {
    code: 'employment',
    zhCN: '就业指导',
    zhTW: '就業指導',
    en: 'Employment guidance',
    icon: 'Solution',
    color: '#0f766e',
  },
  { code: 'health', zhCN: '医疗保健', zhTW: '醫療保健', en: 'Health care', icon: 'MedicineBox', color: '#dc2626' },
  { code: 'counselling', zhCN: '心理疏导', zhTW: '心理疏導', en: 'Counselling', icon: 'Smile', color: '#7c3aed' },
  {
    code: 'education',
    zhCN: '教育辅导',
    zhTW: '教育輔導',
    en: 'Tutoring and education',
    icon: 'Book',
    color: '#2563eb',
  },
  {
    code: 'agriculture',
    zhCN: '农业技术',
    zhTW: '農業技術',
    en: 'Farming techniques',
    icon: 'Experiment',
    color: '#15803d',
  },
  {
    code: 'elderly',
    zhCN: '养老助残',
    zhTW: '養老助殘',
    en: 'Elderly and disability care',
    icon: 'Team',
    color: '#c2410c',
  },
  {
    code: 'entrepreneurship',
    zhCN: '创业指导',
    zhTW: '創業指導',
    en: 'Starting a business',
    icon: 'Rocket',
    color: '#0369a1',
  },
  { code: 'repair', zhCN: '便民维修', zhTW: '便民維修', en: 'Household repairs', icon: 'Tool', color: '#4b5563' },
];

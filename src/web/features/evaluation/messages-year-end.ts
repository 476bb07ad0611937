// Strings of the year-end sheet as a workbook and as Word (the columns and lines the screen does
// not show); the rest of the sheet's words are the console's own (evaluation.yearEnd.*).

export const zhCN = {
  'evaluation.yearEndSheet.title': '{year}年度党员评议参考',
  'evaluation.yearEndSheet.docTitle': '{year}年度党员评议参考表',
  'evaluation.yearEndSheet.docName': '{year}年度党员评议参考表（{name}）',
  'evaluation.yearEndSheet.studios': '工作室（角色）',
  'evaluation.yearEndSheet.services': '服务次数',
  'evaluation.yearEndSheet.personTimes': '服务人次',
  'evaluation.yearEndSheet.quarter': '{cn}季度',
  'evaluation.yearEndSheet.inspections': '检查平均分',
  'evaluation.yearEndSheet.reason': '调整理由',
  'evaluation.yearEndSheet.noScores': '无考评数据',
  'evaluation.yearEndSheet.note':
    '建议等次仅供参考，由党员所在支部确认或调整并说明理由；优秀比例不超过支部参评党员的三分之一。',
  'evaluation.yearEndSheet.noBranch': '（未填支部）',
  'evaluation.yearEndSheet.branchLine': '参评 {graded} 人，建议优秀 {excellent} 人，上限 {allowed} 人',
  'evaluation.yearEndSheet.overQuota': '（超出上限，须调整）',
  'evaluation.yearEndSheet.servicesValue': '{services} 次 / {personTimes} 人次',
  'evaluation.yearEndSheet.ratingsValue': '{n} 条，平均 {mean} 分',
  'evaluation.yearEndSheet.none': '无',
  'evaluation.yearEndSheet.quarterScores': '季度量化考评得分',
  'evaluation.yearEndSheet.notScored': '未考评',
  'evaluation.yearEndSheet.times': '{n} 次',
  'evaluation.yearEndSheet.cases': '{n} 件',
  'evaluation.yearEndSheet.pending': '（待支部确认）',
  'evaluation.yearEndSheet.docNote':
    '建议等次由量化考评结果按规则生成，仅供参考，由党员所在党支部确认或调整并说明理由。',
  'evaluation.yearEndSheet.signature': '党支部（盖章）：__________　　日期：__________',
} as const;

type Key = keyof typeof zhCN;

export const zhTW: Record<Key, string> = {
  'evaluation.yearEndSheet.title': '{year}年度黨員評議參考',
  'evaluation.yearEndSheet.docTitle': '{year}年度黨員評議參考表',
  'evaluation.yearEndSheet.docName': '{year}年度黨員評議參考表（{name}）',
  'evaluation.yearEndSheet.studios': '工作室（角色）',
  'evaluation.yearEndSheet.services': '服務次數',
  'evaluation.yearEndSheet.personTimes': '服務人次',
  'evaluation.yearEndSheet.quarter': '{cn}季度',
  'evaluation.yearEndSheet.inspections': '檢查平均分',
  'evaluation.yearEndSheet.reason': '調整理由',
  'evaluation.yearEndSheet.noScores': '無考評資料',
  'evaluation.yearEndSheet.note':
    '建議等次僅供參考，由黨員所在支部確認或調整並說明理由；優秀比例不超過支部參評黨員的三分之一。',
  'evaluation.yearEndSheet.noBranch': '（未填支部）',
  'evaluation.yearEndSheet.branchLine': '參評 {graded} 人，建議優秀 {excellent} 人，上限 {allowed} 人',
  'evaluation.yearEndSheet.overQuota': '（超出上限，須調整）',
  'evaluation.yearEndSheet.servicesValue': '{services} 次 / {personTimes} 人次',
  'evaluation.yearEndSheet.ratingsValue': '{n} 條，平均 {mean} 分',
  'evaluation.yearEndSheet.none': '無',
  'evaluation.yearEndSheet.quarterScores': '季度量化考評得分',
  'evaluation.yearEndSheet.notScored': '未考評',
  'evaluation.yearEndSheet.times': '{n} 次',
  'evaluation.yearEndSheet.cases': '{n} 件',
  'evaluation.yearEndSheet.pending': '（待支部確認）',
  'evaluation.yearEndSheet.docNote':
    '建議等次由量化考評結果按規則產生，僅供參考，由黨員所在黨支部確認或調整並說明理由。',
  'evaluation.yearEndSheet.signature': '黨支部（蓋章）：__________　　日期：__________',
};

export const en: Record<Key, string> = {
  'evaluation.yearEndSheet.title': 'Year-end sheet {year}',
  'evaluation.yearEndSheet.docTitle': 'Year-end sheet {year}',
  'evaluation.yearEndSheet.docName': 'Year-end sheet {year} ({name})',
  'evaluation.yearEndSheet.studios': 'Studios (role)',
  'evaluation.yearEndSheet.services': 'Services',
  'evaluation.yearEndSheet.personTimes': 'Person-times',
  'evaluation.yearEndSheet.quarter': 'Q{n}',
  'evaluation.yearEndSheet.inspections': 'Inspection mean',
  'evaluation.yearEndSheet.reason': 'Reason',
  'evaluation.yearEndSheet.noScores': 'No scores',
  'evaluation.yearEndSheet.note':
    'The suggested grade is for reference only: the member’s branch confirms or changes it, giving the reason; at most a third of the branch’s graded members may be Excellent.',
  'evaluation.yearEndSheet.noBranch': '(no branch given)',
  'evaluation.yearEndSheet.branchLine': '{graded} graded, {excellent} suggested Excellent, at most {allowed}',
  'evaluation.yearEndSheet.overQuota': ' (over the limit: to be changed)',
  'evaluation.yearEndSheet.servicesValue': '{services} services / {personTimes} person-times',
  'evaluation.yearEndSheet.ratingsValue': '{n} ratings, mean {mean}',
  'evaluation.yearEndSheet.none': 'None',
  'evaluation.yearEndSheet.quarterScores': 'Quarterly scores',
  'evaluation.yearEndSheet.notScored': 'not scored',
  'evaluation.yearEndSheet.times': '{n}',
  'evaluation.yearEndSheet.cases': '{n}',
  'evaluation.yearEndSheet.pending': '(to be decided by the branch)',
  'evaluation.yearEndSheet.docNote':
    'The suggested grade follows from the quarterly scores by the district’s rule. It is for reference only: the member’s party branch confirms or changes it, giving the reason.',
  'evaluation.yearEndSheet.signature': 'Party branch (seal): __________    Date: __________',
};

/**
 * Words of the bench province's services (bench/province-services.ts): Fujian-weighted surnames
 * and given-name characters, professions, qualifications, studio and estate words, and the small
 * choice helpers the generators share.
 */

/** One element of a list, chosen by the generator. */
export function pick<T>(r: () => number, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)] as T;
}

/** A weighted choice among [value, weight] pairs. */
export function weighted<T>(pairs: ReadonlyArray<readonly [T, number]>): (r: () => number) => T {
  const total = pairs.reduce((s, [, w]) => s + w, 0);
  return (r) => {
    let x = r() * total;
    for (const [v, w] of pairs) {
      x -= w;
      if (x < 0) return v;
    }
    return (pairs[pairs.length - 1] as readonly [T, number])[0];
  };
}

/** Surnames roughly as common as they are in Fujian (陈, 林 and 黄 lead), a few two-character ones. */
export const surname = weighted<string>([
  ['陈', 11],
  ['林', 9],
  ['黄', 6],
  ['张', 4],
  ['吴', 4],
  ['王', 3.5],
  ['李', 3.5],
  ['刘', 3],
  ['郑', 3],
  ['杨', 2],
  ['蔡', 2],
  ['许', 2],
  ['叶', 1.8],
  ['谢', 1.6],
  ['曾', 1.5],
  ['邱', 1.3],
  ['周', 1.3],
  ['江', 1.2],
  ['赖', 1.2],
  ['苏', 1.2],
  ['游', 1],
  ['徐', 1],
  ['何', 1],
  ['庄', 1],
  ['罗', 1],
  ['洪', 1],
  ['郭', 1],
  ['卢', 0.8],
  ['朱', 0.8],
  ['方', 0.8],
  ['詹', 0.6],
  ['肖', 0.6],
  ['魏', 0.6],
  ['钟', 0.6],
  ['傅', 0.6],
  ['高', 0.6],
  ['潘', 0.6],
  ['余', 0.6],
  ['彭', 0.5],
  ['连', 0.5],
  ['戴', 0.5],
  ['范', 0.4],
  ['温', 0.4],
  ['欧阳', 0.15],
  ['司马', 0.03],
]);
/** Given-name characters, for men and for women. */
export const MALE = [
  ...'伟强军勇杰涛明超刚建国文辉志海春生福德荣华金水土木火平安永清宏斌彬立新忠诚俊峰林松柏龙发财荣耀鸿达晨',
];
export const FEMALE = [...'芳娜秀英敏静丽艳娟霞兰桂梅玲燕红美惠珍婉琴琳雪萍凤莲月香淑慧颖婷倩瑶洁'];

/** Professions of the people in the registry. */
export const PROFESSIONS = [
  '退休教师',
  '中学教师',
  '小学教师',
  '社区医生',
  '护士（退休）',
  '中医师',
  '药剂师',
  '律师',
  '会计师',
  '电工',
  '水电维修工',
  '家电维修技师',
  '农艺师',
  '生猪养殖专业户',
  '茶艺师',
  '心理咨询师',
  '社会工作者',
  '人力资源管理师',
  '退役军人',
  '公务员（退休）',
  '企业管理人员',
  '厨师',
  '驾驶员',
  '理发师',
  '舞蹈教师',
  '书法、音乐、绘画',
  '个体工商户',
  '网格员',
  '工程师',
  '大学生村官',
];
/** Qualifications some of them hold. */
export const QUALIFICATIONS = [
  '中级社会工作者',
  '执业医师',
  '执业律师',
  '注册会计师',
  '电工证',
  '心理咨询师二级',
  '高级农艺师',
  '教师资格证',
  '养老护理员',
];
/** When they are free to serve. */
export const AVAILABILITY = ['每周六上午', '工作日晚上', '每周日下午', '随叫随到', '每周二、四晚上'];
/** Service items by category id. */
export const ITEM_WORDS: Record<number, string[]> = {
  1: ['法律援助咨询', '劳动争议调解指导', '政策解读'],
  2: ['广场舞教学', '书法绘画培训', '文艺汇演排练'],
  3: ['优生优育咨询', '计生政策宣传'],
  4: ['求职简历指导', '就业政策解读'],
  5: ['义务健康咨询', '测量血压', '慢性病随访'],
  6: ['青少年心理疏导', '家庭关系咨询'],
  7: ['课后作业辅导', '暑期托管'],
  8: ['种植技术指导', '养殖技术咨询'],
  9: ['居家老人护理指导', '助残上门服务'],
  10: ['创业政策咨询', '小微企业帮扶'],
  11: ['家电义务维修', '家庭电路检修'],
};
/** The word a studio's name takes from its first category. */
export const STUDIO_WORD: Record<number, string> = {
  1: '法律',
  2: '文艺',
  3: '计生',
  4: '就业',
  5: '医疗卫生',
  6: '心理疏导',
  7: '学业辅导',
  8: '农技',
  9: '养老护理',
  10: '创业',
  11: '便民维修',
};
/** Statuses of the studios that are not active. */
export const OTHER_STATUSES = [
  'draft',
  'submitted',
  'community_reviewed',
  'approved',
  'contracted',
  'rectification',
  'closed',
] as const;
/** Words of estate, market and office-building names. */
export const ESTATES = ['花园', '新村', '小区', '公寓', '家园', '苑', '广场', '华府'];
export const MARKETS = ['农贸市场', '综合市场', '商贸城'];
export const OFFICES = ['商务大厦', '金融中心', '科技楼'];

/** A coordinate rounded to six decimals (about 0.1 m). */
export const round6 = (x: number) => Math.round(x * 1e6) / 1e6;
